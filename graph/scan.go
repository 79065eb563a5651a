package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// refOf returns the store's reference of a value, or nil if no quad uses it.
func (s *Store) refOf(v quad.Value) (cgraph.Ref, error) {
	r, err := s.qs.ValueOf(v)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// eachRef calls fn with every quad reference whose direction d is v. It
// stops at the first error fn returns, and when ctx is done.
func (s *Store) eachRef(ctx context.Context, d quad.Direction, v quad.Value, fn func(r cgraph.Ref) error) error {
	return EachRef(ctx, s.qs, d, v, fn)
}

// EachRef calls fn with the reference of every quad of qs whose direction d
// holds v, straight from the store's index: QuadDirection on a reference
// is cheap, while reading the whole quad costs four value lookups. A value
// no quad uses yields nothing. It stops at fn's first error (returned as
// is) and when ctx is done. Packages that read a cgraph.QuadStore by the
// layout of docs/graph-model.md share it rather than each owning a loop.
func EachRef(ctx context.Context, qs cgraph.QuadStore, d quad.Direction, v quad.Value, fn func(cgraph.Ref) error) error {
	ref, err := qs.ValueOf(v)
	if err != nil {
		return err
	}
	if ref == nil {
		return nil
	}
	return EachRefOf(ctx, qs, d, ref, fn)
}

// EachRefOf is EachRef for a value already resolved to its reference
// (qs.ValueOf), for callers that look the same node up more than once.
func EachRefOf(ctx context.Context, qs cgraph.QuadStore, d quad.Direction, ref cgraph.Ref, fn func(cgraph.Ref) error) error {
	it := qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(it.Result()); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// eachQuad calls fn with every quad whose direction d is v.
func (s *Store) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(q quad.Quad) error) error {
	return EachQuadAt(ctx, s.qs, d, v, fn)
}

// EachQuadAt is EachRef reading each whole quad, for callers that want its
// values rather than references.
func EachQuadAt(ctx context.Context, qs cgraph.QuadStore, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	return EachRef(ctx, qs, d, v, func(r cgraph.Ref) error {
		q, err := qs.Quad(r)
		if err != nil {
			return err
		}
		return fn(q)
	})
}

// labelQuads returns every quad labelled l.
func (s *Store) labelQuads(ctx context.Context, l quad.Value) ([]quad.Quad, error) {
	var out []quad.Quad
	err := s.eachQuad(ctx, quad.Label, l, func(q quad.Quad) error {
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read quads of %s: %w", l, err)
	}
	return out, nil
}

// hasQuad reports whether q is stored.
func (s *Store) hasQuad(ctx context.Context, q quad.Quad) (bool, error) {
	// Look from the subject: subjects in our layout have few quads, while
	// objects such as class IRIs may have millions.
	var rs [4]cgraph.Ref
	for i, d := range quad.Directions {
		v := q.Get(d)
		if v == nil {
			continue
		}
		r, err := s.refOf(v)
		if err != nil || r == nil {
			return false, err
		}
		rs[i] = r
	}
	found := false
	err := s.eachRef(ctx, quad.Subject, q.Subject, func(r cgraph.Ref) error {
		for i, d := range quad.Directions {
			if rs[i] == nil {
				continue
			}
			got, err := s.qs.QuadDirection(r, d)
			if err != nil {
				return err
			}
			if refs.ToKey(got) != refs.ToKey(rs[i]) {
				return nil
			}
		}
		found = true
		return errStop
	})
	if err == errStop {
		err = nil
	}
	return found, err
}

// errStop ends a scan early without reporting an error.
var errStop = fmt.Errorf("stop")

// subjectValues returns the objects of (subject, predicate, ?, label) quads;
// label nil matches any label. On KV stores it reads only the (subject,
// predicate) index entry and the objects' values: it runs per document in
// every write and in DocumentHashes.
func (s *Store) subjectValues(ctx context.Context, subject quad.Value, pred quad.IRI, label quad.Value) ([]quad.Value, error) {
	var sr, pr, lr cgraph.Ref
	for _, x := range []struct {
		v   quad.Value
		ref *cgraph.Ref
	}{{subject, &sr}, {pred, &pr}, {label, &lr}} {
		if x.v == nil {
			continue
		}
		r, err := s.refOf(x.v)
		if err != nil || r == nil {
			return nil, err
		}
		*x.ref = r
	}
	it := s.subjectScan(sr, pr).Iterate()
	defer it.Close()
	var out []quad.Value
	for it.Next(ctx) {
		r := it.Result()
		p, err := s.qs.QuadDirection(r, quad.Predicate)
		if err != nil {
			return nil, err
		}
		if refs.ToKey(p) != refs.ToKey(pr) {
			continue
		}
		if lr != nil {
			l, err := s.qs.QuadDirection(r, quad.Label)
			if err != nil {
				return nil, err
			}
			if refs.ToKey(l) != refs.ToKey(lr) {
				continue
			}
		}
		o, err := s.qs.QuadDirection(r, quad.Object)
		if err != nil {
			return nil, err
		}
		v, err := s.qs.NameOf(o)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, it.Err()
}

// subjectScan iterates the quads of subject sub. On KV stores, when pred is
// a KV reference, it reads only the (subject, predicate) index entry, so a
// popular entity's other quads cost nothing; elsewhere it yields every quad
// of sub. Callers check the predicate of what they get either way.
func (s *Store) subjectScan(sub cgraph.Ref, pred any) iterator.Shape {
	si, ok1 := sub.(ckv.Int64Value)
	pi, ok2 := pred.(ckv.Int64Value)
	if ok1 && ok2 && pi != 0 {
		return ckv.IndexScan{
			Index:  ckv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}},
			Values: []uint64{uint64(si), uint64(pi)},
		}.BuildIterator(s.qs)
	}
	return s.qs.QuadIterator(quad.Subject, sub)
}

// Index scans. Paged queries read the store in the order of its indexes
// (which is what lets a page stop early): on Cayley's KV backends (bolt) a
// scan of (object, predicate) lists the subjects in node id order, and
// (subject, predicate) lists quads in quad id order; both ids grow as
// quads are written, so "store order" is roughly "first stored first".
// Gizmo's g.V(x).In(p) and g.V(x).Out(p) read the same indexes in the same
// order, which keeps the console versions of the saved queries (package queries) in step.

// ScanQuads returns the quads matching every (direction, node) of filter
// (nil nodes are not allowed) in the store's index order: one prefix scan
// when the store has an index for those directions (Cayley's KV stores),
// else a scan of the first direction's quads filtered here. See the order
// notes above. The caller closes the scanner.
func ScanQuads(ctx context.Context, qs cgraph.QuadStore, filter map[quad.Direction]cgraph.Ref) iterator.Scanner {
	if sh := indexShape(ctx, qs, filter); sh != nil {
		return sh.Iterate()
	}
	if sh := sqlShape(ctx, qs, filter); sh != nil {
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

// sqlShape is, on Cayley's SQL store, one statement for the quads of a
// filter of several directions (WHERE on each): the fallback below reads
// every quad of the first direction's node and filters here, which for a
// hub's (entity, same_as) lookup read all of its tens of thousands of
// quads (1.4–2.4 s a hub query at 10k articles under load, BENCHMARKS.md).
func sqlShape(ctx context.Context, qs cgraph.QuadStore, filter map[quad.Direction]cgraph.Ref) iterator.Shape {
	qs = cgraph.Unwrap(qs)
	sq, ok := qs.(*csql.QuadStore)
	if !ok || len(filter) < 2 {
		return nil
	}
	var f shape.Quads
	for _, d := range quad.Directions {
		if r := filter[d]; r != nil {
			if _, ok := r.(csql.NodeHash); !ok {
				return nil
			}
			f = append(f, shape.QuadFilter{Dir: d, Values: shape.Fixed{r}})
		}
	}
	sh, opt := sq.OptimizeShape(ctx, f)
	if _, isSelect := sh.(csql.Select); !opt || !isSelect {
		return nil
	}
	return sh.BuildIterator(qs)
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

// CountQuads counts the quads matching filter: from the index entry alone
// when the store can (Cayley's KV stores keep one entry per full index
// key, so a key of all its directions is counted without reading quads),
// else by scanning.
func CountQuads(ctx context.Context, qs cgraph.QuadStore, filter map[quad.Direction]cgraph.Ref) (int64, error) {
	if sh := indexShape(ctx, qs, filter); sh != nil {
		// An absent key is an error (not found) here: counted below by a
		// scan, which finds nothing as quickly.
		st, err := sh.Stats(ctx)
		if err == nil && st.Size.Exact {
			return st.Size.Value, nil
		}
	}
	it := ScanQuads(ctx, qs, filter)
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
