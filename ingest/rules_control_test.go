package ingest

import "testing"

// Party control of a chamber (rules_control.go). The sentences are written
// for this test: each construction the rule reads, and the suppositions,
// modals and look-alikes it must leave alone.
func TestPartyControlsChamber(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "hyphen controlled", text: "The Republican-controlled Senate approved the loan guarantee on Friday.",
			want: []string{"Republican Party|controls|Senate"}, not: []string{"Republican Party|backs|Senate"}},
		{name: "hyphen led reads no backing", text: "A bill from the Democratic-led House reached the governor.",
			want: []string{"Democratic Party|controls|House"}, not: []string{"Democratic Party|backs|House"}},
		{name: "hyphen phrase takes no time of the verb", text: "The Republican-controlled Senate approved the loan guarantee on Friday.",
			quals: map[string]string{"Republican Party|controls|Senate#time": ""}},
		{name: "verb at sentence start", text: "Democrats control the Senate, and the budget talks stalled.",
			want: []string{"Democratic Party|controls|Senate"}},
		{name: "both chambers of Congress, chambers named elsewhere", text: "Republicans control both chambers of Congress. The House voted first and the Senate waited.",
			want: []string{"Republican Party|controls|House", "Republican Party|controls|Senate"}},
		{name: "both chambers without Congress gives nothing", text: "Labour controls both chambers of the assembly. The House met and the Senate waited.",
			not: []string{"Labour|controls|House", "Labour|controls|Senate", "Labour Party|controls|House"}},
		{name: "majority with a margin", text: "Democrats hold a 51-49 majority in the Senate after the special election.",
			want: []string{"Democratic Party|controls|Senate"}},
		{name: "relative clause", text: "The veto angered Republicans, who hold a slim majority in the Senate.",
			want: []string{"Republican Party|controls|Senate"}},
		{name: "where clause", text: "The measure now moves to the House, where Democrats have a narrow majority.",
			want: []string{"Democratic Party|controls|House"}},
		{name: "party majority in", text: "The House of Representatives met on Monday. The Democratic majority in the House shrank after two resignations.",
			want: []string{"Democratic Party|controls|House of Representatives"}},
		{name: "supposition", text: "If Democrats win control of the House in November, the inquiry will resume.",
			not: []string{"Democratic Party|controls|House"}},
		{name: "supposition with control verb", text: "If Republicans control the Senate next year, the nominee will be confirmed.",
			not: []string{"Republican Party|controls|Senate"}},
		{name: "modal", text: "Republicans could lose control of the Senate in the autumn vote.",
			not: []string{"Republican Party|controls|Senate"}},
		{name: "negation", text: "Democrats do not control the House, aides noted.",
			not: []string{"Democratic Party|controls|House"}},
		{name: "winning is no holding", text: "Democrats hope to win a majority in the House next year.",
			not: []string{"Democratic Party|controls|House"}},
		{name: "the White House is no chamber", text: "The Republican-controlled White House issued a statement.",
			not: []string{"Republican Party|controls|White House"}},
	})
}
