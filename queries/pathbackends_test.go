package queries

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// TestPathSearchBackendsAgree runs the bounded path searches on the same
// extraction stored in PostgreSQL, in bolt, and in bolt written in the
// reverse order: a bound must keep the same edges on each (the links in
// value-hash order, counted alike, graph.Links), so the rows and the
// notes are the same. Bounds that counted quads in store order gave 8
// shortest-path rows on PostgreSQL and 4 on bolt at 10k articles, and
// here a bound note on bolt only.
func TestPathSearchBackendsAgree(t *testing.T) {
	docs := syntheticDocs(300)
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	pg := openFixtureIn(t, graphtest.Postgres(t), docs...)
	bolt := openFixtureIn(t, graphtest.Bolt(t), docs...)
	boltRev := openFixtureIn(t, graphtest.Bolt(t), rev...)
	runners := map[string]*Runner{
		"postgres":      {QS: pg.QuadStore(), Keys: pg, RowLimit: 100000},
		"bolt":          {QS: bolt.QuadStore(), Keys: bolt, RowLimit: 100000},
		"bolt reversed": {QS: boltRev.QuadStore(), Keys: boltRev, RowLimit: 100000},
	}
	reg := mustLoad(t, "")
	for _, name := range []string{"connections", "shortest-path"} {
		q, _ := reg.Get(name)
		for _, budget := range []string{"1000", "12000"} {
			p := map[string]string{"from": "Person 001", "to": "Ostland", "budget": budget}
			want, err := runners["bolt"].RunAll(context.Background(), q, p)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Rows) == 0 {
				t.Fatalf("%s budget %s: no rows", name, budget)
			}
			if budget == "1000" && len(want.Notes) == 0 {
				t.Errorf("%s budget %s: no bound note: the fixture should have hubs", name, budget)
			}
			for _, other := range []string{"postgres", "bolt reversed"} {
				got, err := runners[other].RunAll(context.Background(), q, p)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Rows, want.Rows) || !reflect.DeepEqual(got.Notes, want.Notes) {
					t.Errorf("%s budget %s: %s %d rows %v, bolt %d rows %v", name, budget, other, len(got.Rows), got.Notes, len(want.Rows), want.Notes)
				}
			}
		}
	}
}
