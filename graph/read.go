package graph

import (
	"context"
	"fmt"
	"sort"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Stats counts what the store holds.
type Stats struct {
	Documents int64 `json:"documents"` // document nodes
	Entities  int64 `json:"entities"`  // distinct entity nodes (roles and statements included)
	Facts     int64 `json:"facts"`     // evidence nodes: one per fact per sentence per document
	Quads     int64 `json:"quads"`     // every quad, schema and merges included
}

// topClasses are the entity classes: an entity has a type quad for one
// of them (its finest class) in each document that mentions it. (Layout 1
// also typed it with each ancestor, so with the top class too.)
func topClasses() []quad.Value {
	var out []quad.Value
	for _, c := range schema.Classes() {
		out = append(out, iri(c.Name.IRI()))
	}
	return out
}

// Stats counts documents, distinct entities, facts and quads, exactly.
// On bolt it reads running counts kept with every write (see counts.go);
// on SQL backends, shared by several processes, it counts with SQL.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	if s.db != nil {
		st, err := s.sqlStats(ctx)
		if err != nil {
			return Stats{}, fmt.Errorf("graph: stats: %w", err)
		}
		return st, nil
	}
	if !s.useCounts() {
		st, err := s.scanStats(ctx)
		if err != nil {
			return Stats{}, fmt.Errorf("graph: stats: %w", err)
		}
		return st, nil
	}
	s.statsMu.Lock()
	c, ok := s.counts, s.haveCounts
	s.statsMu.Unlock()
	if !ok {
		s.writeMu.Lock()
		var err error
		c, err = s.recount(ctx)
		s.writeMu.Unlock()
		if err != nil {
			return Stats{}, fmt.Errorf("graph: stats: %w", err)
		}
	}
	cs, err := s.qs.Stats(ctx, false)
	if err != nil {
		return Stats{}, fmt.Errorf("graph: stats: %w", err)
	}
	// The counter quads themselves are not data.
	return Stats{Documents: c.docs, Entities: c.entities, Facts: c.facts, Quads: cs.Quads.Value - int64(len(c.quads()))}, nil
}

// scanStats counts by scanning the type quads: O(documents).
func (s *Store) scanStats(ctx context.Context) (Stats, error) {
	var st Stats
	cs, err := s.qs.Stats(ctx, false)
	if err != nil {
		return st, err
	}
	st.Quads = cs.Quads.Value
	n := 0
	if err := s.eachRef(ctx, quad.Label, iri(countsLabel), func(cgraph.Ref) error { n++; return nil }); err != nil {
		return st, err
	}
	st.Quads -= int64(n)
	if st.Documents, err = s.countSubjects(ctx, []quad.Value{iri(schema.ClassDocument)}, false); err != nil {
		return st, err
	}
	if st.Facts, err = s.countPredicate(ctx, iri(schema.PredProv)); err != nil {
		return st, err
	}
	if st.Entities, err = s.countSubjects(ctx, topClasses(), true); err != nil {
		return st, err
	}
	return st, nil
}

// countSubjects counts the subjects of rdf:type quads whose object is one of
// classes. With distinct, a subject typed in several documents counts once;
// without, every type quad counts (document and evidence nodes have one).
func (s *Store) countSubjects(ctx context.Context, classes []quad.Value, distinct bool) (int64, error) {
	typ, err := s.refOf(iri(schema.PredType))
	if err != nil || typ == nil {
		return 0, err
	}
	typKey := refs.ToKey(typ)
	var n int64
	seen := make(map[any]struct{})
	for _, c := range classes {
		err := s.eachRef(ctx, quad.Object, c, func(r cgraph.Ref) error {
			p, err := s.qs.QuadDirection(r, quad.Predicate)
			if err != nil {
				return err
			}
			if refs.ToKey(p) != typKey {
				return nil
			}
			if !distinct {
				n++
				return nil
			}
			sub, err := s.qs.QuadDirection(r, quad.Subject)
			if err != nil {
				return err
			}
			k := refs.ToKey(sub)
			if _, ok := seen[k]; !ok {
				seen[k] = struct{}{}
				n++
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

// DocumentInfo describes one stored document.
type DocumentInfo struct {
	ID         string    `json:"id"`
	Title      string    `json:"title,omitempty"`
	URL        string    `json:"url,omitempty"`
	Source     string    `json:"source,omitempty"`
	Published  time.Time `json:"published,omitzero"`
	Hash       string    `json:"hash"`
	IngestedAt time.Time `json:"ingested_at"`
	Quads      int       `json:"quads"`
}

// Documents lists the stored documents with their details, sorted by id.
// It reads every quad of every document (to count them): for large stores
// page with DocumentIDs and Document instead.
func (s *Store) Documents(ctx context.Context) ([]DocumentInfo, error) {
	ids, err := s.DocumentIDs(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]DocumentInfo, 0, len(ids))
	for _, id := range ids {
		info, err := s.documentInfo(ctx, iri(schema.DocIRI(id)))
		if err != nil {
			return nil, fmt.Errorf("graph: read document %q: %w", id, err)
		}
		out = append(out, info)
	}
	return out, nil
}

// DocumentHashes maps the id of every stored document to its text hash:
// what an ingest needs to skip unchanged documents, without the cost of
// Documents (which counts every document's quads).
func (s *Store) DocumentHashes(ctx context.Context) (map[string]string, error) {
	if s.db != nil {
		return s.sqlDocumentHashes(ctx)
	}
	out := map[string]string{}
	err := s.eachQuad(ctx, quad.Object, iri(schema.ClassDocument), func(q quad.Quad) error {
		if q.Predicate != iri(schema.PredType) || q.Subject != q.Label {
			return nil
		}
		hs, err := s.subjectValues(ctx, q.Subject, iri(schema.PredHash), q.Subject)
		if err != nil {
			return err
		}
		if len(hs) > 0 {
			out[docID(q.Subject)] = valueString(hs[0])
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: list documents: %w", err)
	}
	return out, nil
}

// DocumentIDs lists the ids of the stored documents, sorted.
func (s *Store) DocumentIDs(ctx context.Context) ([]string, error) {
	var ids []string
	err := s.eachQuad(ctx, quad.Object, iri(schema.ClassDocument), func(q quad.Quad) error {
		if q.Predicate == iri(schema.PredType) && q.Subject == q.Label {
			ids = append(ids, docID(q.Subject))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: list documents: %w", err)
	}
	sort.Strings(ids)
	return ids, nil
}

// Document describes one stored document; an unknown id gives an error
// wrapping ErrNotFound.
func (s *Store) Document(ctx context.Context, id string) (DocumentInfo, error) {
	doc := iri(schema.DocIRI(id))
	info, err := s.documentInfo(ctx, doc)
	if err != nil {
		return info, fmt.Errorf("graph: read %s: %w", doc, err)
	}
	if info.Quads == 0 {
		return info, fmt.Errorf("graph: document %q: %w", id, ErrNotFound)
	}
	return info, nil
}

func (s *Store) documentInfo(ctx context.Context, doc quad.Value) (DocumentInfo, error) {
	info := DocumentInfo{ID: docID(doc)}
	err := s.eachQuad(ctx, quad.Subject, doc, func(q quad.Quad) error {
		if q.Label != doc {
			return nil
		}
		p, _ := q.Predicate.(quad.IRI)
		switch string(p) {
		case schema.PredTitle:
			info.Title = valueString(q.Object)
		case schema.PredURL:
			info.URL = valueString(q.Object)
		case schema.PredSource:
			info.Source = valueString(q.Object)
		case schema.PredHash:
			info.Hash = valueString(q.Object)
		case schema.PredPublished:
			info.Published = valueTime(q.Object)
		case schema.PredIngestedAt:
			info.IngestedAt = valueTime(q.Object)
		}
		return nil
	})
	if err != nil {
		return info, err
	}
	err = s.eachRef(ctx, quad.Label, doc, func(cgraph.Ref) error { info.Quads++; return nil })
	return info, err
}

// docID recovers a document id from its IRI.
func docID(v quad.Value) string {
	id, _ := schema.DocIDOf(string(asIRI(v)))
	return id
}

func asIRI(v quad.Value) quad.IRI {
	i, _ := v.(quad.IRI)
	return i
}

func valueString(v quad.Value) string {
	if v == nil {
		return ""
	}
	if s, ok := v.Native().(string); ok {
		return s
	}
	return quad.StringOf(v)
}

func valueTime(v quad.Value) time.Time {
	if v == nil {
		return time.Time{}
	}
	if t, ok := v.Native().(time.Time); ok {
		return t.UTC()
	}
	return time.Time{}
}

// EachQuad streams every quad of the store to fn, stopping at fn's first
// error (returned as is) or when ctx is done.
func (s *Store) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	keep := func(q quad.Quad) error {
		if q.Label == iri(ballastLabel) || q.Label == iri(countsLabel) {
			return nil // a write in progress (see applyDeltas), bookkeeping (counts.go)
		}
		return fn(q)
	}
	if ok, err := s.eachLogQuad(ctx, logBatch, valueCacheSize, keep); ok {
		return err
	}
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("graph: read quad: %w", err)
		}
		if err := keep(q); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("graph: read quads: %w", err)
	}
	return ctx.Err()
}
