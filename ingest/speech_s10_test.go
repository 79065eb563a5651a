package ingest

import "testing"

// A quote after its speaker, with a time, a medium, an audience or a
// manner between the speech verb and the colon; a participle ("adding:")
// hangs on its clause's subject; a passive ("was asked:") has no speaker.
func TestQuoteBeforeWithATail(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "told an audience somewhere on a day", text: "Markets were calm.\n\nSenator Paul Ostrander told reporters in the Capitol on Tuesday: “The bill will pass before the winter recess.”",
			want: []string{"Paul Ostrander|said|The bill will pass before the winter recess."}},
		{name: "said in a statement, comma", text: "Markets were calm.\n\nGovernor Ilse Horn said in a statement, “We will rebuild every bridge on the coast this year.”",
			want: []string{"Ilse Horn|said|We will rebuild every bridge on the coast this year."}},
		{name: "asked a question, then told", text: "Markets were calm.\n\nAsked whether the council would resign, Mayor Tom Berrow told the local radio station: “Not this year, and not next year.”",
			want: []string{"Tom Berrow|said|Not this year, and not next year."}},
		{name: "adding", text: "Markets were calm.\n\nSenator Paul Ostrander declined to back the plan, adding: “We need a full cost estimate before any vote.”",
			want: []string{"Paul Ostrander|said|We need a full cost estimate before any vote."}},
		{name: "a passive is the audience", text: "Markets were calm.\n\nSenator Paul Ostrander was asked: “Will you run for the seat again next year?”",
			not: []string{"Paul Ostrander|said|Will you run for the seat again next year?"}},
	})
}

// "tweeted" and "asked" attribute quotes; "asked that …" is a request,
// and "said to laughter" says nothing.
func TestTweetedAskedAndSaidTo(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "tweeted", text: "Markets were calm.\n\n“The vote was a disgrace to the whole state,” Governor Ilse Horn tweeted.",
			want: []string{"Ilse Horn|said|The vote was a disgrace to the whole state"}},
		{name: "asked", text: "Markets were calm.\n\n“Who will pay for the new gates on the river?” Senator Paul Ostrander asked.",
			want: []string{"Paul Ostrander|said|Who will pay for the new gates on the river?"}},
		{name: "asked that", text: "Markets were calm.\n\nSenator Paul Ostrander asked that the council delay the vote until the spring.",
			not: []string{"Paul Ostrander|said|the council delay the vote until the spring"}},
		{name: "said to laughter", text: "Markets were calm.\n\nSenator Marta Quill met the crowd. “We are way ahead of the timeline,” she said to laughter from the crowd.",
			want: []string{"Marta Quill|said|We are way ahead of the timeline"},
			not:  []string{"Marta Quill|said|to laughter from the crowd"}},
	})
}

// A quote that opens the sentence after reported speech goes on with its
// speaker; a quote with a speech verb of its own that the rules cannot
// name ("the engineer said") goes to nobody.
func TestQuoteNextAfterReportedSpeech(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "after X said CLAUSE", text: "Markets were calm.\n\nMayor Tom Berrow said the dam would hold through the spring. “We checked every gate twice this week.”",
			want: []string{"Tom Berrow|said|We checked every gate twice this week."}},
		{name: "a speaker of its own", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. “We checked every gate twice this week,” the engineer said.",
			not: []string{"Tom Berrow|said|We checked every gate twice this week"}},
	})
}

// "he said" after a narrative sentence whose subject is one person of
// the pronoun's sex is that person's, even after someone else's quotes;
// not when the subject is a possessor's employee, and not "he added"
// (TestPronounSexAgreement).
func TestPronounAfterNarrativeSubject(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "declined to comment, then he said", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. Water levels rose again on Monday. Senator Paul Ostrander declined to comment on the figures. “We will publish our own report next week,” he said in a statement.",
			want: []string{"Paul Ostrander|said|We will publish our own report next week"},
			not:  []string{"Tom Berrow|said|We will publish our own report next week"}},
		{name: "a possessor is not the subject", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. Water levels rose again on Monday. Senator Paul Ostrander’s lawyer declined to comment on the figures. “We will publish our own report next week,” he said in a statement.",
			not: []string{"Paul Ostrander|said|We will publish our own report next week", "Tom Berrow|said|We will publish our own report next week"}},
	})
}

// Reported speech after a tail of times, media and audiences that ends in
// "that"; a "that" opening a relative clause is no statement.
func TestReportedSpeechAfterATail(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "said on the radio at the time that", text: "Markets were calm.\n\nSenator Paul Ostrander said on the radio at the time that the bridge would reopen in the spring.",
			want: []string{"Paul Ostrander|said|the bridge would reopen in the spring"}},
		{name: "told reporters in a hallway that", text: "Markets were calm.\n\nMayor Tom Berrow told reporters in a hallway of the city hall that the council would vote on Monday.",
			want: []string{"Tom Berrow|said|the council would vote on Monday"}},
		{name: "wrote to the council that", text: "Markets were calm.\n\nMayor Tom Berrow wrote to the council on Friday that the dam would need new gates.",
			want: []string{"Tom Berrow|said|the dam would need new gates"}},
		{name: "a relative clause", text: "Markets were calm.\n\nSenator Paul Ostrander said in the report that was released on Monday the bridge is safe.",
			not: []string{"Paul Ostrander|said|was released on Monday the bridge is safe", "Paul Ostrander|said|the report that was released on Monday the bridge is safe"}},
	})
}

// A pronoun in a relative clause on a noun ("a column he wrote … that")
// is no speaker the chain can name.
func TestReportedSpeechInARelativeClause(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a column he wrote", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. Senator Paul Ostrander urged the council to act, warning in a column he wrote for the Harbour Times that the gates would fail within a year.",
			not: []string{"Tom Berrow|said|the gates would fail within a year", "Paul Ostrander|said|the gates would fail within a year"}},
	})
}

// A phrase before the subject is no relative clause: "During the
// campaign he said …" is the chain's.
func TestReportedSpeechAfterAnOpeningPhrase(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "during the campaign he said", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. During the campaign he said the gates would be replaced within a year.",
			want: []string{"Tom Berrow|said|the gates would be replaced within a year"}},
	})
}

// "X has not said whether …" and "X declined to say whether …" state
// nothing; "The group said …" after its president's quote is the group's
// (or nobody's), never the president's.
func TestReportedSpeechThatStatesNothing(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "has not said whether", text: "Markets were calm.\n\nSenator Paul Ostrander has not said whether he will support the compromise bill on the gates.",
			not: []string{"Paul Ostrander|said|whether he will support the compromise bill on the gates"}},
		{name: "declined to say whether", text: "Markets were calm.\n\nSenator Paul Ostrander declined to say whether he would vote for the compromise bill.",
			not: []string{"Paul Ostrander|said|whether he would vote for the compromise bill"}},
		{name: "the group said after its president", text: "Markets were calm.\n\n“This bill will hurt every builder in the state,” Tom Berrow, the president of the Norland Builders Association, said in an interview. The group said the cap on the deduction was unacceptable to its members.",
			want: []string{"Tom Berrow|said|This bill will hurt every builder in the state"},
			not:  []string{"Tom Berrow|said|the cap on the deduction was unacceptable to its members"}},
	})
}

// An opening prepositional phrase is not the narrative sentence's verb.
func TestPronounAfterAnOpeningPhrase(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "in his remarks, X mocked Y", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. In his remarks, Paul Ostrander repeatedly mocked Berrow. “The folks in the valley were always going to decide, Tom,” he said.",
			want: []string{"Paul Ostrander|said|The folks in the valley were always going to decide, Tom"},
			not:  []string{"Tom Berrow|said|The folks in the valley were always going to decide, Tom"}},
	})
}
