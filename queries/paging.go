package queries

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// DefaultPageSize is the rows of a page when neither the caller nor
// Runner.PageSize says otherwise.
const DefaultPageSize = 100

// Page selects one page of a saved query's rows. Pages follow the query's
// documented row order (the "order:" header line, Query.Order), which
// every saved query produces incrementally, so a page costs about its own
// rows plus the rows before it, not the whole result.
type Page struct {
	// Limit is the rows of the page: Runner.PageSize when 0, at most the
	// Runner's row limit.
	Limit int
	// Cursor is Result.Next of the previous page; "" for the first page.
	Cursor string
}

// cursorData is what a cursor holds. Cursors are opaque to callers (base64
// of this JSON) so that the encoding can change; today they are the offset
// of the next row plus a digest of the query and its bound parameters, so
// a cursor cannot be replayed against another query or other values.
type cursorData struct {
	Offset int    `json:"o"`
	Digest string `json:"d"`
}

// paramDigest identifies a query run: its name and bound parameter values.
func paramDigest(name string, vals map[string]any) string {
	data, _ := json.Marshal(vals) // map keys come out sorted
	sum := sha256.Sum256(append([]byte(name+"\x00"), data...))
	return hex.EncodeToString(sum[:6])
}

func encodeCursor(offset int, digest string) string {
	data, _ := json.Marshal(cursorData{Offset: offset, Digest: digest})
	return base64.RawURLEncoding.EncodeToString(data)
}

// decodeCursor returns the offset a cursor stands for; "" is offset 0.
func decodeCursor(q Query, c, digest string) (int, error) {
	c = strings.TrimSpace(c)
	if c == "" {
		return 0, nil
	}
	bad := &ParamError{Query: q.Name, Param: "cursor", Reason: "not a cursor this query gave out (use the next cursor of the previous page)"}
	data, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, bad
	}
	var cd cursorData
	if err := json.Unmarshal(data, &cd); err != nil || cd.Offset < 0 {
		return 0, bad
	}
	if cd.Digest != digest {
		return 0, &ParamError{Query: q.Name, Param: "cursor", Reason: "the cursor belongs to another query or other parameter values"}
	}
	return cd.Offset, nil
}

// window is a page resolved to rows: skip Offset rows, return Limit.
type window struct {
	Offset, Limit int
	digest        string
}

// need is how many rows a query must produce for this window, one more
// than the page so that the runner can tell whether another page follows.
// A window without limit needs everything: 0.
func (w window) need() int {
	if w.Limit <= 0 {
		return 0
	}
	return w.Offset + w.Limit + 1
}

func (r *Runner) window(q Query, vals map[string]any, p Page) (window, error) {
	_, rowLimit, _ := r.limits()
	size := r.PageSize
	if size <= 0 {
		size = DefaultPageSize
	}
	if rowLimit > 0 && size > rowLimit {
		size = rowLimit
	}
	if p.Limit < 0 || (rowLimit > 0 && p.Limit > rowLimit) {
		max := "no limit"
		if rowLimit > 0 {
			max = fmt.Sprint(rowLimit)
		}
		return window{}, &ParamError{Query: q.Name, Param: "limit", Reason: fmt.Sprintf("%d is not a page size from 1 to %s", p.Limit, max)}
	}
	if p.Limit > 0 {
		size = p.Limit
	}
	w := window{Limit: size, digest: paramDigest(q.Name, vals)}
	off, err := decodeCursor(q, p.Cursor, w.digest)
	if err != nil {
		return window{}, err
	}
	w.Offset = off
	return w, nil
}
