package queries

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// countingStream is a stream of n records that counts its reads.
type countingStream struct{ n, read int }

func (c *countingStream) next(context.Context) (map[string]any, bool, error) {
	if c.read >= c.n {
		return nil, false, nil
	}
	c.read++
	return map[string]any{"i": c.read}, true, nil
}
func (c *countingStream) skip(_ context.Context, n int) (int, error) { return 0, nil }
func (c *countingStream) close()                                     {}

// ngNext reads nothing once the run can emit no more rows: whatever it
// read could not be shown, and on PostgreSQL the read would be cancelled
// in flight when the runner closes the run.
func TestNextStopsWhenRunIsFull(t *testing.T) {
	for _, full := range []bool{false, true} {
		n := newNatives(nil, nil, nil)
		s := &countingStream{n: 10}
		n.streams["1"] = s
		n.full = func() bool { return full }
		got, err := n.funcs()["ngNext"](context.Background(), []string{"1", "4"})
		if err != nil {
			t.Fatal(err)
		}
		want := 4
		if full {
			want = 0
		}
		if recs := got.([]map[string]any); len(recs) != want || s.read != want {
			t.Errorf("full=%v: %d records, %d read; want %d", full, len(recs), s.read, want)
		}
	}
}

// TestFullPageKeepsConnections runs a page whose listing goes on past it
// (127 rows: the first stretch read ahead, so the next record needs a
// statement) many times on PostgreSQL, and wants the store's connections
// to stay the ones the first pages opened. Before the script's stream stopped at a full
// page (gizmo.Session.Full), the read of the next stretch was often in
// flight when the runner closed the run; lib/pq answers a cancelled
// statement with a cancel request and drops the connection, so about
// every other page opened a new one (BENCHMARKS.md, session 12).
func TestFullPageKeepsConnections(t *testing.T) {
	cfg := graphtest.Postgres(t)
	app := fmt.Sprintf("ng_fullpage_%d", time.Now().UnixNano())
	u, err := url.Parse(cfg.Address)
	if err != nil {
		t.Skipf("SKIPPED: needs a URL connection string: %v", err)
	}
	q := u.Query()
	q.Set("application_name", app)
	u.RawQuery = q.Encode()
	cfg.Address = u.String()
	st := openFixtureIn(t, cfg, busyExtractions(300)...)
	reg := mustLoad(t, "")
	r := &Runner{QS: st.QuadStore(), Keys: st}
	query, _ := reg.Get("relations")
	params := map[string]string{"entity": "Quill"}
	ctx := context.Background()
	run := func() {
		t.Helper()
		res, err := r.RunPage(ctx, query, params, Page{Limit: 127})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Truncated {
			t.Fatalf("page of %d rows not cut: the listing must go on past it", len(res.Rows))
		}
	}
	admin, err := sql.Open("postgres", cfg.Address)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	// The store's backends, seen between pages: a dropped connection's
	// replacement is a new one.
	seen := map[int]bool{}
	backends := func() {
		t.Helper()
		rows, err := admin.Query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`, app)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var pid int
			if err := rows.Scan(&pid); err != nil {
				t.Fatal(err)
			}
			seen[pid] = true
		}
	}
	for range 3 {
		run()
		backends()
	}
	first := len(seen)
	for range 40 {
		run()
		backends()
	}
	if len(seen) != first {
		t.Errorf("%d connections opened during 40 pages, want 0 (the first page opened the %d the store needs)", len(seen)-first, first)
	}
}
