package ingest

import "testing"

// "chief" ranks a job; only a leader noun at the end of the title makes
// its holder lead the organisation.
func TestChiefRanksAJob(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "chief economist works there", text: "Rates will rise, said Ada Kirch, chief economist at Velden Bank.",
			want: []string{"Ada Kirch|works_for|Velden Bank"}, not: []string{"Ada Kirch|leads|Velden Bank"}},
		{name: "chief operating officer works there", text: "Ben Ortz, the chief operating officer of Velden Bank, resigned.",
			not: []string{"Ben Ortz|leads|Velden Bank"}},
		{name: "chief executive leads", text: "Ben Ortz, the chief executive of Velden Bank, resigned.",
			want: []string{"Ben Ortz|leads|Velden Bank"}},
	})
}
