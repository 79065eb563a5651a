package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
)

type countingExtractor struct {
	inner *ingest.Extractor
	calls atomic.Int64
}

func (c *countingExtractor) Extract(ctx context.Context, d schema.Document) (schema.Extraction, error) {
	c.calls.Add(1)
	return c.inner.Extract(ctx, d)
}

func setup(t *testing.T, good int) (string, *graph.Store, *countingExtractor) {
	t.Helper()
	in := t.TempDir()
	for i := range good {
		text := fmt.Sprintf("General Ada Moreno%d, the commander of the Eastern Guard, said the city of Vell%d is held by the Eastern Guard.", i, i)
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("doc%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(in, "broken.txt"), []byte{0, 1, 2, 0xff}, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(context.Background(), graph.Config{Path: filepath.Join(t.TempDir(), "g.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ex, err := ingest.NewExtractor(ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return in, st, &countingExtractor{inner: ex}
}

func TestRunStoresGoodDocumentsAndReportsBadOnes(t *testing.T) {
	in, st, ex := setup(t, 7)
	ctx := context.Background()
	// Tiny batches force several group commits.
	sum, err := Run(ctx, ingest.Read, []string{in}, ex, st, Options{Workers: 3, BatchDocs: 2, SkipUnchanged: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 8 || sum.Added != 7 || sum.Failed != 1 || len(sum.Failures) != 1 {
		t.Fatalf("summary %+v", sum)
	}
	if sum.Facts == 0 || sum.Quads == 0 || sum.Words == 0 {
		t.Fatalf("nothing counted: %+v", sum)
	}
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Documents != 7 {
		t.Fatalf("store has %d documents, want 7", s.Documents)
	}

	// A second run skips extraction for what is stored: a resume.
	calls := ex.calls.Load()
	sum, err = Run(ctx, ingest.Read, []string{in}, ex, st, Options{SkipUnchanged: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Unchanged != 7 || sum.Added != 0 || ex.calls.Load() != calls {
		t.Fatalf("resume re-extracted: %+v, %d extra calls", sum, ex.calls.Load()-calls)
	}
	// Without skipping, the store still sees the same text and adds nothing.
	sum, err = Run(ctx, ingest.Read, []string{in}, ex, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Unchanged != 7 || sum.Quads != 0 {
		t.Fatalf("re-ingest wrote quads: %+v", sum)
	}
}

type failingStore struct{ *graph.Store }

func (failingStore) WriteDocuments(context.Context, []schema.Extraction) ([]graph.WriteResult, error) {
	return nil, errors.New("disk full")
}

func TestRunStopsWhenTheStoreFails(t *testing.T) {
	in, st, ex := setup(t, 3)
	sum, err := Run(context.Background(), ingest.Read, []string{in}, ex, failingStore{st}, Options{BatchDocs: 1})
	if err == nil || sum.Failed == 0 {
		t.Fatalf("want a run error and failures, got %v, %+v", err, sum)
	}
}

func TestRunCancelledBeforeStart(t *testing.T) {
	in, st, ex := setup(t, 3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, ingest.Read, []string{in}, ex, st, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s.Documents > 3 {
		t.Fatalf("documents %d", s.Documents)
	}
}

// overlapStore holds the first group commit until every document has been
// extracted, and records whether two commits ever ran at once.
type overlapStore struct {
	*graph.Store
	ex      *countingExtractor
	want    int64         // documents extracted before the first commit goes on
	waited  chan struct{} // closed once the first commit saw them all
	first   atomic.Bool
	running atomic.Int64
	overlap atomic.Bool
}

func (s *overlapStore) WriteDocuments(ctx context.Context, exts []schema.Extraction) ([]graph.WriteResult, error) {
	if s.running.Add(1) > 1 {
		s.overlap.Store(true)
	}
	defer s.running.Add(-1)
	if s.first.CompareAndSwap(false, true) {
		// Without extraction beside the commit the workers stop once
		// the results buffer is full and the count never comes: give up
		// after a minute (a guard against hanging, not a speed check).
		for give := time.Now().Add(time.Minute); s.ex.calls.Load() < s.want && time.Now().Before(give); {
			time.Sleep(time.Millisecond)
		}
		if s.ex.calls.Load() >= s.want {
			close(s.waited)
		}
	}
	return s.Store.WriteDocuments(ctx, exts)
}

// TestRunExtractsWhileACommitRuns: while one group commit is written the
// workers extract the whole next batch and more, commits still run one
// at a time and in order, and every document is stored once.
func TestRunExtractsWhileACommitRuns(t *testing.T) {
	const docs = 12
	in, st, ex := setup(t, docs)
	os.Remove(filepath.Join(in, "broken.txt"))
	// One worker, batches of three. Waiting for its commit, a loop that
	// does not overlap has taken the first batch and lets the worker
	// extract only three more (two in the results buffer, one in hand):
	// six. Collecting the next batch meanwhile, it gets to nine; the
	// first commit waits for seven.
	ov := &overlapStore{Store: st, ex: ex, want: 7, waited: make(chan struct{})}
	sum, err := Run(context.Background(), ingest.Read, []string{in}, ex, ov, Options{Workers: 1, BatchDocs: 3})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-ov.waited:
	default:
		t.Fatal("the first commit never saw the rest extracted")
	}
	if ov.overlap.Load() {
		t.Fatal("two group commits ran at once")
	}
	if sum.Added != docs || sum.Failed != 0 || sum.Documents != docs {
		t.Fatalf("summary %+v, want %d added", sum, docs)
	}
	stored, err := st.DocumentHashes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != docs {
		t.Fatalf("%d documents stored, want %d", len(stored), docs)
	}
}
