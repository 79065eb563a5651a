package graph

import (
	"testing"
	"time"
)

func TestSynthCorpusIsValid(t *testing.T) {
	total := 0
	for _, x := range synthCorpus(0, 50, 0) {
		if err := ValidateExtraction(x); err != nil {
			t.Fatalf("%s: %v", x.Document.ID, err)
		}
		if len(x.Facts) < 8 {
			t.Errorf("%s: only %d facts", x.Document.ID, len(x.Facts))
		}
		total += len(DocumentQuads(x, time.Now()))
	}
	t.Logf("50 synthetic documents: %d quads (%.0f per document)", total, float64(total)/50)
}
