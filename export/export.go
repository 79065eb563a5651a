// Package export writes the graph for research tools — N-Quads, JSON-LD,
// Turtle, CSV, Neo4j bulk-import CSV, GraphML and GEXF — with a manifest
// (export.json) that makes each export reproducible and citable, and reads
// N-Quads, JSON-LD and curated CSV facts back into the store (Import).
//
// Exports stream: the store is read in passes over EachQuad and memory is
// bounded by the number of entities and documents (plus, per document, its
// own evidence), never by the number of quads or sentences. See
// docs/export.md for every column and attribute.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Source is what an export reads: a stream of every quad in the store.
// *graph.Store satisfies it.
type Source interface {
	EachQuad(ctx context.Context, fn func(quad.Quad) error) error
}

// Format is an export format name.
type Format string

// The export formats.
const (
	NQuads  Format = "nquads"
	JSONLD  Format = "jsonld"
	Turtle  Format = "turtle"
	CSV     Format = "csv"
	Neo4j   Format = "neo4j"
	GraphML Format = "graphml"
	GEXF    Format = "gexf"
)

// Formats lists the export formats in the order the CLI shows them.
func Formats() []Format { return []Format{NQuads, JSONLD, Turtle, CSV, Neo4j, GraphML, GEXF} }

// ParseFormat accepts a format name and a few common aliases ("nq", "ttl").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "nquads", "nq", "n-quads":
		return NQuads, nil
	case "jsonld", "json-ld":
		return JSONLD, nil
	case "turtle", "ttl":
		return Turtle, nil
	case "csv":
		return CSV, nil
	case "neo4j":
		return Neo4j, nil
	case "graphml":
		return GraphML, nil
	case "gexf":
		return GEXF, nil
	}
	return "", fmt.Errorf("unknown export format %q (want one of %v)", s, Formats())
}

// MultiFile reports whether the format writes a folder of files.
func (f Format) MultiFile() bool { return f == CSV || f == Neo4j }

// Filters select part of the graph. The zero value selects everything.
//
// Entity filters (Classes, Entities) select nodes; fact filters
// (Predicates, MinConfidence) and document filters (Documents, From, To)
// select facts. A fact is kept when its evidence passes the fact and
// document filters and both endpoints pass the entity filters (with
// AnyEndpoint: at least one). Nodes are the endpoints of kept facts plus,
// unless a fact filter is set, every entity that passes the entity filters
// and is mentioned in a selected document.
type Filters struct {
	Classes       []string  `json:"classes,omitempty"`        // class names, subclasses included: "Location" keeps cities
	Predicates    []string  `json:"predicates,omitempty"`     // predicate names: "controls" or "ng:controls"
	Documents     []string  `json:"documents,omitempty"`      // document ids (or doc: IRIs)
	From          time.Time `json:"from,omitzero"`            // publication date ≥ From (documents without a date are dropped)
	To            time.Time `json:"to,omitzero"`              // publication date ≤ To
	MinConfidence float64   `json:"min_confidence,omitempty"` // evidence confidence ≥ this
	Entities      []string  `json:"entities,omitempty"`       // entity IRIs, e.g. a saved query's result column
	AnyEndpoint   bool      `json:"any_endpoint,omitempty"`   // keep facts with one selected endpoint, adding the other
}

// IsZero reports whether the filters select the whole graph.
func (f Filters) IsZero() bool {
	return len(f.Classes) == 0 && len(f.Predicates) == 0 && len(f.Documents) == 0 &&
		f.From.IsZero() && f.To.IsZero() && f.MinConfidence == 0 && len(f.Entities) == 0
}

// Options configure one export.
type Options struct {
	Format Format
	// Out is a file for single-file formats, a folder for csv and neo4j
	// (created if missing), or "-" for stdout (nquads, jsonld, turtle,
	// graphml, gexf).
	Out string
	// Stdout is where "-" writes; os.Stdout when nil.
	Stdout  io.Writer
	Filters Filters
	// Version is the newsgraph version recorded in the manifest.
	Version string
	// Command is the command line recorded in the manifest.
	Command []string
	// Manifest overrides where export.json goes. Default: Out/export.json
	// for folders, Out's folder/<name>.export.json for files, none for "-".
	Manifest string
	// Now stamps the manifest; time.Now when zero (tests pin it).
	Now time.Time
}

// Result says what an export wrote.
type Result struct {
	Files    []string // written files, manifest last
	Manifest Manifest
}

// Write exports the graph read from src as opts say.
func Write(ctx context.Context, src Source, opts Options) (*Result, error) {
	if opts.Format == "" {
		return nil, errors.New("export: no format")
	}
	if _, err := ParseFormat(string(opts.Format)); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if opts.Out == "" {
		return nil, errors.New("export: no output path (use - for stdout)")
	}
	if opts.Out == "-" && opts.Format.MultiFile() {
		return nil, fmt.Errorf("export: %s writes a folder of files, not stdout", opts.Format)
	}
	sel, err := newSelector(opts.Filters)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	e := &exporter{opts: opts, src: src, sel: sel, stats: newCounts()}
	if opts.Format.MultiFile() {
		if err := os.MkdirAll(opts.Out, 0o755); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	} else if opts.Out != "-" {
		if dir := filepath.Dir(opts.Out); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("export: %w", err)
			}
		}
	}
	switch opts.Format {
	case NQuads, Turtle, JSONLD:
		err = e.rdf(ctx)
	case CSV:
		err = e.csv(ctx)
	case Neo4j:
		err = e.neo4j(ctx)
	case GraphML, GEXF:
		err = e.xmlGraph(ctx)
	}
	if err != nil {
		e.finish(false)
		return nil, fmt.Errorf("export %s: %w", opts.Format, err)
	}
	if err := e.finish(true); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	m := e.manifest()
	res := &Result{Files: e.files, Manifest: m}
	if path := e.manifestPath(); path != "" {
		if err := writeManifest(path, m); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		res.Files = append(res.Files, path)
	}
	return res, nil
}

// exporter carries one export's state between its passes.
type exporter struct {
	opts  Options
	src   Source
	sel   *selector
	idx   *index
	stats *Counts
	files []string
}

func (e *exporter) manifestPath() string {
	switch {
	case e.opts.Manifest != "":
		return e.opts.Manifest
	case e.opts.Out == "-":
		return ""
	case e.opts.Format.MultiFile():
		return filepath.Join(e.opts.Out, "export.json")
	default:
		return e.opts.Out + ".export.json"
	}
}

// create opens an output file (or stdout for "-"). Files are written as
// NAME.partial and renamed when the whole export succeeded, so a failed
// export never leaves a truncated file under the expected name. The
// returned close function may be called more than once.
func (e *exporter) create(path string) (io.Writer, func() error, error) {
	if path == "-" {
		w := e.opts.Stdout
		if w == nil {
			w = os.Stdout
		}
		return w, func() error { return nil }, nil
	}
	f, err := os.Create(path + ".partial")
	if err != nil {
		return nil, nil, err
	}
	e.files = append(e.files, path)
	closed := false
	var closeErr error
	return f, func() error {
		if !closed {
			closed, closeErr = true, f.Close()
		}
		return closeErr
	}, nil
}

// finish renames the .partial files into place, or removes them.
func (e *exporter) finish(ok bool) error {
	var first error
	for _, path := range e.files {
		if !ok {
			os.Remove(path + ".partial")
			continue
		}
		if err := os.Rename(path+".partial", path); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Counts are what the manifest reports about the exported data.
type Counts struct {
	Quads      int64            `json:"quads,omitempty"`
	Nodes      int64            `json:"nodes,omitempty"`
	Edges      int64            `json:"edges,omitempty"`
	Facts      int64            `json:"facts"`
	Predicates map[string]int64 `json:"predicates"`
}

func newCounts() *Counts { return &Counts{Predicates: map[string]int64{}} }

// predName is the schema name of a predicate IRI: "ng:controls" → "controls".
func predName(iri string) string {
	return strings.TrimPrefix(iri, "ng:")
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// relation returns the schema predicate of a relation-edge quad.
func relation(q quad.Quad) (schema.Predicate, bool) {
	iri, ok := q.Predicate.(quad.IRI)
	if !ok {
		return schema.Predicate{}, false
	}
	s := string(iri)
	if !strings.HasPrefix(s, "ng:") {
		return schema.Predicate{}, false
	}
	return schema.LookupPredicate(s)
}
