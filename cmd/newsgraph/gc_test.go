package main

import (
	"bytes"
	"math"
	"runtime/debug"
	"strings"
	"testing"
)

// A query process gets a higher collector target and a 1 GiB soft limit,
// unless the environment or store.memory_limit say otherwise.
func TestQueryProcessCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	const untouched = math.MaxInt64
	for _, c := range []struct {
		memoryLimit, gogc, gomemlimit string
		wantPercent                   int
		wantLimit                     int64
	}{
		{"auto", "", "", queryGCPercent, queryMemoryLimit},
		{"auto", "150", "", 100, queryMemoryLimit},
		{"auto", "", "2GiB", queryGCPercent, untouched},
		{"off", "", "", queryGCPercent, untouched},
		{"768MiB", "", "", queryGCPercent, untouched}, // applyMemoryLimit sets it when the store opens
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(untouched)
		t.Setenv("GOGC", c.gogc)
		t.Setenv("GOMEMLIMIT", c.gomemlimit)
		a := newApp(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
		a.v.Set("store.memory_limit", c.memoryLimit)
		a.tuneGCForQueries()
		if got := debug.SetGCPercent(100); got != c.wantPercent {
			t.Errorf("%+v: GC percent %d, want %d", c, got, c.wantPercent)
		}
		if got := debug.SetMemoryLimit(-1); got != c.wantLimit {
			t.Errorf("%+v: memory limit %d, want %d", c, got, c.wantLimit)
		}
	}
}
