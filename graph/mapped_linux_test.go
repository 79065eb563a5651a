//go:build linux

package graph

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// mappingLen is the length of bolt's mapping; call it with no write running.
func mappingLen(t testing.TB, s *Store) uintptr {
	t.Helper()
	m, err := findMapping(s.mapped.db.Info().Data)
	if err != nil {
		t.Fatalf("bolt's mapping: %v", err)
	}
	return m.end - m.start
}

// mappingRss is the resident size in kB of bolt's mapping, from
// /proc/self/smaps.
func mappingRss(t testing.TB, s *Store) int {
	t.Helper()
	start := s.mapped.db.Info().Data
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatalf("smaps: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		if m, ok := parseMapping(line); ok && strings.Contains(line, "-") && len(strings.Fields(line)) >= 5 && !strings.HasSuffix(strings.Fields(line)[0], ":") {
			in = m.start == start
			if in && m.path != s.mapped.path {
				t.Fatalf("mapping at %#x is %q, want %q", start, m.path, s.mapped.path)
			}
			continue
		}
		if in && strings.HasPrefix(line, "Rss:") {
			kb, err := strconv.Atoi(strings.Fields(line)[1])
			if err != nil {
				t.Fatalf("smaps line %q: %v", line, err)
			}
			return kb
		}
	}
	t.Fatalf("no smaps entry for bolt's mapping at %#x (err %v)", start, sc.Err())
	return 0
}

// readAll faults in every page a full read of the store touches, without
// EachQuad (which releases when the store does).
func readAll(t testing.TB, s *Store) int {
	t.Helper()
	ctx := context.Background()
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil || !q.IsValid() {
			t.Fatalf("quad %v: %v", q, err)
		}
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				if _, err := s.qs.ValueOf(v); err != nil {
					t.Fatalf("ValueOf %v: %v", v, err)
				}
			}
		}
		n++
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestReleaseMappedDropsResidentPages shows the point of the release: the
// bolt file's pages leave the process's resident set (and come back when
// read).
func TestReleaseMappedDropsResidentPages(t *testing.T) {
	corpus := synthCorpus(0, 200, 0)

	t.Run("explicit", func(t *testing.T) {
		s := openStore(t, boltConfig(t, true))
		write(t, s, corpus...)
		readAll(t, s)
		before := mappingRss(t, s)
		if err := s.ReleaseMapped(); err != nil {
			t.Fatalf("ReleaseMapped: %v", err)
		}
		after := mappingRss(t, s)
		t.Logf("bolt mapping resident: %d kB before release, %d kB after", before, after)
		if before < 512 {
			t.Fatalf("only %d kB resident after reading the whole store: nothing to release", before)
		}
		if after > before/10 {
			t.Errorf("resident after release %d kB, before %d kB", after, before)
		}
		readAll(t, s)
		if again := mappingRss(t, s); again < before/2 {
			t.Errorf("reading again made %d kB resident, first read %d kB: pages not refaulted?", again, before)
		}
	})

	t.Run("after writes", func(t *testing.T) {
		rss := map[bool]int{}
		for _, keep := range []bool{true, false} {
			s := openStore(t, boltConfig(t, keep))
			for i := 0; i < len(corpus); i += 50 {
				write(t, s, corpus[i:i+50]...)
			}
			rss[keep] = mappingRss(t, s)
			s.Close()
		}
		t.Logf("bolt mapping resident after writing: %d kB kept, %d kB released", rss[true], rss[false])
		if rss[true] < 512 || rss[false] > rss[true]/10 {
			t.Errorf("resident after writes: %d kB with KeepMapped, %d kB without", rss[true], rss[false])
		}
	})
}

func TestParseMapping(t *testing.T) {
	for _, c := range []struct {
		line string
		want string
	}{
		{"7f12a000-7f12c000 r--s 00000000 fd:01 123456 /tmp/a b/indexes.bolt", "7f12a000-7f12c000 r--s 0 123456 /tmp/a b/indexes.bolt"},
		{"00400000-00452000 r-xp 00001000 08:02 173521", "400000-452000 r-xp 1000 173521 "},
		{"Rss:                 64 kB", "-"},
	} {
		got := "-"
		if m, ok := parseMapping(c.line); ok {
			got = fmt.Sprintf("%x-%x %s %x %d %s", m.start, m.end, m.perms, m.offset, m.ino, m.path)
		}
		if got != c.want {
			t.Errorf("parseMapping(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
