package main

import (
	"database/sql"
	"math/rand"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/graphtest"

	_ "github.com/lib/pq"
)

// pgDump is dump for a PostgreSQL store: its quads as sorted N-Quads
// lines without the ingest timestamps.
func pgDump(t *testing.T, bin, addr string) []string {
	t.Helper()
	out, err := exec.Command(bin, append(storeFlags(addr), "backup", "--out", "-")...).Output()
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	return sortedLines(string(out))
}

// pgIngest runs ingest on a PostgreSQL store; it is started, not waited for.
func pgIngest(t *testing.T, bin, addr, in string, env []string) *exec.Cmd {
	t.Helper()
	c := exec.Command(bin, append(storeFlags(addr), "ingest", "--no-progress", in)...)
	c.Env = env
	return c
}

// TestCrashSafetyPostgres is TestCrashSafety on PostgreSQL: an ingest
// killed with SIGKILL at a random moment (inside extraction, a group
// commit's COPY or its commit) leaves every stored document whole, and
// running ingest again completes the store to what one uninterrupted
// ingest writes, byte for byte in N-Quads. Each group commit writes its
// documents' quads, nodes (through the session's staging table) and
// resume markers (the text hashes) in one transaction.
func TestCrashSafetyPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED: crash test builds and kills the binary; run without -short")
	}
	graphtest.Postgres(t) // skips loudly when PostgreSQL is not configured
	bin, in, env := crashSetup(t)
	ref := graphtest.Postgres(t).Address
	start := time.Now()
	if out, err := pgIngest(t, bin, ref, in, env).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	clean := time.Since(start)
	want := pgDump(t, bin, ref)
	wantByDoc := byLabel(want)

	rng := rand.New(rand.NewSource(12))
	const runs = 6
	killed, partial := 0, 0
	for run := range runs {
		addr := graphtest.Postgres(t).Address
		c := pgIngest(t, bin, addr, in, env)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		// Loading the models takes most of a run this small, and the
		// writes a second or two: wait for the first group commit, then
		// kill within 0.4 s, so the kill lands among commits.
		waitForDocument(t, addr, clean)
		time.Sleep(time.Duration(rng.Int63n(int64(400 * time.Millisecond))))
		if err := c.Process.Signal(syscall.SIGKILL); err == nil {
			killed++
		}
		_ = c.Wait()

		docs := wholeDocuments(t, run, byLabel(pgDump(t, bin, addr)), wantByDoc)
		if docs > 0 && docs < 60 {
			partial++
		}
		t.Logf("run %d: %d of 60 documents stored when killed", run, docs)
		if out, err := pgIngest(t, bin, addr, in, env).CombinedOutput(); err != nil {
			t.Fatalf("run %d: resuming ingest: %v\n%s", run, err, out)
		}
		if final := pgDump(t, bin, addr); strings.Join(final, "\n") != strings.Join(want, "\n") {
			t.Fatalf("run %d: store after resume differs from a clean ingest: %d quads, want %d", run, len(final), len(want))
		}
	}
	t.Logf("crash test on PostgreSQL: %d runs, %d killed mid-run, %d left a partial document set (all whole), clean ingest %s, %d quads each",
		runs, killed, partial, clean.Round(time.Millisecond), len(want))
}

// waitForDocument returns once the store at addr has a document's quads
// (a first group commit), or after limit.
func waitForDocument(t *testing.T, addr string, limit time.Duration) {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		var n int
		// Before the first open the table does not exist: keep polling.
		// A document's label, not the schema's quads written at open.
		if err := db.QueryRow(`SELECT count(*) FROM quads q JOIN nodes n ON n.hash = q.label_hash WHERE n.value_string LIKE 'doc:%'`).Scan(&n); err == nil && n > 0 {
			return
		}
	}
}
