package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// TestManyLinksMatchesLinks: a frontier read at once (ManyLinks on
// PostgreSQL, cut per node with Bound) gives each node exactly what Links
// gives it on PostgreSQL and on bolt holding the same documents, link by
// link in order, with the same reads counted and the same Capped, for
// per-predicate bounds that cut hubs and read bounds that stop mid-node.
// A node with no quads gets empty lists; bolt answers ok false.
func TestManyLinksMatchesLinks(t *testing.T) {
	ctx := context.Background()
	docs := synthCorpus(0, 80, 1)
	pg := openStore(t, postgresConfig(t))
	bolt := openStore(t, backends()[0].open(t))
	write(t, pg, docs...)
	write(t, bolt, docs...)

	var predIRIs []quad.IRI
	for _, p := range schema.Predicates() {
		if !p.Literal() {
			predIRIs = append(predIRIs, quad.IRI(p.IRI()))
		}
	}
	predIRIs = append(predIRIs, quad.IRI(schema.PredSameAs))
	seen := map[string]bool{}
	var nodeIRIs []quad.IRI
	for _, d := range docs {
		for _, e := range d.Entities {
			if !seen[e.IRI] {
				seen[e.IRI] = true
				nodeIRIs = append(nodeIRIs, quad.IRI(e.IRI))
			}
		}
	}
	// refs gives the store's references of the values it holds; on bolt a
	// value it does not hold has none and is left out.
	refs := func(s *Store, vs []quad.IRI) (out []cgraph.Ref, kept []quad.IRI) {
		for _, v := range vs {
			r, err := s.QuadStore().ValueOf(v)
			if err != nil {
				t.Fatal(err)
			}
			if r != nil {
				out, kept = append(out, r), append(kept, v)
			}
		}
		return out, kept
	}
	// The predicates the documents use (bolt holds no others; on
	// PostgreSQL every value has a reference, its hash).
	boltPreds, kept := refs(bolt, predIRIs)
	pgPreds, _ := refs(pg, kept)
	if len(boltPreds) < 5 {
		t.Fatalf("only %d relation predicates used", len(boltPreds))
	}
	unknown := quad.IRI("http://example.org/no-such-node")
	pgNodes, _ := refs(pg, append(nodeIRIs, unknown, nodeIRIs[0])) // and one twice
	if len(nodeIRIs) < 20 {
		t.Fatalf("only %d entities", len(nodeIRIs))
	}
	show := func(res LinkScan) string {
		var b strings.Builder
		for _, l := range res.Links {
			pv, err := pg.QuadStore().NameOf(l.Pred)
			if err != nil || pv == nil {
				pv, _ = bolt.QuadStore().NameOf(l.Pred)
			}
			fmt.Fprintf(&b, "%v %v; ", pv, l.Value)
		}
		return fmt.Sprintf("%s(%d reads, capped %v)", b.String(), res.Reads, res.Capped)
	}
	if _, ok, err := bolt.ManyLinks(ctx, nil, quad.Subject, boltPreds, 5); ok || err != nil {
		t.Errorf("bolt ManyLinks: ok %v, %v; want ok false", ok, err)
	}
	linked, capped, stopped := 0, 0, 0
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		for _, perPred := range []int{0, 1, 3} {
			many, ok, err := pg.ManyLinks(ctx, pgNodes, dir, pgPreds, perPred)
			if err != nil || !ok {
				t.Fatalf("ManyLinks: ok %v, %v", ok, err)
			}
			if len(many) != len(nodeIRIs)+1 {
				t.Fatalf("ManyLinks: %d nodes, want %d", len(many), len(nodeIRIs)+1)
			}
			for _, l := range many[pgNodes[len(nodeIRIs)].Key()] {
				if len(l) != 0 {
					t.Errorf("%s: links of a node the store does not hold: %v", unknown, l)
				}
			}
			for i, v := range nodeIRIs {
				bn, _ := refs(bolt, []quad.IRI{v})
				for _, reads := range []int{0, 1, 7, 40} {
					b := LinkBounds{PerPred: perPred, Reads: reads}
					got := many[pgNodes[i].Key()].Bound(b)
					// Each gives the same links without the copy, each
					// list under its predicate's index.
					var each LinkScan
					each.Reads, each.Capped = many[pgNodes[i].Key()].Each(b, func(j int, kept []Link) {
						for _, l := range kept {
							if l.Pred.Key() != pgPreds[j].Key() {
								t.Errorf("%s %v %+v: Each gave a link of %v under predicate %d (%v)", v, dir, b, l.Pred, j, pgPreds[j])
							}
						}
						each.Links = append(each.Links, kept...)
					})
					if show(each) != show(got) {
						t.Errorf("%s %v %+v: Each %s, Bound %s", v, dir, b, show(each), show(got))
					}
					want, ok, err := pg.Links(ctx, pgNodes[i], dir, pgPreds, b)
					if err != nil || !ok {
						t.Fatalf("Links: ok %v, %v", ok, err)
					}
					if show(got) != show(want) {
						t.Errorf("%s %v %+v: ManyLinks %s, Links %s", v, dir, b, show(got), show(want))
					}
					if len(bn) == 1 {
						onBolt, ok, err := bolt.Links(ctx, bn[0], dir, boltPreds, b)
						if err != nil || !ok {
							t.Fatalf("bolt Links: ok %v, %v", ok, err)
						}
						if show(got) != show(onBolt) {
							t.Errorf("%s %v %+v: ManyLinks %s, bolt Links %s", v, dir, b, show(got), show(onBolt))
						}
					}
					linked += len(got.Links)
					if got.Capped && reads == 0 {
						capped++
					}
					if got.Capped && reads > 0 {
						stopped++
					}
				}
			}
		}
	}
	// The cases above must have cut something both ways, or they tested
	// only the easy path.
	if linked == 0 || capped == 0 || stopped == 0 {
		t.Errorf("%d links, %d cut per predicate, %d stopped by reads: the corpus should need both bounds", linked, capped, stopped)
	}
}
