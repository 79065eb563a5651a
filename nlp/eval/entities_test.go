package eval

import (
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The counts below were worked out by hand, following conlleval's rules:
// a span is correct only when both its ends and its type match, and an I-
// after O starts a span.
func TestEntityScorerMatchesHandCountedConlleval(t *testing.T) {
	var s EntityScorer
	must := func(gold, guess string) {
		t.Helper()
		if err := s.AddSentence(strings.Fields(gold), strings.Fields(guess)); err != nil {
			t.Fatal(err)
		}
	}
	// Gold PER, ORG, LOC; guessed PER, a cut-short ORG, LOC: 2 correct.
	must("B-PER I-PER O B-ORG I-ORG O B-LOC", "B-PER I-PER O B-ORG O O B-LOC")
	// Gold MISC, PER; guessed ORG and a PER opened by I-: 1 correct.
	must("B-MISC O B-PER", "B-ORG O I-PER")
	r := s.Result()
	o := r.Overall
	if o.Gold != 5 || o.Guessed != 5 || o.Correct != 3 || !near(o.Precision, 0.6) || !near(o.Recall, 0.6) || !near(o.F1, 0.6) {
		t.Errorf("overall = %+v, want 5 gold, 5 guessed, 3 correct, P=R=F=0.6", o)
	}
	if r.Tokens != 10 || r.CorrectTags != 7 || !near(r.TokenAccuracy, 0.7) {
		t.Errorf("tokens %d, correct tags %d, accuracy %v; want 10, 7, 0.7", r.Tokens, r.CorrectTags, r.TokenAccuracy)
	}
	want := map[string]Score{
		"PER":  {Gold: 2, Guessed: 2, Correct: 2, Precision: 1, Recall: 1, F1: 1},
		"ORG":  {Gold: 1, Guessed: 2, Correct: 0},
		"LOC":  {Gold: 1, Guessed: 1, Correct: 1, Precision: 1, Recall: 1, F1: 1},
		"MISC": {Gold: 1, Guessed: 0, Correct: 0},
	}
	for typ, w := range want {
		if got := r.Types[typ]; got != w {
			t.Errorf("%s = %+v, want %+v", typ, got, w)
		}
	}
	if got := r.TypeNames(); strings.Join(got, ",") != "LOC,MISC,ORG,PER" {
		t.Errorf("TypeNames = %v", got)
	}
	if err := s.AddSentence([]string{"O"}, nil); err == nil {
		t.Errorf("AddSentence with unequal lengths: no error")
	}
}

// IOB1 (I- everywhere, B- only between two spans of one type) reads as
// conlleval reads it: the same spans as IOB2, and a guess that runs two
// adjacent gold spans together gets neither.
func TestEntityScorerReadsIOB1(t *testing.T) {
	var a, b EntityScorer
	a.AddSentence(strings.Fields("B-PER I-PER O B-ORG I-ORG O B-LOC"), strings.Fields("B-PER I-PER O B-ORG O O B-LOC"))
	b.AddSentence(strings.Fields("I-PER I-PER O I-ORG I-ORG O I-LOC"), strings.Fields("I-PER I-PER O I-ORG O O I-LOC"))
	if a.Result().Overall != b.Result().Overall {
		t.Errorf("IOB2 %+v and IOB1 %+v differ", a.Result().Overall, b.Result().Overall)
	}
	var c EntityScorer
	c.AddSentence(strings.Fields("I-ORG I-ORG B-ORG"), strings.Fields("I-ORG I-ORG I-ORG"))
	if o := c.Result().Overall; o.Gold != 2 || o.Guessed != 1 || o.Correct != 0 {
		t.Errorf("merged spans: %+v, want 2 gold, 1 guessed, 0 correct", o)
	}
}

func TestScoreCoNLLReadsLastTwoColumns(t *testing.T) {
	in := `-DOCSTART- -X- -X- O O

Ann NNP I-NP B-PER B-PER
Lee NNP I-NP I-PER I-PER
saw VBD I-VP O O
Bonn NNP I-NP B-LOC B-ORG

Rome NNP I-NP B-LOC B-LOC
`
	r, err := ScoreCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	// 6 tokens counting -DOCSTART-, as conlleval does; spans PER and the
	// second LOC are right, Bonn is not.
	if o := r.Overall; r.Tokens != 6 || o.Gold != 3 || o.Guessed != 3 || o.Correct != 2 {
		t.Errorf("got %d tokens, %+v; want 6 tokens, 3 gold, 3 guessed, 2 correct", r.Tokens, o)
	}
	if !strings.Contains(r.String(), "FB1:  66.67") {
		t.Errorf("summary:\n%s", r)
	}
	if _, err := ScoreCoNLL(strings.NewReader("Ann B-PER\n")); err == nil {
		t.Errorf("two columns: no error")
	}
}
