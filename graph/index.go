package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"google.golang.org/protobuf/proto"
)

// Reading index keys. Cayley's KV store keeps, per index, one key per
// distinct tuple of its directions whose value lists the ids of every quad
// with that tuple (the same fact stated by many documents is many quads,
// since their labels differ). Its iterators read every listed quad from
// the log to learn its directions, so "the entities of class C" reads one
// quad per document that types each entity: at 100k articles a hub costs
// tens of thousands of reads. The subject is in the key of the (object,
// predicate, subject) index, so listing the distinct subjects reads one
// key, one quad (a liveness check) and the subject's value per entity.

// Cayley's default indexes (ckv.DefaultQuadIndexes), whose Key gives the
// bolt bucket and key of an entry (or of a prefix of one).
var (
	opsIndex = ckv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
	spIndex  = ckv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
)

// subjectBatch is how many keys a SubjectIter reads per read transaction:
// short transactions, so an open stream never pins bolt's old pages (which
// would grow the file under a concurrent writer).
const subjectBatch = 512

// SubjectIter is a cursor over the distinct subjects of (?, predicate,
// object) in store order (on bolt, node id order: roughly first stored
// first). On bolt it reads index keys; on other stores it scans the quads
// and keeps each subject once.
type SubjectIter struct {
	m         *mappedFile // nil: scan quads
	bucket    []byte      // the (object, predicate, subject) index's
	prefix    []byte      // object id, predicate id
	after     []byte      // last key read, nil before the first batch
	buf       []subjectKey
	pos       int
	done      bool
	cur       subjectKey
	batchSize int

	// The scan of other stores: opened by the first Next.
	qs        cgraph.QuadStore
	pred, obj cgraph.Ref
	scan      iterator.Scanner
	seen      map[any]bool
	skipTo    any        // After on a scan: the key of the subject to pass first
	skipRef   cgraph.Ref // and the subject
	gone      bool       // the subject to resume after is not stored
	scanRef   cgraph.Ref
	scanValue quad.Value
	// values, when set (PostgreSQL), reads the values of a stretch of
	// subjects in one statement: ahead holds the stretch not given yet,
	// aheadVals their values.
	values func(ctx context.Context, nodes []cgraph.Ref) (map[any]quad.Value, bool, error)
	// list, when set (PostgreSQL), lists the quads in write order
	// instead of ScanQuads (Store.ListQuads).
	list      func(ctx context.Context, filter map[quad.Direction]cgraph.Ref) (iterator.Scanner, bool)
	ahead     []cgraph.Ref
	aheadVals map[any]quad.Value
}

// scanAhead is the stretch of a scanned listing whose values are read at
// once: a little over a default page of a query.
const scanAhead = 128

type subjectKey struct {
	id    uint64
	value quad.Value
}

// Subjects opens a cursor over the distinct subjects of the quads
// (?, pred, obj): each subject once however many documents state it,
// with its value. On bolt it reads index keys, two log reads per subject
// (its value, and one quad: index entries may still list deleted quads —
// see prune.go — so each key is checked for a live one, and a subject
// whose documents were all deleted is skipped), not one per document; on
// other stores it scans the quads, in the scan's order. pred and obj are
// the store's references (QuadStore().ValueOf). Close it when done.
func (s *Store) Subjects(pred, obj cgraph.Ref) (*SubjectIter, error) {
	scan := ScanSubjects(s.QuadStore(), pred, obj)
	if s.db != nil {
		scan.values = s.NodeValues
		scan.list = s.ListQuads
	}
	if s.mapped == nil {
		return scan, nil
	}
	p, okP := pred.(ckv.Int64Value)
	o, okO := obj.(ckv.Int64Value)
	if !okP || !okO {
		return nil, fmt.Errorf("graph: subjects: references %T, %T are not this store's", pred, obj)
	}
	k := opsIndex.Key([]uint64{uint64(o), uint64(p)})
	has := false
	if err := s.mapped.view(func(tx *bolt.Tx) error {
		has = tx.Bucket(k[0]) != nil
		return nil
	}); err != nil {
		return nil, err
	}
	if !has {
		return scan, nil
	}
	return &SubjectIter{m: s.mapped, bucket: k[0], prefix: k[1], batchSize: subjectBatch}, nil
}

// ErrSubjectGone is Next's error after After or AfterMark on a store that
// scans, when the subject to resume after is no longer listed (its quads
// were deleted): the scan cannot tell where it stood. Key listings (bolt)
// resume after it all the same.
var ErrSubjectGone = errors.New("graph: the subject a listing resumes after is no longer stored")

// ScanSubjects is Subjects over any QuadStore, by a scan of the quads
// (?, pred, obj) keeping each subject once: the listing of stores without
// key listings, for callers that have only a QuadStore.
func ScanSubjects(qs cgraph.QuadStore, pred, obj cgraph.Ref) *SubjectIter {
	return &SubjectIter{qs: qs, pred: pred, obj: obj, seen: map[any]bool{}}
}

// After makes the cursor start after subject (a reference it gave out),
// so that a listing can resume where a page ended. Call it before Next.
// On a scan the subjects up to it are read again and passed over, in the
// store's order (on PostgreSQL write order, ListQuads; on a QuadStore
// alone Cayley's SQL backend orders nothing, so across requests such a
// scan is stable only while the query plan is); if the subject is no
// longer listed, Next fails with ErrSubjectGone.
func (it *SubjectIter) After(subject cgraph.Ref) error {
	if it.m == nil {
		if subject == nil {
			it.gone = true
			return nil
		}
		it.skipTo, it.skipRef = subject.Key(), subject
		return nil
	}
	id, ok := subject.(ckv.Int64Value)
	if !ok {
		return fmt.Errorf("graph: subjects: reference %T is not this store's", subject)
	}
	it.after = binary.BigEndian.AppendUint64(append([]byte{}, it.prefix...), uint64(id))
	it.buf, it.pos, it.done = it.buf[:0], 0, false
	return nil
}

// Mark is where the cursor stands after a Next that returned true, as
// text for a page cursor: AfterMark on a new cursor over the same listing
// resumes after it, in this process or a later one. On bolt it is the
// subject's node id (which outlives the subject's deletion); on scanned
// stores, its value in N-Quads form.
func (it *SubjectIter) Mark() string {
	if it.m != nil {
		return strconv.FormatUint(it.cur.id, 10)
	}
	switch v := it.scanValue.(type) {
	case quad.IRI, quad.BNode:
		return v.String()
	}
	return "" // a literal subject: not one to resume after
}

// ErrBadMark says that a mark is not one Mark gave on this kind of store.
var ErrBadMark = errors.New("graph: not a listing mark of this store")

// AfterMark is After for a mark from Mark.
func (it *SubjectIter) AfterMark(mark string) error {
	if it.m != nil {
		id, err := strconv.ParseUint(mark, 10, 64)
		if err != nil {
			return fmt.Errorf("%w: %q", ErrBadMark, mark)
		}
		return it.After(ckv.Int64Value(id))
	}
	var v quad.Value
	switch {
	case len(mark) > 2 && mark[0] == '<' && mark[len(mark)-1] == '>':
		v = quad.IRI(mark[1 : len(mark)-1])
	case len(mark) > 2 && strings.HasPrefix(mark, "_:"):
		v = quad.BNode(mark[2:])
	default:
		return fmt.Errorf("%w: %q", ErrBadMark, mark)
	}
	ref, err := it.qs.ValueOf(v)
	if err != nil {
		return fmt.Errorf("graph: subjects: %w", err)
	}
	return it.After(ref) // nil: gone
}

// Next moves to the next subject; false at the end or on an error.
func (it *SubjectIter) Next(ctx context.Context) (bool, error) {
	if it.m == nil {
		return it.nextScanned(ctx)
	}
	for it.pos >= len(it.buf) {
		if it.done {
			return false, nil
		}
		if err := ctx.Err(); err != nil {
			return false, err
		}
		if err := it.fill(); err != nil {
			return false, err
		}
	}
	it.cur = it.buf[it.pos]
	it.pos++
	return true, nil
}

// nextScanned is Next on a store without key listings.
func (it *SubjectIter) nextScanned(ctx context.Context) (bool, error) {
	if it.gone {
		return false, ErrSubjectGone
	}
	if it.scan == nil {
		if it.pred == nil || it.obj == nil {
			return false, nil
		}
		if it.skipRef != nil {
			n, err := CountQuads(ctx, it.qs, map[quad.Direction]cgraph.Ref{quad.Subject: it.skipRef, quad.Predicate: it.pred, quad.Object: it.obj})
			if err != nil {
				return false, err
			}
			if n == 0 {
				return false, ErrSubjectGone
			}
		}
		filter := map[quad.Direction]cgraph.Ref{quad.Predicate: it.pred, quad.Object: it.obj}
		var listed bool
		if it.list != nil {
			it.scan, listed = it.list(ctx, filter)
		}
		if !listed {
			it.scan = ScanQuads(ctx, it.qs, filter)
		}
	}
	if it.values != nil {
		return it.nextAhead(ctx)
	}
	sub, err := it.nextSubject(ctx)
	if err != nil || sub == nil {
		return false, err
	}
	v, err := it.qs.NameOf(sub)
	if err != nil {
		return false, err
	}
	it.scanRef, it.scanValue = sub, v
	return true, nil
}

// nextAhead is nextScanned reading the values of scanAhead subjects at once.
func (it *SubjectIter) nextAhead(ctx context.Context) (bool, error) {
	if len(it.ahead) == 0 {
		for len(it.ahead) < scanAhead {
			sub, err := it.nextSubject(ctx)
			if err != nil {
				return false, err
			}
			if sub == nil {
				break
			}
			it.ahead = append(it.ahead, sub)
		}
		if len(it.ahead) == 0 {
			return false, nil
		}
		vals, ok, err := it.values(ctx, it.ahead)
		if err != nil {
			return false, err
		}
		if !ok {
			vals = map[any]quad.Value{}
		}
		it.aheadVals = vals
	}
	sub := it.ahead[0]
	it.ahead = it.ahead[1:]
	v, ok := it.aheadVals[sub.Key()]
	if !ok {
		var err error
		if v, err = it.qs.NameOf(sub); err != nil {
			return false, err
		}
	}
	it.scanRef, it.scanValue = sub, v
	return true, nil
}

// nextSubject is the scan's next subject not given yet; nil at its end.
func (it *SubjectIter) nextSubject(ctx context.Context) (cgraph.Ref, error) {
	for it.scan.Next(ctx) {
		sub, err := it.qs.QuadDirection(it.scan.Result(), quad.Subject)
		if err != nil {
			return nil, err
		}
		if sub == nil || it.seen[sub.Key()] {
			continue
		}
		it.seen[sub.Key()] = true
		if it.skipTo != nil {
			if sub.Key() == it.skipTo {
				it.skipTo = nil
			}
			continue
		}
		return sub, nil
	}
	if err := it.scan.Err(); err != nil {
		return nil, err
	}
	if it.skipTo != nil {
		return nil, ErrSubjectGone // deleted after the check above
	}
	return nil, ctx.Err()
}

// Subject is the current subject's reference.
func (it *SubjectIter) Subject() cgraph.Ref {
	if it.m == nil {
		return it.scanRef
	}
	return ckv.Int64Value(it.cur.id)
}

// Value is the current subject's value (an IRI for our entities), as
// QuadStore().NameOf(Subject()) gives it.
func (it *SubjectIter) Value() quad.Value {
	if it.m == nil {
		return it.scanValue
	}
	return it.cur.value
}

// Close ends the cursor (the scan of stores without key listings).
func (it *SubjectIter) Close() {
	if it.scan != nil {
		it.scan.Close()
		it.scan = nil
	}
}

// fill reads the next batch of keys after the last one read, keeping
// the subjects that have a live quad.
func (it *SubjectIter) fill() error {
	it.buf, it.pos = it.buf[:0], 0
	return it.m.view(func(tx *bolt.Tx) error {
		b, logB := tx.Bucket(it.bucket), tx.Bucket(logBucket)
		if b == nil || logB == nil {
			it.done = true
			return nil
		}
		c := b.Cursor()
		var k, v []byte
		if it.after == nil {
			k, v = c.Seek(it.prefix)
		} else {
			k, v = c.Seek(it.after)
			if bytes.Equal(k, it.after) {
				k, v = c.Next()
			}
		}
		read := 0
		for ; k != nil && bytes.HasPrefix(k, it.prefix); k, v = c.Next() {
			if len(k) != 24 {
				continue
			}
			it.after = append(it.after[:0], k...)
			id := binary.BigEndian.Uint64(k[16:])
			live, err := anyLive(logB, v)
			if err != nil {
				return err
			}
			if live {
				val, err := nodeValue(logB, id)
				if err != nil {
					return err
				}
				it.buf = append(it.buf, subjectKey{id: id, value: val})
			}
			if read++; read == it.batchSize {
				return nil
			}
		}
		it.done = true
		return nil
	})
}

// anyLive reports whether an index entry lists a quad that is not deleted.
func anyLive(logB *bolt.Bucket, entry []byte) (bool, error) {
	ids, err := decodeIDs(entry)
	if err != nil {
		return false, err
	}
	for _, id := range ids {
		p, err := logPrimitive(logB, id)
		if err != nil {
			return false, err
		}
		if p != nil && !p.Deleted {
			return true, nil
		}
	}
	return false, nil
}

// nodeValue reads a node's value from Cayley's log.
func nodeValue(logB *bolt.Bucket, id uint64) (quad.Value, error) {
	p, err := logPrimitive(logB, id)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, fmt.Errorf("graph: node %d is not in the log", id)
	}
	v, err := pquads.UnmarshalValue(p.Value)
	if err != nil {
		return nil, fmt.Errorf("graph: value of node %d: %w", id, err)
	}
	return v, nil
}

// logPrimitive reads entry id of Cayley's log (a node or a quad); nil
// when there is none.
func logPrimitive(logB *bolt.Bucket, id uint64) (*cproto.Primitive, error) {
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], id)
	raw := logB.Get(key[:])
	if raw == nil {
		return nil, nil
	}
	var p cproto.Primitive
	if err := proto.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("graph: log entry %d: %w", id, err)
	}
	return &p, nil
}

// CountKey counts the quads of one index key from the entry's length, on
// bolt: (subject, predicate) when obj is nil, else (subject, predicate,
// object). ok is false when the store cannot (use CountQuads). Index
// entries may still list quads deleted before graph pruned them (see
// prune.go), as Cayley's own counts do.
func (s *Store) CountKey(sub, pred, obj cgraph.Ref) (n int64, ok bool, err error) {
	if s.db != nil {
		return s.sqlCountKey(sub, pred, obj)
	}
	if s.mapped == nil {
		return 0, false, nil
	}
	var ids []uint64
	for _, r := range []cgraph.Ref{sub, pred, obj} {
		if r == nil {
			continue
		}
		id, isKV := r.(ckv.Int64Value)
		if !isKV {
			return 0, false, nil
		}
		ids = append(ids, uint64(id))
	}
	var k [][]byte
	switch len(ids) {
	case 2: // (subject, predicate)
		k = spIndex.Key(ids)
	case 3: // (object, predicate, subject)
		k = opsIndex.Key([]uint64{ids[2], ids[1], ids[0]})
	default:
		return 0, false, nil
	}
	err = s.mapped.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(k[0])
		if b == nil {
			return nil
		}
		ok = true
		for _, c := range b.Get(k[1]) {
			if c < 0x80 { // the last byte of each uvarint id
				n++
			}
		}
		return nil
	})
	return n, ok, err
}

// FirstObject is the object of the first live quad (sub, pred) in index
// order, read from one index entry and Cayley's log on bolt, without the
// query plan and batch reads of Cayley's iterators (which read the whole
// entry's quads: thousands for an entity named in thousands of
// documents). ok is false when the store cannot (scan instead); v is nil
// when there is no such quad.
func (s *Store) FirstObject(sub, pred cgraph.Ref) (v quad.Value, ok bool, err error) {
	if s.db != nil {
		return s.sqlFirstObject(sub, pred)
	}
	si, okS := sub.(ckv.Int64Value)
	pi, okP := pred.(ckv.Int64Value)
	if s.mapped == nil || !okS || !okP {
		return nil, false, nil
	}
	k := spIndex.Key([]uint64{uint64(si), uint64(pi)})
	err = s.mapped.view(func(tx *bolt.Tx) error {
		b, logB := tx.Bucket(k[0]), tx.Bucket(logBucket)
		if b == nil || logB == nil {
			return nil
		}
		ok = true
		ids, err := decodeIDs(b.Get(k[1]))
		if err != nil {
			return err
		}
		for _, id := range ids {
			p, err := logPrimitive(logB, id)
			if err != nil {
				return err
			}
			if p == nil || p.Deleted {
				continue
			}
			v, err = nodeValue(logB, p.Object)
			return err
		}
		return nil
	})
	return v, ok, err
}
