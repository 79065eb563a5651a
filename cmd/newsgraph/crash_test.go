package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary compiles newsgraph once for the tests that need a real
// process (crash and signal tests).
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsgraph")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("building newsgraph: %v", err)
	}
	return bin
}

// writeCorpus writes n small articles of varied names, enough facts per
// document that a kill lands inside extraction and inside writes.
func writeCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	first := []string{"Maria", "Tomas", "Leyla", "Omar", "Anna", "Pavel", "Nadia", "Samir", "Ines", "Karl"}
	last := []string{"Vance", "Okafor", "Haddad", "Lindqvist", "Moreau", "Petrov", "Castillo", "Rahimi", "Novak", "Brandt"}
	towns := []string{"Kessel", "Arvana", "Dorin", "Maltesk", "Ostrava Nova", "Velmar", "Quarin", "Selby Ford"}
	groups := []string{"Northern Brigade", "Coastal Front", "Union of Free Farmers", "Red Valley Movement", "Harbor Council"}
	for i := range n {
		p := first[i%len(first)] + " " + last[(i/len(first)+i)%len(last)]
		town, other := towns[i%len(towns)], towns[(i+3)%len(towns)]
		g, h := groups[i%len(groups)], groups[(i+2)%len(groups)]
		text := fmt.Sprintf(`%s, the commander of the %s, said on Monday that the town of %s was calm.
"We will hold %s for as long as it takes," %s said.
The town of %s is held by the %s, which is backed by the %s.
Fighters of the %s attacked %s on Tuesday, officials said.
%s has a population of around %d,000 people.`,
			p, g, town, town, p, town, g, h, h, other, town, 10+i)
		name := filepath.Join(dir, fmt.Sprintf("article-%03d.txt", i))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dump returns the store's quads as sorted N-Quads lines, without the
// ingest timestamps that differ between runs.
func dump(t *testing.T, bin, db string) []string {
	t.Helper()
	if entries, err := os.ReadDir(db); err != nil || len(entries) == 0 {
		return nil // killed before the store was made: nothing stored, nothing torn
	}
	out, err := exec.Command(bin, "--db", db, "backup", "--out", "-").Output()
	if err != nil {
		t.Fatalf("backup of %s: %v", db, err)
	}
	return sortedLines(string(out))
}

// sortedLines sorts N-Quads lines, leaving out the ingest timestamps that
// differ between runs.
func sortedLines(nq string) []string {
	var lines []string
	for _, l := range strings.Split(nq, "\n") {
		if l == "" || strings.Contains(l, "<ng:ingested_at>") {
			continue
		}
		lines = append(lines, l)
	}
	sort.Strings(lines)
	return lines
}

// byLabel groups N-Quads lines by their label (the last term).
func byLabel(lines []string) map[string][]string {
	out := map[string][]string{}
	for _, l := range lines {
		l = strings.TrimSuffix(strings.TrimSpace(l), " .")
		i := strings.LastIndex(l, " <")
		label := ""
		if i >= 0 {
			label = l[i+1:]
		}
		out[label] = append(out[label], l)
	}
	return out
}

// wholeDocuments fails the test unless every document of got has exactly
// its quads in want, and returns how many documents got has.
func wholeDocuments(t *testing.T, run int, got, want map[string][]string) int {
	t.Helper()
	docs := 0
	for label, quads := range got {
		if !strings.HasPrefix(label, "<doc:") {
			continue
		}
		docs++
		if strings.Join(quads, "\n") != strings.Join(want[label], "\n") {
			t.Fatalf("run %d: document %s is partial after SIGKILL: %d quads, want %d", run, label, len(quads), len(want[label]))
		}
	}
	return docs
}

// crashSetup builds the binary and a 60-article corpus; small batches make
// many commits, so an interruption can land between them.
func crashSetup(t *testing.T) (bin, in string, env []string) {
	t.Helper()
	bin = buildBinary(t)
	in = t.TempDir()
	writeCorpus(t, in, 60)
	return bin, in, append(os.Environ(), "NEWSGRAPH_INGEST_BATCH_QUADS=400", "NEWSGRAPH_INGEST_WORKERS=2")
}

// cleanIngest ingests in into a new store without interruption and returns
// its dump and how long it took.
func cleanIngest(t *testing.T, bin, in string, env []string) ([]string, time.Duration) {
	t.Helper()
	ref := filepath.Join(t.TempDir(), "ref.db")
	start := time.Now()
	c := exec.Command(bin, "--db", ref, "ingest", "--no-progress", in)
	c.Env = env
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	return dump(t, bin, ref), time.Since(start)
}

func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED: crash test builds and kills the binary 20 times; run without -short")
	}
	bin, in, env := crashSetup(t)
	want, clean := cleanIngest(t, bin, in, env)
	wantByDoc := byLabel(want)

	rng := rand.New(rand.NewSource(7))
	const runs = 20
	killed, partial := 0, 0
	for run := range runs {
		db := filepath.Join(t.TempDir(), fmt.Sprintf("crash-%d.db", run))
		c := exec.Command(bin, "--db", db, "ingest", "--no-progress", in)
		c.Env = env
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		// Start-up (loading the NLP model) takes a good part of a run: kill
		// in the part where documents are being extracted and written.
		time.Sleep(clean*3/10 + time.Duration(rng.Int63n(int64(clean*6/10))))
		if err := c.Process.Signal(syscall.SIGKILL); err == nil {
			killed++
		}
		_ = c.Wait()

		// The store opens, and every document in it is whole.
		docs := wholeDocuments(t, run, byLabel(dump(t, bin, db)), wantByDoc)
		if docs > 0 && docs < 60 {
			partial++
		}
		// Re-running completes the set, with no duplicates.
		c = exec.Command(bin, "--db", db, "ingest", "--no-progress", in)
		c.Env = env
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("run %d: resuming ingest: %v\n%s", run, err, out)
		}
		final := dump(t, bin, db)
		if strings.Join(final, "\n") != strings.Join(want, "\n") {
			t.Fatalf("run %d: store after resume differs from a clean ingest: %d quads, want %d", run, len(final), len(want))
		}
	}
	t.Logf("crash test: %d runs, %d killed mid-run, %d left a partial document set (all whole), clean ingest %s, %d quads each",
		runs, killed, partial, clean.Round(time.Millisecond), len(want))
}

func TestSigtermFinishesTheBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED: builds the binary; run without -short")
	}
	bin, in, env := crashSetup(t)
	want, _ := cleanIngest(t, bin, in, env)
	wantByDoc := byLabel(want)

	db := filepath.Join(t.TempDir(), "term.db")
	c := exec.Command(bin, "--db", db, "--log-level", "debug", "ingest", "--no-progress", in)
	c.Env = env
	var out bytes.Buffer
	c.Stdout = &out
	stderr, err := c.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt right after the first batch is stored: a point in the run
	// that does not depend on the machine's speed.
	sc := bufio.NewScanner(stderr)
	var log strings.Builder
	signalled := false
	for sc.Scan() {
		log.WriteString(sc.Text() + "\n")
		if !signalled && strings.Contains(sc.Text(), "batch stored") {
			_ = c.Process.Signal(syscall.SIGTERM)
			signalled = true
		}
	}
	err = c.Wait()
	if !signalled {
		t.Fatalf("no batch was reported:\n%s", log.String())
	}
	if err == nil {
		t.Fatalf("an interrupted ingest exited 0:\n%s%s", out.String(), log.String())
	}
	if !strings.Contains(out.String(), "documents ") {
		t.Fatalf("no summary after SIGTERM:\n%s%s", out.String(), log.String())
	}
	docs := 0
	for label, quads := range byLabel(dump(t, bin, db)) {
		if !strings.HasPrefix(label, "<doc:") {
			continue
		}
		docs++
		if strings.Join(quads, "\n") != strings.Join(wantByDoc[label], "\n") {
			t.Fatalf("document %s is partial after SIGTERM", label)
		}
	}
	if docs == 0 || docs == 60 {
		t.Fatalf("SIGTERM after the first batch left %d of 60 documents", docs)
	}
	t.Logf("SIGTERM after the first batch: %d of 60 documents stored whole, exit %v", docs, err)
}
