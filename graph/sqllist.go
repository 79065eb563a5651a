package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
)

// Listings on PostgreSQL in store order. A saved query's page walks a
// listing — an entity's evidence (?, ng:subject, entity), a class's
// members (?, rdf:type, class) — and stops once the page is full. Through
// Cayley's SQL iterator a listing is one statement without ORDER BY or
// LIMIT: PostgreSQL reads every quad of it (all of a hub's evidence, a
// heap page each: 0.4–0.9 s p99 for hub pages at 10k articles,
// BENCHMARKS.md) even when the page needs a hundred, and the order is
// whatever plan it picked (a bitmap scan gives heap order, an index scan
// subject-hash order). ListQuads reads the same quads in stretches along
// an index that ends in the quads' horizon (their write order, Cayley's
// primary key): each stretch is a LIMITed statement resuming after the
// last horizon read (keyset pagination), so a page reads about what it
// shows, and the order is the documented "first stored first", the heap
// order the bitmap scans of hubs gave on a store that only grew.

// listingIndexes are the (direction, direction) prefixes ListQuads reads
// along an index ending in horizon, and those indexes (sqlIndexes).
var listingIndexes = map[[2]quad.Direction]string{
	{quad.Predicate, quad.Object}:  "ng_pos_horizon",
	{quad.Subject, quad.Predicate}: "ng_sp_horizon",
}

// First stretch of a listing, and the most: a default page is 100
// records; a filtered page (roles: a person's role facts among all their
// evidence) may read thousands, so stretches double.
const (
	firstListing = 128
	maxListing   = 4096
)

// ListQuads lists the quads matching filter (two directions, one of them
// the predicate, the other the subject or the object) in write order, in
// LIMITed stretches; ok false when the store has no SQL or the filter is
// not one it lists (use ScanQuads). The caller closes the scanner.
func (s *Store) ListQuads(ctx context.Context, filter map[quad.Direction]cgraph.Ref) (iterator.Scanner, bool) {
	if s.db == nil || len(filter) != 2 || filter[quad.Predicate] == nil {
		return nil, false
	}
	var other quad.Direction
	for d := range filter {
		if d != quad.Predicate {
			other = d
		}
	}
	if other != quad.Subject && other != quad.Object {
		return nil, false
	}
	ph, ok1 := sqlRef(filter[quad.Predicate])
	oh, ok2 := sqlRef(filter[other])
	if !ok1 || !ok2 {
		return nil, false
	}
	return &sqlListing{s: s, col: other.String() + "_hash", pred: ph, node: oh, size: firstListing}, true
}

// ListSubjectsWhose is ListQuads of a filter that fixes the object and the
// predicate, keeping only the quads whose subject's first object of
// pred — the lowest object hash, the first of Cayley's scan of
// (subject, pred) — is obj. roles and statements list an entity's
// evidence (?, ng:subject, entity) for those of one predicate (role,
// said): read in full, that was up to 4 096 quads a stretch sent to the
// client and a second statement per stretch to read their predicates,
// to keep a fraction; here PostgreSQL sorts them out as it reads the
// stretch, and only those kept travel.
func (s *Store) ListSubjectsWhose(ctx context.Context, filter map[quad.Direction]cgraph.Ref, pred, obj cgraph.Ref) (iterator.Scanner, bool) {
	if filter[quad.Subject] != nil {
		return nil, false
	}
	ph, ok1 := sqlRef(pred)
	oh, ok2 := sqlRef(obj)
	if !ok1 || !ok2 {
		return nil, false
	}
	sc, ok := s.ListQuads(ctx, filter)
	if !ok {
		return nil, false
	}
	l := sc.(*sqlListing)
	l.whosePred, l.whoseObj = ph, oh
	return l, true
}

// sqlListing is ListQuads' scanner.
type sqlListing struct {
	s          *Store
	col        string // subject_hash or object_hash
	pred, node []byte
	after      int64 // the last horizon read; 0 before the first stretch (horizons start at 1)
	// whosePred, whoseObj: ListSubjectsWhose's condition, when set.
	whosePred, whoseObj []byte
	size                int
	buf                 []csql.QuadHashes
	pos                 int
	done                bool
	cur                 cgraph.Ref
	err                 error
}

func (l *sqlListing) Next(ctx context.Context) bool {
	for l.pos >= len(l.buf) {
		if l.done || l.err != nil {
			l.cur = nil
			return false
		}
		l.err = l.fill(ctx)
	}
	l.cur = l.buf[l.pos]
	l.pos++
	return true
}

// fill reads the next stretch. The equalities and the ORDER BY match the
// index's columns, so PostgreSQL walks it from the last horizon read and
// stops at the LIMIT (EXPLAIN in BENCHMARKS.md).
func (l *sqlListing) fill(ctx context.Context) error {
	if l.whosePred != nil {
		return l.fillWhose(ctx)
	}
	rows, err := l.s.db.QueryContext(ctx, `SELECT horizon, subject_hash, predicate_hash, object_hash, label_hash FROM quads
		WHERE predicate_hash = $1 AND `+l.col+` = $2 AND horizon > $3
		ORDER BY horizon LIMIT $4`, l.pred, l.node, l.after, l.size)
	if err != nil {
		return fmt.Errorf("graph: listing: %w", err)
	}
	defer rows.Close()
	l.buf, l.pos = l.buf[:0], 0
	for rows.Next() {
		var s, p, o, lb csql.NodeHash
		if err := rows.Scan(&l.after, &s, &p, &o, &lb); err != nil {
			return fmt.Errorf("graph: listing: %w", err)
		}
		l.buf = append(l.buf, quadHashes(s, p, o, lb))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("graph: listing: %w", err)
	}
	if len(l.buf) < l.size {
		l.done = true
	}
	l.size = min(2*l.size, maxListing)
	return nil
}

// fillWhose reads the next stretch of ListSubjectsWhose: the same window
// of the listing as fill (l.size quads in write order), of which it
// returns the quads kept, and the window's last one to resume after. The
// condition is applied outside the LIMITed window: applied to the listing
// itself, PostgreSQL expected few rows to pass it and read the whole
// listing by a bitmap scan and sorted it (23 581 evidence quads of a busy
// person, 4.4 s) instead of walking the index in order. The condition is a
// scalar subquery, run per row along the spo index (written as EXISTS or a
// join it may be planned as a join over every quad of the predicate, as
// HasObjects' EXISTS form was: 4 s).
func (l *sqlListing) fillWhose(ctx context.Context) error {
	rows, err := l.s.db.QueryContext(ctx, `SELECT x.horizon, x.subject_hash, x.predicate_hash, x.object_hash, x.label_hash, coalesce(x.keep, false), x.n FROM (
			SELECT w.*, count(*) OVER () AS n, max(w.horizon) OVER () AS last,
				(SELECT f.object_hash FROM quads f WHERE f.subject_hash = w.subject_hash AND f.predicate_hash = $5
					ORDER BY f.object_hash LIMIT 1) = $6 AS keep
			FROM (SELECT horizon, subject_hash, predicate_hash, object_hash, label_hash FROM quads
				WHERE predicate_hash = $1 AND `+l.col+` = $2 AND horizon > $3
				ORDER BY horizon LIMIT $4) w) x
		WHERE x.keep OR x.horizon = x.last
		ORDER BY x.horizon`, l.pred, l.node, l.after, l.size, l.whosePred, l.whoseObj)
	if err != nil {
		return fmt.Errorf("graph: listing: %w", err)
	}
	defer rows.Close()
	l.buf, l.pos = l.buf[:0], 0
	var n int
	for rows.Next() {
		var s, p, o, lb csql.NodeHash
		var keep bool
		if err := rows.Scan(&l.after, &s, &p, &o, &lb, &keep, &n); err != nil {
			return fmt.Errorf("graph: listing: %w", err)
		}
		if keep {
			l.buf = append(l.buf, quadHashes(s, p, o, lb))
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("graph: listing: %w", err)
	}
	if n < l.size {
		l.done = true
	}
	l.size = min(2*l.size, maxListing)
	return nil
}

// quadHashes is a listed row as Cayley's SQL reference of a quad.
func quadHashes(s, p, o, lb csql.NodeHash) csql.QuadHashes {
	var q csql.QuadHashes
	q.Set(quad.Subject, s.ValueHash)
	q.Set(quad.Predicate, p.ValueHash)
	q.Set(quad.Object, o.ValueHash)
	q.Set(quad.Label, lb.ValueHash)
	return q
}

func (l *sqlListing) Result() cgraph.Ref               { return l.cur }
func (l *sqlListing) Err() error                       { return l.err }
func (l *sqlListing) Close() error                     { l.done, l.buf = true, nil; return nil }
func (l *sqlListing) NextPath(context.Context) bool    { return false }
func (l *sqlListing) TagResults(map[string]cgraph.Ref) {}
func (l *sqlListing) String() string                   { return "sqlListing" }
