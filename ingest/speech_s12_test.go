package ingest

import "testing"

// A name inside a prepositional phrase is no speaker even when titles
// stand between the preposition and the name; a title's own "of" is no
// such preposition, and a relative clause on the name makes it the
// speaker again.
func TestSaidNameInPhrase(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "under a titled name", text: "Markets were calm.\n\nLast year, the commission under Republican President Walter Brennan said the old limits were obsolete after the switch to cable.",
			not: [][2]string{{"Walter Brennan", "old limits"}}},
		{name: "the chairman of the committee", text: "Markets were calm.\n\nThe chairman of the House Budget Committee, Republican Representative Dale Kimball, has said his committee planned to question the bankers in March.",
			not: [][2]string{{"House Budget Committee", "question the bankers"}}},
		{name: "a spokeswoman for a titled name", text: "Markets were calm.\n\nA spokeswoman for Senator Ruth Callahan said the senator would vote against the measure next week.",
			not: [][2]string{{"Ruth Callahan", "vote against"}}},
		{name: "of inside a title", text: "Markets were calm.\n\nU.S. Secretary of State Margaret Ellison said on Tuesday the talks with the rebels would resume next month.",
			want: [][2]string{{"Margaret Ellison", "talks with the rebels"}}},
		{name: "relative clause on the name", text: "Markets were calm.\n\nCutting the tax has been a priority for Governor Martin Fields, who says it will bring new jobs to the state.",
			want: [][2]string{{"Martin Fields", "new jobs"}}},
	})
}

// A quote that ends its sentence is not what the next sentence's speaker
// says when that speaker's verb has a statement of its own after a medium
// ("said in a statement Thursday the rules …", "said in a letter sent to
// the court on Monday that …").
func TestSaidQuoteEndsBeforeMedium(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "in a statement, time, clause", text: "Markets were calm.\n\nLisa Grant, a spokeswoman for Halvorsen Media, said the company “looks forward to growing in a changing market.” Corvex Chief Executive Officer Paul Wade said in a statement Thursday the new rules would help local stations compete.",
			want: [][2]string{{"Paul Wade", "new rules would help"}},
			not:  [][2]string{{"Paul Wade", "looks forward"}}},
		{name: "in a letter sent to, that", text: "Markets were calm.\n\nIn response to the post, Tom Becker, attorney for the State of Oregon Tweeted: “Noted! See you at the hearing next week.” The AFL-CIO said in a letter sent to the court on Monday that it planned to file a new motion.",
			not: [][2]string{{"AFL-CIO", "See you at the hearing"}}},
		{name: "a quote closed by its comma keeps its speaker", text: "Markets were calm.\n\n“We will keep the stations local,” Corvex Chief Executive Officer Paul Wade said in a statement Thursday.",
			want: [][2]string{{"Paul Wade", "keep the stations local"}}},
	})
}

// "a lawyer for the State of X tweeted: “…”": the place in the phrase is
// not who spoke before the quote either.
func TestSaidQuoteBeforeNameInPhrase(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "for the State of", text: "Markets were calm.\n\nIn reply, Tom Becker, a lawyer for the state of Oregon tweeted: “Noted! See you at the hearing next week.”",
			not: [][2]string{{"Oregon", "See you at the hearing"}}},
	})
}

// An "Instant View" page: capitalised headers name who says the quotes
// after them, with or without a colon, until the next header; a "he
// said" under a header is the header person's, not the last name of the
// story.
func TestSaidViewHeaders(t *testing.T) {
	text := "Senator Alan Price said the bill would pass on Friday.\n\n" +
		"DORA QUILL, CHIEF BOND STRATEGIST AT WESTFIELD PARTNERS, BOSTON: “Yields will drift higher into the new year. We see no reason to chase them.” “The curve could steepen once the bill is law.”\n\n" +
		"OSCAR MENDT, SENIOR ECONOMIST, HALE & CROSS, CHICAGO “That was the spark for the selloff,” he said. “Growth looks firm for now.”"
	runSaidCases(t, []saidCase{
		{name: "headers", text: text,
			want: [][2]string{{"Dora Quill", "Yields will drift higher"}, {"Dora Quill", "curve could steepen"},
				{"Oscar Mendt", "spark for the selloff"}, {"Oscar Mendt", "Growth looks firm"}},
			not: [][2]string{{"Alan Price", "spark for the selloff"}, {"Dora Quill", "Growth looks firm"}}},
		{name: "a capitalised heading is no header", text: "Markets were calm.\n\nKEY POINTS, IN BRIEF: “Yields will drift higher into the new year.”",
			not: [][2]string{{"Key Points", "Yields"}}},
	})
}

// "the Utah Republican", "the Texas Democrat": a party member described by
// the state, not the party.
func TestSaidStatePartyMember(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "reported speech", text: "Markets were calm.\n\nCorwin had been undecided until the Utah Republican tweeted earlier in the day that he would proudly vote for the bill.",
			not: [][2]string{{"Republican Party", "proudly vote"}}},
		{name: "after a quote", text: "Markets were calm.\n\n“We will get a deal in the conference,” the Kentucky Democrat told reporters on Sunday.",
			not: [][2]string{{"Democratic Party", "get a deal"}}},
	})
}
