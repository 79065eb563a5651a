package parser

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/conll"
)

// The static oracle's sequence, which beam training takes as the gold one,
// rebuilds any projective tree in exactly 2n moves, and a copied state goes
// on as the original would.
func TestStaticOracleAndCopy(t *testing.T) {
	trees := [][]int{
		{1, 4, 1, 1},
		{2, 2, 5, 4, 2},
		{1, 3, 3, 6, 5, 3},
		{5, 0, 0, 0, 3, 6},
		{3, 3, 3, 8, 3, 6, 4, 3},
	}
	for _, heads := range trees {
		n := len(heads)
		st, steps := newState(n), 0
		var moves []int
		for ; !st.done(); steps++ {
			if steps > 2*n {
				t.Fatalf("%v: more than 2n moves", heads)
			}
			mv := st.staticOracle(heads)
			moves = append(moves, mv)
			st.apply(mv, mv) // the move as label, to check copies keep labels
		}
		if steps != 2*n || !slices.Equal(st.heads[:n], heads) {
			t.Errorf("%v: rebuilt %v in %d moves", heads, st.heads[:n], steps)
		}
		// Replay half the moves, copy, and finish on the copy.
		half := newState(n)
		for _, mv := range moves[:n] {
			half.apply(mv, mv)
		}
		cp := newState(n)
		cp.apply(shift, 0) // state to be overwritten
		cp.copyFrom(half)
		for _, mv := range moves[n:] {
			cp.apply(mv, mv)
		}
		if !slices.Equal(cp.ints, st.ints) || !slices.Equal(cp.masks, st.masks) || !cp.done() {
			t.Errorf("%v: the copy finished as %v, want %v", heads, cp.heads[:n], st.heads[:n])
		}
	}
}

// A beam-trained model records its beam, parses with it, is deterministic,
// and learns its training data; the same data trained greedily gives another
// model.
func TestTrainBeamSlice(t *testing.T) {
	sents, err := conll.ReadCoNLLUFile(ewt(t, "train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gold := conll.GoldSentences(sents[:300])
	opt := Options{Epochs: 3, MinSubtype: 20, Beam: 4}
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		m, err := Train(context.Background(), gold, opt)
		if err != nil {
			t.Fatal(err)
		}
		if m.beam != 4 {
			t.Fatalf("model beam %d, want 4", m.beam)
		}
		if err := m.Write(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two beam trainings on the same data differ")
	}
	m, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m.beam != 4 {
		t.Errorf("read model beam %d, want 4", m.beam)
	}
	if acc := headAccuracy(m, gold[:50]); acc < 0.8 {
		t.Errorf("tiny beam model: %.3f of heads right on its training data", acc)
	}
	greedy := opt
	greedy.Beam = 0
	g, err := Train(context.Background(), gold, greedy)
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := g.Write(&c); err != nil {
		t.Fatal(err)
	}
	if g.beam != 1 || bytes.Equal(c.Bytes(), a.Bytes()) {
		t.Errorf("greedy training: beam %d, or the same bytes as the beam model", g.beam)
	}
	bad := bytes.Replace(a.Bytes(), []byte("beam 4"), []byte("beam 0"), 1)
	if _, err := Read(bytes.NewReader(bad)); err == nil {
		t.Errorf("a beam of 0 read without error")
	}
}
