//go:build unix

package graph

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// checkNotLocked fails fast when another process holds the bolt file's
// lock (a running `newsgraph serve`, say): bolt itself would wait forever.
func checkNotLocked(file string) error {
	f, err := os.OpenFile(file, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil // a new store
	} else if err != nil {
		return fmt.Errorf("graph: open %s: %w", file, err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return fmt.Errorf("graph: store %s is in use (open in another process, or already open here; only one process can open a bolt store; use a SQL backend to share it)", file)
		}
		return fmt.Errorf("graph: lock %s: %w", file, err)
	}
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
