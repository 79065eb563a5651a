package schema

import (
	"testing"

	"github.com/cayleygraph/quad"
)

func TestDocIDOf(t *testing.T) {
	for _, id := range []string{"plain", "a b/c?d", "ünï", "100%", ""} {
		got, ok := DocIDOf(DocIRI(id))
		if !ok || got != id {
			t.Errorf("DocIDOf(DocIRI(%q)) = %q, %v", id, got, ok)
		}
	}
	if got, ok := DocIDOf("ent:person/x"); ok || got != "ent:person/x" {
		t.Errorf("non-document IRI: %q, %v", got, ok)
	}
	if got, ok := DocIDOf("doc:bad%zz"); !ok || got != "bad%zz" {
		t.Errorf("malformed escape: %q, %v", got, ok)
	}
}

func TestLiteralText(t *testing.T) {
	for _, c := range []struct {
		v    quad.Value
		want string
		ok   bool
	}{
		{quad.String("Idlib"), "Idlib", true},
		{quad.TypedString{Value: "70000", Type: "xsd:decimal"}, "70000", true},
		{quad.LangString{Value: "Halab", Lang: "ar"}, "Halab", true},
		{quad.IRI("ent:location/idlib"), "", false},
		{quad.Int(3), "", false},
		{nil, "", false},
	} {
		got, ok := LiteralText(c.v)
		if got != c.want || ok != c.ok {
			t.Errorf("LiteralText(%#v) = %q, %v; want %q, %v", c.v, got, ok, c.want, c.ok)
		}
	}
}

func TestEntityTop(t *testing.T) {
	for iri, want := range map[string]string{
		EntityIRI(City, "Idlib"):        "location",
		EntityIRI(Person, "J. Jeffrey"): "person",
		"ent:role":                      "role",
		"doc:ent:person/x":              "",
		"":                              "",
	} {
		if got := EntityTop(iri); got != want {
			t.Errorf("EntityTop(%q) = %q, want %q", iri, got, want)
		}
	}
}
