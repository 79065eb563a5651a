package graph

import "testing"

func TestWorthCompacting(t *testing.T) {
	for _, c := range []struct {
		before, after int64
		want          bool
	}{
		{0, 1 << 20, true},            // a new store
		{100 << 20, 160 << 20, true},  // grew by more than half
		{100 << 20, 101 << 20, false}, // a few documents into a large store
		{100 << 20, 100 << 20, false}, // nothing added
		{0, 0, false},                 // nothing written
	} {
		if got := WorthCompacting(c.before, c.after); got != c.want {
			t.Errorf("WorthCompacting(%d, %d) = %v, want %v", c.before, c.after, got, c.want)
		}
	}
}
