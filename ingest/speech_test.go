package ingest

import "testing"

// Speakers written after the quote as comma-separated noun phrases: the
// name first (with an age or an appositive after it), or a title first
// and its holder's name in the next segment; a relative clause or a
// possessor between them gives no speaker.
func TestSpeakerSegmentsAfterTheQuote(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "name, age", text: "Markets were calm.\n\nOrla Brennick said the vote was close. “I have known the judge for years and he never lied to us,” Brennick, 52, said.",
			want: []string{"Orla Brennick|said|I have known the judge for years and he never lied to us"}},
		{name: "title, then its holder", text: "Markets were calm.\n\n“It is now the duty of the council to carry out this law in full,” the city’s Speaker of the Assembly, Marta Quill, said in a statement.",
			want: []string{"Marta Quill|said|It is now the duty of the council to carry out this law in full"}},
		{name: "a relative clause between", text: "Markets were calm.\n\n“The council must carry out this law in full,” the woman who spoke to Marta Quill, a lawyer, said.",
			not: []string{"Marta Quill|said|The council must carry out this law in full"}},
	})
}

// "CLAUSE, X said." is reported speech (reported-speech-after, confidence
// below the quotes'); "it said" goes on with an organisation's chain only
// when that organisation is the last one named; a clause that is a quote,
// or a verb with a clause of its own after it, is not read so.
func TestReportedSpeechBeforeItsAttribution(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "clause, org said in a statement", text: "Markets were calm.\n\nBoth leaders backed talks on the border dispute, Norland’s Foreign Ministry said in a statement after the meeting.",
			want: []string{"Foreign Ministry|said|Both leaders backed talks on the border dispute"}},
		{name: "it added, after the ministry", text: "Markets were calm.\n\nBoth leaders backed talks on the border dispute, Norland’s Foreign Ministry said in a statement. The two sides will meet again in May, it added. “Both sides support free passage for all ships,” it said.",
			want: []string{"Foreign Ministry|said|The two sides will meet again in May", "Foreign Ministry|said|Both sides support free passage for all ships"}},
		{name: "it after another organisation was named", text: "Markets were calm.\n\nBoth leaders backed talks on the border dispute, Norland’s Foreign Ministry said in a statement. The Harbour Authority has denied any delay. Ships will sail again in May, it said.",
			not: []string{"Foreign Ministry|said|Ships will sail again in May"}},
		{name: "clause, he said", text: "Markets were calm.\n\nSenator Paul Ostrander met the mayor. The bill will pass before the winter recess, he said.",
			want: []string{"Paul Ostrander|said|The bill will pass before the winter recess"}},
		{name: "a clause after the verb", text: "Markets were calm.\n\nWhen the vote came, Senator Paul Ostrander said the bill was dead.",
			not: []string{"Paul Ostrander|said|When the vote came"}},
		{name: "no finite verb", text: "Markets were calm.\n\nA long night of talks on the budget, Senator Paul Ostrander said.",
			not: []string{"Paul Ostrander|said|A long night of talks on the budget"}},
	})
}

// A quote that ends its own sentence is not what a following "X said
// CLAUSE" says; "X said referring to …" has no statement; a gerund subject
// ("X said ending the rule would …") is one.
func TestQuoteAndClauseBoundaries(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "quote ends, next speaker says a clause", text: "Markets were calm.\n\n“Is anyone from the ministry here? Any spies?” Dana Whitlock asked. “Anybody been to Norland lately?” Counsel Tom Berrow said the firm was raising money for staff.",
			not: []string{"Tom Berrow|said|Anybody been to Norland lately?"}},
		{name: "said referring to", text: "Markets were calm.\n\n“They are talking about the old bill,” Senator Paul Ostrander said referring to the measure offered by Senator Dana Whitlock.",
			want: []string{"Paul Ostrander|said|They are talking about the old bill"},
			not:  []string{"Paul Ostrander|said|referring to the measure offered by Senator Dana Whitlock"}},
		{name: "gerund subject", text: "Markets were calm.\n\nSenator Paul Ostrander said ending the subsidy would hurt farmers in the north.",
			want: []string{"Paul Ostrander|said|ending the subsidy would hurt farmers in the north"}},
		{name: "a quote within the quote with the same marks", text: "Markets were calm.\n\n“I have said it before, “free” is very expensive to somebody,” Governor Ilse Horn said on the radio.",
			want: []string{"Ilse Horn|said|I have said it before, “free” is very expensive to somebody"}},
	})
}

// "she/he said" agrees in sex with its speaker: the quote chain's last
// speaker when the sexes agree, the one person of that sex named just
// before otherwise; "he added" after a woman was named in between goes
// back to the man who spoke, and after a second man was named it goes to
// nobody.
func TestPronounSexAgreement(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "he added after a woman was named", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said.\n\nSenator Marta Quill visited the gates on Monday. “We checked every gate twice this week,” he added.",
			want: []string{"Tom Berrow|said|We checked every gate twice this week"},
			not:  []string{"Marta Quill|said|We checked every gate twice this week"}},
		{name: "she after a man's quote", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. Senator Marta Quill disagreed. “The gates are older than anyone thought,” she said.",
			want: []string{"Marta Quill|said|The gates are older than anyone thought"},
			not:  []string{"Tom Berrow|said|The gates are older than anyone thought"}},
		{name: "Mrs marks a woman whose given name says nothing", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. Mrs. Ashdown, the engineer, disagreed. “The gates are older than anyone thought,” she said.",
			not: []string{"Tom Berrow|said|The gates are older than anyone thought"}},
		{name: "he added after a second man was named", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said.\n\nSenator Paul Ostrander visited the gates on Monday. “We checked every gate twice this week,” he added.",
			not: []string{"Tom Berrow|said|We checked every gate twice this week", "Paul Ostrander|said|We checked every gate twice this week"}},
		// The subject of the sentence right before speaks (narrativeSpeaker),
		// whatever the sex of the person she met.
		{name: "a person of unknown sex as the object: the subject speaks", text: "Markets were calm.\n\nSenator Marta Quill met engineer Robin Ashdown on Monday. “The gates are older than anyone thought,” she said.",
			want: []string{"Marta Quill|said|The gates are older than anyone thought"},
			not:  []string{"Robin Ashdown|said|The gates are older than anyone thought"}},
		{name: "a person of unknown sex named as a speaker keeps the pronoun open", text: "Markets were calm.\n\nSenator Marta Quill will vote for the bill, said engineer Robin Ashdown on Monday. “The gates are older than anyone thought,” she said.",
			not: []string{"Marta Quill|said|The gates are older than anyone thought"}},
		{name: "the one woman of two people named", text: "Markets were calm.\n\nSenator Marta Quill met Mayor Tom Berrow on Monday. “The gates are older than anyone thought,” she said.",
			want: []string{"Marta Quill|said|The gates are older than anyone thought"}},
	})
}

// The chain breaks at a narrative sentence whose subject is another person
// (named before its first verb); the speaker's own narrative keeps it.
func TestQuoteChainBreaks(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "another person's narrative between", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. Water levels rose again on Monday. Engineer Paul Ostrander disputed the figures in a report to the council. The gates will need repairs before the winter, he said.",
			not: []string{"Tom Berrow|said|The gates will need repairs before the winter"}},
		{name: "the speaker's own narrative between", text: "Markets were calm.\n\n“The dam will hold through the spring,” Mayor Tom Berrow said. Water levels rose again on Monday. Berrow visited the gates with two engineers. The gates will need repairs before the winter, he said.",
			want: []string{"Tom Berrow|said|The gates will need repairs before the winter"}},
	})
}

// "“…,” said Democratic strategist X": the party is what the speaker is.
func TestSaidPartyStrategist(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "said party strategist name", text: "Markets were calm.\n\n“This race will change how candidates are vetted,” said Democratic strategist Martin Holloway.",
			want: []string{"Martin Holloway|said|This race will change how candidates are vetted"},
			not:  []string{"Democratic Party|said|This race will change how candidates are vetted"}},
	})
}
