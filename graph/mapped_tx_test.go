package graph

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// openDocIterator starts a Cayley quad iterator over the quads of one
// document (the label index) and reads the first: from then on it holds a read transaction, as
// a query's iterator does while the script works between two Nexts.
func openDocIterator(t *testing.T, s *Store, ctx context.Context) interface {
	Next(context.Context) bool
	Err() error
	Close() error
} {
	t.Helper()
	ref, err := s.qs.ValueOf(iri(schema.DocIRI("syn-000001")))
	if err != nil || ref == nil {
		t.Fatalf("ValueOf the document: %v, %v", ref, err)
	}
	it := s.qs.QuadIterator(quad.Label, ref).Iterate()
	if !it.Next(ctx) {
		t.Fatalf("no quad of the document: %v", it.Err())
	}
	return it
}

// waitReads waits until n read transactions are open (a rollback by a
// context's end runs on a goroutine of its own) and fails after 10 s.
func waitReads(t *testing.T, s *Store, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); s.OpenReads() != n; {
		if time.Now().After(deadline) {
			t.Fatalf("%d read transactions open, want %d", s.OpenReads(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestReadCutByContext: an iterator's read transaction stays open between
// Nexts, a write commits meanwhile (no lock between them on the default
// map), and when the query's context ends the transaction is rolled back
// although the iterator's owner never calls it again; its next call fails
// with the context's cause instead of reading pages given back.
func TestReadCutByContext(t *testing.T) {
	s := openStore(t, boltConfig(t, true))
	if s.ReadsNeedLock() {
		t.Fatalf("ReadsNeedLock on the default map (%d bytes)", s.mapped.mapSize)
	}
	write(t, s, synthCorpus(0, 20, 0)...)
	waitReads(t, s, 0)
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	it := openDocIterator(t, s, ctx)
	if n := s.OpenReads(); n != 1 {
		t.Fatalf("%d read transactions open with one iterator started, want 1", n)
	}
	// A write while the iterator holds its transaction: it must commit.
	done := make(chan error, 1)
	go func() {
		_, err := s.WriteDocuments(context.Background(), synthCorpus(20, 5, 0))
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("write beside an open read: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("a write waited 30 s for an open read")
	}
	stop := errors.New("query deadline")
	cancel(stop)
	waitReads(t, s, 0)
	// Quads already read into the iterator's batch may still come; then
	// it ends, with the cause.
	for it.Next(ctx) {
	}
	err := it.Close()
	if err == nil {
		err = it.Err()
	}
	if !errors.Is(err, stop) {
		t.Fatalf("iterator after the cut: %v, want the context's cause", err)
	}
	// The store itself reads on.
	if info, err := s.Document(context.Background(), "syn-000021"); err != nil || info.Quads == 0 {
		t.Fatalf("Document after the cut: %+v, %v", info, err)
	}
}

// TestCloseCutsOpenReads: Close rolls back the reads still open before
// bolt unmaps its file, so an iterator used after Close fails cleanly.
func TestCloseCutsOpenReads(t *testing.T) {
	s := openStore(t, boltConfig(t, true))
	write(t, s, synthCorpus(0, 5, 0)...)
	it := openDocIterator(t, s, context.Background())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n := s.mapped.kv.openReads(); n != 0 {
		t.Fatalf("%d reads open after Close", n)
	}
	for it.Next(context.Background()) {
	}
	if err := it.Close(); !errors.Is(err, errStoreClosed) {
		t.Fatalf("iterator after Close: %v, want %v", err, errStoreClosed)
	}
}

// TestReadsNeedLock: only a map bolt may move needs readers to hold
// writers off.
func TestReadsNeedLock(t *testing.T) {
	cfg := boltConfig(t, true)
	cfg.MmapSize = -1
	if s := openStore(t, cfg); !s.ReadsNeedLock() {
		t.Fatal("bolt's own map growth: ReadsNeedLock false")
	}
	cfg = boltConfig(t, true)
	cfg.MmapSize = 64 << 20
	if s := openStore(t, cfg); !s.ReadsNeedLock() {
		t.Fatal("a 64 MiB map: ReadsNeedLock false")
	}
	if s := openStore(t, boltConfig(t, true)); s.ReadsNeedLock() != (DefaultMmapSize == 0) {
		t.Fatalf("default map: ReadsNeedLock %v", s.ReadsNeedLock())
	}
}
