package graph

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

const (
	crashChildEnv = "NEWSGRAPH_GRAPH_CRASH_CHILD" // store path: run as the writer to be killed
	crashSeedEnv  = "NEWSGRAPH_GRAPH_CRASH_SEED"
	crashRunsEnv  = "NEWSGRAPH_GRAPH_CRASH_RUNS" // how many kills (default 8)
	crashDocs     = 40
)

// crashVersion is document i at version v, shrunk to n facts when n ≥ 0;
// the text says which, so every (i, v, n) has its own hash.
func crashVersion(i, v, n int) schema.Extraction {
	x := synthExtraction(i, v)
	if n >= 0 && n < len(x.Facts) {
		x.Facts = x.Facts[:n]
		x.Document.Text += fmt.Sprintf(" (%d facts)", n)
	}
	return x
}

// crashWriter writes, replaces and deletes documents until it is killed.
func crashWriter(path string, seed int64) {
	ctx := context.Background()
	s, err := Open(ctx, Config{Path: path})
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		os.Exit(2)
	}
	r := rand.New(rand.NewSource(seed))
	for {
		if r.Intn(5) == 0 {
			s.DeleteDocument(ctx, synthExtraction(r.Intn(crashDocs), 0).Document.ID)
			continue
		}
		var batch []schema.Extraction
		for n := r.Intn(8) + 1; n > 0; n-- {
			batch = append(batch, crashVersion(r.Intn(crashDocs), r.Intn(3), r.Intn(14)-3))
		}
		if _, err := s.WriteDocuments(ctx, batch); err != nil {
			fmt.Fprintln(os.Stderr, "crash child:", err)
			os.Exit(2)
		}
	}
}

// TestCrashSafety kills a writing process with SIGKILL at random moments
// and checks after each kill that the bolt store opens, that every stored
// document holds exactly the quads of one version (whole, never mixed or
// partial), that no temporary quads remain, and that the running counts
// equal a full scan.
func TestCrashSafety(t *testing.T) {
	if path := os.Getenv(crashChildEnv); path != "" {
		seed, _ := strconv.ParseInt(os.Getenv(crashSeedEnv), 10, 64)
		crashWriter(path, seed)
		return
	}
	if testing.Short() {
		t.Skip("SKIPPED: crash test starts and kills processes; not run with -short")
	}
	runs := 8
	if n, err := strconv.Atoi(os.Getenv(crashRunsEnv)); err == nil && n > 0 {
		runs = n
	}
	path := filepath.Join(t.TempDir(), "db")
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	byHash := map[string]schema.Extraction{}
	for i := 0; i < crashDocs; i++ {
		for v := 0; v < 3; v++ {
			for n := -1; n < 14; n++ {
				x := crashVersion(i, v, n)
				byHash[x.Document.Hash()] = x
			}
		}
	}
	ctx := context.Background()
	killed, docsSeen := 0, 0
	for run := 0; run < runs; run++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path, crashSeedEnv+"="+strconv.Itoa(r.Int()))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(150+r.Intn(600)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			killed++
		}
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("run %d: writer ended by itself: %v", run, err)
		}

		s, err := Open(ctx, Config{Path: path})
		if err != nil {
			t.Fatalf("run %d: store does not open after SIGKILL: %v", run, err)
		}
		if left, _ := s.labelQuads(ctx, iri(ballastLabel)); len(left) != 0 {
			t.Errorf("run %d: %d ballast quads left after open", run, len(left))
		}
		docs, err := s.Documents(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			x, ok := byHash[d.Hash]
			if !ok {
				t.Fatalf("run %d: document %s has a hash no version has", run, d.ID)
			}
			got, err := s.labelQuads(ctx, quad.IRI(x.Document.IRI()))
			if err != nil {
				t.Fatal(err)
			}
			if diff := diffLines(withoutIngestedAt(keys(got)), withoutIngestedAt(keys(DocumentQuads(x, time.Now())))); diff != "" {
				t.Fatalf("run %d: document %s is not whole:\n%s", run, d.ID, diff)
			}
			if len(got) != len(DocumentQuads(x, time.Now())) {
				t.Fatalf("run %d: document %s has %d quads, want %d", run, d.ID, len(got), len(DocumentQuads(x, time.Now())))
			}
		}
		checkCounts(t, s, len(storeQuads(t, s)))
		docsSeen = len(docs)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("crash test: %d writers killed with SIGKILL; store checked after each; %d documents at the end", killed, docsSeen)
}

// TestLeftoverBallastRemovedOnOpen simulates a crash between a replacement
// and the removal of its ballast quads.
func TestLeftoverBallastRemovedOnOpen(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir()
	s := openStore(t, Config{Path: path})
	write(t, s, extractionA(textA))
	want := storeQuads(t, s)
	left := []quad.Quad{{Subject: iri("doc:article-a"), Predicate: iri(ballastLabel + "/0"), Object: iri("doc:article-a"), Label: iri(ballastLabel)}}
	if err := s.QuadStore().ApplyDeltas([]cgraph.Delta{{Quad: left[0], Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openStore(t, Config{Path: path})
	if got, _ := s.labelQuads(ctx, iri(ballastLabel)); len(got) != 0 {
		t.Errorf("ballast left after open: %v", got)
	}
	if d := diffLines(storeQuads(t, s), want); d != "" {
		t.Errorf("store after cleanup:\n%s", d)
	}
}
