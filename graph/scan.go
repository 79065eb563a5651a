package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
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
	ref, err := s.refOf(v)
	if err != nil {
		return err
	}
	if ref == nil {
		return nil
	}
	it := s.qs.QuadIterator(d, ref).Iterate()
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
	return s.eachRef(ctx, d, v, func(r cgraph.Ref) error {
		q, err := s.qs.Quad(r)
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
	var sh iterator.Shape
	si, ok1 := sr.(ckv.Int64Value)
	pi, ok2 := pr.(ckv.Int64Value)
	if ok1 && ok2 {
		sh = ckv.IndexScan{
			Index:  ckv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}},
			Values: []uint64{uint64(si), uint64(pi)},
		}.BuildIterator(s.qs)
	} else {
		sh = s.qs.QuadIterator(quad.Subject, sr)
	}
	it := sh.Iterate()
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
