package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestSeedArticle holds the article the project started from to its
// target: every core fact of its gold found, and at least 95 in 100 of the
// relation facts right (by any gold row, as the scorer reads them). It reads
// ../shared, so it skips where the shared folder is absent.
func TestSeedArticle(t *testing.T) {
	shared := filepath.Join("..", "..", "shared")
	text := filepath.Join(shared, "corpus", "rudaw-isis-jeffrey.txt")
	f, err := os.Open(text)
	if err != nil {
		t.Skipf("no seed article: %v", err)
	}
	defer f.Close()
	gold, err := ReadGoldFile(filepath.Join(shared, "eval", "seed-gold.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := ReadOne(filepath.Base(text), f)
	if err != nil || len(docs) != 1 {
		t.Fatalf("read seed: %v (%d documents)", err, len(docs))
	}
	defaults, err := NewExtractor(Options{}) // the default gates, as users get them
	if err != nil {
		t.Fatal(err)
	}
	ext, err := defaults.Extract(context.Background(), docs[0])
	if err != nil {
		t.Fatal(err)
	}
	doc := docs[0].ID
	facts := map[string][][3]string{}
	right, total := 0, 0
	for _, fact := range ext.Facts {
		s, _ := ext.Entity(fact.Subject)
		obj := fact.Object
		if o, ok := ext.Entity(fact.Object); ok {
			obj = o.Name
		}
		facts[doc] = append(facts[doc], [3]string{s.Name, fact.Predicate, obj})
		if fact.Predicate == "said" {
			continue // quotes are matched by fragment, which Right does not read
		}
		total++
		if gold.Right(doc, s.Name, fact.Predicate, obj) {
			right++
		}
	}
	for _, line := range gold.Missed("core", facts) {
		t.Errorf("seed core fact missed: %s", line)
	}
	if total == 0 || float64(right) < 0.95*float64(total) {
		t.Errorf("seed relation precision %d/%d, want >= 0.95", right, total)
	}
}
