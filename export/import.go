package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// ImportFormat is what Import reads.
type ImportFormat string

// The import formats.
const (
	ImportNQuads     ImportFormat = "nquads"
	ImportJSONLD     ImportFormat = "jsonld"
	ImportCuratedCSV ImportFormat = "csv"
)

// ParseImportFormat accepts an import format name, or guesses it from a
// file name's extension when s is a path.
func ParseImportFormat(s string) (ImportFormat, error) {
	switch strings.ToLower(strings.TrimPrefix(filepath.Ext(s), ".")) {
	case "nq", "nt":
		return ImportNQuads, nil
	case "jsonld":
		return ImportJSONLD, nil
	case "csv", "tsv":
		return ImportCuratedCSV, nil
	}
	switch strings.ToLower(s) {
	case "nquads", "nq", "n-quads":
		return ImportNQuads, nil
	case "jsonld", "json-ld":
		return ImportJSONLD, nil
	case "csv", "curated":
		return ImportCuratedCSV, nil
	}
	return "", fmt.Errorf("unknown import format %q (want nquads, jsonld or csv)", s)
}

// QuadSink stores raw quads under one label: with replace, the label's
// quads become exactly these (in one transaction); without, they are added.
type QuadSink interface {
	PutLabel(ctx context.Context, label quad.Value, quads []quad.Quad, replace bool) error
}

// DocumentWriter is the store's per-document write: graph.Store has it.
type DocumentWriter interface {
	WriteDocuments(ctx context.Context, exts []schema.Extraction) ([]graph.WriteResult, error)
}

// Destination is what Import writes to. NewDestination builds one from a
// *graph.Store.
type Destination interface {
	QuadSink
	DocumentWriter
}

// Store is the part of *graph.Store that NewDestination needs.
type Store interface {
	DocumentWriter
	Source
	DeleteDocument(ctx context.Context, id string) (int, error)
	Restore(ctx context.Context, r io.Reader) error
}

// NewDestination adapts a store for Import. If the store has a PutLabel
// method of its own it is used; otherwise a label is replaced with the
// store's public API: DeleteDocument, then Restore of the label's quads.
// Those are two transactions: if the import is interrupted between them,
// running it again completes it.
func NewDestination(s Store) Destination {
	if qs, ok := s.(QuadSink); ok {
		return struct {
			QuadSink
			Store
		}{qs, s}
	}
	return &graphDestination{Store: s}
}

type graphDestination struct {
	Store
}

// PutLabel replaces a document's quads (or adds to any other label, such
// as the vocabulary graph, whose quads Restore skips when present).
func (d *graphDestination) PutLabel(ctx context.Context, label quad.Value, quads []quad.Quad, replace bool) error {
	if l := iriOf(label); replace && strings.HasPrefix(l, "doc:") {
		id, err := url.PathUnescape(strings.TrimPrefix(l, "doc:"))
		if err != nil {
			return fmt.Errorf("document label %s: %w", l, err)
		}
		if schema.DocIRI(id) != l {
			return fmt.Errorf("document label %s is not in the store's form (expected %s)", l, schema.DocIRI(id))
		}
		if _, err := d.DeleteDocument(ctx, id); err != nil && !errors.Is(err, graph.ErrNotFound) {
			return err
		}
	}
	// Restore reads N-Quads in the store's own notation: compact IRIs and
	// Cayley's native values, exactly what its reader gives back.
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf)
	for _, q := range quads {
		q.Label = label
		if err := w.WriteQuad(q); err != nil {
			return fmt.Errorf("quad %v: %w", q, err)
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return d.Restore(ctx, &buf)
}

// ImportOptions configure one import.
type ImportOptions struct {
	// Name is the file name; curated CSV facts are stored under the label
	// <doc:curated-NAME> (NAME without extension, slugged).
	Name string
}

// ImportResult says what an import wrote.
type ImportResult struct {
	Quads  int      // quads read
	Labels []string // labels written, in order
	Facts  int      // curated CSV: facts stored
	Status string   // curated CSV: the document's write status
}

// Import reads N-Quads or JSON-LD (an export of ours or any RDF with our
// prefixes) or curated CSV facts into dst. RDF is stored quad for quad,
// its IRIs compacted back to the store's form; each label's quads replace
// what the store held under that label. Curated CSV becomes one document
// <doc:curated-NAME> validated against the schema: all rows or nothing.
func Import(ctx context.Context, dst Destination, r io.Reader, format ImportFormat, opts ImportOptions) (*ImportResult, error) {
	switch format {
	case ImportNQuads:
		return importQuads(ctx, dst, nquads.NewReader(r, false))
	case ImportJSONLD:
		return importQuads(ctx, dst, jsonld.NewReader(r))
	case ImportCuratedCSV:
		return importCurated(ctx, dst, r, opts)
	}
	return nil, fmt.Errorf("import: unknown format %q", format)
}

// importQuads buffers one label's run of quads at a time: an export lists
// each document's quads together, so memory holds one document.
func importQuads(ctx context.Context, dst QuadSink, rd quad.Reader) (*ImportResult, error) {
	res := &ImportResult{}
	written := map[string]bool{}
	var cur quad.Value
	var buf []quad.Quad
	commit := func() error {
		if len(buf) == 0 {
			return nil
		}
		key := quad.StringOf(cur)
		if cur == nil {
			key = ""
		}
		if id, isDoc := schema.DocIDOf(iriOf(cur)); isDoc && graph.HasLayout1(buf) {
			// An export of a store written before the lean layout: stored
			// in today's layout, as `newsgraph migrate` would.
			buf = graph.MigrateQuads(id, buf)
		}
		if err := dst.PutLabel(ctx, cur, buf, !written[key]); err != nil {
			return fmt.Errorf("import: label %s: %w", key, err)
		}
		if !written[key] {
			res.Labels = append(res.Labels, key)
		}
		written[key] = true
		buf = buf[:0]
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		q, err := rd.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return res, fmt.Errorf("import: quad %d: %w", res.Quads+1, err)
		}
		q.Subject, q.Predicate, q.Object = CompactValue(q.Subject), CompactValue(q.Predicate), CompactValue(q.Object)
		if q.Label != nil {
			q.Label = CompactValue(q.Label)
		}
		if !sameValue(q.Label, cur) {
			if err := commit(); err != nil {
				return res, err
			}
			cur = q.Label
		}
		buf = append(buf, q)
		res.Quads++
	}
	if err := commit(); err != nil {
		return res, err
	}
	return res, nil
}

func sameValue(a, b quad.Value) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.String() == b.String()
}

// CuratedColumns are the columns of a curated facts CSV; the first four
// are required.
var CuratedColumns = []string{"subject", "predicate", "object", "source", "subject_class", "object_class", "confidence"}

// CuratedRule is the rule name of curated facts' evidence.
const CuratedRule = "curated"

// CuratedDocID is the document id of a curated CSV file.
func CuratedDocID(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return "curated-" + schema.Slug(base)
}

type curatedRow struct {
	line       int
	cols       map[string]string
	start, end int
}

// importCurated reads curated facts: subject and object are entity IRIs
// (compact or full) or names with a class column; source is the citation,
// stored as the evidence sentence; confidence defaults to 1.
func importCurated(ctx context.Context, dst Destination, r io.Reader, opts ImportOptions) (*ImportResult, error) {
	if opts.Name == "" {
		return nil, errors.New("import: curated CSV needs a file name for its provenance label")
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	text := string(raw)
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("import: %s is not UTF-8", opts.Name)
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("import: %s: header: %w", opts.Name, err)
	}
	colIdx := map[string]int{}
	for i, h := range header {
		colIdx[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, c := range CuratedColumns[:4] {
		if _, ok := colIdx[c]; !ok {
			return nil, fmt.Errorf("import: %s: missing column %q (need %s)", opts.Name, c, strings.Join(CuratedColumns[:4], ", "))
		}
	}
	var rows []curatedRow
	for {
		startByte := cr.InputOffset()
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("import: %s: %w", opts.Name, err)
		}
		endByte := cr.InputOffset()
		row := curatedRow{line: line, cols: map[string]string{},
			start: utf8.RuneCountInString(text[:startByte]), end: utf8.RuneCountInString(text[:endByte])}
		for name, i := range colIdx {
			if i < len(rec) {
				row.cols[name] = strings.TrimSpace(rec[i])
			}
		}
		if row.cols["subject"] == "" && row.cols["predicate"] == "" && row.cols["object"] == "" {
			continue
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("import: %s: no facts", opts.Name)
	}
	known, err := knownEntities(ctx, dst, rows)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	doc := schema.Document{ID: CuratedDocID(opts.Name), Title: "Curated facts from " + filepath.Base(opts.Name),
		Source: CuratedRule, Path: opts.Name, Text: text}
	ext := schema.Extraction{Document: doc}
	ents := map[string]int{}
	var problems []string
	addEntity := func(ref, className string) (string, error) {
		e, err := resolveEntity(ref, className, known)
		if err != nil {
			return "", err
		}
		if i, ok := ents[e.IRI]; ok {
			old := &ext.Entities[i]
			switch {
			case e.Class == old.Class || old.Class.IsA(e.Class):
			case e.Class.IsA(old.Class):
				old.Class = e.Class
			default:
				return "", fmt.Errorf("%s is a %s in one row and a %s in another", e.IRI, old.Class, e.Class)
			}
			return e.IRI, nil
		}
		ents[e.IRI] = len(ext.Entities)
		ext.Entities = append(ext.Entities, e)
		return e.IRI, nil
	}
	for _, row := range rows {
		bad := func(err error) { problems = append(problems, fmt.Sprintf("line %d: %v", row.line, err)) }
		p, ok := schema.LookupPredicate(row.cols["predicate"])
		if !ok {
			bad(fmt.Errorf("unknown predicate %q (known: %s)", row.cols["predicate"], strings.Join(schema.PredicateNames(), ", ")))
			continue
		}
		subj, err := addEntity(row.cols["subject"], row.cols["subject_class"])
		if err != nil {
			bad(err)
			continue
		}
		obj := row.cols["object"]
		if !p.Literal() {
			if obj, err = addEntity(obj, row.cols["object_class"]); err != nil {
				bad(err)
				continue
			}
		}
		conf := 1.0
		if c := row.cols["confidence"]; c != "" {
			if conf, err = strconv.ParseFloat(c, 64); err != nil || conf < 0 || conf > 1 {
				bad(fmt.Errorf("confidence %q is not a number in 0..1", c))
				continue
			}
		}
		if row.cols["source"] == "" {
			bad(errors.New("empty source: curated facts must cite where they come from"))
			continue
		}
		ext.Facts = append(ext.Facts, schema.Fact{Subject: subj, Predicate: p.Name, Object: obj, Evidence: schema.Evidence{
			DocID: doc.ID, Sentence: row.cols["source"], Start: row.start, End: row.end, Rule: CuratedRule, Confidence: conf,
		}})
	}
	for i, f := range ext.Facts {
		if err := schema.Validate(f, ext.ClassOf); err != nil {
			problems = append(problems, fmt.Sprintf("fact %d (%s %s %s): %v", i+1, f.Subject, f.Predicate, f.Object, err))
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("import: %s: nothing imported, %d problem(s):\n  %s", opts.Name, len(problems), strings.Join(problems, "\n  "))
	}
	results, err := dst.WriteDocuments(ctx, []schema.Extraction{ext})
	if err != nil {
		return nil, fmt.Errorf("import: %s: %w", opts.Name, err)
	}
	if len(results) != 1 {
		return nil, fmt.Errorf("import: %s: store returned %d results", opts.Name, len(results))
	}
	if results[0].Err != nil {
		return nil, fmt.Errorf("import: %s: %w", opts.Name, results[0].Err)
	}
	return &ImportResult{Quads: results[0].Quads, Labels: []string{doc.IRI()}, Facts: len(ext.Facts), Status: results[0].Status}, nil
}

// isIRI tells an entity IRI from a name in a curated cell.
func isIRI(s string) bool {
	return strings.HasPrefix(s, "ent:") || strings.HasPrefix(s, schema.EntityNS) || (strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">"))
}

func normIRI(s string) string {
	return schema.CompactIRI(strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">"))
}

// knownEntities looks up the names and classes the store has for the IRIs
// the rows reference, so a curated fact about an existing entity keeps its
// name and finest class.
func knownEntities(ctx context.Context, dst any, rows []curatedRow) (map[string]*entity, error) {
	want := map[string]*entity{}
	for _, r := range rows {
		for _, c := range []string{"subject", "object"} {
			if v := r.cols[c]; isIRI(v) {
				want[normIRI(v)] = &entity{iri: normIRI(v)}
			}
		}
	}
	src, ok := dst.(Source)
	if !ok || len(want) == 0 {
		return want, nil
	}
	err := src.EachQuad(ctx, func(q quad.Quad) error {
		e, ok := want[iriOf(q.Subject)]
		if !ok {
			return nil
		}
		switch iriOf(q.Predicate) {
		case schema.PredName:
			if e.name == "" {
				e.name = textOf(q.Object)
			}
		case schema.PredType:
			if o := iriOf(q.Object); strings.HasPrefix(o, "ng:") {
				e.mask |= classBits[schema.Class(o[3:])]
			}
		}
		return nil
	})
	return want, err
}

// resolveEntity turns a cell (IRI or name) and an optional class into an
// entity.
func resolveEntity(ref, className string, known map[string]*entity) (schema.Entity, error) {
	if ref == "" {
		return schema.Entity{}, errors.New("empty subject or object")
	}
	var class schema.Class
	if className != "" {
		info, ok := schema.LookupClass(strings.TrimPrefix(className, "ng:"))
		if !ok {
			return schema.Entity{}, fmt.Errorf("unknown class %q", className)
		}
		class = info.Name
	}
	if !isIRI(ref) {
		if class == "" {
			return schema.Entity{}, fmt.Errorf("%q is a name, so its class column is required", ref)
		}
		return schema.Entity{IRI: schema.EntityIRI(class, ref), Name: ref, Class: class, Aliases: []string{ref}}, nil
	}
	iri := normIRI(ref)
	rest, ok := strings.CutPrefix(iri, "ent:")
	top, slug, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || slug == "" {
		return schema.Entity{}, fmt.Errorf("%q is not an entity IRI (ent:TOPCLASS/slug)", ref)
	}
	k := known[iri]
	if class == "" && k != nil && k.mask != 0 {
		class = finestClass(k.mask)
	}
	if class == "" {
		info, ok := schema.LookupClass(top)
		if !ok {
			return schema.Entity{}, fmt.Errorf("%q: unknown top class %q", ref, top)
		}
		class = info.Name
	}
	if !strings.EqualFold(string(class.Top()), top) {
		return schema.Entity{}, fmt.Errorf("%q: class %s does not match the IRI's top class %q", ref, class, top)
	}
	name := strings.ReplaceAll(slug, "-", " ")
	if k != nil && k.name != "" {
		name = k.name
	}
	return schema.Entity{IRI: iri, Name: name, Class: class, Aliases: []string{name}}, nil
}
