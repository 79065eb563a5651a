package queries

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Streams read records lazily in store order (see scan.go), for the
// saved queries' pages: ngOpen/ngNext in scripts.

// scanStream yields the far node of each quad of an index scan, each node
// once, and turns it into a record (ok false: skip it).
type scanStream struct {
	qs   cgraph.QuadStore
	it   iterator.Scanner
	keys *graph.SubjectIter // instead of it: the store's own listing of the nodes
	// known, when set, is told each node's value as keys read it.
	known func(node cgraph.Ref, v quad.Value)
	dir   quad.Direction // the node of each quad the stream is about
	seen  map[any]bool
	// accept is a cheap filter of nodes (nil: all); rec builds a node's
	// record and may still reject it (ok false), in which case sure, the
	// same test without building, must say so for skip (nil: rec never
	// rejects an accepted node).
	accept, sure func(ctx context.Context, node cgraph.Ref) (bool, error)
	rec          func(ctx context.Context, node cgraph.Ref) (map[string]any, bool, error)
	// refill, when set, opens the next listing (sets it or keys) once the
	// current one is done; false when there is none. Nodes are still
	// given once across listings.
	refill func(ctx context.Context) (bool, error)
	// prefetch, when set, is given each stretch of the listing before
	// accept and rec see its nodes, to read what they will read for all
	// of them at once (batch.go); ahead holds the stretch's nodes not
	// given yet, size the next stretch's length.
	prefetch func(ctx context.Context, nodes []cgraph.Ref) error
	ahead    []cgraph.Ref
	size     int
}

// nextNode is the next node not seen yet that accept takes.
func (s *scanStream) nextNode(ctx context.Context) (cgraph.Ref, error) {
	for {
		n, err := s.nextInListing(ctx)
		if err != nil || n != nil || s.refill == nil {
			return n, err
		}
		s.close()
		more, err := s.refill(ctx)
		if err != nil || !more {
			return nil, err
		}
	}
}

// nextInListing is nextNode within the current listing.
func (s *scanStream) nextInListing(ctx context.Context) (cgraph.Ref, error) {
	for {
		n, err := s.pull(ctx)
		if err != nil || n == nil {
			return nil, err
		}
		if s.accept != nil {
			ok, err := s.accept(ctx, n)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
		}
		return n, nil
	}
}

// pull is the listing's next node not seen yet, from the stretch read
// ahead when the stream prefetches.
func (s *scanStream) pull(ctx context.Context) (cgraph.Ref, error) {
	if s.prefetch == nil {
		return s.rawNext(ctx)
	}
	if len(s.ahead) == 0 {
		if s.size == 0 {
			s.size = firstAhead
		}
		for len(s.ahead) < s.size {
			n, err := s.rawNext(ctx)
			if err != nil {
				return nil, err
			}
			if n == nil {
				break
			}
			s.ahead = append(s.ahead, n)
		}
		if len(s.ahead) == 0 {
			return nil, nil
		}
		if err := s.prefetch(ctx, s.ahead); err != nil {
			return nil, err
		}
		s.size = min(2*s.size, maxAhead)
	}
	n := s.ahead[0]
	s.ahead = s.ahead[1:]
	return n, nil
}

// rawNext is the listing's next node not seen yet.
func (s *scanStream) rawNext(ctx context.Context) (cgraph.Ref, error) {
	if s.keys != nil {
		for {
			ok, err := s.keys.Next(ctx)
			if err != nil || !ok {
				return nil, err
			}
			n := s.keys.Subject()
			if s.refill != nil {
				// Several listings: one node may be in more than one.
				if s.seen[n.Key()] {
					continue
				}
				s.seen[n.Key()] = true
			}
			if s.known != nil {
				s.known(n, s.keys.Value())
			}
			return n, nil
		}
	}
	if s.it == nil {
		return nil, nil
	}
	for s.it.Next(ctx) {
		n, err := s.qs.QuadDirection(s.it.Result(), s.dir)
		if err != nil {
			return nil, err
		}
		if n == nil || s.seen[n.Key()] {
			continue
		}
		s.seen[n.Key()] = true
		return n, nil
	}
	if err := s.it.Err(); err != nil {
		return nil, err
	}
	return nil, ctx.Err()
}

func (s *scanStream) next(ctx context.Context) (map[string]any, bool, error) {
	for {
		n, err := s.nextNode(ctx)
		if err != nil || n == nil {
			return nil, false, err
		}
		rec, ok, err := s.rec(ctx, n)
		if err != nil {
			return nil, false, err
		}
		if ok {
			return rec, true, nil
		}
	}
}

// skip passes over up to n records without building them, and returns how
// many it passed: the cheap way to a deep page.
func (s *scanStream) skip(ctx context.Context, n int) (int, error) {
	done := 0
	for done < n {
		node, err := s.nextNode(ctx)
		if err != nil || node == nil {
			return done, err
		}
		if s.sure != nil {
			ok, err := s.sure(ctx, node)
			if err != nil {
				return done, err
			}
			if !ok {
				continue
			}
		}
		done++
	}
	return done, nil
}

func (s *scanStream) close() {
	s.ahead = nil
	if s.it != nil {
		s.it.Close()
		s.it = nil
	}
	if s.keys != nil {
		s.keys.Close()
		s.keys = nil
	}
}

// newScan opens a stream over the quads (d1 = v1, predicate = pred),
// yielding their dir node; nil refs give an empty stream.
func (g *graphView) newScan(ctx context.Context, d1 quad.Direction, v1 cgraph.Ref, pred cgraph.Ref, dir quad.Direction,
	rec func(ctx context.Context, node cgraph.Ref) (map[string]any, bool, error)) *scanStream {
	s := &scanStream{qs: g.qs, dir: dir, seen: map[any]bool{}, rec: rec}
	if v1 != nil && pred != nil {
		filter := map[quad.Direction]cgraph.Ref{d1: v1, quad.Predicate: pred}
		// The store's own listing when it has one (PostgreSQL: write
		// order, in LIMITed stretches, so a page stops the reading).
		if l, ok := g.keys.(lister); ok {
			s.it, _ = l.ListQuads(ctx, filter)
		}
		if s.it == nil {
			s.it = graph.ScanQuads(ctx, g.qs, filter)
		}
	}
	return s
}

// whoseLister lists the quads of a filter whose subject's first object of
// pred is obj (graph.Store.ListSubjectsWhose on PostgreSQL; ok false
// elsewhere).
type whoseLister interface {
	ListSubjectsWhose(ctx context.Context, filter map[quad.Direction]cgraph.Ref, pred, obj cgraph.Ref) (iterator.Scanner, bool)
}

// lister is a KeyReader that lists quads in its own order
// (graph.Store.ListQuads on PostgreSQL; ok false elsewhere).
type lister interface {
	ListQuads(ctx context.Context, filter map[quad.Direction]cgraph.Ref) (iterator.Scanner, bool)
}

// openFacts streams the evidence records of the facts where entity is the
// subject (dir "out") or object ("in"), of one predicate IRI unless "":
// ng.facts' records plus subjectName and objectName, in store order of
// the evidence nodes (g.V(entity).In(ng:subject) in Gizmo).
//
// extras (comma-separated) adds, per record: "title", the document's
// title ("" when none); "text", the object's ng:text (null when none).
func (g *graphView) openFacts(ctx context.Context, entity, dir, predIRI, extras string) (stream, error) {
	var withTitle, withText bool
	for _, x := range strings.Split(extras, ",") {
		switch strings.TrimSpace(x) {
		case "title":
			withTitle = true
		case "text":
			withText = true
		case "":
		default:
			return nil, fmt.Errorf("ngOpen facts: unknown extra %q (title, text)", x)
		}
	}
	link := schema.PredEvSubject
	if dir == "in" {
		link = schema.PredEvObject
	}
	rs, err := refsOf(g.qs, entity, link, schema.PredEvPredicate)
	if err != nil {
		return nil, err
	}
	var want cgraph.Ref
	if predIRI != "" {
		if want, err = g.qs.ValueOf(quad.IRI(predIRI)); err != nil {
			return nil, err
		}
		if want == nil {
			return g.newScan(ctx, quad.Object, nil, nil, quad.Subject, nil), nil // no fact has it
		}
	}
	evPred := rs[2]
	st := g.newScan(ctx, quad.Object, rs[0], rs[1], quad.Subject, func(ctx context.Context, ev cgraph.Ref) (map[string]any, bool, error) {
		rec, ok, err := g.evidence(ctx, ev, predIRI)
		if err != nil || !ok {
			return nil, false, err
		}
		for _, k := range []string{"subject", "object"} {
			if k == "object" && rec["literal"] == true {
				rec["objectName"] = rec["object"]
				continue
			}
			name, err := g.displayName(ctx, rec[k].(string))
			if err != nil {
				return nil, false, err
			}
			rec[k+"Name"] = name
		}
		if withTitle {
			rec["title"] = ""
			if d, _ := rec["document"].(string); d != "" {
				t, err := g.cachedValue(ctx, d, schema.PredTitle)
				if err != nil {
					return nil, false, err
				}
				if t != nil {
					rec["title"] = text(t)
				}
			}
		}
		if withText {
			rec["text"] = nil
			if rec["literal"] != true {
				t, err := g.cachedValue(ctx, rec["object"].(string), schema.PredText) // quotes repeat
				if err != nil {
					return nil, false, err
				}
				if t != nil {
					rec["text"] = text(t)
				}
			}
		}
		return rec, true, nil
	})
	listed := false
	if wl, ok := g.keys.(whoseLister); ok && want != nil && evPred != nil && g.batch != nil && rs[0] != nil && rs[1] != nil {
		// Only the evidence of the predicate, sorted out by the store as
		// it lists (PostgreSQL): the same nodes in the same order as
		// accept below keeps of the whole listing.
		filter := map[quad.Direction]cgraph.Ref{quad.Object: rs[0], quad.Predicate: rs[1]}
		if it, ok := wl.ListSubjectsWhose(ctx, filter, evPred, want); ok {
			if st.it != nil {
				st.it.Close()
			}
			st.it, listed = it, true
		}
	}
	if want != nil {
		// The predicate first: one index entry, and most evidence of a
		// busy entity is of other predicates.
		st.accept = func(ctx context.Context, ev cgraph.Ref) (bool, error) {
			if o, known := g.evPredOf[ev.Key()]; known {
				return o != nil && o.Key() == want.Key(), nil
			}
			if o, _, known := g.fieldValue(ev, evPred); known {
				return o != nil && o.Key() == want.Key(), nil
			}
			it := graph.ScanQuads(ctx, g.qs, map[quad.Direction]cgraph.Ref{quad.Subject: ev, quad.Predicate: evPred})
			defer it.Close()
			if !it.Next(ctx) {
				return false, it.Err()
			}
			o, err := g.qs.QuadDirection(it.Result(), quad.Object)
			return o != nil && o.Key() == want.Key(), err
		}
	}
	// evidence rejects a node without subject, predicate or object: counted
	// from index entries.
	parts, err := refsOf(g.qs, schema.PredEvSubject, schema.PredEvPredicate, schema.PredEvObject)
	if err != nil {
		return nil, err
	}
	st.sure = func(ctx context.Context, ev cgraph.Ref) (bool, error) {
		for _, p := range parts {
			if p == nil {
				return false, nil
			}
			if o, _, known := g.fieldValue(ev, p); known {
				if o == nil {
					return false, nil
				}
				continue
			}
			n, err := graph.CountQuads(ctx, g.qs, map[quad.Direction]cgraph.Ref{quad.Subject: ev, quad.Predicate: p})
			if err != nil || n == 0 {
				return false, err
			}
		}
		return true, nil
	}
	if g.batch != nil {
		st.prefetch = func(ctx context.Context, evs []cgraph.Ref) error {
			return g.prefetchEvidence(ctx, evs, evPred, want, listed, withTitle, withText)
		}
	}
	return st, nil
}

// cachedValue is valueAt, cached for the run (document titles repeat).
func (g *graphView) cachedValue(ctx context.Context, node, pred string) (quad.Value, error) {
	if g.values == nil {
		g.values = map[[2]string]quad.Value{}
	}
	k := [2]string{node, pred}
	if v, ok := g.values[k]; ok {
		return v, nil
	}
	v, err := valueAt(ctx, g.qs, quad.IRI(node), pred)
	if err != nil {
		return nil, err
	}
	g.values[k] = v
	return v, nil
}

// displayName is lib.js ng.name: the first ng:name of a node, else the
// node itself. Cached for the run.
func (g *graphView) displayName(ctx context.Context, node string) (string, error) {
	if g.display == nil {
		g.display = map[string]string{}
	}
	if s, ok := g.display[node]; ok {
		return s, nil
	}
	s := node
	v, err := g.firstValue(ctx, node, schema.PredName)
	if err != nil {
		return "", err
	}
	if v != nil {
		s = text(v)
	}
	g.display[node] = s
	return s, nil
}

// openDocs streams the documents that mention an entity, in store order
// of its ng:name quads, whose labels are its mentions (one per document,
// docs/graph-model.md): {document, title, publisher, url}.
func (g *graphView) openDocs(ctx context.Context, entity string) (stream, error) {
	rs, err := refsOf(g.qs, entity, schema.PredName)
	if err != nil {
		return nil, err
	}
	keys := map[string]string{schema.PredTitle: "title", schema.PredSource: "publisher", schema.PredURL: "url"}
	st := g.newScan(ctx, quad.Subject, rs[0], rs[1], quad.Label, func(ctx context.Context, doc cgraph.Ref) (map[string]any, bool, error) {
		v, err := g.nameOf(doc)
		if err != nil {
			return nil, false, err
		}
		if _, isDoc := schema.DocIDOf(text(v)); !isDoc {
			return nil, false, nil
		}
		rec := map[string]any{"document": text(v), "title": "", "publisher": "", "url": ""}
		field := func(pr, or cgraph.Ref, o quad.Value) error {
			if pr == nil {
				return nil
			}
			p, err := g.nameOf(pr)
			if err != nil {
				return err
			}
			pi, _ := p.(quad.IRI)
			k, ok := keys[string(pi)]
			if !ok || rec[k] != "" {
				return nil
			}
			if o == nil {
				if o, err = g.qs.NameOf(or); err != nil {
					return err
				}
			}
			rec[k] = text(o)
			return nil
		}
		if fs, ok := g.docFields[doc.Key()]; ok {
			// Read ahead: the quads of these predicates, in scan order.
			for _, f := range fs {
				if err := field(f.Pred, f.Object, f.Value); err != nil {
					return nil, false, err
				}
			}
			return rec, true, nil
		}
		err = graph.EachRefOf(ctx, g.qs, quad.Subject, doc, func(q cgraph.Ref) error {
			pr, _ := g.qs.QuadDirection(q, quad.Predicate)
			or, _ := g.qs.QuadDirection(q, quad.Object)
			return field(pr, or, nil)
		})
		return rec, err == nil, err
	})
	if g.batch != nil {
		// ng:published too: sources.js reads it with Gizmo, whose value
		// reads then find it among the run's values (nativeSet.known).
		var preds []cgraph.Ref
		for _, p := range append(slices.Sorted(maps.Keys(keys)), schema.PredPublished) {
			r, err := g.qs.ValueOf(quad.IRI(p))
			if err != nil {
				return nil, err
			}
			if r != nil {
				preds = append(preds, r)
			}
		}
		g.docPreds = map[any]bool{}
		for _, p := range preds {
			g.docPreds[p.Key()] = true
		}
		st.prefetch = func(ctx context.Context, docs []cgraph.Ref) error {
			if g.docFields == nil {
				g.docFields = map[any][]graph.SubjectQuad{}
			}
			_, err := g.prefetchSubjects(ctx, docs, preds, g.docFields)
			return err
		}
	}
	return st, nil
}

// openClass streams the entities of a class and its subclasses: those
// typed with the class itself in store order of their rdf:type quads,
// then those of each subclass in schema order (a mention carries its
// finest class only, docs/graph-model.md), each entity once: {iri, name, class
// (the finest class it has within the requested one), documents (how many
// documents mention it)}. Each costs a few index lookups, counted from
// index entries rather than read.
func (g *graphView) openClass(ctx context.Context, class string) (stream, error) {
	info, ok := schema.LookupClass(class)
	if !ok {
		return nil, fmt.Errorf("unknown class %q", class)
	}
	// The class's subtree, deepest classes first.
	type sub struct {
		name  string
		ref   cgraph.Ref
		depth int
	}
	var subs []sub
	for _, c := range schema.Classes() {
		if !c.Name.IsA(info.Name) {
			continue
		}
		r, err := g.qs.ValueOf(quad.IRI(c.Name.IRI()))
		if err != nil {
			return nil, err
		}
		if r != nil {
			subs = append(subs, sub{string(c.Name), r, len(c.Name.Ancestors())})
		}
	}
	sort.SliceStable(subs, func(i, j int) bool {
		if subs[i].depth != subs[j].depth {
			return subs[i].depth > subs[j].depth
		}
		return subs[i].name < subs[j].name
	})
	rs, err := refsOf(g.qs, schema.PredType, schema.PredName)
	if err != nil {
		return nil, err
	}
	typ, mentioned := rs[0], rs[1]
	// The listings: the class, then its subclasses in schema order.
	var listings []cgraph.Ref
	for _, c := range append([]schema.Class{info.Name}, subclassesOf(info.Name)...) {
		r, err := g.qs.ValueOf(quad.IRI(c.IRI()))
		if err != nil {
			return nil, err
		}
		if r != nil {
			listings = append(listings, r)
		}
	}
	st := g.newScan(ctx, quad.Object, nil, nil, quad.Subject, func(ctx context.Context, e cgraph.Ref) (map[string]any, bool, error) {
		v, err := g.nameOf(e)
		if err != nil {
			return nil, false, err
		}
		iri := v.(quad.IRI) // accept took only entity IRIs
		rec := map[string]any{"iri": string(iri), "class": string(info.Name), "documents": int64(0)}
		types, read := g.typeFields[e.Key()]
		for _, c := range subs {
			var has bool
			if read {
				has = slices.ContainsFunc(types, func(f graph.SubjectQuad) bool { return f.Object.Key() == c.ref.Key() })
			} else {
				n, err := g.count(ctx, e, typ, c.ref)
				if err != nil {
					return nil, false, err
				}
				has = n > 0
			}
			if has {
				rec["class"] = c.name
				break
			}
		}
		if mentioned != nil {
			n, read := g.mentions[e.Key()]
			if !read {
				var err error
				if n, err = g.count(ctx, e, mentioned, nil); err != nil {
					return nil, false, err
				}
			}
			rec["documents"] = n
		}
		name, err := g.displayName(ctx, string(iri))
		if err != nil {
			return nil, false, err
		}
		rec["name"] = name
		return rec, true, nil
	})
	st.accept = func(ctx context.Context, e cgraph.Ref) (bool, error) {
		v, err := g.nameOf(e)
		if err != nil {
			return false, err
		}
		iri, ok := v.(quad.IRI)
		return ok && strings.HasPrefix(string(iri), entityPrefix), nil
	}
	next := 0
	st.refill = func(ctx context.Context) (bool, error) {
		if typ == nil || next == len(listings) {
			return false, nil
		}
		keys, err := listSubjects(g.qs, g.keys, typ, listings[next])
		if err != nil {
			return false, err
		}
		next++
		st.keys = keys
		return true, nil
	}
	st.known = func(n cgraph.Ref, v quad.Value) { g.names[n.Key()] = v }
	if g.batch != nil && typ != nil {
		classRefs := make([]cgraph.Ref, len(subs))
		for i, c := range subs {
			classRefs[i] = c.ref
		}
		st.prefetch = func(ctx context.Context, nodes []cgraph.Ref) error {
			return g.prefetchEntities(ctx, nodes, typ, mentioned, classRefs)
		}
	}
	return st, nil
}

// subclassesOf lists the classes below c, in schema order.
func subclassesOf(c schema.Class) []schema.Class {
	var out []schema.Class
	for _, info := range schema.Classes() {
		if info.Name != c && info.Name.IsA(c) {
			out = append(out, info.Name)
		}
	}
	return out
}

// firstValue is valueAt, from one index entry when the runner has the
// store's keys.
func (g *graphView) firstValue(ctx context.Context, node, pred string) (quad.Value, error) {
	if g.keys != nil {
		rs, err := refsOf(g.qs, node, pred)
		if err != nil {
			return nil, err
		}
		if rs[0] == nil || rs[1] == nil {
			return nil, nil
		}
		v, ok, err := g.keys.FirstObject(rs[0], rs[1])
		if err != nil || ok {
			return v, err
		}
	}
	return valueAt(ctx, g.qs, quad.IRI(node), pred)
}

// count counts the quads (sub, pred[, obj]): from one index entry when
// the runner has the store's keys (a bolt read, no query plan), else
// with graph.CountQuads.
func (g *graphView) count(ctx context.Context, sub, pred, obj cgraph.Ref) (int64, error) {
	if g.keys != nil {
		n, ok, err := g.keys.CountKey(sub, pred, obj)
		if err != nil || ok {
			return n, err
		}
	}
	filter := map[quad.Direction]cgraph.Ref{quad.Subject: sub, quad.Predicate: pred}
	if obj != nil {
		filter[quad.Object] = obj
	}
	return graph.CountQuads(ctx, g.qs, filter)
}

// maxPaths bounds the paths one connections search collects (they are
// sorted before the page is cut, so it collects every path it can).
const maxPaths = 5000

// allPaths lists the simple paths of at most maxHops fact edges from a
// "from" entity to a "to" entity whose inner nodes are neither (the
// rows of connections), in canonical order: shortest first, then by the
// IRIs of their nodes from "from" to "to", then by their predicates, then
// by their edges' subjects (sortPaths). keep > 0 asks for only the first
// keep of them (a page).
//
// Paths of up to three edges are listed length by length in that order
// (shortPaths, threeEdgePaths), so a page of them stops the reading:
// between a busy person and a busy place at 100k articles a page needs
// two nodes' neighbours, not the 12 000 reads of every neighbour's. Four
// edges, or fewer than a page of shorter paths at maxHops 4, take a
// search from both ends: distances from the end with fewer edges (a
// breadth-first search of maxHops-1 layers) prune a depth-first walk
// from the other, and every path found is sorted. The view's budget
// bounds the reading, maxPaths the paths listed (capped is set when
// either cut the search).
func (g *graphView) allPaths(ctx context.Context, from, to []string, maxHops, keep int) ([][]edge, error) {
	if maxHops < 1 {
		return nil, nil
	}
	// Both ends' edges first: every path needs them, and their sizes
	// pick the side to measure distances from.
	degree := func(ns []string) (int, error) {
		d := 0
		for _, n := range ns {
			es, err := g.neighbours(ctx, n)
			if err != nil {
				return 0, err
			}
			d += len(es)
		}
		return d, nil
	}
	if err := g.readAhead(ctx, append(slices.Clone(from), to...)); err != nil {
		return nil, err
	}
	df, err := degree(from)
	if err != nil {
		return nil, err
	}
	dt, err := degree(to)
	if err != nil {
		return nil, err
	}
	// Paths of one and two edges come from the ends' edges alone, and
	// those of three are listed in canonical order with reads the
	// measuring search below makes too (from the same end), so that a
	// page, or the cap on paths, stops them early.
	limit, pageBound := g.pathCap(), keep > 0 && keep <= g.pathCap()
	if pageBound {
		limit = keep
	}
	finish := func(paths [][]edge, more bool) ([][]edge, error) {
		sortPaths(paths, from)
		if len(paths) > limit {
			paths, more = paths[:limit], true
		}
		if more && !pageBound {
			g.capped = true
		}
		return paths, ctx.Err()
	}
	ends := g.newPathEnds(from, to)
	short := g.shortPaths(from, ends, maxHops)
	if maxHops <= 2 || len(short) >= limit {
		return finish(short, false)
	}
	long, more, err := g.threeEdgePaths(ctx, from, ends, limit-len(short), df < dt)
	if err != nil {
		return nil, err
	}
	if maxHops == 3 || len(short)+len(long) >= limit {
		return finish(append(short, long...), more)
	}
	// Distances are measured from the end with fewer edges: the search
	// reads the neighbours of that end's first maxHops-1 layers and no
	// others (the walk from the other end takes its steps from those
	// reads, see back below).
	walkFrom, measureFrom, reversed := from, to, false
	if df < dt {
		walkFrom, measureFrom, reversed = to, from, true
	}
	isEnd := map[string]bool{}
	isTarget := map[string]bool{}
	dist := map[string]int{}
	// back lists, for a node the measuring search reached but did not
	// read, its edges to the nodes it did read: every step the walk can
	// take from it leads nearer the measured end, to a node that was
	// read, so these edges are all the walk needs from it.
	back := map[string][]edge{}
	var frontier []string
	for _, n := range walkFrom {
		isEnd[n] = true
	}
	for _, t := range measureFrom {
		isEnd[t] = true
		isTarget[t] = true
		dist[t] = 0
		frontier = append(frontier, t)
	}
	for d := 1; d < maxHops && len(frontier) > 0; d++ {
		var next, read []string
		for _, n := range frontier {
			if !(d > 1 && isEnd[n]) {
				read = append(read, n)
			}
		}
		k, stretch := 0, len(read)
		for _, n := range frontier {
			if d > 1 && isEnd[n] {
				continue // paths do not pass through an end
			}
			if err := g.aheadAt(ctx, read, k, &stretch); err != nil {
				return nil, err
			}
			k++
			es, err := g.neighbours(ctx, n)
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				if _, ok := dist[e.node]; !ok {
					dist[e.node] = d
					next = append(next, e.node)
				}
			}
			addBack(back, n, es, nil)
		}
		frontier = next
	}
	var paths [][]edge
	steps := 0
	const maxSteps = 1_000_000 // the walk is in memory, but bounded too
	full := func() bool { return len(paths) >= g.pathCap() || steps >= maxSteps }
	var walk func(n string, path []edge, onPath map[string]bool) error
	walk = func(n string, path []edge, onPath map[string]bool) error {
		steps++
		if len(path) > 0 && isTarget[n] {
			paths = append(paths, append([]edge(nil), path...))
			return nil
		}
		if len(path) >= maxHops || full() || (len(path) > 0 && isEnd[n]) {
			return nil
		}
		es, ok := g.adj[n]
		if !ok && len(path) > 0 {
			es = back[n] // reached, not read: its steps nearer the measured end
		} else if !ok {
			var err error
			if es, err = g.neighbours(ctx, n); err != nil {
				return err
			}
		}
		for _, e := range es {
			if onPath[e.node] {
				continue
			}
			if d, ok := dist[e.node]; !ok || d > maxHops-len(path)-1 {
				continue
			}
			onPath[e.node] = true
			err := walk(e.node, append(path, e), onPath)
			delete(onPath, e.node)
			if err != nil || full() {
				return err
			}
		}
		return nil
	}
	for _, f := range walkFrom {
		if err := walk(f, nil, map[string]bool{f: true}); err != nil {
			return nil, err
		}
		if full() {
			g.capped = true
			break
		}
	}
	if reversed {
		for _, p := range paths {
			for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
				p[i], p[j] = p[j], p[i]
			}
		}
	}
	sortPaths(paths, from)
	if pageBound && len(paths) > keep {
		paths = paths[:keep]
	}
	return paths, ctx.Err()
}

// pathCap is the most paths one connections search lists (maxPaths unless
// a test set pathLimit).
func (g *graphView) pathCap() int {
	if g.pathLimit > 0 {
		return g.pathLimit
	}
	return maxPaths
}

// pathEnds is what the listings of short paths know of a search's ends
// (whose edges must be read already).
type pathEnds struct {
	isEnd    map[string]bool // a from or a to entity
	isTarget map[string]bool // a to entity
	// toward[x] are the edges from x, not an end, to a to entity, turned
	// to point there (node is the to entity).
	toward map[string][]edge
}

func (g *graphView) newPathEnds(from, to []string) pathEnds {
	p := pathEnds{isEnd: map[string]bool{}, isTarget: map[string]bool{}, toward: map[string][]edge{}}
	for _, f := range from {
		p.isEnd[f] = true
	}
	for _, t := range to {
		p.isEnd[t] = true
		p.isTarget[t] = true
	}
	for _, t := range to {
		addBack(p.toward, t, g.adj[t], p.isEnd)
	}
	return p
}

// addBack records each of node n's edges under its far node, turned to
// point at n (node is n), leaving out far nodes that skip holds.
func addBack(into map[string][]edge, n string, es []edge, skip map[string]bool) {
	for _, e := range es {
		if skip[e.node] {
			continue
		}
		far := e.node
		e.node = n
		into[far] = append(into[far], e)
	}
}

// shortPaths lists the paths of one edge (from–to) and, when maxHops
// allows, two edges (from–x–to, x neither a from nor a to entity) between
// the ends, from the ends' own edges. Unsorted.
func (g *graphView) shortPaths(from []string, ends pathEnds, maxHops int) [][]edge {
	var paths [][]edge
	for _, f := range from {
		for _, e := range g.adj[f] {
			switch {
			case ends.isTarget[e.node]:
				paths = append(paths, []edge{e})
			case !ends.isEnd[e.node] && maxHops >= 2:
				for _, e2 := range ends.toward[e.node] {
					if e2.node != f {
						paths = append(paths, []edge{e, e2})
					}
				}
			}
		}
	}
	return paths
}

// threeEdgePaths lists the paths from–x–y–to (x, y neither a from nor a
// to entity) in canonical order of (from entity, x), so that once need
// paths are found (need > 0) and an x is done, every later path sorts
// after them and it stops (more: x's were left unread). The x–y edges
// come from reading each x when readFrom (the from end has fewer edges:
// its neighbours are read lazily, in order, and the page may stop the
// reading), else from reading every y, a neighbour of the to end, first.
// Either way it reads only what the measuring search of allPaths would
// read from the same end. Unsorted.
func (g *graphView) threeEdgePaths(ctx context.Context, from []string, ends pathEnds, need int, readFrom bool) (paths [][]edge, more bool, err error) {
	isEnd, toward := ends.isEnd, ends.toward
	starts := slices.Sorted(slices.Values(from))
	// back[x] are x's edges to the y's, pointing there, when the y's are read.
	var back map[string][]edge
	if !readFrom {
		// Only the x's, the from entities' neighbours, are looked up in
		// back: the y's other edges (~8 000 of a page between two hubs,
		// where the x's take a few hundred) are read for the budget's
		// sake, not kept twice.
		isX := map[string]bool{}
		for _, f := range starts {
			for _, e := range g.adj[f] {
				if !isEnd[e.node] {
					isX[e.node] = true
				}
			}
		}
		back = map[string][]edge{}
		ys := slices.Sorted(maps.Keys(toward))
		stretch := len(ys)
		for k, y := range ys {
			if err := g.aheadAt(ctx, ys, k, &stretch); err != nil {
				return nil, false, err
			}
			es, err := g.neighbours(ctx, y)
			if err != nil {
				return nil, false, err
			}
			for _, e := range es {
				if isX[e.node] {
					far := e.node
					e.node = y
					back[far] = append(back[far], e)
				}
			}
		}
	}
	// The x's read below, in the order read, for readAhead: in stretches,
	// since a page may stop the loop early.
	var xs []string
	if readFrom {
		for _, f := range starts {
			prev := ""
			for _, e := range g.adj[f] {
				if e.node != prev && !isEnd[e.node] {
					xs = append(xs, e.node)
				}
				prev = e.node
			}
		}
	}
	k, stretch := 0, 0
	for _, f := range starts {
		// f's edges grouped by x, in x order (neighbours sorts by node).
		es := g.adj[f]
		for i := 0; i < len(es); {
			x := es[i].node
			j := i
			for j < len(es) && es[j].node == x {
				j++
			}
			firsts := es[i:j]
			i = j
			if isEnd[x] {
				continue
			}
			mid := back[x]
			if readFrom {
				// x is xs[k]: the same walk over the same edges.
				if k < len(xs) {
					if err := g.aheadAt(ctx, xs, k, &stretch); err != nil {
						return nil, false, err
					}
				}
				k++
				if mid, err = g.neighbours(ctx, x); err != nil {
					return nil, false, err
				}
			}
			for _, e2 := range mid {
				if isEnd[e2.node] {
					continue
				}
				for _, e3 := range toward[e2.node] {
					if e3.node == f {
						continue
					}
					for _, e1 := range firsts {
						paths = append(paths, []edge{e1, e2, e3})
					}
				}
			}
			if need > 0 && len(paths) >= need {
				return paths, i < len(es) || f != starts[len(starts)-1], ctx.Err()
			}
		}
	}
	return paths, false, ctx.Err()
}

// sortPaths puts paths in canonical order: by length, then by the IRIs of
// their nodes from the start (an entity of starts) on, then by their
// predicates, then by their edges' subjects. connections.js sorts its
// paths the same way.
func sortPaths(paths [][]edge, starts []string) {
	isStart := map[string]bool{}
	for _, s := range starts {
		isStart[s] = true
	}
	nodes := func(p []edge) []string {
		if len(p) == 0 {
			return nil
		}
		cur := p[0].subject
		if !isStart[cur] {
			cur = p[0].object
		}
		out := []string{cur}
		for _, e := range p {
			if e.subject == cur {
				cur = e.object
			} else {
				cur = e.subject
			}
			out = append(out, cur)
		}
		return out
	}
	// Each path's nodes are listed once, not at every comparison.
	type keyed struct {
		path  []edge
		nodes []string
	}
	ks := make([]keyed, len(paths))
	for i, p := range paths {
		ks[i] = keyed{p, nodes(p)}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		a, b := ks[i].path, ks[j].path
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		if c := slices.Compare(ks[i].nodes, ks[j].nodes); c != 0 {
			return c < 0
		}
		for k := range a {
			if a[k].pred != b[k].pred {
				return a[k].pred < b[k].pred
			}
		}
		// Paths that differ only in an edge's direction (A opposes X,
		// X opposes A): by the edges' subjects, so that every search and
		// every page puts them in one order.
		for k := range a {
			if a[k].subject != b[k].subject {
				return a[k].subject < b[k].subject
			}
		}
		return false
	})
	for i := range ks {
		paths[i] = ks[i].path
	}
}
