package ingest

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// entityNamed finds an entity of an extraction by its display name.
func entityNamed(ext schema.Extraction, name string) (schema.Entity, bool) {
	for _, e := range ext.Entities {
		if e.Name == name {
			return e, true
		}
	}
	return schema.Entity{}, false
}

// A month's abbreviation without a period is a month only next to a day or
// a year; before a surname it is a given name.
func TestMonthAbbreviationBeforeSurnameIsGivenName(t *testing.T) {
	ext := extractText(t, "Jan Holmqvist, a historian at Lund University, said the archive would open. The archive closed on Jan 5 and reopened in Jan 2016.")
	if e, ok := entityNamed(ext, "Jan Holmqvist"); !ok || e.Class.Top() != schema.Person {
		t.Errorf("no person Jan Holmqvist: %v", ext.Entities)
	}
	if _, ok := entityNamed(ext, "Holmqvist"); ok {
		t.Errorf("the given name Jan was dropped: %v", ext.Entities)
	}
	for _, e := range ext.Entities {
		if e.Name == "Jan" {
			t.Errorf("a month read as a name: %v", e)
		}
	}
}

// A possessive inside a company's name keeps the name whole: the tables'
// possessive names, and an unknown owner word before a company's head.
func TestPossessiveInsideCompanyName(t *testing.T) {
	ext := extractText(t, "Tom Arkell, an analyst at Moody’s Investors Service, said the rating was stable. "+
		"Hadley’s Analytics Chief Economist Rosa Venn said growth would slow. Moody's said on Monday it would review the bonds. "+
		"China's Commerce Ministry said it would respond.")
	for _, name := range []string{"Moody’s Investors Service", "Hadley’s Analytics", "Moody's"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class.Top() != schema.Organization {
			t.Errorf("no organisation %s: %v", name, ext.Entities)
		}
	}
	for _, e := range ext.Entities {
		if e.Name == "Moody" || e.Name == "Analytics" || e.Name == "Hadley" || e.Name == "China’s Commerce Ministry" || e.Name == "China's Commerce Ministry" {
			t.Errorf("a possessive cut or glued a name: %v", e)
		}
	}
}

// A name the tables do not know is a company, not a person, when the story
// gives it a company's cue somewhere: a ticker, "shares of", "X's chief
// executive", "the X said"; a ticker's code is no entity.
func TestCorporateCuesMakeAnUnknownNameACompany(t *testing.T) {
	ext := extractText(t, "Regulators sued Dravient (DRVT.O), a student loan servicer, on Tuesday. Dravient said it would fight the case. "+
		"Shares of Quillmark fell 4 percent after Quillmark's chief executive resigned. "+
		"But the Lantern Post said the report was wrong. Mara Quill, an analyst at Ostrova, said the bank erred.")
	for _, name := range []string{"Dravient", "Quillmark", "Lantern Post", "Ostrova"} {
		e, ok := entityNamed(ext, name)
		if !ok || e.Class.Top() != schema.Organization {
			t.Errorf("%s is %v, want an organisation: %v", name, e.Class, ext.Entities)
		}
	}
	if e, ok := entityNamed(ext, "Mara Quill"); !ok || e.Class != schema.Person {
		t.Errorf("a person with a given name is still one: %v", ext.Entities)
	}
	if _, ok := entityNamed(ext, "DRVT"); ok {
		t.Errorf("a ticker's code is an entity: %v", ext.Entities)
	}
}

// "Acting Homeland Security Secretary X": the title's modifier that ends a
// known name is the name's, and "Acting" is the title's, never an
// organisation's.
func TestActingTitleBeforeKnownBody(t *testing.T) {
	ext := extractText(t, "Acting Homeland Security Secretary Dana Morrow said on Friday the program would end.")
	for _, e := range ext.Entities {
		if e.Name == "Acting Homeland" || e.Name == "Acting Homeland Security" || e.Name == "Security Secretary" {
			t.Errorf("a title split inside a known name: %v", e)
		}
	}
	if e, ok := entityNamed(ext, "Homeland Security"); !ok || e.Class.Top() != schema.Organization {
		t.Errorf("no Homeland Security: %v", ext.Entities)
	}
}

// A bare "House" is the U.S. House only in a story about Congress; in a
// story about a state's legislature it stays a node of its own.
func TestBareHouseInStateLegislatureStory(t *testing.T) {
	iri := func(ext schema.Extraction) []string {
		var out []string
		for _, e := range ext.Entities {
			if e.Name == "House" || e.Class.Top() == schema.Organization && e.IRI == "ent:organization/us-house-of-representatives" {
				out = append(out, e.IRI)
			}
		}
		return out
	}
	state := extractText(t, "Vermont voters approved the measure on Tuesday. Republican Governor Phil Scott opposes it, and the legislature must now fund it, the state's Speaker of the House, Mitzi Johnson, said. Democrats hold the House.")
	for _, i := range iri(state) {
		if i == "ent:organization/us-house-of-representatives" {
			t.Errorf("a state's House read as the U.S. House: %v", state.Entities)
		}
	}
	congress := extractText(t, "Republicans in Congress hope to pass the bill this week. The House approved it on Thursday, and Democrats in Vermont's legislature objected.")
	got := iri(congress)
	if len(got) != 1 || got[0] != "ent:organization/us-house-of-representatives" {
		t.Errorf("the House of a story about Congress: %v", got)
	}
}

// Person-sample construction (seed 16): a building named after a title and
// a name is a place with no person in it.
func TestFacilityNamedAfterTitleIsNoPerson(t *testing.T) {
	ext := extractText(t, "The drone was shot down near King Faisal Airport on Sunday. President Kennedy Airport reopened.")
	for _, e := range ext.Entities {
		if e.Class.Top() == schema.Person {
			t.Errorf("no person in these sentences: %v", e)
		}
	}
	if e, ok := entityNamed(ext, "King Faisal Airport"); !ok || e.Class.Top() != schema.Location {
		t.Errorf("no airport: %v", ext.Entities)
	}
}
