package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Merge is one recorded cross-document entity merge: From is the same
// entity as Into. Documents keep their own quads; the merge adds an
// ng:same_as edge that queries may follow, and this record.
type Merge struct {
	ID        string    `json:"id"`                 // short id for Unmerge (hex)
	From      string    `json:"from"`               // merged entity IRI
	Into      string    `json:"into"`               // entity IRI it was merged into
	Rule      string    `json:"rule"`               // why: the resolution rule, or "manual"
	Names     []string  `json:"names"`              // names and aliases From had when merged
	Documents []string  `json:"documents"`          // ids of the documents that mentioned From
	Evidence  []string  `json:"evidence,omitempty"` // what the rule found, one reason each
	At        time.Time `json:"at"`
}

// ErrMergeConflict is returned (wrapped) for a merge that cannot be made:
// an entity into itself, across top classes, or against an existing merge.
var ErrMergeConflict = errors.New("merge conflict")

func mergeID(node string) string { return strings.TrimPrefix(node, "ev:merge:") }

// Merge records that entity from is entity into, under the given rule.
// Both must be stored entities of the same top class. Merging the same
// pair again returns the existing record. evidence is kept on the record.
func (s *Store) Merge(ctx context.Context, from, into, rule string, evidence ...string) (Merge, error) {
	if rule == "" {
		rule = "manual"
	}
	if from == into {
		return Merge{}, fmt.Errorf("graph: merge %s into itself: %w", from, ErrMergeConflict)
	}
	if schema.EntityTop(from) != schema.EntityTop(into) {
		return Merge{}, fmt.Errorf("graph: merge %s into %s: different classes: %w", from, into, ErrMergeConflict)
	}
	if err := s.checkWritable(); err != nil {
		return Merge{}, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	defer s.autoRelease()

	node := schema.MergeIRI(from, into)
	if m, err := s.readMerge(ctx, iri(node)); err == nil {
		return m, nil
	} else if !errors.Is(err, ErrNotFound) {
		return Merge{}, err
	}
	if _, err := s.readMerge(ctx, iri(schema.MergeIRI(into, from))); err == nil {
		return Merge{}, fmt.Errorf("graph: %s is already merged into %s: %w", into, from, ErrMergeConflict)
	}
	m := Merge{ID: mergeID(node), From: from, Into: into, Rule: rule, At: time.Now().UTC().Truncate(time.Second)}
	names := map[string]bool{}
	docs := map[string]bool{}
	for _, e := range []string{from, into} {
		found := false
		err := s.eachQuad(ctx, quad.Subject, iri(e), func(q quad.Quad) error {
			switch q.Predicate {
			case iri(schema.PredName), iri(schema.PredAlias):
				found = true
				if e == from {
					names[valueString(q.Object)] = true
				}
				// A name quad's label is a document that mentions the
				// entity (docs/graph-model.md).
				if e == from && q.Predicate == iri(schema.PredName) {
					if _, isDoc := schema.DocIDOf(string(asIRI(q.Label))); isDoc {
						docs[docID(q.Label)] = true
					}
				}
			}
			return nil
		})
		if err != nil {
			return Merge{}, fmt.Errorf("graph: merge: read %s: %w", e, err)
		}
		if !found {
			return Merge{}, fmt.Errorf("graph: merge: entity %s: %w", e, ErrNotFound)
		}
	}
	m.Names, m.Documents = sortedKeys(names), sortedKeys(docs)
	if len(evidence) > 0 {
		reasons := map[string]bool{}
		for _, e := range evidence {
			reasons[e] = true
		}
		m.Evidence = sortedKeys(reasons)
	}

	tx := cgraph.NewTransaction()
	for _, q := range mergeQuads(m) {
		tx.AddQuad(q)
	}
	if err := s.qs.ApplyDeltas(tx.Deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return Merge{}, fmt.Errorf("graph: merge: %w", err)
	}
	return m, nil
}

// mergeQuads is the layout of one merge, all under <ng:merges>.
func mergeQuads(m Merge) []quad.Quad {
	l := iri(schema.LabelMerges)
	node := iri(schema.MergeIRI(m.From, m.Into))
	out := []quad.Quad{
		{Subject: iri(m.From), Predicate: iri(schema.PredSameAs), Object: iri(m.Into), Label: l},
		{Subject: node, Predicate: iri(schema.PredType), Object: iri(schema.ClassMerge), Label: l},
		{Subject: node, Predicate: iri(schema.PredMergeFrom), Object: iri(m.From), Label: l},
		{Subject: node, Predicate: iri(schema.PredMergeInto), Object: iri(m.Into), Label: l},
		{Subject: node, Predicate: iri(schema.PredEvRule), Object: str(m.Rule), Label: l},
		{Subject: node, Predicate: iri(schema.PredMergedAt), Object: timeValue(m.At), Label: l},
	}
	for _, n := range m.Names {
		out = append(out, quad.Quad{Subject: node, Predicate: iri(schema.PredMergeName), Object: str(n), Label: l})
	}
	for _, d := range m.Documents {
		out = append(out, quad.Quad{Subject: node, Predicate: iri(schema.PredMergeDoc), Object: iri(schema.DocIRI(d)), Label: l})
	}
	for _, e := range m.Evidence {
		out = append(out, quad.Quad{Subject: node, Predicate: iri(schema.PredMergeEvidence), Object: str(e), Label: l})
	}
	return out
}

// readMerge reads one merge record.
func (s *Store) readMerge(ctx context.Context, node quad.IRI) (Merge, error) {
	m := Merge{ID: mergeID(string(node))}
	found := false
	err := s.eachQuad(ctx, quad.Subject, node, func(q quad.Quad) error {
		if q.Label != iri(schema.LabelMerges) {
			return nil
		}
		p, _ := q.Predicate.(quad.IRI)
		switch string(p) {
		case schema.PredType:
			found = found || q.Object == iri(schema.ClassMerge)
		case schema.PredMergeFrom:
			m.From = string(asIRI(q.Object))
		case schema.PredMergeInto:
			m.Into = string(asIRI(q.Object))
		case schema.PredEvRule:
			m.Rule = valueString(q.Object)
		case schema.PredMergedAt:
			m.At = valueTime(q.Object)
		case schema.PredMergeName:
			m.Names = append(m.Names, valueString(q.Object))
		case schema.PredMergeDoc:
			m.Documents = append(m.Documents, docID(q.Object))
		case schema.PredMergeEvidence:
			m.Evidence = append(m.Evidence, valueString(q.Object))
		}
		return nil
	})
	if err != nil {
		return Merge{}, fmt.Errorf("graph: read merge %s: %w", node, err)
	}
	if !found {
		return Merge{}, fmt.Errorf("graph: merge %s: %w", m.ID, ErrNotFound)
	}
	sort.Strings(m.Names)
	sort.Strings(m.Documents)
	sort.Strings(m.Evidence)
	return m, nil
}

// Merges lists the recorded merges, oldest first.
func (s *Store) Merges(ctx context.Context) ([]Merge, error) {
	var nodes []quad.IRI
	err := s.eachQuad(ctx, quad.Object, iri(schema.ClassMerge), func(q quad.Quad) error {
		if q.Predicate == iri(schema.PredType) && q.Label == iri(schema.LabelMerges) {
			nodes = append(nodes, asIRI(q.Subject))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: list merges: %w", err)
	}
	out := make([]Merge, 0, len(nodes))
	for _, n := range nodes {
		m, err := s.readMerge(ctx, n)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// Unmerge undoes a merge: it removes the record and its ng:same_as edge.
// id is a Merge.ID (or the record's IRI); an unknown one gives an error
// wrapping ErrNotFound.
func (s *Store) Unmerge(ctx context.Context, id string) error {
	node := iri("ev:merge:" + mergeID(id))
	if err := s.checkWritable(); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	defer s.autoRelease()
	m, err := s.readMerge(ctx, node)
	if err != nil {
		return err
	}
	var old []quad.Quad
	err = s.eachQuad(ctx, quad.Subject, node, func(q quad.Quad) error {
		if q.Label == iri(schema.LabelMerges) {
			old = append(old, q)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("graph: unmerge %s: %w", id, err)
	}
	old = append(old, quad.Quad{Subject: iri(m.From), Predicate: iri(schema.PredSameAs), Object: iri(m.Into), Label: iri(schema.LabelMerges)})
	tx := cgraph.NewTransactionN(len(old))
	for _, q := range old {
		tx.RemoveQuad(q)
	}
	if err := s.qs.ApplyDeltas(tx.Deltas, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		return fmt.Errorf("graph: unmerge %s: %w", id, err)
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
