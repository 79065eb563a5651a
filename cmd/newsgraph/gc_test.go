package main

import (
	"bytes"
	"context"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// A query process raises the collector's target while its heap is small,
// unless GOGC in the environment sets it.
func TestQueryProcessCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, c := range []struct {
		gogc        string
		wantPercent int
	}{
		{"", queryMaxPercent}, // a test binary's live heap is far below the floor
		{"150", 100},          // untouched: the runtime read GOGC at start, not now
	} {
		debug.SetGCPercent(100)
		t.Setenv("GOGC", c.gogc)
		ctx, cancel := context.WithCancel(context.Background())
		a := newApp(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
		runtime.GC() // the floor reads the live heap the last collection marked
		a.tuneGCForQueries(ctx)
		if got := debug.SetGCPercent(100); got != c.wantPercent {
			t.Errorf("GOGC=%q: GC percent %d, want %d", c.gogc, got, c.wantPercent)
		}
		cancel()
		runtime.GC()
	}
}
