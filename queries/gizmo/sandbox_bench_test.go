package gizmo

import (
	"testing"

	"github.com/cayleygraph/cayley/graph/memstore"
)

// BenchmarkNewSession is what the sandbox adds to every query: a fresh VM
// with its built-ins wrapped.
func BenchmarkNewSession(b *testing.B) {
	qs := memstore.New()
	for i := 0; i < b.N; i++ {
		if _, err := NewSessionWith(qs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
