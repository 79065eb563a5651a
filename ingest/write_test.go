package ingest

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func sampleExtraction() schema.Extraction {
	p := schema.Entity{IRI: schema.EntityIRI(schema.Person, "Ann Vel"), Name: "Ann Vel", Class: schema.Person, Aliases: []string{"Ann Vel", "Vel"}}
	c := schema.Entity{IRI: schema.EntityIRI(schema.City, "Kessel"), Name: "Kessel", Class: schema.City, Aliases: []string{"Kessel"}}
	st := schema.Entity{IRI: schema.StatementIRI(p.IRI, "We\tare ready"), Name: "We\tare ready", Class: schema.Statement, Aliases: []string{"We\tare ready"}}
	ev := schema.Evidence{DocID: "d\t1", Sentence: "Ann Vel, who lives in Kessel,\nsaid", Start: 0, End: 30, Rule: "lives-in", Confidence: 0.9,
		Qualifiers: map[string]string{schema.QualTime: "on Monday"}}
	return schema.Extraction{
		Document: schema.Document{ID: "d\t1", Title: "T"},
		Entities: []schema.Entity{p, c, st},
		Facts: []schema.Fact{
			{Subject: p.IRI, Predicate: "lives_in", Object: c.IRI, Evidence: ev},
			{Subject: c.IRI, Predicate: "population", Object: "120000", Evidence: ev},
			{Subject: p.IRI, Predicate: "said", Object: st.IRI, Evidence: ev},
		},
	}
}

func TestWriteTSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTSVHeader(&buf); err != nil {
		t.Fatal(err)
	}
	if err := WriteTSV(&buf, sampleExtraction()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	want := []string{
		"doc\tsubject\tpredicate\tobject\tconfidence\tsentence",
		"d 1\tAnn Vel\tlives_in\tKessel\t0.90\tAnn Vel, who lives in Kessel, said",
		"d 1\tKessel\tpopulation\t120000\t0.90\tAnn Vel, who lives in Kessel, said",
		"d 1\tAnn Vel\tsaid\tWe are ready\t0.90\tAnn Vel, who lives in Kessel, said",
		"d 1\tAnn Vel\ttype\tPerson\t\t",
		"d 1\tAnn Vel\talias\tVel\t\t",
		"d 1\tKessel\ttype\tCity\t\t",
		"d 1\tKessel\ttype\tLocation\t\t",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("TSV:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	for _, l := range lines {
		if n := strings.Count(l, "\t"); n != 5 {
			t.Errorf("%d tabs in %q", n, l)
		}
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	ext := sampleExtraction()
	if err := WriteJSONL(&buf, ext); err != nil {
		t.Fatal(err)
	}
	if strings.Count(buf.String(), "\n") != 1 {
		t.Fatalf("not one line: %q", buf.String())
	}
	var got jsonExtraction
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Doc != "d\t1" || len(got.Entities) != 3 || len(got.Facts) != 3 {
		t.Fatalf("decoded %+v", got)
	}
	f := got.Facts[0]
	if f.SubjectName != "Ann Vel" || f.ObjectName != "Kessel" || f.Evidence.Rule != "lives-in" || f.Evidence.Qualifiers["time"] != "on Monday" {
		t.Errorf("fact %+v", f)
	}
	if got.Facts[1].Object != "120000" || got.Facts[1].ObjectName != "" {
		t.Errorf("literal fact %+v", got.Facts[1])
	}
}
