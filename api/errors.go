package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/gizmo"
)

// Error codes are part of the API contract: clients branch on them, so they
// never change meaning once released. The HTTP status is given beside each.
const (
	CodeBadRequest       = "bad_request"         // 400: malformed body or request
	CodeUnknownParameter = "unknown_parameter"   // 400: a query parameter the route does not take
	CodeInvalidParameter = "invalid_parameter"   // 400: a parameter value of the wrong type or range
	CodeMissingParameter = "missing_parameter"   // 400: a required parameter is absent
	CodeInvalidDocument  = "invalid_document"    // 400: an uploaded document cannot be read
	CodeQueryError       = "query_error"         // 400: the query failed to compile or run
	CodeUnauthorized     = "unauthorized"        // 401: missing or wrong bearer token
	CodeWritesDisabled   = "writes_disabled"     // 403: no token configured, write routes are off
	CodeQueriesDisabled  = "queries_disabled"    // 403: ad-hoc queries need a token and none is configured
	CodeHostNotAllowed   = "host_not_allowed"    // 403: Host header names another site (DNS rebinding)
	CodeCrossSite        = "cross_site"          // 403: a request from another site's page
	CodeReadOnly         = "read_only"           // 403: the server runs read-only
	CodeNotFound         = "not_found"           // 404: no such route, query, entity or document
	CodeMethodNotAllowed = "method_not_allowed"  // 405
	CodeNotAcceptable    = "not_acceptable"      // 406: no supported representation in Accept
	CodePayloadTooLarge  = "payload_too_large"   // 413: body over api.max_body_bytes
	CodeUnsupportedMedia = "unsupported_media"   // 415: body Content-Type not understood
	CodeIngestFailed     = "ingest_failed"       // 422: no document of the upload could be stored
	CodeQueryLimit       = "query_limit"         // 422: the query passed a size, depth or stack limit
	CodeBusy             = "busy"                // 503: every ad-hoc query slot stayed taken for the query's time
	CodeQueryTimeout     = "query_timeout"       // 504: the query ran past api.query_timeout
	CodeQueryMemory      = "query_memory_limit"  // 503: the process heap passed api.max_heap_bytes during the query
	CodeClientClosed     = "client_closed"       // 499: the client went away (logged, rarely seen)
	CodeInternal         = "internal"            // 500
	CodeNotImplemented   = "not_implemented"     // 501: e.g. ingest without an extractor
	CodeUnavailable      = "service_unavailable" // 503: shutting down
)

// Error is the body of every error response.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	// Param names the offending parameter for the *_parameter codes.
	Param string `json:"param,omitempty"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func errorf(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

func paramError(code, param, format string, args ...any) *Error {
	e := errorf(http.StatusBadRequest, code, format, args...)
	e.Param = param
	return e
}

// statusClientClosed is nginx's convention for "client closed request": the
// response is never read, but it keeps such requests apart in metrics.
const statusClientClosed = 499

// queryError maps a query failure to an API error: limits and cancellation
// come from the context, everything else is the query's own fault.
func queryError(ctx context.Context, err error) *Error {
	var apiErr *Error
	if errors.As(err, &apiErr) {
		return apiErr
	}
	// A query stopped by the heap watchdog or its time limit may come back
	// as a bare "context canceled" (GraphQL and Cayley's iterators drop the
	// cause): the context's cause says which limit it was, so a memory stop
	// is never reported as the client going away.
	if cause := context.Cause(ctx); cause != nil && !errors.Is(err, cause) &&
		(errors.Is(cause, queries.ErrMemoryLimit) || errors.Is(cause, queries.ErrTimeout)) {
		err = fmt.Errorf("%w (%w)", cause, err)
	}
	switch {
	case errors.Is(err, queries.ErrBusy):
		return errorf(http.StatusServiceUnavailable, CodeBusy, "%v", err)
	case errors.Is(err, gizmo.ErrLimit) || strings.Contains(err.Error(), "query limit: "):
		return errorf(http.StatusUnprocessableEntity, CodeQueryLimit, "%v", err)
	case errors.Is(err, queries.ErrMemoryLimit):
		return errorf(http.StatusServiceUnavailable, CodeQueryMemory, "%v", err)
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return errorf(http.StatusGatewayTimeout, CodeQueryTimeout, "query stopped by the time limit: %v", err)
	case errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled):
		return errorf(statusClientClosed, CodeClientClosed, "query cancelled: %v", err)
	}
	return errorf(http.StatusBadRequest, CodeQueryError, "%v", err)
}

func writeError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = errorf(http.StatusInternalServerError, CodeInternal, "%v", err)
	}
	writeJSON(w, e.Status, e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client may be gone; nothing to do about it
}
