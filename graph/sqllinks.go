package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// LinkLists is what ManyLinks read of one node in one direction: per
// predicate, in the order given, the node's links in value-hash order,
// all of them or PerPred+1 when there are more (enough to say that the
// bound was reached).
type LinkLists [][]Link

// Bound gives what Links gives with bounds (whose PerPred is the one
// ManyLinks read with): the same counting and cutting (boundLinks), so a
// search that reads a frontier at once spends its budget node by node
// exactly as when it asks for each node.
func (l LinkLists) Bound(bounds LinkBounds) LinkScan {
	return boundLinks(l, bounds)
}

// Each is Bound without building the list: fn gets the index of each
// predicate (in the order ManyLinks was given them) that keeps links and
// the links it keeps, in order; it returns Bound's Reads and Capped.
func (l LinkLists) Each(bounds LinkBounds, fn func(pred int, kept []Link)) (reads int, capped bool) {
	return boundEach(l, bounds, fn)
}

// ManyLinks is Links of many nodes in one direction, read in one
// statement per maxBatch nodes, keyed by the node's Key(); every node
// given has an entry (with empty lists when it has no links). No read
// bound applies here: the caller spends its budget with Bound, node by
// node in its own order. ok is false on bolt (Links reads a node from
// memory-mapped pages in microseconds; reading ahead would only read the
// nodes a budget then skips) and for references not this store's.
//
// A bounded path search on PostgreSQL asked for each node it expanded
// in two statements (one per direction): ~240 statements, most of a
// connections page at 10k articles (BENCHMARKS.md). The lists are those
// sqlLinks reads, per node and predicate the same DISTINCT index scan
// with the same limit, so Bound gives the same links.
func (s *Store) ManyLinks(ctx context.Context, nodes []cgraph.Ref, dir quad.Direction, preds []cgraph.Ref, perPred int) (map[any]LinkLists, bool, error) {
	if s.db == nil || (dir != quad.Subject && dir != quad.Object) {
		return nil, false, nil
	}
	ps, ok := sqlRefs(preds)
	if !ok {
		return nil, false, nil
	}
	// Each node once, in the order given.
	var todo []cgraph.Ref
	out := make(map[any]LinkLists, len(nodes))
	for _, n := range nodes {
		if _, ok := sqlRef(n); !ok {
			return nil, false, nil
		}
		if _, seen := out[n.Key()]; seen {
			continue
		}
		out[n.Key()] = make(LinkLists, len(preds))
		todo = append(todo, n)
	}
	if len(preds) == 0 {
		return out, true, nil
	}
	for len(todo) > 0 {
		chunk := todo[:min(len(todo), maxBatch)]
		todo = todo[len(chunk):]
		if err := s.manyLinks(ctx, chunk, dir, preds, ps, perPred, out); err != nil {
			return nil, false, err
		}
	}
	return out, true, nil
}

// manyLinks reads one chunk of ManyLinks into out.
func (s *Store) manyLinks(ctx context.Context, nodes []cgraph.Ref, dir quad.Direction, preds []cgraph.Ref, ps [][]byte, perPred int, out map[any]LinkLists) error {
	hs, _ := sqlRefs(nodes)
	near, far := "subject_hash", "object_hash"
	if dir == quad.Object {
		near, far = "object_hash", "subject_hash"
	}
	limit := "ALL"
	if perPred > 0 {
		limit = fmt.Sprint(perPred + 1)
	}
	// sqlLinks' statement with the node an array too: per (node,
	// predicate) one index scan of the (near, predicate, far) prefix that
	// stops at the limit. The far nodes' values come from s.values and,
	// for those it lacks, a second statement: joined here, they were a
	// lookup per link, most of the statement's time, and the same nodes
	// again in every stretch and page (sqlq_values.go). The far hashes of
	// one (node, predicate) come as one bytea, in order: a row per link
	// cost the client more than the rest of a path search (database/sql
	// scans a row at ~1 µs and three allocations; a connections page
	// between two hubs reads ~8 500 links).
	rows, err := s.db.QueryContext(ctx, `SELECT m.i, p.i, l.fars
		FROM unnest($1::bytea[]) WITH ORDINALITY AS m(h, i)
		CROSS JOIN unnest($2::bytea[]) WITH ORDINALITY AS p(h, i)
		CROSS JOIN LATERAL (SELECT string_agg(d.far, ''::bytea ORDER BY d.far) AS fars
			FROM (SELECT DISTINCT `+far+` AS far FROM quads
				WHERE `+near+` = m.h AND predicate_hash = p.h ORDER BY `+far+` LIMIT `+limit+`) d) l
		WHERE l.fars IS NOT NULL
		ORDER BY m.i, p.i`, pq.ByteaArray(hs), pq.ByteaArray(ps))
	if err != nil {
		return fmt.Errorf("graph: many links: %w", err)
	}
	// lists holds one (node, predicate) list: its far hashes are
	// fars[from:to].
	type list struct {
		i, j     int64
		from, to int
	}
	var lists []list
	var fars []csql.NodeHash
	err = func() error {
		defer rows.Close()
		var packed []byte
		for rows.Next() {
			l := list{from: len(fars)}
			if err := rows.Scan(&l.i, &l.j, &packed); err != nil {
				return err
			}
			if len(packed)%quad.HashSize != 0 || l.i < 1 || int(l.i) > len(nodes) || l.j < 1 || int(l.j) > len(preds) {
				return fmt.Errorf("malformed row (%d, %d, %d bytes)", l.i, l.j, len(packed))
			}
			for b := packed; len(b) > 0; b = b[quad.HashSize:] {
				var h csql.NodeHash
				copy(h.ValueHash[:], b)
				fars = append(fars, h)
			}
			l.to = len(fars)
			lists = append(lists, l)
		}
		return rows.Err()
	}()
	if err != nil {
		return fmt.Errorf("graph: many links: %w", err)
	}
	vals, err := s.valuesOf(ctx, fars)
	if err != nil {
		return fmt.Errorf("graph: many links: %w", err)
	}
	// One array for the chunk's links, each list a full slice of it (an
	// append to one cannot overwrite the next); each node's entry of out
	// looked up once (a NodeHash's Key allocates).
	all := make([]Link, 0, len(fars))
	byNode := make([]LinkLists, len(nodes))
	for i, n := range nodes {
		byNode[i] = out[n.Key()]
	}
	for _, l := range lists {
		start := len(all)
		for k, h := range fars[l.from:l.to] {
			v := vals[l.from+k]
			if v == nil {
				continue // no node row: the join with nodes left the link out
			}
			all = append(all, Link{Pred: preds[l.j-1], Node: h, Value: v})
		}
		byNode[l.i-1][l.j-1] = all[start:len(all):len(all)]
	}
	return nil
}
