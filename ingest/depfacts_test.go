package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest/deppat"
	"github.com/newsgraph/newsgraph/schema"
)

// defaultExtractor runs the rules a user gets without --rules all (the
// extractor extractDefault shares).
func defaultExtractor(t testing.TB) *Extractor {
	t.Helper()
	defaultExOnce.Do(func() { defaultEx, defaultExErr = NewExtractor(Options{}) })
	if defaultExErr != nil {
		t.Fatal(defaultExErr)
	}
	return defaultEx
}

// factsOf renders each fact as "subject|predicate|object" with names, to
// its facts.
func factsOf(ext schema.Extraction) map[string][]schema.Fact {
	out := map[string][]schema.Fact{}
	for _, f := range ext.Facts {
		s, _ := ext.Entity(f.Subject)
		obj := f.Object
		if o, ok := ext.Entity(f.Object); ok {
			obj = o.Name
		}
		k := s.Name + "|" + f.Predicate + "|" + obj
		out[k] = append(out[k], f)
	}
	return out
}

// The dependency patterns' facts come out of Extract with ingest's
// entities, the row's name in the evidence, its precision as confidence
// and its qualifiers, for the rows on by default.
func TestDependencyPatternFacts(t *testing.T) {
	cases := []struct {
		name, text string
		want       string // subject|predicate|object
		rule       string
		former     bool
	}{
		{"appositive leader of", "Tom Vail, managing director of Kestrel Holdings, said profits rose.",
			"Tom Vail|leads|Kestrel Holdings", "dep:surface-appos-leader-of", false},
		{"appositive title of an appositive leader", "Tom Vail, managing director of Kestrel Holdings, said profits rose.",
			"Tom Vail|role|managing director", "dep:surface-appos-leader-of", false},
		{"acting stays in the title", "Pedro Alves, acting director of the Vela Institute, resigned on Friday.",
			"Pedro Alves|role|acting director", "dep:surface-appos-leader-of", false},
		{"former is a qualifier", "Former FBI Director Paul Hanley testified before the committee.",
			"Paul Hanley|leads|FBI", "dep:org-leader-name", true},
		{"possessive title before an appositive", "The Tarsis Bank's chief economist, Ruth Adler, said rates would fall.",
			"Ruth Adler|works_for|Tarsis Bank", "dep:reverse-appos-poss-title", false},
		{"party before a title, kept once", "Republican Senator Maria Okafor said the bill would pass.",
			"Maria Okafor|member_of|Republican Party", "dep:party-title-name", false},
		{"a title ingest cut short", "Shadow Home Secretary Ana Ruiz said the plan would fail.",
			"Ana Ruiz|role|Shadow Home Secretary", "dep:title-name", false},
		{"nationality before an office", "Canadian Trade Minister Ana Ruiz visited the port.",
			"Ana Ruiz|works_for|Canada", "dep:demonym-title-name", false},
		{"a party word the name finder left in the title", "Senate Democratic leader Dana Whitlock called for a delay.",
			"Dana Whitlock|member_of|Democratic Party", "dep:party-title-name", false},
		{"a party appositive", "Hal Brenner, a Republican, is expected to sign it.",
			"Hal Brenner|member_of|Republican Party", "dep:party-appos-surface", false},
		{"an organisation's title before the name", "Justice Department Special Counsel Robert Mull spoke on Friday.",
			"Robert Mull|works_for|Justice Department", "dep:org-title-name", false},
		{"an organisation's title after the name", "The rules are clear, said Rob Dale, the White House cyber security coordinator.",
			"Rob Dale|works_for|White House", "dep:appos-org-title", false},
		{"who is the organisation's title", "“The claims are false,” wrote Tom Cochran, who is Vela Partners’ senior scientist.",
			"Tom Cochran|works_for|Vela Partners", "dep:surface-relcl-poss-title", false},
		{"coordinated titles", "Ana Ruiz, budget chief and acting director of the Vela Bureau, said so.",
			"Ana Ruiz|leads|Vela Bureau", "dep:coord-appos-leader-of", false},
		{"headed by", "The Kestrel Agency, an independent regulator headed by Democrat Tom Vail, said so.",
			"Tom Vail|leads|Kestrel Agency", "dep:appos-passive-leads", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ext, err := defaultExtractor(t).Extract(context.Background(), schema.Document{ID: "d", Text: "Markets were calm.\n\n" + c.text})
			if err != nil {
				t.Fatal(err)
			}
			got := factsOf(ext)
			fs := got[c.want]
			if len(fs) != 1 {
				t.Fatalf("%d facts %s, want 1; got %v", len(fs), c.want, keysOf(got))
			}
			ev := fs[0].Evidence
			if ev.Rule != c.rule {
				t.Errorf("rule %q, want %q", ev.Rule, c.rule)
			}
			if ev.Confidence < depGatePrecision || ev.Confidence > 1 {
				t.Errorf("confidence %v, want a gated row's precision", ev.Confidence)
			}
			if (ev.Qualifiers[schema.QualFormer] == "true") != c.former {
				t.Errorf("qualifiers %v, want former %v", ev.Qualifiers, c.former)
			}
			if !strings.Contains(ev.Sentence, c.text[:20]) || ev.Start < len("Markets were calm.\n\n") {
				t.Errorf("evidence %q at %d, want the body sentence", ev.Sentence, ev.Start)
			}
		})
	}
}

// What the patterns must not read: a modal copula, a domain before a
// leader noun, a headline the body does not confirm, rows under the gate.
func TestDependencyPatternNegatives(t *testing.T) {
	cases := []struct {
		name, title, text, notWant string
	}{
		{"modal copula", "", "Markets were calm.\n\nAna Ruiz may be the chairman of Kestrel Holdings, analysts said.", "Ana Ruiz|leads|Kestrel Holdings"},
		{"domain before the leader noun", "", "Markets were calm.\n\nOrion Institute litigation director Mara Ellis said the ruling was wrong.", "Mara Ellis|leads|Orion Institute"},
		{"headline", "Senator Tom Vail, chairman of Kestrel Holdings, quits", "Senator Tom Vail, chairman of Kestrel Holdings, quits\n\nThe senator left on Monday after a long dispute.", "Tom Vail|leads|Kestrel Holdings"},
		{"an adjective is not the title", "", "Markets were calm.\n\nModerate Senator Lena Brandt said she would vote for the bill.", "Lena Brandt|role|Moderate Senator"},
		{"a day is not the title", "", "Markets were calm.\n\nOn Thursday President Tom Vail signed the order.", "Tom Vail|role|Thursday President"},
		{"ungated row", "", "Markets were calm.\n\nLagos nightclub owner Ana Ruiz said the curfew hurt trade.", "Ana Ruiz|lives_in|Lagos"},
		{"a name after a preposition inside a name", "", "Markets were calm.\n\nIt was rejected by the U.N. Commission of Inquiry on Ruritania Chairman Tom Vail.", "Tom Vail|leads|Ruritania"},
		{"an envoy to a body", "", "Markets were calm.\n\nRussian U.N. Ambassador Vitaly Chur said so.", "Vitaly Chur|works_for|U.N."},
		{"a row the gate table keeps off", "", "Markets were calm.\n\nU.S. District Judge Amy Barrow said so.", "Amy Barrow|works_for|U.S. District"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ext, err := defaultExtractor(t).Extract(context.Background(), schema.Document{ID: "d", Title: c.title, Text: c.text})
			if err != nil {
				t.Fatal(err)
			}
			if fs := factsOf(ext)[c.notWant]; len(fs) > 0 {
				t.Errorf("unexpected %s (rule %s)", c.notWant, fs[0].Evidence.Rule)
			}
		})
	}
	// The headline's words read in the body do give the fact: the
	// headline case above fails for being a headline only.
	ext, err := defaultExtractor(t).Extract(context.Background(), schema.Document{ID: "d",
		Text: "Markets were calm.\n\nSenator Tom Vail, chairman of Kestrel Holdings, quits\n\nThe senator left on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	if fs := factsOf(ext)["Tom Vail|leads|Kestrel Holdings"]; len(fs) != 1 || !strings.HasPrefix(fs[0].Evidence.Rule, depRulePrefix) {
		t.Errorf("body sentence: leads from a dependency pattern %v", fs)
	}
}

// Rows under the gate run with --rules all.
func TestDependencyPatternAllRules(t *testing.T) {
	text := "Markets were calm.\n\nLagos nightclub owner Ana Ruiz said the curfew hurt trade."
	ext, err := extractor(t).Extract(context.Background(), schema.Document{ID: "d", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	fs := factsOf(ext)["Ana Ruiz|lives_in|Lagos"]
	if len(fs) != 1 || fs[0].Evidence.Rule != "dep:place-occupation-name" {
		t.Errorf("lives_in from an ungated row: %v", fs)
	}
}

func keysOf(m map[string][]schema.Fact) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// "A and B" of two titles before a name gives two roles; a title with "and"
// inside it stays one.
func TestCoordinatedTitles(t *testing.T) {
	got := factsOf(extractDefault(t, "Markets were calm.\n\nThe meeting included his son-in-law and close aide, Jared Kushman, and others."))
	if len(got["Jared Kushman|role|close aide"]) != 1 || len(got["Jared Kushman|role|son-in-law and close aide"]) != 0 {
		t.Errorf("Kushman roles: %v", keysOf(got))
	}
	got = factsOf(extractDefault(t, "Markets were calm.\n\nSecretary of Health and Human Services Tom Pryce said so."))
	if len(got["Tom Pryce|role|Secretary of Health"]) != 0 {
		t.Errorf("Pryce roles split: %v", keysOf(got))
	}
}

// The gate table decides a dependency row listed in it, whatever the row's
// own figure: place-title-name is measured at 0.83 on the recogniser's
// spans but off through ingest's.
func TestDependencyRowsFollowTheGateTable(t *testing.T) {
	for _, p := range deppat.Table() {
		g, listed := ruleGates[depRulePrefix+p.Name]
		if listed && depRowOn(p) != g.On {
			t.Errorf("%s: on %v, table says %v", p.Name, depRowOn(p), g.On)
		}
		if !listed && depRowOn(p) != (p.Precision >= depGatePrecision && p.Support >= depGateSupport) {
			t.Errorf("%s: unlisted row does not follow its figure", p.Name)
		}
	}
	if p := rowNamed("place-title-name"); p == nil || p.Precision < depGatePrecision || depRowOn(p) {
		t.Errorf("place-title-name: %v", p)
	}
}

func rowNamed(name string) *deppat.Pattern {
	for _, p := range deppat.Table() {
		if p.Name == name {
			return p
		}
	}
	return nil
}
