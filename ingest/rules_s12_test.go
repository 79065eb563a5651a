package ingest

import (
	"testing"
)

// Session 12 relation rules, as users get them (the default gates): each
// case's fact comes with its rule in the evidence, and the constructions
// that look alike but say something else give no such fact.
func TestSession12Relations(t *testing.T) {
	cases := []struct {
		name, text, want, rule string
	}{
		{"a hyphenated base in an appositive", "Mark Pell, a Denver-based energy lawyer, pleaded guilty on Friday.",
			"Mark Pell|lives_in|Denver", "appos-x-based-person"},
		{"a nationality before a private occupation", "Ukrainian businessman Ivan Sokol met the bank's board on Monday.",
			"Ivan Sokol|citizen_of|Ukraine", "dep:demonym-occupation-name"},
		{"a nationality before a lawyer", "The firm hired Brazilian lawyer Marta Pires to argue the appeal.",
			"Marta Pires|citizen_of|Brazil", "dep:demonym-occupation-name"},
		{"a country's office after its possessive", "On Monday, Peru's Foreign Minister Ana Ruiz met the envoy in Lima.",
			"Ana Ruiz|works_for|Peru", "dep:surface-poss-place-title-name"},
		{"a country's leader after its possessive", "The talks began when Chile's President Tom Vail arrived on Sunday.",
			"Tom Vail|leads|Chile", "dep:surface-poss-place-leader-name"},
		{"a call to resign", "Senator Ana Ruiz called on Tom Vail to resign on Monday.",
			"Ana Ruiz|opposes|Tom Vail", "dep:calls-to-resign"},
		{"a call to step down", "Mia Stone urged Tom Vail to step down after the vote.",
			"Mia Stone|opposes|Tom Vail", "dep:calls-to-step-down"},
		{"a chamber's leader opening a sentence", "Senate Majority Leader Tom Vail said the vote would wait until Monday.",
			"Tom Vail|member_of|Senate", "chamber-leader-name"},
		{"a party word between the chamber and the title", "On Friday, House Democratic leader Mia Stone said they would not shut the government.",
			"Mia Stone|member_of|House", "chamber-leader-name"},
		{"the speaker of the full chamber name", "A letter to House of Representatives Speaker Lou Hanks asked for more time.",
			"Lou Hanks|member_of|House of Representatives", "chamber-leader-name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := factsOf(extractDefault(t, "Markets were calm.\n\n"+c.text))
			fs := got[c.want]
			if len(fs) != 1 {
				t.Fatalf("%d facts %s, want 1; got %v", len(fs), c.want, keysOf(got))
			}
			if fs[0].Evidence.Rule != c.rule {
				t.Errorf("rule %q, want %q", fs[0].Evidence.Rule, c.rule)
			}
		})
	}
}

func TestSession12RelationNegatives(t *testing.T) {
	cases := []struct {
		name, text, notWant string
	}{
		// the appositive names a body, so the name before is none of a person's
		{"an organisation's noun after the base", "Tom Vail, a Denver-based advocacy website, published the list on Monday.",
			"Tom Vail|lives_in|Denver"},
		// an office is the state's employment, read by demonym-title-name
		{"a nationality before an office", "Canadian Trade Minister Ana Ruiz visited the port.",
			"Ana Ruiz|citizen_of|Canada"},
		// a state's chamber: the bare chamber's name would be Congress's
		{"a state before the chamber", "Ohio Senate Majority Leader Ray Dunn said the budget was late.",
			"Ray Dunn|member_of|Senate"},
		// stepping up is no call to quit
		{"a call to step up", "Mia Stone urged Tom Vail to step up the search for the missing boat.",
			"Mia Stone|opposes|Tom Vail"},
		// running for a seat says nothing of a passport
		{"a nationality before a candidacy", "Peruvian candidate Luis Ortega lost the runoff on Sunday.",
			"Luis Ortega|citizen_of|Peru"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := factsOf(extractDefault(t, "Markets were calm.\n\n"+c.text))
			if len(got[c.notWant]) > 0 {
				t.Errorf("got %s (rule %s)", c.notWant, got[c.notWant][0].Evidence.Rule)
			}
		})
	}
}
