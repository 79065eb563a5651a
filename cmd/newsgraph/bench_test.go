package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
)

// bench --keep leaves a store that bench queries times again, with the
// same query and parameter sets.
func TestBenchQueriesOnKeptStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "b")
	var out, errb bytes.Buffer
	args := []string{"bench", "--docs", "8", "--skip-ratios", "--skip-api", "--query-runs", "1", "--keep", "--dir", dir, "--json", "--progress=false"}
	if code := run(context.Background(), args, nil, &out, &errb); code != 0 {
		t.Fatalf("bench: exit %d: %s", code, errb.String())
	}
	var rep struct {
		Queries []struct{ Name, Variant string } `json:"queries"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || len(rep.Queries) == 0 {
		t.Fatalf("bench report: %v, %d queries", err, len(rep.Queries))
	}
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"bench", "queries", "--dir", dir, "--docs", "8", "--query-runs", "1", "--json"}, nil, &out, &errb); code != 0 {
		t.Fatalf("bench queries: exit %d: %s", code, errb.String())
	}
	var again []struct {
		Name    string `json:"name"`
		Variant string `json:"variant"`
		Err     string `json:"error"`
		Runs    int    `json:"runs"`
	}
	if err := json.Unmarshal(out.Bytes(), &again); err != nil {
		t.Fatalf("bench queries output: %v\n%s", err, out.String())
	}
	if len(again) != len(rep.Queries) {
		t.Fatalf("bench queries timed %d query sets, bench %d", len(again), len(rep.Queries))
	}
	for i, q := range again {
		if q.Name != rep.Queries[i].Name || q.Variant != rep.Queries[i].Variant {
			t.Errorf("set %d: %s/%s, bench had %s/%s", i, q.Name, q.Variant, rep.Queries[i].Name, rep.Queries[i].Variant)
		}
	}
	// A folder without a kept store is a clear error.
	if code := run(context.Background(), []string{"bench", "queries", "--dir", t.TempDir()}, nil, &out, &errb); code == 0 {
		t.Error("bench queries on an empty folder: exit 0")
	}
}
