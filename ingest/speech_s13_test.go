package ingest

import "testing"

// "X said A and said B": two statements of the same speaker, the first
// ending before the second verb; a comma, a colon or a quote mark after
// the second verb still opens the speaker's statement. A relative
// clause's "and said" belongs to its own subject, and "and told
// reporters …" ends the first statement without opening a second.
func TestSaidSecondVerb(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "and said", text: "Markets were calm.\n\nMayor Ana Ruiz said the bridge would reopen in the spring and said the city had found the money for the repairs.",
			want: [][2]string{{"Ana Ruiz", "the bridge would reopen in the spring"}, {"Ana Ruiz", "the city had found the money"}},
			not:  [][2]string{{"Ana Ruiz", "spring and said"}}},
		{name: "and added, colon, quote", text: "Markets were calm.\n\nGovernor Tom Albee said the dam inspections were routine, and added: “Nobody should panic about the river.”",
			want: [][2]string{{"Tom Albee", "Nobody should panic about the river"}},
			not:  [][2]string{{"Tom Albee", "routine, and added"}}},
		{name: "and warned that, condition", text: "Markets were calm.\n\nSenator Lena Ostrow said the talks had stalled and warned that, if the deadline passes, the plant would close for good.",
			want: [][2]string{{"Lena Ostrow", "if the deadline passes, the plant would close"}},
			not:  [][2]string{{"Lena Ostrow", "stalled and warned"}}},
		{name: "relative clause owns its verb", text: "Markets were calm.\n\nMayor Ana Ruiz said she had read the report, which praised the council and said the bridge was safe.",
			not: [][2]string{{"Ana Ruiz", "the bridge was safe"}}},
		{name: "and told", text: "Markets were calm.\n\nSenator Joan Pike said the vote would be close and told reporters she had not decided how to vote.",
			want: [][2]string{{"Joan Pike", "the vote would be close"}},
			not:  [][2]string{{"Joan Pike", "close and told"}}},
	})
}

// "X did A and he said B": the pronoun opening a coordinated clause is the
// sentence's own subject, not the last speaker of the quote chain nor a
// person named as an object in between; two persons before the verb keep
// it open.
func TestSaidCoordinatedSubject(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "subject over the chain", text: "Markets were calm.\n\n“We had a long talk about the port,” Prime Minister Karl Brenner said.\n\nPresident Tomas Velde criticised his predecessor, Anton Maier, for his handling of the budget and he later declared that the port would be sold.",
			want: [][2]string{{"Tomas Velde", "the port would be sold"}},
			not:  [][2]string{{"Karl Brenner", "the port would be sold"}, {"Anton Maier", "the port would be sold"}}},
		{name: "but she said", text: "Markets were calm.\n\n“The vote is close,” Senator Hugo Lind said.\n\nSenator Maria Olsen welcomed the plan in June but she said this week that the new tariffs went too far.",
			want: [][2]string{{"Maria Olsen", "the new tariffs went too far"}},
			not:  [][2]string{{"Hugo Lind", "the new tariffs went too far"}}},
		{name: "two persons before the verb", text: "Markets were calm.\n\n“The vote is close,” Senator Hugo Lind said.\n\nSenator Peter Olsen and Governor Mark Dahl met in June and he said the new tariffs went too far.",
			not: [][2]string{{"Peter Olsen", "the new tariffs went too far"}, {"Mark Dahl", "the new tariffs went too far"}}},
	})
}

// "X told Reuters the plan would fail": after a news audience a clause
// with a noun-phrase subject is what was told; a bare object after the
// audience is not a statement.
func TestSaidToldAudienceClause(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "told Reuters, noun clause", text: "Markets were calm.\n\nBank analyst Greta Holm told Reuters the merger of the two lenders would cost about 900 jobs.",
			want: [][2]string{{"Greta Holm", "the merger of the two lenders would cost"}}},
		{name: "told reporters, noun clause", text: "Markets were calm.\n\nSenator Walter Kirby told reporters the committee vote had been delayed until March.",
			want: [][2]string{{"Walter Kirby", "the committee vote had been delayed"}}},
		{name: "told reporters an object", text: "Markets were calm.\n\nSenator Walter Kirby told reporters the details of the agreement with the union.",
			not: [][2]string{{"Walter Kirby", "the details of the agreement"}}},
	})
}

// "X, a spokeswoman for Y, a firm that …, said …": past a long appositive
// the speaker is the person who opens the sentence, not the organisation
// inside the appositive's prepositional phrase; a second person inside
// the appositive keeps the speaker open.
func TestSaidLongAppositive(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "organisation described by a clause", text: "Markets were calm.\n\nNora Lindqvist, a spokeswoman for Brightwater, a shipping firm that was founded in Oslo before it moved to Rotterdam in 1990, said the company would cut two routes.",
			want: [][2]string{{"Nora Lindqvist", "the company would cut two routes"}},
			not:  [][2]string{{"Brightwater", "the company would cut two routes"}}},
		{name: "lowercase title", text: "Markets were calm.\n\nOwen Pratt, chief financial officer for Millbrook, a town north of Denver in Colorado, said its rapid growth demanded new schools.",
			want: [][2]string{{"Owen Pratt", "its rapid growth demanded new schools"}}},
		{name: "another person inside", text: "Markets were calm.\n\nNora Lindqvist, a lawyer for Brightwater, a shipping firm run by Henrik Dahl since he bought it in 2001, said the company would cut two routes.",
			not: [][2]string{{"Nora Lindqvist", "the company would cut two routes"}, {"Brightwater", "the company would cut two routes"}}},
	})
}

// "Representatives for X, the panel's chairman, and Y said", "A spokesman
// for X and Y said": a name coordinated with one inside a prepositional
// phrase is inside it too; ", and Y said" after a plain object is a new
// clause whose subject speaks.
func TestSaidCoordinatedInPhrase(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "appositive between", text: "Markets were calm.\n\nRepresentatives for Senator Paul Hedge, the Republican who chairs the banking panel, and Senator Mark Ulrich, its top Democrat, said they could not comment on the hearing.",
			not: [][2]string{{"Mark Ulrich", "could not comment"}, {"Paul Hedge", "could not comment"}}},
		{name: "plain coordination", text: "Markets were calm.\n\nA spokesman for Senators Lena Moss and Tom Brack said the two would vote against the bill.",
			not: [][2]string{{"Tom Brack", "vote against the bill"}, {"Lena Moss", "vote against the bill"}}},
		{name: "a new clause", text: "Markets were calm.\n\nThe mayor met with Tom Brack, and Senator Lena Moss said the talks had gone well.",
			want: [][2]string{{"Lena Moss", "the talks had gone well"}}},
	})
}
