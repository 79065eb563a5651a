package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// Issue 17: a new user's first steps, each failure they met and its fix.

// TestReadingCommandsNeverMakeAStore: `stats` or `query` run in another
// folder silently made an empty newsgraph.db there and then found nothing.
func TestReadingCommandsNeverMakeAStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newsgraph.db")
	for _, args := range [][]string{
		{"stats"},
		{"stats", "--format", "json"},
		{"query", "who-controls", "--param", "place=Brannock"},
		{"query", "--gizmo", "g.V().All()"},
		{"export", "--format", "nquads", "--out", filepath.Join(dir, "x.nq")},
		{"backup", "--out", "-"},
		{"delete", "some-doc"},
		{"entities", "merges"},
		{"serve", "--read-only", "--addr", "127.0.0.1:0"},
	} {
		code, _, errOut := cli(t, db, args...)
		if code != 2 || !strings.Contains(errOut, "no newsgraph store at "+db) || !strings.Contains(errOut, "newsgraph ingest") {
			t.Errorf("%v: exit %d, %q; want where it looked and how to make a store", args, code, errOut)
		}
		if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%v made %s", args, db)
		}
	}
	// `queries` reads no store at all.
	mustCLI(t, db, "queries")
}

// TestJSONErrorsHaveStableCodes: with --format json a failure is a JSON
// object on stderr with a code scripts can test.
func TestJSONErrorsHaveStableCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	jsonErr := func(wantCode int, args ...string) jsonError {
		t.Helper()
		code, _, errOut := cli(t, db, args...)
		var je jsonError
		if code != wantCode || json.Unmarshal([]byte(errOut), &je) != nil {
			t.Fatalf("%v: exit %d, stderr %q; want a JSON error", args, code, errOut)
		}
		return je
	}
	if je := jsonErr(2, "stats", "--format", "json"); je.Error.Code != "no_store" {
		t.Errorf("no store: %+v", je)
	}
	mustCLI(t, db, "ingest", examplesDir(t))
	if je := jsonErr(2, "query", "nope", "--format", "json"); je.Error.Code != "unknown_query" {
		t.Errorf("unknown query: %+v", je)
	}
	je := jsonErr(2, "query", "sources", "--param", "entity=Nobody Atall", "--format", "json")
	if je.Error.Code != "entity_not_found" || strings.Contains(je.Error.Message, ".js:") {
		t.Errorf("unknown entity: %+v", je)
	}
	if je := jsonErr(2, "query", "roles", "--param", "nobody=x", "--format", "json"); je.Error.Code != "bad_param" {
		t.Errorf("unknown parameter: %+v", je)
	}
	// Without --format json: one line, no JSON.
	code, _, errOut := cli(t, db, "query", "sources", "--param", "entity=Nobody Atall")
	if code != 2 || !strings.HasPrefix(errOut, "newsgraph: ") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("plain error: %d %q", code, errOut)
	}
}

// TestEntityByAnyIdentity: `query sources --param entity="United Nations"`
// failed with a script position although the entity's IRI is
// ent:organization/united-nations (its name in the store being "UN").
func TestEntityByAnyIdentity(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	mustCLI(t, db, "ingest", examplesDir(t))
	var want string
	for _, e := range []string{"United Nations", "UN", "ent:organization/united-nations", "organization/united-nations", "united-nations"} {
		out := mustCLI(t, db, "query", "sources", "--param", "entity="+e, "--format", "tsv")
		if !strings.Contains(out, "ent:organization/united-nations") || strings.Count(out, "\n") < 2 {
			t.Errorf("%q: %s", e, out)
		}
		if want == "" {
			want = out
		} else if out != want {
			t.Errorf("%q gives other rows:\n%s\nthan United Nations:\n%s", e, out, want)
		}
	}
}

// TestDeleteTakesTheIDQueriesPrint: queries print documents as
// doc:harbor-city-blockade; delete answered "no such document" to that.
func TestDeleteTakesTheIDQueriesPrint(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	mustCLI(t, db, "ingest", examplesDir(t))
	if out := mustCLI(t, db, "query", "sources", "--param", "entity=Port Seren", "--format", "tsv"); !strings.Contains(out, "doc:harbor-city-blockade") {
		t.Fatalf("sources does not print the doc: id: %s", out)
	}
	if out := mustCLI(t, db, "delete", "doc:harbor-city-blockade"); !strings.HasPrefix(out, "deleted doc:harbor-city-blockade ") {
		t.Errorf("delete doc:…: %q", out)
	}
	code, _, errOut := cli(t, db, "delete", "harbor-city-blockade")
	if code != 1 || !strings.Contains(errOut, "no such document") {
		t.Errorf("second delete: %d %q", code, errOut)
	}
	if out := mustCLI(t, db, "delete", "kestrel-cyber-case"); !strings.HasPrefix(out, "deleted doc:kestrel-cyber-case ") {
		t.Errorf("delete without doc:: %q", out)
	}
}

// TestImportPicksTheFormat: `import out/graph.nquads` failed with
// "unknown import format" although the README's own export wrote .nquads.
func TestImportPicksTheFormat(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	mustCLI(t, src, "ingest", examplesDir(t))
	nq := filepath.Join(dir, "graph.nquads")
	mustCLI(t, src, "export", "--format", "nquads", "--out", nq)
	jl := filepath.Join(dir, "graph.json")
	mustCLI(t, src, "export", "--format", "jsonld", "--out", jl)
	data, err := os.ReadFile(nq)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(data)
	zw.Close()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	want := stats(t, src)
	for i, path := range []string{nq, jl, write("graph.nq.gz", gz.Bytes()), write("graph.dump", data), write("graph.bin", gz.Bytes())} {
		db := filepath.Join(dir, "dst", strings.Repeat("x", i+1)+".db")
		out := mustCLI(t, db, "import", path)
		if !strings.HasPrefix(out, "imported ") {
			t.Errorf("%s: %q", path, out)
		}
		if got := stats(t, db); got.Documents != want.Documents || got.Facts != want.Facts {
			t.Errorf("%s: imported %+v, exported %+v", path, got, want)
		}
	}
	db := filepath.Join(dir, "never.db")
	code, _, errOut := cli(t, db, "import", write("notes.txt", []byte("hello\n")))
	if code != 2 || !strings.Contains(errOut, "cannot tell the format") || !strings.Contains(errOut, "--format") {
		t.Errorf("unknown format: %d %q", code, errOut)
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("a failed import made a store")
	}
}

// TestVersion: there was no --version.
func TestVersion(t *testing.T) {
	code, out, _ := cli(t, filepath.Join(t.TempDir(), "g.db"), "--version")
	if code != 0 || !strings.HasPrefix(out, "newsgraph ") || !strings.Contains(out, "go1.") {
		t.Fatalf("--version: %d %q", code, out)
	}
	bi := &debug.BuildInfo{GoVersion: "go1.99", Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-12-04T00:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	if got, want := describeBuild(bi), "v1.2.3, revision abc123 (modified) of 2026-12-04T00:00:00Z, go1.99"; got != want {
		t.Errorf("describeBuild = %q, want %q", got, want)
	}
	bi = &debug.BuildInfo{GoVersion: "go1.99", Main: debug.Module{Version: "(devel)"}}
	if got := describeBuild(bi); !strings.HasPrefix(got, "dev, revision unknown") {
		t.Errorf("describeBuild without VCS = %q", got)
	}
}

// TestUsageErrorsSayWhereHelpIs: flag and argument mistakes name the help.
func TestUsageErrorsSayWhereHelpIs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	for args, want := range map[string]string{
		"stats --frmt json":  "see `newsgraph stats --help`",
		"import a b":         "see `newsgraph import --help`",
		"bogus":              "see `newsgraph --help`",
		"entities merge one": "see `newsgraph entities merge --help`",
	} {
		code, _, errOut := cli(t, db, strings.Fields(args)...)
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("%s: %d %q", args, code, errOut)
		}
	}
}

// TestAmbiguousNameAnswersCandidates: a name of two entities (the city
// Drava of the examples and a person Drava added by a curated fact) is
// answered with both, in JSON with their classes and IRIs, not guessed;
// their IRIs then work, in queries and in entities merge.
func TestAmbiguousNameAnswersCandidates(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	mustCLI(t, db, "ingest", examplesDir(t))
	csv := filepath.Join(dir, "curated.csv")
	if err := os.WriteFile(csv, []byte("subject,predicate,object,source,subject_class,object_class\nDrava,works_for,Kestrel Systems,https://example.org/x,Person,Organization\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, db, "import", csv)
	code, _, errOut := cli(t, db, "query", "relations", "--param", "entity=Drava", "--format", "json")
	var je jsonError
	if code != 2 || json.Unmarshal([]byte(errOut), &je) != nil || je.Error.Code != "ambiguous_entity" || len(je.Error.Candidates) != 2 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	classes := map[string]string{}
	for _, c := range je.Error.Candidates {
		classes[c.IRI] = c.Class
	}
	if classes["ent:location/drava"] != "City" || classes["ent:person/drava"] != "Person" {
		t.Errorf("candidates %+v", je.Error.Candidates)
	}
	if out := mustCLI(t, db, "query", "relations", "--param", "entity=ent:person/drava", "--format", "tsv"); !strings.Contains(out, "Kestrel Systems") {
		t.Errorf("by IRI: %s", out)
	}
	code, _, errOut = cli(t, db, "entities", "merge", "Drava", "Oskar Lind")
	if code != 2 || !strings.Contains(errOut, `"Drava" names 2 entities`) {
		t.Errorf("merge of an ambiguous name: %d %s", code, errOut)
	}
	if out := mustCLI(t, db, "entities", "merge", "person/drava", "Oskar Lind"); !strings.Contains(out, "ent:person/drava") || !strings.Contains(out, "ent:person/oskar-lind") {
		t.Errorf("merge by REST path and name: %s", out)
	}
}
