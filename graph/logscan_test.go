package graph

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"
)

// EachQuad reads bolt's log with its own cursor and value cache; it must
// give exactly the quads, in the order, that Cayley's all-quads iterator
// gives, across read batches and cache resets, without deleted quads.
func TestEachLogQuad(t *testing.T) {
	s := openStore(t, Config{Path: t.TempDir() + "/db", Options: map[string]any{"nosync": true}})
	ctx := context.Background()
	write(t, s, personDocs()...)
	if _, err := s.DeleteDocument(ctx, "doc-2"); err != nil {
		t.Fatal(err)
	}
	write(t, s, extractionB("B"))
	var want []string
	it := s.qs.QuadsAllIterator().Iterate()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, quadKey(q))
	}
	it.Close()
	if len(want) < 100 {
		t.Fatalf("only %d quads", len(want))
	}
	for _, c := range []struct{ batch, cache int }{{logBatch, valueCacheSize}, {7, 5}, {1, 1}} {
		var got []string
		ok, err := s.eachLogQuad(ctx, c.batch, c.cache, func(q quad.Quad) error {
			got = append(got, quadKey(q))
			return nil
		})
		if !ok || err != nil {
			t.Fatalf("batch %d: %v %v", c.batch, ok, err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("batch %d, cache %d: %d quads differ from the iterator's %d", c.batch, c.cache, len(got), len(want))
		}
	}
	// fn's error stops the walk and comes back as is.
	stop := errors.New("stop")
	n := 0
	if _, err := s.eachLogQuad(ctx, 7, 5, func(quad.Quad) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	}); err != stop || n != 10 {
		t.Errorf("stopping: %v after %d quads", err, n)
	}
}
