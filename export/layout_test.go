package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// The CSV export (one row per fact with its evidence) must not change when
// the store's layout does (docs/graph-model.md, "Size, measured, and a
// leaner model"). testdata/layout-golden/ holds the CSV export that the
// layout-1 store gave for two inputs:
//
//   - testdata/examples-extraction.jsonl: what `newsgraph extract --format
//     jsonl examples/` extracted from the repository's examples (recorded, so
//     that changes to extraction do not move this test);
//   - fixtures(): the hand-built dispatches of export_test.go (qualifiers,
//     statements, literal facts, a document id that needs escaping).
//
// The golden files were written by this test run on the layout-1 code
// (NEWSGRAPH_UPDATE_LAYOUT_GOLDEN=1); the test compares today's export
// byte for byte.
func TestCSVSameAcrossLayouts(t *testing.T) {
	exts := append(readExtractions(t, filepath.Join("testdata", "examples-extraction.jsonl")), fixtures()...)
	s := openStore(t)
	res, err := s.WriteDocuments(context.Background(), exts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("write %s: %v", r.DocID, r.Err)
		}
	}
	out := filepath.Join(t.TempDir(), "csv")
	export(t, s, CSV, out, Filters{})
	golden := filepath.Join("testdata", "layout-golden")
	for _, name := range []string{"edges.csv", "nodes.csv"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if os.Getenv("NEWSGRAPH_UPDATE_LAYOUT_GOLDEN") == "1" {
			if err := os.MkdirAll(golden, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(golden, name), got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(filepath.Join(golden, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the layout-1 export:\n%s", name,
				diff(strings.Split(string(got), "\n"), strings.Split(string(want), "\n")))
		}
		if n := bytes.Count(got, []byte("\n")); name == "edges.csv" && n < 40 {
			t.Errorf("edges.csv has %d lines: the inputs give more facts than that", n)
		}
	}
}

// readExtractions decodes `newsgraph extract --format jsonl` output (the
// ingest package's WriteJSONL) into extractions.
func readExtractions(t *testing.T, path string) []schema.Extraction {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []schema.Extraction
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var rec struct {
			Doc, Title, URL, Source, Published string
			Entities                           []struct {
				IRI, Name, Class string
				Aliases          []string
			}
			Facts []struct {
				Subject, Predicate, Object string
				Evidence                   struct {
					Sentence   string
					Start, End int
					Rule       string
					Confidence float64
					Qualifiers map[string]string
				}
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		x := schema.Extraction{Document: schema.Document{ID: rec.Doc, Title: rec.Title, URL: rec.URL, Source: rec.Source,
			Text: "text of " + rec.Doc}}
		if rec.Published != "" {
			if x.Document.Published, err = time.Parse(time.RFC3339, rec.Published); err != nil {
				t.Fatal(err)
			}
		}
		for _, e := range rec.Entities {
			x.Entities = append(x.Entities, schema.Entity{IRI: e.IRI, Name: e.Name, Class: schema.Class(e.Class), Aliases: e.Aliases})
		}
		for _, f := range rec.Facts {
			ev := f.Evidence
			x.Facts = append(x.Facts, schema.Fact{Subject: f.Subject, Predicate: f.Predicate, Object: f.Object,
				Evidence: schema.Evidence{DocID: rec.Doc, Sentence: ev.Sentence, Start: ev.Start, End: ev.End,
					Rule: ev.Rule, Confidence: ev.Confidence, Qualifiers: ev.Qualifiers}})
		}
		out = append(out, x)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("%s: no extractions", path)
	}
	return out
}
