package gcfloor

import (
	"context"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestTarget(t *testing.T) {
	f := &Floor{Bytes: 64 << 20, MaxPercent: 400}
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{4 << 20, 400},  // 1500% would reach the floor: capped
		{16 << 20, 300}, // 16 MB + 300% = 64 MB
		{30 << 20, 113},
		{32 << 20, 100},
		{500 << 20, 100},
	} {
		if got := f.target(c.live); got != c.want {
			t.Errorf("live %d MiB: target %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// The floor follows the live heap from one collection to the next, and
// gives the default back when its context ends.
func TestFloorFollowsTheLiveHeap(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(DefaultPercent))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &Floor{Bytes: 256 << 20, MaxPercent: 400}
	runtime.GC()
	f.Start(ctx)
	waitFor(t, "a small heap's target", func() bool { runtime.GC(); return f.Percent() == 400 })

	big := make([]byte, 200<<20)
	for i := range big {
		big[i] = 1
	}
	waitFor(t, "a big heap's target", func() bool { runtime.GC(); return f.Percent() == DefaultPercent })
	runtime.KeepAlive(big)
	big = nil
	waitFor(t, "the small heap's target again", func() bool { runtime.GC(); return f.Percent() == 400 })
	if got := debug.SetGCPercent(400); got != 400 {
		t.Errorf("the runtime's target is %d, want 400", got)
	}

	cancel()
	waitFor(t, "the default after the end", func() bool { runtime.GC(); return f.Percent() == DefaultPercent })
	if got := debug.SetGCPercent(DefaultPercent); got != DefaultPercent {
		t.Errorf("the runtime's target after the end is %d, want %d", got, DefaultPercent)
	}
}

// waitFor runs cond until it holds; finalizers run on their own goroutine
// after a collection, so a few collections may pass first.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for range 200 {
		if cond() {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("never saw %s", what)
}
