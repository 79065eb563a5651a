package ingest

import (
	"strings"
	"testing"
)

func TestCommaPlaceNeedsContainment(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a country that modifies the next noun", text: "At a ceremony in Lisbon, U.S. planemaker Arcwing Co signed a deal.",
			not: []string{"Lisbon|located_in|U.S.", "Lisbon|located_in|United States"}},
		{name: "a state before a noun still contains the town", text: "Police searched the Fairfax, Virginia home of a lobbyist.",
			want: []string{"Fairfax|located_in|Virginia"}},
		{name: "town and country", text: "The talks were held in Porto, Portugal, on Monday.",
			want: []string{"Porto|located_in|Portugal"}},
	})
}

func TestUnnamedBodiesAndCoordinatedHomes(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "chairman of a chamber's committee does not lead the chamber", text: "Ona Reyes, chairman of the Senate tax committee, said the vote would come Monday.",
			not: []string{"Ona Reyes|leads|Senate"}},
		{name: "head of a city office does not lead the city", text: "Piet Vos, head of the Marshall Fund's Lisbon office, said talks went well.",
			not: []string{"Piet Vos|leads|Lisbon"}},
		{name: "a surname and a newcomer with his home", text: "Reyes met senators on Monday. Reyes and Tom Albright of Utah are in talks.",
			want: []string{"Tom Albright|lives_in|Utah"}, not: []string{"Ona Reyes|lives_in|Utah", "Reyes|lives_in|Utah"}},
		{name: "two newcomers share their institution", text: "Mary Blight and David Welch of Harvard University wrote the study.",
			want: []string{"Mary Blight|works_for|Harvard University", "David Welch|works_for|Harvard University"}},
	})
}

func TestRoleTexts(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a department names its secretary", text: "Treasury Secretary Mara Quill said the plan would pass.",
			want: []string{"Mara Quill|role|Treasury Secretary"}, not: []string{"Mara Quill|role|Secretary"}},
		{name: "a long department name", text: "Housing and Urban Development Secretary Ben Tarrow will travel to the island.",
			want: []string{"Ben Tarrow|role|Housing and Urban Development Secretary"}},
		{name: "a deputy keeps the whole title", text: "Vice Foreign Minister Lin Hao met the envoy.",
			not: []string{"Lin Hao|role|Foreign Minister"}},
		{name: "a judgement is no part of the role", text: "Sam Berrow, an outspoken former adviser who left the agency in August, spoke on Monday.",
			want:  []string{"Sam Berrow|role|adviser"},
			quals: map[string]string{"Sam Berrow|role|adviser#former": "true"}},
		{name: "a fellow party member holds no fellowship", text: "Governor Ana Cole, a fellow Democrat, dismissed the plan.",
			not: []string{"Ana Cole|role|fellow"}},
	})
}

func TestWorldRegionIsABeat(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a continent is no home", text: "Tom Ferris, Asia analyst at risk consultancy Halden Maplecroft, said the deals were small.",
			not: []string{"Tom Ferris|lives_in|Asia"}},
		{name: "a minister for a region", text: "Norway's Middle East minister Ola Berg tweeted on Monday.",
			not: []string{"Ola Berg|lives_in|Middle East"}},
		{name: "a state still is", text: "Ray Dunn, a lawyer in Tulsa, Oklahoma, said the deal was fair.",
			want: []string{"Ray Dunn|lives_in|Tulsa"}},
	})
}

func TestPossessiveUnnamedBody(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "chairman of a chamber's committee", text: "Jon Wade, chairman of the Senate's armed services committee, said he was troubled.",
			not: []string{"Jon Wade|leads|Senate"}},
	})
}

func TestClauseSubjectIsNoAppositive(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a title that opens the next clause", text: "Before they thanked him for intervening with Chinese President Wu Lan, the Republican president had wondered whether they would.",
			not: []string{"Wu Lan|member_of|Republican", "Wu Lan|member_of|Republican Party"}},
		{name: "a true appositive", text: "Wu Lan, the Chinese president, said talks went well.",
			want: []string{"Wu Lan|role|president"}},
		{name: "a Fed governor sits on the Board", text: "Fed Governor Ray Quill was an ally.",
			want: []string{"Ray Quill|member_of|Fed"}, not: []string{"Ray Quill|leads|Fed"}},
	})
}

func TestOpeningAdjectiveIsNoName(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "an adjective that opens a sentence", text: "Top White House economic adviser Gary Lund was a contender.",
			want: []string{"Gary Lund|works_for|White House"}, not: []string{"Gary Lund|works_for|Top White House"}},
	})
}

func TestPartyWingIsNoParty(t *testing.T) {
	ext := extractText(t, "Conservative Republicans said on Tuesday they would try to pass the bill.")
	for _, e := range ext.Entities {
		if strings.HasPrefix(e.Name, "Conservative") {
			t.Errorf("a wing of a party became the entity %q (%s)", e.Name, e.Class)
		}
	}
}

// A candidate for a body's seat neither works for it nor leads it; the
// title stays.
func TestCandidateHoldsNoSeat(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a Senate candidate", text: "Republican Senate candidate Rod Marlow of Alabama denied the allegations on Friday.",
			want: []string{"Rod Marlow|role|Senate candidate"}, not: []string{"Rod Marlow|works_for|Senate"}},
		{name: "a presidential nominee", text: "Democratic presidential nominee Ada Vance of Ohio spoke on Monday.",
			not: []string{"Ada Vance|leads|United States", "Ada Vance|works_for|United States"}},
		{name: "a committee's chairman still leads it", text: "Senate Finance Committee Chairman Orvin Hatchett said the vote would wait.",
			want: []string{"Orvin Hatchett|leads|Senate Finance Committee"}},
	})
}

func TestNamesakeIsNoHome(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a firm named after the lawyer", text: "He hired attorney Walter Mack of the law firm of Doar Rieck in New York and attorney Tao Lin of Lin, Becker and Marsh in Washington, his spokesman said.",
			want: []string{"Tao Lin|role|attorney"}, not: []string{"Tao Lin|lives_in|Lin"}},
		{name: "a real home stays", text: "Ana Ruiz of Ohio, a retired teacher, said the vote would wait.",
			want: []string{"Ana Ruiz|lives_in|Ohio"}},
		{name: "a senator's state is the seat (session 11)", text: "Senator Ana Ruiz of Ohio said the vote would wait.",
			want: []string{"Ana Ruiz|works_for|Ohio"}},
	})
}

func TestActNounIsNoTitle(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "an assessment of a firm, then its speaker", text: "The reply did not change the agency’s assessment of Halvard Labs, Breck said.",
			not: []string{"Breck|works_for|Halvard Labs"}},
		{name: "a Fed governor abbreviated", text: "Ann Vole would join Fed Gov. Lia Brand atop the central bank.",
			not: []string{"Lia Brand|leads|Fed"}},
	})
}

func TestNameEdgesFromTheCorpus(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "an adjective after a dateline's dash", text: "WASHINGTON (Reuters) - Prominent Denver lobbyist Tom Pedesta stepped down on Monday.",
			want: []string{"Tom Pedesta|role|lobbyist"}, not: []string{"Tom Pedesta|works_for|Prominent Denver"}},
		{name: "a rival opens the sentence", text: "Rival Republican Senate candidate Pat Morrow said so.",
			want: []string{"Pat Morrow|role|Senate candidate"}},
		{name: "a judge's leaning", text: "Liberal Justice Sam Breyerson is 79.",
			not: []string{"Sam Breyerson|member_of|Liberal", "Sam Breyerson|works_for|Liberal"}},
		{name: "an office's adjective", text: "Strzok did not seem excited about Democratic Presidential candidate Hilda Clayton, either.",
			want: []string{"Hilda Clayton|member_of|Democratic Party"}, not: []string{"Hilda Clayton|works_for|Democratic Presidential"}},
		{name: "the chairman's party before the chamber's committee", text: "“I would prefer not having it,” Republican Senate Finance Committee Chairman Orvin Hatchett told reporters.",
			want: []string{"Orvin Hatchett|leads|Senate Finance Committee"}, not: []string{"Orvin Hatchett|leads|Republican Senate Finance Committee"}},
	})
}
