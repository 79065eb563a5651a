package ingest

import (
	"context"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// The relation classifier is a rule family like the others: these
// sentences are written for the tests, and each positive case is one no
// hand-written rule covers, so the fact can only come from the model.
func TestRelationClassifier(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "place inside a region", text: "Troops entered Pellin in southern Valdoria on Monday .",
			want: []string{"Pellin|located_in|Valdoria"}, model: true},
		{name: "a larger place is never inside a smaller one", text: "Doctors in Merriton , a town in Oskana County , treated the victims .",
			want: []string{"Merriton|located_in|Oskana County"}, not: []string{"Oskana County|located_in|Merriton"}, model: true},
		{name: "no link across a quotation mark", text: `"The cells still operate south of Tarvos and down to Belgrad," Lorne Mattis said.`,
			not: []string{"Lorne Mattis|lives_in|Belgrad", "Lorne Mattis|lives_in|Tarvos"}, model: true},
		{name: "names far apart are left alone", text: "Aldo Ferrante , who spent two decades writing about the rivers , the mills and the old farms of the valley , loves Corvelle .",
			not: []string{"Aldo Ferrante|lives_in|Corvelle"}, model: true},
	})
}

func TestClassifierFactsCarryTheirProbability(t *testing.T) {
	text := "Troops entered Pellin in southern Valdoria on Monday ."
	ext := extractText(t, text)
	f, ok := findFact(ext, "Pellin|located_in|Valdoria")
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
	if c := f.Evidence.Confidence; c < m.Threshold[2] || c > 1 {
		t.Fatalf("confidence %.3f outside [threshold %.3f, 1]", c, m.Threshold[2])
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
		if _, got := findFact(ext, "Pellin|located_in|Valdoria"); got != tc.want {
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

// candidateFeatures runs the extraction up to the classifier on a text
// and returns each candidate pair ("subject|predicate|object", by the
// mentions' surfaces) with its features and whether its path agrees.
func candidateFeatures(t *testing.T, text string) map[string]relCandidate {
	t.Helper()
	x, err := extractDefaultState(t, text)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]relCandidate{}
	for si := range x.sents {
		ruled, on := x.ruledPairs(si)
		for _, c := range x.relCandidates(si, ruled, on) {
			out[x.ments[c.sm].surface+"|"+relPreds[c.pred].pred+"|"+x.ments[c.om].surface] = c
		}
	}
	return out
}

func extractDefaultState(t *testing.T, text string) (*docState, error) {
	t.Helper()
	defaultExOnce.Do(func() { defaultEx, defaultExErr = NewExtractor(Options{}) })
	if defaultExErr != nil {
		t.Fatal(defaultExErr)
	}
	return defaultEx.analyse(context.Background(), schema.Document{ID: "t", Text: text})
}

func TestRelFeaturesReadTheParsePath(t *testing.T) {
	cands := candidateFeatures(t, "Lena Varga, a chemist at Orlen Labs, said the plant in Kessel would close.")
	near, ok := cands["Lena Varga|works_for|Orlen Labs"]
	if !ok {
		t.Fatalf("no candidate for the appositive pair in %v", keys(cands))
	}
	// Name, appositive noun, prepositional object: one noun phrase, two
	// edges, no clause crossed, the job word and the case word on it.
	for _, f := range []string{"f:nominal", "f:pl=2", "f:pcl=0", "f:pr=vappos_vnmod", "f:pw=chemist", "f:ocase=at", "f:sner=PER", "f:oner=ORG"} {
		if !containsStr(near.features, f) {
			t.Errorf("appositive pair lacks %s: %v", f, near.features)
		}
	}
	if !near.agrees {
		t.Error("a job noun between a person and an organisation in one phrase does not agree with works_for")
	}
	far, ok := cands["Orlen Labs|based_in|Kessel"]
	if !ok {
		t.Fatalf("no candidate for the pair across 'said' in %v", keys(cands))
	}
	// The path from the firm to the town climbs to "said" and down into
	// the reported clause.
	for _, f := range []string{"f:pL=say", "f:pLt=VB", "f:pcl=1", "f:ocase=in"} {
		if !containsStr(far.features, f) {
			t.Errorf("pair across the speech verb lacks %s: %v", f, far.features)
		}
	}
	if containsStr(far.features, "f:nominal") || far.agrees {
		t.Errorf("a pair across a clause reads as one phrase: %v", far.features)
	}
}

func TestRelCandidatesLeaveOutWhatNewsDoesNotState(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want, not  []string
	}{
		{name: "a dateline is where the story was filed",
			text: "KESSEL, Northern Marches (Reuters) - Lena Varga of the Orion Front said on Monday the talks had failed.",
			want: []string{"Lena Varga|works_for|Orion Front"},
			not:  []string{"Lena Varga|lives_in|Kessel", "Lena Varga|lives_in|Northern Marches", "Orion Front|based_in|Kessel"}},
		{name: "a national title is no home, a town's trade is",
			text: "French President Alain Corvel met Boston baker Marc Dupin on Monday.",
			want: []string{"Marc Dupin|lives_in|Boston"},
			not:  []string{"Alain Corvel|lives_in|French"}},
		{name: "a party has members, not employees",
			text: "Republican Senator Dale Orrin spoke in Tarvos.",
			want: []string{"Dale Orrin|lives_in|Tarvos"},
			not:  []string{"Dale Orrin|works_for|Republican Party"}},
		{name: "an envoy is posted to the organisation named",
			text: "U.N. Envoy Mara Lind met the press in Tarvos.",
			not:  []string{"Mara Lind|works_for|U.N."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cands := candidateFeatures(t, c.text)
			for _, w := range c.want {
				if _, ok := cands[w]; !ok {
					t.Errorf("no candidate %s in %v", w, keys(cands))
				}
			}
			for _, n := range c.not {
				if _, ok := cands[n]; ok {
					t.Errorf("candidate %s should not be scored", n)
				}
			}
		})
	}
}

func TestDatelineEnd(t *testing.T) {
	for text, want := range map[string]int{
		"KESSEL, Northern Marches (Reuters) - The council met.": 7,
		"(Reuters) - The council met.":                          3,
		"BOSTON (AP) _ The council met.":                        4,
		"Lena Varga - the mayor - met the council.":             0,
		"U.S. - Brevian talks resumed on Monday.":               0,
		"The council met in Kessel.":                            0,
	} {
		sents := splitSentences(text)
		v := &view{t: sents[0].Toks}
		if got := v.datelineEnd(); got != want {
			t.Errorf("%q: dateline ends at %d, want %d", text, got, want)
		}
	}
}

// Platt scaling on a hand-made set: scores 0..9, where a pair with score
// k holds k times in ten. The calibrated probability must follow the
// observed rate (monotone, near it in the middle), and a set the score
// separates perfectly must still give finite parameters.
func TestPlattFitFollowsTheObservedRate(t *testing.T) {
	var zs []float64
	var ys []bool
	for k := 0; k < 10; k++ {
		for i := 0; i < 10; i++ {
			zs = append(zs, float64(k)-4.5)
			ys = append(ys, i < k)
		}
	}
	ab := plattFit(zs, ys)
	prob := func(z float64) float64 { return 1 / (1 + math.Exp(-(ab[0]*z + ab[1]))) }
	prev := 0.0
	for k := 0; k < 10; k++ {
		p := prob(float64(k) - 4.5)
		if p <= prev {
			t.Errorf("calibration not increasing at score %d: %.3f after %.3f", k, p, prev)
		}
		prev = p
		if k >= 3 && k <= 6 && math.Abs(p-float64(k)/10) > 0.1 {
			t.Errorf("score %d: calibrated %.3f, observed %.1f", k, p, float64(k)/10)
		}
	}
	// An over-confident score (the raw regression's habit): rate 0.5 at
	// z = +4. Calibration must pull it down.
	zs, ys = nil, nil
	for i := 0; i < 40; i++ {
		zs = append(zs, 4, -4)
		ys = append(ys, i%2 == 0, i%8 == 0)
	}
	ab = plattFit(zs, ys)
	if p := 1 / (1 + math.Exp(-(ab[0]*4 + ab[1]))); p < 0.4 || p > 0.6 {
		t.Errorf("over-confident score 4 (raw 0.98, right half the time) calibrated to %.3f", p)
	}
	sep := plattFit([]float64{-2, -1, 1, 2}, []bool{false, false, true, true})
	if math.IsNaN(sep[0]) || math.IsInf(sep[0], 0) || sep[0] <= 0 || sep[0] > 100 {
		t.Errorf("separated set: a = %v", sep[0])
	}
	if one := plattFit([]float64{1, 2}, []bool{true, true}); one != [2]float64{1, 0} {
		t.Errorf("one class only: %v, want the identity", one)
	}
}

func TestClassifierGate(t *testing.T) {
	if err := checkClassifierGates(); err != nil {
		t.Fatal(err)
	}
	saved := classifierGates
	defer func() { classifierGates = saved }()
	classifierGates = map[string]ClassifierGate{"works_for": {MinConf: 0.8, Right: 9, Facts: 10, Path: true, On: true}}
	for _, c := range []struct {
		pred   string
		conf   float64
		agrees bool
		want   bool
	}{
		{"works_for", 0.85, true, true},
		{"works_for", 0.75, true, false},  // under the cut
		{"works_for", 0.95, false, false}, // path does not agree
		{"lives_in", 0.99, true, false},   // no gate: off
	} {
		if got := classifierKeeps(c.pred, c.conf, c.agrees); got != c.want {
			t.Errorf("%s at %.2f (agrees %v): kept %v, want %v", c.pred, c.conf, c.agrees, got, c.want)
		}
	}
	for name, g := range map[string]ClassifierGate{
		"imprecise":   {MinConf: 0.8, Right: 3, Facts: 10, On: true},
		"unsupported": {MinConf: 0.8, Right: 2, Facts: 2, On: true},
		"more right":  {MinConf: 0.8, Right: 3, Facts: 2},
	} {
		classifierGates = map[string]ClassifierGate{}
		for _, p := range relPreds {
			classifierGates[p.pred] = ClassifierGate{}
		}
		classifierGates["killed"] = g
		if err := checkClassifierGates(); err == nil {
			t.Errorf("%s gate passed the check", name)
		}
	}
}

func keys(m map[string]relCandidate) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
