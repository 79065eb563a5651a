package ingest

import "testing"

// Session 14: stances, residence and nationality in the constructions of
// real news (rules_s14_stance.go, deppat/stance_s14.go). Sentences are our
// own.

func TestRetortAt(t *testing.T) {
	wantRule(t, "Governor Helen Marsh fired back at Senator Paul Okafor on Monday, calling his remarks reckless.",
		"Helen Marsh|opposes|Paul Okafor", "retort-at")
	wantRule(t, "The talks stalled.\n\nIrish Prime Minister Liam Doherty took aim at Norwegian Finance Minister Karin Solberg over the fishing quota.",
		"Liam Doherty|opposes|Karin Solberg", "retort-at")
	runCases(t, []ruleCase{
		{name: "a possessor is not the target", text: "Senator Paul Okafor took aim at Helen Marsh's budget plan on Tuesday.",
			not: []string{"Paul Okafor|opposes|Helen Marsh"}},
		{name: "a negated retort is none", text: "Senator Paul Okafor did not fire back at Governor Helen Marsh.",
			not: []string{"Paul Okafor|opposes|Helen Marsh"}},
	})
}

func TestAllyAppositive(t *testing.T) {
	wantRule(t, "The fund is run by Pavel Orlov, a close Kessler ally who joined the board in 2015. Erik Kessler founded it.",
		"Pavel Orlov|allied_with|Erik Kessler", "ally-appositive")
	wantRule(t, "Investors include Pavel Orlov, Erik Kessler's closest ally, and two banks.",
		"Pavel Orlov|allied_with|Erik Kessler", "ally-appositive")
	// an ally turned critic is no longer one (another rule, on its own
	// figures, still reads the former ally)
	notRule(t, "Pavel Orlov, a former Kessler ally turned critic of Erik Kessler, spoke on Monday.",
		"Pavel Orlov|allied_with|Erik Kessler", "ally-appositive")
}

func TestHomeStateOf(t *testing.T) {
	wantRule(t, "Senator Dana Whitfield has returned to her home state of Oregon and will miss the vote.",
		"Dana Whitfield|lives_in|Oregon", "home-state-of")
	wantRule(t, "Mayor Tom Bristow spoke at a diner in his home town of Dayton, Ohio, on Friday.",
		"Tom Bristow|lives_in|Dayton", "home-state-of")
	// two people: whose home it is is unsure
	notRule(t, "Senator Dana Whitfield met Governor Paul Okafor in his home state of Idaho on Friday.",
		"Paul Okafor|lives_in|Idaho", "home-state-of")
}

func TestAlsoOfPlace(t *testing.T) {
	wantRule(t, "Officials called Senator Mary Lind of Iowa and Senator Joan Pike, also of Iowa, on Tuesday.",
		"Joan Pike|lives_in|Iowa", "also-of-place")
}

func TestDemonymPersonNoun(t *testing.T) {
	wantRule(t, "Police arrested Russian national Ivan Petrov at the airport on Monday.",
		"Ivan Petrov|citizen_of|Russia", "demonym-person-noun")
	notRule(t, "Police arrested Russian diplomat Ivan Petrov at the airport on Monday.",
		"Ivan Petrov|citizen_of|Russia", "demonym-person-noun")
}

func TestStanceDependencyRows(t *testing.T) {
	wantRule(t, "Paul Okafor has sharply criticized Helen Marsh's budget plan.",
		"Paul Okafor|opposes|Helen Marsh", "dep:svo-opposes-poss")
	wantRule(t, "Helen Marsh has since defended Paul Okafor, noting that he denied the claims.",
		"Helen Marsh|backs|Paul Okafor", "dep:svo-defends")
	runCases(t, []ruleCase{
		{name: "a person's kin is not the person", text: "Senator Paul Okafor criticized Governor Helen Marsh's husband on Tuesday.",
			not: []string{"Paul Okafor|opposes|Helen Marsh"}},
		{name: "a party word defends no one as a party", text: "Some Republicans defended Paul Okafor on Sunday.",
			not: []string{"Republican Party|backs|Paul Okafor", "Republicans|backs|Paul Okafor"}},
	})
}

// notRule checks that the rule named does not read the triple (another
// rule may).
func notRule(t *testing.T, text, triple, rule string) {
	t.Helper()
	ext := extractText(t, text)
	for i, tr := range unsortedTriples(ext) {
		if tr == triple && ext.Facts[i].Evidence.Rule == rule {
			t.Errorf("%q read by %s in %s", triple, rule, text)
		}
	}
}

func TestLivingIn(t *testing.T) {
	wantRule(t, "The former leader Viktor Orlenko has been living in exile in Ruritania since he was ousted in 2014.",
		"Viktor Orlenko|lives_in|Ruritania", "living-in")
	wantRule(t, "\"We are left in a void,\" said Pierre Louis, 26, a Haitian immigrant living in Brooklyn.",
		"Pierre Louis|lives_in|Brooklyn", "living-in")
	wantRule(t, "\"We are left in a void,\" said Pierre Louis, 26, a Haitian immigrant living in Brooklyn.",
		"Pierre Louis|citizen_of|Haiti", "demonym-appositive")
	// the appositive is someone else's when a verb stands in it
	notRule(t, "Pierre Louis, a lawyer who represents families living in Brooklyn, spoke on Monday.",
		"Pierre Louis|lives_in|Brooklyn", "living-in")
}

func TestRivalsInARace(t *testing.T) {
	wantRule(t, "Helen Marsh defeated Republican Paul Okafor in the special election on Tuesday.",
		"Helen Marsh|opposes|Paul Okafor", "dep:svo-defeats")
	wantRule(t, "Helen Marsh's narrow victory over Paul Okafor surprised the party.",
		"Helen Marsh|opposes|Paul Okafor", "dep:poss-victory-over")
	runCases(t, []ruleCase{
		{name: "a negated defeat is none", text: "Helen Marsh did not defeat Paul Okafor in the primary.",
			not: []string{"Helen Marsh|opposes|Paul Okafor"}},
	})
}

func TestClashWith(t *testing.T) {
	wantRule(t, "Senator Helen Marsh, who has frequently clashed with Paul Okafor, said she would vote no.",
		"Helen Marsh|opposes|Paul Okafor", "clash-with")
	wantRule(t, "The Tarsis Bureau has been at odds with the Vela Commission over the budget.",
		"Tarsis Bureau|opposes|Vela Commission", "clash-with")
	runCases(t, []ruleCase{
		{name: "a negated quarrel is none", text: "Unlike others, Helen Marsh never publicly feuded with Paul Okafor.",
			not: []string{"Helen Marsh|opposes|Paul Okafor"}},
	})
}
