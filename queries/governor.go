package queries

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// ErrBusy is returned (wrapped) when a query waited for a free slot until
// its context ended.
var ErrBusy = errors.New("too many queries running")

// heapPoll is how often the governor reads the heap while queries run. A
// script doubling a string takes longer than this per step once the step
// is big enough to matter, so the overshoot is about one step per query.
const heapPoll = time.Millisecond

// Governor bounds what the queries of a process take together: how many
// run at once, and the heap they may grow the process to. goja has no
// per-script memory accounting, so the watchdog cannot tell which query
// allocated: past the ceiling it stops every query it governs, collects
// the garbage, and lets new queries in. Bounding concurrency bounds how
// far the heap can overshoot between two readings. A Governor is safe for
// concurrent use; the zero value is not usable, see NewGovernor.
type Governor struct {
	slots   chan struct{}
	maxHeap uint64

	mu       sync.Mutex
	running  map[*governed]struct{}
	watching bool
	stopped  int64 // queries stopped by the watchdog, for tests and metrics
}

type governed struct{ stop context.CancelCauseFunc }

// NewGovernor lets maxConcurrent queries run at once (at least 1) and
// stops them when the heap passes maxHeap bytes (0: no heap ceiling).
func NewGovernor(maxConcurrent int, maxHeap uint64) *Governor {
	if maxConcurrent < 1 {
		maxConcurrent = 1
	}
	return &Governor{slots: make(chan struct{}, maxConcurrent), maxHeap: maxHeap, running: map[*governed]struct{}{}}
}

// Enter waits for a slot until ctx ends (ErrBusy) and returns a context
// that the watchdog cancels with ErrMemoryLimit, and the function that
// gives the slot back (call it once the query has stopped).
func (g *Governor) Enter(ctx context.Context) (context.Context, func(), error) {
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, nil, fmt.Errorf("%w: waited for a free slot until the query's time ran out (%w)", ErrBusy, context.Cause(ctx))
	}
	qctx, stop := context.WithCancelCause(ctx)
	q := &governed{stop: stop}
	g.mu.Lock()
	g.running[q] = struct{}{}
	if !g.watching && g.maxHeap > 0 {
		g.watching = true
		go g.watch()
	}
	g.mu.Unlock()
	return qctx, func() {
		g.mu.Lock()
		delete(g.running, q)
		g.mu.Unlock()
		stop(nil)
		<-g.slots
	}, nil
}

// Stopped is how many queries the heap watchdog has stopped.
func (g *Governor) Stopped() int64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.stopped
}

// watch reads the heap while any query runs. Past the ceiling it first
// collects the garbage (what earlier queries left is no query's doing),
// and stops the running queries only if the heap is still over.
func (g *Governor) watch() {
	t := time.NewTicker(heapPoll)
	defer t.Stop()
	for range t.C {
		g.mu.Lock()
		if len(g.running) == 0 {
			g.watching = false
			g.mu.Unlock()
			return
		}
		g.mu.Unlock()
		if HeapInUse() <= g.maxHeap {
			continue
		}
		runtime.GC()
		if HeapInUse() <= g.maxHeap {
			continue
		}
		g.mu.Lock()
		for q := range g.running {
			q.stop(ErrMemoryLimit)
			g.stopped++
		}
		g.mu.Unlock()
		// What the stopped queries held is garbage now; reading the heap
		// again before it is collected would stop the next ones.
		runtime.GC()
	}
}

// heapInUse is the heap's objects, live and not yet collected, in bytes.
func HeapInUse() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
