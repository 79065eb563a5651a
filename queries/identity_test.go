package queries

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// identityFixture adds an organisation stored under its short name with
// the long name's IRI (as a merge or an export from elsewhere leaves it),
// and a second "Quill" (a city) so that the surname alone is ambiguous.
func identityFixture(t *testing.T) (*Runner, schema.Entity) {
	t.Helper()
	un := schema.Entity{IRI: schema.EntityIRI(schema.Organization, "United Nations"), Name: "UN", Class: schema.Organization, Aliases: []string{"UN"}}
	quillCity := ent(schema.City, "Quill")
	d := doc("un-1", "UN visits Dorn", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC),
		[]schema.Entity{un, dorn, quillCity},
		[]string{"The UN controls the road to Dorn.", "Quill is a town."},
		fact(un, "controls", dorn.IRI, 0, 0.8))
	st := openFixture(t, d)
	return &Runner{QS: st.QuadStore(), Keys: st}, un
}

// TestEntityBySlugNameAliasIRI: issue 17 — `query sources --param
// entity="United Nations"` failed although the entity's IRI is
// ent:organization/united-nations (its stored name being "UN"). Name,
// alias, slug, IRI and the REST path form now lead to the same entity.
func TestEntityBySlugNameAliasIRI(t *testing.T) {
	r, un := identityFixture(t)
	q, _ := mustLoad(t, "").Get("sources")
	for _, text := range []string{"United Nations", "united nations", "UN", "united-nations", un.IRI, "organization/united-nations"} {
		res, err := r.Run(context.Background(), q, map[string]string{"entity": text})
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if got := table(res, "entity", "document"); len(got) != 1 || got[0] != "UN | doc:un-1" {
			t.Errorf("%q: rows %q", text, got)
		}
	}
	// The Go query takes the same forms.
	sp, _ := mustLoad(t, "").Get("shortest-path")
	res, err := r.Run(context.Background(), sp, map[string]string{"from": "United Nations", "to": "Dorn"})
	if err != nil || len(res.Rows) != 1 {
		t.Errorf("shortest-path from the slug: %v %v", res, err)
	}
}

// TestAmbiguousNameListsCandidates: a name that stands for two entities is
// answered with the candidates (class, IRI, documents), not a guess, and
// the error is one sentence with no script position.
func TestAmbiguousNameListsCandidates(t *testing.T) {
	r, _ := identityFixture(t)
	reg := mustLoad(t, "")
	for _, name := range []string{"sources", "shortest-path"} {
		q, _ := reg.Get(name)
		param := "entity"
		vals := map[string]string{"entity": "Quill"}
		if name == "shortest-path" {
			param, vals = "from", map[string]string{"from": "Quill", "to": "Dorn"}
		}
		_, err := r.Run(context.Background(), q, vals)
		var pe *ParamError
		if !errors.As(err, &pe) {
			t.Fatalf("%s: err %v, want a ParamError", name, err)
		}
		if pe.Code != CodeAmbiguous || pe.Param != param || len(pe.Candidates) != 2 {
			t.Fatalf("%s: %+v", name, pe)
		}
		// Mara Quill is in two documents, the town in one: most first.
		c := pe.Candidates
		if c[0].IRI != quill.IRI || c[0].Class != "Person" || c[0].Documents != 2 || c[1].Class != "City" || c[1].Documents != 1 {
			t.Errorf("%s: candidates %+v", name, c)
		}
		msg := err.Error()
		for _, want := range []string{`"Quill" names 2 entities`, "Mara Quill (Person ent:person/mara-quill, 2 documents)", "give the IRI"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: message %q lacks %q", name, msg, want)
			}
		}
	}
	// Giving the IRI settles it.
	q, _ := reg.Get("sources")
	if _, err := r.Run(context.Background(), q, map[string]string{"entity": quill.IRI}); err != nil {
		t.Error(err)
	}
}

// TestUnknownEntityNoScriptPosition: issue 17 — the error was `no entity
// named "United Nations" … at one (lib.js:84:30(27))`.
func TestUnknownEntityNoScriptPosition(t *testing.T) {
	r, _ := identityFixture(t)
	q, _ := mustLoad(t, "").Get("sources")
	_, err := r.Run(context.Background(), q, map[string]string{"entity": "Nobody Atall"})
	var pe *ParamError
	if !errors.As(err, &pe) || pe.Code != CodeEntityNotFound || pe.ErrorCode() != "entity_not_found" {
		t.Fatalf("err %v", err)
	}
	if msg := err.Error(); strings.Contains(msg, "lib.js") || regexp.MustCompile(`:\d+:\d+`).MatchString(msg) || !strings.Contains(msg, "newsgraph query entities") {
		t.Errorf("message %q", msg)
	}
}
