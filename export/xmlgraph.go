package export

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Attr is one typed attribute of GraphML/GEXF nodes or edges.
type Attr struct {
	Name string
	Type string // GraphML attr.type / GEXF type: string, long, double, boolean
}

// GraphNodeAttrs are the node attributes of the GraphML and GEXF exports.
func GraphNodeAttrs() []Attr {
	out := []Attr{{"label", "string"}, {"class", "string"}, {"top_class", "string"}, {"classes", "string"}, {"documents", "long"}}
	for _, p := range literalPredicates() {
		out = append(out, Attr{p, "double"})
	}
	return out
}

// GraphEdgeAttrs are the edge attributes of the GraphML and GEXF exports.
func GraphEdgeAttrs() []Attr {
	out := []Attr{{"label", "string"}, {"predicate", "string"}, {"evidence", "string"}, {"document", "string"},
		{"published", "string"}, {"sentence", "string"}, {"start", "long"}, {"end", "long"},
		{"confidence", "double"}, {"rule", "string"}}
	for _, k := range qualifierKeys {
		t := "string"
		if boolQualifier(k) {
			t = "boolean"
		}
		out = append(out, Attr{"q_" + k, t})
	}
	return append(out, Attr{"qualifiers", "string"})
}

func xmlEsc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmlGraph writes GraphML or GEXF. Edges are written to a temporary file
// during the fact pass, because both formats want nodes first and only the
// fact pass knows which nodes are kept.
func (e *exporter) xmlGraph(ctx context.Context) error {
	if err := e.prepare(ctx); err != nil {
		return err
	}
	tmp, err := os.CreateTemp("", "newsgraph-edges-*.xml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	tw := bufio.NewWriterSize(tmp, 64<<10)
	gexf := e.opts.Format == GEXF
	edgeAttrs := GraphEdgeAttrs()
	err = e.factPass(ctx, func(f *fact) error {
		if f.literal() {
			return nil
		}
		vals := map[string]string{
			"label": predName(f.predicate), "predicate": predName(f.predicate), "evidence": f.ev,
			"document": f.docID, "published": fmtTime(f.published), "sentence": f.sentence,
			"start": strconv.FormatInt(f.start, 10), "end": strconv.FormatInt(f.end, 10),
			"confidence": fmtConf(f.confidence), "rule": f.rule, "qualifiers": qualifierString(f.quals),
		}
		for _, k := range qualifierKeys {
			vals["q_"+k] = f.quals[k]
		}
		e.stats.Edges++
		if gexf {
			fmt.Fprintf(tw, `<edge id="%s" source="%s" target="%s" label="%s"`, xmlEsc(f.ev), xmlEsc(f.subject), xmlEsc(iriOf(f.object)), xmlEsc(predName(f.predicate)))
			if f.confidence >= 0 {
				fmt.Fprintf(tw, ` weight="%s"`, fmtConf(f.confidence))
			}
			tw.WriteString("><attvalues>")
			for i, a := range edgeAttrs {
				if a.Name != "label" && vals[a.Name] != "" {
					fmt.Fprintf(tw, `<attvalue for="e%d" value="%s"/>`, i, xmlEsc(vals[a.Name]))
				}
			}
			tw.WriteString("</attvalues></edge>\n")
			return nil
		}
		fmt.Fprintf(tw, `<edge id="%s" source="%s" target="%s">`, xmlEsc(f.ev), xmlEsc(f.subject), xmlEsc(iriOf(f.object)))
		for i, a := range edgeAttrs {
			if vals[a.Name] != "" {
				fmt.Fprintf(tw, `<data key="e%d">%s</data>`, i, xmlEsc(vals[a.Name]))
			}
		}
		_, err := tw.WriteString("</edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	w, closeOut, err := e.create(e.opts.Out)
	if err != nil {
		return err
	}
	defer closeOut()
	bw := bufio.NewWriterSize(w, 64<<10)
	nodeAttrs := GraphNodeAttrs()
	if gexf {
		fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"+
			"<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"+
			"<meta lastmodifieddate=\"%s\"><creator>newsgraph %s</creator><description>newsgraph export; see export.json</description></meta>\n"+
			"<graph mode=\"static\" defaultedgetype=\"directed\">\n<attributes class=\"node\">\n",
			e.opts.Now.UTC().Format("2006-01-02"), xmlEsc(e.opts.Version))
		for i, a := range nodeAttrs {
			if a.Name != "label" {
				fmt.Fprintf(bw, "<attribute id=\"n%d\" title=\"%s\" type=\"%s\"/>\n", i, a.Name, a.Type)
			}
		}
		bw.WriteString("</attributes>\n<attributes class=\"edge\">\n")
		for i, a := range edgeAttrs {
			if a.Name != "label" {
				fmt.Fprintf(bw, "<attribute id=\"e%d\" title=\"%s\" type=\"%s\"/>\n", i, a.Name, a.Type)
			}
		}
		bw.WriteString("</attributes>\n<nodes>\n")
	} else {
		bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
			"<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
			"xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
		for i, a := range nodeAttrs {
			fmt.Fprintf(bw, "<key id=\"n%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, a.Name, a.Type)
		}
		for i, a := range edgeAttrs {
			fmt.Fprintf(bw, "<key id=\"e%d\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, a.Name, a.Type)
		}
		bw.WriteString("<graph id=\"newsgraph\" edgedefault=\"directed\">\n")
	}
	for _, en := range e.nodeList() {
		vals := map[string]string{
			"label": en.name, "class": string(finestClass(en.mask)), "top_class": string(finestClass(en.mask).Top()),
			"classes": strings.Join(classNames(classesOf(en.mask)), ";"), "documents": strconv.Itoa(int(en.docs)),
		}
		for _, p := range literalPredicates() {
			vals[p] = numeric(en.literals[p].value)
		}
		e.stats.Nodes++
		if gexf {
			fmt.Fprintf(bw, `<node id="%s" label="%s"><attvalues>`, xmlEsc(en.iri), xmlEsc(en.name))
			for i, a := range nodeAttrs {
				if a.Name != "label" && vals[a.Name] != "" {
					fmt.Fprintf(bw, `<attvalue for="n%d" value="%s"/>`, i, xmlEsc(vals[a.Name]))
				}
			}
			bw.WriteString("</attvalues></node>\n")
			continue
		}
		fmt.Fprintf(bw, `<node id="%s">`, xmlEsc(en.iri))
		for i, a := range nodeAttrs {
			if vals[a.Name] != "" {
				fmt.Fprintf(bw, `<data key="n%d">%s</data>`, i, xmlEsc(vals[a.Name]))
			}
		}
		bw.WriteString("</node>\n")
	}
	if gexf {
		bw.WriteString("</nodes>\n<edges>\n")
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(bw, tmp); err != nil {
		return err
	}
	if gexf {
		bw.WriteString("</edges>\n</graph>\n</gexf>\n")
	} else {
		bw.WriteString("</graph>\n</graphml>\n")
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return closeOut()
}
