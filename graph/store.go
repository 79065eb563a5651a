// Package graph is newsgraph's Cayley store: it opens (and on first use
// creates) the quad store, writes each document's quads atomically under the
// document's label, deletes and replaces documents, counts what is stored,
// backs it up and restores it, and records cross-document entity merges.
//
// It is the only package that writes to Cayley; readers (queries, api,
// export) use QuadStore or Handle. The quad layout is docs/graph-model.md.
//
// Guarantees:
//   - One WriteDocuments call is one transaction per ~200k quads (group
//     commit); each document is all or nothing, a changed document is
//     replaced (old quads removed, new added) in the same transaction, and
//     a crash leaves every document either whole or absent.
//   - Backends: bolt (default; one process at a time, Open fails fast when
//     the store is in use) and PostgreSQL in Cayley's SQL tables, written
//     in bulk beside Cayley (several processes may write; see
//     WriteDocuments and sqlwrite.go). A store opened on a PostgreSQL hot
//     standby serves reads and refuses writes with ErrReadOnly (replica.go).
//   - Besides the documented layout the store holds bookkeeping that
//     EachQuad and Backup leave out: on bolt, three running-count quads
//     under <ng:stats> (counts.go); on SQL, two extra indexes, and
//     Cayley's foreign keys and ops_index dropped (sql.go).
//   - Memory on bolt (Linux): the pages of bolt's memory-mapped file are
//     released from the process's resident set whenever its file-backed
//     RSS exceeds Config.MappedLimit (128 MiB), so RSS stays near the
//     heap's size instead of growing with the store; bolt maps 1 TiB of
//     address space at open (Config.MmapSize) so it never remaps under
//     readers. See mapped.go.
package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	// The bolt backend and the "single" writer register themselves in
	// init; with Go ≥ 1.21 init order they must be imported here, where
	// they are used, and checked at Open (see checkBackend).
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	_ "github.com/cayleygraph/cayley/writer"
)

// Backend names accepted in Config.Backend.
const (
	BackendBolt     = "bolt"
	BackendPostgres = "postgres"
)

// ErrNotFound is returned (wrapped) when a document or merge does not exist.
var ErrNotFound = errors.New("not found")

// Config says which store to open.
type Config struct {
	// Backend is "bolt" (the default) or "postgres".
	Backend string
	// Path is the bolt database directory; created on first use.
	Path string
	// Address is the SQL connection string, e.g.
	// "postgres://user:pass@host:5432/newsgraph?sslmode=disable".
	Address string
	// Options are passed to Cayley's backend (e.g. "nosync": true for bolt,
	// "maxopenconnections": 8 for SQL). "no_bloom" is always set for KV
	// backends.
	Options map[string]any
	// KeepMapped keeps the pages of bolt's memory-mapped file in the
	// process's resident set, where bolt leaves them: RSS then grows with
	// the store (the kernel reclaims them only under memory pressure). By
	// default (false) they are released (Linux; see ReleaseMapped and
	// mapped.go) whenever the process's file-backed resident memory
	// exceeds MappedLimit: checked after every write transaction and full
	// scan, and every 5 ms in between. Ignored on SQL backends and other
	// systems.
	KeepMapped bool
	// MappedLimit is the file-backed resident memory (bytes, RssFile in
	// /proc/self/status: bolt's mapped pages plus the program's own) above
	// which the mapped pages are released; 0 means DefaultMappedLimit.
	MappedLimit int64
	// MmapSize is how much address space (bytes) bolt maps for its file
	// at open. 0 means DefaultMmapSize; negative, bolt's own growth (remap
	// at every doubling, then every GiB). Mapping far past the end of the
	// file costs no memory, and it spares the remaps: a remap waits for
	// every open read transaction and deadlocks a reader that opens a
	// second one meanwhile, as Cayley's iterators do (see mapped.go).
	MmapSize int64
	// Migrate opens a store written in an earlier graph layout (which Open
	// otherwise refuses, see ErrOldLayout) for Store.Migrate.
	Migrate bool
}

// Store is an open newsgraph store. Its methods are safe for concurrent use;
// writes from one process are serialised, writes from several processes on
// a SQL backend are made safe by the quad layout and retries (see
// WriteDocuments).
type Store struct {
	cfg     Config
	backend string
	qs      cgraph.QuadStore
	handle  *cgraph.Handle
	db      *sql.DB // SQL backends only: our own connection for counts and indexes
	// standby is true on a PostgreSQL hot standby: the store is read-only.
	standby bool

	// mapped is bolt's file mapping (bolt only), whose pages are released
	// from the resident set above Config.MappedLimit (see mapped.go).
	mapped *mappedFile

	// labelIndex is true when the KV store has a label index, so a
	// document's quads are found without scanning the store.
	labelIndex bool

	// oldLayout is true while the store's documents are in an earlier
	// layout (opened with Config.Migrate): the version quad waits for Migrate.
	oldLayout bool

	writeMu   sync.Mutex   // one writer at a time in this process
	conflicts atomic.Int64 // transactions retried after a concurrent writer's change

	// Running counts of KV stores (see counts.go), guarded by writeMu for
	// writing and statsMu for reading.
	statsMu    sync.Mutex
	counts     counts
	haveCounts bool

	// values caches node values read from PostgreSQL (sqlq_values.go).
	values valueCache
}

// kvIndexes are the quad indexes of a new KV store: Cayley's defaults plus
// one on the label, which turns "every quad of this document" (delete,
// replace) from a scan of the whole store into one key lookup.
func kvIndexes() []ckv.QuadIndex {
	out := slices.Clone(ckv.DefaultQuadIndexes)
	return append(out, ckv.QuadIndex{Dirs: []quad.Direction{quad.Label}})
}

// kvInitMu guards the swap of ckv.DefaultQuadIndexes around store creation:
// Cayley reads its index list from that package variable only.
var kvInitMu sync.Mutex

// Open opens the store described by cfg, creating it (and writing the
// schema quads) on first use.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Backend == "" {
		cfg.Backend = BackendBolt
	}
	if cfg.Backend == "cockroach" {
		// Wired once, never testable here, and no longer open source.
		return nil, errors.New(`graph: backend "cockroach" is no longer supported (CockroachDB's licence is no longer open source); use "postgres", with streaming replicas for several machines (docs/deployment.md)`)
	}
	if err := checkBackend(cfg.Backend); err != nil {
		return nil, err
	}
	opts := cgraph.Options{}
	for k, v := range cfg.Options {
		opts[k] = v
	}
	s := &Store{cfg: cfg, backend: cfg.Backend}
	var addr string
	switch cfg.Backend {
	case BackendPostgres:
		if cfg.Address == "" {
			return nil, fmt.Errorf("graph: backend %s needs an address (store.address)", cfg.Backend)
		}
		addr = oneRoundTrip(cfg.Address)
	default:
		if cfg.Path == "" {
			return nil, fmt.Errorf("graph: backend %s needs a path (store.path)", cfg.Backend)
		}
		addr = cfg.Path
		opts[ckv.OptNoBloom] = true
		if err := os.MkdirAll(cfg.Path, 0o700); err != nil {
			return nil, fmt.Errorf("graph: create store directory: %w", err)
		}
		if cfg.Backend == BackendBolt {
			// bolt waits forever for a store another process has open.
			if err := checkNotLocked(boltFile(cfg.Path)); err != nil {
				return nil, err
			}
		}
	}
	if err := s.initBackend(ctx, addr, opts); err != nil {
		return nil, err
	}
	var qs cgraph.QuadStore
	var err error
	if cfg.Backend == BackendBolt {
		qs, s.mapped, err = openBolt(addr, opts, cfg)
	} else {
		qs, err = cgraph.NewQuadStore(cfg.Backend, addr, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: open %s store %s: %w", cfg.Backend, displayAddr(cfg), err)
	}
	s.qs = qs
	// The handle serves Cayley's HTTP API; its writes tolerate duplicates
	// and missing quads as Cayley's own server does, and invalidate our
	// cached counts.
	w, err := cgraph.NewQuadWriter("single", qs, cgraph.Options{"ignore_duplicate": true, "ignore_missing": true})
	if err != nil {
		s.mapped.close() // stop the watcher before bolt unmaps
		qs.Close()
		return nil, fmt.Errorf("graph: quad writer: %w", err)
	}
	s.handle = &cgraph.Handle{QuadStore: qs, QuadWriter: &invalidatingWriter{QuadWriter: w, s: s}}
	if err := s.openSQL(ctx, addr); err != nil {
		s.Close()
		return nil, err
	}
	s.labelIndex = s.hasLabelIndex()
	if s.isKV() {
		if err := s.removeBallast(ctx); err != nil {
			s.Close()
			return nil, fmt.Errorf("graph: clean up after an interrupted write: %w", err)
		}
	}
	if err := s.checkLayout(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.ensureSchema(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if s.useCounts() {
		c, ok, err := s.loadCounts(ctx)
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("graph: read counts: %w", err)
		}
		s.counts, s.haveCounts = c, ok
	}
	s.autoRelease()
	return s, nil
}

// checkBackend fails clearly when a backend package was not linked in or
// its init did not register it.
func checkBackend(name string) error {
	all := cgraph.QuadStores()
	if !slices.Contains(all, name) {
		return fmt.Errorf("graph: backend %q is not registered in this binary (registered: %v)", name, all)
	}
	if !slices.Contains(cgraph.WriterMethods(), "single") {
		return errors.New("graph: Cayley writer \"single\" is not registered (import github.com/cayleygraph/cayley/writer)")
	}
	return nil
}

// initBackend creates the store if it does not exist yet.
func (s *Store) initBackend(ctx context.Context, addr string, opts cgraph.Options) error {
	var err error
	if cgraph.IsPersistent(s.backend) && !isSQL(s.backend) {
		kvInitMu.Lock()
		saved := ckv.DefaultQuadIndexes
		ckv.DefaultQuadIndexes = kvIndexes()
		err = cgraph.InitQuadStore(s.backend, addr, opts)
		ckv.DefaultQuadIndexes = saved
		kvInitMu.Unlock()
	} else {
		if isSQL(s.backend) {
			// Cayley logs an error when asked to create existing tables.
			exists, err := sqlTablesExist(ctx, addr)
			if errors.Is(err, errNoStoreOnStandby) {
				return fmt.Errorf("graph: open %s: %w", displayAddr(s.cfg), err)
			}
			if err == nil && exists {
				return nil
			}
		}
		err = cgraph.InitQuadStore(s.backend, addr, opts)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) && isSQL(s.backend) {
			// Two processes creating the tables at once: the loser sees a
			// duplicate-object error; if the tables are there now, go on.
			if exists, err2 := sqlTablesExist(ctx, addr); err2 == nil && exists {
				err = nil
			}
		}
	}
	if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) && !errors.Is(err, cgraph.ErrOperationNotSupported) {
		return fmt.Errorf("graph: create %s store %s: %w", s.backend, displayAddr(s.cfg), err)
	}
	return nil
}

// hasLabelIndex reports whether a lookup by label is an index scan.
func (s *Store) hasLabelIndex() bool {
	if s.db != nil {
		return true // openSQL creates the label index
	}
	if _, ok := s.qs.(*ckv.QuadStore); !ok {
		return false
	}
	// Any node will do: we only look at which iterator Cayley picks.
	sh := s.qs.QuadIterator(quad.Label, ckv.Int64Value(1))
	_, ok := sh.(*ckv.QuadIterator)
	return ok
}

// isKV reports whether the store is one of Cayley's KV stores (bolt).
func (s *Store) isKV() bool {
	_, ok := s.qs.(*ckv.QuadStore)
	return ok
}

func displayAddr(cfg Config) string {
	if isSQL(cfg.Backend) {
		return redactAddr(cfg.Address)
	}
	return cfg.Path
}

func isSQL(backend string) bool {
	return backend == BackendPostgres
}

// Close closes the store, after any write in progress. It is safe to call
// more than once.
func (s *Store) Close() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var errs []error
	if s.handle != nil {
		errs = append(errs, s.handle.QuadWriter.Close())
		s.handle = nil
	}
	if s.qs != nil {
		// No release may run while bolt unmaps its file.
		s.mapped.close()
		errs = append(errs, s.qs.Close())
		s.qs = nil
	}
	if s.db != nil {
		errs = append(errs, s.db.Close())
		s.db = nil
	}
	return errors.Join(errs...)
}

// QuadStore is the underlying Cayley store, for queries.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Handle is a Cayley handle for Cayley's HTTP API v2. Writes through it
// bypass the per-document rules (use WriteDocuments for documents).
func (s *Store) Handle() *cgraph.Handle { return s.handle }

// Backend is the name of the open backend.
func (s *Store) Backend() string { return s.backend }

// ensureSchema writes the vocabulary quads that are missing (all of them
// on a new store; new classes after an upgrade).
func (s *Store) ensureSchema(ctx context.Context) error {
	if s.standby {
		return nil // replicated from the primary, which wrote it
	}
	var missing []quad.Quad
	for _, q := range SchemaQuads() {
		if s.oldLayout && q == LayoutQuad() {
			continue // written by Migrate once the documents are rewritten
		}
		ok, err := s.hasQuad(ctx, q)
		if err != nil {
			return fmt.Errorf("graph: read schema: %w", err)
		}
		if !ok {
			missing = append(missing, q)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	tx := cgraph.NewTransactionN(len(missing))
	for _, q := range missing {
		tx.AddQuad(q)
	}
	// IgnoreDup: another process may be writing the same schema now.
	if err := s.qs.ApplyDeltas(tx.Deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return fmt.Errorf("graph: write schema: %w", err)
	}
	return nil
}

// invalidatingWriter is the Handle's writer: Cayley's HTTP API writes quads
// graph cannot account for, so the running counts are dropped first (and
// recounted by the next Stats).
type invalidatingWriter struct {
	cgraph.QuadWriter
	s *Store
}

func (w *invalidatingWriter) before() error {
	if err := w.s.checkWritable(); err != nil {
		return err
	}
	w.s.writeMu.Lock()
	defer w.s.writeMu.Unlock()
	return w.s.dropCounts(context.Background())
}

func (w *invalidatingWriter) AddQuad(q quad.Quad) error {
	if err := w.before(); err != nil {
		return err
	}
	defer w.s.autoRelease()
	return w.QuadWriter.AddQuad(q)
}

func (w *invalidatingWriter) AddQuadSet(qs []quad.Quad) error {
	if err := w.before(); err != nil {
		return err
	}
	defer w.s.autoRelease()
	return w.QuadWriter.AddQuadSet(qs)
}

func (w *invalidatingWriter) RemoveQuad(q quad.Quad) error {
	if err := w.before(); err != nil {
		return err
	}
	defer w.s.autoRelease()
	return w.QuadWriter.RemoveQuad(q)
}

func (w *invalidatingWriter) ApplyTransaction(t *cgraph.Transaction) error {
	if err := w.before(); err != nil {
		return err
	}
	defer w.s.autoRelease()
	return w.QuadWriter.ApplyTransaction(t)
}

func (w *invalidatingWriter) RemoveNode(v quad.Value) error {
	if err := w.before(); err != nil {
		return err
	}
	defer w.s.autoRelease()
	return w.QuadWriter.RemoveNode(v)
}
