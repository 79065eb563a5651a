package parser

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conll"
)

// Training the label pass on a slice of EWT gives a model of the expected
// labels, the same bytes twice and after a round trip through its file, and
// labels that match most of its training data's.
func TestTrainRelabellerSlice(t *testing.T) {
	sents, err := conll.ReadCoNLLUFile(ewt(t, "train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gold := conll.GoldSentences(sents[:300])
	opt := RelabelOptions{Epochs: 3, MinSubtype: 20}
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		rl, err := TrainRelabeller(context.Background(), gold, opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := rl.Write(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two trainings on the same data differ")
	}
	rl, err := ReadRelabeller(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	labels := " " + strings.Join(rl.Labels(), " ") + " "
	for _, l := range []string{"root", "nsubj", "obj", "punct", "nmod:poss"} {
		if !strings.Contains(labels, " "+l+" ") {
			t.Errorf("labels %q lack %s", labels, l)
		}
	}
	var c bytes.Buffer
	if err := rl.Write(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Errorf("a read model writes other bytes")
	}
	// On the gold trees it learned from, with their labels wiped, it gives
	// most words their label back, and exactly the root its "root".
	right, total := 0, 0
	for _, g := range gold[:50] {
		s := g
		s.Tokens = slices.Clone(g.Tokens)
		for i := range s.Tokens {
			s.Tokens[i].Rel = ""
		}
		rl.Relabel(&s)
		for i, tok := range s.Tokens {
			total++
			if tok.Rel == g.Tokens[i].Rel || (strings.Contains(g.Tokens[i].Rel, ":") && !strings.Contains(labels, " "+g.Tokens[i].Rel+" ")) {
				right++
			}
			if (tok.Rel == "root") != (tok.Head == -1) {
				t.Errorf("word %q with head %d labelled %q", tok.Text, tok.Head, tok.Rel)
			}
		}
	}
	if acc := float64(right) / float64(total); acc < 0.85 {
		t.Errorf("tiny label pass: %.3f of labels right on its training data", acc)
	}
	if _, err := TrainRelabeller(context.Background(), nil, opt); err == nil {
		t.Errorf("training on nothing: no error")
	}
	if _, err := ReadRelabeller(strings.NewReader(relabelMagic + "xx")); err == nil {
		t.Errorf("garbage read without error")
	}
}

// The embedded label pass labels trees of sentences written for the test:
// given the right heads (here those the greedy parser finds), the relations
// of subjects, objects, passives, clauses and modifiers.
func TestEmbeddedLabelPass(t *testing.T) {
	tg, p := loadBoth(t)
	rl, err := LoadLabelPass()
	if err != nil {
		t.Fatal(err)
	}
	lp := p.WithLabelPass(rl)
	// The sentences every embedded parser reads right, with the arcs only
	// the label pass is asked for, and one sentence of its own.
	cases := slices.Clone(embeddedCases)
	for i := range cases {
		cases[i].want = maps.Clone(cases[i].want)
	}
	cases[2].want[9] = "she <-nsubj- resign"
	cases[2].want[10] = "would <-aux- resign"
	cases = append(cases, struct {
		text string
		want map[int]string
	}{"The company wants to sell its shares because prices rose .", map[int]string{
		2: "wants <-root- ROOT", 3: "to <-mark- sell", 4: "sell <-xcomp- wants", 5: "its <-nmod:poss- shares",
		// "because …" may modify either verb; the parser takes the nearer
		6: "shares <-obj- sell", 9: "rose <-advcl- sell", 7: "because <-mark- rose",
	}})
	for _, c := range cases {
		own := parse(t, tg, p, c.text)
		s := parse(t, tg, lp, c.text)
		for i, tok := range s.Tokens {
			if tok.Head != own.Tokens[i].Head {
				t.Errorf("%q: the label pass moved word %d's head", c.text, i)
			}
		}
		for i, w := range c.want {
			if got := arc(s, i); got != w {
				t.Errorf("%q: got %q, want %q", c.text, got, w)
			}
		}
	}
	named, err := LoadNamed("ensemble+labels")
	if err != nil {
		t.Fatal(err)
	}
	s := parse(t, tg, named, "The rebels attacked two villages near the border .")
	if got := arc(s, 1); got != "rebels <-nsubj- attacked" {
		t.Errorf("ensemble+labels: got %q", got)
	}
	if !slices.Contains(Names(), "greedy+labels") {
		t.Errorf("Names() = %v lacks greedy+labels", Names())
	}
	// The words an ensemble's members agreed on keep their labels; the
	// others are labelled again.
	s = parse(t, tg, p, "The rebels attacked two villages near the border .")
	s.Tokens[1].Rel, s.Tokens[4].Rel = "dep", "dep"
	keep := make([]bool, len(s.Tokens))
	keep[1] = true
	rl.relabel(s, keep)
	if s.Tokens[1].Rel != "dep" || s.Tokens[4].Rel != "obj" {
		t.Errorf("kept label %q (want dep), relabelled %q (want obj)", s.Tokens[1].Rel, s.Tokens[4].Rel)
	}
	lp.Parse(&nlp.Sentence{}) // an empty sentence is no error
}
