package parser

import (
	"bytes"
	"context"
	"math"
	"slices"
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
	// Voting with its softmax over heads instead of its tree: the votes
	// still make trees, and the greedy member still labels them.
	soft, err := m.WithSoftVotes(50)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := greedy.WithSoftVotes(50); err == nil {
		t.Errorf("a transition model accepted soft votes")
	}
	es, err := NewEnsemble([]*Model{greedy, soft}, []float64{1, 0.9})
	if err != nil {
		t.Fatal(err)
	}
	if acc := headAccuracy(es, gold[:50]); acc < 0.8 {
		t.Errorf("ensemble with a soft graph member: %.3f of heads right", acc)
	}
	// Near zero temperature and with all the weight, the soft member's
	// votes are its best heads, and the ensemble parses as it does alone.
	sharp, err := m.WithSoftVotes(1e-3)
	if err != nil {
		t.Fatal(err)
	}
	ed, err := NewEnsemble([]*Model{greedy, sharp}, []float64{1e-3, 1})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := headAccuracy(ed, gold[50:150]), headAccuracy(m, gold[50:150]); math.Abs(a-b) > 0.01 {
		t.Errorf("dominant sharp soft member: %.3f of heads right, the graph model alone %.3f", a, b)
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

// A graph model stacked on guide parses records that it is, reads them back
// with the embedded greedy parser as its guide, and learns to trust a guide
// that is always right: trained on gold trees as guides, it parses its
// training sentences as the embedded guide does where that guide is right.
func TestTrainStackedSlice(t *testing.T) {
	sents, err := conll.ReadCoNLLUFile(ewt(t, "train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gold := conll.GoldSentences(sents[:300])
	if _, err := Train(context.Background(), gold, Options{Epochs: 1, Guide: gold}); err == nil {
		t.Errorf("a transition model accepted guide parses")
	}
	m, err := Train(context.Background(), gold, Options{Epochs: 3, MinSubtype: 20, Graph: true, Guide: gold})
	if err != nil {
		t.Fatal(err)
	}
	if m.guide == nil {
		t.Fatalf("a stacked model without its guide")
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r.guide == nil || r.arcs == nil {
		t.Fatalf("the read model is not a stacked graph model")
	}
	guide, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// Trained where the guide is always right, the model follows it.
	agree, total := 0, 0
	for _, g := range gold[:50] {
		a, b := g, g
		a.Tokens, b.Tokens = slices.Clone(g.Tokens), slices.Clone(g.Tokens)
		r.Parse(&a)
		guide.Parse(&b)
		for i := range a.Tokens {
			total++
			if a.Tokens[i].Head == b.Tokens[i].Head {
				agree++
			}
		}
	}
	if share := float64(agree) / float64(total); share < 0.95 {
		t.Errorf("stacked on always-right guides, the model agrees with its guide on %.3f of heads", share)
	}
}
