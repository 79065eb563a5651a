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

// Reading index keys. Cayley's KV store keeps, per index, one key per
// distinct tuple of its directions whose value lists the ids of every quad
// with that tuple (the same fact stated by many documents is many quads,
// since their labels differ). Its iterators read every listed quad from
// the log to learn its directions, so "the entities of class C" reads one
// quad per document that types each entity: at 100k articles a hub costs
// tens of thousands of reads. The subject is in the key of the (object,
// predicate, subject) index, so listing the distinct subjects reads one
// key and one quad (a liveness check) per entity.

// opsBucket is the bolt bucket of Cayley's (object, predicate, subject)
// index: the directions' prefixes, as ckv.QuadIndex names its buckets.
var opsBucket = []byte{quad.Object.Prefix(), quad.Predicate.Prefix(), quad.Subject.Prefix()}

// subjectBatch is how many keys a SubjectIter reads per read transaction:
// short transactions, so an open stream never pins bolt's old pages (which
// would grow the file under a concurrent writer).
const subjectBatch = 512

// ErrNoKeyIndex is returned by Subjects when the store cannot list
// subjects from index keys (SQL backends, or a bolt store created without
// Cayley's object-predicate-subject index); callers scan quads instead.
var ErrNoKeyIndex = errors.New("graph: store has no key index for this scan")

// SubjectIter is a cursor over the distinct subjects of (?, predicate,
// object) in index order (node id order: roughly first stored first).
type SubjectIter struct {
	m         *mappedFile
	qs        cgraph.QuadStore
	pred, obj cgraph.Ref
	prefix    []byte // object id, predicate id
	after     []byte // last key read, nil before the first batch
	buf       []subjectKey
	pos       int
	done      bool
	cur       subjectKey
	batchSize int
}

type subjectKey struct {
	id uint64
}

// Subjects opens a cursor over the distinct subjects of the quads
// (?, pred, obj), read from index keys: each subject comes once however
// many documents state it, and costs one quad read (Cayley keeps the ids
// of deleted quads in its index entries, so each key is checked for a
// live quad: a subject whose documents were all deleted is skipped), not
// one per document. pred and obj are
// the store's references (QuadStore().ValueOf). It returns ErrNoKeyIndex
// when the store cannot do this: callers then scan the quads
// (ScanQuads), which yields the same subjects in the same order, each once
// per quad.
func (s *Store) Subjects(pred, obj cgraph.Ref) (*SubjectIter, error) {
	if s.mapped == nil {
		return nil, ErrNoKeyIndex
	}
	p, okP := pred.(ckv.Int64Value)
	o, okO := obj.(ckv.Int64Value)
	if !okP || !okO {
		return nil, fmt.Errorf("graph: subjects: references %T, %T are not this store's", pred, obj)
	}
	has := false
	if err := s.mapped.view(func(tx *bolt.Tx) error {
		has = tx.Bucket(opsBucket) != nil
		return nil
	}); err != nil {
		return nil, err
	}
	if !has {
		return nil, ErrNoKeyIndex
	}
	prefix := make([]byte, 16)
	binary.BigEndian.PutUint64(prefix, uint64(o))
	binary.BigEndian.PutUint64(prefix[8:], uint64(p))
	return &SubjectIter{m: s.mapped, qs: s.qs, pred: pred, obj: obj, prefix: prefix, batchSize: subjectBatch}, nil
}

// Next moves to the next subject; false at the end or on an error.
func (it *SubjectIter) Next(ctx context.Context) (bool, error) {
	for {
		if it.pos >= len(it.buf) {
			if it.done {
				return false, nil
			}
			if err := ctx.Err(); err != nil {
				return false, err
			}
			if err := it.fill(); err != nil {
				return false, err
			}
			if len(it.buf) == 0 {
				return false, nil
			}
		}
		it.cur = it.buf[it.pos]
		it.pos++
		// Outside fill's transaction: Cayley's scan opens its own, and
		// bolt read transactions must not nest (see mapped.go).
		live, err := it.live(ctx, ckv.Int64Value(it.cur.id))
		if err != nil {
			return false, err
		}
		if live {
			return true, nil
		}
	}
}

// live reports whether subject has a quad (subject, pred, obj) that was
// not deleted.
func (it *SubjectIter) live(ctx context.Context, subject cgraph.Ref) (bool, error) {
	sc := ScanQuads(ctx, it.qs, map[quad.Direction]cgraph.Ref{quad.Subject: subject, quad.Predicate: it.pred, quad.Object: it.obj})
	defer sc.Close()
	if sc.Next(ctx) {
		return true, nil
	}
	return false, sc.Err()
}

// Subject is the current subject's reference.
func (it *SubjectIter) Subject() cgraph.Ref { return ckv.Int64Value(it.cur.id) }

// fill reads the next batch of keys after the last one read.
func (it *SubjectIter) fill() error {
	it.buf, it.pos = it.buf[:0], 0
	return it.m.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(opsBucket)
		if b == nil {
			it.done = true
			return nil
		}
		c := b.Cursor()
		var k []byte
		if it.after == nil {
			k, _ = c.Seek(it.prefix)
		} else {
			k, _ = c.Seek(it.after)
			if bytes.Equal(k, it.after) {
				k, _ = c.Next()
			}
		}
		for ; k != nil && bytes.HasPrefix(k, it.prefix); k, _ = c.Next() {
			if len(k) != 24 {
				continue
			}
			it.buf = append(it.buf, subjectKey{id: binary.BigEndian.Uint64(k[16:])})
			if len(it.buf) == it.batchSize {
				it.after = append(it.after[:0], k...)
				return nil
			}
		}
		it.done = true
		return nil
	})
}
