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
	slots      chan struct{}
	soft, hard uint64

	mu       sync.Mutex
	running  map[*governed]struct{}
	watching bool
	stopped  int64 // queries stopped by the watchdog, for tests and metrics
}

type governed struct{ stop context.CancelCauseFunc }

// NewGovernor lets maxConcurrent queries run at once (at least 1). Past
// soft bytes of heap it starts a collection and stops the running queries
// if the heap is still over once it has finished (garbage of earlier
// queries is nobody's doing); past hard bytes it stops them at once (a
// script doubling a string does not wait for a collection). 0: no heap
// bound; hard below soft is raised to soft.
func NewGovernor(maxConcurrent int, soft, hard uint64) *Governor {
	if maxConcurrent < 1 {
		maxConcurrent = 1
	}
	hard = max(hard, soft)
	return &Governor{slots: make(chan struct{}, maxConcurrent), soft: soft, hard: hard, running: map[*governed]struct{}{}}
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
	if !g.watching && g.soft > 0 {
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

// watch reads the heap while any query runs.
func (g *Governor) watch() {
	t := time.NewTicker(heapPoll)
	defer t.Stop()
	gcWait := false // a collection was started because of the soft bound
	var gcAt uint64 // the collection count when it was started
	for range t.C {
		g.mu.Lock()
		if len(g.running) == 0 {
			g.watching = false
			g.mu.Unlock()
			return
		}
		g.mu.Unlock()
		heap := HeapInUse()
		switch {
		case heap <= g.soft:
			gcWait = false
			continue
		case heap <= g.hard && !gcWait:
			gcWait, gcAt = true, gcCycles()
			go runtime.GC()
			continue
		case heap <= g.hard && gcCycles() == gcAt:
			continue // still collecting
		}
		g.mu.Lock()
		for q := range g.running {
			q.stop(ErrMemoryLimit)
			g.stopped++
		}
		g.mu.Unlock()
		gcWait = false
		// What the stopped queries held is garbage now: collect it before
		// it counts against the next ones.
		go runtime.GC()
	}
}

// gcCycles counts the collections the process has completed.
func gcCycles() uint64 { return readMetric("/gc/cycles/total:gc-cycles") }

// HeapInUse is the heap's objects, live and not yet collected, in bytes.
func HeapInUse() uint64 { return readMetric("/memory/classes/heap/objects:bytes") }

// readMetric reads one runtime metric of kind uint64 (0 if it is not).
func readMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
