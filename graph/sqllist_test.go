package graph

import (
	"context"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
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
	ref := refOf(t, qs)
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

// refOf is the store's reference of a value the test's quads hold.
func refOf(t *testing.T, qs cgraph.QuadStore) func(quad.Value) cgraph.Ref {
	return func(v quad.Value) cgraph.Ref {
		t.Helper()
		r, err := qs.ValueOf(v)
		if err != nil || r == nil {
			t.Fatalf("%v: %v %v", v, r, err)
		}
		return r
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

// TestListSubjectsWhose: the busy entity's evidence kept by predicate is,
// for each predicate, the full listing filtered in the client by the
// evidence's first ng:predicate object (as queries' accept reads it), in
// the same order; the predicates' listings together are the whole
// listing. The listing spans several stretches, and the rarest
// predicate's leaves some stretches with nothing kept (stretches of 4,
// 8, 16 … here: the synthetic corpus's busiest entity has a few dozen).
func TestListSubjectsWhose(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, postgresConfig(t))
	write(t, s, synthCorpus(0, 150, 1)...)
	write(t, s, synthCorpus(150, 150, 1)...)
	qs := s.QuadStore()
	ref := refOf(t, qs)
	evSub, evPred := ref(quad.IRI(schema.PredEvSubject)), ref(quad.IRI(schema.PredEvPredicate))
	evHash, _ := sqlRef(evSub)
	var busy csql.NodeHash
	if err := s.db.QueryRowContext(ctx, `SELECT object_hash FROM quads WHERE predicate_hash = $1
		GROUP BY object_hash ORDER BY count(*) DESC, object_hash LIMIT 1`, evHash).Scan(&busy); err != nil {
		t.Fatal(err)
	}
	hashRef := func(hexHash string) csql.NodeHash {
		var n csql.NodeHash
		b, _ := hex.DecodeString(hexHash)
		if err := n.Scan(b); err != nil {
			t.Fatal(err)
		}
		return n
	}
	filter := map[quad.Direction]cgraph.Ref{quad.Predicate: evSub, quad.Object: busy}
	it, _ := s.ListQuads(ctx, filter)
	all := listed(t, qs, it)
	const first = 4
	if len(all) <= 3*first {
		t.Fatalf("the busy entity has %d evidence quads; the test wants more than %d (three stretches)", len(all), 3*first)
	}
	// Each evidence node's predicate as accept reads it: the first of
	// Cayley's scan of (ev, ng:predicate).
	predOf := map[string]string{}
	byPred := map[string][]string{}
	for _, q := range all {
		sub := strings.Fields(q)[0]
		p, ok := predOf[sub]
		if !ok {
			sc := ScanQuads(ctx, qs, map[quad.Direction]cgraph.Ref{quad.Subject: hashRef(sub), quad.Predicate: evPred})
			if sc.Next(ctx) {
				o, _ := qs.QuadDirection(sc.Result(), quad.Object)
				oh, _ := sqlRef(o)
				p = fmt.Sprintf("%x", oh)
			}
			sc.Close()
			predOf[sub] = p
		}
		byPred[p] = append(byPred[p], q)
	}
	if len(byPred) < 2 {
		t.Fatalf("the busy entity's evidence has %d predicates; the test wants several", len(byPred))
	}
	total := 0
	for p, want := range byPred {
		it, ok := s.ListSubjectsWhose(ctx, filter, evPred, hashRef(p))
		if !ok {
			t.Fatal("not listed")
		}
		it.(*sqlListing).size = first
		got := listed(t, qs, it)
		total += len(got)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("predicate %s: listed %d, want %d in write order:\n got  %v\n want %v", p, len(got), len(want), got, want)
		}
	}
	if total != len(all) {
		t.Errorf("the predicates' listings hold %d quads, the listing %d", total, len(all))
	}
	if _, ok := s.ListSubjectsWhose(ctx, map[quad.Direction]cgraph.Ref{quad.Subject: busy, quad.Predicate: evSub}, evPred, evPred); ok {
		t.Error("a listing by subject was filtered")
	}
}
