package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// CSV columns, documented in docs/export.md.
var (
	csvNodeColumns = []string{"id", "name", "class", "top_class", "classes", "documents"}
	csvEdgeColumns = []string{"evidence", "source", "predicate", "target", "target_is_literal",
		"document", "published", "sentence", "start", "end", "confidence", "rule",
		"q_time", "q_hedge", "q_former", "q_approximate", "q_negated", "qualifiers"}
)

// CSVNodeColumns is the header of nodes.csv (literal predicates last).
func CSVNodeColumns() []string {
	return append(append([]string(nil), csvNodeColumns...), literalPredicates()...)
}

// CSVEdgeColumns is the header of edges.csv.
func CSVEdgeColumns() []string { return append([]string(nil), csvEdgeColumns...) }

// csvFile is a buffered CSV output file.
type csvFile struct {
	bw    *bufio.Writer
	cw    *csv.Writer
	close func() error
}

func (e *exporter) csvFile(name string) (*csvFile, error) {
	w, closeFn, err := e.create(filepath.Join(e.opts.Out, name))
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	return &csvFile{bw: bw, cw: csv.NewWriter(bw), close: closeFn}, nil
}

func (c *csvFile) finish() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		c.close()
		return err
	}
	if err := c.bw.Flush(); err != nil {
		c.close()
		return err
	}
	return c.close()
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func fmtConf(c float64) string {
	if c < 0 {
		return ""
	}
	return strconv.FormatFloat(c, 'g', -1, 64)
}

func classNames(cs []schema.Class) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}

// csv writes nodes.csv and edges.csv: one edge row per kept fact, literal
// facts included (target_is_literal=true).
func (e *exporter) csv(ctx context.Context) error {
	if err := e.prepare(ctx); err != nil {
		return err
	}
	edges, err := e.csvFile("edges.csv")
	if err != nil {
		return err
	}
	edges.cw.Write(csvEdgeColumns)
	err = e.factPass(ctx, func(f *fact) error {
		row := append([]string{f.ev, f.subject, predName(f.predicate), f.objectText(), strconv.FormatBool(f.literal())},
			evidenceCells(f)...)
		e.stats.Edges++
		return edges.cw.Write(row)
	})
	if err != nil {
		edges.finish()
		return err
	}
	if err := edges.finish(); err != nil {
		return err
	}
	nodes, err := e.csvFile("nodes.csv")
	if err != nil {
		return err
	}
	nodes.cw.Write(CSVNodeColumns())
	for _, en := range e.nodeList() {
		classes := classesOf(en.mask)
		row := []string{en.iri, en.name, string(finestClass(en.mask)), string(finestClass(en.mask).Top()),
			strings.Join(classNames(classes), ";"), strconv.Itoa(int(en.docs))}
		for _, p := range literalPredicates() {
			row = append(row, en.literals[p].value)
		}
		e.stats.Nodes++
		if err := nodes.cw.Write(row); err != nil {
			nodes.finish()
			return err
		}
	}
	return nodes.finish()
}

// Neo4j headers for neo4j-admin database import.
var (
	neo4jNodeColumns = []string{"id:ID", "name", "class", "classes:string[]", "documents:int"}
	neo4jRelColumns  = []string{":START_ID", ":END_ID", ":TYPE", "evidence", "document", "published:datetime",
		"sentence", "start:long", "end:long", "confidence:double", "rule",
		"q_time", "q_hedge", "q_former:boolean", "q_approximate:boolean", "q_negated:boolean", "qualifiers"}
)

// Neo4jNodeColumns is the header of nodes.csv in a neo4j export.
func Neo4jNodeColumns() []string {
	out := append([]string(nil), neo4jNodeColumns...)
	for _, p := range literalPredicates() {
		out = append(out, p+":double")
	}
	return append(out, ":LABEL")
}

// Neo4jRelColumns is the header of relationships.csv in a neo4j export.
func Neo4jRelColumns() []string { return append([]string(nil), neo4jRelColumns...) }

// neo4j writes nodes.csv and relationships.csv with typed headers; literal
// facts become node properties (the most confident value).
func (e *exporter) neo4j(ctx context.Context) error {
	if err := e.prepare(ctx); err != nil {
		return err
	}
	rels, err := e.csvFile("relationships.csv")
	if err != nil {
		return err
	}
	rels.cw.Write(neo4jRelColumns)
	err = e.factPass(ctx, func(f *fact) error {
		if f.literal() {
			return nil
		}
		row := append([]string{f.subject, iriOf(f.object), strings.ToUpper(predName(f.predicate)), f.ev},
			evidenceCells(f)...)
		e.stats.Edges++
		return rels.cw.Write(row)
	})
	if err != nil {
		rels.finish()
		return err
	}
	if err := rels.finish(); err != nil {
		return err
	}
	nodes, err := e.csvFile("nodes.csv")
	if err != nil {
		return err
	}
	nodes.cw.Write(Neo4jNodeColumns())
	for _, en := range e.nodeList() {
		classes := classNames(classesOf(en.mask))
		row := []string{en.iri, en.name, string(finestClass(en.mask)), strings.Join(classes, ";"), strconv.Itoa(int(en.docs))}
		for _, p := range literalPredicates() {
			row = append(row, numeric(en.literals[p].value))
		}
		row = append(row, strings.Join(append([]string{"Entity"}, classes...), ";"))
		e.stats.Nodes++
		if err := nodes.cw.Write(row); err != nil {
			nodes.finish()
			return err
		}
	}
	return nodes.finish()
}

// numeric keeps a value only if Neo4j can read it as a double.
func numeric(s string) string {
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return ""
	}
	return s
}

// evidenceCells are the columns both edge tables end with, in this order:
// document, published, sentence, start, end, confidence, rule, one column
// per documented qualifier, then every qualifier as k=v;k=v.
func evidenceCells(f *fact) []string {
	row := []string{f.docID, fmtTime(f.published), f.sentence,
		strconv.FormatInt(f.start, 10), strconv.FormatInt(f.end, 10), fmtConf(f.confidence), f.rule}
	for _, k := range qualifierKeys {
		row = append(row, f.quals[k])
	}
	return append(row, qualifierString(f.quals))
}
