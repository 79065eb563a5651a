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
			found, err := ResolveName(ctx, st.QuadStore(), nil, name)
			if err != nil || len(found) != 1 {
				t.Fatalf("%s: %v %v", name, found, err)
			}
			return found[0]
		}
		// plain is every simple path of at most hops edges whose inner
		// nodes are neither end, in canonical order (shortest first, then
		// the nodes from "from", then the predicates), each as a string.
		plain := func(from, to string, hops int) []string {
			type found struct{ key, path string }
			var out []found
			var walk func(n string, path []edge, nodes []string, on map[string]bool)
			walk = func(n string, path []edge, nodes []string, on map[string]bool) {
				if len(path) > 0 && n == to {
					var b strings.Builder
					var preds []string
					for _, e := range path {
						b.WriteString(e.subject + " " + e.pred + " " + e.object + "; ")
						preds = append(preds, e.pred)
					}
					// \x00 sorts before every character of an IRI, so
					// the joined strings compare element by element.
					key := fmt.Sprintf("%d\x01%s\x01%s", len(path), strings.Join(nodes, "\x00"), strings.Join(preds, "\x00"))
					out = append(out, found{key, b.String()})
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
					walk(e.node, append(path, e), append(nodes, e.node), on)
					delete(on, e.node)
				}
			}
			walk(from, nil, []string{from}, map[string]bool{from: true})
			sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
			paths := make([]string, len(out))
			for i, f := range out {
				paths[i] = f.path
			}
			return paths
		}
		pairs := [][2]string{{"Quill", "Varna"}, {"Varna", "Quill"}, {"Commander", "NSF"}, {"NSF", "Commander"}, {"Quill", "Commander"}, {"Varna", "Commander"}}
		checked, cut, shortOnly := 0, 0, 0
		for _, pr := range pairs {
			from, to := iri(pr[0]), iri(pr[1])
			for hops := 1; hops <= 4; hops++ {
				want := plain(from, to, hops)
				if len(want) >= maxPaths {
					continue
				}
				// keep 0 is every path; the others are pages, some
				// within the short paths and some beyond.
				for _, keep := range []int{0, 1, 2, 5, 20, len(want) - 1, len(want), len(want) + 1} {
					if keep < 0 {
						continue
					}
					search := view()
					paths, err := search.allPaths(ctx, []string{from}, []string{to}, hops, keep)
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
					w := want
					if keep > 0 && keep < len(w) {
						w = w[:keep]
						cut++
					}
					// A page of paths of at most two edges needs no
					// reading beyond the two ends.
					if keep > 0 && hops == 3 && len(w) == keep && len(paths) > 0 && len(paths[len(paths)-1]) <= 2 {
						shortOnly++
						if len(search.adj) != 2 {
							t.Errorf("keys %v, %s → %s, keep %d: read %d nodes for paths of two edges, want the 2 ends", keys, pr[0], pr[1], keep, len(search.adj))
						}
					}
					if !slices.Equal(got, w) {
						t.Errorf("keys %v, %s → %s, %d hops, keep %d: got %d paths\n%s\nwant %d\n%s", keys, pr[0], pr[1], hops, keep,
							len(got), strings.Join(got, "\n"), len(w), strings.Join(w, "\n"))
					}
				}
				checked += len(want)
			}
		}
		if cut < 10 || shortOnly < 3 {
			t.Errorf("%d searches cut to a page, %d of them answered by short paths: the fixture does not test keep", cut, shortOnly)
		}
		if gv.capped {
			t.Errorf("keys %v: a bound cut the plain reading", keys)
		}
		if checked < 100 {
			t.Errorf("only %d paths checked: the fixture is too sparse to test anything", checked)
		}
	}
}
