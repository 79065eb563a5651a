package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

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
	// Reads counts one per predicate looked up and one per link given:
	// the unit of the caller's budget, the same on every backend.
	Reads int
	// Capped says that a bound stopped the reading before the end: links
	// may be missing.
	Capped bool
}

// LinkBounds bound a Links call.
type LinkBounds struct {
	// PerPred is the most links given per predicate; <= 0: no bound.
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
//
// What a bound keeps does not depend on the store: per predicate, the
// links in the order of their node's value hash (Cayley's SQL node hash,
// by which PostgreSQL's indexes sort them), and every backend counts one
// read per predicate and one per link given (boundLinks). Bounds that
// counted quads read in store order made the same extraction answer
// differently on bolt and PostgreSQL, and on two stores filled in another
// order (shortest-path at 10k articles: 4 rows on bolt, 8 on PostgreSQL).
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
	all := make([][]Link, len(preds))
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
		reads := 0
		for i, pid := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			// Enough predicates to spend the read bound: those after it
			// are not given anyway.
			if bounds.Reads > 0 && reads >= bounds.Reads {
				break
			}
			reads++
			var links []Link
			add := func(far uint64) error {
				v, seen := values[far]
				if !seen {
					var err error
					if v, err = nodeValue(logB, far); err != nil {
						return err
					}
					values[far] = v
				}
				links = append(links, Link{Pred: preds[i], Node: ckv.Int64Value(far), Value: v})
				return nil
			}
			var err error
			if dir == quad.Subject {
				err = linkObjects(tx, logB, uint64(n), pid, add)
			} else {
				err = linkSubjects(tx, logB, uint64(n), pid, add)
			}
			if err != nil {
				return err
			}
			sortByHash(links)
			all[i] = links
			if bounds.PerPred > 0 {
				reads += min(len(links), bounds.PerPred)
			} else {
				reads += len(links)
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
	return boundLinks(all, bounds), true, nil
}

// sortByHash puts one predicate's links in the order of their values'
// hashes (PostgreSQL's index order of them).
func sortByHash(links []Link) {
	hs := make(map[cgraph.Ref][quad.HashSize]byte, len(links))
	for _, l := range links {
		var h [quad.HashSize]byte
		quad.HashTo(l.Value, h[:])
		hs[l.Node] = h
	}
	slices.SortStableFunc(links, func(a, b Link) int {
		ha, hb := hs[a.Node], hs[b.Node]
		return bytes.Compare(ha[:], hb[:])
	})
}

// boundLinks applies bounds to every predicate's links (in the order
// given, each predicate's in hash order: all of them, or at least
// PerPred+1 when there are more): one read per predicate looked up and
// one per link given, at most PerPred links per predicate; Capped when a
// bound left links out. Every backend ends here, so a bound keeps the
// same links on each.
func boundLinks(all [][]Link, bounds LinkBounds) LinkScan {
	var res LinkScan
	res.Reads, res.Capped = boundEach(all, bounds, func(_ int, kept []Link) {
		res.Links = append(res.Links, kept...)
	})
	return res
}

// boundEach is boundLinks without the copy: it calls fn with the index
// of each predicate that keeps links and the links it keeps (a prefix of
// its list), and returns the reads spent and whether a bound left links
// out. A path search takes thousands of links per page from lists read
// ahead (LinkLists.Each); copying them into one list first was a tenth
// of its CPU.
func boundEach(all [][]Link, bounds LinkBounds, fn func(pred int, kept []Link)) (reads int, capped bool) {
	for j, links := range all {
		if bounds.Reads > 0 && reads >= bounds.Reads {
			return reads, true // no read left for the predicate's lookup
		}
		reads++
		n, stop := len(links), false
		if bounds.PerPred > 0 && n > bounds.PerPred {
			n, capped = bounds.PerPred, true
		}
		if bounds.Reads > 0 && reads+n > bounds.Reads {
			n, stop = bounds.Reads-reads, true
		}
		reads += n
		if n > 0 {
			fn(j, links[:n])
		}
		if stop {
			return reads, true
		}
	}
	return reads, capped
}

// linkObjects calls fn with each distinct live object of (sub, pred, ?)
// from the (subject, predicate) entry.
func linkObjects(tx *bolt.Tx, logB *bolt.Bucket, sub, pred uint64, fn func(uint64) error) error {
	k := spIndex.Key([]uint64{sub, pred})
	entry := tx.Bucket(k[0]).Get(k[1])
	seen := map[uint64]bool{}
	// The entry lists every quad of (sub, pred), one per document.
	for len(entry) > 0 {
		id, n := binary.Uvarint(entry)
		if n <= 0 {
			return errors.New("malformed index entry")
		}
		entry = entry[n:]
		p, err := logPrimitive(logB, id)
		if err != nil {
			return err
		}
		if p == nil || p.Deleted || seen[p.Object] {
			continue
		}
		seen[p.Object] = true
		if err := fn(p.Object); err != nil {
			return err
		}
	}
	return nil
}

// linkSubjects calls fn with each subject of (?, pred, obj) that has a
// live quad, from the keys of the (object, predicate, subject) index.
func linkSubjects(tx *bolt.Tx, logB *bolt.Bucket, obj, pred uint64, fn func(uint64) error) error {
	k := opsIndex.Key([]uint64{obj, pred})
	c := tx.Bucket(k[0]).Cursor()
	for key, v := c.Seek(k[1]); key != nil && bytes.HasPrefix(key, k[1]); key, v = c.Next() {
		if len(key) != len(k[1])+8 {
			continue
		}
		live, err := anyLive(logB, v)
		if err != nil {
			return err
		}
		if live {
			if err := fn(binary.BigEndian.Uint64(key[len(k[1]):])); err != nil {
				return err
			}
		}
	}
	return nil
}
