// Package api serves newsgraph over HTTP: a REST API under /api (JSON by
// default, described by /api/openapi.json), Cayley's own query API under
// /api/v2/, Cayley's web console at / (with its CDN assets served from the
// binary so it works offline), /healthz and Prometheus /metrics.
//
// The server is safe to expose on a trusted network: write routes need a
// bearer token and are off without one, every query runs under a time and
// row limit carried by its context, bodies are size-limited and CORS is off
// unless configured.
package api

//go:generate go run ./internal/genassets

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/cayleygraph/quad"

	// GraphQL and MQL register themselves with Cayley's query package;
	// Gizmo is registered by New (the guarded fork in queries/gizmo).
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/mql"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/gizmo"
	"github.com/newsgraph/newsgraph/schema"
)

// Config holds the server settings (config keys api.*).
type Config struct {
	// Addr is the listen address; default 127.0.0.1:8080 (loopback only).
	Addr string
	// Token enables the write routes: they need "Authorization: Bearer
	// <Token>". Empty turns every write route off.
	Token string
	// QueryToken lets its holder run ad-hoc queries (Gizmo, GraphQL, MQL
	// on /api/query and /api/v2/query) but not write; Token does both.
	// Config api.query_token, env NEWSGRAPH_QUERY_TOKEN.
	QueryToken string
	// PublicQueries lets anyone run ad-hoc queries: for public read-only
	// deployments. Without it, ad-hoc queries need a token, except on a
	// loopback address with no token configured (the local default).
	PublicQueries bool
	// AllowedHosts are the Host names the server answers to besides
	// loopback names (the name a proxy forwards, say); see hostAllowed.
	AllowedHosts []string
	// MaxQueries bounds the ad-hoc queries running at once; the others
	// wait for a slot within their time limit. Default (0): one per CPU
	// less one, at least one (DefaultMaxQueries).
	MaxQueries int
	// ReadOnly turns every write route off, Cayley's included.
	ReadOnly bool
	// QueryTimeout bounds each query; default 10s.
	QueryTimeout time.Duration
	// RowLimit bounds the rows of each query result, and so the largest
	// page a client may ask for (?limit=); default 5000.
	RowLimit int
	// PageSize is the rows of a page of a saved query or of the document
	// list when the client gives no ?limit=; default 100, at most RowLimit.
	PageSize int
	// MaxBodyBytes bounds request bodies; default 32 MiB.
	MaxBodyBytes int64
	// MaxHeapBytes is the heap ceiling the process should stay under
	// while ad-hoc queries run. goja has no per-script memory limit, so a
	// watchdog stops the running ad-hoc queries once they have grown the
	// heap by an eighth of the room between the heap at start and the
	// ceiling and a collection did not bring it back, or by a quarter at
	// once (the rest is for allocations in flight when it fires: one
	// string doubling per running script); the Go collector is told the
	// ceiling (debug.SetMemoryLimit) while the server runs. Default: the
	// heap at start plus 2 GiB.
	MaxHeapBytes uint64
	// CORSOrigins lists the origins allowed to call the API from a browser;
	// "*" allows any. Empty: no CORS headers at all.
	CORSOrigins []string
}

// Defaults of Config.
const (
	DefaultAddr         = "127.0.0.1:8080"
	DefaultQueryTimeout = 10 * time.Second
	DefaultRowLimit     = 5000
	DefaultPageSize     = queries.DefaultPageSize
	DefaultMaxBodyBytes = 32 << 20
	// DefaultQueryHeap is the room above the heap at start that
	// MaxHeapBytes gives by default.
	DefaultQueryHeap = 2 << 30
)

// Store is what the server needs of the graph; *graph.Store has it.
type Store interface {
	QuadStore() cgraph.QuadStore
	Handle() *cgraph.Handle
	WriteDocuments(ctx context.Context, exts []schema.Extraction) ([]graph.WriteResult, error)
	DeleteDocument(ctx context.Context, id string) (int, error)
	Stats(ctx context.Context) (graph.Stats, error)
	// Replication is the PostgreSQL replication state (nil on bolt).
	Replication(ctx context.Context) (*graph.Replication, error)
	Documents(ctx context.Context) ([]graph.DocumentInfo, error)
	// Document returns one document's metadata; errors.Is(err, graph.ErrNotFound) when absent.
	Document(ctx context.Context, id string) (graph.DocumentInfo, error)
	// EachQuad streams the store, for GET /api/export.
	EachQuad(ctx context.Context, fn func(quad.Quad) error) error
	// ReadsNeedLock: readers must hold writers off for as long as they
	// read (only a bolt store whose map may move; see storeMu).
	ReadsNeedLock() bool
	// OpenReads is the number of the store's read transactions open now
	// (bolt; 0 elsewhere), reported in /api/stats.
	OpenReads() int
	// KeyReader lists subjects and neighbours from index keys where the
	// backend can, else by scans (entity search, document pages, saved
	// queries).
	queries.KeyReader
}

// Catalog lists saved queries; *queries.Registry has it.
type Catalog interface {
	List() []queries.Query
	Get(name string) (queries.Query, bool)
}

// Extractor turns an uploaded document into facts; *ingest.Extractor has
// it. It must be safe for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, doc schema.Document) (schema.Extraction, error)
}

// Deps are the components the server works on.
type Deps struct {
	Store     Store     // required
	Queries   Catalog   // saved queries; nil serves none
	Extractor Extractor // nil turns POST /api/documents off (501)
	// ReadDocuments parses an upload into documents: ingest.ReadOne (one
	// .txt/.html document, or a JSONL batch when name ends in .jsonl).
	// Injected so that the API does not link the NLP pipeline itself; nil
	// turns POST /api/documents off (501).
	ReadDocuments func(name string, r io.Reader) ([]schema.Document, error)
	// ParseTime reads ?published= of an upload: ingest.ParseTime, so that
	// it takes what a JSON "published" takes. nil: RFC 3339 or a date.
	ParseTime func(string) (time.Time, error)
	Logger    *slog.Logger
	// Assets overrides the embedded console assets (the contents of
	// api/assets/dist); tests use it to check the rewriting and that
	// missing assets stop the server.
	Assets fs.FS
}

// Server is the HTTP server. Create it with New.
type Server struct {
	cfg      Config
	deps     Deps
	log      *slog.Logger
	runner   *queries.Runner
	handler  http.Handler
	metrics  *metrics
	console  *console
	cayley   *cayleyhttp.APIv2
	draining atomic.Bool
	// gov bounds the ad-hoc queries: slots and the heap watchdog.
	gov *queries.Governor
	// heapAtStart is the heap when the server was built.
	heapAtStart uint64
	// listenAddr is the address Serve listens on (for the Host check).
	listenAddr atomic.Pointer[string]
	// entityScan bounds the entities one search examines (maxEntityScan
	// when 0; tests lower it).
	entityScan atomic.Int64
	// storeMu keeps writes apart from each other and, only where the
	// store says ReadsNeedLock, from reads. Reads and writes of bolt and
	// PostgreSQL are transactions that need no lock between them, with
	// one exception: when a write grows bolt's file past its memory map,
	// bolt maps it again and waits for every open read transaction, and
	// Cayley's iterators keep one open across a whole query while opening
	// more, which deadlocks. graph maps 1 TiB at open so that bolt never
	// remaps (graph/mapped_tx.go); a store opened on bolt's own map growth
	// (or where the address space refused the big map) says
	// ReadsNeedLock, and then each query and export holds the lock
	// shared for its whole read, as before. Otherwise no read takes it: a
	// long query, JavaScript or a slow client never holds a writer off,
	// and a query cut by its deadline leaves no read transaction open
	// (graph rolls it back when the query's context ends).
	storeMu sync.RWMutex
}

// New checks the configuration and builds the server.
func New(cfg Config, deps Deps) (*Server, error) {
	if deps.Store == nil {
		return nil, errors.New("api: a store is required")
	}
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.QueryTimeout == 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	if cfg.RowLimit == 0 {
		cfg.RowLimit = DefaultRowLimit
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.PageSize == 0 {
		cfg.PageSize = DefaultPageSize
	}
	if cfg.PageSize > cfg.RowLimit {
		cfg.PageSize = cfg.RowLimit
	}
	switch {
	case cfg.QueryTimeout < 0:
		return nil, fmt.Errorf("api: query timeout %v must be positive", cfg.QueryTimeout)
	case cfg.RowLimit < 0:
		return nil, fmt.Errorf("api: row limit %d must be positive", cfg.RowLimit)
	case cfg.PageSize < 0:
		return nil, fmt.Errorf("api: page size %d must be positive", cfg.PageSize)
	case cfg.MaxBodyBytes < 0:
		return nil, fmt.Errorf("api: max body bytes %d must be positive", cfg.MaxBodyBytes)
	}
	if cfg.Token != "" && len(cfg.Token) < 16 {
		return nil, errors.New("api: the token must be at least 16 characters")
	}
	if cfg.QueryToken != "" && len(cfg.QueryToken) < 16 {
		return nil, errors.New("api: the query token must be at least 16 characters")
	}
	if cfg.MaxQueries == 0 {
		cfg.MaxQueries = DefaultMaxQueries()
	}
	if cfg.MaxQueries < 0 {
		return nil, fmt.Errorf("api: max queries %d must be positive", cfg.MaxQueries)
	}
	heap := queries.HeapInUse()
	if cfg.MaxHeapBytes == 0 {
		cfg.MaxHeapBytes = heap + DefaultQueryHeap
	}
	if cfg.MaxHeapBytes <= heap {
		return nil, fmt.Errorf("api: max heap bytes %d is below the heap in use already (%d)", cfg.MaxHeapBytes, heap)
	}
	for _, o := range cfg.CORSOrigins {
		if o != "*" && !strings.HasPrefix(o, "http://") && !strings.HasPrefix(o, "https://") {
			return nil, fmt.Errorf("api: CORS origin %q must be \"*\" or start with http:// or https://", o)
		}
	}
	log := deps.Logger
	if log == nil {
		log = slog.Default()
	}
	s := &Server{
		cfg:  cfg,
		deps: deps,
		log:  log,
		runner: &queries.Runner{
			QS:       deps.Store.QuadStore(),
			Timeout:  cfg.QueryTimeout,
			RowLimit: cfg.RowLimit,
			PageSize: cfg.PageSize,
			Keys:     deps.Store,
		},
		metrics:     newMetrics(),
		heapAtStart: heap,
		gov:         queries.NewGovernor(cfg.MaxQueries, heap+(cfg.MaxHeapBytes-heap)/8, heap+(cfg.MaxHeapBytes-heap)/4),
	}
	assets := deps.Assets
	if assets == nil {
		assets = embeddedAssets()
	}
	var err error
	s.console, err = newConsole(assets)
	if err != nil {
		return nil, err
	}
	// Cayley's /api/v2/query (and so the console) runs "gizmo" from its
	// language registry. Upstream's runs scripts in a goroutine without
	// recover: g.V({}) would crash the server. The fork turns such panics
	// into query errors and caps rows and arrays. The registry is Cayley's
	// process-wide table, so the last server created sets the caps.
	gizmo.Register(gizmo.Options{MaxRows: cfg.RowLimit, MaxArray: queries.DefaultArrayLimit})
	s.cayley = cayleyhttp.NewAPIv2(deps.Store.Handle())
	s.cayley.SetQueryTimeout(cfg.QueryTimeout)
	s.cayley.SetQueryLimit(cfg.RowLimit)
	// Defence in depth: the write routes are already gated by writeGate.
	s.cayley.SetReadOnly(!s.writesEnabled())
	s.handler = s.routes()
	return s, nil
}

// Config returns the effective configuration, defaults filled in.
func (s *Server) Config() Config { return s.cfg }

// Handler returns the root handler: every route with its middleware.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) writesEnabled() bool { return s.cfg.Token != "" && !s.cfg.ReadOnly }

// ListenAndServe listens on Config.Addr and serves until ctx is cancelled,
// then shuts down gracefully.
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("api: listen: %w", err)
	}
	return s.Serve(ctx, ln)
}

// DefaultMaxQueries is how many ad-hoc queries run at once by default: one
// per CPU less one, at least one. A script is CPU-bound; with a query on
// every CPU, /healthz, saved queries and writes waited behind hostile
// scripts for over 2 s on two cores (the hostile suite, session 8), and
// with one CPU left they answered within 1 s.
func DefaultMaxQueries() int { return max(1, runtime.GOMAXPROCS(0)-1) }

// Serve serves on ln until ctx is cancelled. In-flight requests get the
// query timeout plus a few seconds to finish; after that they are cut off.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	addr := ln.Addr().String()
	s.listenAddr.Store(&addr)
	// The collector works harder as the heap nears the ceiling, so that
	// what stopped queries left behind is reclaimed before it counts.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(min(s.cfg.MaxHeapBytes, math.MaxInt64))))
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		// Bounds slow uploads: 32 MiB in 5 minutes is ~110 KB/s. Every
		// response also has a write deadline (middleware, idleWriter).
		ReadTimeout:    5 * time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	s.log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "read_only", s.cfg.ReadOnly,
		"writes", s.writesEnabled(), "adhoc_queries", s.adHocMode(),
		"heap_at_start_mib", s.heapAtStart>>20, "heap_ceiling_mib", s.cfg.MaxHeapBytes>>20, "query_timeout", s.cfg.QueryTimeout, "row_limit", s.cfg.RowLimit)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("api: serve: %w", err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	grace := s.cfg.QueryTimeout + 5*time.Second
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		s.log.Warn("graceful shutdown timed out; closing connections", "err", err)
		err = srv.Close()
	}
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("api: shutdown: %w", err)
	}
	s.log.Info("server stopped")
	return nil
}

// adHocMode says in the start-up log who may run ad-hoc queries.
func (s *Server) adHocMode() string {
	switch {
	case s.cfg.PublicQueries:
		return "public"
	case s.adHocOpen():
		return "local default: open on loopback, no token configured"
	case !s.tokensConfigured():
		return "off: no token configured"
	}
	return "token"
}
