package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Running counts for KV (bolt) stores.
//
// Counting documents, facts and distinct entities by scanning costs about
// 70 ms per 1000 documents, seconds at 100k. A bolt store has one writer
// process, so graph keeps the counts itself: three quads under the label
// <ng:stats>, updated in the same transaction as every document write, so
// they are exactly as durable as the documents. They are bookkeeping, not
// data: EachQuad, Backup and Stats.Quads leave them out. When they are
// missing (an older store, a restore, a write through Handle) the next
// Stats counts by scanning once and stores them again.
//
// SQL stores, shared by several writer processes, count with SQL instead.
const (
	countsLabel       = "ng:stats"
	countsNode        = "ng:stats"
	predCountDocs     = "ng:count_documents"
	predCountEntities = "ng:count_entities"
	predCountFacts    = "ng:count_facts"
)

// counts are the persisted counters (Quads comes from Cayley).
type counts struct {
	docs, entities, facts int64
}

func (c counts) quads() []quad.Quad {
	l, n := iri(countsLabel), iri(countsNode)
	return []quad.Quad{
		{Subject: n, Predicate: iri(predCountDocs), Object: quad.Int(c.docs), Label: l},
		{Subject: n, Predicate: iri(predCountEntities), Object: quad.Int(c.entities), Label: l},
		{Subject: n, Predicate: iri(predCountFacts), Object: quad.Int(c.facts), Label: l},
	}
}

// loadCounts reads the stored counters; ok is false when they are absent
// or incomplete.
func (s *Store) loadCounts(ctx context.Context) (c counts, ok bool, err error) {
	seen := 0
	err = s.eachQuad(ctx, quad.Subject, iri(countsNode), func(q quad.Quad) error {
		if q.Label != iri(countsLabel) {
			return nil
		}
		v, isInt := q.Object.(quad.Int)
		if !isInt {
			return nil
		}
		switch q.Predicate {
		case iri(predCountDocs):
			c.docs = int64(v)
		case iri(predCountEntities):
			c.entities = int64(v)
		case iri(predCountFacts):
			c.facts = int64(v)
		default:
			return nil
		}
		seen++
		return nil
	})
	return c, err == nil && seen == 3, err
}

// useCounts reports whether this store keeps running counts.
func (s *Store) useCounts() bool { return s.isKV() }

// countDelta is what one transaction changes in the counts.
type countDelta struct {
	docs, entities, facts int64
}

// chunkDelta computes the count changes of writing a planned chunk: the
// documents and facts it adds and removes, and the entities that start or
// stop being mentioned by any stored document.
func (s *Store) chunkDelta(ctx context.Context, chunk []*pending) (countDelta, error) {
	var d countDelta
	written := make(map[quad.Value]bool, len(chunk)) // labels this transaction rewrites
	oldEnts := map[quad.Value]bool{}
	newEnts := map[quad.Value]bool{}
	for _, p := range chunk {
		if p.status == StatusUnchanged {
			continue
		}
		written[p.doc] = true
		// Documents are counted by their type quads, facts by their
		// ng:prov quads: one per document node, one per evidence node.
		for _, q := range p.old {
			if e, ok := entityOfType(q); ok {
				oldEnts[e] = true
			} else if q.Predicate == iri(schema.PredProv) {
				d.facts--
			} else if isType(q, schema.ClassDocument) {
				d.docs--
			}
		}
		for _, q := range p.quads {
			if e, ok := entityOfType(q); ok {
				newEnts[e] = true
			} else if q.Predicate == iri(schema.PredProv) {
				d.facts++
			} else if isType(q, schema.ClassDocument) {
				d.docs++
			}
		}
	}
	tr, err := s.typeRefs()
	if err != nil {
		return d, err
	}
	skip := make(map[any]bool, len(written))
	for l := range written {
		ref, err := s.refOf(l)
		if err != nil {
			return d, err
		}
		if ref != nil {
			skip[refs.ToKey(ref)] = true
		}
	}
	for e := range union2(oldEnts, newEnts) {
		other, err := s.mentionedElsewhere(ctx, e, skip, tr)
		if err != nil {
			return d, err
		}
		before := other || oldEnts[e]
		after := other || newEnts[e]
		switch {
		case after && !before:
			d.entities++
		case before && !after:
			d.entities--
		}
	}
	return d, nil
}

// mentionedElsewhere reports whether entity e has a type quad under a
// label other than those in skip, i.e. a document outside the transaction
// mentions it. It compares references only (no values are loaded) and
// stops at the first such quad: this runs for every entity of every write.
func (s *Store) mentionedElsewhere(ctx context.Context, e quad.Value, skip map[any]bool, r *typeRefs) (bool, error) {
	ref, err := s.refOf(e)
	if err != nil || ref == nil {
		return false, err // no quad uses e at all: a new entity
	}
	// On KV stores only the (e, rdf:type) index entry is read.
	it := s.subjectScan(ref, r.typ).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q := it.Result()
		p, err := s.qs.QuadDirection(q, quad.Predicate)
		if err != nil {
			return false, err
		}
		if refs.ToKey(p) != r.typ {
			continue
		}
		o, err := s.qs.QuadDirection(q, quad.Object)
		if err != nil {
			return false, err
		}
		if !r.top[refs.ToKey(o)] {
			continue
		}
		l, err := s.qs.QuadDirection(q, quad.Label)
		if err != nil {
			return false, err
		}
		if !skip[refs.ToKey(l)] {
			return true, nil
		}
	}
	return false, it.Err()
}

// typeRefs are the references of rdf:type and the top classes.
type typeRefs struct {
	typ any
	top map[any]bool
}

func (s *Store) typeRefs() (*typeRefs, error) {
	r := &typeRefs{top: map[any]bool{}}
	t, err := s.refOf(iri(schema.PredType))
	if err != nil {
		return nil, err
	}
	if t != nil {
		r.typ = refs.ToKey(t)
	}
	for _, c := range topClasses() {
		ref, err := s.refOf(c)
		if err != nil {
			return nil, err
		}
		if ref != nil {
			r.top[refs.ToKey(ref)] = true
		}
	}
	return r, nil
}

var topClassSet = func() map[quad.Value]bool {
	m := map[quad.Value]bool{}
	for _, c := range topClasses() {
		m[c] = true
	}
	return m
}()

// entityOfType returns the entity of a class type quad: every entity has
// one per document that mentions it (its finest class).
func entityOfType(q quad.Quad) (quad.Value, bool) {
	if q.Predicate == iri(schema.PredType) && topClassSet[q.Object] {
		return q.Subject, true
	}
	return nil, false
}

func isType(q quad.Quad, class string) bool {
	return q.Predicate == iri(schema.PredType) && q.Object == iri(class)
}

func union2(a, b map[quad.Value]bool) map[quad.Value]bool {
	out := make(map[quad.Value]bool, len(a)+len(b))
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// countUpdate adds to tx the replacement of the stored counters by
// c+d, and returns the new counts.
func countUpdate(tx *cgraph.Transaction, c counts, d countDelta) counts {
	n := counts{docs: c.docs + d.docs, entities: c.entities + d.entities, facts: c.facts + d.facts}
	for _, q := range c.quads() {
		tx.RemoveQuad(q)
	}
	for _, q := range n.quads() {
		tx.AddQuad(q)
	}
	return n
}

// recount counts by scanning and stores the counters; called with
// writeMu held when the counters are missing.
func (s *Store) recount(ctx context.Context) (counts, error) {
	// A scan reads every type quad's pages.
	defer s.autoRelease()
	st, err := s.scanStats(ctx)
	if err != nil {
		return counts{}, err
	}
	c := counts{docs: st.Documents, entities: st.Entities, facts: st.Facts}
	tx := cgraph.NewTransaction()
	if old, ok, err := s.loadCounts(ctx); err != nil {
		return counts{}, err
	} else if ok {
		for _, q := range old.quads() {
			tx.RemoveQuad(q)
		}
	}
	for _, q := range c.quads() {
		tx.AddQuad(q)
	}
	if err := s.applyDeltas(ctx, tx.Deltas); err != nil {
		return counts{}, fmt.Errorf("store counts: %w", err)
	}
	s.counts, s.haveCounts = c, true
	return c, nil
}

// dropCounts removes the stored counters before a write graph cannot
// account for (Handle, Restore); the next Stats recounts. Removing them
// first means a crash in between leaves no stale counts.
func (s *Store) dropCounts(ctx context.Context) error {
	if !s.useCounts() {
		return nil
	}
	c, ok, err := s.loadCounts(ctx)
	if err != nil || !ok {
		s.haveCounts = false
		return err
	}
	tx := cgraph.NewTransaction()
	for _, q := range c.quads() {
		tx.RemoveQuad(q)
	}
	if err := s.qs.ApplyDeltas(tx.Deltas, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		return fmt.Errorf("graph: drop counts: %w", err)
	}
	s.haveCounts = false
	return nil
}
