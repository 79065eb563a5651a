package queries

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// nativeSet is the Go functions bound in one Gizmo run: lib.js and the
// saved queries use them when present and fall back to plain Gizmo
// (slower, same rows in the same order) when the text runs elsewhere,
// e.g. in Cayley's console.
//
//	ngResolve(text) → [entity IRI...]   ResolveName
//	ngOne(param, text[, top class]) → [entity IRI...] of one entity (ResolveEntity), else throws; the run then fails with the *ParamError
//	ngEdges(node)   → [{node, pred, subject, object}...]  fact edges at a node, both directions (bounded, see neighbours)
//	ngName(node) → its first ng:name, else the node itself (lib.js ng.name; one index entry, however many documents name it)
//	ngFacts(entity, "out"|"in", predicate IRI or "") → every evidence record, sorted (lib.js ng.facts)
//	ngOpen(kind, ...) → handle of a stream read in store order:
//	    "facts", entity, dir, predicate IRI or "", extras  evidence records (ng.eachFact)
//	    "docs", entity                             documents mentioning it (ng.eachDoc)
//	    "class", class name                        entities of a class (ng.eachEntity)
//	ngNext(handle, n) → the stream's next n records at most; [] at its end
//	ngSkip(handle, n) → passes over up to n records without reading them whole; how many it passed
//	ngPaths(from JSON list, to JSON list, hops, budget[, keep]) → paths in canonical order; when keep > 0 only those of the first keep rows, one row per edge (connections; bounded, see allPaths)
//
// Streams hold store iterators open between calls, so a page reads only
// what it shows; close ends them when the run is over.
type nativeSet struct {
	qs      cgraph.QuadStore
	keys    KeyReader // nil: scan quads
	resolve func(context.Context, string) ([]string, error)
	// one resolves an entity parameter of query (Runner.entityParam);
	// nil leaves ngOne unbound.
	one   func(ctx context.Context, query, param, text, top string) ([]string, error)
	query string
	// full, when set, reports that the run can emit no more rows
	// (gizmo.Session.Full): ngNext then ends its stream instead of
	// reading the next stretch, which no row could show.
	full func() bool

	mu      sync.Mutex
	failed  error      // the first ngOne failure: what the run reports
	gv      *graphView // created on first use, then caches names for the run
	streams map[string]stream
	last    int
	noted   []string
}

// stream is a sequence of records read lazily from the store.
type stream interface {
	next(ctx context.Context) (map[string]any, bool, error)
	skip(ctx context.Context, n int) (int, error)
	close()
}

func newNatives(qs cgraph.QuadStore, keys KeyReader, resolve func(context.Context, string) ([]string, error)) *nativeSet {
	return &nativeSet{qs: qs, keys: keys, resolve: resolve, streams: map[string]stream{}}
}

func (n *nativeSet) view() (*graphView, error) {
	if n.gv != nil {
		return n.gv, nil
	}
	var err error
	n.gv, err = newGraphView(n.qs)
	if n.gv != nil {
		n.gv.keys = n.keys
		n.gv.batch, _ = n.keys.(batchReader)
	}
	return n.gv, err
}

func (n *nativeSet) note(s string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, x := range n.noted {
		if x == s {
			return
		}
	}
	n.noted = append(n.noted, s)
}

// known is gizmo.Options.Known: the node values the run's natives have
// read (and read ahead), so that the script's own value reads of those
// nodes need no store lookup. Natives and these reads both run on the
// script's goroutine.
func (n *nativeSet) known(r cgraph.Ref) (quad.Value, bool) {
	if n.gv == nil {
		return nil, false
	}
	v, ok := n.gv.names[r.Key()]
	return v, ok
}

// hop is gizmo.Options.Hop: a document's objects of one of the
// predicates openDocs read ahead, so that sources.js's
// g.V(doc).Out(published).ToValue() needs no statement per row. Only
// predicates read ahead answer: a document's quads of the others were
// never read, and none read is not none stored.
func (n *nativeSet) hop(from, pred quad.Value) ([]quad.Value, bool) {
	gv := n.gv
	if gv == nil || gv.docFields == nil {
		return nil, false
	}
	pr, err := gv.qs.ValueOf(pred)
	if err != nil || pr == nil || !gv.docPreds[pr.Key()] {
		return nil, false
	}
	fr, err := gv.qs.ValueOf(from)
	if err != nil || fr == nil {
		return nil, false
	}
	fs, ok := gv.docFields[fr.Key()]
	if !ok {
		return nil, false
	}
	var objs []quad.Value
	for _, f := range fs {
		if f.Pred.Key() == pr.Key() {
			if f.Value == nil {
				return nil, false
			}
			objs = append(objs, f.Value)
		}
	}
	return objs, true
}

// failure is the first input error an ngOne call threw, or nil.
func (n *nativeSet) failure() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.failed
}

// notes returns what the run's natives noted (see Result.Notes).
func (n *nativeSet) notes() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]string(nil), n.noted...)
}

// close ends the streams still open. The runner calls it once the script
// has stopped.
func (n *nativeSet) close() {
	n.mu.Lock()
	defer n.mu.Unlock()
	for k, s := range n.streams {
		s.close()
		delete(n.streams, k)
	}
}

// maxStreams bounds the streams a script may hold open at once.
const maxStreams = 10000

func (n *nativeSet) funcs() map[string]func(context.Context, []string) (any, error) {
	arg := func(args []string, i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	fs := map[string]func(context.Context, []string) (any, error){
		"ngResolve": func(ctx context.Context, args []string) (any, error) { return n.resolve(ctx, arg(args, 0)) },
		"ngName": func(ctx context.Context, args []string) (any, error) {
			gv, err := n.view()
			if err != nil {
				return nil, err
			}
			return gv.displayName(ctx, arg(args, 0))
		},
		"ngFacts": func(ctx context.Context, args []string) (any, error) {
			gv, err := n.view()
			if err != nil {
				return nil, err
			}
			return gv.facts(ctx, arg(args, 0), arg(args, 1), arg(args, 2))
		},
		"ngEdges": func(ctx context.Context, args []string) (any, error) {
			gv, err := n.view()
			if err != nil {
				return nil, err
			}
			es, err := gv.neighbours(ctx, arg(args, 0))
			if err != nil {
				return nil, err
			}
			if gv.capped {
				n.note(gv.boundNote())
			}
			out := make([]map[string]string, len(es))
			for i, e := range es {
				out[i] = map[string]string{"node": e.node, "pred": e.pred, "subject": e.subject, "object": e.object}
			}
			return out, nil
		},
		"ngOpen": func(ctx context.Context, args []string) (any, error) {
			gv, err := n.view()
			if err != nil {
				return nil, err
			}
			var s stream
			switch kind := arg(args, 0); kind {
			case "facts":
				s, err = gv.openFacts(ctx, arg(args, 1), arg(args, 2), arg(args, 3), arg(args, 4))
			case "docs":
				s, err = gv.openDocs(ctx, arg(args, 1))
			case "class":
				s, err = gv.openClass(ctx, arg(args, 1))
			default:
				return nil, fmt.Errorf("ngOpen: unknown stream %q", kind)
			}
			if err != nil {
				return nil, err
			}
			n.mu.Lock()
			defer n.mu.Unlock()
			if len(n.streams) >= maxStreams {
				s.close()
				return nil, fmt.Errorf("ngOpen: more than %d streams open", maxStreams)
			}
			n.last++
			h := strconv.Itoa(n.last)
			n.streams[h] = s
			return h, nil
		},
		"ngNext": func(ctx context.Context, args []string) (any, error) {
			h := arg(args, 0)
			max, err := strconv.Atoi(arg(args, 1))
			if err != nil || max < 1 {
				max = 100
			}
			n.mu.Lock()
			s, ok := n.streams[h]
			n.mu.Unlock()
			out := []map[string]any{}
			if !ok || (n.full != nil && n.full()) {
				return out, nil
			}
			for len(out) < max {
				rec, ok, err := s.next(ctx)
				if err != nil {
					return nil, err
				}
				if !ok {
					s.close()
					n.mu.Lock()
					delete(n.streams, h)
					n.mu.Unlock()
					break
				}
				out = append(out, rec)
			}
			return out, nil
		},
		"ngSkip": func(ctx context.Context, args []string) (any, error) {
			want, err := strconv.Atoi(arg(args, 1))
			if err != nil || want < 0 {
				return nil, fmt.Errorf("ngSkip: %q is not a count", arg(args, 1))
			}
			n.mu.Lock()
			s, ok := n.streams[arg(args, 0)]
			n.mu.Unlock()
			if !ok {
				return 0, nil
			}
			return s.skip(ctx, want)
		},
		"ngPaths": func(ctx context.Context, args []string) (any, error) {
			var from, to []string
			if err := json.Unmarshal([]byte(arg(args, 0)), &from); err != nil {
				return nil, fmt.Errorf("ngPaths: from: %w", err)
			}
			if err := json.Unmarshal([]byte(arg(args, 1)), &to); err != nil {
				return nil, fmt.Errorf("ngPaths: to: %w", err)
			}
			hops, _ := strconv.Atoi(arg(args, 2))
			budget := int64(pathBudget)
			if b := arg(args, 3); b != "" {
				v, err := strconv.ParseInt(b, 10, 64)
				if err != nil {
					return nil, fmt.Errorf("ngPaths: budget %q", b)
				}
				if err := checkBudget("connections", v); err != nil {
					return nil, err
				}
				budget = v
			}
			gv, err := newGraphView(n.qs) // a budget of its own
			if err != nil {
				return nil, err
			}
			gv.keys = n.keys
			gv.limit(int(budget))
			keep, err := strconv.Atoi(arg(args, 4)) // the first paths, in order: all the script's page can show
			if err != nil || keep < 0 {
				keep = 0
			}
			paths, err := gv.allPaths(ctx, from, to, hops, keep)
			if err != nil {
				return nil, err
			}
			if gv.capped {
				n.note(gv.boundNote())
			}
			// connections.js names both ends of each row it emits
			// (ng.name): the first keep rows are all the page can emit.
			if view, err := n.view(); err != nil {
				return nil, err
			} else if err := view.prefetchPathNames(ctx, paths, keep); err != nil {
				return nil, err
			}
			if keep > 0 {
				// Paths whose first row comes after the first keep rows
				// cannot reach the page: not sent through JSON.
				rows := 0
				for i, p := range paths {
					if rows >= keep {
						paths = paths[:i]
						break
					}
					rows += len(p)
				}
			}
			out := make([][]map[string]string, len(paths))
			for i, p := range paths {
				out[i] = make([]map[string]string, len(p))
				for j, e := range p {
					out[i][j] = map[string]string{"subject": e.subject, "pred": e.pred, "object": e.object}
				}
			}
			return out, nil
		},
	}
	if n.one != nil {
		fs["ngOne"] = func(ctx context.Context, args []string) (any, error) {
			ids, err := n.one(ctx, n.query, arg(args, 0), arg(args, 1), strings.ToLower(arg(args, 2)))
			var pe *ParamError
			if errors.As(err, &pe) {
				n.mu.Lock()
				if n.failed == nil {
					n.failed = pe
				}
				n.mu.Unlock()
			}
			return ids, err
		}
	}
	return fs
}
