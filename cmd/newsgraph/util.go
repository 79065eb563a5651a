package main

import (
	"runtime"
	"time"
)

func numCPU() int { return runtime.GOMAXPROCS(0) }

func timeNowUTC() time.Time { return time.Now().UTC() }
