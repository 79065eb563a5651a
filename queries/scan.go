package queries

import (
	"context"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

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

// listSubjects lists the distinct subjects of (?, pred, obj): from index
// keys when keys can (bolt), else by a scan of the quads.
func listSubjects(qs cgraph.QuadStore, keys KeyReader, pred, obj cgraph.Ref) (*graph.SubjectIter, error) {
	if keys != nil {
		return keys.Subjects(pred, obj)
	}
	return graph.ScanSubjects(qs, pred, obj), nil
}

// subjectSetter gives the distinct subjects of (?, pred, obj) at once, in
// no order (graph.Store.SubjectSet on PostgreSQL; ok false elsewhere).
type subjectSetter interface {
	SubjectSet(ctx context.Context, pred, obj cgraph.Ref) (map[any]quad.Value, bool, error)
}

// resolveCache remembers ResolveName's and ResolveEntity's answers while
// the store does not change: without index keys, resolving a busy name
// reads one quad per document that names it, which at 100k articles is
// most of a hub query's time; with them a few reads still repeat for
// every page of a query. Only stores that count their quads cheaply
// (Cayley's KV stores) are cached; any write changes the count and
// empties the cache.
type resolveCache struct {
	mu   sync.Mutex
	size int64
	m    map[string]resolution
}

// resolution is one cached answer: IRIs, or an ambiguity's candidates.
type resolution struct {
	ids   []string
	cands []Candidate
}

// maxResolveCache bounds the names remembered.
const maxResolveCache = 4096

func (c *resolveCache) resolve(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, text string) ([]string, error) {
	res, err := c.get(ctx, qs, "name\x00"+text, func() (resolution, error) {
		ids, err := ResolveName(ctx, qs, keys, text)
		return resolution{ids: ids}, err
	})
	if res.ids == nil && err == nil {
		res.ids = []string{} // never nil: scripts read .length
	}
	return res.ids, err
}

func (c *resolveCache) entity(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, text, top string) ([]string, []Candidate, error) {
	res, err := c.get(ctx, qs, "entity\x00"+top+"\x00"+text, func() (resolution, error) {
		ids, cands, err := ResolveEntity(ctx, qs, keys, text, top)
		return resolution{ids: ids, cands: cands}, err
	})
	return res.ids, res.cands, err
}

// get returns a copy of the cached answer for key, computing it on a miss.
func (c *resolveCache) get(ctx context.Context, qs cgraph.QuadStore, key string, compute func() (resolution, error)) (resolution, error) {
	kq, ok := cgraph.Unwrap(qs).(*ckv.QuadStore)
	if !ok {
		return compute()
	}
	size := kq.Size()
	c.mu.Lock()
	if c.m == nil || c.size != size {
		c.m, c.size = map[string]resolution{}, size
	}
	got, hit := c.m[key]
	c.mu.Unlock()
	if hit {
		return got.copy(), nil
	}
	got, err := compute()
	if err != nil {
		return resolution{}, err
	}
	c.mu.Lock()
	if c.size == size {
		if len(c.m) >= maxResolveCache {
			c.m = map[string]resolution{}
		}
		c.m[key] = got.copy()
	}
	c.mu.Unlock()
	return got, nil
}

func (r resolution) copy() resolution {
	out := resolution{}
	if r.ids != nil {
		out.ids = append([]string{}, r.ids...)
	}
	if r.cands != nil {
		out.cands = append([]Candidate{}, r.cands...)
	}
	return out
}
