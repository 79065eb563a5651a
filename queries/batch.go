package queries

import (
	"context"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// batchReader reads the values of many nodes in one statement
// (*graph.Store on PostgreSQL, graph/sqlbatch.go); each answers ok false
// where it cannot, and the streams then read node by node as before.
//
// The streams read a stretch of their listing ahead (scanStream.prefetch)
// and fill the view's caches with what the records of that stretch will
// read: through Cayley's SQL iterators each of those values is its own
// statement, and a page's time was the round trips (BENCHMARKS.md). The
// records are built by the same code from the caches, so they are the
// same records.
type batchReader interface {
	SubjectQuads(ctx context.Context, nodes, preds []cgraph.Ref) (map[any][]graph.SubjectQuad, bool, error)
	NodeValues(ctx context.Context, nodes []cgraph.Ref) (map[any]quad.Value, bool, error)
	FirstObjects(ctx context.Context, subs []cgraph.Ref, pred cgraph.Ref, byWrite bool) (map[any]quad.Value, bool, error)
	CountKeys(ctx context.Context, subs []cgraph.Ref, pred, obj cgraph.Ref) (map[any]int64, bool, error)
	FirstRefs(ctx context.Context, subs []cgraph.Ref, pred cgraph.Ref) (map[any]cgraph.Ref, bool, error)
	HasObjects(ctx context.Context, subs []cgraph.Ref, pred cgraph.Ref, objs []cgraph.Ref) (map[any][]cgraph.Ref, bool, error)
}

// First stretch a stream reads ahead, and the most: a default page is
// about 100 records, and each later stretch doubles.
const (
	firstAhead = 128
	maxAhead   = 1024
)

// prefetchSubjects reads the quads of nodes as subject (of predicates
// preds, all when empty) into fields and the values of the nodes
// themselves and of the predicates into g.names. ok false: the store
// cannot batch.
func (g *graphView) prefetchSubjects(ctx context.Context, nodes, preds []cgraph.Ref, fields map[any][]graph.SubjectQuad) (bool, error) {
	var todo []cgraph.Ref
	for _, n := range nodes {
		if _, ok := fields[n.Key()]; !ok {
			todo = append(todo, n)
		}
	}
	if len(todo) == 0 {
		return true, nil
	}
	fs, ok, err := g.batch.SubjectQuads(ctx, todo, preds)
	if err != nil || !ok {
		return false, err
	}
	seen := map[any]bool{}
	var unnamed []cgraph.Ref
	need := func(r cgraph.Ref) {
		k := r.Key()
		if _, ok := g.names[k]; !ok && !seen[k] {
			seen[k] = true
			unnamed = append(unnamed, r)
		}
	}
	for _, n := range todo {
		fields[n.Key()] = fs[n.Key()] // nil: no quads, known without asking again
		need(n)
		for _, f := range fs[n.Key()] {
			need(f.Pred)
			if _, ok := g.names[f.Object.Key()]; !ok {
				g.names[f.Object.Key()] = f.Value
			}
		}
	}
	return true, g.prefetchNames(ctx, unnamed)
}

// prefetchNames reads the values of nodes into g.names.
func (g *graphView) prefetchNames(ctx context.Context, nodes []cgraph.Ref) error {
	if len(nodes) == 0 {
		return nil
	}
	vs, ok, err := g.batch.NodeValues(ctx, nodes)
	if err != nil || !ok {
		return err
	}
	for _, n := range nodes {
		if v, ok := vs[n.Key()]; ok {
			g.names[n.Key()] = v
		}
	}
	return nil
}

// refsToFetch resolves, once each and in order, the IRIs that cached does
// not hold yet. An IRI the store does not know ends the batch with nothing
// to fetch: the rows fall back to reading one value at a time.
func (g *graphView) refsToFetch(iris []string, cached func(string) bool) ([]cgraph.Ref, []string, error) {
	var refs []cgraph.Ref
	var todo []string
	seen := map[string]bool{}
	for _, s := range iris {
		if cached(s) || seen[s] {
			continue
		}
		seen[s] = true
		r, err := g.qs.ValueOf(quad.IRI(s))
		if err != nil || r == nil {
			return nil, nil, err
		}
		refs, todo = append(refs, r), append(todo, s)
	}
	return refs, todo, nil
}

// prefetchDisplay fills g.display (ng.name) for the IRIs given.
func (g *graphView) prefetchDisplay(ctx context.Context, iris []string) error {
	if g.display == nil {
		g.display = map[string]string{}
	}
	refs, todo, err := g.refsToFetch(iris, func(s string) bool { _, ok := g.display[s]; return ok })
	if err != nil {
		return err
	}
	if len(todo) == 0 || g.keys == nil {
		return nil // displayName reads FirstObject only with keys
	}
	name, err := g.qs.ValueOf(quad.IRI(schema.PredName))
	if err != nil || name == nil {
		return err
	}
	vs, ok, err := g.batch.FirstObjects(ctx, refs, name, true)
	if err != nil || !ok {
		return err
	}
	for i, s := range todo {
		if v, ok := vs[refs[i].Key()]; ok && v != nil {
			g.display[s] = text(v)
		} else {
			g.display[s] = s
		}
	}
	return nil
}

// prefetchPathNames fills g.display for both ends of each edge of the
// first rows edges of paths, in order (all when rows is 0): what a page
// of connections or shortest-path names, one row per edge. One statement
// where there was one probe per node (31 nodes on the first page between
// two hubs at 10k articles).
func (g *graphView) prefetchPathNames(ctx context.Context, paths [][]edge, rows int) error {
	if g.batch == nil {
		return nil
	}
	var named []string
	for _, p := range paths {
		for _, e := range p {
			if rows > 0 && len(named) >= 2*rows {
				return g.prefetchDisplay(ctx, named)
			}
			named = append(named, e.subject, e.object)
		}
	}
	return g.prefetchDisplay(ctx, named)
}

// prefetchValues fills cachedValue's cache for (node, pred) of each node
// given.
func (g *graphView) prefetchValues(ctx context.Context, nodes []string, pred string) error {
	if g.values == nil {
		g.values = map[[2]string]quad.Value{}
	}
	refs, todo, err := g.refsToFetch(nodes, func(s string) bool { _, ok := g.values[[2]string{s, pred}]; return ok })
	if err != nil {
		return err
	}
	if len(todo) == 0 {
		return nil
	}
	p, err := g.qs.ValueOf(quad.IRI(pred))
	if err != nil || p == nil {
		return err
	}
	vs, ok, err := g.batch.FirstObjects(ctx, refs, p, false)
	if err != nil || !ok {
		return err
	}
	for i, s := range todo {
		g.values[[2]string{s, pred}] = vs[refs[i].Key()] // nil when none, as valueAt says
	}
	return nil
}

// fieldValue is the object of node's first quad with predicate pred among
// its prefetched quads; known false when they were not prefetched.
func (g *graphView) fieldValue(node, pred cgraph.Ref) (obj cgraph.Ref, v quad.Value, known bool) {
	fs, ok := g.fields[node.Key()]
	if !ok || pred == nil {
		return nil, nil, false
	}
	for _, f := range fs {
		if f.Pred.Key() == pred.Key() {
			return f.Object, f.Value, true
		}
	}
	return nil, nil, true
}

// prefetchEvidence reads ahead for openFacts: the evidence nodes' quads,
// then for those of predicate want (all when nil) the display names of
// their subjects and objects, their sentences' text, and the extras.
//
// With a predicate, the evidence of others is sorted out first from the
// index alone (most evidence of a busy entity is of other predicates):
// evPredOf holds each node's predicate for openFacts' accept. listed: the
// store listed only evidence of predicate want (ListSubjectsWhose), so
// that is each node's predicate, known without reading it.
func (g *graphView) prefetchEvidence(ctx context.Context, evs []cgraph.Ref, evPred, want cgraph.Ref, listed, withTitle, withText bool) error {
	if g.fields == nil {
		g.fields = map[any][]graph.SubjectQuad{}
	}
	if want != nil && evPred != nil && listed {
		if g.evPredOf == nil {
			g.evPredOf = map[any]cgraph.Ref{}
		}
		for _, ev := range evs {
			g.evPredOf[ev.Key()] = want
		}
	} else if want != nil && evPred != nil {
		preds, ok, err := g.batch.FirstRefs(ctx, evs, evPred)
		if err != nil || !ok {
			return err
		}
		if g.evPredOf == nil {
			g.evPredOf = map[any]cgraph.Ref{}
		}
		var keep []cgraph.Ref
		for _, ev := range evs {
			p := preds[ev.Key()]
			g.evPredOf[ev.Key()] = p // nil: none
			if p != nil && p.Key() == want.Key() {
				keep = append(keep, ev)
			}
		}
		evs = keep
	}
	ok, err := g.prefetchSubjects(ctx, evs, nil, g.fields)
	if err != nil || !ok {
		return err
	}
	rs, err := refsOf(g.qs, schema.PredEvSubject, schema.PredEvPredicate, schema.PredEvObject, schema.PredEvSentence)
	if err != nil {
		return err
	}
	var named, sentences, docs, objects []string
	for _, ev := range evs {
		pr, _, _ := g.fieldValue(ev, rs[1])
		if pr == nil || (want != nil && pr.Key() != want.Key()) {
			continue
		}
		_, s, _ := g.fieldValue(ev, rs[0])
		_, o, _ := g.fieldValue(ev, rs[2])
		if s == nil || o == nil {
			continue
		}
		named = append(named, text(s))
		if oi, isIRI := o.(quad.IRI); isIRI {
			named = append(named, string(oi))
			objects = append(objects, string(oi))
		}
		if _, sen, _ := g.fieldValue(ev, rs[3]); sen != nil {
			sentences = append(sentences, text(sen))
		}
		if v, ok := g.names[ev.Key()]; ok && withTitle {
			if d, ok := schema.DocIRIOfNode(text(v)); ok {
				docs = append(docs, d)
			}
		}
	}
	if err := g.prefetchDisplay(ctx, named); err != nil {
		return err
	}
	if err := g.prefetchValues(ctx, sentences, schema.PredText); err != nil {
		return err
	}
	if withTitle {
		if err := g.prefetchValues(ctx, docs, schema.PredTitle); err != nil {
			return err
		}
	}
	if withText {
		if err := g.prefetchValues(ctx, objects, schema.PredText); err != nil {
			return err
		}
	}
	return nil
}

// prefetchEntities reads ahead for openClass: the entities' values (those
// the listing did not give), which of classes each is typed with, how
// many ng:name quads each has, and their display names.
func (g *graphView) prefetchEntities(ctx context.Context, nodes []cgraph.Ref, typ, mentioned cgraph.Ref, classes []cgraph.Ref) error {
	var unnamed []cgraph.Ref
	for _, n := range nodes {
		if _, ok := g.names[n.Key()]; !ok {
			unnamed = append(unnamed, n)
		}
	}
	if err := g.prefetchNames(ctx, unnamed); err != nil {
		return err
	}
	var ents []cgraph.Ref
	var iris []string
	for _, n := range nodes {
		if iri, ok := g.names[n.Key()].(quad.IRI); ok && strings.HasPrefix(string(iri), entityPrefix) {
			ents = append(ents, n)
			iris = append(iris, string(iri))
		}
	}
	if g.typeFields == nil {
		g.typeFields = map[any][]graph.SubjectQuad{}
	}
	// Which classes, not every rdf:type quad (one per mention).
	has, ok, err := g.batch.HasObjects(ctx, ents, typ, classes)
	if err != nil || !ok {
		return err
	}
	for _, e := range ents {
		fs := []graph.SubjectQuad{} // none: known without asking again
		for _, c := range has[e.Key()] {
			fs = append(fs, graph.SubjectQuad{Pred: typ, Object: c})
		}
		g.typeFields[e.Key()] = fs
	}
	if mentioned != nil && len(ents) > 0 {
		counts, ok, err := g.batch.CountKeys(ctx, ents, mentioned, nil)
		if err != nil || !ok {
			return err
		}
		if g.mentions == nil {
			g.mentions = map[any]int64{}
		}
		for _, e := range ents {
			g.mentions[e.Key()] = counts[e.Key()] // 0 when none
		}
	}
	return g.prefetchDisplay(ctx, iris)
}
