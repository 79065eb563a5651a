package ingest

import "testing"

// Constructions of party, seat and office that the held-out gold found
// missed in session 10, each in sentences we wrote: a politician's state
// beside the party or the legislator's title, a ranked party noun as an
// office, a party's side in a race or a partisan noun, and chief of staff.
func TestPoliticianConstructions(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "state on the party word after the name",
			text: "Senator Lena Park, an Oregon Democrat, said the bill would fail.",
			want: []string{"Lena Park|works_for|Oregon", "Lena Park|member_of|Democratic Party"}},
		{name: "party from a state after the name may be a voter",
			text: "Representative Omar Tate, a Republican from Kansas, criticised the plan.",
			want: []string{"Omar Tate|lives_in|Kansas"}, not: []string{"Omar Tate|works_for|Kansas"}},
		{name: "state and party before the name",
			text: "Nevada Republican Carl Dunn won the seat by 200 votes.",
			want: []string{"Carl Dunn|works_for|Nevada"}},
		{name: "state before a legislator's title",
			text: "Aides to Georgia Senator Ruth Ames declined to comment.",
			want: []string{"Ruth Ames|works_for|Georgia"}},
		{name: "state before a plural title covers both names",
			text: "Officials for Ohio Senators Ruth Ames and Carl Dunn declined to comment.",
			want: []string{"Ruth Ames|works_for|Ohio", "Carl Dunn|works_for|Ohio"}},
		{name: "state, party and title before the name",
			text: "Montana Republican Representative Jo Hale said the vote was close.",
			want: []string{"Jo Hale|works_for|Montana"}},
		{name: "another person's state is not hers",
			text: "Lena Park, a Democrat, met Oregon Senator Carl Dunn on Friday.",
			not:  []string{"Lena Park|works_for|Oregon", "Lena Park|lives_in|Oregon"}},
		{name: "ranked party noun after the name",
			text: "Carl Dunn, the No. 2 Senate Democrat, said talks would resume.",
			want: []string{"Carl Dunn|role|No. 2 Senate Democrat", "Carl Dunn|member_of|Senate", "Carl Dunn|member_of|Democratic Party"}},
		{name: "ranked party noun before the name",
			text: "No. 3 House Republican Jo Hale told reporters the bill was ready.",
			want: []string{"Jo Hale|role|No. 3 House Republican", "Jo Hale|member_of|House"}},
		{name: "a party noun without a rank is no office",
			text: "Carl Dunn, the Senate Republican, said talks would resume.",
			not:  []string{"Carl Dunn|role|Senate Republican", "Carl Dunn|role|Republican"}},
		{name: "party side in a race before the name, with a comma",
			text: "The governor beat his Republican challenger, Omar Tate, in November.",
			want: []string{"Omar Tate|member_of|Republican Party"}},
		{name: "party adjective on a partisan noun",
			text: "Omar Tate, a veteran Democratic operative, ran the campaign.",
			want: []string{"Omar Tate|member_of|Democratic Party"}},
		{name: "party adjective on something else",
			text: "Omar Tate, a target of Republican attacks, spoke on Monday.",
			not:  []string{"Omar Tate|member_of|Republican Party"}},
		{name: "chief of staff after the name",
			text: "Omar Tate, the agency's chief of staff, resigned on Monday.",
			want: []string{"Omar Tate|role|chief of staff"}, not: []string{"Omar Tate|role|chief"}},
		{name: "chief of staff before the name",
			text: "Former White House chief of staff Omar Tate testified on Tuesday.",
			want: []string{"Omar Tate|role|chief of staff"}},
	})
}
