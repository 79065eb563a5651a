//go:build !linux

package graph

// releaseSupported reports whether release does anything here: the
// release relies on Linux's /proc/self/maps and MADV_DONTNEED semantics.
const releaseSupported = false

func fileIno(string) uint64 { return 0 }

func dropMapping(uintptr, int64, string, uint64) error { return nil }

func fileRSS() (int64, error) { return 0, nil }
