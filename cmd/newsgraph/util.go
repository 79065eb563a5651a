package main

import (
	"path/filepath"
	"runtime"
	"time"
)

func numCPU() int { return runtime.GOMAXPROCS(0) }

func timeNowUTC() time.Time { return time.Now().UTC() }

func dirOf(path string) string {
	if d := filepath.Dir(path); d != "" {
		return d
	}
	return "."
}
