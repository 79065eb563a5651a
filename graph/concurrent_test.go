package graph

import (
	"context"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// TestConcurrentWriters runs two writers over overlapping corpora (the same
// documents and the same new entities) at once: on bolt through one Store,
// on PostgreSQL through two Stores with their own connections, as two
// ingest processes would. The result must equal a sequential ingest: every
// document whole, every entity one node, no quad twice.
func TestConcurrentWriters(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		ctx := context.Background()
		c := cfg()
		s1 := openStore(t, c)
		s2 := s1
		if isSQL(c.Backend) {
			s2 = openStore(t, c)
		}
		// Both writers go through the same documents in the same order, so
		// they meet each new document and entity at the same moment.
		corpusA := synthCorpus(0, 90, 0)
		corpusB := synthCorpus(0, 90, 0)
		var wg sync.WaitGroup
		errs := make(chan string, 1000)
		run := func(s *Store, docs []schema.Extraction) {
			defer wg.Done()
			for i := 0; i < len(docs); i += 5 {
				res, err := s.WriteDocuments(ctx, docs[i:i+5])
				if err != nil {
					errs <- err.Error()
					return
				}
				for _, r := range res {
					if r.Status == StatusFailed {
						errs <- r.DocID + ": " + r.Err.Error()
					}
				}
			}
		}
		wg.Add(2)
		go run(s1, corpusA)
		go run(s2, corpusB)
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}

		ref := openStore(t, Config{Path: t.TempDir(), Options: map[string]any{"nosync": true}})
		write(t, ref, synthCorpus(0, 90, 0)...)
		want := withoutIngestedAt(storeQuads(t, ref))
		got := storeQuads(t, s1)
		if d := diffLines(withoutIngestedAt(got), want); d != "" {
			t.Fatalf("concurrent ingest differs from a sequential one:\n%.3000s", d)
		}
		if len(got)-len(want) != 90 {
			t.Errorf("%d ingested_at quads, want 90", len(got)-len(want))
		}
		st, err := s2.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		wantSt, _ := ref.Stats(ctx)
		if st != wantSt {
			t.Errorf("stats %+v, sequential ingest %+v", st, wantSt)
		}
		if isSQL(c.Backend) {
			// Each entity is one row of the nodes table, whoever wrote it first.
			var dup int
			if err := s1.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT value_string FROM nodes WHERE iri AND value_string LIKE 'ent:%' GROUP BY value_string HAVING count(*) > 1) d`).Scan(&dup); err != nil {
				t.Fatal(err)
			}
			if dup != 0 {
				t.Errorf("%d entities stored as more than one node", dup)
			}
		}
		t.Logf("%+v; transactions retried after a conflict: %d", st, s1.conflicts.Load()+s2.conflicts.Load())
	})
}
