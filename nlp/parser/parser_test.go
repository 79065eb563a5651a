package parser

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conll"
	"github.com/newsgraph/newsgraph/nlp/tagger"
)

// parse tags and parses a whitespace-tokenised sentence with the embedded models.
func parse(t testing.TB, tg *tagger.Model, p *Model, text string) *nlp.Sentence {
	t.Helper()
	s := &nlp.Sentence{}
	for _, w := range strings.Fields(text) {
		s.Tokens = append(s.Tokens, nlp.Token{Text: w})
	}
	tg.Tag(s)
	p.Parse(s)
	return s
}

func loadBoth(t testing.TB) (*tagger.Model, *Model) {
	t.Helper()
	tg, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tg, p
}

// arcs lists "dependent <-rel- head" for the words asked about.
func arc(s *nlp.Sentence, i int) string {
	t := s.Tokens[i]
	head := "ROOT"
	if t.Head >= 0 {
		head = s.Tokens[t.Head].Text
	}
	return t.Text + " <-" + t.Rel + "- " + head
}

func TestEmbeddedModelParses(t *testing.T) {
	tg, p := loadBoth(t)
	cases := []struct {
		text string
		want map[int]string
	}{
		{"The rebels attacked two villages near the border .", map[int]string{
			1: "rebels <-nsubj- attacked", 2: "attacked <-root- ROOT", 4: "villages <-obj- attacked",
			0: "The <-det- rebels", 3: "two <-nummod- villages", 8: ". <-punct- attacked",
		}},
		{"The city was shelled by government forces on Tuesday .", map[int]string{
			1: "city <-nsubj:pass- shelled", 2: "was <-aux:pass- shelled", 3: "shelled <-root- ROOT",
			6: "forces <-obl:agent- shelled", 4: "by <-case- forces",
		}},
		{"Maria Lopez , the mayor of Springfield , said she would resign .", map[int]string{
			1: "Lopez <-flat- Maria", 4: "mayor <-appos- Maria", 6: "Springfield <-nmod- mayor",
			0: "Maria <-nsubj- said", 8: "said <-root- ROOT", 11: "resign <-ccomp- said",
		}},
	}
	for _, c := range cases {
		s := parse(t, tg, p, c.text)
		roots := 0
		for i, tok := range s.Tokens {
			if tok.Head == -1 {
				roots++
			}
			if tok.Head < -1 || tok.Head >= len(s.Tokens) || tok.Head == i || tok.Rel == "" {
				t.Errorf("%q: token %d has head %d rel %q", c.text, i, tok.Head, tok.Rel)
			}
		}
		if roots != 1 {
			t.Errorf("%q: %d roots", c.text, roots)
		}
		for i, w := range c.want {
			if got := arc(s, i); got != w {
				t.Errorf("%q: got %q, want %q", c.text, got, w)
			}
		}
	}
	p.Parse(&nlp.Sentence{}) // an empty sentence is no error
}

// The model is shared read-only: goroutines parsing at once agree.
func TestConcurrentParse(t *testing.T) {
	tg, p := loadBoth(t)
	text := "Officials in the capital said on Friday that the talks had failed ."
	want := parse(t, tg, p, text)
	done := make(chan *nlp.Sentence)
	for range 8 {
		go func() {
			var s *nlp.Sentence
			for range 50 {
				s = parse(t, tg, p, text)
			}
			done <- s
		}()
	}
	for range 8 {
		got := <-done
		for i := range got.Tokens {
			if got.Tokens[i] != want.Tokens[i] {
				t.Fatalf("token %d: %+v, want %+v", i, got.Tokens[i], want.Tokens[i])
			}
		}
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	if _, err := Read(strings.NewReader("ngparser1\nxx")); err == nil {
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
// bytes twice, and trees from what it learned.
func TestTrainSlice(t *testing.T) {
	sents, err := conll.ReadCoNLLUFile(ewt(t, "train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gold := conll.GoldSentences(sents[:300])
	opt := Options{Epochs: 3, MinSubtype: 20}
	m, err := Train(context.Background(), gold, opt)
	if err != nil {
		t.Fatal(err)
	}
	labels := strings.Join(m.Labels(), " ")
	for _, l := range []string{"root", "nsubj", "obj", "punct", "nmod:poss"} {
		if !strings.Contains(" "+labels+" ", " "+l+" ") {
			t.Errorf("labels %q lack %s", labels, l)
		}
	}
	if strings.Contains(labels, "nmod:of") {
		t.Errorf("labels %q keep a rare subtype", labels)
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
	// On its own training data the small model gets most heads right.
	if acc := headAccuracy(m3, gold[:50]); acc < 0.8 {
		t.Errorf("tiny model: %.3f of heads right on its training data", acc)
	}
	// Two models averaged: a model of its own, the same bytes twice, and
	// as good on its training data.
	two := opt
	two.Models = 2
	var c, d bytes.Buffer
	for _, buf := range []*bytes.Buffer{&c, &d} {
		m, err := Train(context.Background(), gold, two)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Write(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(c.Bytes(), d.Bytes()) || bytes.Equal(c.Bytes(), b.Bytes()) {
		t.Errorf("averaged models: not deterministic, or the same as one model")
	}
	m4, err := Read(&c)
	if err != nil {
		t.Fatal(err)
	}
	if acc := headAccuracy(m4, gold[:50]); acc < 0.8 {
		t.Errorf("two averaged tiny models: %.3f of heads right on their training data", acc)
	}
	if _, err := Train(context.Background(), nil, opt); err == nil {
		t.Errorf("training on nothing: no error")
	}
}

// headAccuracy is the share of words the model gives their gold head.
func headAccuracy(m *Model, gold []nlp.Sentence) float64 {
	right, total := 0, 0
	for _, g := range gold {
		s := g
		s.Tokens = append([]nlp.Token(nil), g.Tokens...)
		m.Parse(&s)
		for i := range s.Tokens {
			total++
			if s.Tokens[i].Head == g.Tokens[i].Head {
				right++
			}
		}
	}
	return float64(right) / float64(total)
}
