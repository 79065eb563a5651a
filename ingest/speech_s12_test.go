package ingest

import "testing"

// A name inside a prepositional phrase is no speaker even when titles
// stand between the preposition and the name; a title's own "of" is no
// such preposition, and a relative clause on the name makes it the
// speaker again.
func TestSaidNameInPhrase(t *testing.T) {
	runSaidCases(t, []saidCase{
		{name: "under a titled name", text: "Markets were calm.\n\nLast year, the commission under Republican President Walter Brennan said the old limits were obsolete after the switch to cable.",
			not: [][2]string{{"Walter Brennan", "old limits"}}},
		{name: "the chairman of the committee", text: "Markets were calm.\n\nThe chairman of the House Budget Committee, Republican Representative Dale Kimball, has said his committee planned to question the bankers in March.",
			not: [][2]string{{"House Budget Committee", "question the bankers"}}},
		{name: "a spokeswoman for a titled name", text: "Markets were calm.\n\nA spokeswoman for Senator Ruth Callahan said the senator would vote against the measure next week.",
			not: [][2]string{{"Ruth Callahan", "vote against"}}},
		{name: "of inside a title", text: "Markets were calm.\n\nU.S. Secretary of State Margaret Ellison said on Tuesday the talks with the rebels would resume next month.",
			want: [][2]string{{"Margaret Ellison", "talks with the rebels"}}},
		{name: "relative clause on the name", text: "Markets were calm.\n\nCutting the tax has been a priority for Governor Martin Fields, who says it will bring new jobs to the state.",
			want: [][2]string{{"Martin Fields", "new jobs"}}},
	})
}
