package resolve

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

func person(name string, aliases ...string) schema.Entity {
	return schema.Entity{IRI: schema.EntityIRI(schema.Person, name), Name: name, Class: schema.Person, Aliases: append([]string{name}, aliases...)}
}

func org(name string, aliases ...string) schema.Entity {
	return schema.Entity{IRI: schema.EntityIRI(schema.Organization, name), Name: name, Class: schema.ArmedGroup, Aliases: append([]string{name}, aliases...)}
}

func doc(id string, ents ...schema.Entity) schema.Extraction {
	return schema.Extraction{Document: schema.Document{ID: id, Text: "text of " + id}, Entities: ents}
}

func TestResolveAcrossDocuments(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Path: filepath.Join(t.TempDir(), "g.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = st.WriteDocuments(ctx, []schema.Extraction{
		doc("d1", person("James Jeffrey", "Ambassador James Jeffrey", "Jeffrey"), org("Hayat Tahrir al-Sham", "HTS")),
		doc("d2", person("Jeffrey"), org("HTS")),
		doc("d3", person("Nathan Sales")),
		doc("d4", person("Sales")),
		// Two full-named Kovacs: a bare "Kovac" could be either.
		doc("d5", person("Anna Kovac"), person("Marta Kovac")),
		doc("d6", person("Kovac")),
	})
	if err != nil {
		t.Fatal(err)
	}
	cands, err := Propose(ctx, st.QuadStore())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Candidate{
		"ent:person/jeffrey":   {Into: "ent:person/james-jeffrey", Rule: RuleAlias},
		"ent:organization/hts": {Into: "ent:organization/hayat-tahrir-al-sham", Rule: RuleAlias},
		"ent:person/sales":     {Into: "ent:person/nathan-sales", Rule: RuleSurname},
	}
	if len(cands) != len(want) {
		t.Fatalf("proposed %+v, want %d merges", cands, len(want))
	}
	for _, c := range cands {
		w, ok := want[c.From]
		if !ok || w.Into != c.Into || w.Rule != c.Rule {
			t.Errorf("unexpected merge %+v", c)
		}
	}

	made, err := Apply(ctx, st, RuleAlias)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) != 2 {
		t.Fatalf("alias rule made %d merges: %+v", len(made), made)
	}
	made, err = Apply(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(made) != 1 || made[0].Rule != RuleSurname || len(made[0].Documents) != 1 || made[0].Documents[0] != "d4" {
		t.Fatalf("second pass: %+v", made)
	}
	// Idempotent, and each merge can be undone.
	if again, err := Apply(ctx, st); err != nil || len(again) != 0 {
		t.Fatalf("third pass made %+v, %v", again, err)
	}
	ms, err := st.Merges(ctx)
	if err != nil || len(ms) != 3 {
		t.Fatalf("merges %+v, %v", ms, err)
	}
	if err := st.Unmerge(ctx, ms[0].ID); err != nil {
		t.Fatal(err)
	}
	if ms, _ := st.Merges(ctx); len(ms) != 2 {
		t.Fatalf("after unmerge: %d merges", len(ms))
	}
}
