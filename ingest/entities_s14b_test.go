package ingest

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// A country, a department's word and a secretary's title are the title's
// country and the title: "U.S. Energy" is no company the secretary works
// for. A body known by the whole name ("U.S. Treasury") stays whole.
func TestCountryDepartmentTitleIsNoOrganisation(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "energy", text: "U.S. Energy Secretary Dana Whitlock toured the reactor site in Idaho on Tuesday.",
			want: []string{"Dana Whitlock|role|Energy Secretary", "Dana Whitlock|works_for|U.S."},
			not:  []string{"Dana Whitlock|works_for|U.S. Energy"}},
		{name: "commerce", text: "U.S. Commerce Secretary Carl Brandt met steel producers in Ohio.",
			want: []string{"Carl Brandt|works_for|U.S."},
			not:  []string{"Carl Brandt|works_for|U.S. Commerce"}},
		{name: "homeland security", text: "U.S. Homeland Security Secretary Lena Ortiz visited the border crossing.",
			want: []string{"Lena Ortiz|role|Homeland Security Secretary"},
			not:  []string{"Lena Ortiz|works_for|U.S. Homeland"}},
		{name: "treasury stays", text: "U.S. Treasury Secretary Paul Anders said the bonds would sell.",
			want: []string{"Paul Anders|works_for|U.S. Treasury"}},
	})
	ext := extractText(t, "U.S. Energy Secretary Dana Whitlock toured the reactor site in Idaho on Tuesday.")
	if e, ok := entityNamed(ext, "U.S. Energy"); ok {
		t.Errorf("a company named from a title: %+v", e)
	}
}

// A U.S. state's "State Police" is named with the state; "State
// University" after a state is the state's university.
func TestStateBodyKeepsItsState(t *testing.T) {
	ext := extractText(t, "Ohio State Police said the truck overturned on the interstate late on Friday.")
	if e, ok := entityNamed(ext, "Ohio State Police"); !ok || !e.Class.IsA(schema.Organization) {
		t.Errorf("got %+v (ok=%v), want the organisation Ohio State Police; entities %+v", e, ok, ext.Entities)
	}
	if _, ok := entityNamed(ext, "State Police"); ok {
		t.Errorf("the state was cut off: %+v", ext.Entities)
	}
	if !hasTriple(ext, "Ohio State Police|said|the truck overturned on the interstate late on Friday") {
		t.Errorf("speaker: %v", triples(ext))
	}
}

// "Georgia" in a story about U.S. politics is the state; in a story that
// names the Caucasus (Tbilisi, its neighbours, "the former Soviet
// republic") it is the country.
func TestGeorgiaStateOrCountry(t *testing.T) {
	ext := extractText(t, "Republican Senator Mark Tolliver of Georgia said the bill would pass the Senate. "+
		"The White House and Congress are expected to settle the budget in Washington next week, and voters in Atlanta were split.")
	if e, ok := entityNamed(ext, "Georgia"); !ok || e.Class != schema.Region {
		t.Errorf("the state: got %+v (ok=%v), want a Region", e, ok)
	}
	ext = extractText(t, "Russian troops stayed in two breakaway regions of Georgia after the war. "+
		"Officials in Tbilisi and Washington said the talks would resume, the U.S. State Department said.")
	if e, ok := entityNamed(ext, "Georgia"); !ok || e.Class != schema.Country {
		t.Errorf("the country: got %+v (ok=%v), want a Country", e, ok)
	}
}

// Brunei is a country; a list of neighbours does not place it in another.
func TestBruneiIsACountry(t *testing.T) {
	ext := extractText(t, "Fishing boats from Brunei and the Philippines crowded the reef last month.")
	if e, ok := entityNamed(ext, "Brunei"); !ok || e.Class != schema.Country {
		t.Errorf("got %+v (ok=%v), want the country Brunei", e, ok)
	}
}

// A capitalised "One" after a name ends the name: "Uranium One", not
// "Uranium".
func TestOneEndsAName(t *testing.T) {
	ext := extractText(t, "Investors questioned the sale of Uranium One to a state-owned buyer.")
	if _, ok := entityNamed(ext, "Uranium One"); !ok {
		t.Errorf("want Uranium One; entities %+v", ext.Entities)
	}
	if _, ok := entityNamed(ext, "Uranium"); ok {
		t.Errorf("the name was cut: %+v", ext.Entities)
	}
}

// "a town, New York": after a town no table knows and a comma, New York is
// the state.
func TestTownCommaNewYorkIsTheState(t *testing.T) {
	ext := extractText(t, "Police found the stolen car in Quogue Mill, New York, on Sunday.")
	found := false
	for _, e := range ext.Entities {
		if e.Name == "New York" || e.Name == "New York City" || e.Name == "New York State" {
			found = true
			if e.Class != schema.Region {
				t.Errorf("got %+v, want the state", e)
			}
		}
	}
	if !found {
		t.Errorf("no New York: %+v", ext.Entities)
	}
}

// A county's coroner or clerk is a title before the name, not part of it.
func TestCountyOfficeTitleNotInName(t *testing.T) {
	ext := extractText(t, "Marion County Coroner Jill Pruett said the man died of his injuries.")
	if e, ok := entityNamed(ext, "Jill Pruett"); !ok || e.Class != schema.Person {
		t.Errorf("got %+v (ok=%v), want the person Jill Pruett; entities %+v", e, ok, ext.Entities)
	}
	if !hasTriple(ext, "Jill Pruett|role|Coroner") {
		t.Errorf("no role: %v", triples(ext))
	}
}
