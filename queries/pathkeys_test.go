package queries

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// The path searches read neighbours from index entries when the runner
// has the store's KeyReader. Unbounded, they must give the rows the quad
// scans give; at the default bound on a store with hubs, both must say
// that the bound cut the search, and the key reads (one per distinct
// incoming neighbour, not one per quad) must find every connections row
// the scans find (shortest-path keeps only the shortest paths, which a
// search that reads further may replace).
func TestPathSearchFromKeys(t *testing.T) {
	st := openFixture(t, syntheticDocs(300)...)
	reg := mustLoad(t, "")
	scan := &Runner{QS: st.QuadStore(), RowLimit: 100000}
	keyed := &Runner{QS: st.QuadStore(), Keys: st, RowLimit: 100000}
	for _, name := range []string{"connections", "shortest-path"} {
		q, _ := reg.Get(name)
		for _, budget := range []string{"1000000", "12000"} {
			p := map[string]string{"from": "Person 001", "to": "Ostland", "budget": budget}
			if name == "connections" {
				p["hops"] = "3"
			}
			a, err := scan.RunAll(context.Background(), q, p)
			if err != nil {
				t.Fatal(err)
			}
			b, err := keyed.RunAll(context.Background(), q, p)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Rows) == 0 {
				t.Fatalf("%s budget %s: no rows", name, budget)
			}
			if budget == "1000000" {
				if len(a.Notes)+len(b.Notes) != 0 || !reflect.DeepEqual(a.Rows, b.Rows) {
					t.Errorf("%s unbounded: scan %d rows %v, keys %d rows %v", name, len(a.Rows), a.Notes, len(b.Rows), b.Notes)
				}
				continue
			}
			if len(a.Notes) == 0 || len(b.Notes) == 0 {
				t.Errorf("%s budget %s: no bound note (scan %v, keys %v): the fixture should have hubs", name, budget, a.Notes, b.Notes)
			}
			if name == "connections" { // all simple paths: the keyed rows include the scan's
				have := map[string]bool{}
				for _, r := range b.Rows {
					have[fmt.Sprint(r["subject"], r["predicate"], r["object"])] = true
				}
				for _, r := range a.Rows {
					if !have[fmt.Sprint(r["subject"], r["predicate"], r["object"])] {
						t.Errorf("connections budget %s: scan edge %v missing from the keyed search", budget, r)
					}
				}
			}
		}
	}
}
