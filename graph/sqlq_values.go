package graph

import (
	"context"
	"fmt"
	"sync"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// valueCache keeps values of nodes read from PostgreSQL by their hash.
// A node's hash is the hash of its value, so an entry never goes stale:
// a node deleted and written again has the same value. Only its size is
// bounded: two generations of at most sqlValueCacheSize entries, the older
// dropped when the newer fills (about what an LRU keeps, without its
// list); ~10 MB at most for IRIs of news entities.
//
// Why: the path searches read the same far nodes' values page after
// page, stretch after stretch (connections between two hubs at 10k
// articles: 2 987 links to 1 745 distinct nodes in one statement, 85 of
// its 95 ms in the nodes lookups; BENCHMARKS.md, session 11).
type valueCache struct {
	mu        sync.Mutex
	cur, prev map[csql.NodeHash]quad.Value
}

const sqlValueCacheSize = 1 << 15

// lookup sets vals[i] to the cached value of hs[i] and returns the
// hashes it does not hold, each once.
func (c *valueCache) lookup(hs []csql.NodeHash, vals []quad.Value) []csql.NodeHash {
	c.mu.Lock()
	defer c.mu.Unlock()
	var missing []csql.NodeHash
	var asked map[csql.NodeHash]bool // not twice in missing
	for i, h := range hs {
		if v, ok := c.cur[h]; ok {
			vals[i] = v
			continue
		}
		if v, ok := c.prev[h]; ok {
			c.putLocked(h, v)
			vals[i] = v
			continue
		}
		if asked == nil {
			asked = map[csql.NodeHash]bool{}
		}
		if !asked[h] {
			asked[h] = true
			missing = append(missing, h)
		}
	}
	return missing
}

func (c *valueCache) put(vals map[csql.NodeHash]quad.Value) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for h, v := range vals {
		if v != nil {
			c.putLocked(h, v)
		}
	}
}

func (c *valueCache) putLocked(h csql.NodeHash, v quad.Value) {
	if c.cur == nil {
		c.cur = make(map[csql.NodeHash]quad.Value)
	}
	if len(c.cur) >= sqlValueCacheSize {
		c.prev, c.cur = c.cur, make(map[csql.NodeHash]quad.Value, sqlValueCacheSize/4)
	}
	c.cur[h] = v
}

// cachedValues gives the values of hs (nil for a hash with no node row),
// from s.values and, for those it lacks, one statement per maxBatch.
func (s *Store) cachedValues(ctx context.Context, hs []csql.NodeHash) (map[csql.NodeHash]quad.Value, error) {
	vals, err := s.valuesOf(ctx, hs)
	if err != nil {
		return nil, err
	}
	out := make(map[csql.NodeHash]quad.Value, len(hs))
	for i, h := range hs {
		out[h] = vals[i]
	}
	return out, nil
}

// valuesOf is cachedValues as a list, vals[i] the value of hs[i]: no map
// of every hash asked (a path search asks ~8 500 a page, most cached).
func (s *Store) valuesOf(ctx context.Context, hs []csql.NodeHash) ([]quad.Value, error) {
	vals := make([]quad.Value, len(hs))
	missing := s.values.lookup(hs, vals)
	if len(missing) == 0 {
		return vals, nil
	}
	read := make(map[csql.NodeHash]quad.Value, len(missing))
	for len(missing) > 0 {
		chunk := missing[:min(len(missing), maxBatch)]
		missing = missing[len(chunk):]
		arg := make([][]byte, len(chunk))
		for i, h := range chunk {
			arg[i] = append([]byte(nil), h.ValueHash[:]...)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT n.hash, `+nodeValueColumns("n")+` FROM nodes n WHERE n.hash = ANY($1)`, pq.ByteaArray(arg))
		if err != nil {
			return nil, fmt.Errorf("graph: node values: %w", err)
		}
		got := map[any]quad.Value{}
		if err := scanValues(rows, got); err != nil {
			return nil, fmt.Errorf("graph: node values: %w", err)
		}
		for _, h := range chunk {
			if v, ok := got[h.Key()]; ok {
				read[h] = v
			}
		}
	}
	s.values.put(read)
	for i, h := range hs {
		if vals[i] == nil {
			vals[i] = read[h]
		}
	}
	return vals, nil
}
