package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestProgressBar: issue 17 — the bar printed "(5/-, 469748 docs/s)" and
// the summary landed on its line. It now knows the total, shows docs/s
// and the time left, and clears itself before the summary.
func TestProgressBar(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	bar := newProgressBar(&out, func() time.Time { return clock })
	clock = clock.Add(10 * time.Second)
	bar.set(20)
	if got := out.String(); got != "\ringesting 20 docs  2.0 docs/s" {
		t.Errorf("before the total is known: %q", got)
	}
	bar.setTotal(100)
	clock = clock.Add(10 * time.Second)
	bar.set(50)
	last := out.String()[strings.LastIndex(out.String(), "\r")+1:]
	if want := "ingesting  50% [============            ] 50/100 docs  2.5 docs/s  ETA 20s"; last != want {
		t.Errorf("bar\n got %q\nwant %q", last, want)
	}
	// Updates closer together than progressEvery are not drawn.
	n := out.Len()
	clock = clock.Add(time.Millisecond)
	bar.set(51)
	if out.Len() != n {
		t.Error("redrawn within progressEvery")
	}
	bar.finish()
	out.WriteString("documents 100 (added 100)\n") // what ingest prints next
	lines := strings.Split(out.String(), "\r")
	if got := lines[len(lines)-1]; got != "documents 100 (added 100)\n" {
		t.Errorf("the summary does not start its own line: %q", got)
	}
	if blank := lines[len(lines)-2]; strings.TrimSpace(blank) != "" || len(blank) < len(last) {
		t.Errorf("the bar is not blanked: %q", blank)
	}
	bar.set(100)
	if strings.HasSuffix(out.String(), "docs/s  ETA --") {
		t.Error("drawn after finish")
	}
}

func TestCountDocuments(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "One.")
	write("sub/b.html", "<p>Two.</p>")
	write("c.jsonl", "{\"id\":\"1\"}\n\n{\"id\":\"2\"}\n   \n{\"id\":\"3\"}") // no final newline
	write("notes.md", "not read")
	write(".hidden.txt", "not read")
	write(".git/x.txt", "not read")
	n, err := countDocuments(context.Background(), []string{dir})
	if err != nil || n != 5 {
		t.Errorf("count = %d, %v; want 5", n, err)
	}
	// The count agrees with what ingest reads from the examples.
	db := filepath.Join(t.TempDir(), "g.db")
	out := mustCLI(t, db, "ingest", "--no-progress", examplesDir(t))
	n, err = countDocuments(context.Background(), []string{examplesDir(t)})
	if err != nil || !strings.HasPrefix(out, "documents "+strconv.Itoa(n)+" ") {
		t.Errorf("counted %d (%v); ingest said %q", n, err, out)
	}
	// Not a terminal: no bar at all.
	_, _, errOut := cli(t, db, "ingest", examplesDir(t))
	if strings.Contains(errOut, "\r") || strings.Contains(errOut, "docs/s") {
		t.Errorf("progress drawn off a terminal: %q", errOut)
	}
}
