package graph

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// Releasing bolt's mapped pages.
//
// bolt maps its whole file read-only and shared (PROT_READ, MAP_SHARED) and
// reads every page through that mapping, so each page an index lookup
// touches stays in the process's resident set: RSS (and VmHWM, what a
// container memory limit counts) grows with the store, to 14 GiB at 100k
// articles, although the heap stays under 1 GiB. graph tells the kernel
// it no longer needs those pages (madvise MADV_DONTNEED): they leave the
// process but stay in the page cache, and a later read faults them back
// in without disk I/O. The map is read-only and bolt writes with pwrite,
// so no page is ever dirty in it and dropping one loses nothing.
//
// One write transaction (20k quads) alone touches index pages all over
// the file (1.1 GiB of a 2.1 GiB store at 10k articles), so releasing
// between transactions is not enough: besides after every write and full
// scan, a watcher goroutine checks the process's RssFile every watchEvery
// and releases when it exceeds the limit, concurrently with the writer.
//
// Safety: madvise must hit bolt's mapping and nothing else. bolt unmaps
// and maps its file again in exactly two places, (*DB).mmap (at open, and
// from allocate when a write transaction's commit grows the file past the
// mapping) and (*DB).close. mmap takes bolt's mmaplock exclusively, and
// every read transaction holds it shared from Begin to Rollback; so while
// release holds a read transaction the mapping cannot move. close takes
// mmaplock only shared, so it is kept out by mappedFile.mu, which
// Store.Close takes exclusively before closing bolt. Inside the
// transaction the mapping's start is bolt's own (*DB).Info().Data; its
// length comes from /proc/self/maps, whose entry must start at that
// address, be a shared read-only map of the bolt file (same inode or
// path) and cover the data the transaction sees, or nothing is released.
// release is only called on goroutines that hold no bolt transaction (the
// watcher; write paths after their commit; EachQuad between its read
// batches): a second read transaction on a goroutine that holds one
// deadlocks when a writer waits to remap (Go's RWMutex blocks new readers
// behind a waiting writer). Cayley's own iterators nest transactions that
// way, which is why openBolt maps 1 TiB up front (DefaultMmapSize): bolt
// then never remaps a store below that size.

// DefaultMappedLimit is the default Config.MappedLimit: 128 MiB.
const DefaultMappedLimit = 128 << 20

// watchEvery is how often the watcher compares RssFile with the limit
// (reading /proc/self/status takes ~20 µs: 0.4 % of a core). An ingest
// maps pages fast (the kernel maps 64 KB around each faulting page):
// ingesting 2k articles into a 10k-article store, the sampled RssFile
// peaked at 486 MB with checks every 25 ms and 307 MB every 5 ms (2 ms
// was no better), same ingest time within noise.
const watchEvery = 5 * time.Millisecond

// mappedFile is bolt's mapping of one open store.
type mappedFile struct {
	// mu is held shared by a release and exclusively by close, so bolt
	// cannot unmap its file under a release.
	mu    sync.RWMutex
	db    *bolt.DB // nil once closed
	path  string   // the bolt file, symlinks resolved
	ino   uint64   // its inode number (0 when unknown)
	auto  bool     // release above limit (not KeepMapped)
	limit int64    // RssFile above which to release

	stop chan struct{} // closed to stop the watcher
	done chan struct{} // closed when the watcher has stopped

	releases atomic.Int64 // successful releases, for tests and stats

	kv      *guardedKV // the KV Cayley reads through (mapped_tx.go)
	mapSize int64      // bytes bolt mapped at open; 0: bolt grows its map
}

// boltFile is the file Cayley's bolt backend keeps in a store directory.
func boltFile(dir string) string { return filepath.Join(dir, "indexes.bolt") }

// DefaultMmapSize is the address space bolt maps at open unless
// Config.MmapSize says otherwise: 1 TiB on 64-bit systems, so that bolt
// never remaps a store below that size; 0 (bolt's own growth) on 32-bit.
const DefaultMmapSize = (1 << 40) * (strconv.IntSize / 64)

// openBolt opens a bolt store as Cayley's bolt backend does
// (graph/kv/bolt), on a guardedKV (mapped_tx.go), mapping cfg.MmapSize
// bytes, and tracks its mapping (newMappedFile).
func openBolt(dir string, opts cgraph.Options, cfg Config) (cgraph.QuadStore, *mappedFile, error) {
	nosync, err := opts.BoolKey("nosync", false)
	if err != nil {
		return nil, nil, err
	}
	mmapSize := cfg.MmapSize
	if mmapSize == 0 {
		mmapSize = DefaultMmapSize
	}
	// The timeout only matters if another process took the lock after
	// checkNotLocked: fail instead of waiting forever.
	bopts := bolt.Options{Timeout: 5 * time.Second, InitialMmapSize: int(max(mmapSize, 0))}
	hdb, err := hbolt.Open(boltFile(dir), &bopts)
	if err != nil && bopts.InitialMmapSize > 0 && errors.Is(err, syscall.ENOMEM) {
		// An address-space limit (ulimit -v): let bolt grow its map.
		bopts.InitialMmapSize = 0
		hdb, err = hbolt.Open(boltFile(dir), &bopts)
	}
	if err != nil {
		return nil, nil, err
	}
	bdb := hdb.DB()
	bdb.NoSync, bdb.NoGrowSync = nosync, nosync
	// Full pages for Cayley's append-only buckets (fill.go), under the
	// read guard that rolls a query's transactions back when it ends.
	gkv := newGuardedKV(newFillKV(hdb))
	qs, err := ckv.New(gkv, opts)
	if err != nil {
		return nil, nil, errors.Join(err, hdb.Close())
	}
	m := newMappedFile(bdb, boltFile(dir), cfg)
	m.kv, m.mapSize = gkv, int64(bopts.InitialMmapSize)
	return qs, m, nil
}

// newMappedFile tracks db's mapping of file and, unless cfg.KeepMapped,
// starts the watcher that keeps it under cfg.MappedLimit.
func newMappedFile(db *bolt.DB, file string, cfg Config) *mappedFile {
	m := &mappedFile{db: db, path: file, auto: !cfg.KeepMapped && releaseSupported, limit: cfg.MappedLimit}
	if m.limit <= 0 {
		m.limit = DefaultMappedLimit
	}
	if p, err := filepath.EvalSymlinks(file); err == nil {
		m.path = p
	}
	if abs, err := filepath.Abs(m.path); err == nil {
		m.path = abs
	}
	m.ino = fileIno(m.path)
	if m.auto {
		m.stop, m.done = make(chan struct{}), make(chan struct{})
		go m.watch(m.stop, m.done)
	}
	return m
}

// watch releases the mapped pages whenever RssFile exceeds the limit,
// until stop is closed. It holds no bolt transaction between checks, so
// its release never nests one (see release).
func (m *mappedFile) watch(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(watchEvery)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			m.releaseOver()
		}
	}
}

// releaseOver releases the mapped pages if RssFile exceeds the limit.
// Errors are dropped: memory the kernel can reclaim is not a failure, and
// the caller's write is done.
func (m *mappedFile) releaseOver() {
	if m == nil || !m.auto {
		return
	}
	if rss, err := fileRSS(); err == nil && rss <= m.limit {
		return
	}
	_ = m.release()
}

// close stops the watcher and forgets the mapping, waiting for a release
// in progress; called before bolt is closed.
func (m *mappedFile) close() {
	if m == nil {
		return
	}
	if m.stop != nil {
		close(m.stop)
		<-m.done
		m.stop = nil
	}
	m.mu.Lock()
	m.db = nil
	m.mu.Unlock()
}

// release drops the mapping's pages from the process's resident set. It
// must not be called on a goroutine that holds a bolt transaction (bolt's
// rule: a read transaction nested in another can deadlock against a
// writer that is remapping).
func (m *mappedFile) release() error {
	if m == nil || !releaseSupported {
		return nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.db == nil {
		return nil
	}
	tx, err := m.db.Begin(false)
	if err != nil {
		return fmt.Errorf("graph: release mapped pages: %w", err)
	}
	defer tx.Rollback()
	if err := dropMapping(m.db.Info().Data, tx.Size(), m.path, m.ino); err != nil {
		return fmt.Errorf("graph: release mapped pages of %s: %w", m.path, err)
	}
	m.releases.Add(1)
	return nil
}

// ReleaseMapped drops the pages of bolt's memory-mapped file from the
// process's resident set now (Linux; a no-op elsewhere and on SQL
// backends). They stay in the kernel's page cache, so later reads refault
// them without disk I/O. Unless Config.KeepMapped is set the store does
// this itself (see Config.MappedLimit). Safe for concurrent use with
// reads and writes (EachQuad calls its callback outside transactions on
// bolt), but not while the calling goroutine iterates the QuadStore.
func (s *Store) ReleaseMapped() error {
	return s.mapped.release()
}

// autoRelease releases the mapped pages after a write or a large read if
// they exceed the limit, unless the store keeps them.
func (s *Store) autoRelease() {
	s.mapped.releaseOver()
}

// view runs fn in a bolt read transaction, unless the store is closed.
// Like release, it must not run on a goroutine inside another bolt
// transaction.
func (m *mappedFile) view(fn func(*bolt.Tx) error) error { return m.do(false, fn) }

// update runs fn in a bolt write transaction, unless the store is closed.
// The caller holds the store's write lock, so no Cayley write interleaves.
func (m *mappedFile) update(fn func(*bolt.Tx) error) error { return m.do(true, fn) }

func (m *mappedFile) do(writable bool, fn func(*bolt.Tx) error) error {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.db == nil {
		return errors.New("graph: store is closed")
	}
	if writable {
		return m.db.Update(fn)
	}
	return m.db.View(fn)
}
