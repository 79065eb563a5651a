package graph

import (
	"context"
	"errors"
	"fmt"
	"sync"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// Reads without a store lock, and read transactions a deadline ends.
//
// Why readers and writers of a bolt store ever had to be kept apart: bolt
// gives each read transaction an MVCC snapshot, and a write transaction
// never waits for readers — except when its commit grows the file past
// bolt's memory map. Then bolt maps the file again ((*DB).mmap), which
// takes its mmaplock exclusively and so waits for every open read
// transaction; and while it waits, Go's RWMutex holds every new
// transaction back. Cayley's KV quad iterator keeps one read transaction
// open from its first Next to its end, across the caller's work between
// two Nexts (JavaScript, a slow client), and its own lookups (NameOf,
// Contains, the log reads) open further ones on the same goroutine: one
// remap then deadlocks the store. Locking each call instead of each query
// does not help, since the iterator's transaction outlives the call.
//
// graph maps DefaultMmapSize (1 TiB) at open, so bolt never remaps a
// store below that size, and with that map nothing but the snapshot's
// pages is held by an open read: a writer commits past any number of
// them. ReadsNeedLock says whether that holds; when it does not (bolt's
// own growth: Config.MmapSize < 0, or an address-space limit that
// refused the big map), readers must keep writers out for the whole of a
// read, as the server did for every query before.
//
// What an open read still holds is bolt's snapshot (the pages it sees
// cannot be reused, so the file grows while it lasts) and, on Close, the
// mapping itself. guardedKV, the KV Cayley's bolt store runs on, bounds
// both: a read transaction begun with a context that can end is rolled
// back when it ends (context.AfterFunc), even if the goroutine that owns
// it is stuck elsewhere (in a JavaScript builtin) and has not returned;
// Close rolls back every read still open before bolt unmaps. Every call
// on a read transaction or its iterators holds the transaction's mutex
// (for the call only, never between calls), so a rollback never runs
// under a cursor in use, and values are copied out before the call
// returns: nothing a caller keeps points into pages a rollback gave back.
// After a rollback the transaction's calls fail with the context's cause.

// errStoreClosed is the error of reads begun or cut by Close.
var errStoreClosed = errors.New("graph: store is closed")

// guardedKV is bolt's KV as Cayley sees it, with read transactions that
// their context's end and Close can roll back (see above).
type guardedKV struct {
	hkv.KV
	life   sync.RWMutex // shared while a read begins, exclusive in Close
	closed bool         // under life

	mu   sync.Mutex
	open map[*readTx]struct{}
}

func newGuardedKV(db hkv.KV) *guardedKV {
	return &guardedKV{KV: db, open: map[*readTx]struct{}{}}
}

// Tx begins a transaction; a read one is tracked and, if ctx can end,
// rolled back when it does.
func (g *guardedKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if rw {
		return g.KV.Tx(ctx, true)
	}
	g.life.RLock()
	defer g.life.RUnlock()
	if g.closed {
		return nil, errStoreClosed
	}
	tx, err := g.KV.Tx(ctx, false)
	if err != nil {
		return nil, err
	}
	t := &readTx{g: g, tx: tx}
	g.mu.Lock()
	g.open[t] = struct{}{}
	g.mu.Unlock()
	if ctx.Done() != nil {
		t.stop = context.AfterFunc(ctx, func() { t.cut(context.Cause(ctx)) })
	}
	return t, nil
}

// View and Update run through Tx (the embedded KV's would bypass it).
func (g *guardedKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, g, fn)
}

func (g *guardedKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, g, fn)
}

// Close rolls back the reads still open, then closes bolt.
func (g *guardedKV) Close() error {
	g.life.Lock()
	g.closed = true
	g.life.Unlock()
	g.mu.Lock()
	open := make([]*readTx, 0, len(g.open))
	for t := range g.open {
		open = append(open, t)
	}
	g.mu.Unlock()
	for _, t := range open {
		t.cut(errStoreClosed)
	}
	return g.KV.Close()
}

// openReads is the number of read transactions open now.
func (g *guardedKV) openReads() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.open)
}

// readTx is a read transaction that can be rolled back from outside.
type readTx struct {
	g    *guardedKV
	stop func() bool // stops the AfterFunc (nil without one)

	mu  sync.Mutex
	tx  hkv.Tx // nil once rolled back
	err error  // why it was rolled back from outside
}

// cut rolls the transaction back on behalf of someone other than its
// owner, waiting for a call in progress.
func (t *readTx) cut(cause error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tx == nil {
		return
	}
	if cause == nil {
		cause = context.Canceled
	}
	t.err = fmt.Errorf("graph: read cut short: %w", cause)
	t.end()
}

// end rolls back; t.mu is held.
func (t *readTx) end() {
	_ = t.tx.Close() // a read-only rollback cannot fail in a way to act on
	t.tx = nil
	t.g.mu.Lock()
	delete(t.g.open, t)
	t.g.mu.Unlock()
}

// gone is the error of a call after the rollback; t.mu is held.
func (t *readTx) gone() error {
	if t.err != nil {
		return t.err
	}
	return errors.New("graph: read transaction is closed")
}

func (t *readTx) Close() error {
	if t.stop != nil {
		t.stop()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tx != nil {
		t.end()
	}
	return nil
}

// Commit ends a read transaction (there is nothing to commit).
func (t *readTx) Commit(ctx context.Context) error { return t.Close() }

func (t *readTx) Get(ctx context.Context, key hkv.Key) (hkv.Value, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tx == nil {
		return nil, t.gone()
	}
	v, err := t.tx.Get(ctx, key)
	return cloneValue(v), err
}

func (t *readTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tx == nil {
		return nil, t.gone()
	}
	vals, err := t.tx.GetBatch(ctx, keys)
	for i := range vals {
		vals[i] = cloneValue(vals[i])
	}
	return vals, err
}

func (t *readTx) Put(ctx context.Context, k hkv.Key, v hkv.Value) error { return hkv.ErrReadOnly }

func (t *readTx) Del(ctx context.Context, k hkv.Key) error { return hkv.ErrReadOnly }

func (t *readTx) Scan(ctx context.Context, opts ...hkv.IteratorOption) hkv.Iterator {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tx == nil {
		return &readIter{t: t, err: t.gone()}
	}
	return &readIter{t: t, it: t.tx.Scan(ctx, opts...)}
}

// readIter is an iterator of a readTx: each call holds the transaction's
// mutex, and the current key and value are copies.
type readIter struct {
	t   *readTx
	it  hkv.Iterator // nil when begun after the rollback
	k   hkv.Key
	v   hkv.Value
	err error
}

// live reports whether the transaction is still open; t.mu is held.
func (it *readIter) live() bool {
	if it.t.tx == nil && it.err == nil {
		it.err = it.t.gone()
	}
	if it.it == nil || it.t.tx == nil {
		it.k, it.v = nil, nil
		return false
	}
	return true
}

// take copies the current pair out of the pages; t.mu is held.
func (it *readIter) take(ok bool) bool {
	if !ok {
		it.k, it.v = nil, nil
		return false
	}
	it.k, it.v = it.it.Key().Clone(), cloneValue(it.it.Val())
	return true
}

func (it *readIter) Next(ctx context.Context) bool {
	it.t.mu.Lock()
	defer it.t.mu.Unlock()
	if !it.live() {
		return false
	}
	return it.take(it.it.Next(ctx))
}

func (it *readIter) Seek(ctx context.Context, key hkv.Key) bool {
	it.t.mu.Lock()
	defer it.t.mu.Unlock()
	if !it.live() {
		return false
	}
	return it.take(hkv.Seek(ctx, it.it, key))
}

func (it *readIter) Reset() {
	it.t.mu.Lock()
	defer it.t.mu.Unlock()
	it.k, it.v = nil, nil
	if it.live() {
		it.it.Reset()
	}
}

func (it *readIter) Key() hkv.Key   { return it.k }
func (it *readIter) Val() hkv.Value { return it.v }

func (it *readIter) Err() error {
	it.t.mu.Lock()
	defer it.t.mu.Unlock()
	if it.err != nil {
		return it.err
	}
	if !it.live() {
		return it.err
	}
	return it.it.Err()
}

func (it *readIter) Close() error {
	it.t.mu.Lock()
	defer it.t.mu.Unlock()
	if it.it != nil && it.t.tx != nil {
		if err := it.it.Close(); err != nil && it.err == nil {
			it.err = err
		}
	}
	it.it = nil
	return it.err
}

func cloneValue(v hkv.Value) hkv.Value {
	if v == nil {
		return nil
	}
	return append(hkv.Value(make([]byte, 0, len(v))), v...)
}

// ReadsNeedLock reports whether a reader of this store must keep writers
// out for as long as it reads (a query, a streamed export): true only on
// a bolt store whose map bolt may move under open reads, i.e. one opened
// with Config.MmapSize < DefaultMmapSize (negative: bolt's own growth) or
// where the address space refused the default map. On the default map
// (1 TiB) and on PostgreSQL, reads and writes need no lock between them.
func (s *Store) ReadsNeedLock() bool {
	if s.mapped == nil {
		return false
	}
	return DefaultMmapSize == 0 || s.mapped.mapSize < DefaultMmapSize
}

// OpenReads is the number of Cayley read transactions open on a bolt
// store now (0 elsewhere): each query iterator that has started and not
// ended holds one. A query cut by its deadline leaves none.
func (s *Store) OpenReads() int {
	if s.mapped == nil || s.mapped.kv == nil {
		return 0
	}
	return s.mapped.kv.openReads()
}
