package ingest

import "testing"

// Words of violence used for words, plans and history: none of these is a
// killing or an attack by the person named (each construction was found in
// real news as a wrong edge; the sentences here are our own).
func TestFigurativeViolenceIsNoFact(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "fired back at is a retort", text: "Governor Lena Marsh fired back at Senator Paul Dorn on Tuesday over his remarks.",
			not: []string{"Lena Marsh|killed|Paul Dorn"}},
		{name: "progressive killing is no passive", text: "\"Rita Sand is the right envoy, but Omar Bell is killing the whole process.\"",
			not: []string{"Rita Sand|killed|Omar Bell", "Omar Bell|killed|Rita Sand"}},
		{name: "the possessor of what is killed", text: "Senator Hana Cole promised to kill Governor Ivo Marr's pension plan.",
			not: []string{"Hana Cole|killed|Ivo Marr"}},
		{name: "who tells of an assassination", text: "Mayor Dan Pike said on Monday he would release files on the 1968 assassination of Tomas Brel.",
			not: []string{"Dan Pike|killed|Tomas Brel"}},
		{name: "a real assassination stays", text: "Ivo Darr, the gunman, carried out the assassination of Tomas Brel in 1968.",
			want: []string{"Ivo Darr|killed|Tomas Brel"}},
		{name: "a person's attack on a person is words", text: "Rana Vell's attack on Senator Ola Brink was nasty, the party said.",
			want: []string{"Rana Vell|opposes|Ola Brink"}, not: []string{"Rana Vell|attacked|Ola Brink"}},
		{name: "an imagined strike", text: "There are fears that any potential Valdorian strikes against Pellin could provoke retaliation.",
			not: []string{"Valdoria|attacked|Pellin"}},
		{name: "an electoral campaign is no attack", text: "The Brava Party will resume funding the Senate campaign of Roy Tamm after the scandal.",
			not: []string{"Senate|attacked|Roy Tamm", "Brava Party|attacked|Roy Tamm"}},
		{name: "a condition is no fact", text: "The bill would stop any strike on Pellin unless Pellin has first attacked Valdoria.",
			not: []string{"Pellin|attacked|Valdoria"}},
		{name: "the nationality of the one backed", text: "He worked for the party of the Kremlin-backed former Valdorian president, Ivan Rusk.",
			not: []string{"Kremlin|backs|Valdoria"}},
		{name: "a possessive pronoun is no partner", text: "The panel wants documents from the Vela Agency, Ana Holt, Tom Cray, their partners and associates.",
			not: []string{"Tom Cray|allied_with|Vela Agency"}},
	})
}

// Numbers and places that belong to something else than the name before
// them (each found wrong in real news; the sentences are our own).
func TestSubsetsAndSeatsAreNoFacts(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "people living in a country are not its population", text: "The programme protects more than 200,000 people living in Valdoria.",
			not: []string{"Valdoria|population|200000"}},
		{name: "people who live in a town are", text: "About 12,000 people live in the town of Pellin in Valdoria.",
			want: []string{"Pellin|population|12000"}},
		{name: "members of a committee are not a party's strength", text: "All 14 Democratic members of the Budget Committee signed the letter.",
			not: []string{"Democratic Party|strength|14"}},
		{name: "a party holds seats, not ground", text: "He lost a bid for a seat in a suburban Dallas district that has been long held by Republicans, said Ana Holt.",
			not: []string{"Republican Party|controls|Dallas"}},
		{name: "a party's chamber stays", text: "The bill must pass the U.S. Senate, which is controlled by the Republicans.",
			want: []string{"Republican Party|controls|U.S. Senate"}},
		{name: "the subject of operate is the one active", text: "The Vela Times said its members are restricted while Chinese companies operate freely in the U.S. market.",
			not: []string{"Vela Times|active_in|U.S."}},
		{name: "an organisation that operates", text: "The Tarsis Front, which operates in northern Pellin, denied the claim.",
			want: []string{"Tarsis Front|active_in|Pellin"}},
		{name: "an organisation's fighters active", text: "The Tarsis Front (TF) still has roughly 9,000 fighters active across Pellin and Valdoria, the envoy said.",
			want: []string{"Tarsis Front|active_in|Pellin", "Tarsis Front|active_in|Valdoria"}},
	})
}
