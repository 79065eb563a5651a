package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/schema"
)

// ContextURL is where the JSON-LD context is published; exports embed the
// same context inline, so no consumer has to fetch it.
const ContextURL = "https://newsgraph.dev/context.jsonld"

// Context builds the JSON-LD @context from schema/: the prefixes, a term
// per class, a term per relation predicate (coerced to @id, or to its
// literal datatype) and a term per structural predicate.
func Context() map[string]any {
	c := map[string]any{}
	for p, ns := range schema.Prefixes() {
		c[p] = ns
	}
	c["Document"] = schema.ClassDocument
	c["Evidence"] = schema.Layout1ClassEvidence
	for _, info := range schema.Classes() {
		c[string(info.Name)] = info.Name.IRI()
	}
	for _, p := range schema.Predicates() {
		def := map[string]any{"@id": p.IRI(), "@type": "@id"}
		if p.Literal() {
			def["@type"] = string(p.Range[0])
		}
		c[p.Name] = def
	}
	for term, def := range structuralTerms() {
		c[term] = def
	}
	return c
}

// structuralTerms are the layout predicates of docs/graph-model.md.
func structuralTerms() map[string]any {
	id := func(iri string) map[string]any { return map[string]any{"@id": iri, "@type": "@id"} }
	typed := func(iri, t string) map[string]any { return map[string]any{"@id": iri, "@type": t} }
	m := map[string]any{
		"subClassOf":  id(schema.PredSubClassOf),
		"name":        schema.PredName,
		"alias":       schema.PredAlias,
		"key":         schema.PredKey,
		"subject":     id(schema.PredEvSubject),
		"predicate":   id(schema.PredEvPredicate),
		"object":      schema.PredEvObject,
		"sentence":    id(schema.PredEvSentence),
		"document":    id(schema.Layout1Document),
		"start":       typed(schema.Layout1Start, "xsd:integer"),
		"end":         typed(schema.Layout1End, "xsd:integer"),
		"rule":        schema.PredEvRule,
		"confidence":  typed(schema.Layout1Confidence, "xsd:double"),
		"title":       schema.PredTitle,
		"url":         schema.PredURL,
		"published":   typed(schema.PredPublished, "xsd:dateTime"),
		"source":      schema.PredSource,
		"hash":        schema.PredHash,
		"ingested_at": typed(schema.PredIngestedAt, "xsd:dateTime"),
		"text":        schema.PredText,
	}
	for _, k := range qualifierKeys {
		m["q_"+k] = schema.Layout1QualifierPrefix + k
	}
	return m
}

// expandProv is what the RDF exports write for one stored quad: the quad
// itself, except an evidence's packed provenance (ng:prov), which RDF
// tools cannot query, becomes typed triples: rdf:type ng:Evidence,
// ng:document (the label), ng:start, ng:end, ng:rule, ng:confidence and
// ng:q_KEY per qualifier (docs/export.md). The sentence stays a node
// (ng:sentence → ng:text), as in the store.
func expandProv(q quad.Quad) ([]quad.Quad, error) {
	if iriOf(q.Predicate) != schema.PredProv {
		return []quad.Quad{q}, nil
	}
	ev, err := schema.DecodeProv(textOf(q.Object))
	if err != nil {
		return nil, fmt.Errorf("evidence %s: %w", iriOf(q.Subject), err)
	}
	add := func(out []quad.Quad, p string, o quad.Value) []quad.Quad {
		return append(out, quad.Quad{Subject: q.Subject, Predicate: quad.IRI(p), Object: o, Label: q.Label})
	}
	out := make([]quad.Quad, 0, 7+len(ev.Qualifiers))
	out = add(out, schema.PredType, quad.IRI(schema.Layout1ClassEvidence))
	if q.Label != nil {
		out = add(out, schema.Layout1Document, q.Label)
	}
	out = add(out, schema.Layout1Start, quad.Int(ev.Start))
	out = add(out, schema.Layout1End, quad.Int(ev.End))
	if ev.Rule != "" {
		out = add(out, schema.PredEvRule, quad.String(ev.Rule))
	}
	out = add(out, schema.Layout1Confidence, quad.Float(ev.Confidence))
	for _, k := range sortedKeys(ev.Qualifiers) {
		out = add(out, schema.Layout1QualifierPrefix+k, quad.String(ev.Qualifiers[k]))
	}
	return out, nil
}

// WriteContext writes the published context document.
func WriteContext(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"@context": Context()})
}

// ExpandValue turns a store value into one RDF tools read: compact IRIs
// expanded, native numbers, booleans and times as typed literals with full
// XSD datatypes (times keep their nanoseconds).
func ExpandValue(v quad.Value) quad.Value {
	switch v := v.(type) {
	case quad.IRI:
		return quad.IRI(expandIRI(string(v)))
	case quad.TypedString:
		return quad.TypedString{Value: v.Value, Type: quad.IRI(expandIRI(string(v.Type)))}
	case quad.Int:
		return quad.TypedString{Value: quad.String(strconv.FormatInt(int64(v), 10)), Type: schema.XSDNS + "integer"}
	case quad.Float:
		return quad.TypedString{Value: quad.String(strconv.FormatFloat(float64(v), 'g', -1, 64)), Type: schema.XSDNS + "double"}
	case quad.Bool:
		return quad.TypedString{Value: quad.String(strconv.FormatBool(bool(v))), Type: schema.XSDNS + "boolean"}
	case quad.Time:
		return quad.TypedString{Value: quad.String(time.Time(v).UTC().Format(time.RFC3339Nano)), Type: schema.XSDNS + "dateTime"}
	}
	return v
}

// CompactValue is the inverse of ExpandValue for what import reads.
func CompactValue(v quad.Value) quad.Value {
	switch v := v.(type) {
	case quad.IRI:
		return quad.IRI(schema.CompactIRI(string(v)))
	case quad.TypedString:
		ts := quad.TypedString{Value: v.Value, Type: quad.IRI(schema.CompactIRI(string(v.Type)))}
		if ts.Type == "xsd:string" {
			return ts.Value
		}
		if nv, err := ts.ParseValue(); err == nil {
			return nv
		}
		return ts
	}
	return v
}

func expandQuad(q quad.Quad) quad.Quad {
	q.Subject, q.Predicate, q.Object = ExpandValue(q.Subject), ExpandValue(q.Predicate), ExpandValue(q.Object)
	if q.Label != nil {
		q.Label = ExpandValue(q.Label)
	}
	return q
}

// quadWriter is one RDF serialisation.
type quadWriter interface {
	WriteQuad(quad.Quad) error // the quad as stored, compact
	Close() error
}

type nquadsWriter struct{ w *nquads.Writer }

func (n nquadsWriter) WriteQuad(q quad.Quad) error { return n.w.WriteQuad(expandQuad(q)) }
func (n nquadsWriter) Close() error                { return n.w.Close() }

// turtleWriter writes one triple per line; Turtle has no graphs, so the
// document labels are dropped (an evidence or sentence IRI names its
// document: "ev:DOC/…", "sen:DOC/…").
type turtleWriter struct {
	w   *bufio.Writer
	err error
}

// prefixTable is schema.Prefixes() built once: expanding is per quad.
var prefixTable = schema.Prefixes()

// expandIRI is schema.ExpandIRI without building the prefix map per call.
func expandIRI(iri string) string {
	if i := strings.IndexByte(iri, ':'); i > 0 {
		if ns, ok := prefixTable[iri[:i]]; ok {
			return ns + iri[i+1:]
		}
	}
	return iri
}

// simpleLocal reports whether a local name can be written as a Turtle
// prefixed name without escapes.
func simpleLocal(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range []byte(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case (c >= '0' && c <= '9') || c == '-':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func newTurtleWriter(w io.Writer) *turtleWriter {
	t := &turtleWriter{w: bufio.NewWriter(w)}
	for _, p := range sortedKeys(schema.Prefixes()) {
		fmt.Fprintf(t.w, "@prefix %s: <%s> .\n", p, schema.Prefixes()[p])
	}
	t.w.WriteString("\n")
	return t
}

func (t *turtleWriter) term(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		s := string(iri)
		if i := strings.IndexByte(s, ':'); i > 0 {
			if _, known := prefixTable[s[:i]]; known && simpleLocal(s[i+1:]) {
				return s
			}
		}
	}
	return ExpandValue(v).String()
}

func (t *turtleWriter) WriteQuad(q quad.Quad) error {
	if t.err != nil {
		return t.err
	}
	p := t.term(q.Predicate)
	if p == schema.PredType {
		p = "a"
	}
	_, t.err = fmt.Fprintf(t.w, "%s %s %s .\n", t.term(q.Subject), p, t.term(q.Object))
	return t.err
}

func (t *turtleWriter) Close() error {
	if t.err != nil {
		return t.err
	}
	return t.w.Flush()
}

// jsonldWriter streams a JSON-LD document: the context inline, then one
// named graph object per run of a document's quads, each quad a node object.
type jsonldWriter struct {
	w        *bufio.Writer
	err      error
	open     bool // inside a named graph
	label    string
	first    bool // next item is the first in its array
	terms    map[string]string
	coercing map[string]bool
}

func newJSONLDWriter(w io.Writer) (*jsonldWriter, error) {
	j := &jsonldWriter{w: bufio.NewWriter(w), first: true, terms: map[string]string{}, coercing: map[string]bool{}}
	ctx := Context()
	for term, def := range ctx {
		switch d := def.(type) {
		case string:
			if _, isPrefix := schema.Prefixes()[term]; !isPrefix {
				j.terms[d] = term
			}
		case map[string]any:
			j.terms[d["@id"].(string)] = term
			j.coercing[term] = true
		}
	}
	b, err := json.Marshal(ctx)
	if err != nil {
		return nil, err
	}
	j.w.WriteString(`{"@context":`)
	j.w.Write(b)
	j.w.WriteString(",\n\"@graph\":[\n")
	return j, nil
}

func (j *jsonldWriter) value(v quad.Value, coerced bool) any {
	switch v := v.(type) {
	case quad.IRI:
		return map[string]string{"@id": string(v)}
	case quad.BNode:
		return map[string]string{"@id": "_:" + string(v)}
	case quad.String:
		if coerced {
			return map[string]string{"@value": string(v)}
		}
		return string(v)
	case quad.LangString:
		return map[string]string{"@value": string(v.Value), "@language": v.Lang}
	case quad.TypedString:
		return map[string]string{"@value": string(v.Value), "@type": string(v.Type)}
	}
	ts, ok := ExpandValue(v).(quad.TypedString)
	if !ok {
		return quad.StringOf(v)
	}
	return map[string]string{"@value": string(ts.Value), "@type": schema.CompactIRI(string(ts.Type))}
}

func (j *jsonldWriter) WriteQuad(q quad.Quad) error {
	if j.err != nil {
		return j.err
	}
	label := iriOf(q.Label)
	if label != j.label || (label != "" && !j.open) {
		if j.open {
			j.w.WriteString("\n]}")
			j.open = false
		}
		j.label = label
		if label != "" {
			if !j.first {
				j.w.WriteString(",\n")
			}
			b, _ := json.Marshal(label)
			fmt.Fprintf(j.w, `{"@id":%s,"@graph":[`+"\n", b)
			j.open, j.first = true, true
		}
	}
	node := map[string]any{"@id": iriOf(q.Subject)}
	p := iriOf(q.Predicate)
	if p == schema.PredType {
		o := iriOf(q.Object)
		if t, ok := j.terms[o]; ok {
			o = t
		}
		node["@type"] = o
	} else {
		key, coerced := p, false
		if t, ok := j.terms[p]; ok {
			key, coerced = t, j.coercing[t]
		}
		node[key] = j.value(q.Object, coerced)
	}
	b, err := json.Marshal(node)
	if err != nil {
		j.err = err
		return err
	}
	if !j.first {
		j.w.WriteString(",\n")
	}
	j.first = false
	_, j.err = j.w.Write(b)
	return j.err
}

func (j *jsonldWriter) Close() error {
	if j.err != nil {
		return j.err
	}
	if j.open {
		j.w.WriteString("\n]}")
	}
	j.w.WriteString("\n]}\n")
	return j.w.Flush()
}

func hashKey(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// rdf writes nquads, turtle or jsonld. Without filters it is one pass that
// copies the store; with filters, pass 1 indexes, pass 2 decides which
// evidence and edges survive (kept as 8-byte hashes), pass 3 writes.
func (e *exporter) rdf(ctx context.Context) error {
	w, closeOut, err := e.create(e.opts.Out)
	if err != nil {
		return err
	}
	defer closeOut()
	var qw quadWriter
	switch e.opts.Format {
	case NQuads:
		qw = nquadsWriter{nquads.NewWriter(w)}
	case Turtle:
		qw = newTurtleWriter(w)
	case JSONLD:
		if qw, err = newJSONLDWriter(w); err != nil {
			return err
		}
		if e.opts.Out != "-" {
			if err := e.writeContextFile(filepath.Join(filepath.Dir(e.opts.Out), "context.jsonld")); err != nil {
				return err
			}
		}
	}
	keep := func(quad.Quad) bool { return true }
	filtered := !e.opts.Filters.IsZero()
	if filtered {
		if err := e.prepare(ctx); err != nil {
			return err
		}
		keptEv := map[uint64]struct{}{} // evidence and their sentence nodes
		keptEdge := map[uint64]struct{}{}
		err := e.factPass(ctx, func(f *fact) error {
			keptEv[hashKey(f.ev)] = struct{}{}
			keptEv[hashKey(f.senNode)] = struct{}{}
			keptEdge[hashKey(f.subject, f.predicate, quad.StringOf(f.object), f.label)] = struct{}{}
			return nil
		})
		if err != nil {
			return err
		}
		keep = func(q quad.Quad) bool {
			label := iriOf(q.Label)
			if label == "ng:schema" {
				return true
			}
			if d, ok := e.idx.docs[label]; ok && !d.Selected {
				return false
			}
			s := iriOf(q.Subject)
			if strings.HasPrefix(s, "ev:") || strings.HasPrefix(s, "sen:") {
				_, ok := keptEv[hashKey(s)]
				return ok
			}
			if d, ok := e.idx.docs[s]; ok {
				return d.Selected
			}
			if _, ok := relation(q); ok {
				_, ok := keptEdge[hashKey(s, iriOf(q.Predicate), quad.StringOf(q.Object), label)]
				return ok
			}
			if i, ok := e.idx.byIRI[s]; ok {
				return e.idx.ents[i].node
			}
			return true
		}
		for _, en := range e.idx.ents {
			if en.node {
				e.stats.Nodes++
			}
		}
	} else {
		e.idx = &index{docs: map[string]*docInfo{}, byIRI: map[string]int{}}
	}
	perLabel := map[string]int64{}
	err = e.src.EachQuad(ctx, func(q quad.Quad) error {
		if !filtered {
			// One pass: learn the documents for the manifest on the way.
			e.idx.observe(q)
			perLabel[iriOf(q.Label)]++
			if iriOf(q.Predicate) == schema.PredEvPredicate {
				e.stats.Facts++
				e.stats.Predicates[predName(iriOf(q.Object))]++
			}
		}
		if !keep(q) {
			return nil
		}
		qs, err := expandProv(q)
		if err != nil {
			return err
		}
		for _, q := range qs {
			e.stats.Quads++
			if err := qw.WriteQuad(q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !filtered {
		for label, n := range perLabel {
			if d, ok := e.idx.docs[label]; ok {
				d.Quads = n
			}
		}
		for _, d := range e.idx.docs {
			d.Selected = true
		}
	}
	if err := qw.Close(); err != nil {
		return err
	}
	return closeOut()
}

func (e *exporter) writeContextFile(path string) error {
	w, closeFn, err := e.create(path)
	if err != nil {
		return err
	}
	if err := WriteContext(w); err != nil {
		closeFn()
		return err
	}
	return closeFn()
}
