package graph

import (
	"context"
	"database/sql"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// Batched reads on PostgreSQL. A saved query's page walks a listing (an
// entity's evidence, its mentions, a class) and reads a few values of
// every node it lists; through Cayley's iterators that is one statement
// per value (roles/hub: 1 300 statements a page, BENCHMARKS.md), each an
// index lookup of well under a millisecond, so the page's time is round
// trips. These read the same values for many nodes in one statement:
// queries prefetch a stretch of the listing with them. Each answers ok
// false on a store without SQL (bolt reads its keys directly).

// SubjectQuad is one quad of a node as subject: its predicate and object
// references and the object's value.
type SubjectQuad struct {
	Pred, Object cgraph.Ref
	Value        quad.Value
}

// maxBatch bounds the nodes of one batched statement.
const maxBatch = 5000

// sqlRefs turns references into hashes for = ANY($1); ok is false when one
// is not this store's.
func sqlRefs(nodes []cgraph.Ref) ([][]byte, bool) {
	hs := make([][]byte, 0, len(nodes))
	for _, n := range nodes {
		h, ok := sqlRef(n)
		if !ok {
			return nil, false
		}
		hs = append(hs, h)
	}
	return hs, true
}

// batchArgs are the hashes of subs and pred for a batched statement; ok
// false when the store has no SQL, the batch is too large or a reference
// is not this store's.
func (s *Store) batchArgs(subs []cgraph.Ref, pred cgraph.Ref) (hs [][]byte, ph []byte, ok bool) {
	if s.db == nil || len(subs) > maxBatch {
		return nil, nil, false
	}
	if hs, ok = sqlRefs(subs); !ok {
		return nil, nil, false
	}
	ph, ok = sqlRef(pred)
	return hs, ph, ok
}

// SubjectQuads lists, for each node (as Key()), the quads it is the
// subject of, with predicates among preds (all when preds is empty), in
// the order Cayley's scan of the node's quads gives them (its
// (subject, predicate, object) index), with the objects' values.
func (s *Store) SubjectQuads(ctx context.Context, nodes []cgraph.Ref, preds []cgraph.Ref) (map[any][]SubjectQuad, bool, error) {
	if s.db == nil || len(nodes) > maxBatch {
		return nil, false, nil
	}
	hs, ok := sqlRefs(nodes)
	if !ok {
		return nil, false, nil
	}
	ps, ok := sqlRefs(preds)
	if !ok {
		return nil, false, nil
	}
	out := make(map[any][]SubjectQuad, len(nodes))
	if len(nodes) == 0 {
		return out, true, nil
	}
	// The objects' values from s.values and, for those it lacks, one
	// statement, each node once (sqlq_values.go): the same evidence
	// literals (rules, confidences, predicates' objects) recur across a
	// page, and a server reads the same page's again. Before, a lateral
	// lookup per quad (a plain join was planned as a hash join over every
	// node: 575 ms on a store of 300 articles, EXPLAIN ANALYZE).
	q := `SELECT q.subject_hash, q.predicate_hash, q.object_hash
		FROM quads q
		WHERE q.subject_hash = ANY($1)`
	args := []any{pq.ByteaArray(hs)}
	if len(ps) > 0 {
		q += ` AND q.predicate_hash = ANY($2)`
		args = append(args, pq.ByteaArray(ps))
	}
	q += ` ORDER BY q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash NULLS FIRST`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, false, fmt.Errorf("graph: subject quads: %w", err)
	}
	type spo struct{ sub, pred, obj csql.NodeHash }
	var quads []spo
	var objs []csql.NodeHash
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var x spo
			if err := rows.Scan(&x.sub, &x.pred, &x.obj); err != nil {
				return err
			}
			quads = append(quads, x)
			objs = append(objs, x.obj)
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, false, fmt.Errorf("graph: subject quads: %w", err)
	}
	vals, err := s.cachedValues(ctx, objs)
	if err != nil {
		return nil, false, fmt.Errorf("graph: subject quads: %w", err)
	}
	for _, x := range quads {
		v := vals[x.obj]
		if v == nil {
			continue // no node row: the lookup left the quad out
		}
		out[x.sub.Key()] = append(out[x.sub.Key()], SubjectQuad{Pred: x.pred, Object: x.obj, Value: v})
	}
	return out, true, nil
}

// NodeValues is NameOf of many nodes (by Key()); nodes the store does not
// have are left out.
func (s *Store) NodeValues(ctx context.Context, nodes []cgraph.Ref) (map[any]quad.Value, bool, error) {
	if s.db == nil || len(nodes) > maxBatch {
		return nil, false, nil
	}
	hs, ok := sqlRefs(nodes)
	if !ok {
		return nil, false, nil
	}
	out := make(map[any]quad.Value, len(nodes))
	if len(nodes) == 0 {
		return out, true, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT n.hash, `+nodeValueColumns("n")+` FROM nodes n WHERE n.hash = ANY($1)`, pq.ByteaArray(hs))
	if err != nil {
		return nil, false, fmt.Errorf("graph: node values: %w", err)
	}
	if err := scanValues(rows, out); err != nil {
		return nil, false, fmt.Errorf("graph: node values: %w", err)
	}
	return out, true, nil
}

// scanValues reads rows of a node hash and its nodeValueColumns into out
// and closes them.
func scanValues(rows *sql.Rows, out map[any]quad.Value) error {
	defer rows.Close()
	for rows.Next() {
		var h csql.NodeHash
		var r nodeRow
		if err := rows.Scan(append([]any{&h}, r.dest()...)...); err != nil {
			return err
		}
		v, err := r.value()
		if err != nil {
			return err
		}
		out[h.Key()] = v
	}
	return rows.Err()
}

// FirstObjects is, for each of subs (by Key()) that has a quad (sub,
// pred), the value of its first object: the first written (FirstObject)
// when byWrite, else the first of Cayley's scan of (sub, pred), the
// object with the lowest hash (what a lookup of one value reads).
func (s *Store) FirstObjects(ctx context.Context, subs []cgraph.Ref, pred cgraph.Ref, byWrite bool) (map[any]quad.Value, bool, error) {
	hs, ph, ok := s.batchArgs(subs, pred)
	if !ok {
		return nil, false, nil
	}
	out := make(map[any]quad.Value, len(subs))
	if len(subs) == 0 {
		return out, true, nil
	}
	var first string
	if byWrite {
		// The first written: along ng_sp_horizon (subject, predicate,
		// horizon), one index probe and one heap row per subject however
		// many such quads it has. Before that index a busy node's first
		// was read along the primary key and a quiet node's by sorting
		// its quads, told apart by counting up to 512 of them first: on
		// a page of busy persons that count alone visited 512 heap rows
		// each (0.7 s for entities/hub at 10k articles, BENCHMARKS.md).
		first = `(SELECT q.object_hash FROM quads q WHERE q.subject_hash = s.h AND q.predicate_hash = $2
			ORDER BY q.horizon LIMIT 1) f`
	} else {
		// Along the spo index: the lowest object, whatever its label (the
		// same value); sorting by label too read all 7 012 ng:text quads
		// of a quote said in 7 012 articles (765 ms).
		first = `(SELECT q.object_hash FROM quads q WHERE q.subject_hash = s.h AND q.predicate_hash = $2
			ORDER BY q.object_hash LIMIT 1) f`
	}
	// One lateral lookup per subject: DISTINCT ON over all of them read
	// every ng:name quad of a busy node (2.5 s for a page of roles at
	// 10 000 articles).
	rows, err := s.db.QueryContext(ctx, `SELECT s.h, `+nodeValueColumns("n")+`
		FROM unnest($1::bytea[]) AS s(h)
		CROSS JOIN LATERAL `+first+`
		CROSS JOIN LATERAL (SELECT * FROM nodes WHERE hash = f.object_hash LIMIT 1) n`, pq.ByteaArray(hs), ph)
	if err != nil {
		return nil, false, fmt.Errorf("graph: first objects: %w", err)
	}
	if err := scanValues(rows, out); err != nil {
		return nil, false, fmt.Errorf("graph: first objects: %w", err)
	}
	return out, true, nil
}

// CountKeys is CountKey of many subjects (by Key()): the quads (sub,
// pred[, obj]) of each; subjects without any are left out.
func (s *Store) CountKeys(ctx context.Context, subs []cgraph.Ref, pred, obj cgraph.Ref) (map[any]int64, bool, error) {
	hs, ph, ok := s.batchArgs(subs, pred)
	if !ok {
		return nil, false, nil
	}
	out := make(map[any]int64, len(subs))
	if len(subs) == 0 {
		return out, true, nil
	}
	q, args := `SELECT subject_hash, count(*) FROM quads WHERE subject_hash = ANY($1) AND predicate_hash = $2`, []any{pq.ByteaArray(hs), ph}
	if obj != nil {
		oh, ok := sqlRef(obj)
		if !ok {
			return nil, false, nil
		}
		q, args = q+` AND object_hash = $3`, append(args, oh)
	}
	rows, err := s.db.QueryContext(ctx, q+` GROUP BY subject_hash`, args...)
	if err != nil {
		return nil, false, fmt.Errorf("graph: count keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h csql.NodeHash
		var n int64
		if err := rows.Scan(&h, &n); err != nil {
			return nil, false, fmt.Errorf("graph: count keys: %w", err)
		}
		out[h.Key()] = n
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("graph: count keys: %w", err)
	}
	return out, true, nil
}

// FirstRefs is, for each of subs (by Key()) that has a quad (sub, pred),
// the object of the first of Cayley's scan of (sub, pred) (the lowest
// hash), without its value: an index-only read, to sort nodes out before
// reading their values.
func (s *Store) FirstRefs(ctx context.Context, subs []cgraph.Ref, pred cgraph.Ref) (map[any]cgraph.Ref, bool, error) {
	hs, ph, ok := s.batchArgs(subs, pred)
	if !ok {
		return nil, false, nil
	}
	out := make(map[any]cgraph.Ref, len(subs))
	if len(subs) == 0 {
		return out, true, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT ON (subject_hash) subject_hash, object_hash FROM quads
		WHERE subject_hash = ANY($1) AND predicate_hash = $2
		ORDER BY subject_hash, object_hash`, pq.ByteaArray(hs), ph)
	if err != nil {
		return nil, false, fmt.Errorf("graph: first refs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sub, obj csql.NodeHash
		if err := rows.Scan(&sub, &obj); err != nil {
			return nil, false, fmt.Errorf("graph: first refs: %w", err)
		}
		out[sub.Key()] = obj
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("graph: first refs: %w", err)
	}
	return out, true, nil
}

// HasObjects is, for each of subs (by Key()), which of objs it has a quad
// (sub, pred, obj) with, in the order of objs; subjects with none are
// left out. One index probe per (subject, object): a class listing needs
// to know which of a few classes an entity has, and reading its rdf:type
// quads read one per mention (2.2 s for a page of persons at 10k
// articles, BENCHMARKS.md).
func (s *Store) HasObjects(ctx context.Context, subs []cgraph.Ref, pred cgraph.Ref, objs []cgraph.Ref) (map[any][]cgraph.Ref, bool, error) {
	hs, ph, ok := s.batchArgs(subs, pred)
	if !ok {
		return nil, false, nil
	}
	ohs, ok := sqlRefs(objs)
	if !ok {
		return nil, false, nil
	}
	out := make(map[any][]cgraph.Ref, len(subs))
	if len(subs) == 0 || len(objs) == 0 {
		return out, true, nil
	}
	// A lateral LIMIT 1 per pair: as EXISTS it was planned as a join
	// over every rdf:type quad of the classes (4 s for a page of persons
	// at 10k articles under load).
	rows, err := s.db.QueryContext(ctx, `SELECT s.h, o.i FROM unnest($1::bytea[]) AS s(h)
		CROSS JOIN unnest($3::bytea[]) WITH ORDINALITY AS o(h, i)
		CROSS JOIN LATERAL (SELECT 1 FROM quads q WHERE q.subject_hash = s.h AND q.predicate_hash = $2 AND q.object_hash = o.h LIMIT 1) x
		ORDER BY s.h, o.i`, pq.ByteaArray(hs), ph, pq.ByteaArray(ohs))
	if err != nil {
		return nil, false, fmt.Errorf("graph: has objects: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sub csql.NodeHash
		var i int64
		if err := rows.Scan(&sub, &i); err != nil {
			return nil, false, fmt.Errorf("graph: has objects: %w", err)
		}
		out[sub.Key()] = append(out[sub.Key()], objs[i-1])
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("graph: has objects: %w", err)
	}
	return out, true, nil
}
