package queries

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// The path searches read neighbours from index entries when the runner
// has the store's KeyReader. Unbounded, they must give the rows the quad
// scans give; at the default bound on a store with hubs, both must say
// that the bound cut the search, and the key reads (one per distinct
// neighbour, not one per quad) must find every connections row
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
			// The scans count quads (one per document stating a link), the
			// key reads links: only the scans must meet the bound here
			// (TestPathSearchBackendsAgree bounds the key reads).
			if len(a.Notes) == 0 {
				t.Errorf("%s budget %s: no bound note on the scan (keys %v): the fixture should have hubs", name, budget, b.Notes)
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
// distances, no pruning, every node read), for both orders of the ends,
// ends of several entities (sharing one, too), every length and pages of
// every size: the pruned, one-sided, page-bounded reading must give the
// same paths in the same order, each page the start of the next.
func TestAllPathsComplete(t *testing.T) {
	// Facts both ways between the same entities make paths that differ
	// only in an edge's direction: the order must still be one.
	group := ent(schema.ArmedGroup, "Group 001")
	ties := doc("ties-1", "Ties", time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
		[]schema.Entity{quill, nsf, group}, []string{"Quill and Group 001 oppose each other, and the NSF."},
		fact(group, "opposes", quill.IRI, 0, 0.5), fact(quill, "opposes", group.IRI, 0, 0.5),
		fact(nsf, "opposes", group.IRI, 0, 0.5), fact(group, "opposes", nsf.IRI, 0, 0.5))
	st := openFixture(t, append(syntheticDocs(24), ties)...)
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
		str := func(p []edge) string {
			var b strings.Builder
			for _, e := range p {
				b.WriteString(e.subject + " " + e.pred + " " + e.object + "; ")
			}
			return b.String()
		}
		// plain is every simple path of at most hops edges from a from
		// entity to a to entity whose inner nodes are neither, in
		// canonical order (shortest first, then the nodes from "from",
		// then the predicates, then the edges' subjects).
		plain := func(from, to []string, hops int) []string {
			isFrom, isTo := map[string]bool{}, map[string]bool{}
			for _, f := range from {
				isFrom[f] = true
			}
			for _, t := range to {
				isTo[t] = true
			}
			type found struct{ key, path string }
			var out []found
			var walk func(n string, path []edge, nodes []string, on map[string]bool)
			walk = func(n string, path []edge, nodes []string, on map[string]bool) {
				if len(path) > 0 && isTo[n] {
					var preds, subjects []string
					for _, e := range path {
						preds = append(preds, e.pred)
						subjects = append(subjects, e.subject)
					}
					// \x00 sorts before every character of an IRI, so
					// the joined strings compare element by element.
					key := fmt.Sprintf("%d\x01%s\x01%s\x01%s", len(path), strings.Join(nodes, "\x00"),
						strings.Join(preds, "\x00"), strings.Join(subjects, "\x00"))
					out = append(out, found{key, str(path)})
					return
				}
				if len(path) == hops || (len(path) > 0 && isFrom[n]) {
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
			for _, f := range from {
				walk(f, nil, []string{f}, map[string]bool{f: true})
			}
			sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
			paths := make([]string, len(out))
			for i, f := range out {
				paths[i] = f.path
			}
			return paths
		}
		one := func(names ...string) []string {
			var out []string
			for _, n := range names {
				out = append(out, iri(n))
			}
			return out
		}
		pairs := [][2][]string{
			{one("Quill"), one("Varna")}, {one("Varna"), one("Quill")},
			{one("Commander"), one("NSF")}, {one("NSF"), one("Commander")},
			{one("Quill"), one("Commander")}, {one("Varna"), one("Commander")},
			{one("Quill"), one("NSF")}, {one("NSF"), one("Quill")}, // the tied paths
			{one("Quill", "Group 001"), one("NSF", "Varna")},
			{one("NSF", "Varna"), one("Quill", "Group 001")},
			{one("Quill", "NSF"), one("NSF", "Commander")}, // an entity at both ends
		}
		checked, cut, shortOnly := 0, 0, 0
		for _, pr := range pairs {
			from, to := pr[0], pr[1]
			for hops := 1; hops <= 4; hops++ {
				want := plain(from, to, hops)
				if len(want) >= maxPaths {
					continue
				}
				// keep 0 is every path; the others are pages, some
				// within the short paths and some beyond.
				var prev []string
				keeps := []int{1, 2, 3, 5, 20, len(want) - 1, len(want), len(want) + 1}
				slices.Sort(keeps)
				for _, keep := range append(slices.Compact(keeps), 0) {
					if keep < 0 {
						continue
					}
					search := view()
					paths, err := search.allPaths(ctx, from, to, hops, keep)
					if err != nil {
						t.Fatal(err)
					}
					if search.capped {
						t.Errorf("keys %v: a bound cut the search", keys)
					}
					var got []string
					for _, p := range paths {
						got = append(got, str(p))
					}
					w := want
					if keep > 0 && keep < len(w) {
						w = w[:keep]
						cut++
					}
					if !slices.Equal(got, w) {
						t.Errorf("keys %v, %v → %v, %d hops, keep %d: got %d paths\n%s\nwant %d\n%s", keys, from, to, hops, keep,
							len(got), strings.Join(got, "\n"), len(w), strings.Join(w, "\n"))
					}
					if len(got) < len(prev) || !slices.Equal(got[:len(prev)], prev) {
						t.Errorf("keys %v, %v → %v, %d hops, keep %d: not the previous page's start", keys, from, to, hops, keep)
					}
					prev = got
					// A page of paths of at most two edges needs no
					// reading beyond the ends.
					if keep > 0 && hops == 3 && len(w) == keep && len(paths) > 0 && len(paths[len(paths)-1]) <= 2 {
						shortOnly++
						if ends := len(slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(from), to...))))); len(search.adj) != ends {
							t.Errorf("keys %v, %v → %v, keep %d: read %d nodes for paths of two edges, want the ends", keys, from, to, keep, len(search.adj))
						}
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

		// The cap on paths: the first paths in order, and a note.
		from, to := one("Commander"), one("NSF")
		capChecked := 0
		for hops := 2; hops <= 4; hops++ {
			want := plain(from, to, hops)
			for _, limit := range []int{3, 10, len(want) - 1} {
				if limit < 1 || limit >= len(want) {
					continue
				}
				search := view()
				search.pathLimit = limit
				paths, err := search.allPaths(ctx, from, to, hops, 0)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, p := range paths {
					got = append(got, str(p))
				}
				if hops <= 3 && !slices.Equal(got, want[:limit]) {
					// Four hops walk until the cap and sort what they found.
					t.Errorf("keys %v, cap %d, %d hops: got %v, want the first %d paths", keys, limit, hops, got, limit)
				}
				if len(got) != limit || !search.capped {
					t.Errorf("keys %v, cap %d, %d hops: %d paths, capped %v; want %d and a note", keys, limit, hops, len(got), search.capped, limit)
				}
				capChecked++
			}
		}
		if capChecked < 6 {
			t.Errorf("the cap was tested %d times: too few paths between the ends", capChecked)
		}
	}
}
