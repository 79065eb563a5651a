package queries

import (
	"context"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// Index scans. Paged queries read the store in the order of its indexes
// (which is what lets a page stop early): on Cayley's KV backends (bolt) a
// scan of (object, predicate) lists the subjects in node id order, and
// (subject, predicate) lists quads in quad id order; both ids grow as
// quads are written, so "store order" is roughly "first stored first".
// Gizmo's g.V(x).In(p) and g.V(x).Out(p) read the same indexes in the same
// order, which keeps the console versions of the saved queries in step.

// ScanQuads returns the quads matching every (direction, node) of filter
// (nil nodes are not allowed) in the store's index order, reading only
// them where the store has a fitting index: see the order notes above.
// The caller closes the scanner.
func ScanQuads(ctx context.Context, qs cgraph.QuadStore, filter map[quad.Direction]cgraph.Ref) iterator.Scanner {
	return quadScan(ctx, qs, filter)
}

// CountQuads counts the quads matching filter, from an index entry when
// the store can (no quad is read), else by a scan.
func CountQuads(ctx context.Context, qs cgraph.QuadStore, filter map[quad.Direction]cgraph.Ref) (int64, error) {
	return countQuads(ctx, qs, filter)
}

// quadScan returns the quads matching every (direction, node) of filter,
// in the store's index order: one prefix scan when the store has an index
// for those directions (Cayley's KV stores), else a scan of the first
// direction's quads filtered here.
func quadScan(ctx context.Context, qs cgraph.QuadStore, filter map[quad.Direction]cgraph.Ref) iterator.Scanner {
	if sh := indexShape(ctx, qs, filter); sh != nil {
		return sh.Iterate()
	}
	// Fallback: the most selective direction with a node (predicates are
	// shared by the most quads), and a check of the others.
	var first quad.Direction
	for _, d := range []quad.Direction{quad.Subject, quad.Object, quad.Label, quad.Predicate} {
		if filter[d] != nil {
			first = d
			break
		}
	}
	if first == quad.Any {
		return iterator.NewNull().Iterate()
	}
	return &filteredScan{qs: qs, it: qs.QuadIterator(first, filter[first]).Iterate(), filter: filter}
}

// indexShape is the store's own scan of filter's quads when it has an
// index for those directions, else nil.
func indexShape(ctx context.Context, qs cgraph.QuadStore, filter map[quad.Direction]cgraph.Ref) iterator.Shape {
	qs = cgraph.Unwrap(qs) // a wrapper's OptimizeShape does not reach the store's
	o, ok := qs.(shape.Optimizer)
	if !ok {
		return nil
	}
	if sh := optimized(ctx, o, filter); sh != nil {
		return sh.BuildIterator(qs)
	}
	// Cayley's KV store plans only filters that cover a whole index; a
	// filter on the leading directions of one (object and predicate of the
	// object, predicate, subject index) is a prefix scan of it, which it
	// does not plan. Find such an index by planning the covering filter,
	// then scan its prefix.
	for _, extra := range []quad.Direction{quad.Subject, quad.Object, quad.Predicate, quad.Label} {
		if filter[extra] != nil {
			continue
		}
		probe := map[quad.Direction]cgraph.Ref{extra: anyRef(filter)}
		for d, r := range filter {
			probe[d] = r
		}
		sh := optimized(ctx, o, probe)
		is, ok := sh.(ckv.IndexScan)
		if !ok || len(is.Index.Dirs) <= len(filter) {
			continue
		}
		prefix := ckv.IndexScan{Index: is.Index}
		for _, d := range is.Index.Dirs[:len(filter)] {
			v, ok := filter[d].(ckv.Int64Value)
			if !ok {
				prefix.Values = nil
				break
			}
			prefix.Values = append(prefix.Values, uint64(v))
		}
		if len(prefix.Values) == len(filter) {
			return prefix.BuildIterator(qs)
		}
	}
	return nil
}

// optimized is the store's plan for the quads of filter when it is an
// index scan, else nil.
func optimized(ctx context.Context, o shape.Optimizer, filter map[quad.Direction]cgraph.Ref) shape.Shape {
	s, opt := o.OptimizeShape(ctx, shape.QuadsAction{Result: quad.Subject, Filter: filter})
	nf, ok := s.(shape.NodesFrom)
	if !opt || !ok || nf.Quads == nil {
		return nil
	}
	if _, plain := nf.Quads.(shape.Quads); plain {
		return nil
	}
	return nf.Quads
}

func anyRef(filter map[quad.Direction]cgraph.Ref) cgraph.Ref {
	for _, d := range quad.Directions {
		if filter[d] != nil {
			return filter[d]
		}
	}
	return nil
}

// filteredScan checks the directions an index scan could not.
type filteredScan struct {
	qs     cgraph.QuadStore
	it     iterator.Scanner
	filter map[quad.Direction]cgraph.Ref
	cur    cgraph.Ref
}

func (f *filteredScan) Next(ctx context.Context) bool {
	for f.it.Next(ctx) {
		r := f.it.Result()
		ok := true
		for d, want := range f.filter {
			got, err := f.qs.QuadDirection(r, d)
			if err != nil || got == nil || got.Key() != want.Key() {
				ok = false
				break
			}
		}
		if ok {
			f.cur = r
			return true
		}
	}
	f.cur = nil
	return false
}

func (f *filteredScan) Result() cgraph.Ref               { return f.cur }
func (f *filteredScan) Err() error                       { return f.it.Err() }
func (f *filteredScan) Close() error                     { return f.it.Close() }
func (f *filteredScan) NextPath(context.Context) bool    { return false }
func (f *filteredScan) TagResults(map[string]cgraph.Ref) {}
func (f *filteredScan) String() string                   { return "filteredScan" }

// countQuads counts the quads matching filter: from the index entry alone
// when the store can (Cayley's KV stores keep one entry per full index
// key, so a key of all its directions is counted without reading quads),
// else by scanning.
func countQuads(ctx context.Context, qs cgraph.QuadStore, filter map[quad.Direction]cgraph.Ref) (int64, error) {
	if sh := indexShape(ctx, qs, filter); sh != nil {
		// An absent key is an error (not found) here: counted below by a
		// scan, which finds nothing as quickly.
		st, err := sh.Stats(ctx)
		if err == nil && st.Size.Exact {
			return st.Size.Value, nil
		}
	}
	it := quadScan(ctx, qs, filter)
	defer it.Close()
	var n int64
	for it.Next(ctx) {
		n++
	}
	if err := it.Err(); err != nil {
		return 0, err
	}
	return n, ctx.Err()
}

// refsOf resolves IRIs to store references; a nil entry means no quad
// uses that IRI.
func refsOf(qs cgraph.QuadStore, iris ...string) ([]cgraph.Ref, error) {
	out := make([]cgraph.Ref, len(iris))
	for i, s := range iris {
		r, err := qs.ValueOf(quad.IRI(s))
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// resolveCache remembers ResolveName's answers while the store does not
// change: resolving a busy name reads one index entry per document that
// names it (Cayley's iterators read every quad of a key), which at 100k
// articles is most of a hub query's time. Only stores that count their
// quads cheaply (Cayley's KV stores) are cached; any write changes the
// count and empties the cache.
type resolveCache struct {
	mu   sync.Mutex
	size int64
	m    map[string][]string
}

// maxResolveCache bounds the names remembered.
const maxResolveCache = 4096

func (c *resolveCache) resolve(ctx context.Context, qs cgraph.QuadStore, text string) ([]string, error) {
	kq, ok := cgraph.Unwrap(qs).(*ckv.QuadStore)
	if !ok {
		return ResolveName(ctx, qs, text)
	}
	size := kq.Size()
	c.mu.Lock()
	if c.m == nil || c.size != size {
		c.m, c.size = map[string][]string{}, size
	}
	got, hit := c.m[text]
	c.mu.Unlock()
	if hit {
		return append([]string{}, got...), nil // never nil: scripts read .length
	}
	got, err := ResolveName(ctx, qs, text)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.size == size {
		if len(c.m) >= maxResolveCache {
			c.m = map[string][]string{}
		}
		c.m[text] = append([]string{}, got...)
	}
	c.mu.Unlock()
	return got, nil
}
