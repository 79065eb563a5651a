package graph

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// SchemaLabel labels the vocabulary quads (the class hierarchy).
const SchemaLabel = schema.LabelSchema

// iri and str keep the layout code short; every IRI spelled here comes from schema/.
func iri(s string) quad.IRI    { return quad.IRI(s) }
func str(s string) quad.String { return quad.String(s) }

// timeValue normalises a time for the store: quad.Time hashes its value at
// second precision in UTC, so keeping more would make two equal-looking
// values differ after a backup round trip.
func timeValue(t time.Time) quad.Time {
	return quad.Time(t.UTC().Truncate(time.Second))
}

// DocumentQuads returns the quads of one extraction, laid out as
// docs/graph-model.md describes: every quad labelled with the document IRI,
// duplicates removed, rejected facts left out. It does not validate; see
// ValidateExtraction. Facts whose predicate is unknown are skipped.
func DocumentQuads(ext schema.Extraction, ingestedAt time.Time) []quad.Quad {
	qs, _ := buildQuads(ext, ingestedAt)
	return qs
}

// buildQuads is DocumentQuads that also returns the number of evidence
// nodes (facts) it wrote.
func buildQuads(ext schema.Extraction, ingestedAt time.Time) ([]quad.Quad, int) {
	d := ext.Document
	doc := iri(d.IRI())
	b := quadBuilder{label: doc, seen: make(map[quad.Quad]struct{}, 16+8*len(ext.Entities)+14*len(ext.Facts))}

	b.add(doc, iri(schema.PredType), iri(schema.ClassDocument))
	if d.Title != "" {
		b.add(doc, iri(schema.PredTitle), str(d.Title))
	}
	if d.URL != "" {
		b.add(doc, iri(schema.PredURL), str(d.URL))
	}
	if d.Source != "" {
		b.add(doc, iri(schema.PredSource), str(d.Source))
	}
	if !d.Published.IsZero() {
		b.add(doc, iri(schema.PredPublished), timeValue(d.Published))
	}
	b.add(doc, iri(schema.PredHash), str(d.Hash()))
	b.add(doc, iri(schema.PredTextKey), str(d.TextKey()))
	if !ingestedAt.IsZero() {
		b.add(doc, iri(schema.PredIngestedAt), timeValue(ingestedAt))
	}

	for _, e := range ext.Entities {
		ent := iri(e.IRI)
		// The finest class only: its ancestors are the <ng:schema>
		// subClassOf quads, which readers expand (docs/graph-model.md).
		b.add(ent, iri(schema.PredType), iri(e.Class.IRI()))
		// The name quad's label is the entity's mention by this document
		// (no ng:mentioned_in quad repeats it).
		b.add(ent, iri(schema.PredName), str(e.Name))
		if e.Class == schema.Statement {
			b.add(ent, iri(schema.PredText), str(e.Name))
		}
		b.add(ent, iri(schema.PredKey), str(schema.NameKey(e.Name)))
		for _, a := range e.Aliases {
			if a != "" && a != e.Name {
				b.add(ent, iri(schema.PredAlias), str(a))
				// One index lookup finds "hts" for "HTS": queries match names
				// by key when exact spelling fails.
				b.add(ent, iri(schema.PredKey), str(schema.NameKey(a)))
			}
		}
	}

	facts := make(map[quad.IRI]struct{}, len(ext.Facts))
	sentences := map[string]string{} // sentence node → its text
	for _, f := range ext.Facts {
		p, ok := schema.LookupPredicate(f.Predicate)
		if !ok {
			continue
		}
		if f.Evidence.DocID == "" {
			f.Evidence.DocID = d.ID
		}
		subj, pred, obj := iri(f.Subject), iri(p.IRI()), objectValue(p, f.Object)
		// "X does not control Y" is kept as evidence (queries show it,
		// flagged), but is no edge: paths must not walk it.
		if f.Evidence.Qualifiers[schema.QualNegated] != "true" {
			b.add(subj, pred, obj)
		}
		ev := iri(f.EvidenceIRI())
		facts[ev] = struct{}{}
		sen := sentenceNode(sentences, d.ID, f.Evidence)
		addEvidence(&b, ev, subj, pred, obj, sen, f.Evidence)
		if _, done := sentences[sen]; !done {
			sentences[sen] = f.Evidence.Sentence
			b.add(iri(sen), iri(schema.PredText), str(f.Evidence.Sentence))
		}
	}
	return b.quads, len(facts)
}

// addEvidence adds one evidence node: subject, predicate, object, its
// sentence node and the packed provenance (schema.EncodeProv).
func addEvidence(b *quadBuilder, ev, subj, pred, obj quad.Value, sentence string, e schema.Evidence) {
	b.add(ev, iri(schema.PredEvSubject), subj)
	b.add(ev, iri(schema.PredEvPredicate), pred)
	b.add(ev, iri(schema.PredEvObject), obj)
	b.add(ev, iri(schema.PredEvSentence), iri(sentence))
	b.add(ev, iri(schema.PredProv), str(schema.EncodeProv(e)))
}

// sentenceNode is the node of an evidence's sentence. Two evidences with
// one span and different texts (not produced by extraction, but possible
// in a hand-made extraction) get distinct nodes, so no sentence node ever
// has two texts.
func sentenceNode(seen map[string]string, docID string, e schema.Evidence) string {
	base := schema.SentenceIRI(docID, e.Start, e.End)
	sen := base
	for i := 2; ; i++ {
		text, ok := seen[sen]
		if !ok || text == e.Sentence {
			return sen
		}
		sen = base + "-" + strconv.Itoa(i)
	}
}

// objectValue is a fact's object: an entity IRI, or for literal-range
// predicates the value itself.
func objectValue(p schema.Predicate, obj string) quad.Value {
	if !p.Literal() {
		return iri(obj)
	}
	if p.Range[0] == schema.LiteralNumber {
		return quad.TypedString{Value: quad.String(obj), Type: iri(string(schema.LiteralNumber))}
	}
	return str(obj)
}

type quadBuilder struct {
	label quad.Value
	quads []quad.Quad
	seen  map[quad.Quad]struct{}
}

func (b *quadBuilder) add(s, p, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label}
	if _, dup := b.seen[q]; dup {
		return
	}
	b.seen[q] = struct{}{}
	b.quads = append(b.quads, q)
}

// SchemaQuads returns the vocabulary quads written when a store is
// created: the class hierarchy under the label <ng:schema>, and the layout
// version (LayoutQuad).
func SchemaQuads() []quad.Quad {
	out := []quad.Quad{LayoutQuad()}
	for _, c := range schema.Classes() {
		out = append(out, quad.Quad{
			Subject:   iri(c.Name.IRI()),
			Predicate: iri(schema.PredSubClassOf),
			Object:    iri(c.Parent.IRI()),
			Label:     iri(SchemaLabel),
		})
	}
	return out
}

// LayoutQuad says which layout the store's documents follow:
// <ng:schema> <ng:layout_version> 2 <ng:schema>.
func LayoutQuad() quad.Quad {
	return quad.Quad{Subject: iri(SchemaLabel), Predicate: iri(schema.PredLayoutVersion),
		Object: quad.Int(schema.LayoutVersion), Label: iri(SchemaLabel)}
}

// ValidateExtraction checks what the store relies on before writing a
// document: an id, well-formed IRIs and text, known classes, and facts that
// pass schema.Validate against the document's own entities. The error lists
// every problem found, so one message explains a failed document.
func ValidateExtraction(ext schema.Extraction) error {
	var errs []error
	d := ext.Document
	if strings.TrimSpace(d.ID) == "" {
		return errors.New("document has no id")
	}
	for _, s := range []struct{ name, v string }{{"title", d.Title}, {"url", d.URL}, {"source", d.Source}, {"text", d.Text}} {
		if !utf8.ValidString(s.v) {
			errs = append(errs, fmt.Errorf("document %s is not valid UTF-8", s.name))
		}
	}
	seen := make(map[string]bool, len(ext.Entities))
	for i, e := range ext.Entities {
		if err := checkIRI(e.IRI); err != nil {
			errs = append(errs, fmt.Errorf("entity %d (%q): %w", i, e.Name, err))
			continue
		}
		if seen[e.IRI] {
			errs = append(errs, fmt.Errorf("entity %s listed twice", e.IRI))
		}
		seen[e.IRI] = true
		if strings.TrimSpace(e.Name) == "" {
			errs = append(errs, fmt.Errorf("entity %s has no name", e.IRI))
		}
		if _, ok := schema.LookupClass(string(e.Class)); !ok {
			errs = append(errs, fmt.Errorf("entity %s has unknown class %q", e.IRI, e.Class))
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if !utf8.ValidString(a) {
				errs = append(errs, fmt.Errorf("entity %s: name or alias is not valid UTF-8", e.IRI))
				break
			}
		}
	}
	for i, f := range ext.Facts {
		if err := schema.Validate(f, ext.ClassOf); err != nil {
			errs = append(errs, fmt.Errorf("fact %d: %w", i, err))
			continue
		}
		if f.Evidence.DocID != "" && f.Evidence.DocID != d.ID {
			errs = append(errs, fmt.Errorf("fact %d: evidence names document %q", i, f.Evidence.DocID))
		}
		if !utf8.ValidString(f.Evidence.Sentence) || !utf8.ValidString(f.Object) {
			errs = append(errs, fmt.Errorf("fact %d: text is not valid UTF-8", i))
		}
		if f.Evidence.Start < 0 || f.Evidence.End < f.Evidence.Start {
			errs = append(errs, fmt.Errorf("fact %d: bad evidence offsets %d..%d", i, f.Evidence.Start, f.Evidence.End))
		}
		for k, v := range f.Evidence.Qualifiers {
			if k == "" || strings.ContainsAny(k, "<>\"{}|^`\\ \t\n") || !utf8.ValidString(v) {
				errs = append(errs, fmt.Errorf("fact %d: bad qualifier %q", i, k))
			}
		}
	}
	return errors.Join(errs...)
}

// checkIRI rejects IRIs that N-Quads cannot carry (and so a backup could
// not restore): empty, or containing spaces, controls or <>"{}|^`\.
func checkIRI(s string) error {
	if s == "" {
		return errors.New("empty IRI")
	}
	if !utf8.ValidString(s) {
		return errors.New("IRI is not valid UTF-8")
	}
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) {
			return fmt.Errorf("IRI %q contains %q", s, r)
		}
	}
	return nil
}
