//go:build linux

package graph

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// releaseSupported reports whether release does anything here.
const releaseSupported = true

// fileIno is path's inode number, 0 when it cannot be read.
func fileIno(path string) uint64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Ino
	}
	return 0
}

// fileRSS is the process's file-backed resident memory in bytes (RssFile
// in /proc/self/status, which the kernel keeps as a counter: cheap).
func fileRSS() (int64, error) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	_, rest, ok := bytes.Cut(data, []byte("\nRssFile:"))
	if !ok {
		return 0, errors.New("no RssFile in /proc/self/status")
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	f := strings.Fields(string(line)) // "1234 kB"
	if len(f) != 2 || f[1] != "kB" {
		return 0, fmt.Errorf("RssFile: %q", line)
	}
	kb, err := strconv.ParseInt(f[0], 10, 64)
	return kb << 10, err
}

// mapping is one line of /proc/self/maps.
type mapping struct {
	start, end uintptr
	perms      string
	offset     uint64
	ino        uint64
	path       string
}

// parseMapping parses "start-end perms offset dev inode [path]".
func parseMapping(line string) (mapping, bool) {
	f := strings.Fields(line)
	if len(f) < 5 {
		return mapping{}, false
	}
	lo, hi, ok := strings.Cut(f[0], "-")
	if !ok {
		return mapping{}, false
	}
	start, err1 := strconv.ParseUint(lo, 16, 64)
	end, err2 := strconv.ParseUint(hi, 16, 64)
	off, err3 := strconv.ParseUint(f[2], 16, 64)
	ino, err4 := strconv.ParseUint(f[4], 10, 64)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return mapping{}, false
	}
	m := mapping{start: uintptr(start), end: uintptr(end), perms: f[1], offset: off, ino: ino}
	if len(f) > 5 {
		// The path is the rest of the line (it may hold spaces).
		m.path = strings.Join(f[5:], " ")
	}
	return m, true
}

// findMapping returns the entry of /proc/self/maps that starts at start.
func findMapping(start uintptr) (mapping, error) {
	data, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return mapping{}, err
	}
	for _, line := range bytes.Split(data, []byte{'\n'}) {
		m, ok := parseMapping(string(line))
		if ok && m.start == start {
			return m, nil
		}
	}
	return mapping{}, fmt.Errorf("no mapping starts at %#x", start)
}

// dropMapping madvises away the pages of the mapping that starts at start,
// after checking that it is a shared read-only map of the bolt file (path,
// inode ino) covering at least minLen bytes. The caller guarantees the
// mapping cannot change meanwhile (see mapped.go).
func dropMapping(start uintptr, minLen int64, path string, ino uint64) error {
	if start == 0 {
		return errors.New("bolt has no mapping")
	}
	m, err := findMapping(start)
	if err != nil {
		return err
	}
	if m.perms != "r--s" || m.offset != 0 {
		return fmt.Errorf("mapping at %#x is %s at offset %d, not bolt's read-only shared map", start, m.perms, m.offset)
	}
	if (ino == 0 || m.ino != ino) && m.path != path {
		return fmt.Errorf("mapping at %#x is %q (inode %d), not the bolt file (inode %d)", start, m.path, m.ino, ino)
	}
	if minLen < 0 || uint64(m.end-m.start) < uint64(minLen) {
		return fmt.Errorf("mapping at %#x holds %d bytes, less than bolt's %d", start, m.end-m.start, minLen)
	}
	// Plain uintptrs, not a slice over the mapping: nothing here reads it.
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, m.start, m.end-m.start, syscall.MADV_DONTNEED); e != 0 {
		return fmt.Errorf("madvise: %w", e)
	}
	return nil
}
