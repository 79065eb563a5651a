package graph

import (
	"context"
	"errors"
	"sort"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// The exported readers are what queries/, api/ and resolve/ walk the store
// with: they must yield exactly the quads at a node, nothing for an unknown
// node, and stop on fn's error and on a cancelled context.
func TestEachQuadAt(t *testing.T) {
	s := openStore(t, Config{Path: t.TempDir() + "/db", Options: map[string]any{"nosync": true}})
	write(t, s, extractionA("Mara Voss, the mayor of Lindqvist, opened the station."))
	qs, ctx := s.QuadStore(), context.Background()

	var got []string
	err := EachQuadAt(ctx, qs, quad.Subject, quad.IRI(voss.IRI), func(q quad.Quad) error {
		if q.Subject != quad.IRI(voss.IRI) {
			t.Errorf("quad of another subject: %v", q)
		}
		got = append(got, quadKey(q))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, q := range DocumentQuads(extractionA("x"), time.Time{}) {
		if q.Subject == quad.IRI(voss.IRI) {
			want = append(want, quadKey(q))
		}
	}
	if len(want) < 4 {
		t.Fatalf("the layout gives %s only %d quads", voss.IRI, len(want))
	}
	sort.Strings(got)
	sort.Strings(want)
	if d := diffLines(got, want); d != "" {
		t.Errorf("quads of %s differ from the layout:\n%s", voss.IRI, d)
	}

	n := 0
	if err := EachRef(ctx, qs, quad.Subject, quad.IRI("ent:person/nobody"), func(cgraph.Ref) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("unknown node: %d refs, err %v", n, err)
	}

	stop := errors.New("stop here")
	n = 0
	err = EachRef(ctx, qs, quad.Label, quad.IRI(schema.DocIRI("article-a")), func(cgraph.Ref) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("fn's error: got %v after %d refs, want %v after 1", err, n, stop)
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := EachQuadAt(cancelled, qs, quad.Label, quad.IRI(schema.DocIRI("article-a")), func(quad.Quad) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v", err)
	}
}
