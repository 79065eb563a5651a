package parser

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conll"
)

// treeScore is the sum of a head assignment's arc scores, or -Inf when it
// is not a tree rooted at root.
func treeScore(score [][]float64, head []int, root int) float64 {
	total := 0.0
	for d, h := range head {
		if d == root {
			continue
		}
		if h < 0 || h == d {
			return math.Inf(-1)
		}
		// Every node reaches the root.
		x, steps := d, 0
		for x != root && steps <= len(head) {
			x, steps = head[x], steps+1
		}
		if x != root {
			return math.Inf(-1)
		}
		total += score[h][d]
	}
	return total
}

// bestTreeBrute tries every head assignment of a small graph.
func bestTreeBrute(score [][]float64, root int) float64 {
	nn := len(score)
	head := make([]int, nn)
	best := math.Inf(-1)
	var try func(d int)
	try = func(d int) {
		if d == nn {
			best = max(best, treeScore(score, head, root))
			return
		}
		if d == root {
			head[d] = -1
			try(d + 1)
			return
		}
		for h := range nn {
			if h != d {
				head[d] = h
				try(d + 1)
			}
		}
	}
	try(0)
	return best
}

// A cycle of strong arcs is broken where it costs least, and on random
// graphs Chu–Liu/Edmonds finds a tree as good as the best of all.
func TestMaxSpanningTree(t *testing.T) {
	inf := math.Inf(-1)
	// Nodes 0, 1, 2 prefer each other in a cycle 0→1→2→0; the root (3)
	// reaches 1 best, so the cycle opens at 1.
	score := [][]float64{
		{inf, 10, 1, inf},
		{1, inf, 10, inf},
		{10, 1, inf, inf},
		{2, 5, 2, inf},
	}
	if got, want := maxSpanningTree(score, 3), []int{2, 3, 1, -1}; !slices.Equal(got, want) {
		t.Errorf("cycle: heads %v, want %v", got, want)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		nn := 2 + rng.IntN(5)
		root := nn - 1
		score := make([][]float64, nn)
		for h := range score {
			score[h] = make([]float64, nn)
			for d := range score[h] {
				score[h][d] = float64(rng.IntN(10))
				if h == d || d == root {
					score[h][d] = inf
				}
			}
		}
		head := maxSpanningTree(score, root)
		got, want := treeScore(score, head, root), bestTreeBrute(score, root)
		if got != want {
			t.Fatalf("trial %d: tree %v scores %v, the best %v (scores %v)", trial, head, got, want, score)
		}
	}
}

// The label of a chosen arc is the one its voters weigh most; with no voter
// for the arc, the word's votes decide; never "root" off the root.
func TestVotedLabel(t *testing.T) {
	votes := []vote{{2, "nsubj", 0.85}, {2, "obj", 0.84}, {4, "obl", 0.5}, {2, "obj", 0.8}, {5, "root", 0.9}}
	for _, c := range []struct {
		head int
		want string
	}{{2, "obj"}, {4, "obl"}, {7, "obj"}} {
		if got := votedLabel(votes, c.head); got != c.want {
			t.Errorf("head %d: %q, want %q", c.head, got, c.want)
		}
	}
	if got := votedLabel([]vote{{5, "root", 1}}, 1); got != "dep" {
		t.Errorf("only root votes: %q", got)
	}
}

// A right-to-left model trains deterministically, parses in the sentence's
// order, and, with a left-to-right model, makes an ensemble that gives
// every sentence one tree and, on the training data, most heads right.
func TestTrainRTLAndEnsemble(t *testing.T) {
	sents, err := conll.ReadCoNLLUFile(ewt(t, "train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gold := conll.GoldSentences(sents[:300])
	ltr, err := Train(context.Background(), gold, Options{Epochs: 3, MinSubtype: 20})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		m, err := Train(context.Background(), gold, Options{Epochs: 3, MinSubtype: 20, RTL: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Write(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two right-to-left trainings differ")
	}
	rtl, err := Read(&a)
	if err != nil {
		t.Fatal(err)
	}
	if !rtl.rtl || ltr.rtl {
		t.Fatalf("direction not kept in the model file")
	}
	if acc := headAccuracy(rtl, gold[:50]); acc < 0.8 {
		t.Errorf("right-to-left model: %.3f of heads right on its training data", acc)
	}
	ens, err := NewEnsemble([]*Model{ltr, rtl, ltr}, []float64{0.8, 0.8, 0.1})
	if err != nil {
		t.Fatal(err)
	}
	if acc := headAccuracy(ens, gold[:50]); acc < 0.8 {
		t.Errorf("ensemble: %.3f of heads right on its training data", acc)
	}
	// An ensemble whose first two members agree gives their tree: the
	// third member is outvoted.
	agree, err := NewEnsemble([]*Model{rtl, rtl, ltr}, []float64{1, 1, 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gold[50:80] {
		want, got := g, g
		want.Tokens, got.Tokens = slices.Clone(g.Tokens), slices.Clone(g.Tokens)
		rtl.Parse(&want)
		agree.Parse(&got)
		checkTree(t, &got)
		for i := range got.Tokens {
			if got.Tokens[i].Head != want.Tokens[i].Head || got.Tokens[i].Rel != want.Tokens[i].Rel {
				t.Fatalf("token %d: ensemble %d %s, members %d %s", i,
					got.Tokens[i].Head, got.Tokens[i].Rel, want.Tokens[i].Head, want.Tokens[i].Rel)
			}
		}
	}
	// A sentence too long for the votes' spanning tree takes the first
	// member's tree.
	var long nlp.Sentence
	for _, g := range gold[:40] {
		long.Tokens = append(long.Tokens, g.Tokens...)
		if len(long.Tokens) > maxVotedWords {
			break
		}
	}
	for i := range long.Tokens {
		long.Tokens[i].Head, long.Tokens[i].Rel = 0, ""
	}
	first, got := long, long
	first.Tokens, got.Tokens = slices.Clone(long.Tokens), slices.Clone(long.Tokens)
	ltr.Parse(&first)
	ens.Parse(&got)
	if !slices.Equal(first.Tokens, got.Tokens) {
		t.Errorf("a %d-word sentence: the ensemble's tree is not its first member's", len(long.Tokens))
	}
	if err := ens.Write(&bytes.Buffer{}); err == nil {
		t.Errorf("writing an ensemble: no error")
	}
	if _, err := NewEnsemble([]*Model{ltr}, []float64{0}); err == nil {
		t.Errorf("zero weight: no error")
	}
}

// checkTree fails unless every token has a head and exactly one is the root.
func checkTree(t *testing.T, s *nlp.Sentence) {
	t.Helper()
	roots := 0
	for i, tok := range s.Tokens {
		if tok.Head == -1 {
			roots++
			if tok.Rel != "root" {
				t.Errorf("root token %d labelled %q", i, tok.Rel)
			}
		} else if tok.Head < 0 || tok.Head >= len(s.Tokens) || tok.Head == i || tok.Rel == "" || tok.Rel == "root" {
			t.Errorf("token %d: head %d rel %q", i, tok.Head, tok.Rel)
		}
	}
	if roots != 1 {
		t.Errorf("%d roots", roots)
	}
}

// Right to left, the words are read backwards but the closing punctuation
// stays last.
func TestReadingOrder(t *testing.T) {
	upos := []string{"PRON", "VERB", "PUNCT", "NOUN", "PUNCT", "PUNCT"}
	if got, want := readingOrder(upos, true), []int{3, 2, 1, 0, 4, 5}; !slices.Equal(got, want) {
		t.Errorf("rtl: %v, want %v", got, want)
	}
	if got, want := readingOrder(upos, false), []int{0, 1, 2, 3, 4, 5}; !slices.Equal(got, want) {
		t.Errorf("ltr: %v, want %v", got, want)
	}
	if got, want := readingOrder([]string{"PUNCT", "PUNCT"}, true), []int{0, 1}; !slices.Equal(got, want) {
		t.Errorf("all punctuation: %v, want %v", got, want)
	}
}
