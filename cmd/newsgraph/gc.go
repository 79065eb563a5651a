package main

import (
	"context"
	"os"

	"github.com/newsgraph/newsgraph/internal/gcfloor"
)

// The processes that answer saved queries (serve, bench queries) keep a
// live heap of a few MB, and at Go's default target a connections page ran
// the collector several times (BENCHMARKS.md, session 13). The floor gives
// such a heap room up to 64 MB and a big one Go's default: a fixed GOGC=400
// let a hostile script's heap pass the server's ceiling and stall it.
const (
	queryHeapFloor  = 64 << 20
	queryMaxPercent = 400
)

// tuneGCForQueries keeps the collector's floor until ctx ends, unless GOGC
// in the environment sets the target.
func (a *app) tuneGCForQueries(ctx context.Context) {
	if os.Getenv("GOGC") != "" {
		return
	}
	(&gcfloor.Floor{Bytes: queryHeapFloor, MaxPercent: queryMaxPercent}).Start(ctx)
}
