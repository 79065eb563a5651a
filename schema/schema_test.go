package schema

import (
	"strings"
	"testing"
)

func TestClassHierarchy(t *testing.T) {
	cases := []struct {
		c, other Class
		want     bool
	}{
		{City, Location, true},
		{Camp, Location, true},
		{Province, Region, true},
		{Camp, Facility, true},
		{ArmedGroup, Organization, true},
		{Person, Location, false},
		{Location, City, false},
		{Person, Thing, true},
	}
	for _, c := range cases {
		if got := c.c.IsA(c.other); got != c.want {
			t.Errorf("%s.IsA(%s) = %v, want %v", c.c, c.other, got, c.want)
		}
	}
	if got := Camp.Top(); got != Location {
		t.Errorf("Camp.Top() = %s", got)
	}
}

func TestEntityIRIStableAcrossFinerClass(t *testing.T) {
	if EntityIRI(Location, "Idlib") != EntityIRI(Province, "Idlib") {
		t.Fatal("refining a Location must not change its IRI")
	}
	if got := EntityIRI(Organization, "Hayat Tahrir al-Sham"); got != "ent:organization/hayat-tahrir-al-sham" {
		t.Fatalf("EntityIRI = %q", got)
	}
	if EntityIRI(Person, "Jordan") == EntityIRI(Country, "Jordan") {
		t.Fatal("a person and a country with one name must be two nodes")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"U.S.":             "us",
		"Kevin O'Brien":    "kevin-obrien",
		"  São   Paulo ":   "são-paulo",
		"al-Hol camp":      "al-hol-camp",
		"!!!":              "_",
		"Coordinator (UN)": "coordinator-un",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIRIExpansionRoundTrip(t *testing.T) {
	for _, iri := range []string{"ng:controls", "ent:person/x", "doc:a%20b", "rdf:type"} {
		full := ExpandIRI(iri)
		if full == iri || !strings.HasPrefix(full, "http") {
			t.Errorf("ExpandIRI(%q) = %q", iri, full)
		}
		if back := CompactIRI(full); back != iri {
			t.Errorf("CompactIRI(%q) = %q, want %q", full, back, iri)
		}
	}
	if got := ExpandIRI("urn:x"); got != "urn:x" {
		t.Errorf("unknown prefix changed: %q", got)
	}
}

func TestDocIRIEscapes(t *testing.T) {
	if got := DocIRI(`a b>"c`); strings.ContainsAny(got, ` >"`) {
		t.Fatalf("DocIRI left unsafe characters: %q", got)
	}
}

func TestValidate(t *testing.T) {
	x := &Extraction{Entities: []Entity{
		{IRI: EntityIRI(Organization, "HTS"), Name: "HTS", Class: ArmedGroup},
		{IRI: EntityIRI(Location, "Idlib"), Name: "Idlib", Class: Province},
		{IRI: EntityIRI(Person, "Jeffrey"), Name: "Jeffrey", Class: Person},
		{IRI: EntityIRI(Role, "envoy"), Name: "envoy", Class: Role},
		{IRI: EntityIRI(Organization, "Harbor Party"), Name: "Harbor Party", Class: PoliticalParty},
		{IRI: EntityIRI(Organization, "Senate"), Name: "Senate", Class: Government},
	}}
	hts, idlib, jeff, envoy := x.Entities[0].IRI, x.Entities[1].IRI, x.Entities[2].IRI, x.Entities[3].IRI
	party, senate := x.Entities[4].IRI, x.Entities[5].IRI
	ok := []Fact{
		{Subject: hts, Predicate: "controls", Object: idlib},
		{Subject: party, Predicate: "controls", Object: senate}, // a chamber is a government body
		{Subject: jeff, Predicate: "role", Object: envoy},
		{Subject: idlib, Predicate: "population", Object: "3000000"},
	}
	for _, f := range ok {
		if err := Validate(f, x.ClassOf); err != nil {
			t.Errorf("Validate(%v) = %v", f, err)
		}
	}
	bad := map[string]Fact{
		"range":     {Subject: hts, Predicate: "controls", Object: jeff},
		"org range": {Subject: senate, Predicate: "controls", Object: party}, // a party is no government body
		"domain":    {Subject: idlib, Predicate: "role", Object: envoy},
		"predicate": {Subject: hts, Predicate: "likes", Object: idlib},
		"missing":   {Subject: "ent:person/nobody", Predicate: "role", Object: envoy},
		"self":      {Subject: hts, Predicate: "backs", Object: hts},
		"empty":     {Subject: idlib, Predicate: "population", Object: " "},
	}
	for name, f := range bad {
		err := Validate(f, x.ClassOf)
		if err == nil {
			t.Errorf("%s: Validate(%v) accepted a bad fact", name, f)
		}
	}
}

func TestEveryPredicateHasInverseOrIsLiteral(t *testing.T) {
	for _, p := range Predicates() {
		if !p.Literal() && p.Inverse == "" {
			t.Errorf("predicate %s has no inverse", p.Name)
		}
		if len(p.Domain) == 0 || len(p.Range) == 0 {
			t.Errorf("predicate %s lacks domain or range", p.Name)
		}
	}
}

func TestEvidenceIRIStable(t *testing.T) {
	f := Fact{Subject: "a", Predicate: "controls", Object: "b", Evidence: Evidence{DocID: "d 1", Start: 1, End: 9, Rule: "r"}}
	if f.EvidenceIRI() != f.EvidenceIRI() || !strings.HasPrefix(f.EvidenceIRI(), "ev:d%201/") {
		t.Fatalf("EvidenceIRI = %q", f.EvidenceIRI())
	}
	g := f
	g.Evidence.Start = 2
	if f.EvidenceIRI() == g.EvidenceIRI() {
		t.Fatal("different sentences must give different evidence nodes")
	}
}
