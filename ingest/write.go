package ingest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// TSVHeader is the header line WriteTSVHeader prints.
const TSVHeader = "doc\tsubject\tpredicate\tobject\tconfidence\tsentence"

// WriteTSVHeader writes the column names.
func WriteTSVHeader(w io.Writer) error {
	_, err := fmt.Fprintln(w, TSVHeader)
	return err
}

var tsvCleaner = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func tsvField(s string) string { return tsvCleaner.Replace(s) }

// WriteTSV writes one row per fact (doc, subject, predicate, object,
// confidence, sentence) with names as a reader writes them, then one `type`
// row per entity class (its class and each ancestor, as the graph stores
// them) and one `alias` row per surface form other than the name. Tabs and
// newlines inside fields become spaces.
func WriteTSV(w io.Writer, ext schema.Extraction) error {
	bw := bufio.NewWriter(w)
	names := make(map[string]string, len(ext.Entities))
	for _, e := range ext.Entities {
		names[e.IRI] = e.Name
	}
	doc := tsvField(ext.Document.ID)
	for _, f := range ext.Facts {
		obj := f.Object
		if n, ok := names[f.Object]; ok {
			obj = n
		}
		subj := names[f.Subject]
		if subj == "" {
			subj = f.Subject
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\t%s\n", doc, tsvField(subj), f.Predicate, tsvField(obj),
			strconv.FormatFloat(f.Evidence.Confidence, 'f', 2, 64), tsvField(f.Evidence.Sentence))
	}
	for _, e := range ext.Entities {
		if e.Class == schema.Statement {
			continue // the quote is its own name; its `said` row shows it
		}
		for _, c := range e.Class.Ancestors() {
			fmt.Fprintf(bw, "%s\t%s\ttype\t%s\t\t\n", doc, tsvField(e.Name), c)
		}
		for _, a := range e.Aliases {
			if a != e.Name {
				fmt.Fprintf(bw, "%s\t%s\talias\t%s\t\t\n", doc, tsvField(e.Name), tsvField(a))
			}
		}
	}
	return bw.Flush()
}

type jsonEvidence struct {
	Sentence   string            `json:"sentence"`
	Start      int               `json:"start"`
	End        int               `json:"end"`
	Rule       string            `json:"rule"`
	Confidence float64           `json:"confidence"`
	Qualifiers map[string]string `json:"qualifiers,omitempty"`
}

type jsonFact struct {
	Subject     string       `json:"subject"`
	SubjectName string       `json:"subject_name"`
	Predicate   string       `json:"predicate"`
	Object      string       `json:"object"`
	ObjectName  string       `json:"object_name,omitempty"`
	Evidence    jsonEvidence `json:"evidence"`
}

type jsonEntity struct {
	IRI     string   `json:"iri"`
	Name    string   `json:"name"`
	Class   string   `json:"class"`
	Aliases []string `json:"aliases"`
}

type jsonExtraction struct {
	Doc       string       `json:"doc"`
	Title     string       `json:"title,omitempty"`
	URL       string       `json:"url,omitempty"`
	Source    string       `json:"source,omitempty"`
	Published string       `json:"published,omitempty"`
	Entities  []jsonEntity `json:"entities"`
	Facts     []jsonFact   `json:"facts"`
	Rejected  []string     `json:"rejected,omitempty"`
}

// WriteJSONL writes the extraction as one JSON object on one line: the
// document, its entities, and its facts with evidence and qualifiers.
func WriteJSONL(w io.Writer, ext schema.Extraction) error {
	names := make(map[string]string, len(ext.Entities))
	out := jsonExtraction{Doc: ext.Document.ID, Title: ext.Document.Title, URL: ext.Document.URL, Source: ext.Document.Source,
		Entities: []jsonEntity{}, Facts: []jsonFact{}}
	if !ext.Document.Published.IsZero() {
		out.Published = ext.Document.Published.Format(time.RFC3339)
	}
	for _, e := range ext.Entities {
		names[e.IRI] = e.Name
		out.Entities = append(out.Entities, jsonEntity{IRI: e.IRI, Name: e.Name, Class: string(e.Class), Aliases: e.Aliases})
	}
	for _, f := range ext.Facts {
		out.Facts = append(out.Facts, jsonFact{Subject: f.Subject, SubjectName: names[f.Subject], Predicate: f.Predicate,
			Object: f.Object, ObjectName: names[f.Object], Evidence: jsonEvidence{Sentence: f.Evidence.Sentence,
				Start: f.Evidence.Start, End: f.Evidence.End, Rule: f.Evidence.Rule, Confidence: f.Evidence.Confidence,
				Qualifiers: f.Evidence.Qualifiers}})
	}
	for _, r := range ext.Rejected {
		out.Rejected = append(out.Rejected, fmt.Sprintf("%s %s %s: %s", r.Fact.Subject, r.Fact.Predicate, r.Fact.Object, r.Reason))
	}
	b, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("encode extraction %q: %w", ext.Document.ID, err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
