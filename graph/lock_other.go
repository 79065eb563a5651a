//go:build !unix

package graph

// checkNotLocked is a no-op where flock is not available.
func checkNotLocked(string) error { return nil }
