package main

import (
	"bytes"
	"context"
	"math"
	"runtime/debug"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"134217728": 128 << 20, "128MiB": 128 << 20, "128mb": 128 << 20, "1GiB": 1 << 30, "1.5g": 3 << 29, "512k": 512 << 10} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "lots", "-5MiB", "0"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q): no error", bad)
		}
	}
}

// store.mapped_limit reaches graph.Config: auto keeps bolt's pages mapped
// only for read-mostly commands, off always, a size sets the limit.
func TestMappedLimitConfig(t *testing.T) {
	for _, c := range []struct {
		value      string
		readMostly bool
		keep       bool
		limit      int64
		err        bool
	}{
		{"auto", false, false, 0, false},
		{"auto", true, true, 0, false},
		{"off", false, true, 0, false},
		{"256MiB", true, false, 256 << 20, false},
		{"plenty", false, false, 0, true},
	} {
		a := newApp(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
		a.v.Set("store.mapped_limit", c.value)
		a.readMostly = c.readMostly
		cfg, err := a.storeConfig()
		if (err != nil) != c.err {
			t.Errorf("%s: err = %v", c.value, err)
			continue
		}
		if !c.err && (cfg.KeepMapped != c.keep || cfg.MappedLimit != c.limit) {
			t.Errorf("%s (read-mostly %v): KeepMapped %v MappedLimit %d; want %v %d", c.value, c.readMostly, cfg.KeepMapped, cfg.MappedLimit, c.keep, c.limit)
		}
	}
	// A bad value is a clear error from any command that opens the store.
	t.Setenv("NEWSGRAPH_STORE_MAPPED_LIMIT", "plenty")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"--db", t.TempDir() + "/g.db", "stats"}, nil, &out, &errb); code == 0 || !strings.Contains(errb.String(), "store.mapped_limit") {
		t.Errorf("bad store.mapped_limit: exit %d, %s", code, errb.String())
	}
}

// store.memory_limit sets Go's soft memory limit: auto only for commands
// that write and only when GOMEMLIMIT is not set, a size always, off never.
func TestMemoryLimitConfig(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	const untouched = math.MaxInt64 - 1
	for _, c := range []struct {
		value      string
		readMostly bool
		env        string
		want       int64
		err        bool
	}{
		{"auto", false, "", defaultWriteMemoryLimit, false},
		{"auto", true, "", untouched, false},
		{"auto", false, "900MiB", untouched, false},
		{"off", false, "", untouched, false},
		{"768MiB", true, "", 768 << 20, false},
		{"lots", false, "", untouched, true},
	} {
		debug.SetMemoryLimit(untouched)
		t.Setenv("GOMEMLIMIT", c.env)
		a := newApp(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
		a.v.Set("store.memory_limit", c.value)
		a.readMostly = c.readMostly
		err := a.applyMemoryLimit()
		if (err != nil) != c.err {
			t.Errorf("%s: err = %v", c.value, err)
		}
		if got := debug.SetMemoryLimit(-1); got != c.want {
			t.Errorf("%s (read-mostly %v, GOMEMLIMIT %q): limit %d, want %d", c.value, c.readMostly, c.env, got, c.want)
		}
	}
}
