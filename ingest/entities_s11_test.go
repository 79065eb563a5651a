package ingest

import "testing"

// A demonym of two words points to its place as a one-word demonym does,
// and a territory's demonym to the territory; an ancestry is no home.
func TestDemonymsOfTwoWordsAndAncestry(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "two-word demonym before a title", text: "South Korean President Ana Roth met the delegation on Monday.",
			want: []string{"Ana Roth|leads|South Korea"}, not: []string{"Ana Roth|leads|South Korean"}},
		{name: "a territory's demonym", text: "Puerto Rican Governor Tom Hale asked Congress for aid on Monday.",
			want: []string{"Tom Hale|leads|Puerto Rico"}, not: []string{"Tom Hale|leads|Puerto Rican"}},
		{name: "descent is no home", text: "Tom Hale, a lawmaker of Puerto Rican descent, has made immigration a signature issue.",
			want: []string{"Tom Hale|role|lawmaker"}, not: []string{"Tom Hale|lives_in|Puerto Rico", "Tom Hale|works_for|Puerto Rico"}},
		{name: "origin is no home", text: "Ana Roth, a senator of Mexican origin, spoke against the bill on Monday.",
			want: []string{"Ana Roth|role|senator"}, not: []string{"Ana Roth|lives_in|Mexico", "Ana Roth|works_for|Mexico"}},
	})
}
