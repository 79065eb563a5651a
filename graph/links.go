package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// Link is one distinct neighbour of a node through one predicate.
type Link struct {
	Pred  cgraph.Ref // the predicate, as given to Links
	Node  cgraph.Ref // the node at the other end
	Value quad.Value // its value (an IRI for our entities)
}

// LinkScan is what Links read.
type LinkScan struct {
	Links []Link
	// Reads counts the index entries, the index keys (incoming) and the
	// quads (outgoing) read: the unit of the caller's budget. A key's
	// liveness check and the neighbours' values are log reads on top.
	Reads int
	// Capped says that a bound stopped the reading before the end: links
	// may be missing.
	Capped bool
}

// LinkBounds bound a Links call.
type LinkBounds struct {
	// PerPred is the most quads (outgoing) or index keys (incoming) read
	// per predicate; <= 0: no bound.
	PerPred int
	// Reads is the most reads of the whole call; <= 0: no bound.
	Reads int
}

// Links lists the distinct nodes linked to node through each of preds:
// the objects of (node, pred, ?) when dir is quad.Subject, the subjects
// of (?, pred, node) when it is quad.Object. It reads index entries and
// Cayley's log in one read transaction, where Cayley's iterators would
// plan and open one scan per predicate and read every quad of an entity
// named in thousands of documents; path searches call it for each node
// they expand. Deleted quads are skipped. On PostgreSQL it is one
// statement (sqlread.go). ok is false when the store cannot (foreign
// references): scan quads instead
// (ScanQuads gives the same links, once per quad).
func (s *Store) Links(ctx context.Context, node cgraph.Ref, dir quad.Direction, preds []cgraph.Ref, bounds LinkBounds) (res LinkScan, ok bool, err error) {
	if s.db != nil {
		return s.sqlLinks(ctx, node, dir, preds, bounds)
	}
	n, isKV := node.(ckv.Int64Value)
	if s.mapped == nil || !isKV || (dir != quad.Subject && dir != quad.Object) {
		return res, false, nil
	}
	ids := make([]uint64, len(preds))
	for i, p := range preds {
		pi, isKV := p.(ckv.Int64Value)
		if !isKV {
			return res, false, nil
		}
		ids[i] = uint64(pi)
	}
	// spend takes one read; false when the call's bound is reached or
	// ctx is done (checked every so often: at a large budget one call
	// reads for a long time).
	var ctxErr error
	spend := func() bool {
		if bounds.Reads > 0 && res.Reads >= bounds.Reads {
			res.Capped = true
			return false
		}
		if res.Reads%256 == 255 {
			if ctxErr = ctx.Err(); ctxErr != nil {
				return false
			}
		}
		res.Reads++
		return true
	}
	err = s.mapped.view(func(tx *bolt.Tx) error {
		logB := tx.Bucket(logBucket)
		// Both of Cayley's default indexes or ok false (a store created
		// with other indexes): a path search must not read one direction
		// from keys and then scan it all again.
		sp, ops := spIndex.Key([]uint64{0, 0}), opsIndex.Key([]uint64{0, 0})
		if logB == nil || tx.Bucket(sp[0]) == nil || tx.Bucket(ops[0]) == nil {
			return nil
		}
		ok = true
		values := map[uint64]quad.Value{}
		add := func(pred cgraph.Ref, far uint64) error {
			v, seen := values[far]
			if !seen {
				var err error
				if v, err = nodeValue(logB, far); err != nil {
					return err
				}
				values[far] = v
			}
			res.Links = append(res.Links, Link{Pred: pred, Node: ckv.Int64Value(far), Value: v})
			return nil
		}
		for i, pid := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			if !spend() {
				return nil
			}
			var more bool
			var err error
			if dir == quad.Subject {
				more, err = linkObjects(tx, logB, uint64(n), pid, bounds.PerPred, spend, func(o uint64) error { return add(preds[i], o) })
			} else {
				more, err = linkSubjects(tx, logB, uint64(n), pid, bounds.PerPred, spend, func(s uint64) error { return add(preds[i], s) })
			}
			if err != nil {
				return err
			}
			if ctxErr != nil {
				return ctxErr
			}
			if more {
				res.Capped = true
			}
			if res.Capped && bounds.Reads > 0 && res.Reads >= bounds.Reads {
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return LinkScan{}, false, fmt.Errorf("graph: links: %w", err)
	}
	if !ok {
		return LinkScan{}, false, nil
	}
	return res, true, nil
}

// linkObjects calls fn with each distinct live object of (sub, pred, ?)
// from the (subject, predicate) entry, reading at most perPred quads;
// more reports that a bound stopped it.
func linkObjects(tx *bolt.Tx, logB *bolt.Bucket, sub, pred uint64, perPred int, spend func() bool, fn func(uint64) error) (more bool, err error) {
	k := spIndex.Key([]uint64{sub, pred})
	entry := tx.Bucket(k[0]).Get(k[1])
	seen := map[uint64]bool{}
	// The entry lists every quad of (sub, pred), one per document: read
	// its ids one at a time, up to the bound.
	for i := 0; len(entry) > 0; i++ {
		if (perPred > 0 && i >= perPred) || !spend() {
			return true, nil
		}
		id, n := binary.Uvarint(entry)
		if n <= 0 {
			return false, errors.New("malformed index entry")
		}
		entry = entry[n:]
		p, err := logPrimitive(logB, id)
		if err != nil {
			return false, err
		}
		if p == nil || p.Deleted || seen[p.Object] {
			continue
		}
		seen[p.Object] = true
		if err := fn(p.Object); err != nil {
			return false, err
		}
	}
	return false, nil
}

// linkSubjects calls fn with each subject of (?, pred, obj) that has a
// live quad, from the keys of the (object, predicate, subject) index,
// reading at most perPred keys; more reports that a bound stopped it.
func linkSubjects(tx *bolt.Tx, logB *bolt.Bucket, obj, pred uint64, perPred int, spend func() bool, fn func(uint64) error) (more bool, err error) {
	k := opsIndex.Key([]uint64{obj, pred})
	c := tx.Bucket(k[0]).Cursor()
	read := 0
	for key, v := c.Seek(k[1]); key != nil && bytes.HasPrefix(key, k[1]); key, v = c.Next() {
		if len(key) != len(k[1])+8 {
			continue
		}
		if (perPred > 0 && read >= perPred) || !spend() {
			return true, nil
		}
		read++
		live, err := anyLive(logB, v)
		if err != nil {
			return false, err
		}
		if live {
			if err := fn(binary.BigEndian.Uint64(key[len(k[1]):])); err != nil {
				return false, err
			}
		}
	}
	return false, nil
}
