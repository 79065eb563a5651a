package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ingest (which compacts a store it created) and compact shrink the bolt
// file and change nothing a reader sees: the CSV export of the examples is
// the same as without.
func TestCompactKeepsTheExport(t *testing.T) {
	dir := t.TempDir()
	plain, compacted := filepath.Join(dir, "plain.db"), filepath.Join(dir, "compacted.db")
	if out := mustCLI(t, plain, "ingest", "--workers", "1", "--compact=false", examplesDir(t)); strings.Contains(out, "compacted") {
		t.Errorf("ingest --compact=false compacted: %s", out)
	}
	out := mustCLI(t, compacted, "ingest", "--workers", "1", examplesDir(t))
	if !strings.Contains(out, "compacted "+compacted) {
		t.Errorf("ingest of a new store did not compact it: %s", out)
	}

	size := func(db string) int64 {
		fi, err := os.Stat(filepath.Join(db, "indexes.bolt"))
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	if size(compacted) >= size(plain) {
		t.Errorf("compacted store %d bytes, plain %d", size(compacted), size(plain))
	}
	for _, db := range []string{plain, compacted} {
		mustCLI(t, db, "export", "--format", "csv", "--out", filepath.Join(dir, filepath.Base(db)+".csv"))
	}
	for _, f := range []string{"edges.csv", "nodes.csv"} {
		a, b := readFile(t, filepath.Join(dir, "plain.db.csv", f)), readFile(t, filepath.Join(dir, "compacted.db.csv", f))
		if a != b || len(a) < 100 {
			t.Errorf("%s differs after compaction (%d and %d bytes)", f, len(a), len(b))
		}
	}
	before := size(plain)
	if out := mustCLI(t, plain, "compact"); !strings.Contains(out, "→") || size(plain) >= before {
		t.Errorf("compact said %q; %d → %d bytes", out, before, size(plain))
	}
	if s := stats(t, plain); s != stats(t, compacted) {
		t.Errorf("stats %+v and %+v", s, stats(t, compacted))
	}
	table := mustCLI(t, plain, "stats", "--bytes")
	for _, part := range []string{"log", "index sp", "index ops", "values (hash→id)", "refcounts (hash→n)", "per article"} {
		if !strings.Contains(table, part) {
			t.Errorf("stats --bytes has no %q:\n%s", part, table)
		}
	}
}

// compact refuses a store a server holds, a missing store and PostgreSQL.
func TestCompactRefusals(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	mustCLI(t, db, "ingest", examplesDir(t))
	st, err := graph.Open(context.Background(), graph.Config{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, db, "compact")
	st.Close()
	if code == 0 || !strings.Contains(errOut, "in use") {
		t.Errorf("compact of a store in use: exit %d, %s", code, errOut)
	}
	code, _, errOut = cli(t, filepath.Join(t.TempDir(), "none.db"), "compact")
	if code == 0 || !strings.Contains(errOut, "no newsgraph store") {
		t.Errorf("compact of a missing store: exit %d, %s", code, errOut)
	}
	code, _, errOut = cli(t, "postgres://nowhere.invalid/x", "compact")
	if code == 0 || !strings.Contains(errOut, "bolt") {
		t.Errorf("compact of PostgreSQL: exit %d, %s", code, errOut)
	}
}
