package ingest

import "testing"

// Opposition said with verbs of accusation and derision, with a relative
// clause, with a noun (attacks on, a lawsuit against) or with a rival's
// noun ("Hale's Democratic opponent, Ana Ruiz").
func TestOpposesConstructions(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "accused", text: "Ana Ruiz accused Tom Hale of lying to voters in Kessel.",
			want: []string{"Ana Ruiz|opposes|Tom Hale"}},
		{name: "mocked", text: "Tom Hale mocked Ana Ruiz at a rally in Kessel on Friday.",
			want: []string{"Tom Hale|opposes|Ana Ruiz"}},
		{name: "accused in a relative clause", text: "The mayor met Ana Ruiz, who accused Tom Hale of lying to voters.",
			want: []string{"Ana Ruiz|opposes|Tom Hale"}, not: []string{"Tom Hale|opposes|Ana Ruiz"}},
		{name: "not accused", text: "Ana Ruiz did not accuse Tom Hale of lying to voters.",
			not: []string{"Ana Ruiz|opposes|Tom Hale"}},
		{name: "an accusation of a third party is no opposition of the accuser's object",
			text: "Tom Hale was accused by prosecutors of fraud on Monday.",
			not:  []string{"Tom Hale|opposes|prosecutors"}},
		{name: "rival reverse appositive", text: "Tom Hale's Democratic opponent, Ana Ruiz, leads in the polls.",
			want: []string{"Ana Ruiz|opposes|Tom Hale"}},
		{name: "rival before the name", text: "Tom Hale's rival Ana Ruiz spoke in Kessel on Friday.",
			want: []string{"Ana Ruiz|opposes|Tom Hale"}},
		{name: "a predecessor is no opponent", text: "Tom Hale's predecessor, Ana Ruiz, spoke in Kessel on Friday.",
			not: []string{"Ana Ruiz|opposes|Tom Hale"}},
		{name: "lawsuit against", text: "The Vela Society filed a lawsuit against the Tarsis Bureau on Monday.",
			want: []string{"Vela Society|opposes|Tarsis Bureau"}},
		{name: "railed against", text: "Ana Ruiz railed against the Tarsis Bureau on Monday.",
			want: []string{"Ana Ruiz|opposes|Tarsis Bureau"}},
		{name: "possessive attacks", text: "Ana Ruiz's attacks on Tom Hale grew sharper this week.",
			want: []string{"Ana Ruiz|opposes|Tom Hale"}},
		{name: "critical of", text: "Ana Ruiz has been critical of Tom Hale since the election in Kessel.",
			want: []string{"Ana Ruiz|opposes|Tom Hale"}},
		{name: "not critical of", text: "Ana Ruiz has not been critical of Tom Hale since the election.",
			not: []string{"Ana Ruiz|opposes|Tom Hale"}},
		{name: "criticized the opponent, a name", text: "Ana Ruiz criticized Hale's Democratic opponent, Tom Vail, at a rally on Friday.",
			want: []string{"Ana Ruiz|opposes|Tom Vail"}},
		{name: "a dateline is no accuser", text: "KESSEL (Reuters) - A woman has accused Tom Hale, the Republican candidate, of fraud.",
			not: []string{"Reuters|opposes|Tom Hale"}},
		{name: "possessive criticism", text: "Ana Ruiz's criticism of the Tarsis Bureau surprised the mayor.",
			want: []string{"Ana Ruiz|opposes|Tarsis Bureau"}},
	})
}

// Support said with a relative clause, a possessive noun (Hale's
// endorsement of Ruiz), or campaigning for a candidate.
func TestBacksConstructions(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "endorsed in a relative clause", text: "Tom Hale, who endorsed Ana Ruiz, spoke in Kessel on Monday.",
			want: []string{"Tom Hale|backs|Ana Ruiz"}},
		{name: "possessive support", text: "Tom Hale's support for Ana Ruiz angered party leaders.",
			want: []string{"Tom Hale|backs|Ana Ruiz"}},
		{name: "possessive endorsement", text: "Despite Tom Hale's endorsement of Ana Ruiz, the polls show a close race.",
			want: []string{"Tom Hale|backs|Ana Ruiz"}},
		{name: "support of a thing is no backing of its owner", text: "Tom Hale's support for Ana Ruiz's plan angered party leaders.",
			not: []string{"Tom Hale|backs|Ana Ruiz"}},
		{name: "backed the opponent, a name", text: "Ana Ruiz originally backed Hale's opponent, Senator Tom Vail, in the primary.",
			want: []string{"Ana Ruiz|backs|Tom Vail"}, not: []string{"Ana Ruiz|backs|Tom Hale"}},
		{name: "voiced support for", text: "Ana Ruiz on Friday voiced support for Tom Hale, the Republican candidate.",
			want: []string{"Ana Ruiz|backs|Tom Hale"}},
		{name: "voted for", text: "Ana Ruiz voted for Tom Hale in the primary last year.",
			want: []string{"Ana Ruiz|backs|Tom Hale"}},
		{name: "did not vote for", text: "Ana Ruiz did not vote for Tom Hale in the primary.",
			not: []string{"Ana Ruiz|backs|Tom Hale"}},
		{name: "one of the defenders", text: "Senator Ana Ruiz, one of Tom Hale's staunchest defenders in Congress, would be named.",
			want: []string{"Ana Ruiz|backs|Tom Hale"}},
		{name: "a supporter of", text: "Ana Ruiz, a longtime supporter of Tom Hale, spoke in Kessel.",
			want: []string{"Ana Ruiz|backs|Tom Hale"}},
		{name: "a critic is no supporter", text: "Ana Ruiz, a longtime critic of Tom Hale, spoke in Kessel.",
			not: []string{"Ana Ruiz|backs|Tom Hale"}},
		{name: "campaigned for", text: "Ana Ruiz campaigned for Tom Hale on Friday.",
			want: []string{"Ana Ruiz|backs|Tom Hale"}},
		{name: "would not campaign for", text: "Ana Ruiz said she would not campaign for Tom Hale in Kessel.",
			not: []string{"Ana Ruiz|backs|Tom Hale"}},
	})
}

// A person named after an organisation and a title ("Vela Bureau
// spokeswoman Ana Ruiz criticized …") is the actor of the clause; the
// parser hangs the name off the organisation, which is not the actor.
func TestTitledPersonActs(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "place title person attacks in words", text: "KESSEL (Reuters) - Valdoria President Dora Kemp attacked Marrow's Tom Vail at the end of a summit for raising questions.",
			want: []string{"Dora Kemp|opposes|Tom Vail"}, not: []string{"Valdoria|opposes|Tom Vail"}},
		{name: "org title person criticizes", text: "Vela Council spokeswoman Dora Kemp criticized the Tarsis Front on Monday.",
			want: []string{"Dora Kemp|opposes|Tarsis Front"}, not: []string{"Vela Council|opposes|Tarsis Front"}},
	})
}

// The White House is an office, not a chamber: its staff work for it,
// also under a title with an of-complement (Chief of Staff).
func TestWhiteHouseTitles(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "chief of staff", text: "White House Chief of Staff Tom Vail said on Monday the talks would go on.",
			want: []string{"Tom Vail|works_for|White House"}},
		{name: "capitalised counsel", text: "The lawyers briefed White House Counsel Dora Kemp on Friday.",
			want: []string{"Dora Kemp|works_for|White House"}},
		{name: "chief of staff of a firm", text: "Vela Group Chief of Staff Tom Vail resigned on Monday.",
			want: []string{"Tom Vail|works_for|Vela Group"}},
	})
}
