package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// countPredicate counts the quads whose predicate is p. KV stores have no
// predicate index, so this scans every quad: it runs only when the running
// counts are missing (Stats' fallback).
func (s *Store) countPredicate(ctx context.Context, p quad.Value) (int64, error) {
	var n int64
	err := s.eachRef(ctx, quad.Predicate, p, func(cgraph.Ref) error { n++; return nil })
	return n, err
}

// ErrOldLayout is wrapped by Open's error for a store whose documents were
// written in an earlier layout (docs/graph-model.md): readers would answer
// wrongly from it, so it is refused until `newsgraph migrate` rewrites it.
var ErrOldLayout = errors.New("the store was written in an earlier graph layout")

// layoutVersion reads the store's layout version quad; found is false
// when it has none.
func (s *Store) layoutVersion(ctx context.Context) (v int64, found bool, err error) {
	err = s.eachQuad(ctx, quad.Subject, iri(SchemaLabel), func(q quad.Quad) error {
		if q.Predicate != iri(schema.PredLayoutVersion) || q.Label != iri(SchemaLabel) {
			return nil
		}
		if n, ok := q.Object.(quad.Int); ok && (!found || int64(n) > v) {
			v, found = int64(n), true
		}
		return nil
	})
	return v, found, err
}

// hasDocuments reports whether any document node is stored.
func (s *Store) hasDocuments(ctx context.Context) (bool, error) {
	stop := errors.New("found")
	err := s.eachQuad(ctx, quad.Object, iri(schema.ClassDocument), func(q quad.Quad) error {
		if q.Predicate == iri(schema.PredType) {
			return stop
		}
		return nil
	})
	if errors.Is(err, stop) {
		return true, nil
	}
	return false, err
}

// checkLayout runs at Open, before the schema quads are written: a store
// with documents and no layout version (layout 1) or an older one is
// refused (wrapping ErrOldLayout) unless cfg.Migrate; a newer one always.
// It sets s.oldLayout when the store needs migrating, so that the version
// quad is written only by Migrate.
func (s *Store) checkLayout(ctx context.Context) error {
	v, found, err := s.layoutVersion(ctx)
	if err != nil {
		return fmt.Errorf("graph: read layout version: %w", err)
	}
	if found && v == schema.LayoutVersion {
		return nil
	}
	if found && v > schema.LayoutVersion {
		return fmt.Errorf("graph: the store has graph layout %d; this newsgraph reads layout %d: upgrade newsgraph", v, schema.LayoutVersion)
	}
	if !found {
		docs, err := s.hasDocuments(ctx)
		if err != nil {
			return fmt.Errorf("graph: read layout version: %w", err)
		}
		if !docs {
			return nil // a new or empty store: ensureSchema writes the version
		}
		v = 1
	}
	s.oldLayout = true
	if s.cfg.Migrate {
		return nil
	}
	return fmt.Errorf("graph: %w (layout %d; this newsgraph reads layout %d): run `newsgraph migrate` on it once (resumable; or ingest the documents again into a new store)",
		ErrOldLayout, v, schema.LayoutVersion)
}

// MigrateProgress is called after each document Migrate rewrites.
type MigrateProgress func(done, total int, id string)

// Migrate rewrites every document of a layout-1 store in the current
// layout, one transaction per document (its label replaced as a whole, as
// a re-ingest would), then writes the layout version. It is resumable: a
// document already rewritten is skipped, so running it again after an
// interruption finishes the job. The store must have been opened with
// Config.Migrate. It returns how many documents it rewrote.
func (s *Store) Migrate(ctx context.Context, progress MigrateProgress) (int, error) {
	if err := s.checkWritable(); err != nil {
		return 0, err
	}
	ids, err := s.DocumentIDs(ctx)
	if err != nil {
		return 0, err
	}
	// Counts are kept by the current layout's markers: recount afterwards.
	s.writeMu.Lock()
	err = s.dropCounts(ctx)
	s.writeMu.Unlock()
	if err != nil {
		return 0, fmt.Errorf("graph: migrate: %w", err)
	}
	n := 0
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		doc := iri(schema.DocIRI(id))
		old, err := s.labelQuads(ctx, doc)
		if err != nil {
			return n, fmt.Errorf("graph: migrate %s: %w", id, err)
		}
		if !hasLayout1(old) {
			continue
		}
		if err := s.PutLabel(ctx, doc, MigrateQuads(id, old), true); err != nil {
			return n, fmt.Errorf("graph: migrate %s: %w", id, err)
		}
		n++
		if progress != nil {
			progress(i+1, len(ids), id)
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := s.dropCounts(ctx); err != nil {
		return n, fmt.Errorf("graph: migrate: %w", err)
	}
	if err := s.qs.ApplyDeltas([]cgraph.Delta{{Quad: LayoutQuad(), Action: cgraph.Add}}, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return n, fmt.Errorf("graph: migrate: write layout version: %w", err)
	}
	s.oldLayout = false
	return n, nil
}

// isLayout1 reports whether a quad exists only in layout 1.
func isLayout1(q quad.Quad) bool {
	switch q.Predicate {
	case iri(schema.Layout1MentionedIn), iri(schema.Layout1Document), iri(schema.Layout1Start),
		iri(schema.Layout1End), iri(schema.Layout1Confidence):
		return true
	case iri(schema.PredType):
		return q.Object == iri(schema.Layout1ClassEvidence)
	}
	return false
}

// HasLayout1 reports whether quads (one document's) are in layout 1, the
// layout before the lean one: MigrateQuads turns them into this one.
func HasLayout1(qs []quad.Quad) bool { return hasLayout1(qs) }

func hasLayout1(qs []quad.Quad) bool {
	for _, q := range qs {
		if isLayout1(q) {
			return true
		}
	}
	return false
}

// MigrateQuads turns one document's layout-1 quads (or the evidence
// triples of an RDF export, whose sentences are nodes already) into the
// current layout: the finest class of each entity, no alias repeating the name,
// no ng:mentioned_in, and evidence nodes as subject, predicate, object,
// sentence node and packed provenance. Other quads (the document node,
// relation edges, keys, statement texts) are kept as they are.
func MigrateQuads(docID string, old []quad.Quad) []quad.Quad {
	doc := iri(schema.DocIRI(docID))
	b := quadBuilder{label: doc, seen: make(map[quad.Quad]struct{}, len(old))}
	type oldEv struct {
		s, p, o  quad.Value
		sentence string // the sentence node, when the quads have one (an RDF export's)
		evidence schema.Evidence
	}
	classes := map[quad.Value][]schema.Class{}
	var classOrder []quad.Value
	names := map[quad.Value]map[quad.Value]bool{}
	evs := map[quad.Value]*oldEv{}
	var evOrder []quad.Value
	evOf := func(v quad.Value) *oldEv {
		e := evs[v]
		if e == nil {
			e = &oldEv{evidence: schema.Evidence{DocID: docID}}
			evs[v] = e
			evOrder = append(evOrder, v)
		}
		return e
	}
	isEv := func(v quad.Value) bool {
		s, ok := v.(quad.IRI)
		return ok && strings.HasPrefix(string(s), "ev:")
	}
	var rest []quad.Quad
	for _, q := range old {
		p, _ := q.Predicate.(quad.IRI)
		switch {
		case p == iri(schema.Layout1MentionedIn), p == iri(schema.Layout1Document):
		case p == iri(schema.PredType) && q.Object == iri(schema.Layout1ClassEvidence):
			evOf(q.Subject)
		case p == iri(schema.PredType) && isEntityClass(q.Object) && q.Subject != doc:
			if _, ok := classes[q.Subject]; !ok {
				classOrder = append(classOrder, q.Subject)
			}
			c, _ := q.Object.(quad.IRI)
			classes[q.Subject] = append(classes[q.Subject], schema.Class(strings.TrimPrefix(string(c), "ng:")))
		case p == iri(schema.PredName):
			if names[q.Subject] == nil {
				names[q.Subject] = map[quad.Value]bool{}
			}
			names[q.Subject][q.Object] = true
			rest = append(rest, q)
		case isEv(q.Subject) && p == iri(schema.PredEvSubject):
			evOf(q.Subject).s = q.Object
		case isEv(q.Subject) && p == iri(schema.PredEvPredicate):
			evOf(q.Subject).p = q.Object
		case isEv(q.Subject) && p == iri(schema.PredEvObject):
			evOf(q.Subject).o = q.Object
		case isEv(q.Subject) && p == iri(schema.PredEvSentence):
			if node, isNode := q.Object.(quad.IRI); isNode {
				evOf(q.Subject).sentence = string(node) // its ng:text quad is kept
			} else {
				evOf(q.Subject).evidence.Sentence, _ = schema.LiteralText(q.Object)
			}
		case isEv(q.Subject) && p == iri(schema.Layout1Start):
			evOf(q.Subject).evidence.Start = intValue(q.Object)
		case isEv(q.Subject) && p == iri(schema.Layout1End):
			evOf(q.Subject).evidence.End = intValue(q.Object)
		case isEv(q.Subject) && p == iri(schema.PredEvRule):
			evOf(q.Subject).evidence.Rule, _ = schema.LiteralText(q.Object)
		case isEv(q.Subject) && p == iri(schema.Layout1Confidence):
			if f, ok := q.Object.(quad.Float); ok {
				evOf(q.Subject).evidence.Confidence = float64(f)
			}
		case isEv(q.Subject) && strings.HasPrefix(string(p), schema.Layout1QualifierPrefix):
			e := evOf(q.Subject)
			if e.evidence.Qualifiers == nil {
				e.evidence.Qualifiers = map[string]string{}
			}
			v, _ := schema.LiteralText(q.Object)
			e.evidence.Qualifiers[strings.TrimPrefix(string(p), schema.Layout1QualifierPrefix)] = v
		default:
			rest = append(rest, q)
		}
	}
	for _, e := range classOrder {
		b.add(e, iri(schema.PredType), iri(schema.FinestClass(classes[e]).IRI()))
	}
	for _, q := range rest {
		if q.Predicate == iri(schema.PredAlias) && names[q.Subject][q.Object] {
			continue // the alias that repeated the name
		}
		b.add(q.Subject, q.Predicate, q.Object)
	}
	sentences := map[string]string{}
	for _, v := range evOrder {
		e := evs[v]
		if e.s == nil || e.p == nil || e.o == nil {
			continue
		}
		if e.sentence != "" {
			addEvidence(&b, v, e.s, e.p, e.o, e.sentence, e.evidence)
			continue
		}
		sen := sentenceNode(sentences, docID, e.evidence)
		addEvidence(&b, v, e.s, e.p, e.o, sen, e.evidence)
		if _, done := sentences[sen]; !done {
			sentences[sen] = e.evidence.Sentence
			b.add(iri(sen), iri(schema.PredText), str(e.evidence.Sentence))
		}
	}
	return b.quads
}

func isEntityClass(v quad.Value) bool {
	c, ok := v.(quad.IRI)
	if !ok || !strings.HasPrefix(string(c), "ng:") {
		return false
	}
	_, known := schema.LookupClass(string(c[3:]))
	return known
}

func intValue(v quad.Value) int {
	if n, ok := v.(quad.Int); ok {
		return int(n)
	}
	return 0
}
