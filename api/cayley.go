package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/queries"
)

// serveCayley serves Cayley's API v2 under newsgraph's rules: writes behind
// the write gate, queries POST-only behind the query gate and a governor
// slot, GraphQL and MQL under the row limit, the whole-store read with the
// store lock taken per batch.
func (s *Server) serveCayley(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	write := slices.Contains(cayleyWritePaths, path)
	if write {
		if err := s.writeGate(r); err != nil {
			writeError(w, err)
			return
		}
	}
	if path == "/api/v2/query" {
		if r.Method != http.MethodPost {
			// A GET is what any page can send with an <img>; saved
			// queries are the GET routes (/api/queries/{name}).
			writeError(w, errorf(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s %s: send the query as the body of a POST", r.Method, path))
			return
		}
		if err := s.queryGate(r); err != nil {
			writeError(w, err)
			return
		}
	}
	// Cayley parses while it reads: a body cut off by the size limit
	// would surface as a parse error (500). Read it whole first, also so
	// that a slow client does not hold the store lock.
	if err := bufferBody(r); err != nil {
		writeError(w, err)
		return
	}
	if write {
		if err := s.gunzipBody(r); err != nil {
			writeError(w, err)
			return
		}
		s.storeMu.Lock()
		defer s.storeMu.Unlock()
		s.cayley.ServeHTTP(w, r)
		return
	}
	switch path {
	case "/api/v2/query":
		s.serveCayleyQuery(w, r)
	case "/api/v2/read":
		if err := s.serveRead(w, r); err != nil {
			writeError(w, err)
		}
	default: // formats, and Cayley's own 404s and 405s
		s.cayley.ServeHTTP(w, r)
	}
}

// enterQuery gives an ad-hoc query its time limit and a governor slot
// (waiting for one counts against the time limit). release gives both
// back; call it once the query has stopped.
func (s *Server) enterQuery(ctx context.Context) (context.Context, func(), error) {
	tctx, cancel := context.WithTimeoutCause(ctx, s.cfg.QueryTimeout, queries.ErrTimeout)
	qctx, release, err := s.gov.Enter(tctx)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	return qctx, func() { release(); cancel() }, nil
}

// serveCayleyQuery runs POST /api/v2/query: Gizmo through Cayley's handler
// (the console reads its answers), GraphQL and MQL through runCayley, so
// that their rows count against the row limit.
func (s *Server) serveCayleyQuery(w http.ResponseWriter, r *http.Request) {
	savedProgramAsJSON(r)
	ctx, release, err := s.enterQuery(r.Context())
	if err != nil {
		writeError(w, queryError(r.Context(), err))
		return
	}
	defer release()
	r = r.WithContext(ctx)
	defer s.readLock()()
	done := s.metrics.queryStarted("cayley")
	lang := r.URL.Query().Get("lang")
	if lang != "graphql" && lang != "mql" {
		s.cayley.ServeHTTP(w, r)
		done(ctx.Err())
		return
	}
	body, err := readBody(r)
	if err != nil {
		done(err)
		writeError(w, err)
		return
	}
	res, err := s.runCayley(ctx, lang, string(body))
	if err != nil {
		err = queryError(ctx, err)
		done(err)
		writeError(w, err)
		return
	}
	done(nil)
	if res.Truncated {
		w.Header().Set("X-Newsgraph-Truncated", "true")
	}
	// Cayley's shapes: GraphQL {"data": …}, the others {"result": […]}.
	var out any = map[string]any{"result": res.Rows, "truncated": res.Truncated}
	if lang == "graphql" {
		var data any
		if len(res.Rows) > 0 {
			data = res.Rows[0]
		}
		out = map[string]any{"data": data, "truncated": res.Truncated}
	}
	writeJSON(w, http.StatusOK, out)
}

// capRows cuts the arrays nested in v (GraphQL answers all nodes as one
// object holding an array) so that v holds at most *left objects, and
// reports whether it cut.
func capRows(v any, left *int) (any, bool) {
	cut := false
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			var c bool
			x[k], c = capRows(e, left)
			cut = cut || c
		}
	case []map[string]any:
		for i := range x {
			if *left <= 0 {
				return x[:i], true
			}
			*left--
			_, c := capRows(x[i], left)
			cut = cut || c
		}
	case []any:
		for i := range x {
			if *left <= 0 {
				return x[:i], true
			}
			if _, ok := x[i].(map[string]any); ok {
				*left--
			}
			var c bool
			x[i], c = capRows(x[i], left)
			cut = cut || c
		}
	}
	return v, cut
}

// serveRead is Cayley's /api/v2/read (the whole store in a quad format)
// through graph.Store.EachQuad, with the store lock held per batch only,
// so a slow reader never holds writers off.
func (s *Server) serveRead(w http.ResponseWriter, r *http.Request) error {
	name := r.URL.Query().Get("format")
	if name == "" {
		name = "nquads"
	}
	f := quad.FormatByName(name)
	if f == nil || f.Writer == nil {
		return paramError(CodeInvalidParameter, "format", "format %q cannot be written (GET /api/v2/formats lists them)", name)
	}
	if len(f.Mime) > 0 {
		w.Header().Set("Content-Type", f.Mime[0])
	}
	qw := f.Writer(w)
	err := s.batchLocked().EachQuad(r.Context(), func(q quad.Quad) error { return qw.WriteQuad(q) })
	if cerr := qw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.log.Warn("read cut short", "err", err)
	}
	return nil // the body has started: an error cannot be sent any more
}

// readLock takes the store lock shared where the store needs readers to
// hold writers off (see storeMu) and returns its release; elsewhere it
// takes nothing.
func (s *Server) readLock() func() {
	if !s.deps.Store.ReadsNeedLock() {
		return func() {}
	}
	s.storeMu.RLock()
	return s.storeMu.RUnlock
}

// lockedSource is the store for a streaming export: EachQuad's callbacks
// run outside bolt transactions (graph reads the log in batches), so
// where the store needs a read lock at all it is held while a batch is
// read and released while the callback writes to the client.
type lockedSource struct{ s *Server }

func (s *Server) batchLocked() lockedSource { return lockedSource{s} }

// EachQuad streams the store with the lock (if any) held per batch.
func (l lockedSource) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	if !l.s.deps.Store.ReadsNeedLock() {
		return l.s.deps.Store.EachQuad(ctx, fn)
	}
	mu := &l.s.storeMu
	mu.RLock()
	locked := true
	defer func() {
		if locked {
			mu.RUnlock()
		}
	}()
	return l.s.deps.Store.EachQuad(ctx, func(q quad.Quad) error {
		mu.RUnlock()
		locked = false
		err := fn(q)
		mu.RLock()
		locked = true
		return err
	})
}

// gunzipBody decompresses a gzip body (Content-Encoding: gzip, which
// Cayley's write routes accept) under the same size limit as a plain one:
// the limit on the wire alone let 5.7 MB expand to 53 MB.
func (s *Server) gunzipBody(r *http.Request) error {
	enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding")))
	if enc == "" || enc == "identity" {
		return nil
	}
	if enc != "gzip" {
		return errorf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "Content-Encoding %q: only gzip is understood", enc)
	}
	body, ok := r.Body.(peekBody)
	if !ok {
		return errors.New("api: gzip body not buffered")
	}
	zr, err := gzip.NewReader(bytes.NewReader(body.data))
	if err != nil {
		return errorf(http.StatusBadRequest, CodeBadRequest, "gzip body: %v", err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, s.cfg.MaxBodyBytes+1))
	if err != nil {
		return errorf(http.StatusBadRequest, CodeBadRequest, "gzip body: %v", err)
	}
	if int64(len(data)) > s.cfg.MaxBodyBytes {
		return errorf(http.StatusRequestEntityTooLarge, CodePayloadTooLarge, "request body is larger than %d bytes once decompressed", s.cfg.MaxBodyBytes)
	}
	r.Body = peekBody{bytes.NewReader(data), data}
	r.Header.Del("Content-Encoding")
	r.ContentLength = int64(len(data))
	return nil
}
