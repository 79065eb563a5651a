package api

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// The REST views read the store directly by quad direction: entity and
// document pages are a handful of index lookups, which is cheaper and more
// predictable than compiling a Gizmo query per request.

// maxScan bounds the quads one REST lookup may read, so a hub node (a
// country mentioned in every article) cannot turn one request into a scan
// of the whole store.
const maxScan = 200_000

// eachQuad calls fn for every quad with value v in direction d.
func eachQuad(ctx context.Context, qs cgraph.QuadStore, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	ref, err := qs.ValueOf(v)
	if err != nil {
		return fmt.Errorf("look up %v: %w", v, err)
	}
	if ref == nil {
		return nil
	}
	n := 0
	return graph.EachRefOf(ctx, qs, d, ref, func(r cgraph.Ref) error {
		if n++; n > maxScan {
			return errorf(422, CodeQueryError, "%v has more than %d quads in direction %v: use a saved query with a row limit", v, maxScan, d)
		}
		q, err := qs.Quad(r)
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		return fn(q)
	})
}

func iriValue(s string) quad.IRI { return quad.IRI(s) }

// iriString gives the compact IRI of an IRI value, "" for other values.
func iriString(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	return ""
}

// native renders a stored value for JSON: IRIs and strings as strings,
// numbers as numbers, times in RFC 3339.
func native(v quad.Value) any {
	if s, ok := schema.LiteralText(v); ok {
		return s
	}
	switch v := v.(type) {
	case nil:
		return nil
	case quad.IRI:
		return string(v)
	case quad.Int:
		return int64(v)
	case quad.Float:
		f := float64(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return f
	case quad.Bool:
		return bool(v)
	case quad.Time:
		return time.Time(v).UTC().Format(time.RFC3339)
	case quad.BNode:
		return v.String()
	}
	return v.String()
}

// entityNode is an entity's own quads, across documents.
type entityNode struct {
	IRI       string
	Name      string
	Classes   []string // class names, finest first
	Aliases   []string
	Documents []string // document ids (the first entityListDocs in search results)
	// DocumentCount is how many documents mention it (all of them, also
	// where Documents lists only the first).
	DocumentCount int64
}

// finest picks the class with the longest ancestry: City over Location.
func (e entityNode) Class() string {
	if len(e.Classes) == 0 {
		return ""
	}
	return e.Classes[0]
}

// sortClasses puts the finest class first: longest ancestry, then name.
func sortClasses(cs []string) {
	sort.Slice(cs, func(i, j int) bool {
		a, b := len(schema.Class(cs[i]).Ancestors()), len(schema.Class(cs[j]).Ancestors())
		if a != b {
			return a > b
		}
		return cs[i] < cs[j]
	})
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// docIDOf turns "doc:ID" (percent-encoded) back into the document id, ""
// for any other IRI.
func docIDOf(iri string) string {
	if id, ok := schema.DocIDOf(iri); ok {
		return id
	}
	return ""
}

// evidenceJSON is one sentence supporting a fact.
type evidenceJSON struct {
	ID         string            `json:"id"`
	Document   string            `json:"document"`
	Sentence   string            `json:"sentence"`
	Start      int64             `json:"start"`
	End        int64             `json:"end"`
	Rule       string            `json:"rule,omitempty"`
	Confidence float64           `json:"confidence"`
	Qualifiers map[string]string `json:"qualifiers,omitempty"`
}

// factJSON is one subject–predicate–object statement with its evidence.
type factJSON struct {
	Subject     string         `json:"subject"`
	SubjectName string         `json:"subject_name,omitempty"`
	Predicate   string         `json:"predicate"`
	Object      any            `json:"object"`
	ObjectName  string         `json:"object_name,omitempty"`
	Literal     bool           `json:"literal"`
	Evidence    []evidenceJSON `json:"evidence"`
}

// readEvidence reads one evidence node into its fact key and evidence.
func readEvidence(ctx context.Context, qs cgraph.QuadStore, ev quad.Value) (subj, pred string, obj quad.Value, e evidenceJSON, err error) {
	e.ID = iriString(ev)
	var sentence quad.Value
	err = eachQuad(ctx, qs, quad.Subject, ev, func(q quad.Quad) error {
		p := iriString(q.Predicate)
		switch {
		case p == schema.PredEvSubject:
			subj = iriString(q.Object)
		case p == schema.PredEvPredicate:
			pred = strings.TrimPrefix(iriString(q.Object), "ng:")
		case p == schema.PredEvObject:
			obj = q.Object
		case p == schema.PredEvSentence:
			sentence = q.Object
			e.Document = docIDOf(iriString(q.Label)) // the label is the document
		case p == schema.PredProv:
			pv, err := schema.DecodeProv(fmt.Sprint(native(q.Object)))
			if err != nil {
				return fmt.Errorf("evidence %s: %w", e.ID, err)
			}
			e.Start, e.End, e.Rule, e.Confidence, e.Qualifiers = int64(pv.Start), int64(pv.End), pv.Rule, pv.Confidence, pv.Qualifiers
			e.Document = docIDOf(iriString(q.Label))
		}
		return nil
	})
	if err == nil && sentence != nil {
		// The sentence is a node of its own, shared by the facts read in it.
		err = eachQuad(ctx, qs, quad.Subject, sentence, func(q quad.Quad) error {
			if iriString(q.Predicate) == schema.PredText && e.Sentence == "" {
				e.Sentence, _ = native(q.Object).(string)
			}
			return nil
		})
	}
	return subj, pred, obj, e, err
}

// evidenceNodes lists the first limit distinct evidence nodes linked to
// node through predicate via (the subjects of (?, via, node), in store
// order); partial says there are more.
func evidenceNodes(ctx context.Context, store Store, node, via cgraph.Ref, limit int) (evs []quad.Value, partial bool, err error) {
	it, err := store.Subjects(via, node)
	if err != nil {
		return nil, false, err
	}
	defer it.Close()
	for {
		ok, err := it.Next(ctx)
		if err != nil || !ok {
			return evs, false, err
		}
		if iriString(it.Value()) == "" {
			continue
		}
		if len(evs) == limit {
			return evs, true, nil
		}
		evs = append(evs, it.Value())
	}
}

// factsVia collects the facts whose evidence points at node v through
// evidence predicate via (ng:subject or ng:object), grouping
// evidence by fact. It reads at most limit evidence nodes, in store order
// (roughly first stored first); partial says that v has more, whose facts
// and evidence are missing from the result: an entity named in every
// article has as many evidence nodes as the corpus has sentences about it.
func factsVia(ctx context.Context, store Store, v quad.Value, via string, limit int) (facts []factJSON, partial bool, err error) {
	qs := store.QuadStore()
	facts = []factJSON{}
	node, err := qs.ValueOf(v)
	if err != nil || node == nil {
		return facts, false, err
	}
	viaRef, err := qs.ValueOf(quad.IRI(via))
	if err != nil || viaRef == nil {
		return facts, false, err
	}
	evs, partial, err := evidenceNodes(ctx, store, node, viaRef, limit)
	if err != nil {
		return nil, false, err
	}
	return groupFacts(ctx, qs, evs, partial)
}

// documentFacts collects the facts of one document: the evidence nodes of
// its label (subjects of its ng:prov quads), at most limit, grouped as
// factsVia does.
func documentFacts(ctx context.Context, store Store, doc quad.Value, limit int) (facts []factJSON, partial bool, err error) {
	qs := store.QuadStore()
	var evs []quad.Value
	stop := errors.New("limit")
	err = eachQuad(ctx, qs, quad.Label, doc, func(q quad.Quad) error {
		if iriString(q.Predicate) != schema.PredProv {
			return nil
		}
		if len(evs) == limit {
			partial = true
			return stop
		}
		evs = append(evs, q.Subject)
		return nil
	})
	if err != nil && !errors.Is(err, stop) {
		return nil, false, err
	}
	return groupFacts(ctx, qs, evs, partial)
}

// groupFacts reads evidence nodes and groups their evidence by fact.
func groupFacts(ctx context.Context, qs cgraph.QuadStore, evs []quad.Value, partial bool) (facts []factJSON, _ bool, err error) {
	type key struct{ s, p, o string }
	byKey := map[key]*factJSON{}
	var order []key
	for _, ev := range evs {
		subj, pred, obj, e, err := readEvidence(ctx, qs, ev)
		if err != nil {
			return nil, false, err
		}
		if subj == "" || pred == "" || obj == nil {
			continue // a partial node: not written by newsgraph
		}
		k := key{subj, pred, obj.String()}
		f, ok := byKey[k]
		if !ok {
			_, isIRI := obj.(quad.IRI)
			f = &factJSON{Subject: subj, Predicate: pred, Object: native(obj), Literal: !isIRI}
			byKey[k] = f
			order = append(order, k)
		}
		f.Evidence = append(f.Evidence, e)
	}
	names := map[string]string{}
	nameOf := func(iri string) (string, error) {
		if n, ok := names[iri]; ok {
			return n, nil
		}
		n, err := entityName(ctx, qs, iri)
		names[iri] = n
		return n, err
	}
	out := make([]factJSON, 0, len(order))
	for _, k := range order {
		f := byKey[k]
		sort.Slice(f.Evidence, func(i, j int) bool {
			a, b := f.Evidence[i], f.Evidence[j]
			if a.Document != b.Document {
				return a.Document < b.Document
			}
			return a.Start < b.Start
		})
		var err error
		if f.SubjectName, err = nameOf(f.Subject); err != nil {
			return nil, false, err
		}
		if !f.Literal {
			if f.ObjectName, err = nameOf(f.Object.(string)); err != nil {
				return nil, false, err
			}
		}
		out = append(out, *f)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return fmt.Sprint(a.Object) < fmt.Sprint(b.Object)
	})
	return out, partial, nil
}
