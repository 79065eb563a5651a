package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// The relation classifier is a rule family like the others: these
// sentences are written for the tests, and each positive case is one no
// hand-written rule covers, so the fact can only come from the model.
func TestRelationClassifier(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "verb with a descriptor before the victim", text: "In 1921 , Piet Albers assassinated the reformer Jan Dekk during a rally .",
			want: []string{"Piet Albers|killed|Dekk"}, model: true},
		{name: "place inside a region", text: "Farmers near Oskar Lake , in northern Valdoria , lost their crops .",
			want: []string{"Oskar Lake|located_in|Valdoria"}, model: true},
		{name: "a larger place is never inside a smaller one", text: "Doctors in Merriton , a town in Oskana County , treated the victims .",
			want: []string{"Merriton|located_in|Oskana County"}, not: []string{"Oskana County|located_in|Merriton"}, model: true},
		{name: "no link across a quotation mark", text: `"The cells still operate south of Tarvos and down to Belgrad," Lorne Mattis said.`,
			not: []string{"Lorne Mattis|lives_in|Belgrad", "Lorne Mattis|lives_in|Tarvos"}, model: true},
		{name: "names far apart are left alone", text: "Aldo Ferrante , who spent two decades writing about the rivers , the mills and the old farms of the valley , loves Corvelle .",
			not: []string{"Aldo Ferrante|lives_in|Corvelle"}, model: true},
	})
}

func TestClassifierFactsCarryTheirProbability(t *testing.T) {
	text := "In 1921 , Piet Albers assassinated the reformer Jan Dekk during a rally ."
	ext := extractText(t, text)
	f, ok := findFact(ext, "Piet Albers|killed|Dekk")
	if !ok {
		t.Fatalf("no classifier fact in %q", text)
	}
	if f.Evidence.Rule != "classifier" {
		t.Fatalf("rule = %q, want classifier", f.Evidence.Rule)
	}
	m, err := loadRelModel(relModelJSON)
	if err != nil {
		t.Fatal(err)
	}
	if c := f.Evidence.Confidence; c < m.Threshold[4] || c > 1 {
		t.Fatalf("confidence %.3f outside [threshold %.3f, 1]", c, m.Threshold[4])
	}
	// --min-confidence above the fact's probability drops it, below keeps it.
	for _, tc := range []struct {
		min  float64
		want bool
	}{{f.Evidence.Confidence - 0.01, true}, {f.Evidence.Confidence + 0.01, false}} {
		e, err := NewExtractor(Options{MinConfidence: tc.min, AllRules: true})
		if err != nil {
			t.Fatal(err)
		}
		ext, err := e.Extract(context.Background(), schema.Document{ID: "t", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if _, got := findFact(ext, "Piet Albers|killed|Dekk"); got != tc.want {
			t.Errorf("min confidence %.3f: fact kept = %v, want %v", tc.min, got, tc.want)
		}
	}
}

func TestLoadRelModel(t *testing.T) {
	m, err := loadRelModel(relModelJSON)
	if err != nil || m == nil {
		t.Fatalf("embedded model: %v (nil %v)", err, m == nil)
	}
	if len(m.Weights) < 1000 {
		t.Errorf("embedded model has %d features: not trained?", len(m.Weights))
	}
	for k, th := range m.Threshold {
		if th < 0 || th > 1 {
			t.Errorf("threshold %d = %v", k, th)
		}
	}
	if m, err := loadRelModel([]byte("  \n")); m != nil || err != nil {
		t.Errorf("empty model: %v, %v; want no model and no error", m, err)
	}
	for name, bad := range map[string]string{
		"not json":         `{"preds":`,
		"too few preds":    `{"preds":["works_for"],"threshold":[0.5],"weights":{}}`,
		"wrong order":      `{"preds":["based_in","works_for","located_in","lives_in","killed"],"threshold":[1,1,1,1,1],"weights":{}}`,
		"short weight row": `{"preds":["works_for","based_in","located_in","lives_in","killed"],"threshold":[1,1,1,1,1],"weights":{"f:bias":[1]}}`,
	} {
		if _, err := loadRelModel([]byte(bad)); err == nil || !strings.Contains(err.Error(), "relation model") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
