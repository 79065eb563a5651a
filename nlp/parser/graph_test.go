package parser

import (
	"bytes"
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/conll"
)

// A graph-based model trained on a slice of EWT records that it is one,
// writes the same bytes twice and after a round trip, learns its training
// trees, and votes in an ensemble without labels of its own.
func TestTrainGraphSlice(t *testing.T) {
	sents, err := conll.ReadCoNLLUFile(ewt(t, "train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gold := conll.GoldSentences(sents[:300])
	opt := Options{Epochs: 3, MinSubtype: 20, Graph: true}
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		m, err := Train(context.Background(), gold, opt)
		if err != nil {
			t.Fatal(err)
		}
		if m.arcs == nil || m.table != nil {
			t.Fatalf("a graph model without its arc table")
		}
		if err := m.Write(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two graph trainings on the same data differ")
	}
	m, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m.arcs == nil {
		t.Fatalf("the read model is not a graph model")
	}
	if acc := headAccuracy(m, gold[:50]); acc < 0.8 {
		t.Errorf("tiny graph model: %.3f of heads right on its training data", acc)
	}
	pruned, err := m.Pruned(0.5, nil)
	if err != nil || pruned.arcs == nil {
		t.Fatalf("pruned graph model: %v", err)
	}
	greedy, err := Train(context.Background(), gold, Options{Epochs: 3, MinSubtype: 20})
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEnsemble([]*Model{greedy, m}, []float64{1, 0.9})
	if err != nil {
		t.Fatal(err)
	}
	if acc := headAccuracy(e, gold[:50]); acc < 0.8 {
		t.Errorf("ensemble with a graph member: %.3f of heads right", acc)
	}
	// Its labels come from the greedy member's votes: none is the
	// placeholder the graph member gives.
	s := gold[0]
	s.Tokens = append(s.Tokens[:0:0], gold[0].Tokens...)
	e.Parse(&s)
	for _, tok := range s.Tokens {
		if tok.Rel == "" {
			t.Errorf("word %q unlabelled", tok.Text)
		}
	}
}
