package queries

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
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

// allPaths against a plain enumeration of every simple path (no
// distances, no pruning, every node read), for both orders of the ends
// and every length: the pruned, one-sided reading must lose no path.
func TestAllPathsComplete(t *testing.T) {
	st := openFixture(t, syntheticDocs(24)...)
	ctx := context.Background()
	for _, keys := range []bool{false, true} {
		// view is a fresh reading of the graph, so that allPaths reads
		// what it reads itself; no bound cuts a node's edges, so every
		// reading sees the same graph.
		view := func() *graphView {
			gv, err := newGraphView(st.QuadStore())
			if err != nil {
				t.Fatal(err)
			}
			if keys {
				gv.keys = st
			}
			gv.limit(maxBudget)
			return gv
		}
		gv := view()
		iri := func(name string) string {
			t.Helper()
			found, err := ResolveName(ctx, st.QuadStore(), name)
			if err != nil || len(found) != 1 {
				t.Fatalf("%s: %v %v", name, found, err)
			}
			return found[0]
		}
		// plain is every simple path of at most hops edges whose inner
		// nodes are neither end.
		plain := func(from, to string, hops int) []string {
			var out []string
			var walk func(n string, path []edge, on map[string]bool)
			walk = func(n string, path []edge, on map[string]bool) {
				if len(path) > 0 && n == to {
					var b strings.Builder
					for _, e := range path {
						b.WriteString(e.subject + " " + e.pred + " " + e.object + "; ")
					}
					out = append(out, b.String())
					return
				}
				if len(path) == hops || (len(path) > 0 && n == from) {
					return
				}
				es, err := gv.neighbours(ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range es {
					if on[e.node] {
						continue
					}
					on[e.node] = true
					walk(e.node, append(path, e), on)
					delete(on, e.node)
				}
			}
			walk(from, nil, map[string]bool{from: true})
			sort.Strings(out)
			return out
		}
		pairs := [][2]string{{"Quill", "Varna"}, {"Varna", "Quill"}, {"Commander", "NSF"}, {"NSF", "Commander"}, {"Quill", "Commander"}, {"Varna", "Commander"}}
		checked := 0
		for _, pr := range pairs {
			from, to := iri(pr[0]), iri(pr[1])
			for hops := 1; hops <= 3; hops++ {
				want := plain(from, to, hops)
				search := view()
				paths, err := search.allPaths(ctx, []string{from}, []string{to}, hops)
				if err != nil {
					t.Fatal(err)
				}
				if search.capped {
					t.Errorf("keys %v: a bound cut the search", keys)
				}
				var got []string
				for _, p := range paths {
					var b strings.Builder
					for _, e := range p {
						b.WriteString(e.subject + " " + e.pred + " " + e.object + "; ")
					}
					got = append(got, b.String())
				}
				sort.Strings(got)
				if len(want) >= maxPaths {
					continue
				}
				if !slices.Equal(got, want) {
					t.Errorf("keys %v, %s → %s, %d hops: %d paths, want %d", keys, pr[0], pr[1], hops, len(got), len(want))
				}
				checked += len(want)
			}
		}
		if gv.capped {
			t.Errorf("keys %v: a bound cut the plain reading", keys)
		}
		if checked < 100 {
			t.Errorf("only %d paths checked: the fixture is too sparse to test anything", checked)
		}
	}
}
