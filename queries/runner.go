package queries

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime/metrics"
	"sort"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries/gizmo"
)

// Defaults used when a Runner field is zero.
const (
	DefaultTimeout    = 30 * time.Second
	DefaultRowLimit   = 10000
	DefaultArrayLimit = 200000
)

// ErrTimeout is returned (wrapped) when a query runs past the Runner's
// Timeout; errors.Is(err, context.DeadlineExceeded) also holds.
var ErrTimeout = errors.New("query time limit reached")

// ErrMemoryLimit is returned (wrapped) when the process heap grew past the
// Runner's MaxHeap while the query ran.
var ErrMemoryLimit = errors.New("query stopped: process memory limit reached")

// Runner runs queries against a quad store with limits. The zero limits
// mean the defaults above; a Runner is safe for concurrent use (every run
// gets its own Gizmo session).
type Runner struct {
	QS       cgraph.QuadStore
	Timeout  time.Duration // per query; DefaultTimeout when 0, no limit when < 0
	RowLimit int           // rows returned at most; DefaultRowLimit when 0, no limit when < 0
	// ArrayLimit caps what a script may collect with ToArray/TagArray
	// (those arrays live inside the VM, outside the row limit).
	ArrayLimit int
	// MaxHeap, when > 0, stops a running Gizmo query if the process heap
	// exceeds it (bytes): goja has no per-script memory limit, so this is
	// the backstop against a script that allocates without end.
	MaxHeap uint64

	// Gov, when set, bounds the Gizmo scripts of all Runners that share
	// it: how many run at once and the process heap (it replaces MaxHeap).
	Gov *Governor
	// Limits bound what one script may make the engine do (string and
	// array sizes, nesting depth, result bytes); zero fields: defaults.
	Limits gizmo.Limits

	// PageSize is the rows of a page of a saved query when the caller
	// gives no Page.Limit; DefaultPageSize when 0, at most RowLimit (which
	// is also the largest page a caller may ask for).
	PageSize int

	// Keys, when set, is the *graph.Store that QS belongs to: class
	// listings (entities) then read index keys, one per entity, instead
	// of one quad per document that types it, and path searches read a
	// node's neighbours from index entries. Optional; results are the
	// same either way (up to what a search's bound cuts).
	Keys KeyReader

	// plain leaves out the native helpers, as in Cayley's console (tests).
	plain bool

	cacheOnce sync.Once
	cache     *resolveCache
	// progs keeps lib.js and the scripts compiled between runs.
	progs gizmo.Programs
}

// resolver is ResolveName through the Runner's cache.
func (r *Runner) resolver() func(context.Context, string) ([]string, error) {
	r.cacheOnce.Do(func() { r.cache = &resolveCache{} })
	return func(ctx context.Context, text string) ([]string, error) {
		return r.cache.resolve(ctx, r.QS, r.Keys, text)
	}
}

// entityParam is ResolveEntity through the Runner's cache for a query's
// parameter (top: the class it wants, or ""): the entity's cluster, or
// the *ParamError that says the text names no entity or several (with the
// candidates).
func (r *Runner) entityParam() func(ctx context.Context, query, param, text, top string) ([]string, error) {
	r.cacheOnce.Do(func() { r.cache = &resolveCache{} })
	return func(ctx context.Context, query, param, text, top string) ([]string, error) {
		ids, cands, err := r.cache.entity(ctx, r.QS, r.Keys, text, top)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			return nil, entityError(query, param, text, cands)
		}
		return ids, nil
	}
}

// KeyReader reads from index keys what Cayley's iterators would read
// quad by quad; *graph.Store has it (where it cannot, e.g. on SQL
// backends, Subjects scans quads itself and the others answer ok false:
// callers scan instead).
type KeyReader interface {
	// Subjects lists the distinct subjects of (?, pred, obj).
	Subjects(pred, obj cgraph.Ref) (*graph.SubjectIter, error)
	// CountKey counts the quads (sub, pred[, obj]) from one index entry;
	// ok false: count with graph.CountQuads instead.
	CountKey(sub, pred, obj cgraph.Ref) (n int64, ok bool, err error)
	// FirstObject is the object of the first quad (sub, pred); ok false:
	// scan instead.
	FirstObject(sub, pred cgraph.Ref) (v quad.Value, ok bool, err error)
	// Links lists a node's distinct neighbours through some predicates
	// in one direction; ok false: scan instead.
	Links(ctx context.Context, node cgraph.Ref, dir quad.Direction, preds []cgraph.Ref, bounds graph.LinkBounds) (graph.LinkScan, bool, error)
}

// Result is the rows of one query.
type Result struct {
	// Columns are the row keys in display order: the query's declared
	// columns, then any other key seen, sorted.
	Columns []string
	// Rows hold strings, int64, float64, bool, time.Time or nil; node
	// references ({"@id": iri} in scripts, Gizmo tags) become the IRI string.
	Rows []map[string]any
	// Truncated is true when more rows follow: a saved query's page is
	// not the last (Next says how to get the next one), or the row limit
	// cut an ad-hoc script.
	Truncated bool
	// Next is the cursor of the next page of a saved query (Page.Cursor);
	// "" when this page is the last.
	Next string
	// Offset is the number of rows before this page.
	Offset int
	// Notes say where a query bounded its work (a path search that hit
	// its edge budget, say), so that a short answer is not read as a
	// complete one.
	Notes []string
	// Elapsed is how long the query ran.
	Elapsed time.Duration
}

func (r *Runner) limits() (time.Duration, int, int) {
	t, rows, arr := r.Timeout, r.RowLimit, r.ArrayLimit
	if t == 0 {
		t = DefaultTimeout
	}
	if rows == 0 {
		rows = DefaultRowLimit
	}
	if arr == 0 {
		arr = DefaultArrayLimit
	}
	return t, rows, arr
}

// Run runs a saved query with raw parameter strings (see Bind) and
// returns its first page (Runner.PageSize rows); RunPage gives the others.
// Parameter errors are *ParamError; a query that runs past the timeout
// returns ErrTimeout (wrapped) and no rows.
func (r *Runner) Run(ctx context.Context, q Query, params map[string]string) (*Result, error) {
	return r.RunPage(ctx, q, params, Page{})
}

// RunPage runs a saved query and returns one page of its rows, in the
// query's row order (Query.Order). Result.Next is the cursor of the next
// page ("" on the last). A bad page size or cursor is a *ParamError on
// "limit" or "cursor". Scripts see the page as the frozen global `page`
// ({offset, limit}) to bound their work; rows they emit before the page
// are skipped, and the script is stopped once the page is full.
func (r *Runner) RunPage(ctx context.Context, q Query, params map[string]string, p Page) (*Result, error) {
	vals, err := Bind(q, params)
	if err != nil {
		return nil, err
	}
	w, err := r.window(q, vals, p)
	if err != nil {
		return nil, err
	}
	res, err := r.runWindow(ctx, q, vals, w, true)
	if err != nil {
		return nil, err
	}
	res.Offset = w.Offset
	if res.Truncated {
		res.Next = encodeCursor(w.Offset+len(res.Rows), w.digest)
	}
	return res, nil
}

// RunAll runs a saved query for all its rows at once, up to the row
// limit (none when RowLimit < 0; Truncated when the limit cut it): for
// exports and other callers that need the whole answer, not a page. It
// costs what the whole answer costs.
func (r *Runner) RunAll(ctx context.Context, q Query, params map[string]string) (*Result, error) {
	vals, err := Bind(q, params)
	if err != nil {
		return nil, err
	}
	_, rowLimit, _ := r.limits()
	w := window{Limit: rowLimit, digest: paramDigest(q.Name, vals)}
	if rowLimit < 0 {
		w.Limit = 0 // no limit
	}
	return r.runWindow(ctx, q, vals, w, false)
}

// runWindow runs a bound saved query for the rows of window w. paged lets
// a script that pages itself (Query.ScriptPaging) pass over the rows before
// the window; otherwise the runner skips them.
func (r *Runner) runWindow(ctx context.Context, q Query, vals map[string]any, w window, paged bool) (*Result, error) {
	var res *Result
	var err error
	switch q.Lang {
	case "gizmo":
		pg, run := pageGlobal(w), w
		if paged && q.ScriptPaging {
			// The script passes over the rows before the page itself.
			pg["script"] = 1
			run.Offset = 0
		}
		globals := map[string]any{"params": vals, "vocab": vocabulary(), "page": pg}
		res, err = r.runGizmo(ctx, q.Name+".js", q.Source, globals, run)
	case "go":
		res, err = r.runGo(ctx, q, vals, w)
	default:
		return nil, fmt.Errorf("query %s: unknown language %q", q.Name, q.Lang)
	}
	var pe *ParamError
	if errors.As(err, &pe) {
		return nil, pe // names the query already: one sentence, not two prefixes
	}
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", q.Name, err)
	}
	res.Columns = columns(q.Columns, res.Rows)
	return res, nil
}

// pageGlobal is the `page` global of a script.
func pageGlobal(w window) map[string]int { return map[string]int{"offset": w.Offset, "limit": w.Limit} }

// Gizmo runs an ad-hoc Gizmo script with the same limits. It sees the
// `vocab` global and the helper library (ng.resolve, ng.facts...), but no
// `params`. Its rows are cut at the row limit (Truncated), not paged.
func (r *Runner) Gizmo(ctx context.Context, src string) (*Result, error) {
	_, rowLimit, _ := r.limits()
	w := window{Limit: rowLimit}
	if rowLimit <= 0 {
		w.Limit = 0
	}
	res, err := r.runGizmo(ctx, "query", src, map[string]any{"vocab": vocabulary(), "page": pageGlobal(w)}, w)
	if err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	res.Columns = columns(nil, res.Rows)
	return res, nil
}

// pager collects the rows of a window from a stream of rows.
type pager struct {
	w    window
	seen int
	res  *Result
}

// add takes the next row of the stream (conversion deferred to get, so
// skipped rows cost nothing) and reports whether more are wanted.
func (p *pager) add(get func() (map[string]any, error)) (bool, error) {
	p.seen++
	if p.seen <= p.w.Offset {
		return true, nil
	}
	if p.w.Limit > 0 && len(p.res.Rows) >= p.w.Limit {
		p.res.Truncated = true
		return false, nil
	}
	row, err := get()
	if err != nil {
		return false, err
	}
	p.res.Rows = append(p.res.Rows, row)
	return true, nil
}

func (r *Runner) runGo(ctx context.Context, q Query, vals map[string]any, w window) (*Result, error) {
	if q.run == nil {
		return nil, errNoGoFunc
	}
	timeout, _, _ := r.limits()
	ctx, cancel := withTimeout(ctx, timeout)
	defer cancel()
	start := time.Now()
	res := &Result{Rows: []map[string]any{}}
	pg := &pager{w: w, res: res}
	env := &goEnv{need: w.need(), keys: r.Keys, one: r.entityParam(), emit: func(row map[string]any) bool {
		more, _ := pg.add(func() (map[string]any, error) { return normalizeRow(row), nil })
		return more
	}}
	err := q.run(ctx, r.QS, vals, env)
	res.Elapsed = time.Since(start)
	res.Notes = env.notes
	if err != nil {
		return nil, timeoutErr(ctx, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, timeoutErr(ctx, err)
	}
	return res, nil
}

func withTimeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d < 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, d, ErrTimeout)
}

// timeoutErr names the time limit when the deadline is why err happened.
func timeoutErr(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); cause != nil && !errors.Is(err, cause) {
		if errors.Is(cause, ErrTimeout) || errors.Is(cause, ErrMemoryLimit) {
			return fmt.Errorf("%w (%w)", cause, context.DeadlineExceeded)
		}
		return fmt.Errorf("%w: %w", cause, err)
	}
	return err
}

// runGizmo runs one script in a fresh session. Limits bite through the
// context given to it.Next: on cancel the session interrupts the VM, which
// stops even `while(true){}`.
func (r *Runner) runGizmo(ctx context.Context, name, src string, globals map[string]any, w window) (*Result, error) {
	timeout, _, arrayLimit := r.limits()
	ctx, cancel := withTimeout(ctx, timeout)
	defer cancel()
	maxRows := 0
	if w.Limit > 0 {
		maxRows = w.need() // one more, to tell "exactly the limit" from "cut"
	}
	nat := newNatives(r.QS, r.Keys, r.resolver())
	nat.query, nat.one = strings.TrimSuffix(name, ".js"), r.entityParam()
	defer nat.close() // after it.Close below: the script no longer runs
	opts := gizmo.Options{
		MaxRows: maxRows, MaxArray: arrayLimit, Globals: globals, Funcs: nat.funcs(),
		Prelude: []gizmo.Script{{Name: "lib.js", Source: libJS}}, Name: name, Limits: r.Limits,
		Programs: &r.progs,
	}
	if r.plain {
		opts.Funcs = nil
	} else {
		opts.Known, opts.Hop = nat.known, nat.hop
	}
	sess, err := gizmo.NewSessionWith(r.QS, opts)
	if err != nil {
		return nil, err
	}
	// The script goes on after the page's last row until Close below
	// interrupts it; a stream read it starts meanwhile would be cancelled
	// in flight (on PostgreSQL: a cancel request and a new connection for
	// the next run, ~1 in 2 hub pages before, BENCHMARKS.md session 12).
	nat.full = sess.Full
	if r.Gov != nil {
		var release func()
		ctx, release, err = r.Gov.Enter(ctx)
		if err != nil {
			return nil, err
		}
		defer release() // deferred before it.Close: runs after the script stopped
	} else if r.MaxHeap > 0 {
		var stop context.CancelCauseFunc
		ctx, stop = context.WithCancelCause(ctx)
		defer stop(nil)
		go watchHeap(ctx, r.MaxHeap, stop)
	}
	start := time.Now()
	it, err := sess.Execute(ctx, src, query.Options{Collation: query.Raw, Limit: maxRows})
	if err != nil {
		return nil, err // compile errors
	}
	defer it.Close()
	res := &Result{Rows: []map[string]any{}}
	pg := &pager{w: w, res: res}
	for it.Next(ctx) {
		gr, ok := it.Result().(*gizmo.Result)
		if !ok || gr.Meta {
			continue // the script's final expression value
		}
		more, err := pg.add(func() (map[string]any, error) { return r.row(gr) })
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
	}
	res.Elapsed = time.Since(start)
	if res.Truncated {
		it.Close() // stops the script: its notes are final
		res.Notes = nat.notes()
		return res, nil
	}
	if err := it.Err(); err != nil {
		if f := nat.failure(); f != nil {
			return nil, f // the user's input, not the script's position
		}
		return nil, timeoutErr(ctx, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, timeoutErr(ctx, err)
	}
	it.Close()
	res.Notes = nat.notes()
	return res, nil
}

// watchHeap cancels ctx with ErrMemoryLimit when the heap passes max.
func watchHeap(ctx context.Context, max uint64, stop context.CancelCauseFunc) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > max {
				stop(ErrMemoryLimit)
				return
			}
		}
	}
}

// row turns one Gizmo result into a row: tag results map tag → node value,
// emitted objects keep their keys, other emitted values go under "value".
func (r *Runner) row(gr *gizmo.Result) (map[string]any, error) {
	if gr.Tags != nil {
		row := make(map[string]any, len(gr.Tags))
		for k, ref := range gr.Tags {
			v, err := r.QS.NameOf(ref)
			if err != nil {
				return nil, fmt.Errorf("name of tag %q: %w", k, err)
			}
			row[k] = nativeValue(v)
		}
		return row, nil
	}
	if m, ok := gr.Val.(map[string]any); ok {
		return normalizeRow(m), nil
	}
	return map[string]any{"value": normalize(gr.Val)}, nil
}

// normalizeRow flattens node references and numbers so that every row
// holds the same few Go types whichever way it was produced.
func normalizeRow(m map[string]any) map[string]any {
	row := make(map[string]any, len(m))
	for k, v := range m {
		row[k] = normalize(v)
	}
	return row
}

func normalize(v any) any {
	switch x := v.(type) {
	case nil, string, bool, time.Time:
		return x
	case int:
		return int64(x)
	case int32:
		return int64(x)
	case int64:
		return x
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil // JSON has no NaN; a script's 0/0 is "no value"
		}
		return x
	case quad.Value:
		return nativeValue(x)
	case map[string]any:
		if id, ok := x["@id"].(string); ok && len(x) == 1 {
			return id
		}
		return normalizeRow(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalizeRow(e)
		}
		return out
	}
	return fmt.Sprint(v)
}

// nativeValue renders a quad value for a row: IRIs without brackets,
// literals as their Go value (numbers, times, booleans) or text.
func nativeValue(v quad.Value) any {
	switch x := v.(type) {
	case nil:
		return nil
	case quad.IRI:
		return string(x)
	case quad.BNode:
		return x.String()
	case quad.String:
		return string(x)
	case quad.Int:
		return int64(x)
	case quad.Float:
		return float64(x)
	case quad.Bool:
		return bool(x)
	case quad.Time:
		return time.Time(x)
	case quad.TypedString:
		if n := x.Native(); n != nil {
			if _, still := n.(quad.TypedString); !still {
				return normalize(n)
			}
		}
		return string(x.Value)
	case quad.LangString:
		return string(x.Value)
	}
	return quad.ToString(v)
}

// columns orders row keys: declared first, then the rest sorted.
func columns(declared []string, rows []map[string]any) []string {
	out := append([]string(nil), declared...)
	have := map[string]bool{}
	for _, c := range declared {
		have[c] = true
	}
	var extra []string
	for _, row := range rows {
		for k := range row {
			if !have[k] {
				have[k] = true
				extra = append(extra, k)
			}
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}
