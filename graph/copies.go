package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// DocumentTextKeys maps the text key (schema.Document.TextKey) of every
// stored document that has one to its id; when two stored documents share
// a key, the smaller id. Documents stored before text keys existed have
// none.
func (s *Store) DocumentTextKeys(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := EachQuadAt(ctx, s.qs, quad.Predicate, iri(schema.PredTextKey), func(q quad.Quad) error {
		if q.Subject != q.Label {
			return nil
		}
		k, id := valueString(q.Object), docID(q.Subject)
		if old, ok := out[k]; !ok || id < old {
			out[k] = id
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: list text keys: %w", err)
	}
	return out, nil
}

// AddDocumentCopies lists on stored document id the other documents that
// carried its text: each copy's id (ng:copy) and its source and URL when
// they differ, under the document's label, so deleting the document
// removes them. Adding the same copies again changes nothing.
func (s *Store) AddDocumentCopies(ctx context.Context, id string, copies []schema.Document) error {
	doc := iri(schema.DocIRI(id))
	var qs []quad.Quad
	for _, c := range copies {
		qs = append(qs, quad.Quad{Subject: doc, Predicate: iri(schema.PredCopy), Object: str(c.ID)})
		if c.Source != "" {
			qs = append(qs, quad.Quad{Subject: doc, Predicate: iri(schema.PredSource), Object: str(c.Source)})
		}
		if c.URL != "" {
			qs = append(qs, quad.Quad{Subject: doc, Predicate: iri(schema.PredURL), Object: str(c.URL)})
		}
	}
	if len(qs) == 0 {
		return nil
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].String() < qs[j].String() })
	if err := s.PutLabel(ctx, doc, qs, false); err != nil {
		return fmt.Errorf("graph: copies of %s: %w", id, err)
	}
	return nil
}
