package ingest

import "testing"

// "“…,” the Conservative speaker said": a description after a quote names
// the one person described that way shortly before; a second person of the
// same title needs the description's place word to tell them apart; a
// party word alone only fits the person named last; an unnamed source's
// description ("the official") names nobody named before.
func TestSaidDescriptionSpeaker(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "title after the quote", text: "LONDON (Reuters) - The council will adopt new rules, Speaker Martin Hale said on Tuesday.\n\n“Our aim is to make clear that abuse of any kind has no place in this chamber,” the Conservative speaker said in a statement.",
			want: [][2]string{{"Martin Hale", "abuse of any kind has no place"}}},
		{name: "place word picks one of two presidents", text: "LIMA (Reuters) - Chilean President Rosa Medina met U.S. President Donald Trump on Monday.\n\nLater, Medina was asked how she had answered the criticism. “I will not explain myself. It is an insult,” the Chilean president said in a long answer.",
			want: [][2]string{{"Rosa Medina", "I will not explain myself"}},
			not:  [][2]string{{"Donald Trump", "I will not explain myself"}}},
		{name: "judge", text: "NEW YORK (Reuters) - U.S. District Judge Anna Weiss dismissed the lawsuit on Thursday.\n\nWeiss said the plaintiffs had not shown any harm. “It is only natural that the hotel drew more guests after the election,” the judge wrote.",
			want: [][2]string{{"Anna Weiss", "It is only natural that the hotel"}}},
		{name: "party word, another person named last", text: "DENVER (Reuters) - Voters in the hometown of Republican candidate Roy Gale were divided.\n\nMary Tolan, a retired teacher, said she had not decided. “I will pray about it tonight,” the 64-year-old Republican said.",
			not: [][2]string{{"Roy Gale", "I will pray about it"}}},
		{name: "unnamed official", text: "PARIS (Reuters) - Defence official Marc Aubry said on Monday the talks had ended.\n\nA senior official, who asked not to be named, said the deal was close. “We are nearly there,” the official said.",
			not: [][2]string{{"Marc Aubry", "We are nearly there"}}},
	})
}

// "X defended the plan. “A. B. C,” he said": a quote running over several
// sentences is the person the narrative sentence before it is about, not
// nobody (the sentence before the pronoun is inside the quote); two
// persons in that sentence leave it open.
func TestSaidQuoteOverSentences(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "narrative subject before the quote", text: "PARIS (Reuters) - Foreign Minister Henri Dubois has been criticised by lawmakers.\n\nDubois defended the ministry when he was asked about morale. “The reform is going to fix all of that. And this ministry is doing very well. It is simply not true,” he said on Monday.",
			want: [][2]string{{"Henri Dubois", "The reform is going to fix all of that"}}},
		{name: "she, a woman subject", text: "AUSTIN (Reuters) - The state asked for more money.\n\nWhite House spokeswoman Maria Holt defended the request. “Until now the state has not paid anything. We think it should do its share,” she said.",
			want: [][2]string{{"Maria Holt", "Until now the state has not paid anything"}}},
		{name: "two persons, no speaker", text: "AUSTIN (Reuters) - The state asked for more money.\n\nNeither Tom Reyes nor Paul Brandt explained the delay. “We did nothing wrong. We followed the rules,” he said.",
			not: [][2]string{{"Tom Reyes", "We did nothing wrong"}, {"Paul Brandt", "We did nothing wrong"}}},
	})
}

// "X sidestepped the question saying: “…”": a participle that introduces
// a quote without a comma before it still hangs on its verb, whose subject
// speaks; "quoted Y as saying" is Y's quote, never the subject's.
func TestSaidParticipleWithoutComma(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "time, then writing", text: "OTTAWA (Reuters) - The vote is due on Tuesday.\n\nGovernor Peter Lund lambasted Mary Cole on Twitter on Tuesday writing, “Lightweight lawyer Mary Cole, who once begged me for a job, is now fighting me in court.”",
			want: [][2]string{{"Peter Lund", "Lightweight lawyer Mary Cole"}},
			not:  [][2]string{{"Mary Cole", "Lightweight lawyer Mary Cole"}}},
		{name: "object, then saying", text: "OTTAWA (Reuters) - The vote is due on Tuesday.\n\nAsked whether he wanted the minister to stay, Premier Dan Shaw sidestepped the question saying: “She is here. She is working.”",
			want: [][2]string{{"Dan Shaw", "She is here. She is working"}}},
		{name: "quoted as saying", text: "OTTAWA (Reuters) - The vote is due on Tuesday.\n\nIn a tweet, candidate Ron Vale quoted Premier Dan Shaw as saying, “Go get them, Ron!”",
			not: [][2]string{{"Ron Vale", "Go get them"}}},
	})
}

// After a quote closed by its comma: a name with a relative clause ("Ana
// Ruiz, who chairs the panel, said"), a possessor's spokesman named in an
// apposition ("Ruiz’s spokesman, Tom Li, said": the spokesman speaks), an
// organisation's title holder with "of" in the name ("Labour Party of
// Ontario Chairman Sam Kerr said"). A quote that ends its sentence is not
// what the next sentence's "Secretary of State X told reporters …" says.
func TestSaidSpeakerPhraseAfterQuote(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "relative clause", text: "BOSTON (Reuters) - The bank was criticised on Monday.\n\n“Your effort to politicize the agency runs counter to its mission,” Senator Ana Ruiz, who helped create the agency, wrote in a letter.",
			want: [][2]string{{"Ana Ruiz", "Your effort to politicize the agency"}}},
		{name: "possessor's spokesman named", text: "BOSTON (Reuters) - The race tightened on Monday.\n\n“Our candidate believes the voters will hold the senator to account,” Ruiz’s spokesman, Tom Lindqvist, said in a statement.",
			want: [][2]string{{"Tom Lindqvist", "Our candidate believes the voters"}},
			not:  [][2]string{{"Ruiz", "Our candidate believes the voters"}}},
		{name: "of inside the organisation", text: "BOSTON (Reuters) - The vote was close on Monday.\n\n“Today, our opponents carried the day,” Labour Party of Ontario Chairman Sam Kerr said in a statement emailed to Reuters.",
			want: [][2]string{{"Sam Kerr", "Today, our opponents carried the day"}}},
		{name: "sentence-final quote, next sentence's own statement", text: "BOSTON (Reuters) - The talks were stalled.\n\nOne diplomat was blunt. “Lee is precisely that person, but the president is killing the whole process.” Secretary of State Rex Tolliver told reporters on Monday the country was probing for an opening.",
			not: [][2]string{{"Rex Tolliver", "Lee is precisely that person"}}},
	})
}

// "“…,” the committee said": an organisation's description after a quote
// is the one body of that kind named in the sentence before (coref.go's
// window: a dateline's "(Reuters)" there would be a second body).
func TestSaidOrganisationDescription(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "committee", text: "WASHINGTON (Reuters) - The Senate Ethics Committee said on Thursday it had opened an inquiry into Senator Tom Vale.\n\nThe senator has said he will cooperate with the inquiry. The Senate Ethics Committee had declined to comment last week.\n\n“While the committee does not comment on pending matters, in this case it confirms the inquiry,” the committee said in a statement.",
			want: [][2]string{{"Senate Ethics Committee", "While the committee does not comment"}}},
	})
}

// "Ana Ruiz, 65, is a Republican. She views the bill as a giveaway. “…,”
// she said": a sentence whose subject is the pronoun itself, naming
// nobody, passes the narrative subject on from the sentence before; a
// sentence that names another person stops it.
func TestSaidPronounSubjectChain(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "she views, she said", text: "MEDIA, Pa. (Reuters) - Voters in the district are split.\n\nIda Marsh, 65, is a registered Republican but said she is unhappy with the party. She views the tax bill as a gift to the rich. “I will probably just vote Democrat,” she said.",
			want: [][2]string{{"Ida Marsh", "I will probably just vote Democrat"}}},
		{name: "another person named in between", text: "MEDIA, Pa. (Reuters) - Voters in the district are split.\n\nMike Allard, 35, a day trader, did not vote last year. He thinks the economy will help Congressman Pat Green next year. “Local shops like the way things are going,” he said.",
			not: [][2]string{{"Mike Allard", "Local shops like the way"}, {"Pat Green", "Local shops like the way"}}},
	})
}
