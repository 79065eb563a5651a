package api

import (
	"bytes"
	"crypto/subtle"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"
)

// route is one REST endpoint. The table drives the mux, the unknown-
// parameter check and the OpenAPI consistency test.
type route struct {
	method, path string
	// params are the query parameters the route accepts; dynamic routes
	// (saved queries, whose parameters come from the query) check their own.
	params  []string
	dynamic bool
	write   bool
	// reads: the handler reads the store (under the shared store lock
	// where the store needs one: see storeMu).
	reads bool
	// adhoc: the route runs a client's query text, which needs the query
	// gate and a governor slot (taken before the store lock).
	adhoc bool
	h     func(w http.ResponseWriter, r *http.Request) error
}

func (s *Server) restRoutes() []route {
	return []route{
		{method: "GET", path: "/api/openapi.json", h: s.handleOpenAPI},
		{method: "GET", path: "/api/queries", h: s.handleListQueries},
		{method: "GET", path: "/api/queries/{name}", params: savedQueryParams, dynamic: true, reads: true, h: s.handleRunQuery},
		{method: "POST", path: "/api/queries/{name}", params: savedQueryParams, dynamic: true, reads: true, h: s.handleRunQuery},
		{method: "POST", path: "/api/query", params: []string{"lang"}, reads: true, adhoc: true, h: s.handleAdHocQuery},
		{method: "GET", path: "/api/entities", params: []string{"q", "class", "limit", "cursor"}, reads: true, h: s.handleSearchEntities},
		{method: "GET", path: "/api/entities/{id...}", params: []string{"evidence_limit"}, reads: true, h: s.handleEntity},
		{method: "GET", path: "/api/documents", params: []string{"limit", "cursor"}, reads: true, h: s.handleListDocuments},
		{method: "POST", path: "/api/documents", params: []string{"id", "title", "url", "source", "published"}, write: true, h: s.handleIngest},
		{method: "GET", path: "/api/documents/{id}", reads: true, h: s.handleDocument},
		{method: "DELETE", path: "/api/documents/{id}", write: true, h: s.handleDeleteDocument},
		{method: "GET", path: "/api/stats", reads: true, h: s.handleStats},
		{method: "GET", path: "/api/export", params: []string{"format", "class", "predicate", "doc", "entity", "from", "to", "min_confidence", "any_endpoint"}, h: s.handleExport}, // locks per batch
		// No store lock: one short read that never waits behind a query.
		{method: "GET", path: "/healthz", h: s.handleHealth},
	}
}

// savedQueryParams are the query parameters of a saved-query route besides
// the query's own (which the handler checks, so the route is dynamic).
var savedQueryParams = []string{"format", "limit", "cursor"}

// cayleyWritePaths are the routes of Cayley's API v2 that change the store.
var cayleyWritePaths = []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.restRoutes() {
		mux.Handle(rt.method+" "+rt.path, s.wrap(rt))
	}
	mux.Handle("GET /metrics", s.metrics.handler())
	// Cayley's API: its own router under /api/v2/, writes behind the gate.
	mux.Handle("/api/v2/", http.HandlerFunc(s.serveCayley))
	// Anything else under /api is a JSON 404 or 405, never the console.
	mux.Handle("/api/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, s.notRouted(r))
	}))
	// "/" and not "GET /": a method on "/" would conflict with the
	// method-less "/api/" patterns; the console checks the method itself.
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.consoleLogin(w, r) {
			s.console.ServeHTTP(w, r)
		}
	}))
	return s.middleware(mux)
}

// programMarker starts every saved-query program that GET
// /api/queries/{name}?format=gizmo hands out (queries.Program's prelude
// binds its globals in name order: page, params, vocab).
// TestProgramMarker keeps the two in step.
const programMarker = "var page = (function f(o)"

// savedProgramAsJSON works around a mismatch in the console: Visualize asks
// for JSON-LD, in which Gizmo hands node values to scripts as {"@id": …}
// objects, but the saved queries' helper library expects the plain JSON
// values. Their rows already carry source/target as {"@id": …}, so plain
// JSON draws the same picture. Other queries keep the collation they ask
// for. (The lasting fix is for queries/lib.js to accept JSON-LD values.)
func savedProgramAsJSON(r *http.Request) {
	if r.URL.Query().Get("lang") != "gizmo" || !strings.Contains(r.Header.Get("Accept"), "application/ld+json") {
		return
	}
	body, ok := r.Body.(interface{ Peek() []byte })
	if !ok || !bytes.HasPrefix(bytes.TrimSpace(body.Peek()), []byte(programMarker)) {
		return
	}
	r.Header.Set("Accept", "application/json")
}

// peekBody is a buffered body whose bytes can be looked at first.
type peekBody struct {
	*bytes.Reader
	data []byte
}

func (b peekBody) Peek() []byte { return b.data }
func (b peekBody) Close() error { return nil }

// bufferBody reads the (size-limited) body into memory.
func bufferBody(r *http.Request) error {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	body, err := readBody(r)
	if err != nil {
		return err
	}
	r.Body = peekBody{bytes.NewReader(body), body}
	return nil
}

// notRouted tells a wrong method on a known path from an unknown path.
func (s *Server) notRouted(r *http.Request) error {
	var allowed []string
	for _, rt := range s.restRoutes() {
		if pathMatches(rt.path, r.URL.Path) {
			allowed = append(allowed, rt.method)
		}
	}
	if len(allowed) > 0 {
		return errorf(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s %s: allowed methods are %s", r.Method, r.URL.Path, strings.Join(allowed, ", "))
	}
	return errorf(http.StatusNotFound, CodeNotFound, "no route %s %s", r.Method, r.URL.Path)
}

// pathMatches compares a mux pattern's path with a request path, segment
// by segment; {x} matches one segment, {x...} the rest.
func pathMatches(pattern, path string) bool {
	ps, qs := strings.Split(pattern, "/"), strings.Split(path, "/")
	for i, p := range ps {
		if strings.HasSuffix(p, "...}") {
			return len(qs) > i && qs[i] != ""
		}
		if i >= len(qs) {
			return false
		}
		if strings.HasPrefix(p, "{") {
			if qs[i] == "" {
				return false
			}
			continue
		}
		if p != qs[i] {
			return false
		}
	}
	return len(ps) == len(qs)
}

// wrap adds the per-route checks: the write gate and unknown parameters.
func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rt.write {
			if err := s.writeGate(r); err != nil {
				writeError(w, err)
				return
			}
		}
		if rt.adhoc {
			if err := s.queryGate(r); err != nil {
				writeError(w, err)
				return
			}
		}
		if rt.reads {
			// Read the body before taking the lock, so that a slow client
			// cannot hold writers off.
			if err := bufferBody(r); err != nil {
				writeError(w, err)
				return
			}
			if rt.adhoc {
				// Wait for a slot before taking the lock: a queue of
				// queries must not hold writers (and so all readers) off.
				ctx, release, err := s.enterQuery(r.Context())
				if err != nil {
					writeError(w, queryError(r.Context(), err))
					return
				}
				defer release()
				r = r.WithContext(ctx)
			}
			defer s.readLock()()
		}
		if !rt.dynamic {
			if err := checkParams(r, rt.params); err != nil {
				writeError(w, err)
				return
			}
		}
		if err := rt.h(w, r); err != nil {
			// Client errors and limits are the client's business; anything
			// else is ours to look into.
			var e *Error
			if !errors.As(err, &e) || (e.Status >= 500 && e.Code != CodeQueryTimeout && e.Code != CodeQueryMemory) {
				s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			}
			writeError(w, err)
		}
	})
}

func checkParams(r *http.Request, allowed []string) error {
	for name := range r.URL.Query() {
		if !slices.Contains(allowed, name) {
			if len(allowed) == 0 {
				return paramError(CodeUnknownParameter, name, "unknown parameter %q: this route takes none", name)
			}
			return paramError(CodeUnknownParameter, name, "unknown parameter %q: this route takes %s", name, strings.Join(allowed, ", "))
		}
	}
	return nil
}

// writeGate decides whether a write request may proceed: read-only wins,
// then a configured token is required and must match.
func (s *Server) writeGate(r *http.Request) error {
	if s.cfg.ReadOnly {
		return errorf(http.StatusForbidden, CodeReadOnly, "the server is read-only: %s %s is refused", r.Method, r.URL.Path)
	}
	if s.cfg.Token == "" {
		return errorf(http.StatusForbidden, CodeWritesDisabled, "write routes are off: no API token is configured (api.token or NEWSGRAPH_API_TOKEN)")
	}
	auth := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return errorf(http.StatusUnauthorized, CodeUnauthorized, "this route needs an Authorization: Bearer <token> header")
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.cfg.Token)) != 1 {
		return errorf(http.StatusUnauthorized, CodeUnauthorized, "wrong bearer token")
	}
	return nil
}

// middleware applies to every request: draining, CORS, body limit, metrics.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v)
				if !sw.wrote {
					writeError(sw, errorf(http.StatusInternalServerError, CodeInternal, "internal error"))
				}
			}
			s.metrics.observe(r, sw.status, time.Since(start))
		}()
		if s.draining.Load() {
			sw.Header().Set("Connection", "close")
		}
		if !s.hostAllowed(r) {
			writeError(sw, errorf(http.StatusForbidden, CodeHostNotAllowed, "Host %q is not a name of this server (DNS rebinding?); add it to api.allowed_hosts if it is", r.Host))
			return
		}
		if s.crossSite(r) {
			writeError(sw, errorf(http.StatusForbidden, CodeCrossSite, "a request from another site (Origin %q) is refused; allow the origin with api.cors_origins", r.Header.Get("Origin")))
			return
		}
		if s.cors(sw, r) {
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(sw, r.Body, s.cfg.MaxBodyBytes)
		}
		// Every response has a write deadline: the time a query may take
		// to produce it, then writeIdle per write (idleWriter), so a client
		// that stops reading is cut off even mid-export.
		rc := http.NewResponseController(sw)
		_ = rc.SetWriteDeadline(time.Now().Add(s.cfg.QueryTimeout + writeIdle))
		next.ServeHTTP(idleWriter{ResponseWriter: sw, rc: rc, idle: writeIdle}, r)
	})
}

// cors sets CORS headers for allowed origins and answers preflights; it
// reports whether the request was fully handled.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if len(s.cfg.CORSOrigins) == 0 || origin == "" {
		return false
	}
	allowed := slices.Contains(s.cfg.CORSOrigins, "*") || slices.Contains(s.cfg.CORSOrigins, origin)
	w.Header().Add("Vary", "Origin")
	if !allowed {
		return false
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, DELETE")
		w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept")
		w.Header().Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// statusWriter remembers the status for metrics and logs.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(p)
}

// Flush lets streaming handlers (Cayley's /api/v2/read) flush.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
