package ingest

import "testing"

// "“…,” A and B said in a joint statement": a quote with a list of named
// speakers is each person's; a list that is no plain coordination of names
// ("A’s spokesman and B") or a person inside a part gives no extra speaker.
func TestSaidJointSpeakers(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "two surnames", text: "WASHINGTON (Reuters) - Democrats criticised the bill on Monday.\n\n“This is a plan that helps the rich and hurts the middle class,” Pelosi and Schumer said in a statement.",
			want: [][2]string{{"Pelosi", "This is a plan that helps the rich"}, {"Schumer", "This is a plan that helps the rich"}}},
		{name: "titles, then unnamed heads", text: "DENVER (Reuters) - The city council voted on the law on Monday.\n\n“There is no substitute for this law,” Police Commissioner Dana Kirk, Mayor Paul Ortiz, and the heads of the city's two largest unions wrote in a joint statement.",
			want: [][2]string{{"Dana Kirk", "There is no substitute for this law"}, {"Paul Ortiz", "There is no substitute for this law"}}},
		{name: "possessor is no speaker", text: "DENVER (Reuters) - The city council voted on the law on Monday.\n\n“We will appeal the ruling at once,” Mayor Paul Ortiz's lawyer, Rita Lamb, and the city clerk said.",
			not: [][2]string{{"Paul Ortiz", "We will appeal the ruling"}}},
	})
}

// "“…,” McConnell quipped", "“…,” predicted Senator X": verbs that only
// attribute a quote next to them.
func TestSaidQuoteOnlyVerbs(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "quipped", text: "WASHINGTON (Reuters) - The senator was asked about the tweets on Monday.\n\n“I have not been a fan until this week. I am warming up to it,” Senator Tom Barrow quipped.",
			want: [][2]string{{"Tom Barrow", "I am warming up to it"}}},
		{name: "predicted, inverted", text: "WASHINGTON (Reuters) - The vote is expected on Tuesday.\n\n“We will get the bill to the governor before the holidays, as we promised,” predicted Senate leader Tom Barrow, who said debate would begin on Friday.",
			want: [][2]string{{"Tom Barrow", "We will get the bill to the governor"}}},
		{name: "predicted, after a rank", text: "WASHINGTON (Reuters) - The vote is expected on Tuesday.\n\n“We will get the bill to the governor before the holidays, as we promised,” predicted No. 2 Senate Republican Tom Barrow, who said debate would begin on Friday.",
			want: [][2]string{{"Tom Barrow", "We will get the bill to the governor"}},
			not:  [][2]string{{"Senate", "We will get the bill to the governor"}}},
	})
}

// "The Daily Star said in a commentary that … the United States …. “…
// China …,” it said": bodies named inside what the paper said, in its
// statement or in the quote, do not stand between the pronoun and the
// paper; a body that is the subject of its own sentence in between does.
func TestSaidItAfterNamedSpeaker(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "names in the statement and the quote", text: "BEIJING (Reuters) - Ties between the two countries need careful handling, state media said on Monday.\n\nThe ruling party's official Daily Star said in a commentary that China would work with the United States to build a relationship with no conflict. “In keeping peace on the peninsula, China and the United States have common interests,” it said.",
			want: [][2]string{{"Daily Star", "China and the United States have common interests"}}},
		{name: "another body in between", text: "BEIJING (Reuters) - Ties between the two countries need careful handling, state media said on Monday.\n\nThe ruling party's official Daily Star said in a commentary that the two countries would work together. The Foreign Ministry announced a visit by the trade minister on Tuesday. “In keeping peace on the peninsula, both sides have common interests,” it said.",
			not: [][2]string{{"Daily Star", "both sides have common interests"}}},
	})
}
