package queries

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime/metrics"
	"sort"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"

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

	// plain leaves out the native helpers, as in Cayley's console (tests).
	plain bool
}

// Result is the rows of one query.
type Result struct {
	// Columns are the row keys in display order: the query's declared
	// columns, then any other key seen, sorted.
	Columns []string
	// Rows hold strings, int64, float64, bool, time.Time or nil; node
	// references ({"@id": iri} in scripts, Gizmo tags) become the IRI string.
	Rows []map[string]any
	// Truncated is true when the row limit stopped the query.
	Truncated bool
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

// Run runs a saved query with raw parameter strings (see Bind). Parameter
// errors are *ParamError; a query that runs past the timeout returns
// ErrTimeout (wrapped) and no rows.
func (r *Runner) Run(ctx context.Context, q Query, params map[string]string) (*Result, error) {
	vals, err := Bind(q, params)
	if err != nil {
		return nil, err
	}
	switch q.Lang {
	case "gizmo":
		res, err := r.runGizmo(ctx, q.Name+".js", q.Source, map[string]any{"params": vals, "vocab": vocabulary()})
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", q.Name, err)
		}
		res.Columns = columns(q.Columns, res.Rows)
		return res, nil
	case "go":
		res, err := r.runGo(ctx, q, vals)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", q.Name, err)
		}
		res.Columns = columns(q.Columns, res.Rows)
		return res, nil
	}
	return nil, fmt.Errorf("query %s: unknown language %q", q.Name, q.Lang)
}

// Gizmo runs an ad-hoc Gizmo script with the same limits. It sees the
// `vocab` global and the helper library (ng.resolve, ng.facts...), but no
// `params`.
func (r *Runner) Gizmo(ctx context.Context, src string) (*Result, error) {
	res, err := r.runGizmo(ctx, "query", src, map[string]any{"vocab": vocabulary()})
	if err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	res.Columns = columns(nil, res.Rows)
	return res, nil
}

func (r *Runner) runGo(ctx context.Context, q Query, vals map[string]any) (*Result, error) {
	if q.run == nil {
		return nil, errNoGoFunc
	}
	timeout, rowLimit, _ := r.limits()
	ctx, cancel := withTimeout(ctx, timeout)
	defer cancel()
	start := time.Now()
	res := &Result{Rows: []map[string]any{}}
	err := q.run(ctx, r.QS, vals, func(row map[string]any) bool {
		if rowLimit > 0 && len(res.Rows) >= rowLimit {
			res.Truncated = true
			return false
		}
		res.Rows = append(res.Rows, normalizeRow(row))
		return true
	})
	res.Elapsed = time.Since(start)
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
func (r *Runner) runGizmo(ctx context.Context, name, src string, globals map[string]any) (*Result, error) {
	timeout, rowLimit, arrayLimit := r.limits()
	ctx, cancel := withTimeout(ctx, timeout)
	defer cancel()
	maxRows := 0
	if rowLimit > 0 {
		maxRows = rowLimit + 1 // one more, to tell "exactly the limit" from "cut"
	}
	opts := gizmo.Options{
		MaxRows: maxRows, MaxArray: arrayLimit, Globals: globals, Funcs: natives(r.QS),
		Prelude: []gizmo.Script{{Name: "lib.js", Source: libJS}}, Name: name,
	}
	if r.plain {
		opts.Funcs = nil
	}
	sess, err := gizmo.NewSessionWith(r.QS, opts)
	if err != nil {
		return nil, err
	}
	if r.MaxHeap > 0 {
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
	for it.Next(ctx) {
		gr, ok := it.Result().(*gizmo.Result)
		if !ok || gr.Meta {
			continue // the script's final expression value
		}
		if rowLimit > 0 && len(res.Rows) >= rowLimit {
			res.Truncated = true
			break
		}
		row, err := r.row(gr)
		if err != nil {
			return nil, err
		}
		res.Rows = append(res.Rows, row)
	}
	res.Elapsed = time.Since(start)
	if res.Truncated {
		return res, nil
	}
	if err := it.Err(); err != nil {
		return nil, timeoutErr(ctx, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, timeoutErr(ctx, err)
	}
	return res, nil
}

// natives are Go functions bound in every session: lib.js and the saved
// queries use them when present and fall back to plain Gizmo (slower, same
// answers) when the text runs elsewhere, e.g. in Cayley's console.
//
//	ngResolve(text) → [entity IRI...]   ResolveName
//	ngEdges(node)   → [{node, pred, subject, object}...]  fact edges at a node, both directions
//	ngFacts(entity, "out"|"in", predicate IRI or "") → evidence records, as lib.js ng.facts
func natives(qs cgraph.QuadStore) map[string]func(context.Context, []string) (any, error) {
	var gv *graphView // created on first use, then caches names for the run
	view := func() (*graphView, error) {
		if gv != nil {
			return gv, nil
		}
		var err error
		gv, err = newGraphView(qs)
		return gv, err
	}
	arg := func(args []string, i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	return map[string]func(context.Context, []string) (any, error){
		"ngResolve": func(ctx context.Context, args []string) (any, error) { return ResolveName(ctx, qs, arg(args, 0)) },
		"ngFacts": func(ctx context.Context, args []string) (any, error) {
			gv, err := view()
			if err != nil {
				return nil, err
			}
			return gv.facts(ctx, arg(args, 0), arg(args, 1), arg(args, 2))
		},
		"ngEdges": func(ctx context.Context, args []string) (any, error) {
			gv, err := view()
			if err != nil {
				return nil, err
			}
			es, err := gv.neighbours(ctx, arg(args, 0))
			if err != nil {
				return nil, err
			}
			out := make([]map[string]string, len(es))
			for i, e := range es {
				out[i] = map[string]string{"node": e.node, "pred": e.pred, "subject": e.subject, "object": e.object}
			}
			return out, nil
		},
	}
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
