package graph

import (
	"context"
	"fmt"
	"sort"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// TestListQuads checks PostgreSQL's listings in write order: over several
// stretches (more quads than firstListing), each filter
// gives exactly the quads a full scan sorted by horizon gives, in that
// order, and the same quads as Cayley's own iterator.
func TestListQuads(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, postgresConfig(t))
	// Two commits, so that the later one's quads come after.
	write(t, s, synthCorpus(0, 90, 1)...)
	write(t, s, synthCorpus(90, 90, 1)...)
	qs := s.QuadStore()
	ref := func(v quad.Value) cgraph.Ref {
		r, err := qs.ValueOf(v)
		if err != nil || r == nil {
			t.Fatalf("%v: %v %v", v, r, err)
		}
		return r
	}
	typ, name, evSub := ref(quad.IRI(schema.PredType)), ref(quad.IRI(schema.PredName)), ref(quad.IRI(schema.PredEvSubject))
	city := ref(quad.IRI(schema.City.IRI()))
	// The entity that is the subject of the most facts.
	evHash, _ := sqlRef(evSub)
	var busy csql.NodeHash
	if err := s.db.QueryRowContext(ctx, `SELECT object_hash FROM quads WHERE predicate_hash = $1
		GROUP BY object_hash ORDER BY count(*) DESC, object_hash LIMIT 1`, evHash).Scan(&busy); err != nil {
		t.Fatal(err)
	}
	var busyRef cgraph.Ref = busy
	for _, c := range []struct {
		name   string
		filter map[quad.Direction]cgraph.Ref
		col    string
		min    int
	}{
		{"cities", map[quad.Direction]cgraph.Ref{quad.Predicate: typ, quad.Object: city}, "object_hash", firstListing + 1},
		{"its evidence", map[quad.Direction]cgraph.Ref{quad.Predicate: evSub, quad.Object: busyRef}, "object_hash", 5},
		{"its names", map[quad.Direction]cgraph.Ref{quad.Subject: busyRef, quad.Predicate: name}, "subject_hash", 5},
	} {
		var other quad.Direction = quad.Object
		if c.col == "subject_hash" {
			other = quad.Subject
		}
		if c.filter[other] == nil {
			t.Fatalf("%s: no node", c.name)
		}
		ph, _ := sqlRef(c.filter[quad.Predicate])
		nh, _ := sqlRef(c.filter[other])
		rows, err := s.db.QueryContext(ctx, `SELECT subject_hash, predicate_hash, object_hash, coalesce(label_hash, ''::bytea) FROM quads
			WHERE predicate_hash = $1 AND `+c.col+` = $2 ORDER BY horizon`, ph, nh)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for rows.Next() {
			var a, b, d, l []byte
			if err := rows.Scan(&a, &b, &d, &l); err != nil {
				t.Fatal(err)
			}
			want = append(want, fmt.Sprintf("%x %x %x %x", a, b, d, l))
		}
		rows.Close()
		if len(want) < c.min {
			t.Fatalf("%s: %d quads, the test wants at least %d", c.name, len(want), c.min)
		}
		it, ok := s.ListQuads(ctx, c.filter)
		if !ok {
			t.Fatalf("%s: not listed", c.name)
		}
		got := listed(t, qs, it)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: listed %d quads, want %d in write order:\n got  %v\n want %v", c.name, len(got), len(want), got, want)
		}
		cayley := listed(t, qs, ScanQuads(ctx, qs, c.filter))
		if fmt.Sprint(sorted(cayley)) != fmt.Sprint(sorted(got)) {
			t.Errorf("%s: Cayley's scan gives other quads:\n cayley %v\n listed %v", c.name, cayley, got)
		}
	}
	// Filters it does not list.
	for _, f := range []map[quad.Direction]cgraph.Ref{
		{quad.Predicate: typ},
		{quad.Subject: busyRef, quad.Object: city},
		{quad.Subject: busyRef, quad.Predicate: name, quad.Object: city},
	} {
		if _, ok := s.ListQuads(ctx, f); ok {
			t.Errorf("ListQuads(%v) listed", f)
		}
	}
}

// listed is the quads a scanner gives, as hex hashes.
func listed(t *testing.T, qs cgraph.QuadStore, it iterator.Scanner) []string {
	t.Helper()
	defer it.Close()
	ctx := context.Background()
	var out []string
	for it.Next(ctx) {
		var hs []string
		for _, d := range quad.Directions {
			n, err := qs.QuadDirection(it.Result(), d)
			if err != nil {
				t.Fatal(err)
			}
			h, _ := sqlRef(n)
			hs = append(hs, fmt.Sprintf("%x", h))
		}
		out = append(out, fmt.Sprintf("%s %s %s %s", hs[0], hs[1], hs[2], hs[3]))
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func sorted(in []string) []string {
	out := append([]string(nil), in...)
	sort.Strings(out)
	return out
}
