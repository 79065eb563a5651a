package lemma

import "testing"

func TestTrainLearnsRulesAndExceptions(t *testing.T) {
	var ex []Example
	for _, w := range [][3]string{
		{"cities", "NOUN", "city"}, {"parties", "NOUN", "party"}, {"armies", "NOUN", "army"},
		{"rebels", "NOUN", "rebel"}, {"towns", "NOUN", "town"}, {"talks", "NOUN", "talk"},
		{"villages", "NOUN", "village"}, {"officials", "NOUN", "official"},
		{"attacked", "VERB", "attack"}, {"killed", "VERB", "kill"}, {"shelled", "VERB", "shell"},
		{"went", "VERB", "go"}, {"Went", "VERB", "go"}, {"Americans", "PROPN", "American"},
		{"news", "NOUN", "news"}, {"news", "NOUN", "news"}, {"news", "NOUN", "news"},
	} {
		ex = append(ex, Example{Form: w[0], UPOS: w[1], Lemma: w[2]})
	}
	m := Train(ex, 3)
	for _, c := range [][3]string{
		{"militias", "NOUN", "militia"}, // -s rule on an unseen word
		{"bodies", "NOUN", "body"},      // -ies rule
		{"bombed", "VERB", "bomb"},      // -ed rule
		{"Went", "VERB", "go"},          // exception, case-folded
		{"news", "NOUN", "news"},        // exception to the -s rule
		{"Americans", "PROPN", "American"},
		{"x", "X", "x"}, // nothing known: the word itself
	} {
		if got := m.Lemma(c[0], c[1]); got != c[2] {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
	text, err := m.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if got := m2.Lemma("bodies", "NOUN"); got != "body" {
		t.Errorf("after round trip: %q", got)
	}
	if _, err := Parse([]byte("Q\tbad\n")); err == nil {
		t.Errorf("malformed line: no error")
	}
}
