package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A folder holding a FIFO and a symlink to a file outside it: ingest
// stores the articles, names both skipped entries with their reason,
// exits 1 and does not wait on the FIFO (it used to hang there, deaf to
// SIGTERM).
func TestIngestSkipsFIFOsAndSymlinksOut(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED: builds the binary; run without -short")
	}
	bin := buildBinary(t)
	in := t.TempDir()
	writeCorpus(t, in, 3)
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("Maria Vance, the commander of the Harbor Council, said Kessel was calm."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(in, "leak.txt")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := syscall.Mkfifo(filepath.Join(in, "pipe.txt"), 0o600); err != nil {
		t.Skip("no FIFOs:", err)
	}
	db := filepath.Join(t.TempDir(), "h.db")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, bin, "--db", db, "ingest", "--no-progress", in)
	out, err := c.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("ingest hung:\n%s", out)
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit %v, want 1:\n%s", err, out)
	}
	for _, want := range []string{"pipe.txt", "not a regular file", "leak.txt", "leads out of", "added 3"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output does not say %q:\n%s", want, out)
		}
	}
	for _, line := range dump(t, bin, db) {
		if strings.Contains(line, "leak") || strings.Contains(line, "secret") {
			t.Fatalf("the outside file was stored: %s", line)
		}
	}
}
