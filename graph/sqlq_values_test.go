package graph

import (
	"encoding/binary"
	"testing"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
)

// The cache answers what it was given, each asked-for hash missing once,
// and keeps between one and two generations of entries: the oldest go
// when the newer generation fills a second time, a hash read again is
// kept.
func TestValueCacheGenerations(t *testing.T) {
	hash := func(i int) csql.NodeHash {
		var h csql.NodeHash
		binary.BigEndian.PutUint64(h.ValueHash[:], uint64(i)+1)
		return h
	}
	var c valueCache
	out := make([]quad.Value, 3)
	if m := c.lookup([]csql.NodeHash{hash(0), hash(1), hash(0)}, out); len(m) != 2 {
		t.Fatalf("empty cache: %d missing, want 2 (each hash once)", len(m))
	}
	c.put(map[csql.NodeHash]quad.Value{hash(0): quad.IRI("a"), hash(1): nil})
	out = make([]quad.Value, 2)
	if m := c.lookup([]csql.NodeHash{hash(0), hash(1)}, out); len(m) != 1 || m[0] != hash(1) || out[0] != quad.IRI("a") || out[1] != nil {
		t.Fatalf("missing %v, values %v: want hash 1 missing (no value is not cached), hash 0 = a", m, out)
	}
	// Fill a generation and a half: hash 0 is in the older one.
	for i := 2; i < sqlValueCacheSize*3/2; i++ {
		c.put(map[csql.NodeHash]quad.Value{hash(i): quad.Int(i)})
	}
	out = make([]quad.Value, 2)
	if m := c.lookup([]csql.NodeHash{hash(0), hash(2)}, out); len(m) != 0 || out[1] != quad.Int(2) {
		t.Fatalf("after %d entries: %d missing, want 0", sqlValueCacheSize*3/2, len(m))
	}
	// hash 0 and 2 were read again (moved to the newer generation); the
	// rest of the first generation goes when the next one fills.
	for i := sqlValueCacheSize * 3 / 2; i < sqlValueCacheSize*3; i++ {
		c.put(map[csql.NodeHash]quad.Value{hash(i): quad.Int(i)})
	}
	out = make([]quad.Value, 2)
	m := c.lookup([]csql.NodeHash{hash(3), hash(sqlValueCacheSize*3 - 1)}, out)
	if len(m) != 1 || m[0] != hash(3) {
		t.Errorf("missing %v, want only hash 3 (dropped with its generation)", m)
	}
	if n := len(c.cur) + len(c.prev); n > 2*sqlValueCacheSize {
		t.Errorf("%d entries kept, want at most %d", n, 2*sqlValueCacheSize)
	}
}
