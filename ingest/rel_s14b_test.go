package ingest

import "testing"

// Session 14, round 2 (rel2): sentences are our own.

// A home named with "his"/"her" belongs to the person the pronoun stands
// for; with a second person named before it, that owner is a guess.
func TestPossessiveHomeOwner(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a judge named before another person's home",
			text: "Judge Helen Marsh said Corwin must give up three houses, including one in Denver and his Florida home.",
			not:  []string{"Helen Marsh|lives_in|Florida"}},
		{name: "a judge and the defendant's home state",
			text: "Judge Helen Marsh allowed Corwin to leave his Ohio home on Tuesday to vote.",
			not:  []string{"Helen Marsh|lives_in|Ohio"}},
		{name: "one person named",
			text: "Senator Dale Whitcomb spent the recess at his Kansas home.",
			want: []string{"Dale Whitcomb|lives_in|Kansas"}},
		{name: "a relative clause on the owner",
			text: "Brandt said Senator Dale Whitcomb, who was hurt in a fall at his Kansas home, would return next week.",
			want: []string{"Dale Whitcomb|lives_in|Kansas"},
			not:  []string{"Brandt|lives_in|Kansas"}},
	})
}

func TestPartyCoordinatedAppositive(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "party noun heads the second description",
			text: "Marla Quinn, 58, a school nurse and self-described conservative Republican, said she would vote for him.",
			want: []string{"Marla Quinn|member_of|Republican Party"}},
		{name: "registered party member",
			text: "Denise Patel, a retired teacher and registered Democrat, said the rally was loud.",
			want: []string{"Denise Patel|member_of|Democratic Party"}},
		{name: "the party word modifies a later noun",
			text: "Marla Quinn, a nurse and Republican donor, said she would vote for him.",
			not:  []string{"Marla Quinn|member_of|Republican Party"}},
	})
	wantRule(t, "Denise Patel, a retired teacher and registered Democrat, said the rally was loud.", "Denise Patel|member_of|Democratic Party", "party-coord-appositive")
	noRule(t, "Marla Quinn, a nurse who met Tom Reyes and a Democrat, spoke first.", "party-coord-appositive")
}

func TestPartyPairAppositive(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "two of a panel's members",
			text: "Aides to Senators Linda Dunmore and Paul Halvard, two of the budget panel's moderate Democratic members, said they would talk.",
			want: []string{"Linda Dunmore|member_of|Democratic Party", "Paul Halvard|member_of|Democratic Party"}},
		{name: "two party members",
			text: "Senators Linda Dunmore and Paul Halvard, two moderate Republicans, voted against the bill.",
			want: []string{"Linda Dunmore|member_of|Republican Party", "Paul Halvard|member_of|Republican Party"}},
	})
	wantRule(t, "Senators Linda Dunmore and Paul Halvard, two moderate Republicans, voted against the bill.", "Paul Halvard|member_of|Republican Party", "party-pair-appositive")
	// a count of two that is not the pair's party
	noRule(t, "Linda Dunmore and Paul Halvard, two lawyers from Ohio, met Republicans on Monday.", "party-pair-appositive")
}

func TestPartyCoordinatedLeader(t *testing.T) {
	wantRule(t, "Senator Ross Delane, a Republican and chairman of the Senate Budget Committee, said the bill would pass.",
		"Ross Delane|leads|Senate Budget Committee", "dep:party-coord-appos-leader-of")
}

// A gerund naming a firm's trade ("lobbying", "consulting") before the
// firm's noun does not end the noun phrase that leads to its name.
func TestGerundTradeBeforeFirm(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "president of the lobbying firm",
			text: "Maria Lopez, president of the lobbying firm Harbor Strategies, said the bill was dead.",
			want: []string{"Maria Lopez|leads|Harbor Strategies"}},
	})
}
