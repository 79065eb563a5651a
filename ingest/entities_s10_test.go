package ingest

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// hasTriple reports whether the extraction states subject|predicate|object
// by names.
func hasTriple(ext schema.Extraction, want string) bool {
	for _, s := range triples(ext) {
		if s == want {
			return true
		}
	}
	return false
}

// A known organisation or place between a title's complement and a
// person's full name is no part of the person's name.
func TestKnownNameBeforeFullNameIsSplitOff(t *testing.T) {
	ext := extractText(t, "U.S. Ambassador to the United Nations Laura Keller said the council would vote. "+
		"Former ambassador to China Carlos Brandt said trade would suffer.")
	for _, name := range []string{"Laura Keller", "Carlos Brandt"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class != schema.Person {
			t.Errorf("no person %s: %v", name, ext.Entities)
		}
	}
	if e, ok := entityNamed(ext, "United Nations"); !ok || e.Class.Top() != schema.Organization {
		t.Errorf("the United Nations lost: %v", ext.Entities)
	}
	for _, e := range ext.Entities {
		if strings.HasPrefix(e.Name, "United Nations ") || strings.HasPrefix(e.Name, "China ") {
			t.Errorf("a known name glued to a person: %v", e)
		}
	}
	// A place's name that goes on with a given name stays whole.
	ext = extractText(t, "Ships docked at Virginia Beach on Monday.")
	if _, ok := entityNamed(ext, "Virginia Beach"); !ok {
		t.Errorf("Virginia Beach split: %v", ext.Entities)
	}
}

// A body's name whose subject is a list keeps the whole list; bodies
// named in a list stay apart.
func TestBodyNameWithListOfSubjects(t *testing.T) {
	ext := extractText(t, "The House Committee on Energy, Mining and Forestry held a hearing. "+
		"Agents of the Bureau of Fishing, Hunting and Parks arrested him. "+
		"The Senate Committee on Intelligence, FBI and CIA officials met on Friday.")
	for _, name := range []string{"House Committee on Energy, Mining and Forestry", "Bureau of Fishing, Hunting and Parks"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class.Top() != schema.Organization {
			t.Errorf("no organisation %q: %v", name, ext.Entities)
		}
	}
	for _, e := range ext.Entities {
		if e.Name == "Mining" || e.Name == "Forestry" || e.Name == "Hunting" || strings.Contains(e.Name, "FBI and") {
			t.Errorf("a list cut or glued: %v", e)
		}
	}
}

// A county's name before a body's is the body's: the whole is one name.
func TestCountyBodyStaysWhole(t *testing.T) {
	ext := extractText(t, "The Orange County Public Works Department said roads would reopen.")
	if e, ok := entityNamed(ext, "Orange County Public Works Department"); !ok || e.Class.Top() != schema.Organization {
		t.Errorf("the department was cut: %v", ext.Entities)
	}
	if _, ok := entityNamed(ext, "County Public Works Department"); ok {
		t.Errorf("the county's name was cut off: %v", ext.Entities)
	}
}

// A person's election campaign is an organisation; the person is not.
func TestPersonsCampaignIsAnOrganisation(t *testing.T) {
	ext := extractText(t, "A junior Kessler campaign adviser pleaded guilty on Monday. "+
		"Anna Novak, who joined the Kessler campaign in March, said she regretted it. "+
		"Senator Tom Kessler said he knew nothing. The Mosul campaign ended in July.")
	if e, ok := entityNamed(ext, "Kessler campaign"); !ok || e.Class != schema.Organization {
		t.Errorf("no organisation Kessler campaign: %v", ext.Entities)
	}
	for _, e := range ext.Entities {
		if e.Name == "Kessler" && e.Class.Top() == schema.Organization || e.Name == "Mosul campaign" {
			t.Errorf("a person or a war's campaign made an organisation: %v", e)
		}
	}
	if e, ok := entityNamed(ext, "Tom Kessler"); !ok || e.Class != schema.Person {
		t.Errorf("no person Tom Kessler: %v", ext.Entities)
	}
}

// "the agency" names the last body of its kind, not a court named after it.
func TestDescriptionNamesBodyOfItsKind(t *testing.T) {
	ext := extractText(t, "The Federal Mapping Administration withheld the files, the lawsuit said. "+
		"It was filed in the U.S. District Court in Boston. "+
		"Ines Varga, a spokeswoman for the agency, said it would not comment.")
	if !hasTriple(ext, "Ines Varga|works_for|Federal Mapping Administration") {
		t.Errorf("the spokeswoman's agency lost: %v", triples(ext))
	}
	for _, s := range triples(ext) {
		if strings.HasPrefix(s, "Ines Varga|") && strings.HasSuffix(s, "|U.S. District Court") {
			t.Errorf("the agency read as the court: %s", s)
		}
	}
}

// Two nodes of one story never share a name: the city and the state of
// New York are told apart by their tables' names.
func TestCityAndStateOfOneStoryHaveDistinctNames(t *testing.T) {
	ext := extractText(t, "Prices rose in New York on Monday. New York Governor Ada Brennick said the state would appeal.")
	city, ok := entityByIRI(ext, "ent:location/new-york-city")
	state, ok2 := entityByIRI(ext, "ent:location/new-york-state")
	if !ok || !ok2 || city.Name == state.Name {
		t.Fatalf("city and state: %+v / %+v", city, state)
	}
	if !containsStr(city.Aliases, "New York") || !containsStr(state.Aliases, "New York") {
		t.Errorf("the shared name is no alias: %+v / %+v", city, state)
	}
	// Alone, the city keeps the story's name.
	ext = extractText(t, "Prices rose in New York on Monday.")
	if c, ok := entityByIRI(ext, "ent:location/new-york-city"); !ok || c.Name != "New York" {
		t.Errorf("the city alone renamed: %+v", c)
	}
}

// A title's complement that names an organisation is a node of its own;
// offices named by a field stay whole.
func TestTitleComplementOrganisation(t *testing.T) {
	ext := extractText(t, "Spokesman for Norvik Group, a holding firm, declined to comment. "+
		"Maria Lopez, the Executive Director of Clean Fuels Business Council, said on Friday the rule would hurt. "+
		"Secretary of State Rex Tillerson met Chief of Staff John Kelly and Mesa Mayor John Giles.")
	for _, name := range []string{"Norvik Group", "Clean Fuels Business Council"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class.Top() != schema.Organization {
			t.Errorf("no organisation %s: %v", name, ext.Entities)
		}
	}
	if !hasTriple(ext, "Maria Lopez|role|Executive Director") {
		t.Errorf("the title kept its complement: %v", triples(ext))
	}
	for _, want := range []string{"Rex Tillerson|role|Secretary of State", "John Kelly|role|Chief of Staff"} {
		if !hasTriple(ext, want) {
			t.Errorf("missing %s: %v", want, triples(ext))
		}
	}
	if e, ok := entityNamed(ext, "Mesa"); !ok || e.Class.Top() != schema.Location {
		t.Errorf("a mayor's town is no place: %v", ext.Entities)
	}
}

// A party's members opening a sentence name the party; their words are
// not the party's statement.
func TestPartyPluralOpeningSentence(t *testing.T) {
	ext := extractText(t, "The levy bill passed the House on Monday. Democrats are united against it.")
	if e, ok := entityNamed(ext, "Democratic Party"); !ok || e.Class != schema.PoliticalParty {
		t.Errorf("no Democratic Party: %v", ext.Entities)
	}
	ext = extractText(t, "The levy bill passed the House on Monday. Republicans said it would pass the Senate too.")
	for _, s := range triples(ext) {
		if strings.HasPrefix(s, "Republican Party|said|") {
			t.Errorf("some members' words made the party's: %s", s)
		}
	}
}

// Two bodies joined by "and" stay two; one name with "and" stays one.
func TestTwoBodiesJoinedByAnd(t *testing.T) {
	ext := extractText(t, "Officials of the Treasury Department and U.S. Agency for Rural Housing met. "+
		"The Farmers Bank and Trust Company lent the money. Harvard University and Harvard Law School objected.")
	for _, name := range []string{"Treasury Department", "U.S. Agency for Rural Housing", "Farmers Bank and Trust Company", "Harvard University", "Harvard Law School"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class.Top() != schema.Organization {
			t.Errorf("no organisation %q: %v", name, ext.Entities)
		}
	}
	for _, e := range ext.Entities {
		if strings.Contains(e.Name, "Department and") || strings.Contains(e.Name, "University and") {
			t.Errorf("two bodies glued: %v", e)
		}
	}
}

// A country's short name before a body's formal name is part of it, and
// the body's short name after it still names the same node.
func TestCountryBeforeFormalBodyName(t *testing.T) {
	ext := extractText(t, "The U.S. Department of Agriculture said crops were late. "+
		"The 9th U.S. Circuit Court of Appeals ruled on Monday. A panel of the 9th Circuit had heard the case.")
	for _, name := range []string{"U.S. Department of Agriculture", "9th U.S. Circuit Court of Appeals"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class.Top() != schema.Organization {
			t.Errorf("no organisation %q: %v", name, ext.Entities)
		}
	}
	if _, ok := entityNamed(ext, "Circuit"); ok {
		t.Errorf("the court's short name made a node of its own: %v", ext.Entities)
	}
	if _, ok := entityNamed(ext, "9th Circuit"); ok {
		t.Errorf("the court's short name made a node of its own: %v", ext.Entities)
	}
}

// News names Amazon the company far more often than the river; a
// wildlife refuge is a place.
func TestAmazonAndRefuge(t *testing.T) {
	ext := extractText(t, "Amazon said it would hire 5,000 workers. Drilling in the Kodiak National Wildlife Refuge was approved.")
	if e, ok := entityNamed(ext, "Amazon"); !ok || e.Class != schema.Company {
		t.Errorf("Amazon is no company: %v", ext.Entities)
	}
	if e, ok := entityNamed(ext, "Kodiak National Wildlife Refuge"); !ok || e.Class.Top() != schema.Location {
		t.Errorf("the refuge is no place: %v", ext.Entities)
	}
}

// A phrase in capitals is a firm's name only with a firm's head word;
// section heads, slogans and job lines in capitals are no entity.
func TestCapitalisedPhrases(t *testing.T) {
	ext := extractText(t, "STATE AND LOCAL TAXES The bill caps the deduction at $10,000, analysts said. "+
		"PORTFOLIO MANAGER AT KESTREL ASSET MANAGEMENT IN DENVER The market is calm. "+
		"NORVIK SECURITIES said yields would rise. Shares of AT&T rose.")
	for _, e := range ext.Entities {
		if strings.Contains(e.Name, "TAXES") || strings.Contains(e.Name, "PORTFOLIO") {
			t.Errorf("a heading made an entity: %v", e)
		}
	}
	for _, name := range []string{"NORVIK SECURITIES", "AT&T"} {
		if e, ok := entityNamed(ext, name); !ok || e.Class.Top() != schema.Organization {
			t.Errorf("no organisation %q: %v", name, ext.Entities)
		}
	}
}

// A preposition is a weak vote for a place: the recogniser's reading of a
// firm's name outweighs it, and a person's full name before a place
// abbreviation stays a person.
func TestPrepositionDoesNotMakeFirmsPlaces(t *testing.T) {
	ext := extractText(t, "He took a job at Goldman Sachs last year. "+
		"Mueller has evidence to charge Michael Flynn, U.S. President Donald Trump's former adviser. "+
		"Aides met in the Roosevelt Room.")
	if e, ok := entityNamed(ext, "Goldman Sachs"); !ok || e.Class.Top() != schema.Organization {
		t.Errorf("no organisation Goldman Sachs: %v", ext.Entities)
	}
	if e, ok := entityNamed(ext, "Michael Flynn"); !ok || e.Class != schema.Person {
		t.Errorf("no person Michael Flynn: %v", ext.Entities)
	}
	if e, ok := entityNamed(ext, "Roosevelt Room"); !ok || e.Class.Top() != schema.Location {
		t.Errorf("the room is no place: %v", ext.Entities)
	}
}

// A capitalised word hyphenated to a participle modifies a noun.
func TestHyphenatedParticipleIsNoName(t *testing.T) {
	ext := extractText(t, "Voters in Democratic-leaning New Jersey rejected the Senate-passed bill, officials in Winston-Salem said.")
	for _, e := range ext.Entities {
		if strings.Contains(e.Name, "-leaning") || strings.Contains(e.Name, "-passed") {
			t.Errorf("a modifier made a name: %v", e)
		}
	}
	for _, name := range []string{"New Jersey", "Winston-Salem"} {
		if _, ok := entityNamed(ext, name); !ok {
			t.Errorf("no %s: %v", name, ext.Entities)
		}
	}
}
