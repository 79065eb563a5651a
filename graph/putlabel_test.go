package graph

import (
	"context"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

func TestPutLabel(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		ctx := context.Background()
		s := openStore(t, cfg())
		a, b := extractionA(textA), extractionB(textB)
		write(t, s, a, b)
		// Replace document a's label by document b's quads relabelled: an
		// import of another store's version of the document.
		doc := quad.IRI(a.Document.IRI())
		qa2 := DocumentQuads(extractionA(textA2), time.Now())
		if err := s.PutLabel(ctx, doc, qa2, true); err != nil {
			t.Fatal(err)
		}
		want := union(keys(SchemaQuads()), keys(qa2), keys(DocumentQuads(b, time.Now())))
		if d := diffLines(withoutIngestedAt(storeQuads(t, s)), withoutIngestedAt(want)); d != "" {
			t.Fatalf("after replace:\n%s", d)
		}
		// Adding to a label keeps what is there; adding twice adds nothing.
		extra := []quad.Quad{quad.Make(quad.IRI("ent:person/mara-voss"), quad.IRI("ng:alias"), "M. Voss", nil)}
		for i := 0; i < 2; i++ {
			if err := s.PutLabel(ctx, doc, extra, false); err != nil {
				t.Fatal(err)
			}
		}
		extra[0].Label = doc
		want = union(want, keys(extra))
		if d := diffLines(withoutIngestedAt(storeQuads(t, s)), withoutIngestedAt(want)); d != "" {
			t.Fatalf("after add:\n%s", d)
		}
		// A curated label of its own, then emptied.
		cur := quad.IRI("doc:curated-list")
		if err := s.PutLabel(ctx, cur, []quad.Quad{quad.Make(quad.IRI("ent:person/mara-voss"), quad.IRI("ng:leads"), quad.IRI("ent:organization/northern-rail-company"), nil)}, true); err != nil {
			t.Fatal(err)
		}
		if err := s.PutLabel(ctx, cur, nil, true); err != nil {
			t.Fatal(err)
		}
		if d := diffLines(withoutIngestedAt(storeQuads(t, s)), withoutIngestedAt(want)); d != "" {
			t.Fatalf("after emptying a label:\n%s", d)
		}
		for _, bad := range []quad.Value{quad.IRI(countsLabel), quad.IRI(ballastLabel), quad.String("x"), nil} {
			if err := s.PutLabel(ctx, bad, extra, true); err == nil {
				t.Errorf("label %v accepted", bad)
			}
		}
	})
}
