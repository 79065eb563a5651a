package graph

import (
	"context"
	"errors"
	"fmt"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Subjects must list each subject of (?, p, o) once, in index order, with
// one quad per document that states it, across its read batches; and say
// ErrNoKeyIndex where it cannot read keys, so callers scan instead.
func TestSubjects(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		s := openStore(t, cfg())
		ctx := context.Background()
		// voss and lindqvist appear in every document, the others in one.
		var exts []schema.Extraction
		for i := range 7 {
			e := extractionA("Mara Voss, the mayor of Lindqvist, opened the station.")
			e.Document.ID = fmt.Sprintf("doc-%d", i)
			for j := range e.Facts {
				e.Facts[j].Evidence.DocID = e.Document.ID
			}
			other := entity(schema.Person, fmt.Sprintf("Person %02d", i))
			e.Entities = append(e.Entities, other)
			exts = append(exts, e)
		}
		write(t, s, exts...)
		qs := s.QuadStore()
		typ, _ := qs.ValueOf(quad.IRI(schema.PredType))
		person, _ := qs.ValueOf(quad.IRI(schema.Person.IRI()))
		if typ == nil || person == nil {
			t.Fatal("type or Person not in the store")
		}
		it, err := s.Subjects(typ, person)
		if s.Backend() != BackendBolt {
			if !errors.Is(err, ErrNoKeyIndex) {
				t.Fatalf("%s: Subjects error %v, want ErrNoKeyIndex", s.Backend(), err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		it.batchSize = 3 // several read transactions
		got := map[string]int64{}
		var order []string
		for {
			ok, err := it.Next(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				break
			}
			v, err := qs.NameOf(it.Subject())
			if err != nil {
				t.Fatal(err)
			}
			k := fmt.Sprint(v)
			if _, dup := got[k]; dup {
				t.Errorf("subject %s twice", k)
			}
			got[k] = it.Quads()
			order = append(order, k)
		}
		want := map[string]int64{fmt.Sprint(quad.IRI(voss.IRI)): 7}
		for i := range 7 {
			want[fmt.Sprint(quad.IRI(schema.EntityIRI(schema.Person, fmt.Sprintf("Person %02d", i))))] = 1
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("subjects of Person:\n got  %v\n want %v", got, want)
		}
		// The same subjects, in the same order, as a scan of the quads.
		var scanned []string
		sc := ScanQuads(ctx, qs, map[quad.Direction]cgraph.Ref{quad.Predicate: typ, quad.Object: person})
		defer sc.Close()
		for sc.Next(ctx) {
			sub, _ := qs.QuadDirection(sc.Result(), quad.Subject)
			v, _ := qs.NameOf(sub)
			if k := fmt.Sprint(v); len(scanned) == 0 || scanned[len(scanned)-1] != k {
				scanned = append(scanned, k)
			}
		}
		if fmt.Sprint(scanned) != fmt.Sprint(order) {
			t.Errorf("order differs from the quad scan:\n keys %v\n scan %v", order, scanned)
		}
		// A pair no quad has yields nothing.
		empty, err := s.Subjects(person, typ)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := empty.Next(ctx); ok || err != nil {
			t.Errorf("Subjects of an absent pair: %v, %v", ok, err)
		}
		// A cancelled context stops a cursor that must read.
		c, cancel := context.WithCancel(ctx)
		cancel()
		fresh, _ := s.Subjects(typ, person)
		if ok, err := fresh.Next(c); ok || !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled: %v, %v", ok, err)
		}
	})
}
