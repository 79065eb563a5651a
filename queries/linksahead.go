package queries

import (
	"context"
	"math"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// linkBatcher reads many nodes' links in one statement (*graph.Store on
// PostgreSQL); ok false where it cannot (bolt), and the searches then read
// node by node as before.
type linkBatcher interface {
	ManyLinks(ctx context.Context, nodes []cgraph.Ref, dir quad.Direction, preds []cgraph.Ref, perPred int) (map[any]graph.LinkLists, bool, error)
}

// The first stretch of a list a search reads ahead while it may stop
// early (threeEdgePaths), and the most; each later stretch doubles.
const (
	minLinksAhead   = 16
	firstLinksAhead = 32
	maxLinksAhead   = 1024
)

// readAhead reads the links of the nodes not read yet, in both
// directions, in one statement each (graph.Store.ManyLinks), for
// keyEdges to take when neighbours asks for them. A path search on
// PostgreSQL paid two statements per node it expanded (~240 for a
// connections page between two hubs at 10k articles, BENCHMARKS.md);
// it now reads each frontier at once. keyEdges cuts the lists with the
// budget left when it takes them, as Links does, so the edges and the
// budget spent are the same node by node and the rows are the same.
//
// Each node keyEdges reads costs at least one read per relation
// predicate while the budget lasts, so no more than budget/predicates+1
// further nodes can be read: the rest of a list is not read ahead.
func (g *graphView) readAhead(ctx context.Context, nodes []string) error {
	lb, ok := g.keys.(linkBatcher)
	if !ok || len(nodes) == 0 {
		return nil
	}
	if err := g.heldRelations(ctx); err != nil {
		return err
	}
	if len(g.relRefs) == 0 || (g.limited && g.budget <= 0) {
		return nil
	}
	most := len(nodes)
	if g.limited {
		most = min(most, g.budget/len(g.relRefs)+1, g.aheadGuess())
	}
	var names []string
	var refs []cgraph.Ref
	seen := map[string]bool{}
	for _, n := range nodes {
		if len(refs) >= most {
			break
		}
		if _, ok := g.adj[n]; ok || seen[n] {
			continue
		}
		if _, ok := g.links[n]; ok {
			continue
		}
		seen[n] = true
		ref, err := g.qs.ValueOf(quad.IRI(n))
		if err != nil {
			return err
		}
		if ref == nil {
			continue
		}
		names = append(names, n)
		refs = append(refs, ref)
	}
	if len(refs) == 0 {
		return nil
	}
	var got [2]map[any]graph.LinkLists
	for i, d := range []quad.Direction{quad.Subject, quad.Object} {
		m, ok, err := lb.ManyLinks(ctx, refs, d, g.relRefs, g.edgeCap)
		if err != nil || !ok {
			return err
		}
		got[i] = m
	}
	if g.links == nil {
		g.links = map[string][2]graph.LinkLists{}
	}
	for i, n := range names {
		g.links[n] = [2]graph.LinkLists{got[0][refs[i].Key()], got[1][refs[i].Key()]}
	}
	return nil
}

// aheadGuess is how many more nodes the budget left may read, guessed
// from what the nodes read so far spent (a quarter more, and at least
// minLinksAhead): a node read ahead that the budget then skips costs the
// server as much as one read (~3 ms at 10k articles, cold), a statement
// more costs a round trip. The guess only decides how many statements
// the search takes, never what it finds.
func (g *graphView) aheadGuess() int {
	if g.linkNodes == 0 || g.linkReads == 0 {
		return math.MaxInt
	}
	return max(minLinksAhead, g.budget*g.linkNodes*5/(g.linkReads*4)+1)
}

// aheadAt is readAhead for a loop over list: before it reads list[k],
// when that node is not read yet, the stretch of list from k on. A loop
// that reads its whole list starts stretch at len(list) (readAhead's
// guess of the budget may still cut it); one that may stop early at 0,
// for firstLinksAhead, and each stretch doubles up to maxLinksAhead.
func (g *graphView) aheadAt(ctx context.Context, list []string, k int, stretch *int) error {
	n := list[k]
	if _, ok := g.adj[n]; ok {
		return nil
	}
	if _, ok := g.links[n]; ok {
		return nil
	}
	if *stretch == 0 {
		*stretch = firstLinksAhead
	}
	end := min(len(list), k+*stretch)
	*stretch = min(*stretch*2, max(maxLinksAhead, *stretch))
	return g.readAhead(ctx, list[k:end])
}
