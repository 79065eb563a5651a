package ner

import (
	"context"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conll"
)

// docOf builds a document from sentences whose tokens are separated by
// spaces.
func docOf(sentences ...string) *nlp.Doc {
	d := &nlp.Doc{}
	for _, s := range sentences {
		var sent nlp.Sentence
		for _, w := range strings.Fields(s) {
			start := len(d.Text)
			d.Text += w + " "
			sent.Tokens = append(sent.Tokens, nlp.Token{Text: w, Start: start, End: start + len(w), Head: -1})
		}
		d.Sentences = append(d.Sentences, sent)
	}
	return d
}

// spans lists a sentence's entities as "LABEL:words".
func spans(s nlp.Sentence) []string {
	var out []string
	for _, sp := range s.Entities() {
		var words []string
		for _, t := range s.Tokens[sp.Start:sp.End] {
			words = append(words, t.Text)
		}
		out = append(out, sp.Label+":"+strings.Join(words, " "))
	}
	return out
}

func loadModel(t testing.TB) *Model {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// newsSentences were written for these tests.
var newsSentences = []string{
	"German Chancellor Angela Merkel met the chief executive of Siemens AG in Munich on Tuesday .",
	"The Kenyan runner won the race in Boston , organisers said .",
	"Shares of Zorvatech Holdings fell 5 percent after the company cut its forecast .",
}

func TestLoadedModelLabelsNews(t *testing.T) {
	m := loadModel(t)
	doc := docOf(newsSentences...)
	m.Label(doc)
	for i, s := range doc.Sentences {
		t.Logf("sentence %d: %v", i, spans(s))
	}
	want := [][]string{
		{"MISC:German", "PER:Angela Merkel", "ORG:Siemens AG", "LOC:Munich"},
		{"MISC:Kenyan", "LOC:Boston"},
		{"ORG:Zorvatech Holdings"},
	}
	for i, w := range want {
		got := spans(doc.Sentences[i])
		if strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("sentence %d: got %v, want %v", i, got, w)
		}
	}
	for _, s := range doc.Sentences {
		for _, tok := range s.Tokens {
			if tok.Ent == "" {
				t.Errorf("token %q left unlabelled", tok.Text)
			}
		}
	}
}

// A headline in capitals gives no clue in its case; the body of the story
// writes the same names in running text.
func TestHeadlineInCapitals(t *testing.T) {
	m := loadModel(t)
	doc := docOf(
		"POLICE ARREST TWO IN MADRID BOMB PLOT",
		"Spanish police arrested two men in Madrid on Friday over a plot to bomb a railway station , the Interior Ministry said .",
	)
	m.Label(doc)
	want := []string{"LOC:MADRID", "MISC:Spanish|LOC:Madrid|ORG:Interior Ministry"}
	for i, w := range want {
		if got := strings.Join(spans(doc.Sentences[i]), "|"); got != w {
			t.Errorf("sentence %d: got %s, want %s", i, got, w)
		}
	}
}

// An unknown capitalised name is not a person by default.
func TestUnknownCapitalisedNameIsNotPerson(t *testing.T) {
	m := loadModel(t)
	doc := docOf("Analysts at Brenvoort Capital expect the merger to close in March .")
	m.Label(doc)
	for _, sp := range spans(doc.Sentences[0]) {
		if strings.HasPrefix(sp, "PER:") {
			t.Errorf("labelled %s", sp)
		}
	}
	if got := spans(doc.Sentences[0]); len(got) == 0 || got[0] != "ORG:Brenvoort Capital" {
		t.Errorf("got %v, want ORG:Brenvoort Capital first", got)
	}
}

// Training on a slice of CoNLL-2003 gives a model with the BILOU classes
// and features, deterministically, that labels its own training text well.
func TestTrainOnSlice(t *testing.T) {
	const path = "../../../shared/nlp/conll2003/train.conll"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("CoNLL-2003 training data not found at %s (it lives in ../shared beside the checkout): %v", path, err)
	}
	defer f.Close()
	docs, err := conll.Read2003(f)
	if err != nil {
		t.Fatal(err)
	}
	var slice []*nlp.Doc
	for _, d := range docs[:20] {
		slice = append(slice, d.Doc(true))
	}
	res, err := DefaultResources()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(context.Background(), slice, res, TrainOptions{Epochs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.stages) != 2 {
		t.Fatalf("%d stages, want 2", len(m.stages))
	}
	for _, s := range m.stages {
		if got := s.Classes; len(got) != 17 || got[0] != "O" || got[1] != "B-PER" || got[16] != "U-MISC" {
			t.Errorf("classes = %v, want O then B/I/L/U of PER, ORG, LOC, MISC", got)
		}
	}
	if n := m.NumFeatures(); n < 1000 {
		t.Errorf("%d features, want thousands", n)
	}
	r, err := Evaluate(m, slice)
	if err != nil {
		t.Fatal(err)
	}
	if r.Overall.F1 < 0.8 {
		t.Errorf("F1 on its own training slice = %.3f, want ≥ 0.8", r.Overall.F1)
	}
	var a, b strings.Builder
	m2, err := Train(context.Background(), slice, res, TrainOptions{Epochs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := m2.Write(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("two trainings on the same data wrote different models")
	}
	if _, err := Train(context.Background(), docOfLabels("Ann", "B-XYZ"), res, TrainOptions{}); err == nil {
		t.Errorf("training with an unknown label: no error")
	}
}

func docOfLabels(word, label string) []*nlp.Doc {
	d := docOf(word)
	d.Sentences[0].Tokens[0].Ent = label
	return []*nlp.Doc{d}
}

func TestBILOURoundTrip(t *testing.T) {
	in := []string{"B-PER", "I-PER", "I-PER", "O", "B-ORG", "B-ORG", "I-LOC", "O", "B-MISC"}
	cs, err := toBILOU(in)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for i, c := range cs {
		parts = append(parts, classes[c])
		if got := iob2(c); got != in[i] && !(in[i] == "I-LOC" && got == "B-LOC") {
			t.Errorf("iob2(%s) = %s, want %s", classes[c], got, in[i])
		}
	}
	want := "B-PER I-PER L-PER O U-ORG U-ORG U-LOC O U-MISC"
	if strings.Join(parts, " ") != want {
		t.Errorf("BILOU = %s, want %s", strings.Join(parts, " "), want)
	}
	if allowed(class('B', 0), 0, false) || !allowed(class('B', 0), class('L', 0), true) || allowed(0, class('I', 1), false) {
		t.Errorf("transition constraints wrong")
	}
}

// benchSentences make a news story of typical length for the benchmark.
var benchSentences = []string{
	"RUSSIA AND UKRAINE AGREE GAS DEAL AFTER TALKS IN VIENNA",
	"VIENNA 2026-12-04",
	"Russia and Ukraine agreed on Friday to resume gas deliveries through the Druzhba pipeline , the European Commission said after two days of talks in Vienna .",
	"Ukrainian Energy Minister Olena Kovalenko told reporters that Naftogaz would pay its debts to Gazprom by the end of January .",
	"The deal , brokered by EU energy commissioner Kadri Simson , ends a dispute that had threatened supplies to Slovakia , Hungary and Austria .",
	"\" We are satisfied with the result , \" Kovalenko said , adding that the agreement would be signed in Brussels next week .",
	"Gazprom spokesman Sergei Kupriyanov said the company expected payment of $ 1.4 billion before deliveries resumed .",
	"Shares of Gazprom rose 3.2 percent in Moscow , while the rouble firmed against the dollar .",
	"Analysts at Renaissance Capital said the agreement removed a major risk for European utilities such as Uniper and OMV .",
	"The talks were hosted by Austrian Chancellor Karl Nehammer at the Hofburg palace .",
	"German and French officials welcomed the deal , which follows months of negotiations under the Energy Charter Treaty .",
	"Russian President Vladimir Putin discussed the agreement with Hungarian Prime Minister Viktor Orban by telephone , the Kremlin said .",
	"Kovalenko said Ukraine would also increase storage at its western facilities near Lviv before the winter .",
	"Prices for gas at the Dutch TTF hub fell 6 percent to 38 euros per megawatt hour .",
	"-- Reporting by Anna Schmidt in Vienna and Pavel Ivanov in Moscow ; Editing by John Stonestreet",
}

func BenchmarkLabel(b *testing.B) {
	m := loadModel(b)
	doc := docOf(benchSentences...)
	n := 0
	for _, s := range doc.Sentences {
		n += len(s.Tokens)
	}
	// The machine is shared, so beside wall-clock speed report tokens per
	// second of this process's CPU time, which other loads do not inflate.
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for range b.N {
		m.Label(doc)
	}
	b.StopTimer()
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n*b.N)/(cpuSeconds()-cpu0), "tokens/cpu-s")
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// The lookup table scores exactly as the perceptron it was built from.
func TestTableScoresAsPerceptron(t *testing.T) {
	m := loadModel(t)
	doc := docOf(benchSentences...)
	toks := m.prepare(doc)
	var fs featureSet
	for i := range toks[2] {
		staticFeatures(&fs, toks[2], i)
	}
	fs = append(fs, 12345, 0) // features the model does not have
	a, b := make([]float32, len(classes)), make([]float32, len(classes))
	m.stages[0].Scores(fs, a)
	m.tables[0].Scores(fs, b)
	for c := range a {
		if d := a[c] - b[c]; d > 1e-3 || d < -1e-3 {
			t.Errorf("class %s: perceptron %v, table %v", classes[c], a[c], b[c])
		}
	}
}
