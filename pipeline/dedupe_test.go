package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
)

const story = "General Ada Moreno, the commander of the Eastern Guard, said on Monday that the city of Vell is held by the Eastern Guard. " +
	"The guard took the city after three days of fighting along the river, residents said. Aid groups said the road to the coast stayed closed " +
	"and that food was running short in the northern districts, where most of the fighting took place."

func writeJSONL(t *testing.T, docs ...map[string]string) string {
	t.Helper()
	var b strings.Builder
	for _, d := range docs {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "wire.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// docValues lists the values of one predicate of a stored document.
func docValues(t *testing.T, st *graph.Store, id, pred string) []string {
	t.Helper()
	var out []string
	doc := quad.IRI(schema.DocIRI(id))
	err := graph.EachQuadAt(context.Background(), st.QuadStore(), quad.Subject, doc, func(q quad.Quad) error {
		if q.Predicate == quad.IRI(pred) && q.Label == doc {
			out = append(out, q.Object.Native().(string))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func TestSameStoryStoredOnce(t *testing.T) {
	_, st, ex := setup(t, 0)
	ctx := context.Background()
	// The same story from two wires (white space differs), a third copy,
	// a lightly edited version, and an unrelated story.
	edited := strings.Replace(story, "three days", "four days", 1)
	path := writeJSONL(t,
		map[string]string{"id": "wire-a-1", "source": "Wire A", "text": story},
		map[string]string{"id": "wire-b-7", "source": "Wire B", "url": "https://b.example/7", "text": strings.ReplaceAll(story, " ", "  \n ")},
		map[string]string{"id": "wire-c-2", "source": "Wire A", "text": "\t" + story + "\n"},
		map[string]string{"id": "wire-d-3", "source": "Wire D", "text": edited},
		map[string]string{"id": "other-1", "text": "Colonel Ivo Brandt said the Northern Brigade would withdraw from Amberley by Friday, officials said."},
	)
	sum, err := Run(ctx, ingest.Read, []string{path}, ex, st, Options{SkipUnchanged: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 5 || sum.Added != 3 || sum.Failed != 0 {
		t.Fatalf("summary %+v", sum)
	}
	want := []Duplicate{{ID: "wire-b-7", Of: "wire-a-1"}, {ID: "wire-c-2", Of: "wire-a-1"}}
	if !slices.Equal(sum.Duplicates, want) {
		t.Errorf("duplicates %+v, want %+v", sum.Duplicates, want)
	}
	if len(sum.NearDuplicates) != 1 || !strings.HasSuffix(sum.NearDuplicates[0].A, "#wire-a-1") || !strings.HasSuffix(sum.NearDuplicates[0].B, "#wire-d-3") {
		t.Errorf("near-duplicates %+v, want wire-a-1 ~ wire-d-3", sum.NearDuplicates)
	}
	ids, err := st.DocumentIDs(ctx)
	if err != nil || !slices.Equal(ids, []string{"other-1", "wire-a-1", "wire-d-3"}) {
		t.Fatalf("stored %v, %v", ids, err)
	}
	check := func() {
		t.Helper()
		if got := docValues(t, st, "wire-a-1", schema.PredCopy); !slices.Equal(got, []string{"wire-b-7", "wire-c-2"}) {
			t.Errorf("copies %v", got)
		}
		if got := docValues(t, st, "wire-a-1", schema.PredSource); !slices.Equal(got, []string{"Wire A", "Wire B"}) {
			t.Errorf("sources %v", got)
		}
		if got := docValues(t, st, "wire-a-1", schema.PredURL); !slices.Equal(got, []string{"https://b.example/7"}) {
			t.Errorf("urls %v", got)
		}
	}
	check()

	// Again, and on its own: the copies are still one document.
	for _, paths := range [][]string{{path}, {writeJSONL(t, map[string]string{"id": "wire-e-9", "source": "Wire E", "text": story + " "})}} {
		sum, err = Run(ctx, ingest.Read, paths, ex, st, Options{SkipUnchanged: true})
		if err != nil || sum.Added != 0 || sum.Failed != 0 {
			t.Fatalf("re-run: %+v, %v", sum, err)
		}
	}
	if ids, _ := st.DocumentIDs(ctx); len(ids) != 3 {
		t.Errorf("stored %v after re-runs", ids)
	}
	if got := docValues(t, st, "wire-a-1", schema.PredCopy); !slices.Equal(got, []string{"wire-b-7", "wire-c-2", "wire-e-9"}) {
		t.Errorf("copies after a later copy: %v", got)
	}
	// Deleting the document removes its copies' listing with it.
	if _, err := st.DeleteDocument(ctx, "wire-a-1"); err != nil {
		t.Fatal(err)
	}
	if got := docValues(t, st, "wire-a-1", schema.PredCopy); len(got) != 0 {
		t.Errorf("copies left after delete: %v", got)
	}
}

func TestMinhashSimilarity(t *testing.T) {
	a, ok := minhash(story)
	if !ok {
		t.Fatal("story too short to sign")
	}
	b, _ := minhash(strings.Replace(story, "three days", "four days", 1))
	c, _ := minhash("Colonel Ivo Brandt said the Northern Brigade would withdraw from Amberley by Friday, officials said on Tuesday.")
	if s := similarity(a, b); s < NearDuplicateThreshold {
		t.Errorf("one word changed: similarity %.2f", s)
	}
	if s := similarity(a, c); s > 0.2 {
		t.Errorf("unrelated stories: similarity %.2f", s)
	}
	if _, ok := minhash("too short"); ok {
		t.Error("a two-word text was signed")
	}
}
