package graph

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Links must give, per predicate, each neighbour once however many
// documents state the fact, the same neighbours a quad scan finds, skip
// deleted quads, and stop at its bounds saying so, on bolt (index keys)
// and PostgreSQL (one statement).
func TestLinks(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		s := openStore(t, cfg())
		ctx := context.Background()
		// A third document states voss lives_in lindqvist again.
		c := extractionB("Mara Voss lives in Lindqvist.")
		c.Document.ID = "article-c"
		c.Entities = []schema.Entity{voss, lindqvist}
		c.Facts = []schema.Fact{fact("article-c", voss, "lives_in", lindqvist.IRI, "Mara Voss lives in Lindqvist.", 0, "lives-in", nil)}
		write(t, s, extractionA("A"), extractionB("B"), c)
		qs := s.QuadStore()
		ref := func(v quad.Value) cgraph.Ref {
			t.Helper()
			r, err := qs.ValueOf(v)
			if err != nil || r == nil {
				t.Fatalf("%v not in the store: %v", v, err)
			}
			return r
		}
		predIRI := func(name string) quad.IRI {
			p, ok := schema.LookupPredicate(name)
			if !ok {
				t.Fatalf("no predicate %s", name)
			}
			return quad.IRI(p.IRI())
		}
		preds := []cgraph.Ref{ref(predIRI("lives_in")), ref(predIRI("based_in")), ref(predIRI("role")), ref(predIRI("works_for"))}
		predName := map[any]string{}
		for i, n := range []string{"lives_in", "based_in", "role", "works_for"} {
			predName[preds[i].Key()] = n
		}
		show := func(res LinkScan) string {
			var out []string
			for _, l := range res.Links {
				out = append(out, predName[l.Pred.Key()]+" "+fmt.Sprint(l.Value))
			}
			sort.Strings(out)
			return strings.Join(out, ", ")
		}
		// scanned is the same listing from a quad scan, each link once.
		scanned := func(node cgraph.Ref, d quad.Direction) string {
			far := quad.Object
			if d == quad.Object {
				far = quad.Subject
			}
			seen := map[string]bool{}
			var out []string
			for _, p := range preds {
				it := ScanQuads(ctx, qs, map[quad.Direction]cgraph.Ref{d: node, quad.Predicate: p})
				for it.Next(ctx) {
					fr, _ := qs.QuadDirection(it.Result(), far)
					v, _ := qs.NameOf(fr)
					k := predName[p.Key()] + " " + fmt.Sprint(v)
					if !seen[k] {
						seen[k] = true
						out = append(out, k)
					}
				}
				it.Close()
			}
			sort.Strings(out)
			return strings.Join(out, ", ")
		}
		city, person := ref(quad.IRI(lindqvist.IRI)), ref(quad.IRI(voss.IRI))
		in, ok, err := s.Links(ctx, city, quad.Object, preds, LinkBounds{})
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Fatalf("%s: Links not ok", s.Backend())
		}
		wantIn := fmt.Sprintf("based_in <%s>, lives_in <%s>, lives_in <%s>", rail.IRI, okafor.IRI, voss.IRI)
		if got := show(in); got != wantIn || in.Capped {
			t.Errorf("links into lindqvist:\n got  %s (capped %v)\n want %s", got, in.Capped, wantIn)
		}
		out, _, err := s.Links(ctx, person, quad.Subject, preds, LinkBounds{})
		if err != nil {
			t.Fatal(err)
		}
		wantOut := fmt.Sprintf("lives_in <%s>, role <%s>", lindqvist.IRI, mayor.IRI)
		if got := show(out); got != wantOut {
			t.Errorf("links out of voss:\n got  %s\n want %s", got, wantOut)
		}
		if got, scan := show(in)+" | "+show(out), scanned(city, quad.Object)+" | "+scanned(person, quad.Subject); got != scan {
			t.Errorf("links differ from a quad scan:\n links %s\n scan  %s", got, scan)
		}
		// voss lives_in lindqvist is two quads (two documents) but one
		// link: bounds count links on every backend, so one per predicate
		// is all there is.
		one, _, err := s.Links(ctx, person, quad.Subject, preds[:1], LinkBounds{PerPred: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(one.Links) != 1 || one.Capped || one.Reads != 2 {
			t.Errorf("PerPred 1: %s, capped %v, %d reads; want one link, not capped, 2 reads", show(one), one.Capped, one.Reads)
		}
		// Two links into lindqvist through lives_in: one per predicate
		// keeps the one whose value hashes lower, whatever the store's
		// order.
		capped, _, err := s.Links(ctx, city, quad.Object, preds[:1], LinkBounds{PerPred: 1})
		if err != nil {
			t.Fatal(err)
		}
		first := okafor
		if hv, ho := csql.HashOf(quad.IRI(voss.IRI)), csql.HashOf(quad.IRI(okafor.IRI)); bytes.Compare(hv.ValueHash[:], ho.ValueHash[:]) < 0 {
			first = voss
		}
		if want := "lives_in <" + first.IRI + ">"; show(capped) != want || !capped.Capped {
			t.Errorf("PerPred 1 into lindqvist: %s, capped %v; want %s, capped", show(capped), capped.Capped, want)
		}
		few, _, err := s.Links(ctx, city, quad.Object, preds, LinkBounds{Reads: 2})
		if err != nil {
			t.Fatal(err)
		}
		if few.Reads != 2 || !few.Capped || len(few.Links) != 1 {
			t.Errorf("Reads 2: %s, %d reads, capped %v; want one link in 2 reads, capped", show(few), few.Reads, few.Capped)
		}
		// Deleting a document removes the links only it stated.
		if _, err := s.DeleteDocument(ctx, "article b/2"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DeleteDocument(ctx, "article-c"); err != nil {
			t.Fatal(err)
		}
		after, _, err := s.Links(ctx, city, quad.Object, preds, LinkBounds{})
		if err != nil {
			t.Fatal(err)
		}
		wantAfter := fmt.Sprintf("based_in <%s>, lives_in <%s>", rail.IRI, voss.IRI)
		if got := show(after); got != wantAfter {
			t.Errorf("after deleting article b/2:\n got  %s\n want %s", got, wantAfter)
		}
		// A cancelled context stops it.
		cc, cancel := context.WithCancel(ctx)
		cancel()
		if _, _, err := s.Links(cc, city, quad.Object, preds, LinkBounds{}); err == nil {
			t.Error("cancelled: no error")
		}
	})
}
