package ingest

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

const handGold = `# doc	subject	predicates	object	tier
d1	Mara Ellis|Ellis	works_for|member_of	Orion Institute|the Orion Institute	core
d1	Mara Ellis|Ellis	said	~the ruling was wrong	extended
d1	Kessel	located_in	Valdoria	ok
d1	Kessel	type	City	type
d2	Northland	allied_with	Valdoria	core
`

func TestGoldJudgesFactsAsTheScorerDoes(t *testing.T) {
	g, err := ReadGold(strings.NewReader(handGold))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		doc, s, p, o string
		want         bool
	}{
		{"d1", "Ellis", "works_for", "The Orion Institute", true},          // alias, article dropped
		{"d1", "Mara Ellis", "member_of", "Orion Institute's", true},       // possessive dropped
		{"d1", "Mara Ellis", "leads", "Orion Institute", false},            // predicate not listed
		{"d1", "Mara Ellis", "said", "I think the ruling was wrong", true}, // ~ fragment
		{"d1", "Kessel", "located_in", "Valdoria", true},                   // ok tier counts
		{"d1", "Kessel", "type", "City", false},                            // type rows are no relations
		{"d2", "Valdoria", "allied_with", "Northland", true},               // symmetric
		{"d2", "Mara Ellis", "works_for", "Orion Institute", false},        // other document
		{"d1", "Dr. Mara Ellis", "works_for", "Orion Institute", false},    // strict boundaries
	}
	for _, c := range cases {
		if got := g.Right(c.doc, c.s, c.p, c.o); got != c.want {
			t.Errorf("Right(%s, %s, %s, %s) = %v, want %v", c.doc, c.s, c.p, c.o, got, c.want)
		}
	}
	g.Lenient = true
	if !g.Right("d1", "Dr. Mara Ellis", "works_for", "Orion Institute") {
		t.Error("lenient matching rejected a name one word longer than the alias")
	}
	if !g.Covers("d2") || g.Covers("d3") {
		t.Error("Covers is wrong")
	}
}

func TestGoldNamesAndMisses(t *testing.T) {
	for in, want := range map[string]string{
		"The White House":      "white house",
		"Trump’s":              "trump",
		"U.S.":                 "u s",
		"Hayat Tahrir al-Sham": "hayat tahrir al sham",
		"Zürich":               "zürich",
	} {
		if got := normName(in); got != want {
			t.Errorf("normName(%q) = %q, want %q", in, got, want)
		}
	}
	g, err := ReadGold(strings.NewReader("d1\tPresident Lincoln\tkilled|attacked\tThe Union\tcore\n" +
		"d1\tAna Ruiz\tworks_for\tVela Group\tcore\n" +
		"d1\tAna Ruiz\tsaid\t~we agreed\tcore\n"))
	if err != nil {
		t.Fatal(err)
	}
	g.Lenient = true
	if g.Right("d1", "Abraham Lincoln", "killed", "Union") {
		t.Error("lenient matching took two names neither of which holds the other")
	}
	missed := g.Missed("core", map[string][][3]string{"d1": {{"Lincoln", "attacked", "Union"}}})
	if len(missed) != 1 || !strings.HasPrefix(missed[0], "d1\tAna Ruiz\tworks_for") {
		t.Errorf("missed %q, want only the works_for row (quotes are left out)", missed)
	}
}

func TestReadGoldRejectsShortLines(t *testing.T) {
	_, err := ReadGold(strings.NewReader("d1\tX\tworks_for\tY\n"))
	if err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("err = %v, want one naming line 1", err)
	}
}

func TestRuleStatsAndCalibration(t *testing.T) {
	g, err := ReadGold(strings.NewReader(handGold))
	if err != nil {
		t.Fatal(err)
	}
	ent := func(name string) schema.Entity {
		return schema.Entity{IRI: "ent:" + name, Name: name}
	}
	fact := func(s, p, o, rule string, conf float64) schema.Fact {
		return schema.Fact{Subject: "ent:" + s, Predicate: p, Object: "ent:" + o, Evidence: schema.Evidence{Rule: rule, Confidence: conf}}
	}
	exts := []schema.Extraction{
		{Document: schema.Document{ID: "d1"},
			Entities: []schema.Entity{ent("Mara Ellis"), ent("Orion Institute"), ent("Kessel"), ent("Valdoria")},
			Facts: []schema.Fact{
				fact("Mara Ellis", "works_for", "Orion Institute", "appositive-org", 0.9),
				fact("Mara Ellis", "works_for", "Orion Institute", "appositive-org", 0.9), // a repeat counts once
				fact("Mara Ellis", "leads", "Orion Institute", "appositive-org-leads", 0.85),
				fact("Kessel", "located_in", "Valdoria", "comma-place", 0.5),
				fact("Valdoria", "located_in", "Kessel", "comma-place", 0.5),
			}},
		{Document: schema.Document{ID: "elsewhere"}, // not in the gold: not judged
			Entities: []schema.Entity{ent("A"), ent("B")},
			Facts:    []schema.Fact{fact("A", "works_for", "B", "appositive-org", 0.9)}},
	}
	got := map[string]RuleStat{}
	for _, s := range g.RuleStats(exts) {
		got[s.Rule] = s
	}
	want := map[string]RuleStat{
		"appositive-org":       {Rule: "appositive-org", Facts: 1, Right: 1},
		"appositive-org-leads": {Rule: "appositive-org-leads", Facts: 1, Right: 0},
		"comma-place":          {Rule: "comma-place", Facts: 2, Right: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("stats %v, want %v", got, want)
	}
	for r, w := range want {
		if got[r] != w {
			t.Errorf("%s: %+v, want %+v", r, got[r], w)
		}
	}
	if p := got["comma-place"].Precision(); p != 0.5 {
		t.Errorf("precision %v, want 0.5", p)
	}
	bins := g.Calibration(exts)
	if bins[4].Facts != 2 || bins[4].Right != 1 || bins[2].Facts != 2 || bins[2].Right != 1 {
		t.Errorf("calibration bins %+v", bins)
	}
}
