// Package gcfloor keeps Go's collector from running many times a second
// while the live heap is small, without letting a big heap grow by more
// than Go's default.
//
// A process that answers queries keeps a live heap of a few MB, and a
// query allocates tens of MB: at GOGC=100 it runs the collector several
// times a query, and those cycles were the slow runs of a page's p99. A
// fixed higher GOGC fixes that but multiplies a big heap as well: at 400,
// a script that grows a string to hundreds of MB took the process past its
// heap ceiling and stalled it for seconds. The floor gives the small heap
// room and the big heap Go's default.
package gcfloor

import (
	"context"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// DefaultPercent is GOGC's default, the target once the live heap is big.
const DefaultPercent = 100

// Floor sets the collector's target after every collection: high enough
// that the next collection waits until the heap reaches Bytes (but at most
// MaxPercent), and Go's default once the live heap is half of Bytes or more.
type Floor struct {
	Bytes      uint64
	MaxPercent int

	percent atomic.Int64 // the target set last
}

// Start sets the target now and after each collection until ctx ends; then
// it gives back the default target.
func (f *Floor) Start(ctx context.Context) {
	f.adjust()
	f.arm(ctx)
}

// Percent is the target set last.
func (f *Floor) Percent() int { return int(f.percent.Load()) }

// hook is an object nothing refers to: the collector finds it unreachable
// in its next cycle and runs its finalizer after that cycle.
type hook struct{ f *Floor }

func (f *Floor) arm(ctx context.Context) {
	runtime.SetFinalizer(&hook{f: f}, func(h *hook) {
		if ctx.Err() != nil {
			debug.SetGCPercent(DefaultPercent)
			h.f.percent.Store(DefaultPercent)
			return
		}
		h.f.adjust()
		h.f.arm(ctx)
	})
}

func (f *Floor) adjust() {
	p := f.target(liveHeap())
	if int64(p) != f.percent.Load() {
		debug.SetGCPercent(p)
		f.percent.Store(int64(p))
	}
}

// target is the GOGC that puts the next collection at Bytes for a live heap
// of live bytes, between the default and MaxPercent.
func (f *Floor) target(live uint64) int {
	if live == 0 || live >= f.Bytes/2 {
		return DefaultPercent
	}
	p := (f.Bytes - live) * 100 / live
	return int(min(max(p, DefaultPercent), uint64(max(f.MaxPercent, DefaultPercent))))
}

// liveHeap is the heap the last collection marked live, in bytes.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
