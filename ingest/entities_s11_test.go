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

// Titles as analysts read them: a rank before the title stays in it, a
// possessor's title is not the appositive's, and a title word inside an
// organisation's name titles nobody.
func TestTitleBoundaries(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "the possessor's title is not the appositive's", text: "Trump said he never asked Ana Roth to stop investigating Tom Hale, the president’s former national security adviser.",
			want: []string{"Tom Hale|role|national security adviser"}, not: []string{"Tom Hale|role|president"},
			quals: map[string]string{"Tom Hale|role|national security adviser#former": "true"}},
		{name: "a governor's chief of staff", text: "Ana Roth, the governor's chief of staff, declined to comment on Monday.",
			not: []string{"Ana Roth|role|governor"}},
		{name: "deputy ranks the title", text: "He greeted Velden deputy prime minister Tom Hale at a dinner in Paris.",
			want: []string{"Tom Hale|role|deputy prime minister"}, not: []string{"Tom Hale|role|prime minister"}},
		{name: "deputy press secretary", text: "White House deputy press secretary Ana Roth said the plan would wait.",
			want: []string{"Ana Roth|role|deputy press secretary"}, not: []string{"Ana Roth|role|press secretary"}},
		{name: "a sentence-initial modifier", text: "Special prosecutor Tom Hale is leading a criminal investigation.",
			want: []string{"Tom Hale|role|Special prosecutor"}},
		{name: "Justice inside a centre's name", text: "Ana Roth previously was director of the Velden Juvenile Justice Prosecution Center at the Marrow Institute.",
			not: []string{"Prosecution Center|role|Justice"}},
		{name: "Justice inside an office's name", text: "Trump plans to nominate Ana Roth to oversee the Justice Department’s Office of Juvenile Justice and Delinquency Prevention.",
			not: []string{"and Delinquency Prevention|role|Justice", "and Delinquency Prevention|works_for|Justice Department"}},
	})
}

// "the agency" is the last government body named, never a company.
func TestAgencyIsNoCompany(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "agency after a hotel", text: "Democrats said the Velden Services Agency withheld documents about the Marrow Grand Hotel. Critics say the Marrow Grand Hotel violates the lease. Tom Hale, a spokesman for the agency, declined to comment.",
			want: []string{"Tom Hale|works_for|Velden Services Agency"}, not: []string{"Tom Hale|works_for|Marrow Grand Hotel"}},
	})
}

// "The chairman of X, Republican Senator Y,": the name's own title and
// party stand between the reverse appositive and the name.
func TestReverseAppositiveWithTitledName(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "titled name", text: "The chairman of the Senate Banking Committee, Republican Senator Tom Hale, has said his panel would vote.",
			want: []string{"Tom Hale|role|chairman", "Tom Hale|leads|Senate Banking Committee"}},
	})
}

// A bare surname shared by two people named in full is the story's
// principal (named first), not the relative named last.
func TestBareSurnameIsThePrincipal(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a daughter named in full", text: "Governor Ana Velk met business leaders on Monday. Her daughter Mira Velk, a campaign adviser, also attended. \"The budget is a disaster,\" Velk said.",
			want: []string{"Ana Velk|said|The budget is a disaster"}, not: []string{"Mira Velk|said|The budget is a disaster"}},
	})
}

// "Senator X of Florida": the state is the legislator's seat, not a home
// the sentence states.
func TestLegislatorSeat(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "senator of a state", text: "Republican Senator Tom Hale of Florida published an opinion piece on Friday.",
			want: []string{"Tom Hale|works_for|Florida"}, not: []string{"Tom Hale|lives_in|Florida"}},
		{name: "a resident of a state", text: "Tom Hale of Florida, a retired teacher, wrote to the newspaper.",
			not: []string{"Tom Hale|works_for|Florida"}},
	})
}

// Committee seats: "X, the top Democrat on the Y Committee" and "X, who
// chairs the Y Committee"; a party's member on the floor is no seat.
func TestCommitteeSeats(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "top Democrat on a committee", text: "Senator Ana Roth, the top Democrat on the Senate Budget Committee, said the bill would fail.",
			want: []string{"Ana Roth|member_of|Senate Budget Committee", "Ana Roth|role|top Democrat"}},
		{name: "who chairs", text: "Senator Tom Hale, who chairs the Senate Budget Committee, cast doubt on the plan.",
			want: []string{"Tom Hale|leads|Senate Budget Committee"}},
		{name: "on the floor is no committee", text: "Ana Roth, the top Democrat on the Senate floor, said the bill would fail.",
			not: []string{"Ana Roth|member_of|Senate"}},
	})
}

// A national office works for its country.
func TestNationalOfficeWorksForItsCountry(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "secretary of state", text: "The deal was approved by U.S. Secretary of State Tom Hale on Monday.",
			want: []string{"Tom Hale|works_for|U.S."}},
		{name: "foreign minister", text: "Kenyan Foreign Minister Ana Roth served as president of the assembly.",
			want: []string{"Ana Roth|works_for|Kenya"}},
	})
}

// A wire byline names the reporters, who are no part of the story.
func TestBylineIsNoPerson(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "byline before the dateline", text: "By Tom Velk and Ana Brice WASHINGTON (Reuters) - Lena Velk, 53, heads the Marrow Council for Adoption. Velk said \"families rallied to the cause\" this year.",
			want: []string{"Lena Velk|said|families rallied to the cause"}, not: []string{"Tom Velk|said|families rallied to the cause"}},
	})
}
