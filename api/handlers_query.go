package api

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"

	cquery "github.com/cayleygraph/cayley/query"

	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/gizmo"
)

// queryJSON is a saved query as the API lists it.
type queryJSON struct {
	Name        string      `json:"name"`
	Description string      `json:"description,omitempty"`
	Lang        string      `json:"lang"`
	Params      []paramJSON `json:"params"`
	Columns     []string    `json:"columns,omitempty"`
	Tags        []string    `json:"tags,omitempty"`
	// Graph: rows carry source and target nodes, which the console's
	// Visualize tab draws.
	Graph bool `json:"graph"`
	// Order is the row order, which pages follow.
	Order  string `json:"order,omitempty"`
	Origin string `json:"origin,omitempty"`
}

type paramJSON struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Required    bool   `json:"required"`
	Default     string `json:"default,omitempty"`
	Description string `json:"description,omitempty"`
}

func toQueryJSON(q queries.Query) queryJSON {
	out := queryJSON{Name: q.Name, Description: q.Description, Lang: q.Lang, Columns: q.Columns,
		Tags: q.Tags, Graph: q.HasTag(queries.TagGraph), Order: q.Order, Origin: q.Origin, Params: []paramJSON{}}
	if q.Origin != "builtin" && q.Origin != "" {
		out.Origin = "user" // a file path says more about the server than a client needs
	}
	for _, p := range q.Params {
		out.Params = append(out.Params, paramJSON{p.Name, p.Type, p.Required, p.Default, p.Description})
	}
	return out
}

func (s *Server) catalog() []queries.Query {
	if s.deps.Queries == nil {
		return nil
	}
	return s.deps.Queries.List()
}

func (s *Server) handleListQueries(w http.ResponseWriter, r *http.Request) error {
	out := []queryJSON{}
	for _, q := range s.catalog() {
		out = append(out, toQueryJSON(q))
	}
	writeJSON(w, http.StatusOK, map[string]any{"queries": out})
	return nil
}

// Output formats of query results.
const (
	fmtJSON  = "json"
	fmtCSV   = "csv"
	fmtTSV   = "tsv"
	fmtGizmo = "gizmo" // the bound program text, for pasting into the console
)

// resultFormat picks the output format from ?format= or Accept.
func resultFormat(r *http.Request, formatParam string, allowGizmo bool) (string, error) {
	if f := formatParam; f != "" {
		switch f {
		case fmtJSON, fmtCSV, fmtTSV:
			return f, nil
		case fmtGizmo:
			if allowGizmo {
				return f, nil
			}
		}
		valid := "json, csv, tsv"
		if allowGizmo {
			valid += ", gizmo"
		}
		return "", paramError(CodeInvalidParameter, "format", "format %q is not one of %s", f, valid)
	}
	accept := r.Header.Get("Accept")
	if accept == "" {
		return fmtJSON, nil
	}
	for _, part := range strings.Split(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case "application/json", "*/*", "application/*":
			return fmtJSON, nil
		case "text/csv":
			return fmtCSV, nil
		case "text/tab-separated-values":
			return fmtTSV, nil
		case "text/*":
			return fmtCSV, nil
		}
	}
	return "", errorf(http.StatusNotAcceptable, CodeNotAcceptable, "Accept %q: results come as application/json, text/csv or text/tab-separated-values", accept)
}

// queryParams gathers a saved query's parameters from the URL and, for
// POST, a JSON object body. The same name in both is an error.
func queryParams(r *http.Request, q queries.Query) (map[string]string, string, error) {
	declared := map[string]bool{}
	for _, p := range q.Params {
		declared[p.Name] = true
	}
	// "format", "limit" and "cursor" select the output and the page
	// unless the query declares parameters of those names.
	formatKey := "format"
	if declared[formatKey] {
		formatKey = ""
	}
	params := map[string]string{}
	format := ""
	names := make([]string, 0)
	for k := range r.URL.Query() {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		vs := r.URL.Query()[k]
		if k == formatKey && formatKey != "" {
			format = vs[0]
			continue
		}
		if (k == "limit" || k == "cursor") && !declared[k] {
			continue // read by pageOf
		}
		if !declared[k] {
			return nil, "", unknownQueryParam(q, k)
		}
		if len(vs) > 1 {
			return nil, "", paramError(CodeInvalidParameter, k, "parameter %q given %d times", k, len(vs))
		}
		params[k] = vs[0]
	}
	if r.Method == http.MethodPost {
		body, err := readBody(r)
		if err != nil {
			return nil, "", err
		}
		if len(strings.TrimSpace(string(body))) > 0 {
			var obj map[string]any
			dec := json.NewDecoder(strings.NewReader(string(body)))
			dec.UseNumber()
			if err := dec.Decode(&obj); err != nil {
				return nil, "", errorf(http.StatusBadRequest, CodeBadRequest, "body must be a JSON object of parameters: %v", err)
			}
			for k, v := range obj {
				if !declared[k] {
					return nil, "", unknownQueryParam(q, k)
				}
				if _, dup := params[k]; dup {
					return nil, "", paramError(CodeInvalidParameter, k, "parameter %q given both in the URL and in the body", k)
				}
				sv, err := scalarString(v)
				if err != nil {
					return nil, "", paramError(CodeInvalidParameter, k, "parameter %q: %v", k, err)
				}
				params[k] = sv
			}
		}
	}
	return params, format, nil
}

func unknownQueryParam(q queries.Query, k string) error {
	known := []string{}
	for _, p := range q.Params {
		known = append(known, p.Name)
	}
	for _, k := range []string{"format", "limit", "cursor"} {
		if !containsParam(q, k) {
			known = append(known, k)
		}
	}
	return paramError(CodeUnknownParameter, k, "unknown parameter %q for query %s (known: %s)", k, q.Name, strings.Join(known, ", "))
}

func containsParam(q queries.Query, name string) bool {
	for _, p := range q.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

func scalarString(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		return strconv.FormatBool(v), nil
	case nil:
		return "", errors.New("null is not a value")
	}
	return "", fmt.Errorf("want a string, number or boolean, got %T", v)
}

// readBody reads the whole (size-limited) body.
func readBody(r *http.Request) ([]byte, error) {
	data, err := io.ReadAll(r.Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, errorf(http.StatusRequestEntityTooLarge, CodePayloadTooLarge, "request body is larger than %d bytes", mbe.Limit)
	}
	if err != nil {
		return nil, errorf(http.StatusBadRequest, CodeBadRequest, "reading body: %v", err)
	}
	return data, nil
}

func (s *Server) handleRunQuery(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	if s.deps.Queries == nil {
		return errorf(http.StatusNotFound, CodeNotFound, "no saved query %q", name)
	}
	q, ok := s.deps.Queries.Get(name)
	if !ok {
		return errorf(http.StatusNotFound, CodeNotFound, "no saved query %q (GET /api/queries lists them)", name)
	}
	params, formatParam, err := queryParams(r, q)
	if err != nil {
		return err
	}
	format, err := resultFormat(r, formatParam, q.Lang == "gizmo")
	if err != nil {
		return err
	}
	if format == fmtGizmo {
		prog, err := queries.Program(q, params)
		if err != nil {
			return paramErr(err)
		}
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = io.WriteString(w, prog)
		return nil
	}
	page, err := pageOf(r, q, s.cfg.RowLimit)
	if err != nil {
		return err
	}
	done := s.metrics.queryStarted("saved")
	res, err := s.runner.RunPage(r.Context(), q, params, page)
	if err != nil {
		err = paramErr(err)
		err = queryError(r.Context(), err)
		done(err)
		return err
	}
	done(nil)
	extra := map[string]any{"query": q.Name, "offset": res.Offset}
	if q.Order != "" {
		extra["order"] = q.Order
	}
	if len(res.Notes) > 0 {
		extra["notes"] = res.Notes
	}
	if res.Next != "" {
		extra["next_cursor"] = res.Next
		w.Header().Set("Link", nextLink(r, res.Next))
		w.Header().Set("X-Newsgraph-Next-Cursor", res.Next)
	}
	return s.writeResult(w, format, extra, res)
}

// pageOf reads ?limit= and ?cursor= (in a POST, also "limit" and
// "cursor" of the URL only: the body holds the query's parameters),
// unless the query declares parameters of those names.
func pageOf(r *http.Request, q queries.Query, max int) (queries.Page, error) {
	var p queries.Page
	v := r.URL.Query()
	if l := v.Get("limit"); l != "" && !containsParam(q, "limit") {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > max {
			return p, paramError(CodeInvalidParameter, "limit", "limit %q must be an integer from 1 to %d", l, max)
		}
		p.Limit = n
	}
	if c := v.Get("cursor"); c != "" && !containsParam(q, "cursor") {
		p.Cursor = c
	}
	return p, nil
}

// paramErr turns a runner's parameter error into a 400 naming it.
func paramErr(err error) error {
	var pe *queries.ParamError
	if errors.As(err, &pe) {
		code := CodeInvalidParameter
		switch {
		case pe.Reason == "required":
			code = CodeMissingParameter
		case strings.HasPrefix(pe.Reason, "unknown parameter"):
			code = CodeUnknownParameter
		}
		return paramError(code, pe.Param, "%s", pe.Error())
	}
	return err
}

// writeResult writes rows as JSON ({..., columns, rows, count, truncated})
// or as CSV/TSV with a header line.
func (s *Server) writeResult(w http.ResponseWriter, format string, extra map[string]any, res *queries.Result) error {
	cols := res.Columns
	if len(cols) == 0 {
		cols = columnsOf(res.Rows)
	}
	truncated := res.Truncated
	if truncated {
		w.Header().Set("X-Newsgraph-Truncated", "true")
	}
	switch format {
	case fmtCSV, fmtTSV:
		ct := "text/csv; charset=utf-8"
		if format == fmtTSV {
			ct = "text/tab-separated-values; charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
		cw := csv.NewWriter(w)
		if format == fmtTSV {
			cw.Comma = '\t'
		}
		_ = cw.Write(cols)
		rec := make([]string, len(cols))
		for _, row := range res.Rows {
			for i, c := range cols {
				rec[i] = cellString(row[c], format == fmtTSV)
			}
			if err := cw.Write(rec); err != nil {
				return nil // client gone; headers are out
			}
		}
		cw.Flush()
		return nil
	}
	out := map[string]any{}
	for k, v := range extra {
		out[k] = v
	}
	rows := res.Rows
	if rows == nil {
		rows = []map[string]any{}
	}
	out["columns"] = cols
	out["rows"] = rows
	out["count"] = len(rows)
	out["truncated"] = truncated
	writeJSON(w, http.StatusOK, out)
	return nil
}

func columnsOf(rows []map[string]any) []string {
	seen := map[string]bool{}
	cols := []string{}
	for _, r := range rows {
		for k := range r {
			if !seen[k] {
				seen[k] = true
				cols = append(cols, k)
			}
		}
	}
	sort.Strings(cols)
	return cols
}

// cellString renders one value for CSV/TSV. TSV has no quoting convention
// readers agree on, so tabs and newlines inside values become spaces.
func cellString(v any, tsv bool) string {
	var s string
	switch v := v.(type) {
	case nil:
		s = ""
	case string:
		s = v
	case fmt.Stringer:
		s = v.String()
	case float64:
		s = strconv.FormatFloat(v, 'g', -1, 64)
	case int, int64, int32, bool:
		s = fmt.Sprint(v)
	default:
		data, err := json.Marshal(v)
		if err != nil {
			s = fmt.Sprint(v)
		} else {
			s = string(data)
		}
	}
	if tsv {
		s = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

// Languages of POST /api/query.
var adHocLangs = []string{"gizmo", "graphql", "mql"}

func (s *Server) handleAdHocQuery(w http.ResponseWriter, r *http.Request) error {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		lang = "gizmo"
	}
	if !containsString(adHocLangs, lang) {
		return paramError(CodeInvalidParameter, "lang", "lang %q is not one of %s", lang, strings.Join(adHocLangs, ", "))
	}
	body, err := readBody(r)
	if err != nil {
		return err
	}
	src, err := querySource(r, body)
	if err != nil {
		return err
	}
	done := s.metrics.queryStarted("adhoc")
	var res *queries.Result
	if lang == "gizmo" {
		res, err = s.runner.Gizmo(r.Context(), src)
	} else {
		res, err = s.runCayley(r.Context(), lang, src)
	}
	if err != nil {
		err = queryError(r.Context(), err)
		done(err)
		return err
	}
	done(nil)
	return s.writeResult(w, fmtJSON, map[string]any{"lang": lang}, res)
}

// querySource takes the query text from a raw body, or from {"query": "…"}
// when the body is JSON.
func querySource(r *http.Request, body []byte) (string, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	src := string(body)
	if ct == "application/json" {
		var in struct {
			Query string `json:"query"`
		}
		dec := json.NewDecoder(strings.NewReader(src))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			return "", errorf(http.StatusBadRequest, CodeBadRequest, `JSON body must be {"query": "..."}: %v`, err)
		}
		src = in.Query
	}
	if strings.TrimSpace(src) == "" {
		return "", errorf(http.StatusBadRequest, CodeBadRequest, "the query is empty: send it as the request body")
	}
	return src, nil
}

// runCayley runs a GraphQL or MQL query through Cayley's session, under
// the same limits as Gizmo.
func (s *Server) runCayley(ctx context.Context, lang, src string) (*queries.Result, error) {
	if len(src) > gizmo.DefaultMaxSource {
		return nil, fmt.Errorf("%w: the query is %d bytes; at most %d", gizmo.ErrLimit, len(src), gizmo.DefaultMaxSource)
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	it, err := cquery.Execute(ctx, s.deps.Store.QuadStore(), lang, src, cquery.Options{Collation: cquery.JSON, Limit: s.cfg.RowLimit + 1}) // +1 tells a full result from a cut one
	if err != nil {
		return nil, fmt.Errorf("%s: %w", lang, err)
	}
	defer it.Close()
	res := &queries.Result{}
	for it.Next(ctx) {
		if len(res.Rows) == s.cfg.RowLimit {
			res.Truncated = true
			break
		}
		switch v := it.Result().(type) {
		case map[string]any:
			res.Rows = append(res.Rows, v)
		case nil:
		default:
			res.Rows = append(res.Rows, map[string]any{"result": v})
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", lang, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", lang, err)
	}
	// GraphQL answers every node of { nodes { id } } in one object: count
	// the objects nested in arrays as rows too.
	left := s.cfg.RowLimit
	for i, row := range res.Rows {
		if left <= 0 {
			res.Rows, res.Truncated = res.Rows[:i], true
			break
		}
		left--
		if _, cut := capRows(row, &left); cut {
			res.Truncated = true
		}
	}
	return res, nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
