package graph

import (
	"context"
	"fmt"
	"testing"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// After replacing and deleting documents, no index entry lists a deleted
// quad: every count read from an entry equals the live quads a scan finds,
// and a deleted document's label entry is gone.
func TestPruneDeletedFromIndexes(t *testing.T) {
	s := openStore(t, Config{Path: t.TempDir() + "/db", Options: map[string]any{"nosync": true}})
	ctx := context.Background()
	a := extractionA("Mara Voss, the mayor of Lindqvist, opened the station.")
	b := extractionB("Daniel Okafor, a reporter for the Lindqvist Herald, lives in Lindqvist.")
	write(t, s, a, b)
	qs := s.QuadStore()
	docB, err := qs.ValueOf(quad.IRI(schema.DocIRI(b.Document.ID)))
	if err != nil || docB == nil {
		t.Fatalf("document node of b: %v, %v", docB, err)
	}

	// Replace a with a shorter version (quads removed), delete b.
	a2 := extractionA("Mara Voss, the mayor of Lindqvist, opened the station. Changed.")
	a2.Facts = a2.Facts[:1]
	a2.Entities = a2.Entities[:2]
	write(t, s, a2)
	if _, err := s.DeleteDocument(ctx, b.Document.ID); err != nil {
		t.Fatal(err)
	}

	// Every (subject, predicate) and (object, predicate, subject) entry of
	// the live quads counts exactly the live quads.
	checked := 0
	for _, q := range storeQuadsOf(t, s) {
		for _, filter := range []map[quad.Direction]quad.Value{
			{quad.Subject: q.Subject, quad.Predicate: q.Predicate},
			{quad.Object: q.Object, quad.Predicate: q.Predicate, quad.Subject: q.Subject},
		} {
			refs := map[quad.Direction]cgraph.Ref{}
			for d, v := range filter {
				refs[d] = mustRef(t, qs, v)
			}
			n, err := CountQuads(ctx, qs, refs)
			if err != nil {
				t.Fatal(err)
			}
			live := 0
			sc := ScanQuads(ctx, qs, refs)
			for sc.Next(ctx) {
				live++
			}
			sc.Close()
			if n != int64(live) {
				t.Errorf("%v: index counts %d, %d live", filter, n, live)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no quads checked")
	}
	// The deleted document's label entry is gone.
	err = s.mapped.view(func(tx *bolt.Tx) error {
		k := ckv.QuadIndex{Dirs: []quad.Direction{quad.Label}}.Key([]uint64{uint64(docB.(ckv.Int64Value))})
		if b := tx.Bucket(k[0]); b == nil {
			return fmt.Errorf("no label index bucket %q", k[0])
		} else if v := b.Get(k[1]); v != nil {
			return fmt.Errorf("the deleted document's label entry lists %d bytes of ids", len(v))
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

func mustRef(t *testing.T, qs cgraph.QuadStore, v any) cgraph.Ref {
	t.Helper()
	var val quad.Value
	switch x := v.(type) {
	case quad.Value:
		val = x
	case string:
		val = quad.IRI(x)
	}
	r, err := qs.ValueOf(val)
	if err != nil || r == nil {
		t.Fatalf("no node %v: %v", v, err)
	}
	return r
}

func storeQuadsOf(t *testing.T, s *Store) []quad.Quad {
	t.Helper()
	var out []quad.Quad
	if err := s.EachQuad(context.Background(), func(q quad.Quad) error { out = append(out, q); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}
