package ingest

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// "then-" and "ex-" glued to a title's first word hid it: the title was
// read from the second word on ("Security Secretary", "President").
func TestThenPrefixKeepsTheWholeTitle(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "then-Homeland Security Secretary", text: "The rule was written by then-Homeland Security Secretary Dana Wirth in 2015.",
			want:  []string{"Dana Wirth|role|Homeland Security Secretary"},
			not:   []string{"Dana Wirth|role|Security Secretary"},
			quals: map[string]string{"Dana Wirth|role|Homeland Security Secretary#former": "true"}},
		{name: "then-Vice President", text: "The deal was signed by then-Vice President Carl Ober in Brussels.",
			want: []string{"Carl Ober|role|Vice President"}, not: []string{"Carl Ober|role|President"}},
	})
}

// A field before a title is the title's ("Budget Director"), not the end
// of the organisation's name before it ("White House Budget").
func TestFieldWordBelongsToTheTitle(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "White House Budget Director", text: "White House Budget Director Sam Holt told lawmakers the plan was sound.",
			want: []string{"Sam Holt|role|Budget Director"}, not: []string{"Sam Holt|leads|White House Budget", "Sam Holt|role|Director"}},
	})
}

// A title closed by its complement, then a military rank: two titles.
func TestTitleWithComplementThenRank(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "Chief of Staff General", text: "The senators met Chief of Staff General Mark Dalton on Monday.",
			want: []string{"Mark Dalton|role|Chief of Staff", "Mark Dalton|role|General"},
			not:  []string{"Mark Dalton|role|Chief of Staff General", "Mark Dalton|role|Staff General"}},
	})
}

// A monarch's or a prince's one name keeps the title: "King Talal" is not
// "Aziz bin Talal", whose last word his name is.
func TestRegnalTitleIsPartOfTheName(t *testing.T) {
	ext := extractText(t, "Crown Prince Aziz bin Talal met foreign envoys in the capital. Queen Margrethe later greeted King Talal at the palace.")
	for _, name := range []string{"Queen Margrethe", "King Talal", "Aziz bin Talal"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class != schema.Person {
			t.Errorf("%s: got %+v, want a Person", name, e)
		}
	}
	if e, ok := entityNamed(ext, "Aziz bin Talal"); ok && (containsStr(e.Aliases, "King Talal") || containsStr(e.Aliases, "Talal")) {
		t.Errorf("the prince took the king's name: %v", e.Aliases)
	}
	if !hasTriple(ext, "Queen Margrethe|role|Queen") {
		t.Errorf("no role Queen: %v", triples(ext))
	}
}

// "Nebraska's Redfield questions whether …": a surname after a state's
// possessive, before a verb, is the state's politician; and the place
// before the possessive is no item of the list before it.
func TestStatePossessiveSurname(t *testing.T) {
	ext := extractText(t, "Like Kessler and Flake, Nebraska’s Redfield questions whether growth will pay for the cuts.")
	for _, name := range []string{"Redfield", "Flake", "Kessler"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class != schema.Person {
			t.Errorf("%s: got %+v, want a Person", name, e)
		}
	}
	if _, ok := entityNamed(ext, "Like Kessler"); ok {
		t.Errorf("a preposition joined the name")
	}
}

// A capitalised speech verb after a name is no part of it.
func TestCapitalisedSpeechVerbEndsTheName(t *testing.T) {
	ext := extractText(t, "Mara Kell, attorney for the State of Vermont Tweeted: “See you in court next month.”")
	if _, ok := entityNamed(ext, "State of Vermont Tweeted"); ok {
		t.Errorf("the verb joined the name: %v", triples(ext))
	}
	if _, ok := entityNamed(ext, "State of Vermont"); !ok {
		t.Errorf("no State of Vermont: %v", triples(ext))
	}
}

// A title word after a first name the tables lack, both one person to the
// recogniser, is a surname: "Sven Prince" is no prince.
func TestTitleWordAsSurname(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "Sven Prince", text: "The panel will also hear from Sven Prince, the founder of a security firm.",
			want: []string{"Sven Prince|role|founder"}, not: []string{"Sven|role|Prince"}},
	})
	ext := extractText(t, "The panel will also hear from Sven Prince, the founder of a security firm.")
	if e, ok := entityNamed(ext, "Sven Prince"); !ok || e.Class != schema.Person {
		t.Errorf("Sven Prince: got %+v, want a Person", e)
	}
}

// "the agency's deputy director, X": a straight apostrophe is read as the
// curly one is, so the deputy director works for the agency named before.
func TestAgencyPossessiveStraightApostrophe(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "straight 's", text: "The Federal Weather Service said on Tuesday that help was coming. The agency's deputy director, Paul Renner, told reporters the money would arrive soon.",
			want: []string{"Paul Renner|works_for|Federal Weather Service"}},
		{name: "curly ’s", text: "The Federal Weather Service said on Tuesday that help was coming. The agency’s deputy director, Paul Renner, told reporters the money would arrive soon.",
			want: []string{"Paul Renner|works_for|Federal Weather Service"}},
	})
}

// "Parks and Coastal Affairs Minister X": two fields joined by "and" name
// one department; the title's holder works for all of it, not its tail.
// A person before "and" stays apart from the title after it.
func TestDepartmentWithAnd(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "two fields", text: "On Monday, Parks and Coastal Affairs Minister Lena Varga said the plan would pass.",
			want: []string{"Lena Varga|works_for|Parks and Coastal Affairs"},
			not:  []string{"Lena Varga|works_for|Coastal Affairs"}},
		{name: "a person before and", text: "Trade Secretary Mark Ellison and Parks Director Lena Varga met on Monday.",
			want: []string{"Mark Ellison|role|Trade Secretary"},
			not:  []string{"Mark Ellison and Parks Director Lena Varga|role|Trade Secretary"}},
	})
}

// A state whose name is also a given name ("Virginia", "Georgia") before a
// title and a person is the place: the title is no surname.
func TestGivenNamePlaceBeforeTitle(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "party of a state, chairman", text: "Green Party of Virginia Chairman Omar Haddad said the count was fair.",
			want: []string{"Omar Haddad|role|Chairman", "Omar Haddad|leads|Green Party of Virginia"}},
	})
}

// A firm noun before a name ("consultancy", "contractor") makes it a firm,
// whatever the recogniser reads in its two capitalised words.
func TestFirmNounBeforeName(t *testing.T) {
	ext := extractText(t, "Nora Blake, an analyst at risk consultancy Halvard Brennick, said exports were slowing. She once worked for security contractor Greywater.")
	for _, name := range []string{"Halvard Brennick", "Greywater"} {
		if e, ok := entityNamed(ext, name); !ok || !e.Class.IsA(schema.Organization) {
			t.Errorf("%s: got %+v, want an Organization", name, e)
		}
	}
}

// "Like Kessler, Nebraska conservative Redfield …": a leaning between a
// state and a name describes the next person; the name before the comma is
// no town of a list.
func TestStateLeaningSurname(t *testing.T) {
	ext := extractText(t, "Like Kessler, Nebraska conservative Redfield questions whether growth will pay for the cuts.")
	for _, name := range []string{"Redfield", "Kessler"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class != schema.Person {
			t.Errorf("%s: got %+v, want a Person", name, e)
		}
	}
}

// "a Kessler loyalist", "a Kessler supporter" say whose side someone is on:
// the name before them is no employer, and a surname the story reads
// weakly stays a person.
func TestPartisanNounKeepsThePerson(t *testing.T) {
	ext := extractText(t, "While Kessler said last week he was staying, critics disagreed. The envoy, a Kessler loyalist and a hard-liner, would take over the post.")
	if e, ok := entityNamed(ext, "Kessler"); !ok || e.Class != schema.Person {
		t.Errorf("Kessler: got %+v, want a Person", e)
	}
}

// "the Super PAC Northern Bridge": the kind of body before its name is no
// part of it, and a head word of places in the name makes no facility.
func TestSuperPACBeforeName(t *testing.T) {
	ext := extractText(t, "The Super PAC Northern Bridge, which backs Democratic candidates, is running ads in three states.")
	if e, ok := entityNamed(ext, "Northern Bridge"); !ok || e.Class != schema.Organization {
		t.Errorf("Northern Bridge: got %+v, want an Organization", e)
	}
	if _, ok := entityNamed(ext, "Super PAC Northern Bridge"); ok {
		t.Errorf("the kind of body joined the name: %v", triples(ext))
	}
}
