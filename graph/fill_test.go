package graph

import (
	"context"
	"path/filepath"
	"testing"
)

// Cayley's log and label index, whose keys only grow, keep full pages
// as they are written (fill.go); bolt's default would leave them half
// full.
func TestAppendBucketsFilled(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, Config{Path: filepath.Join(t.TempDir(), "db")})
	corpus := synthCorpus(0, 80, 1)
	for i := 0; i < len(corpus); i += 10 { // several transactions, as an ingest's group commits
		write(t, s, corpus[i:i+10]...)
	}
	b, err := s.Breakdown(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Parts {
		if p.Name != "log" {
			continue
		}
		fill := float64(p.InUse) / float64(p.Pages*b.PageSize)
		if p.Pages < 20 || fill < 0.85 {
			t.Errorf("log: %d pages filled %.2f, want full pages", p.Pages, fill)
		}
		return
	}
	t.Errorf("no log bucket in %+v", b.Parts)
}
