package graph

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// Pruning deleted quads from index entries (bolt).
//
// Cayley's KV store deletes a quad by marking its log entry dead; the ids
// stay in every index entry that listed it. Iterators skip them, but an
// entry's length is what counts read (CountQuads: "documents that mention
// X" would go on counting a deleted document), Subjects must check keys
// for a live quad, and every later read of the entry pays for the dead
// ids. So after a write that removed quads, graph takes the dead ids of
// the touched labels out of every index entry itself, in one bolt
// transaction of its own (under the store's write lock, so no Cayley
// write runs in between). A crash between the two transactions only
// leaves dead ids behind, which is what Cayley would have done anyway;
// the next write that removes quads of the same label prunes them.

// Cayley's bucket and meta key names (graph/kv/indexing.go), which it
// does not export.
var (
	logBucket       = []byte("log")
	metaBucket      = []byte("meta")
	metaIndexesKey  = []byte("indexes")
	labelIndexDirs  = []quad.Direction{quad.Label}
	errNoLabelIndex = errors.New("no label index")
)

// labelIDs returns the node ids of labels (nil entries for labels no quad
// uses), for pruneLabels after a write that may delete the label nodes.
func (s *Store) labelIDs(labels []quad.Value) ([]uint64, error) {
	if s.mapped == nil {
		return nil, nil
	}
	var out []uint64
	for _, l := range labels {
		r, err := s.qs.ValueOf(l)
		if err != nil {
			return nil, err
		}
		if id, ok := r.(ckv.Int64Value); ok {
			out = append(out, uint64(id))
		}
	}
	return out, nil
}

// pruneLabels takes the ids of the dead quads of the given labels (node
// ids from labelIDs) out of every index entry that lists them. Bolt only.
func (s *Store) pruneLabels(ctx context.Context, labels []uint64) error {
	if s.mapped == nil || len(labels) == 0 {
		return nil
	}
	err := s.mapped.update(func(tx *bolt.Tx) error {
		indexes, err := kvIndexesOf(tx)
		if err != nil {
			return err
		}
		var byLabel *ckv.QuadIndex
		for i := range indexes {
			if slices.Equal(indexes[i].Dirs, labelIndexDirs) {
				byLabel = &indexes[i]
			}
		}
		if byLabel == nil {
			return errNoLabelIndex // nothing finds a label's quads cheaply
		}
		logB := tx.Bucket(logBucket)
		if logB == nil {
			return errors.New("no log bucket")
		}
		// Every index entry that lists a dead quad, and those ids.
		type entry struct{ bucket, key string }
		dead := map[entry]map[uint64]bool{}
		mark := func(e entry, id uint64) {
			m := dead[e]
			if m == nil {
				m = map[uint64]bool{}
				dead[e] = m
			}
			m[id] = true
		}
		for _, l := range labels {
			if err := ctx.Err(); err != nil {
				return err
			}
			lk := byLabel.Key([]uint64{l})
			b := tx.Bucket(lk[0])
			if b == nil {
				continue
			}
			ids, err := decodeIDs(b.Get(lk[1]))
			if err != nil {
				return fmt.Errorf("label index of node %d: %w", l, err)
			}
			for _, id := range ids {
				p, err := logPrimitive(logB, id)
				if err != nil {
					return err
				}
				if p == nil || !p.Deleted || p.IsNode() {
					continue
				}
				for _, ind := range indexes {
					k := ind.KeyFor(p)
					mark(entry{string(k[0]), string(k[1])}, id)
				}
			}
		}
		for e, ids := range dead {
			bucket, key := []byte(e.bucket), []byte(e.key)
			b := tx.Bucket(bucket)
			if b == nil {
				continue
			}
			kept, err := withoutIDs(b.Get(key), ids)
			if err != nil {
				return fmt.Errorf("index %q: %w", bucket, err)
			}
			if len(kept) == 0 {
				err = b.Delete(key)
			} else {
				err = b.Put(key, kept)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errNoLabelIndex) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("graph: prune deleted quads from indexes: %w", err)
	}
	return nil
}

// kvIndexesOf reads the store's index list as Cayley recorded it.
func kvIndexesOf(tx *bolt.Tx) ([]ckv.QuadIndex, error) {
	meta := tx.Bucket(metaBucket)
	if meta == nil {
		return nil, errors.New("no meta bucket")
	}
	raw := meta.Get(metaIndexesKey)
	if raw == nil {
		return nil, errNoLabelIndex // Cayley's legacy indexes: none by label
	}
	var out []ckv.QuadIndex
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("index list: %w", err)
	}
	return out, nil
}

// decodeIDs reads an index entry: the quads' ids as uvarints.
func decodeIDs(b []byte) ([]uint64, error) {
	var out []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errors.New("malformed index entry")
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

// withoutIDs re-encodes an index entry without the given ids.
func withoutIDs(b []byte, drop map[uint64]bool) ([]byte, error) {
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errors.New("malformed index entry")
		}
		if !drop[v] {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out, nil
}

// labelsRemoving lists the labels of the quads a transaction removes,
// other than the store's bookkeeping labels (whose entries stay small).
func labelsRemoving(deltas []cgraph.Delta) []quad.Value {
	var out []quad.Value
	seen := map[string]bool{}
	for _, d := range deltas {
		if d.Action != cgraph.Delete || d.Quad.Label == nil {
			continue
		}
		k := d.Quad.Label.String()
		if seen[k] || k == iri(countsLabel).String() || k == iri(ballastLabel).String() {
			continue
		}
		seen[k] = true
		out = append(out, d.Quad.Label)
	}
	return out
}
