package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// Two ingest processes on overlapping corpora, against one PostgreSQL
// database at the same time, give exactly the store a single ingest of the
// union gives: every entity once, every document once.
func TestTwoIngestProcessesOnPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED: builds the binary; run without -short")
	}
	shared := graphtest.Postgres(t).Address // skips loudly without PostgreSQL
	single := graphtest.Postgres(t).Address
	bin := buildBinary(t)
	all := t.TempDir()
	writeCorpus(t, all, 60)
	files, err := filepath.Glob(filepath.Join(all, "*.txt"))
	if err != nil || len(files) != 60 {
		t.Fatalf("corpus: %v", err)
	}
	// A holds articles 0–39, B holds 20–59: 20 shared articles, and many
	// shared people, groups and towns among the rest.
	corpusA, corpusB := t.TempDir(), t.TempDir()
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if i < 40 {
			writeFile(t, filepath.Join(corpusA, filepath.Base(f)), data)
		}
		if i >= 20 {
			writeFile(t, filepath.Join(corpusB, filepath.Base(f)), data)
		}
	}

	ingest := func(store, dir string) error {
		c := exec.Command(bin, append(storeFlags(store), "ingest", "--no-progress", "--workers", "2", dir)...)
		c.Env = append(os.Environ(), "NEWSGRAPH_INGEST_BATCH_QUADS=400")
		out, err := c.CombinedOutput()
		if err != nil {
			t.Errorf("ingest %s: %v\n%s", dir, err, out)
		}
		return err
	}
	var wg sync.WaitGroup
	for _, dir := range []string{corpusA, corpusB} {
		wg.Add(1)
		go func() { defer wg.Done(); _ = ingest(shared, dir) }()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	if err := ingest(single, all); err != nil {
		t.FailNow()
	}

	got, want := dumpStore(t, bin, shared), dumpStore(t, bin, single)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("two concurrent ingests: %d quads, one ingest of the union: %d", len(got), len(want))
	}
	a, b := stats(t, shared), stats(t, single)
	if a != b || a.Documents != 60 {
		t.Fatalf("stats %+v, want %+v with 60 documents", a, b)
	}
	t.Logf("two concurrent ingest processes: %d documents, %d entities, %d quads, equal to one ingest", a.Documents, a.Entities, a.Quads)
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// dumpStore is dump for any backend.
func dumpStore(t *testing.T, bin, store string) []string {
	t.Helper()
	if !strings.HasPrefix(store, "postgres://") {
		return dump(t, bin, store)
	}
	out, err := exec.Command(bin, append(storeFlags(store), "backup", "--out", "-")...).Output()
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	return sortedLines(string(out))
}
