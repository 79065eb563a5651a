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

// "who" names a person: a relative clause after "a veteran of the Agency"
// is about the person of the appositive, not the agency; and representing
// a client or a state is no employment.
func TestWhoAndRepresents(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "who reaches past an organisation", text: "\"We heard nothing,\" said Dora Kemp, a veteran of the Velden Agency who joined the Marrow Institute this year.",
			want: []string{"Dora Kemp|member_of|Marrow Institute"}, not: []string{"Velden Agency|member_of|Marrow Institute"}},
		{name: "a lawyer represents a client", text: "Rates will rise, said Tom Hale, a lawyer who has represented Velden Motors, and Ana Ruiz.",
			not: []string{"Tom Hale|works_for|Velden Motors"}},
		{name: "a senator represents a state", text: "\"This bill is a test,\" wrote Senator Ana Roth, who represents Kentucky.",
			not: []string{"Ana Roth|works_for|Kentucky"}},
	})
}

// A person's staff works for that person; kin, rivals and a bare chairman
// do not.
func TestStaffWorkForAPerson(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "possessive spokesman", text: "Senator Ada Kirch's spokesman Tom Hale declined to comment.",
			want: []string{"Tom Hale|works_for|Ada Kirch"}},
		{name: "a lawyer for a person", text: "Tom Hale, a lawyer for Ada Kirch, declined to comment on Friday.",
			want: []string{"Tom Hale|works_for|Ada Kirch"}},
		{name: "appositive possessive", text: "Tom Hale, Ada Kirch's campaign manager, declined to comment.",
			want: []string{"Tom Hale|works_for|Ada Kirch"}},
		{name: "former campaign manager", text: "Agents raided the home of Governor Ada Kirch's former campaign manager Tom Hale on Monday.",
			want: []string{"Tom Hale|works_for|Ada Kirch"}, quals: map[string]string{"Tom Hale|works_for|Ada Kirch#former": "true"}},
		{name: "a rival serves nobody", text: "Senator Ada Kirch's rival Tom Hale won the primary.",
			not: []string{"Tom Hale|works_for|Ada Kirch"}},
		{name: "a wife serves nobody", text: "Senator Ada Kirch's wife Lena Kirch spoke first.",
			not: []string{"Lena Kirch|works_for|Ada Kirch"}},
	})
}

// Endorsing is backing, as a verb or as the backer's noun; a name after
// the comma that speaks, and "the Alabama Republican" (a person), are not
// what was endorsed.
func TestEndorsementIsBacking(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "endorsed", text: "Senator Ada Kirch has endorsed Tom Hale and praised him at a rally in Pensacola.",
			want: []string{"Ada Kirch|backs|Tom Hale"}},
		{name: "possessive endorsement", text: "Despite Ada Kirch's endorsement of Tom Hale, polls show him trailing.",
			want: []string{"Ada Kirch|backs|Tom Hale"}},
		{name: "a speaker after the comma", text: "A day after Governor Ada Kirch endorsed Tom Hale, Lena Ortz said the race was open.",
			want: []string{"Ada Kirch|backs|Tom Hale"}, not: []string{"Ada Kirch|backs|Lena Ortz"}},
		{name: "the Alabama Republican is a person", text: "The party will resume funding Tom Hale's campaign after Ada Kirch endorsed the Alabama Republican.",
			not: []string{"Ada Kirch|backs|Republican Party"}},
		{name: "support for a bill names nobody", text: "Ada Kirch's support for the tax bill surprised the Velden Party.",
			not: []string{"Ada Kirch|backs|Velden Party"}},
	})
}

// A critic or an opponent of somebody opposes them, in an appositive, a
// copula or a noun before the name.
func TestCriticsOppose(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "appositive critic", text: "Mark Holt, a vocal critic of Senator Ana Ruiz, spoke first on Monday.",
			want: []string{"Mark Holt|opposes|Ana Ruiz"}},
		{name: "copula critic", text: "Governor Mark Holt has been a vocal critic of the Vela Times, and opposed its sale.",
			want: []string{"Mark Holt|opposes|Vela Times"}},
		{name: "critic before the name", text: "President Tom Hale backs the bill, and frequent Hale critic Ana Ruiz hopes to take the seat.",
			want: []string{"Ana Ruiz|opposes|Tom Hale"}},
		{name: "not a critic", text: "Governor Mark Holt has never been a critic of the Vela Times.",
			not: []string{"Mark Holt|opposes|Vela Times"}},
	})
}

// A former title is the title, marked former: its holders share one node.
func TestFormerTitleIsTheTitle(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "former before a possessive staff title", text: "Agents questioned Governor Ada Kirch's former campaign manager, Tom Hale, on Monday.",
			want:  []string{"Tom Hale|role|campaign manager"},
			not:   []string{"Tom Hale|role|former campaign manager"},
			quals: map[string]string{"Tom Hale|role|campaign manager#former": "true"}},
		{name: "a present title stays unmarked", text: "Agents questioned Governor Ada Kirch's campaign manager, Tom Hale, on Monday.",
			want:  []string{"Tom Hale|role|campaign manager"},
			quals: map[string]string{"Tom Hale|role|campaign manager#former": ""}},
	})
}

// An adjective that is part of the title stays in it after a possessive.
func TestPossessiveTitleAdjectives(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "national security adviser", text: "Investigators questioned Governor Ada Kirch's national security adviser, Tom Hale, on Monday.",
			want: []string{"Tom Hale|role|national security adviser"}, not: []string{"Tom Hale|role|security adviser"}},
	})
}

// An age before the title is no part of it.
func TestAgeBeforeTitle(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a 63-year-old former attorney", text: "The race is tight between Tom Hale and Democrat Ana Ruiz, a 63-year-old former federal prosecutor.",
			want: []string{"Ana Ruiz|role|federal prosecutor"}, not: []string{"Ana Ruiz|role|63-year-old former federal prosecutor"}},
		{name: "a 36-year-old surgeon", text: "Rudi Kosta, a 36-year-old plastic surgeon, said he would vote.",
			want: []string{"Rudi Kosta|role|plastic surgeon"}},
	})
}
