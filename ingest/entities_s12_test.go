package ingest

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// In a list of names, the title before the next name is that name's: it
// says nothing of the name before the comma, neither its class nor its
// title.
func TestTitleBeforeTheNextNameInAList(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a list of aides", text: "Investigators have interviewed Tomas Varga, former spokesman Ivo Brand and other officials.",
			want: []string{"Ivo Brand|role|spokesman"}, not: []string{"Tomas Varga|role|spokesman"}},
		{name: "a place before a titled name", text: "In Pell County, where most land lies within Silver Staircase, commissioner Dirk Olsen plans to attend.",
			want: []string{"Dirk Olsen|role|commissioner"}, not: []string{"Silver Staircase|role|commissioner"}},
	})
	ext := extractText(t, "Investigators have interviewed Tomas Varga, former spokesman Ivo Brand and other officials.")
	if e, ok := entityNamed(ext, "Tomas Varga"); !ok || e.Class != schema.Person {
		t.Errorf("Tomas Varga: got %+v, want a Person", e)
	}
}

// A field written in capitals between a rank and a job is part of the
// title; a rank before an organisation's name ranks the title after it.
func TestTitlesAroundCapitals(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "chief FX strategist", text: "“The dollar may not rise,” said Mark Osler, chief FX strategist at Norvik Bank in Toronto.",
			want: []string{"Mark Osler|role|chief FX strategist", "Mark Osler|works_for|Norvik Bank"}, not: []string{"Mark Osler|role|chief", "FX|role|chief"}},
		{name: "a deputy before the office", text: "She wrote to Ivo Brand, a deputy White House chief of staff, on Monday.",
			not: []string{"Ivo Brand|role|deputy"}},
	})
}

// A person's name alone is the person even where the story also names
// the body called after them ("the Kessler administration"), and a bare
// surname is not the son who carries it with "Jr.".
func TestNameAloneIsThePerson(t *testing.T) {
	ext := extractText(t, "The Kessler administration is busy. Kessler said last week he was not leaving.")
	if e, ok := entityNamed(ext, "Kessler"); !ok || e.Class != schema.Person {
		t.Errorf("Kessler: got %+v, want a Person of its own", e)
	}
	if e, ok := entityNamed(ext, "Kessler administration"); ok && containsStr(e.Aliases, "Kessler") {
		t.Errorf("the administration took the man's name: %v", e.Aliases)
	}
	ext = extractText(t, "A lawyer met Tom Kessler Jr. in June. Kessler has denied that his campaign colluded with Moscow. Kessler said so on Monday.")
	if e, ok := entityNamed(ext, "Tom Kessler Jr."); ok && containsStr(e.Aliases, "Kessler") {
		t.Errorf("the son took the bare surname: %v", e.Aliases)
	}
}

// An ordinal is part of a numbered court's, district's or unit's name: the
// 9th and the 4th circuit are two courts, and neither is a person.
func TestOrdinalsNameCourtsApart(t *testing.T) {
	ext := extractText(t, "The 9th U.S. Circuit Court of Appeals, which is based in San Francisco, will hold a hearing. The 4th U.S. Circuit Court of Appeals, based in Richmond, ruled too. A three-judge 9th Circuit panel heard arguments.")
	for _, name := range []string{"9th U.S. Circuit Court of Appeals", "4th U.S. Circuit Court of Appeals"} {
		if e, ok := entityNamed(ext, name); !ok || !e.Class.IsA(schema.Organization) {
			t.Errorf("%s: got %+v, want an organisation", name, e)
		}
	}
	for _, e := range ext.Entities {
		if e.Class.IsA(schema.Person) {
			t.Errorf("no person in the text, got %+v", e)
		}
	}
	runCases(t, []ruleCase{{name: "each court its seat", text: "The 9th U.S. Circuit Court of Appeals, which is based in San Francisco, will hold a hearing. The 4th U.S. Circuit Court of Appeals, based in Richmond, ruled too.",
		want: []string{"9th U.S. Circuit Court of Appeals|based_in|San Francisco", "4th U.S. Circuit Court of Appeals|based_in|Richmond"},
		not:  []string{"9th U.S. Circuit Court of Appeals|based_in|Richmond", "4th U.S. Circuit Court of Appeals|based_in|San Francisco"}}})
}

// A rank before a whole title with no name after it is one title, not a
// rank and a person called by the rest.
func TestRankBeforeAWholeTitle(t *testing.T) {
	ext := extractText(t, "The Deputy National Security Adviser for strategy, Ana Roth, plans to resign early next year.")
	if e, ok := entityNamed(ext, "National Security Adviser"); ok {
		t.Errorf("a title became a node of class %s", e.Class)
	}
	runCases(t, []ruleCase{{name: "title before a name", text: "Deputy National Security Adviser Ana Roth plans to resign.",
		want: []string{"Ana Roth|role|Deputy National Security Adviser"}}})
}

// A state's chamber is a body of its own; "<State> Senate race" is still
// the race for the state's seat in Congress.
func TestStateChambers(t *testing.T) {
	runCases(t, []ruleCase{{name: "a state senate", text: "Ana Roth said a tax hike would not get through the Republican-controlled Vermont Senate.",
		want: []string{"Republican Party|controls|Vermont Senate"}, not: []string{"Republican Party|controls|Senate"}}})
	ext := extractText(t, "Tom Hale won the Vermont Senate race on Tuesday.")
	if _, ok := entityNamed(ext, "Vermont Senate"); ok {
		t.Errorf("a Senate race made a state senate: %v", ext.Entities)
	}
}
