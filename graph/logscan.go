package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	"github.com/boltdb/bolt"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"google.golang.org/protobuf/proto"
)

// Reading every quad of a bolt store. Cayley's all-quads iterator reads
// the log in id order, then builds each quad with four more log reads
// (its value cache is not used on that path): five B+tree lookups per
// quad, which at 80 M quads (100k articles) made one pass of an export
// take about twenty minutes. eachLogQuad walks the same log with one
// cursor, in the same order, and keeps node values in a bounded cache:
// a node is stored just before the first quads that use it (same write),
// and a document's quads are stored together, so most lookups hit.

// logBatch is how many log entries one read transaction of eachLogQuad
// reads: short transactions, so a long export neither pins bolt's old
// pages under a concurrent writer nor keeps the mapped-page watcher from
// releasing.
const logBatch = 8192

// valueCacheSize bounds the node values eachLogQuad keeps (entries); when
// full it starts afresh. Sentences are the largest values (~150 bytes).
const valueCacheSize = 1 << 17

// eachLogQuad calls fn with every live quad in Cayley's log, in log (id)
// order, which is QuadsAllIterator's, reading batch entries per read
// transaction and caching up to cache node values. fn runs outside bolt
// transactions. ok is false when the store has no bolt log to read (SQL
// backends).
func (s *Store) eachLogQuad(ctx context.Context, batchSize, cache int, fn func(quad.Quad) error) (ok bool, err error) {
	if s.mapped == nil {
		return false, nil
	}
	values := map[uint64]quad.Value{}
	var after []byte // the last log key read
	batch := make([]quad.Quad, 0, batchSize)
	for {
		if err := ctx.Err(); err != nil {
			return true, err
		}
		batch = batch[:0]
		done := false
		err := s.mapped.view(func(tx *bolt.Tx) error {
			logB := tx.Bucket(logBucket)
			if logB == nil {
				done = true
				return nil
			}
			c := logB.Cursor()
			var k, v []byte
			if after == nil {
				k, v = c.First()
			} else if k, v = c.Seek(after); bytes.Equal(k, after) {
				k, v = c.Next()
			}
			for read := 0; ; k, v = c.Next() {
				if k == nil {
					done = true
					return nil
				}
				if read == batchSize {
					return nil
				}
				read++
				after = append(after[:0], k...)
				var p cproto.Primitive
				if err := proto.Unmarshal(v, &p); err != nil {
					return fmt.Errorf("log entry %d: %w", binary.BigEndian.Uint64(k), err)
				}
				if p.Deleted {
					continue
				}
				if p.IsNode() {
					val, err := pquads.UnmarshalValue(p.Value)
					if err != nil {
						return fmt.Errorf("value of node %d: %w", p.ID, err)
					}
					remember(values, cache, p.ID, val)
					continue
				}
				var q quad.Quad
				for _, d := range quad.Directions {
					id := p.GetDirection(d)
					if id == 0 {
						continue
					}
					val, found := values[id]
					if !found {
						var err error
						if val, err = nodeValue(logB, id); err != nil {
							return err
						}
						remember(values, cache, id, val)
					}
					q.Set(d, val)
				}
				batch = append(batch, q)
			}
		})
		if err != nil {
			return true, fmt.Errorf("graph: read the log: %w", err)
		}
		for _, q := range batch {
			if err := fn(q); err != nil {
				return true, err
			}
		}
		s.autoRelease()
		if done {
			return true, nil
		}
	}
}

// remember caches a node value, starting afresh when the cache is full.
func remember(values map[uint64]quad.Value, size int, id uint64, v quad.Value) {
	if len(values) >= size {
		clear(values)
	}
	values[id] = v
}
