package graph

import (
	"context"
	"sort"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// TestSubjectSet: the loose index scan gives the same subjects, with the
// same values, as the listing it replaces in name resolution (Subjects),
// for a class (many subjects, many quads each), a busy name (one subject,
// a quad per document) and a value no quad has; bolt answers ok false.
func TestSubjectSet(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, postgresConfig(t))
	write(t, s, synthCorpus(0, 60, 1)...)
	write(t, s, synthCorpus(60, 60, 1)...)
	qs := s.QuadStore()
	ref := refOf(t, qs)
	typ, name := ref(quad.IRI(schema.PredType)), ref(quad.IRI(schema.PredName))
	// The most-named string: a hub's name.
	nameHash, _ := sqlRef(name)
	var busy string
	if err := s.db.QueryRowContext(ctx, `SELECT n.value_string FROM quads q JOIN nodes n ON n.hash = q.object_hash
		WHERE q.predicate_hash = $1 GROUP BY n.value_string ORDER BY count(*) DESC, n.value_string LIMIT 1`, nameHash).Scan(&busy); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		pred, obj cgraph.Ref
		min       int
	}{
		{"people", typ, ref(quad.IRI(schema.Person.IRI())), 5},
		{"a busy name " + busy, name, ref(quad.String(busy)), 1},
		{"an unknown name", name, ref(quad.String("No Such Name Anywhere")), 0},
	} {
		it, err := s.Subjects(c.pred, c.obj)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for {
			ok, err := it.Next(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				break
			}
			want = append(want, quad.StringOf(it.Value()))
		}
		it.Close()
		got, ok, err := s.SubjectSet(ctx, c.pred, c.obj)
		if err != nil || !ok {
			t.Fatalf("%s: SubjectSet ok %v, %v", c.name, ok, err)
		}
		var gotS []string
		for k, v := range got {
			if k != ref(v).Key() {
				t.Errorf("%s: %v keyed %v", c.name, v, k)
			}
			gotS = append(gotS, quad.StringOf(v))
		}
		sort.Strings(want)
		sort.Strings(gotS)
		if len(want) < c.min {
			t.Fatalf("%s: %d subjects, the test wants at least %d", c.name, len(want), c.min)
		}
		if len(gotS) != len(want) {
			t.Fatalf("%s: SubjectSet %d subjects, Subjects %d: %v vs %v", c.name, len(gotS), len(want), gotS, want)
		}
		for i := range want {
			if gotS[i] != want[i] {
				t.Errorf("%s: SubjectSet %v, Subjects %v", c.name, gotS, want)
				break
			}
		}
	}
	b := openStore(t, Config{Path: t.TempDir() + "/db", Options: map[string]any{"nosync": true}})
	if _, ok, err := b.SubjectSet(ctx, typ, typ); ok || err != nil {
		t.Errorf("bolt: SubjectSet ok %v, %v; want false, nil", ok, err)
	}
}
