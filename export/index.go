package export

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// docInfo is what the quads say about one document.
type docInfo struct {
	IRI        string
	ID         string
	Title      string
	URL        string
	Source     string
	Hash       string
	Published  time.Time
	IngestedAt time.Time
	Quads      int64
	Selected   bool
}

// entity is the compact per-entity record every pass shares: it is what
// bounds an export's memory.
type entity struct {
	iri      string
	name     string
	mask     uint32 // one bit per schema class the store types it with
	docs     int32  // selected documents that mention it
	used     bool   // endpoint of a kept fact
	node     bool   // exported as a node
	literals map[string]literal
}

// literal is a literal-range fact (population, strength) kept as a node
// attribute by the graph formats: the most confident value wins.
type literal struct {
	value      string
	confidence float64
}

// index is the first pass over the store: documents and entities.
type index struct {
	docs  map[string]*docInfo // by document IRI
	ents  []*entity
	byIRI map[string]int
	// lastPos is the stream position of each label's last quad: pass 2
	// flushes a document's evidence there, so only documents whose quads
	// interleave are held together (one, for the bolt store's order).
	lastPos map[string]int64
	maxOpen int // most documents pass 2 held at once, for the manifest
}

var classBits = func() map[schema.Class]uint32 {
	m := map[schema.Class]uint32{}
	for i, c := range schema.Classes() {
		m[c.Name] = 1 << uint(i)
	}
	return m
}()

// classesOf lists the classes in mask, finest first.
func classesOf(mask uint32) []schema.Class {
	var out []schema.Class
	for _, c := range schema.Classes() {
		if mask&classBits[c.Name] != 0 {
			out = append(out, c.Name)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Ancestors()) > len(out[j].Ancestors()) })
	return out
}

// finestClass is the deepest class in mask.
func finestClass(mask uint32) schema.Class {
	if c := classesOf(mask); len(c) > 0 {
		return c[0]
	}
	return ""
}

func iriOf(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.BNode:
		return "_:" + string(v)
	}
	return ""
}

// textOf is the lexical form of a literal.
func textOf(v quad.Value) string {
	if s, ok := schema.LiteralText(v); ok {
		return s
	}
	switch v := v.(type) {
	case nil:
		return ""
	case quad.Time:
		return time.Time(v).UTC().Format(time.RFC3339Nano)
	case quad.Int:
		return strconv.FormatInt(int64(v), 10)
	case quad.Float:
		return strconv.FormatFloat(float64(v), 'g', -1, 64)
	case quad.Bool:
		return strconv.FormatBool(bool(v))
	case quad.IRI:
		return string(v)
	}
	return quad.StringOf(v)
}

func timeOf(v quad.Value) time.Time {
	if t, ok := v.(quad.Time); ok {
		return time.Time(t)
	}
	s := textOf(v)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

func floatOf(v quad.Value) (float64, bool) {
	switch v := v.(type) {
	case quad.Float:
		return float64(v), true
	case quad.Int:
		return float64(v), true
	}
	f, err := strconv.ParseFloat(textOf(v), 64)
	return f, err == nil
}

func intOf(v quad.Value) int64 {
	if i, ok := v.(quad.Int); ok {
		return int64(i)
	}
	i, _ := strconv.ParseInt(textOf(v), 10, 64)
	return i
}

func (x *index) doc(iri string) *docInfo {
	d := x.docs[iri]
	if d == nil {
		id, _ := schema.DocIDOf(iri)
		d = &docInfo{IRI: iri, ID: id}
		x.docs[iri] = d
	}
	return d
}

func (x *index) entity(iri string) *entity {
	if i, ok := x.byIRI[iri]; ok {
		return x.ents[i]
	}
	e := &entity{iri: iri}
	x.byIRI[iri] = len(x.ents)
	x.ents = append(x.ents, e)
	return e
}

// buildIndex is pass 1: documents with their metadata and quad counts,
// entities with their classes and names, and whether labels come in runs.
func buildIndex(ctx context.Context, src Source) (*index, error) {
	x := &index{docs: map[string]*docInfo{}, byIRI: map[string]int{}, lastPos: map[string]int64{}}
	var pos int64
	perLabel := map[string]int64{}
	err := src.EachQuad(ctx, func(q quad.Quad) error {
		label := iriOf(q.Label)
		x.lastPos[label] = pos
		pos++
		perLabel[label]++
		x.observe(q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for label, n := range perLabel {
		if d, ok := x.docs[label]; ok {
			d.Quads = n
		}
	}
	return x, nil
}

// observe learns what one quad says about documents and entities.
func (x *index) observe(q quad.Quad) {
	s, p := iriOf(q.Subject), iriOf(q.Predicate)
	switch {
	case p == schema.PredType:
		o := iriOf(q.Object)
		switch {
		case o == schema.ClassDocument:
			x.doc(s)
		case strings.HasPrefix(o, "ng:"):
			// The store types a mention with its finest class; its
			// ancestors are implied (the schema's subClassOf quads).
			if _, ok := classBits[schema.Class(o[3:])]; ok {
				e := x.entity(s)
				for _, c := range schema.Class(o[3:]).Ancestors() {
					e.mask |= classBits[c]
				}
			}
		}
	case strings.HasPrefix(s, "doc:"):
		x.docMeta(s, p, q.Object)
	case p == schema.PredName && !strings.HasPrefix(s, "ev:") && !strings.HasPrefix(s, "sen:"):
		if e := x.entity(s); e.name == "" {
			e.name = textOf(q.Object)
		}
	}
}

func (x *index) docMeta(s, p string, o quad.Value) {
	switch p {
	case schema.PredTitle:
		x.doc(s).Title = textOf(o)
	case schema.PredURL:
		x.doc(s).URL = textOf(o)
	case schema.PredSource:
		x.doc(s).Source = textOf(o)
	case schema.PredHash:
		x.doc(s).Hash = textOf(o)
	case schema.PredPublished:
		x.doc(s).Published = timeOf(o)
	case schema.PredIngestedAt:
		x.doc(s).IngestedAt = timeOf(o)
	}
}

// selector applies Filters.
type selector struct {
	f         Filters
	classMask uint32 // classes a selected entity may have; 0: any
	preds     map[string]bool
	docs      map[string]bool
	ents      map[string]bool
	to        time.Time // exclusive
}

func newSelector(f Filters) (*selector, error) {
	s := &selector{f: f}
	for _, name := range f.Classes {
		c, ok := schema.LookupClass(strings.TrimPrefix(name, "ng:"))
		if !ok {
			return nil, fmt.Errorf("unknown class %q", name)
		}
		for _, info := range schema.Classes() {
			if info.Name.IsA(c.Name) {
				s.classMask |= classBits[info.Name]
			}
		}
	}
	if len(f.Predicates) > 0 {
		s.preds = map[string]bool{}
		for _, name := range f.Predicates {
			p, ok := schema.LookupPredicate(name)
			if !ok {
				return nil, fmt.Errorf("unknown predicate %q", name)
			}
			s.preds[p.IRI()] = true
		}
	}
	if len(f.Documents) > 0 {
		s.docs = map[string]bool{}
		for _, id := range f.Documents {
			if strings.HasPrefix(id, "doc:") {
				s.docs[id] = true
			} else {
				s.docs[schema.DocIRI(id)] = true
			}
		}
	}
	if len(f.Entities) > 0 {
		s.ents = map[string]bool{}
		for _, iri := range f.Entities {
			iri = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(iri), "<"), ">")
			s.ents[schema.CompactIRI(iri)] = true
		}
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return nil, fmt.Errorf("minimum confidence %v is outside 0..1", f.MinConfidence)
	}
	s.to = f.To
	if !f.To.IsZero() {
		// A bare date means the whole day.
		if h, m, sec := f.To.Clock(); h == 0 && m == 0 && sec == 0 && f.To.Nanosecond() == 0 {
			s.to = f.To.AddDate(0, 0, 1)
		} else {
			s.to = f.To.Add(time.Nanosecond)
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return nil, errors.New("date range ends before it starts")
	}
	return s, nil
}

// factFilters reports whether facts are filtered beyond their documents:
// then only endpoints of kept facts become nodes.
func (s *selector) factFilters() bool { return s.preds != nil || s.f.MinConfidence > 0 }

func (s *selector) docOK(d *docInfo) bool {
	if s.docs != nil && !s.docs[d.IRI] {
		return false
	}
	if !s.f.From.IsZero() || !s.f.To.IsZero() {
		if d.Published.IsZero() {
			return false
		}
		if !s.f.From.IsZero() && d.Published.Before(s.f.From) {
			return false
		}
		if !s.to.IsZero() && !d.Published.Before(s.to) {
			return false
		}
	}
	return true
}

func (s *selector) entityOK(e *entity) bool {
	if s.classMask != 0 && e.mask&s.classMask == 0 {
		return false
	}
	if s.ents != nil && !s.ents[e.iri] {
		return false
	}
	return true
}

// fact is one evidence node assembled from its quads.
type fact struct {
	ev         string
	label      string
	subject    string
	predicate  string // compact IRI, "ng:controls"
	object     quad.Value
	doc        string
	senNode    string // the sentence node, whose text the flush looks up
	sentence   string
	start, end int64
	rule       string
	confidence float64
	quals      map[string]string
	// set by the selection
	docID     string
	published time.Time
}

// literal reports whether the fact's object is a value, not a node.
func (f *fact) literal() bool {
	_, isIRI := f.object.(quad.IRI)
	_, isBNode := f.object.(quad.BNode)
	return !isIRI && !isBNode
}

func (f *fact) objectText() string {
	if f.literal() {
		return textOf(f.object)
	}
	return iriOf(f.object)
}

// selectDocs marks the documents the filters select.
func (e *exporter) selectDocs() {
	for _, d := range e.idx.docs {
		d.Selected = e.sel.docOK(d)
	}
}

// factPass is pass 2: it assembles evidence nodes into facts, filters them
// and hands each kept fact to emit, marking the entities it touches. A
// document's evidence is flushed at its label's last quad (known from
// pass 1), so memory holds the evidence of the documents being read, not of
// the store. If the store changed since pass 1, what is left is flushed at
// the end: slower to free, still correct.
func (e *exporter) factPass(ctx context.Context, emit func(*fact) error) error {
	x := e.idx
	pending := map[string]map[string]*fact{} // label → evidence IRI → fact
	flush := func(label string) error {
		facts := pending[label]
		for _, k := range sortedKeys(facts) {
			f := facts[k]
			if strings.HasPrefix(k, "sen:") {
				continue // a sentence node, not evidence
			}
			if sen, ok := facts[f.senNode]; ok && f.senNode != "" {
				f.sentence = sen.sentence
			}
			if err := e.keepFact(f, emit); err != nil {
				return err
			}
		}
		delete(pending, label)
		return nil
	}
	var pos int64
	err := e.src.EachQuad(ctx, func(q quad.Quad) error {
		label := iriOf(q.Label)
		last, known := x.lastPos[label]
		here := pos
		pos++
		if err := e.observeFact(q, label, pending); err != nil {
			return err
		}
		if len(pending) > x.maxOpen {
			x.maxOpen = len(pending)
		}
		if known && here == last {
			return flush(label)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, label := range sortedKeys(pending) {
		if err := flush(label); err != nil {
			return err
		}
	}
	for _, en := range x.ents {
		en.node = en.used || (!e.sel.factFilters() && en.mask != 0 && en.docs > 0 && e.sel.entityOK(en))
	}
	return nil
}

// observeFact adds one quad to the evidence being assembled.
func (e *exporter) observeFact(q quad.Quad, label string, pending map[string]map[string]*fact) error {
	x := e.idx
	s, p := iriOf(q.Subject), iriOf(q.Predicate)
	if p == schema.PredText && strings.HasPrefix(s, "sen:") {
		facts := pending[label]
		if facts == nil {
			facts = map[string]*fact{}
			pending[label] = facts
		}
		// Kept beside the label's evidence under its own IRI (never an
		// evidence IRI): the flush gives each fact its sentence's text.
		facts[s] = &fact{ev: s, sentence: textOf(q.Object)}
		return nil
	}
	if p == schema.PredName && !strings.HasPrefix(s, "ev:") {
		// One name quad per entity per document that mentions it: its
		// label is the mention.
		if d, ok := x.docs[label]; ok && d.Selected {
			x.entity(s).docs++
		}
		return nil
	}
	if !strings.HasPrefix(s, "ev:") {
		return nil
	}
	facts := pending[label]
	if facts == nil {
		facts = map[string]*fact{}
		pending[label] = facts
	}
	f := facts[s]
	if f == nil {
		f = &fact{ev: s, label: label, confidence: -1}
		facts[s] = f
	}
	switch p {
	case schema.PredEvSubject:
		f.subject = iriOf(q.Object)
	case schema.PredEvPredicate:
		f.predicate = iriOf(q.Object)
	case schema.PredEvObject:
		f.object = q.Object
	case schema.PredEvSentence:
		f.senNode = iriOf(q.Object)
	case schema.PredProv:
		ev, err := schema.DecodeProv(textOf(q.Object))
		if err != nil {
			return fmt.Errorf("evidence %s: %w", s, err)
		}
		f.start, f.end, f.rule, f.confidence = int64(ev.Start), int64(ev.End), ev.Rule, ev.Confidence
		f.quals = ev.Qualifiers
	}
	return nil
}

// keepFact applies the filters to an assembled fact.
func (e *exporter) keepFact(f *fact, emit func(*fact) error) error {
	if f.subject == "" || f.predicate == "" || f.object == nil {
		return nil // not a relation's evidence
	}
	if f.doc == "" {
		f.doc = f.label
	}
	d, ok := e.idx.docs[f.doc]
	if !ok || !d.Selected {
		return nil
	}
	f.published, f.docID = d.Published, d.ID
	if e.sel.preds != nil && !e.sel.preds[f.predicate] {
		return nil
	}
	if e.sel.f.MinConfidence > 0 && f.confidence < e.sel.f.MinConfidence {
		return nil
	}
	subj := e.idx.entity(f.subject)
	sOK := e.sel.entityOK(subj)
	var obj *entity
	keep := sOK
	if !f.literal() {
		obj = e.idx.entity(iriOf(f.object))
		oOK := e.sel.entityOK(obj)
		if e.sel.f.AnyEndpoint {
			keep = sOK || oOK
		} else {
			keep = sOK && oOK
		}
	}
	if !keep {
		return nil
	}
	subj.used = true
	if obj != nil {
		obj.used = true
	} else {
		name := predName(f.predicate)
		if subj.literals == nil {
			subj.literals = map[string]literal{}
		}
		if old, ok := subj.literals[name]; !ok || f.confidence > old.confidence {
			subj.literals[name] = literal{value: textOf(f.object), confidence: f.confidence}
		}
	}
	e.stats.Facts++
	e.stats.Predicates[predName(f.predicate)]++
	return emit(f)
}

// prepare runs pass 1 and selects documents.
func (e *exporter) prepare(ctx context.Context) error {
	idx, err := buildIndex(ctx, e.src)
	if err != nil {
		return err
	}
	e.idx = idx
	var missing []string
	for iri := range e.sel.docs {
		if _, ok := idx.docs[iri]; !ok {
			missing = append(missing, iri)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("documents not in the store: %s", strings.Join(missing, ", "))
	}
	e.selectDocs()
	return nil
}

// nodeList is the exported nodes in first-seen order.
func (e *exporter) nodeList() []*entity {
	var out []*entity
	for _, en := range e.idx.ents {
		if en.node {
			out = append(out, en)
		}
	}
	return out
}

// literalPredicates lists the literal-range predicates, which the graph
// formats turn into node attributes.
func literalPredicates() []string {
	var out []string
	for _, p := range schema.Predicates() {
		if p.Literal() {
			out = append(out, p.Name)
		}
	}
	return out
}

// qualifierKeys are the documented qualifiers, each its own column.
var qualifierKeys = []string{schema.QualTime, schema.QualHedge, schema.QualFormer, schema.QualApproximate, schema.QualNegated}

// boolQualifier reports whether a qualifier holds "true"/"false".
func boolQualifier(k string) bool {
	return k == schema.QualFormer || k == schema.QualApproximate || k == schema.QualNegated
}

// qualifierString joins every qualifier as k=v;k=v, sorted.
func qualifierString(q map[string]string) string {
	keys := sortedKeys(q)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + q[k]
	}
	return strings.Join(parts, ";")
}
