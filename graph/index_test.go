package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// personDocs are seven documents doc-0 … doc-6: voss and lindqvist are in
// every one, person-0i only in doc-i.
func personDocs() []schema.Extraction {
	var exts []schema.Extraction
	for i := range 7 {
		e := extractionA("Mara Voss, the mayor of Lindqvist, opened the station.")
		e.Document.ID = fmt.Sprintf("doc-%d", i)
		for j := range e.Facts {
			e.Facts[j].Evidence.DocID = e.Document.ID
		}
		e.Entities = append(e.Entities, entity(schema.Person, fmt.Sprintf("Person %02d", i)))
		exts = append(exts, e)
	}
	return exts
}

// Subjects must list each subject of (?, p, o) once, in index order,
// across its read batches, leave out subjects whose quads were all deleted
// (Cayley keeps deleted quads' ids in its index entries), resume after a
// subject it gave, and do all this by a quad scan where it cannot read
// keys (SQL).
func TestSubjects(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		s := openStore(t, cfg())
		ctx := context.Background()
		write(t, s, personDocs()...)
		qs := s.QuadStore()
		typ, _ := qs.ValueOf(quad.IRI(schema.PredType))
		person, _ := qs.ValueOf(quad.IRI(schema.Person.IRI()))
		if typ == nil || person == nil {
			t.Fatal("type or Person not in the store")
		}
		list := func() []string {
			t.Helper()
			it, err := s.Subjects(typ, person)
			if err != nil {
				t.Fatal(err)
			}
			defer it.Close()
			it.batchSize = 3 // several read transactions (bolt)
			var out []string
			for {
				ok, err := it.Next(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					return out
				}
				v, err := qs.NameOf(it.Subject())
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, fmt.Sprint(v))
			}
		}
		order := list()
		got := map[string]bool{}
		for _, k := range order {
			if got[k] {
				t.Errorf("subject %s twice", k)
			}
			got[k] = true
		}
		want := map[string]bool{fmt.Sprint(quad.IRI(voss.IRI)): true}
		for i := range 7 {
			want[fmt.Sprint(quad.IRI(schema.EntityIRI(schema.Person, fmt.Sprintf("Person %02d", i))))] = true
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("subjects of Person:\n got  %v\n want %v", got, want)
		}
		// The same subjects, in the same order, as a scan of the quads
		// (each at its first quad).
		var scanned []string
		sc := ScanQuads(ctx, qs, map[quad.Direction]cgraph.Ref{quad.Predicate: typ, quad.Object: person})
		defer sc.Close()
		for sc.Next(ctx) {
			sub, _ := qs.QuadDirection(sc.Result(), quad.Subject)
			v, _ := qs.NameOf(sub)
			if k := fmt.Sprint(v); !slices.Contains(scanned, k) {
				scanned = append(scanned, k)
			}
		}
		if fmt.Sprint(scanned) != fmt.Sprint(order) {
			t.Errorf("order differs from the quad scan:\n keys %v\n scan %v", order, scanned)
		}
		// Deleting a document removes the subjects only it typed; voss,
		// typed by the others, stays.
		if _, err := s.DeleteDocument(ctx, "doc-3"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DeleteDocument(ctx, "doc-0"); err != nil {
			t.Fatal(err)
		}
		after := list()
		var wantAfter []string
		for _, k := range order {
			if !strings.Contains(k, "person-03") && !strings.Contains(k, "person-00") {
				wantAfter = append(wantAfter, k)
			}
		}
		if len(wantAfter) != len(order)-2 || fmt.Sprint(after) != fmt.Sprint(wantAfter) {
			t.Errorf("after deleting doc-0 and doc-3:\n got  %v\n want %v (before %v)", after, wantAfter, order)
		}
		// Resuming after a subject gives the rest of the listing.
		resumed, err := s.Subjects(typ, person)
		if err != nil {
			t.Fatal(err)
		}
		defer resumed.Close()
		mid, _ := qs.ValueOf(quad.IRI(strings.Trim(after[1], "<>")))
		if err := resumed.After(mid); err != nil {
			t.Fatal(err)
		}
		var rest []string
		for {
			ok, err := resumed.Next(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				break
			}
			rest = append(rest, fmt.Sprint(resumed.Value()))
		}
		if fmt.Sprint(rest) != fmt.Sprint(after[2:]) {
			t.Errorf("after %s:\n got  %v\n want %v", after[1], rest, after[2:])
		}
		// Resuming after a subject whose quads were deleted: bolt forgets
		// the node (callers find no reference to resume after); PostgreSQL
		// keeps it, and its scan cannot tell where it stood and says so.
		gone, err := qs.ValueOf(quad.IRI(schema.EntityIRI(schema.Person, "Person 03")))
		if err != nil {
			t.Fatal(err)
		}
		if s.Backend() == BackendBolt {
			if gone != nil {
				t.Errorf("bolt still has a node for person-03 after deleting its quads")
			}
		} else {
			if gone == nil {
				t.Fatalf("%s: no node for person-03 after deleting its quads: the ErrSubjectGone case is not reached", s.Backend())
			}
			it, err := s.Subjects(typ, person)
			if err != nil {
				t.Fatal(err)
			}
			defer it.Close()
			if err := it.After(gone); err != nil {
				t.Fatal(err)
			}
			if ok, err := it.Next(ctx); !errors.Is(err, ErrSubjectGone) {
				t.Errorf("%s, after deleted person-03: %v, %v; want ErrSubjectGone", s.Backend(), ok, err)
			}
		}
		// CountKey counts an index entry (bolt) or the quads (PostgreSQL):
		// voss is typed Person by the 5 documents left (the deleted ones
		// pruned), and has 5 such (subject, predicate) quads plus none of
		// another predicate.
		vossRef, _ := qs.ValueOf(quad.IRI(voss.IRI))
		name, _ := qs.ValueOf(quad.IRI(schema.PredName))
		for _, c := range []struct {
			p, o cgraph.Ref
			want int64
		}{{typ, person, 5}, {name, nil, 5}, {typ, typ, 0}} {
			if n, ok, err := s.CountKey(vossRef, c.p, c.o); err != nil || !ok || n != c.want {
				t.Errorf("CountKey(voss, %v, %v) = %d, %v, %v; want %d", c.p, c.o, n, ok, err, c.want)
			}
		}
		// FirstObject reads the object of the first live quad.
		if v, ok, err := s.FirstObject(vossRef, name); err != nil || !ok || v != quad.String("Mara Voss") {
			t.Errorf("FirstObject(voss, name) = %v, %v, %v", v, ok, err)
		}
		if v, ok, err := s.FirstObject(vossRef, person); err != nil || !ok || v != nil {
			t.Errorf("FirstObject(voss, Person) = %v, %v, %v; want nothing", v, ok, err)
		}
		if s.Backend() != BackendBolt {
			return // the rest reads bolt's index entries
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

// The scanning SubjectIter (stores without key listings) is tested here
// on bolt too, against the key listing: the same subjects in the same
// order, marks that resume on either kind, and ErrSubjectGone where a
// scan cannot resume.
func TestSubjectScan(t *testing.T) {
	s := openStore(t, Config{Path: t.TempDir() + "/db", Options: map[string]any{"nosync": true}})
	ctx := context.Background()
	write(t, s, personDocs()...)
	qs := s.QuadStore()
	typ, _ := qs.ValueOf(quad.IRI(schema.PredType))
	person, _ := qs.ValueOf(quad.IRI(schema.Person.IRI()))
	open := func(scan bool) *SubjectIter {
		t.Helper()
		if scan {
			return ScanSubjects(qs, typ, person)
		}
		it, err := s.Subjects(typ, person)
		if err != nil {
			t.Fatal(err)
		}
		if it.m == nil {
			t.Fatal("bolt store: Subjects scans instead of reading keys")
		}
		return it
	}
	// rest lists the values from it, and the mark of each.
	rest := func(it *SubjectIter) (vals, marks []string, err error) {
		defer it.Close()
		for {
			ok, err := it.Next(ctx)
			if err != nil || !ok {
				return vals, marks, err
			}
			vals, marks = append(vals, fmt.Sprint(it.Value())), append(marks, it.Mark())
		}
	}
	keyVals, keyMarks, err := rest(open(false))
	if err != nil {
		t.Fatal(err)
	}
	scanVals, scanMarks, err := rest(open(true))
	if err != nil {
		t.Fatal(err)
	}
	if len(keyVals) != 8 || !slices.Equal(keyVals, scanVals) {
		t.Fatalf("keys %v\nscan %v", keyVals, scanVals)
	}
	for _, scan := range []bool{false, true} {
		marks := keyMarks
		if scan {
			marks = scanMarks
		}
		it := open(scan)
		if err := it.AfterMark(marks[2]); err != nil {
			t.Fatal(err)
		}
		got, _, err := rest(it)
		if err != nil || !slices.Equal(got, keyVals[3:]) {
			t.Errorf("scan %v, after mark %q: %v, %v; want %v", scan, marks[2], got, err, keyVals[3:])
		}
		other := scanMarks[2]
		if scan {
			other = keyMarks[2]
		}
		if err := open(scan).AfterMark(other); !errors.Is(err, ErrBadMark) {
			t.Errorf("scan %v: the other kind's mark %q: %v, want ErrBadMark", scan, other, err)
		}
	}
	// person-03 (from doc-3 only) is deleted: the key listing resumes after
	// its id; the scan cannot place it.
	i3 := slices.Index(keyVals, fmt.Sprint(quad.IRI(schema.EntityIRI(schema.Person, "Person 03"))))
	if _, err := s.DeleteDocument(ctx, "doc-3"); err != nil {
		t.Fatal(err)
	}
	it := open(false)
	if err := it.AfterMark(keyMarks[i3]); err != nil {
		t.Fatal(err)
	}
	if got, _, err := rest(it); err != nil || !slices.Equal(got, keyVals[i3+1:]) {
		t.Errorf("keys after deleted person-03: %v, %v; want %v", got, err, keyVals[i3+1:])
	}
	it = open(true)
	if err := it.AfterMark(scanMarks[i3]); err != nil {
		t.Fatal(err)
	}
	if _, _, err := rest(it); !errors.Is(err, ErrSubjectGone) {
		t.Errorf("scan after deleted person-03: %v, want ErrSubjectGone", err)
	}
}
