package tagger

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conll"
)

func words(text string) *nlp.Sentence {
	s := &nlp.Sentence{}
	for _, w := range strings.Fields(text) {
		s.Tokens = append(s.Tokens, nlp.Token{Text: w, Head: -1})
	}
	return s
}

func TestEmbeddedModelTags(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s := words("The rebels attacked two villages near the border on Monday , officials said .")
	m.Tag(s)
	want := map[int][3]string{ // token → XPOS, UPOS, lemma
		0:  {"DT", "DET", "the"},
		1:  {"NNS", "NOUN", "rebel"},
		2:  {"VBD", "VERB", "attack"},
		3:  {"CD", "NUM", "two"},
		4:  {"NNS", "NOUN", "village"},
		5:  {"IN", "ADP", "near"},
		9:  {"NNP", "PROPN", "Monday"},
		11: {"NNS", "NOUN", "official"},
		12: {"VBD", "VERB", "say"},
		13: {".", "PUNCT", "."},
	}
	for i, w := range want {
		tok := s.Tokens[i]
		if got := [3]string{tok.Tag, tok.UPOS, tok.Lemma}; got != w {
			t.Errorf("%q: got %v, want %v", tok.Text, got, w)
		}
	}
	// An auxiliary is told from a main verb by context, not by the word alone.
	s = words("She has been elected and has a majority .")
	m.Tag(s)
	if s.Tokens[1].UPOS != "AUX" || s.Tokens[5].UPOS != "VERB" || s.Tokens[3].Tag != "VBN" || s.Tokens[2].Lemma != "be" {
		t.Errorf("auxiliaries: %+v", s.Tokens)
	}
	m.Tag(&nlp.Sentence{}) // an empty sentence is no error
}

func TestReadRejectsGarbage(t *testing.T) {
	if _, err := Read(strings.NewReader("not a model")); err == nil {
		t.Errorf("no error")
	}
}

// ewt finds a UD English EWT file in the shared data (see conll.SharedFile),
// or skips the test.
func ewt(t *testing.T, name string) string {
	t.Helper()
	p, err := conll.SharedFile("nlp/ud-english-ewt/"+name, filepath.Join("..", ".."))
	if err != nil {
		t.Skipf("training test skipped: %v (set NEWSGRAPH_SHARED to the shared data folder)", err)
	}
	return p
}

// Training on a slice of EWT gives a model of the expected shape, the same
// bytes twice, and one that survives its file.
func TestTrainSlice(t *testing.T) {
	sents, err := conll.ReadCoNLLUFile(ewt(t, "train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gold := conll.GoldSentences(sents[:300])
	opt := Options{Epochs: 2, Folds: 2, DictMinCount: 5, Prune: 0.001} // two epochs leave small weights
	m, err := Train(context.Background(), gold, opt)
	if err != nil {
		t.Fatal(err)
	}
	if n := m.xpos.NumClasses(); n < 30 || n > 50 {
		t.Errorf("%d XPOS classes", n)
	}
	if n := m.upos.NumClasses(); n < 14 || n > 17 {
		t.Errorf("%d UPOS classes", n)
	}
	if m.refine == nil {
		t.Errorf("no second XPOS pass")
	}
	if m.xdict["the"] != "DT" || m.udict["the"] != "DET" {
		t.Errorf("tag dictionary: the → %q, %q", m.xdict["the"], m.udict["the"])
	}
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Train(context.Background(), gold, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := m2.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two trainings on the same data differ")
	}
	m3, err := Read(&a)
	if err != nil {
		t.Fatal(err)
	}
	s := words("The man said that the rains were heavy .")
	m3.Tag(s)
	if s.Tokens[0].Tag != "DT" || s.Tokens[8].UPOS != "PUNCT" || s.Tokens[2].Lemma != "say" {
		t.Errorf("tiny model: %+v", s.Tokens)
	}
	if _, err := Train(context.Background(), nil, opt); err == nil {
		t.Errorf("training on nothing: no error")
	}
}
