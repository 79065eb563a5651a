package graph

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// A store written, partly deleted and compacted reads exactly as before,
// takes less space, and takes further writes.
func TestCompactKeepsTheStore(t *testing.T) {
	ctx := context.Background()
	cfg := Config{Path: filepath.Join(t.TempDir(), "db")}
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	corpus := synthCorpus(0, 60, 1)
	if _, err := s.WriteDocuments(ctx, corpus); err != nil {
		t.Fatal(err)
	}
	for _, x := range corpus[:20] { // free pages and dead log entries
		if _, err := s.DeleteDocument(ctx, x.Document.ID); err != nil {
			t.Fatal(err)
		}
	}
	want := storeQuads(t, s)
	wantStats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Small transactions: the copy spans many, as a large store's does.
	res, err := compact(ctx, cfg.Path, 64<<10)
	if err != nil {
		t.Fatal(err)
	}
	if res.After >= res.Before || res.AfterInUse >= res.BeforeInUse || res.After != fileSize(boltFile(cfg.Path)) {
		t.Errorf("compaction did not shrink the store: %+v", res)
	}
	if _, err := os.Stat(boltFile(cfg.Path) + ".compact"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the copy was left behind: %v", err)
	}

	s = openStore(t, cfg)
	if got := storeQuads(t, s); !slices.Equal(got, want) {
		t.Errorf("quads after compaction differ:\n%s", diffLines(got, want))
	}
	if got, err := s.Stats(ctx); err != nil || got != wantStats {
		t.Errorf("stats after compaction %+v (%v), before %+v", got, err, wantStats)
	}
	// Cayley's id counters survived: new documents get new ids and the
	// deleted ones come back whole.
	if _, err := s.WriteDocuments(ctx, corpus[:20]); err != nil {
		t.Fatal(err)
	}
	all := synthCorpus(0, 60, 1)
	fresh := openStore(t, Config{Path: filepath.Join(t.TempDir(), "fresh")})
	if _, err := fresh.WriteDocuments(ctx, all); err != nil {
		t.Fatal(err)
	}
	if got, want := withoutIngestedAt(storeQuads(t, s)), withoutIngestedAt(storeQuads(t, fresh)); !slices.Equal(got, want) {
		t.Errorf("writes after compaction:\n%s", diffLines(got, want))
	}
}

// A store open in a process (a server) is not compacted; neither is a
// missing one.
func TestCompactRefusesOpenStore(t *testing.T) {
	ctx := context.Background()
	cfg := Config{Path: filepath.Join(t.TempDir(), "db")}
	s := openStore(t, cfg)
	write(t, s, extractionA(textA))
	before := fileHash(t, boltFile(cfg.Path))
	if _, err := Compact(ctx, cfg.Path); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("compacting an open store: %v", err)
	}
	if fileHash(t, boltFile(cfg.Path)) != before {
		t.Error("the refused compaction changed the file")
	}
	if _, err := Compact(ctx, filepath.Join(t.TempDir(), "none")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("compacting a missing store: %v", err)
	}
}

// An interrupted compaction leaves the store as it was and no copy.
func TestCompactInterrupted(t *testing.T) {
	cfg := Config{Path: filepath.Join(t.TempDir(), "db")}
	s := openStore(t, cfg)
	write(t, s, synthCorpus(0, 10, 1)...)
	s.Close()
	before := fileHash(t, boltFile(cfg.Path))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := compact(ctx, cfg.Path, 1<<10); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled compaction: %v", err)
	}
	if fileHash(t, boltFile(cfg.Path)) != before {
		t.Error("the interrupted compaction changed the store")
	}
	if _, err := os.Stat(boltFile(cfg.Path) + ".compact"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the copy was left behind: %v", err)
	}
	// A copy left by a crash is replaced by the next compaction.
	if err := os.WriteFile(boltFile(cfg.Path)+".compact", []byte("junk"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Compact(context.Background(), cfg.Path); err != nil {
		t.Fatal(err)
	}
	openStore(t, cfg)
}

// The byte breakdown accounts for every page and reads Cayley's format:
// one log entry, one value-map key and one refcount key per stored value.
func TestBreakdown(t *testing.T) {
	ctx := context.Background()
	cfg := Config{Path: filepath.Join(t.TempDir(), "db")}
	s := openStore(t, cfg)
	corpus := synthCorpus(0, 20, 1)
	write(t, s, corpus...)
	if _, err := s.DeleteDocument(ctx, corpus[0].Document.ID); err != nil {
		t.Fatal(err)
	}
	b, err := s.Breakdown(ctx)
	if err != nil {
		t.Fatal(err)
	}
	part := map[string]BoltPart{}
	pages := b.FreePages
	for _, p := range b.Parts {
		part[p.Name] = p
		pages += p.Pages
	}
	if meta := b.Pages - pages; meta < 2 || meta > 10 {
		t.Errorf("pages not accounted for: %d of %d (%+v)", meta, b.Pages, b)
	}
	values, refs := part["values (hash→id)"], part["refcounts (hash→n)"]
	if values.Keys == 0 || values.Keys != b.LogNodes || refs.Keys != b.LogNodes {
		t.Errorf("values %d, refcounts %d, log value entries %d", values.Keys, refs.Keys, b.LogNodes)
	}
	if b.LogDead == 0 || b.LogQuads == 0 || part["log"].Keys != b.LogNodes+b.LogQuads+b.LogDead {
		t.Errorf("log: %d keys; %d values, %d quads, %d dead", part["log"].Keys, b.LogNodes, b.LogQuads, b.LogDead)
	}
	for _, name := range []string{"index sp", "index ops", "index c"} {
		if part[name].Keys == 0 {
			t.Errorf("no %s in %+v", name, b.Parts)
		}
	}
	var out bytes.Buffer
	if err := b.Write(&out, 19); err != nil || !strings.Contains(out.String(), "per article") {
		t.Errorf("table: %v\n%s", err, out.String())
	}
	s.Close()
	offline, err := BoltBreakdown(ctx, cfg.Path)
	if err != nil || offline.LogQuads != b.LogQuads || offline.Pages != b.Pages {
		t.Errorf("offline breakdown %+v (%v), online %+v", offline, err, b)
	}
}
