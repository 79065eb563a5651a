package ingest

import "testing"

// wantRule checks that the triple is read, and by the rule named: the tests
// run every rule, so a rule that is off by default may read the same triple.
func wantRule(t *testing.T, text, triple, rule string) {
	t.Helper()
	ext := extractText(t, text)
	var by []string
	for i, tr := range unsortedTriples(ext) {
		if tr == triple {
			if ext.Facts[i].Evidence.Rule == rule {
				return
			}
			by = append(by, ext.Facts[i].Evidence.Rule)
		}
	}
	t.Errorf("%q not read by %s (read by %v) in %s", triple, rule, by, text)
}

// Session 13: membership, residence and nationality constructions of real
// news (rules_s13.go and the citizen appositive in rules.go). Sentences are
// our own.

func TestPlacePossessivePerson(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "country's leader is its citizen", text: "The summit ended on Friday.\n\nThe host greeted Norway's Maria Lunde at the start of the talks. Lunde said little.",
			want: []string{"Maria Lunde|citizen_of|Norway"}},
	})
	// A state's senator lives there (possessive-place-lives, off by
	// default, reads it too, from any possessive and title).
	wantRule(t, "Lawmakers met on Tuesday.\n\nIdaho's Susan Marlow told reporters she would vote against the bill.", "Susan Marlow|lives_in|Idaho", "place-poss-person")
	// "Denver, Ohio's James Kemper, Dallas": in a list of places the
	// possessive names an airport. Another rule, off by default, reads the
	// same triple, so the test looks at the rule.
	ext := extractText(t, "Flights resumed on Monday.\n\nAirports affected include Denver, Ohio's James Kemper, Dallas and Atlanta.")
	for _, f := range ext.Facts {
		if f.Evidence.Rule == "place-poss-person" {
			s, _ := ext.Entity(f.Subject)
			t.Errorf("place-poss-person read %s %s in a list of places", s.Name, f.Predicate)
		}
	}
}

func TestPlaceHomeOf(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "the place home of the owner", text: "Police searched the Nevada home of the company's former treasurer Susan Marlow on Tuesday.",
			want: []string{"Susan Marlow|lives_in|Nevada"}},
	})
	wantRule(t, "Investigators visited Susan Marlow's Oregon home last week.", "Susan Marlow|lives_in|Oregon", "place-home-of")
}

func TestCountryCitizenAppositive(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a U.S. citizen", text: "Customs officers detained Tomas Varga, a U.S. citizen born in Hungary, at the border.",
			want: []string{"Tomas Varga|citizen_of|U.S."}},
		{name: "a national security title is no nationality", text: "The memo was written by Tomas Varga, a U.S. national security official, last year.",
			not: []string{"Tomas Varga|citizen_of|U.S."}},
	})
}

func TestPartyMembersIncluding(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "party noun, title, name", text: "Lawmakers met on Monday.\n\nThe plan was welcomed by several Democrats, including Senate Majority Leader Susan Marlow, on Monday.",
			want: []string{"Susan Marlow|member_of|Democratic Party"}},
		{name: "party adjective on members, two names", text: "Some Republican senators, such as Susan Marlow and Tom Hale, want changes to the bill.",
			want: []string{"Susan Marlow|member_of|Republican Party", "Tom Hale|member_of|Republican Party"}},
		{name: "no party before the cue", text: "Several senators, including Susan Marlow, want changes to the bill.",
			not: []string{"Susan Marlow|member_of|Republican Party", "Susan Marlow|member_of|Democratic Party"}},
	})
}

func TestRunsAgainst(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "ran against", text: "Voters were divided.\n\nThomas Wendt ran against Susan Marlow in the 2014 primary.",
			want: []string{"Thomas Wendt|opposes|Susan Marlow"}},
		{name: "possessive race", text: "Voters were divided.\n\nThomas Wendt's race against Susan Marlow has drawn national attention.",
			want: []string{"Thomas Wendt|opposes|Susan Marlow"}},
		{name: "a race won against", text: "Voters were divided.\n\nSusan Marlow won the Senate race against Thomas Wendt on Tuesday.",
			want: []string{"Susan Marlow|opposes|Thomas Wendt"}},
		{name: "running for, not against", text: "Voters were divided.\n\nThomas Wendt is running for the seat Susan Marlow holds.",
			not: []string{"Thomas Wendt|opposes|Susan Marlow"}},
	})
}

// Session 13, round 2: the party must be the members' group. "Pledges
// from Democrats, including X" may single X out of the pledges' makers,
// not of the party.
func TestPartyMembersIncludingPreposition(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "party after from", text: "Markets rose on Monday.\n\nThe report backed pledges from Democrats, including Susan Marlow, that the plan would pay for itself.",
			not: []string{"Susan Marlow|member_of|Democratic Party"}},
		{name: "party after with", text: "Markets rose on Monday.\n\nThe talks with Republican senators, including Susan Marlow, ended late.",
			not: []string{"Susan Marlow|member_of|Republican Party"}},
		{name: "party after among still reads", text: "Markets rose on Monday.\n\nSupport grew among Republicans, including Senator Susan Marlow, on Tuesday.",
			want: []string{"Susan Marlow|member_of|Republican Party"}},
	})
}

// Session 13, round 2: calls for an official's removal, and a person
// saying another ought to quit, oppose the official; "would resign" is a
// report and "should resign if" only supposes.
func TestCallsForResignation(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "called for X's resignation", text: "Markets fell on Monday.\n\nSusan Marlow called for Thomas Wendt's resignation on Monday.",
			want: []string{"Susan Marlow|opposes|Thomas Wendt"}},
		{name: "a named body demands the resignation of X", text: "Markets fell on Monday.\n\nThe Vela Workers Union demanded the resignation of Thomas Wendt.",
			want: []string{"Vela Workers Union|opposes|Thomas Wendt"}},
		{name: "said X should resign", text: "Markets fell on Monday.\n\nSusan Marlow said Thomas Wendt should resign.",
			want: []string{"Susan Marlow|opposes|Thomas Wendt"}},
		{name: "said X should step down", text: "Markets fell on Monday.\n\nSusan Marlow said Thomas Wendt should step down.",
			want: []string{"Susan Marlow|opposes|Thomas Wendt"}},
		{name: "would resign is a report", text: "Markets fell on Monday.\n\nSusan Marlow said Thomas Wendt would resign.",
			not: []string{"Susan Marlow|opposes|Thomas Wendt"}},
		{name: "should step aside if", text: "Markets fell on Monday.\n\nSusan Marlow on Thursday said Thomas Wendt should step aside if the charges against him are true.",
			not: []string{"Susan Marlow|opposes|Thomas Wendt"}},
	})
}

// Session 13, round 2: an appositive headed by the party's noun, and a
// list of names after the party's plural noun.
func TestPartyNounAppositive(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "modifiers before the party noun", text: "Markets fell.\n\nSusan Marlow, the top budget committee Democrat, said no.",
			want: []string{"Susan Marlow|member_of|Democratic Party"}},
		{name: "a party noun then from", text: "Markets fell.\n\nThomas Wendt, a moderate Republican from northern Idaho, said no.",
			want: []string{"Thomas Wendt|member_of|Republican Party"}},
		{name: "a party adjective on another clause's subject", text: "Markets fell.\n\nAfter meeting Susan Marlow, the Republican president had wondered.",
			not: []string{"Susan Marlow|member_of|Republican Party"}},
	})
	wantRule(t, "Markets fell.\n\nSusan Marlow, the top budget committee Democrat, said no.", "Susan Marlow|member_of|Democratic Party", "party-noun-appositive")
	// a party adjective before a job of a body, the phrase closed by a comma
	wantRule(t, "Markets fell.\n\nThomas Wendt, the Democratic leader of the Iowa Senate, said no.", "Thomas Wendt|member_of|Democratic Party", "party-noun-appositive")
}

func TestPartyNamesList(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "names with their states", text: "Markets fell.\n\nSenate Democrats Susan Marlow (Idaho), Anna Kovac (Utah) and Peter Holm (Iowa) voted no.",
			want: []string{"Susan Marlow|member_of|Democratic Party", "Peter Holm|member_of|Democratic Party"}},
		{name: "names with of their states", text: "Markets fell.\n\nBackers include Democrats Susan Marlow of Idaho, Peter Holm of Iowa and Anna Price.",
			want: []string{"Peter Holm|member_of|Democratic Party", "Anna Price|member_of|Democratic Party"}},
		{name: "a date after the party is no list", text: "Markets fell.\n\nHe met Democrats Tuesday, Peter Holm said.",
			not: []string{"Peter Holm|member_of|Democratic Party"}},
	})
	wantRule(t, "Markets fell.\n\nSenate Democrats Susan Marlow (Idaho), Anna Kovac (Utah) and Peter Holm (Iowa) voted no.", "Peter Holm|member_of|Democratic Party", "party-names-list")
}

// Session 13, round 2: a named body's call to quit, and a party word's
// that is no body's.
func TestCallsToResignBody(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a named body urges X to step down", text: "Markets fell on Monday.\n\nThe Vela Workers Union urged Thomas Wendt to step down.",
			want: []string{"Vela Workers Union|opposes|Thomas Wendt"}},
		{name: "a party word is no caller", text: "Markets fell on Monday.\n\nDemocrats called on Thomas Wendt to resign.",
			not: []string{"Democratic Party|opposes|Thomas Wendt"}},
	})
}

func TestReverseTitleForField(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a title for a field before the name", text: "Markets fell.\n\nThe Deputy National Security Adviser for strategy, Susan Marlow, met the group.",
			want: []string{"Susan Marlow|role|Deputy National Security Adviser"}},
		{name: "a job for a person is someone else's", text: "Markets fell.\n\nA spokesman for the Vela lawyer, Susan Marlow, met the group.",
			not: []string{"Susan Marlow|role|spokesman"}},
	})
}

// "attorney for the State of X" names the state's government as the
// client; "a lawyer in Dayton" still places the lawyer (lead, session 13).
func TestGovernmentStylePlaceIsAnEmployer(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "state of", text: "The appeal was heard on Monday.\n\nIn reply, Ruth Calder, attorney for the State of Vermont, said the order was unlawful.",
			want: []string{"Ruth Calder|works_for|State of Vermont"}, not: []string{"Ruth Calder|lives_in|State of Vermont"}},
		{name: "city of", text: "The suit was filed on Monday.\n\nOwen Prater, a lawyer for the City of Toledo, said the city would appeal.",
			want: []string{"Owen Prater|works_for|City of Toledo"}, not: []string{"Owen Prater|lives_in|City of Toledo"}},
	})
}
