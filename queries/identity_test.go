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
	// lib.js without the natives (as in Cayley's console) reads the same
	// forms.
	plain := &Runner{QS: r.QS, plain: true}
	for _, text := range []string{"United Nations", "UN", "organization/united-nations"} {
		res, err := plain.Run(context.Background(), q, map[string]string{"entity": text})
		if err != nil || len(res.Rows) != 1 || res.Rows[0]["entity"] != "UN" {
			t.Errorf("plain %q: %v %v", text, res, err)
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

// TestQueryClassSettlesAName: a query that wants a person (roles) or a
// place (who-controls) takes, of the entities named "Quill", the one of
// that class; a query that takes any entity still lists both.
func TestQueryClassSettlesAName(t *testing.T) {
	r, _ := identityFixture(t)
	reg := mustLoad(t, "")
	roles, _ := reg.Get("roles")
	res, err := r.Run(context.Background(), roles, map[string]string{"person": "Quill"})
	if err != nil || len(res.Rows) == 0 || res.Rows[0]["source"] != quill.IRI {
		t.Errorf("roles of Quill: %v %v", res, err)
	}
	wc, _ := reg.Get("who-controls")
	if _, err := r.Run(context.Background(), wc, map[string]string{"place": "Quill"}); err != nil {
		t.Errorf("who-controls Quill (the town): %v", err)
	}
	// Without the natives, lib.js filters the same way.
	plain := &Runner{QS: r.QS, plain: true}
	res, err = plain.Run(context.Background(), roles, map[string]string{"person": "Quill"})
	if err != nil || len(res.Rows) == 0 || res.Rows[0]["source"] != quill.IRI {
		t.Errorf("plain roles of Quill: %v %v", res, err)
	}
	st, _ := reg.Get("statements")
	var pe *ParamError
	if _, err := r.Run(context.Background(), st, map[string]string{"speaker": "Quill"}); !errors.As(err, &pe) || pe.Code != CodeAmbiguous {
		t.Errorf("statements of Quill: %v, want the candidates", err)
	}
}

// TestReaderForms: issue 16 — lookups accept a name as people type it:
// with an honorific or a title, with "the", or as a variant of a listed
// name family; the stored forms still come first.
func TestReaderForms(t *testing.T) {
	verro := ent(schema.Person, "Anselm Verro", "Verro")
	tories := schema.Entity{IRI: schema.EntityIRI(schema.PoliticalParty, "Conservative Party"), Name: "Conservatives", Class: schema.PoliticalParty, Aliases: []string{"Conservatives"}}
	d := doc("rf-1", "Verro and the party", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC),
		[]schema.Entity{verro, tories, dorn},
		[]string{"Anselm Verro leads the Conservatives in Dorn."},
		fact(verro, "leads", tories.IRI, 0, 0.9))
	st := openFixture(t, d)
	r := &Runner{QS: st.QuadStore(), Keys: st}
	q, _ := mustLoad(t, "").Get("relations")
	for text, want := range map[string]string{
		"Mr Verro": verro.IRI, "Mr. Anselm Verro": verro.IRI, "Senator Verro": verro.IRI,
		"the Conservatives": tories.IRI, "Tories": tories.IRI, "the Tory party": tories.IRI,
		"Dorn": dorn.IRI, "the Dorn": dorn.IRI,
	} {
		res, err := r.Run(context.Background(), q, map[string]string{"entity": text})
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if len(res.Rows) == 0 {
			t.Errorf("%q: no rows", text)
		}
		got, err := ResolveName(context.Background(), r.QS, r.Keys, text)
		if err != nil || len(got) != 1 || got[0] != want {
			t.Errorf("ResolveName(%q) = %v, %v; want %s", text, got, err, want)
		}
	}
	// A title alone names nothing, and a name no form matches stays unknown.
	for _, text := range []string{"Mr", "Senator Quorwin"} {
		if got, err := ResolveName(context.Background(), r.QS, r.Keys, text); err != nil || len(got) != 0 {
			t.Errorf("ResolveName(%q) = %v, %v; want nothing", text, got, err)
		}
	}
}

// TestAmbiguousNameShowsMergedNodeByItsTarget: a name that matches a node
// merged into another ("Mueller", merged into Robert Mueller) lists the
// merge's most mentioned node, the one a reader knows, among the candidates.
func TestAmbiguousNameShowsMergedNodeByItsTarget(t *testing.T) {
	ctx := context.Background()
	full := ent(schema.Person, "Anselm Verro", "Anselm Verro")
	short := ent(schema.Person, "Verro")
	city := ent(schema.City, "Verro")
	day := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	st := openFixture(t,
		doc("mv-1", "one", day, []schema.Entity{full}, []string{"Anselm Verro spoke."}),
		doc("mv-2", "two", day, []schema.Entity{full}, []string{"Anselm Verro spoke again."}),
		doc("mv-3", "three", day, []schema.Entity{short}, []string{"Verro spoke."}),
		doc("mv-4", "four", day, []schema.Entity{city}, []string{"Verro is a town."}))
	if _, err := st.Merge(ctx, short.IRI, full.IRI, "test"); err != nil {
		t.Fatal(err)
	}
	iris, cands, err := ResolveEntity(ctx, st.QuadStore(), st, "Verro", "")
	if err != nil || iris != nil || len(cands) != 2 {
		t.Fatalf("ResolveEntity(Verro) = %v, %v, %v; want two candidates", iris, cands, err)
	}
	if cands[0].IRI != full.IRI || cands[0].Documents != 2 {
		t.Errorf("first candidate %v, want %s with 2 documents", cands[0], full.IRI)
	}
	for _, c := range cands {
		if c.IRI == short.IRI {
			t.Errorf("the merged-away node %s is listed", short.IRI)
		}
	}
}
