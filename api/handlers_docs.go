package api

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// documentJSON is a stored document's metadata.
type documentJSON struct {
	ID         string `json:"id"`
	Title      string `json:"title,omitempty"`
	URL        string `json:"url,omitempty"`
	Source     string `json:"source,omitempty"`
	Published  string `json:"published,omitempty"`
	Hash       string `json:"hash"`
	IngestedAt string `json:"ingested_at,omitempty"`
	Quads      int    `json:"quads"`
}

func toDocumentJSON(d graph.DocumentInfo) documentJSON {
	out := documentJSON{ID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Hash: d.Hash, Quads: d.Quads}
	if !d.Published.IsZero() {
		out.Published = d.Published.UTC().Format(time.RFC3339)
	}
	if !d.IngestedAt.IsZero() {
		out.IngestedAt = d.IngestedAt.UTC().Format(time.RFC3339)
	}
	return out
}

// handleListDocuments lists one page of the stored documents, in store
// order (the order the store indexes their rdf:type quads: roughly first
// stored first), so that a page reads only its own documents:
// ?limit= (default api.page_size, at most api.row_limit) and ?cursor=
// (next_cursor of the previous page). total is the store's document count.
func (s *Server) handleListDocuments(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	limit, err := pageLimit(v.Get("limit"), s.cfg.PageSize, s.cfg.RowLimit)
	if err != nil {
		return err
	}
	offset, mark := 0, ""
	if c := v.Get("cursor"); c != "" {
		var ok bool
		if offset, mark, ok = parseDocCursor(c); !ok {
			return paramError(CodeInvalidParameter, "cursor", "cursor %q is not one this server gave out", c)
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	qs := s.deps.Store.QuadStore()
	// A cursor resumes after the last document of its page, in the
	// listing (graph.SubjectIter.AfterMark); where the listing cannot
	// (a scanning store whose document was deleted since, or a cursor of
	// an older version without a mark), the page is found by counting
	// offset documents from the start.
	skip := 0
	if mark == "" {
		skip = offset
	}
	rs := make([]cgraph.Ref, 2)
	for i, iri := range []string{schema.ClassDocument, schema.PredType} {
		ref, err := qs.ValueOf(iriValue(iri))
		if err != nil {
			return queryError(ctx, err)
		}
		rs[i] = ref
	}
	out := []documentJSON{}
	next := ""
	if rs[0] != nil && rs[1] != nil {
		seen, last := 0, ""
		page := func(it *graph.SubjectIter) (bool, error) {
			seen++
			if seen <= skip {
				return true, nil
			}
			if len(out) == limit {
				next = docCursor(offset+limit, last)
				return false, nil
			}
			last = it.Mark()
			d, err := s.deps.Store.Document(ctx, docIDOf(iriString(it.Value())))
			if err != nil {
				return false, err
			}
			out = append(out, toDocumentJSON(d))
			return true, nil
		}
		err := s.eachDocumentNode(ctx, rs[1], rs[0], mark, page)
		if errors.Is(err, graph.ErrSubjectGone) || errors.Is(err, graph.ErrBadMark) {
			skip = offset // the listing cannot place the mark: count from the start
			err = s.eachDocumentNode(ctx, rs[1], rs[0], "", page)
		}
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			return queryError(ctx, err)
		}
	}
	resp := map[string]any{"documents": out, "count": len(out), "offset": offset}
	if st, err := s.deps.Store.Stats(ctx); err == nil {
		resp["total"] = st.Documents
	}
	if next != "" {
		resp["next_cursor"] = next
		w.Header().Set("Link", nextLink(r, next))
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// eachDocumentNode calls fn at each document node (the subjects of
// (?, rdf:type, ng:Document)) in store order, after the listing's mark
// when it is not "", until fn returns false.
func (s *Server) eachDocumentNode(ctx context.Context, typ, class cgraph.Ref, mark string, fn func(*graph.SubjectIter) (bool, error)) error {
	it, err := s.deps.Store.Subjects(typ, class)
	if err != nil {
		return err
	}
	defer it.Close()
	if mark != "" {
		if err := it.AfterMark(mark); err != nil {
			return err
		}
	}
	for {
		ok, err := it.Next(ctx)
		if err != nil || !ok {
			return err
		}
		if more, err := fn(it); err != nil || !more {
			return err
		}
	}
}

// docCursorPrefix marks document-list cursors: base64 of the prefix, the
// offset of the next page and the listing's mark of the last document
// listed ("docs:200:1234"; cursors of older versions have no mark).
const docCursorPrefix = "docs:"

func docCursor(offset int, mark string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(docCursorPrefix + strconv.Itoa(offset) + ":" + mark))
}

func parseDocCursor(c string) (offset int, mark string, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, "", false
	}
	rest, ok := strings.CutPrefix(string(b), docCursorPrefix)
	if !ok {
		return 0, "", false
	}
	n, mark, _ := strings.Cut(rest, ":")
	offset, err = strconv.Atoi(n)
	if err != nil || offset < 0 {
		return 0, "", false
	}
	return offset, mark, true
}

// pageLimit reads ?limit=: def when empty, else 1 to max.
func pageLimit(raw string, def, max int) (int, error) {
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > max {
		return 0, paramError(CodeInvalidParameter, "limit", "limit %q must be an integer from 1 to %d", raw, max)
	}
	return n, nil
}

// nextLink is an RFC 8288 Link header to the next page: the request's URL
// with ?cursor= replaced.
func nextLink(r *http.Request, cursor string) string {
	u := *r.URL
	q := u.Query()
	q.Set("cursor", cursor)
	u.RawQuery = q.Encode()
	u.Scheme, u.Host = "", ""
	return "<" + u.RequestURI() + `>; rel="next"`
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	info, err := s.deps.Store.Document(ctx, id)
	if errors.Is(err, graph.ErrNotFound) {
		return errorf(http.StatusNotFound, CodeNotFound, "no document %q", id)
	}
	if err != nil {
		return queryError(ctx, err)
	}
	ents, err := mentionedEntities(ctx, s, id)
	if err != nil {
		return queryError(ctx, err)
	}
	facts, partial, err := documentFacts(ctx, s.deps.Store, iriValue(schema.DocIRI(id)), maxEvidenceLimit)
	if err != nil {
		return queryError(ctx, err)
	}
	resp := map[string]any{
		"document": toDocumentJSON(info),
		"entities": ents,
		"facts":    facts,
	}
	if partial {
		resp["partial"] = true // only a document of more than maxEvidenceLimit sentences with facts
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

func (s *Server) handleDeleteDocument(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	s.storeMu.Lock()
	n, err := s.deps.Store.DeleteDocument(r.Context(), id)
	s.storeMu.Unlock()
	if errors.Is(err, graph.ErrNotFound) {
		return errorf(http.StatusNotFound, CodeNotFound, "no document %q", id)
	}
	if err != nil {
		return fmt.Errorf("delete document %q: %w", id, err)
	}
	s.log.Info("document deleted", "id", id, "quads", n)
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "deleted": true, "quads_removed": n})
	return nil
}

// ingestResultJSON reports one uploaded document.
type ingestResultJSON struct {
	ID       string `json:"id"`
	Status   string `json:"status"` // added|replaced|unchanged|failed
	Facts    int    `json:"facts"`
	Quads    int    `json:"quads"`
	Entities int    `json:"entities"`
	Rejected int    `json:"rejected,omitempty"` // facts that broke the schema
	Error    string `json:"error,omitempty"`
}

// handleIngest stores one document or a JSONL batch:
//   - application/json: one document object {"id","text",...} or an array
//   - application/x-ndjson, application/jsonl: one object per line
//   - text/plain, text/html: one document; ?id= is required, ?title=,
//     ?url=, ?source=, ?published= optional
func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) error {
	if s.deps.Extractor == nil || s.deps.ReadDocuments == nil {
		return errorf(http.StatusNotImplemented, CodeNotImplemented, "this server has no extractor: ingest is off")
	}
	body, err := readBody(r)
	if err != nil {
		return err
	}
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil && r.Header.Get("Content-Type") != "" {
		return errorf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "Content-Type %q: %v", r.Header.Get("Content-Type"), err)
	}
	v := r.URL.Query()
	var name string
	var data []byte
	switch ct {
	case "application/json":
		if data, err = jsonToJSONL(body); err != nil {
			return errorf(http.StatusBadRequest, CodeInvalidDocument, "%v", err)
		}
		name = "upload.jsonl"
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		name, data = "upload.jsonl", body
	case "text/plain", "text/html":
		id := v.Get("id")
		if id == "" {
			return paramError(CodeMissingParameter, "id", "a %s upload needs ?id= (JSON uploads carry their own ids)", ct)
		}
		if strings.ContainsAny(id, "/\\") || strings.HasPrefix(id, ".") || len(id) > 256 {
			return paramError(CodeInvalidParameter, "id", "id %q: no slashes, no leading dot, at most 256 bytes", id)
		}
		ext := ".txt"
		if ct == "text/html" {
			ext = ".html"
		}
		name, data = id+ext, body
	case "":
		return errorf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "Content-Type is required: application/json, application/x-ndjson, text/plain or text/html")
	default:
		return errorf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "Content-Type %q: use application/json, application/x-ndjson, text/plain or text/html", ct)
	}
	if ct != "text/plain" && ct != "text/html" {
		for _, k := range []string{"id", "title", "url", "source", "published"} {
			if v.Has(k) {
				return paramError(CodeInvalidParameter, k, "?%s= is only for text/plain and text/html uploads; JSON documents carry their own fields", k)
			}
		}
	}
	docs, readErr := s.deps.ReadDocuments(name, bytes.NewReader(data))
	if len(docs) == 0 {
		if readErr == nil {
			readErr = errors.New("no documents in the upload")
		}
		return errorf(http.StatusBadRequest, CodeInvalidDocument, "%v", readErr)
	}
	// A batch with bad lines stores its good documents, as the command-line
	// ingest does; the bad lines are reported and counted as failures.
	readErrs := splitErrors(readErr)
	if ct == "text/plain" || ct == "text/html" {
		if err := applyMeta(&docs[0], v.Get("title"), v.Get("url"), v.Get("source"), v.Get("published"), s.deps.ParseTime); err != nil {
			return err
		}
	}
	ctx := r.Context()
	results := make([]ingestResultJSON, len(docs))
	var exts []schema.Extraction
	var extIdx []int
	for i, d := range docs {
		results[i] = ingestResultJSON{ID: d.ID}
		ext, err := s.deps.Extractor.Extract(ctx, d)
		if err != nil {
			if ctx.Err() != nil {
				return queryError(ctx, ctx.Err())
			}
			results[i].Status, results[i].Error = graph.StatusFailed, err.Error()
			continue
		}
		results[i].Entities, results[i].Rejected = len(ext.Entities), len(ext.Rejected)
		exts = append(exts, ext)
		extIdx = append(extIdx, i)
	}
	if len(exts) > 0 {
		s.storeMu.Lock()
		wrs, err := s.deps.Store.WriteDocuments(ctx, exts)
		s.storeMu.Unlock()
		for j, wr := range wrs {
			i := extIdx[j]
			results[i].Status, results[i].Facts, results[i].Quads = wr.Status, wr.Facts, wr.Quads
			if wr.Err != nil {
				results[i].Error = wr.Err.Error()
			}
		}
		if err != nil {
			return fmt.Errorf("write documents: %w", err)
		}
	}
	failed, factsAdded := len(readErrs), 0
	for _, res := range results {
		s.metrics.ingested.WithLabelValues(res.Status).Inc()
		switch res.Status {
		case graph.StatusFailed:
			failed++
		case graph.StatusAdded, graph.StatusReplaced:
			factsAdded += res.Facts
		}
	}
	status := http.StatusOK
	if failed == len(results)+len(readErrs) {
		status = http.StatusUnprocessableEntity
	}
	s.log.Info("documents ingested", "documents", len(results), "failed", failed, "facts", factsAdded)
	out := map[string]any{"documents": results, "count": len(results), "failed": failed, "facts_added": factsAdded}
	if len(readErrs) > 0 {
		out["read_errors"] = readErrs
	}
	if status != http.StatusOK {
		out["code"] = CodeIngestFailed
		out["message"] = "no document of the upload could be stored"
	}
	writeJSON(w, status, out)
	return nil
}

// splitErrors lists the messages of a joined error.
func splitErrors(err error) []string {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []string
		for _, e := range j.Unwrap() {
			out = append(out, splitErrors(e)...)
		}
		return out
	}
	return []string{err.Error()}
}

// jsonToJSONL turns one JSON document object, or an array of them, into
// JSON Lines for ingest.ReadOne.
func jsonToJSONL(body []byte) ([]byte, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, errors.New("empty body")
	}
	var items []json.RawMessage
	if trimmed[0] == '[' {
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, fmt.Errorf("body is not a JSON array of documents: %w", err)
		}
	} else {
		items = []json.RawMessage{trimmed}
	}
	var buf bytes.Buffer
	for i, it := range items {
		if err := json.Compact(&buf, it); err != nil {
			return nil, fmt.Errorf("document %d is not valid JSON: %w", i+1, err)
		}
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

func applyMeta(d *schema.Document, title, url, source, published string, parse func(string) (time.Time, error)) error {
	if title != "" {
		d.Title = title
	}
	if url != "" {
		d.URL = url
	}
	if source != "" {
		d.Source = source
	}
	if published != "" && parse != nil {
		t, err := parse(published)
		if err != nil {
			return paramError(CodeInvalidParameter, "published", "%v", err)
		}
		d.Published = t
		return nil
	}
	if published != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02"} {
			if t, err := time.Parse(layout, published); err == nil {
				d.Published = t
				return nil
			}
		}
		return paramError(CodeInvalidParameter, "published", "published %q: use RFC 3339 (2024-05-01T10:00:00Z) or a date (2024-05-01)", published)
	}
	return nil
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.deps.Store.Stats(r.Context())
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	queries := len(s.catalog())
	repl, err := s.deps.Store.Replication(r.Context())
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"documents": st.Documents, "entities": st.Entities, "facts": st.Facts, "quads": st.Quads,
		"saved_queries": queries,
		"limits": map[string]any{
			"query_timeout_ms": s.cfg.QueryTimeout.Milliseconds(),
			"row_limit":        s.cfg.RowLimit,
			"max_body_bytes":   s.cfg.MaxBodyBytes,
		},
		"read_only":   s.cfg.ReadOnly,
		"writes":      s.writesEnabled(),
		"replication": repl, // PostgreSQL: role, lag (null on bolt)
		// Read transactions open now (bolt): a query cut by its deadline
		// leaves none.
		"open_reads": s.deps.Store.OpenReads(),
	})
	return nil
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) error {
	if s.draining.Load() {
		return errorf(http.StatusServiceUnavailable, CodeUnavailable, "shutting down")
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	// A cheap read proves the store answers.
	if _, err := s.deps.Store.QuadStore().ValueOf(iriValue(schema.PredType)); err != nil || ctx.Err() != nil {
		return errorf(http.StatusServiceUnavailable, CodeUnavailable, "store not answering: %v", err)
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}
