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

// resolveCache remembers ResolveName's answers while the store does not
// change: without index keys, resolving a busy name reads one quad per
// document that names it, which at 100k articles is most of a hub
// query's time; with them a few reads still repeat for every page of a
// query. Only stores that count their
// quads cheaply (Cayley's KV stores) are cached; any write changes the
// count and empties the cache.
type resolveCache struct {
	mu   sync.Mutex
	size int64
	m    map[string][]string
}

// maxResolveCache bounds the names remembered.
const maxResolveCache = 4096

func (c *resolveCache) resolve(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, text string) ([]string, error) {
	kq, ok := cgraph.Unwrap(qs).(*ckv.QuadStore)
	if !ok {
		return ResolveName(ctx, qs, keys, text)
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
	got, err := ResolveName(ctx, qs, keys, text)
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
