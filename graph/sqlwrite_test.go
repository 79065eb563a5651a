package graph

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// TestSQLBulkWriteMatchesCayley writes the same quads, one value of every
// type, through the bulk path and through Cayley's own ApplyDeltas into
// two stores, and checks both read back the same through Cayley, with node
// reference counts that match the quads.
func TestSQLBulkWriteMatchesCayley(t *testing.T) {
	ctx := context.Background()
	bulk := openStore(t, postgresConfig(t))
	plain := openStore(t, postgresConfig(t))
	label := iri("doc:bulk-test")
	subj := iri("ent:person/ada-quill")
	var qs []quad.Quad
	for i, o := range []quad.Value{
		iri("ent:city/brenmoor"), quad.String("Ada \"Quill\"\nsecond line"), quad.LangString{Value: "Brenmoor", Lang: "de"},
		quad.TypedString{Value: "42", Type: "xsd:decimal"}, quad.Int(-7), quad.Float(0.25), quad.Bool(true),
		quad.Time(time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)), quad.BNode("b1"),
		// What COPY's text form escapes or could misread: a tab, a
		// carriage return, backslashes, its NULL marker as text, and
		// a time off UTC with a fraction of a microsecond.
		quad.String("col\tumn\r\nend \\ back"), quad.String(`\N`), quad.TypedString{Value: `a\b`, Type: "xsd:string"},
		quad.LangString{Value: "tab\there", Lang: "en-GB"}, quad.Float(-1e300), quad.Int(1 << 62), quad.Bool(false),
		quad.Time(time.Date(2017, 3, 9, 23, 59, 59, 123456789, time.FixedZone("x", -5*3600))),
	} {
		qs = append(qs, quad.Quad{Subject: subj, Predicate: iri("ng:p" + string(rune('a'+i))), Object: o, Label: label})
	}
	qs = append(qs, quad.Quad{Subject: subj, Predicate: iri("ng:unlabelled"), Object: quad.String("x")})
	deltas := func(qs []quad.Quad, a cgraph.Procedure) []cgraph.Delta {
		var out []cgraph.Delta
		for _, q := range qs {
			out = append(out, cgraph.Delta{Quad: q, Action: a})
		}
		return out
	}
	if err := bulk.applyDeltas(ctx, deltas(qs, cgraph.Add)); err != nil {
		t.Fatalf("bulk write: %v", err)
	}
	if err := plain.qs.ApplyDeltas(deltas(qs, cgraph.Add), cgraph.IgnoreOpts{}); err != nil {
		t.Fatalf("Cayley's write: %v", err)
	}
	if got, want := storeQuads(t, bulk), storeQuads(t, plain); !slices.Equal(got, want) {
		t.Errorf("bulk and Cayley writes read back differently:\n%s", diffLines(got, want))
	}
	if got, want := nodeRows(t, bulk), nodeRows(t, plain); !slices.Equal(got, want) {
		t.Errorf("bulk and Cayley writes stored different node rows:\n%s", diffLines(got, want))
	}
	checkNodeRefs(t, bulk)

	// The same quad again fails the whole transaction, as Cayley's does:
	// the new quad beside it is not written.
	again := append(deltas(qs[:1], cgraph.Add), cgraph.Delta{Quad: quad.Quad{Subject: subj, Predicate: iri("ng:new"), Object: quad.Int(1), Label: label}, Action: cgraph.Add})
	before := storeQuads(t, bulk)
	if err := bulk.applyDeltas(ctx, again); err == nil || !retryable(err) {
		t.Errorf("duplicate quad: got %v, want a retryable conflict", err)
	}
	if got := storeQuads(t, bulk); !slices.Equal(got, before) {
		t.Errorf("a failed transaction left changes:\n%s", diffLines(got, before))
	}

	// Removing a quad that is not there fails (another writer removed it).
	missing := deltas([]quad.Quad{{Subject: subj, Predicate: iri("ng:absent"), Object: quad.Int(1), Label: label}}, cgraph.Delete)
	if err := bulk.applyDeltas(ctx, missing); !errors.Is(err, cgraph.ErrQuadNotExist) {
		t.Errorf("missing quad: got %v, want ErrQuadNotExist", err)
	}

	// Removing everything leaves no node behind.
	if err := bulk.applyDeltas(ctx, deltas(qs, cgraph.Delete)); err != nil {
		t.Fatalf("bulk delete: %v", err)
	}
	var n int
	if err := bulk.db.QueryRowContext(ctx, `SELECT count(*) FROM quads q JOIN nodes n ON n.hash = q.subject_hash WHERE n.value_string = $1`, string(subj)).Scan(&n); err != nil || n != 0 {
		t.Errorf("quads left after delete: %d (%v)", n, err)
	}
	if err := bulk.db.QueryRowContext(ctx, `SELECT count(*) FROM nodes WHERE value_string = $1`, string(subj)).Scan(&n); err != nil || n != 0 {
		t.Errorf("subject node left after delete: %d (%v)", n, err)
	}
	checkNodeRefs(t, bulk)
}

// TestSQLBulkWriteDocuments checks the reference counts after documents
// are added, replaced by a shorter version and deleted, the paths
// WriteDocuments and DeleteDocument take.
func TestSQLBulkWriteDocuments(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, postgresConfig(t))
	write(t, s, extractionA(textA), extractionB(textB))
	checkNodeRefs(t, s)
	short := extractionA(textA + " Changed.")
	short.Facts = short.Facts[:1]
	if r := write(t, s, short); r[0].Status != StatusReplaced {
		t.Fatalf("replacement: %+v", r[0])
	}
	checkNodeRefs(t, s)
	if _, err := s.DeleteDocument(ctx, "article-a"); err != nil {
		t.Fatal(err)
	}
	checkNodeRefs(t, s)
}

// nodeRows is every row of the nodes table, every column as PostgreSQL
// prints it, in hash order.
func nodeRows(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT n::text FROM nodes n ORDER BY hash`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkNodeRefs asserts that every node's reference count is the number
// of quad directions naming it, and that no node is unreferenced.
func checkNodeRefs(t *testing.T, s *Store) {
	t.Helper()
	var bad, total int
	err := s.db.QueryRow(`WITH r AS (
		SELECT h, count(*) AS c FROM (
			SELECT subject_hash AS h FROM quads UNION ALL SELECT predicate_hash FROM quads
			UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL) x
		GROUP BY h)
		SELECT count(*) FILTER (WHERE r.c IS DISTINCT FROM n.refs), count(*) FROM nodes n FULL JOIN r ON r.h = n.hash`).Scan(&bad, &total)
	if err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("%d of %d nodes have a reference count that differs from their quads", bad, total)
	}
}
