package main

import (
	"os"
	"runtime/debug"
	"strings"
)

// The processes that answer saved queries (serve, bench queries) keep a
// live heap of a few MB: 8 MB while the saved queries run on 10k articles
// on PostgreSQL. At Go's default target (GOGC=100) a connections page,
// which allocates tens of MB, then runs the collector every ~40 ms, several
// times a page, and those cycles were the slow runs of its p99 (BENCHMARKS.md,
// session 13). A target of 400 keeps such a heap under ~50 MB; the soft
// limit brings the default's pace back once the heap is big (a server that
// ingests holds the language models, ~500 MB).
const (
	queryGCPercent   = 400
	queryMemoryLimit = 1 << 30
)

// tuneGCForQueries sets the collector for a query-answering process:
// GOGC in the environment wins over the target, and GOMEMLIMIT or a
// store.memory_limit other than "auto" over the limit (applyMemoryLimit
// sets a size when the store opens).
func (a *app) tuneGCForQueries() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(queryGCPercent)
	}
	lim := strings.ToLower(strings.TrimSpace(a.v.GetString("store.memory_limit")))
	if os.Getenv("GOMEMLIMIT") == "" && (lim == "" || lim == "auto") {
		debug.SetMemoryLimit(queryMemoryLimit)
	}
}
