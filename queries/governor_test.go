package queries

import (
	"context"
	"errors"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// Sixteen scripts that grow the heap without end, through a Governor that
// lets four run at once under a 256 MiB ceiling: every one is stopped by
// the watchdog, and the heap stays near the ceiling (the watchdog
// fires at an eighth and a quarter of it, leaving room for the allocations
// in flight).
func TestGovernorStopsConcurrentGrowth(t *testing.T) {
	st := openFixture(t)
	const ceiling = 512 << 20
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(ceiling))
	gov := NewGovernor(4, ceiling/8, ceiling/4)
	r := &Runner{QS: st.QuadStore(), Timeout: 30 * time.Second, Gov: gov}
	var peak uint64
	done := make(chan struct{})
	go func() { // what the test sees, independently of the watchdog
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
				metrics.Read(s)
				peak = max(peak, s[0].Value.Uint64())
			}
		}
	}()
	var wg sync.WaitGroup
	errs := make([]error, 16)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := `var s = "x".repeat(1 << 20), a = []; for (;;) { s = s + "y"; a.push(s); }`
			if i%2 == 0 {
				src = `var s = "xy"; for (;;) s += s;`
			}
			_, errs[i] = r.Gizmo(context.Background(), src)
		}()
	}
	wg.Wait()
	close(done)
	for i, err := range errs {
		if !errors.Is(err, ErrMemoryLimit) {
			t.Errorf("script %d: err = %v, want the memory limit", i, err)
		}
	}
	if gov.Stopped() < 16 {
		t.Errorf("watchdog stopped %d queries, want at least 16", gov.Stopped())
	}
	t.Logf("peak heap %d MiB (ceiling %d MiB)", peak>>20, ceiling>>20)
	// Before the governor: 4 GiB and a crash. The watchdog polls, so on a
	// loaded machine allocations in flight can overshoot the ceiling a
	// little; what it must never do is let the heap run away.
	if peak > 2*ceiling {
		t.Errorf("peak heap %d MiB, more than twice the ceiling of %d MiB", peak>>20, ceiling>>20)
	}
	// Afterwards, once the stopped scripts' garbage is collected (the
	// watchdog collects before it stops anything, but on a loaded machine the
	// last stopped goroutines may still be unwinding), an ordinary query runs.
	runtime.GC()
	if _, err := r.Gizmo(context.Background(), `g.V().Limit(1).All()`); err != nil {
		t.Fatal(err)
	}
}

func TestGovernorQueueEndsWithTheContext(t *testing.T) {
	gov := NewGovernor(1, 0, 0)
	_, release, err := gov.Enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, _, err := gov.Enter(ctx); !errors.Is(err, ErrBusy) {
		t.Fatalf("err = %v, want ErrBusy", err)
	}
}
