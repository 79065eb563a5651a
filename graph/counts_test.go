package graph

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// TestCountsFollowRandomWrites applies a random mix of adds, unchanged
// re-ingests, replacements (growing and shrinking) and deletes, and checks
// after each step that the running counts equal a full scan and that every
// document holds exactly its current version's quads.
func TestCountsFollowRandomWrites(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, Config{Path: t.TempDir(), Options: map[string]any{"nosync": true}})
	r := rand.New(rand.NewSource(42))
	stored := map[int]bool{}
	const docs = 24
	for step := 0; step < 40; step++ {
		var batch []schema.Extraction
		var ids []int
		for n := r.Intn(6) + 1; n > 0; n-- {
			i := r.Intn(docs)
			v := r.Intn(3)
			x := synthExtraction(i, v)
			if r.Intn(3) == 0 {
				n := r.Intn(len(x.Facts))
				x.Facts = x.Facts[:n] // shrink: exercises the ballast path
				x.Document.Text += fmt.Sprintf(" (%d facts)", n)
			}
			batch = append(batch, x)
			ids = append(ids, i)
		}
		if r.Intn(4) == 0 {
			i := r.Intn(docs)
			_, err := s.DeleteDocument(ctx, synthExtraction(i, 0).Document.ID)
			if stored[i] != (err == nil) {
				t.Fatalf("step %d: delete %d: %v (stored: %v)", step, i, err, stored[i])
			}
			delete(stored, i)
			batch = nil
		} else {
			res := write(t, s, batch...)
			for k, res := range res {
				if res.Status == StatusFailed {
					t.Fatalf("step %d: %+v", step, res)
				}
				stored[ids[k]] = true
			}
		}
		checkCounts(t, s, len(storeQuads(t, s)))
		// Every stored document is whole: its label holds exactly the
		// quads of the version last written.
		last := map[int]int{} // doc → index of its last version in this batch
		for j, i := range ids {
			if batch != nil {
				last[i] = j
			}
		}
		for _, j := range last {
			x := batch[j]
			got, err := s.labelQuads(ctx, quad.IRI(x.Document.IRI()))
			if err != nil {
				t.Fatal(err)
			}
			if d := diffLines(withoutIngestedAt(keys(got)), withoutIngestedAt(keys(DocumentQuads(x, time.Now())))); d != "" {
				t.Fatalf("step %d: document %s:\n%s", step, x.Document.ID, d)
			}
		}
	}
	st, _ := s.Stats(ctx)
	t.Logf("final: %+v, %d documents", st, len(stored))
	if st.Documents != int64(len(stored)) {
		t.Errorf("documents = %d, want %d", st.Documents, len(stored))
	}
}
