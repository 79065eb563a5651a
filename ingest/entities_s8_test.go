package ingest

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// entityByIRI finds an entity of an extraction by its IRI.
func entityByIRI(ext schema.Extraction, iri string) (schema.Entity, bool) {
	for _, e := range ext.Entities {
		if e.IRI == iri {
			return e, true
		}
	}
	return schema.Entity{}, false
}

// A party is displayed by its family's canonical name, not by the form the
// story used most ("Republican"); other families keep the story's form.
func TestFamilyCanonicalDisplayName(t *testing.T) {
	ext := extractText(t, "Republican lawmakers in the U.S. Senate met on Tuesday. Republicans hold 52 seats, and a Republican aide said the U.S. plan was ready.")
	for iri, want := range map[string]string{
		"ent:organization/republican-party": "Republican Party",
		"ent:location/united-states":        "U.S.",
	} {
		e, ok := entityByIRI(ext, iri)
		if !ok {
			t.Errorf("no %s: %v", iri, ext.Entities)
			continue
		}
		if e.Name != want {
			t.Errorf("%s is named %q, want %q (aliases %v)", iri, e.Name, want, e.Aliases)
		}
	}
	// "Treasury", not a catalogue name.
	ext = extractText(t, "The Treasury said on Monday that the U.S. Senate would vote on the plan.")
	for _, e := range ext.Entities {
		if e.Name == "U.S. Treasury Department" {
			t.Errorf("the Treasury is displayed by its canonical name: %v", e)
		}
	}
}

// A committee's subject with "and" is one name: "House Ways and Means" is
// never "House Ways" and "Means Committee", and every form of it is one node.
func TestCommitteeSubjectWithAndStaysWhole(t *testing.T) {
	ext := extractText(t, "House Ways and Means Committee Chairman Dale Orvik said on Monday the plan would pass. "+
		"Later, House Ways and Means Chairman Dale Orvik called a vote, and Senator Ana Brill of the Senate Energy and Natural Resources Committee objected. "+
		"A member of the tax-writing Ways and Means committee, Representative Tom Keel, agreed.")
	have := map[string]bool{}
	for _, e := range ext.Entities {
		have[e.IRI] = true
	}
	for _, iri := range []string{"ent:organization/house-ways-and-means-committee", "ent:organization/senate-energy-and-natural-resources-committee", "ent:organization/ways-and-means-committee"} {
		if !have[iri] {
			t.Errorf("no %s: %v", iri, ext.Entities)
		}
	}
	for _, iri := range []string{"ent:organization/house-ways", "ent:organization/means-committee", "ent:organization/means", "ent:organization/ways", "ent:organization/house-ways-and-means"} {
		if have[iri] {
			t.Errorf("split committee name %s: %v", iri, ext.Entities)
		}
	}
	e, _ := entityByIRI(ext, "ent:organization/house-ways-and-means-committee")
	if len(e.Aliases) < 2 {
		t.Errorf("the short form is not an alias of the committee: %v", e)
	}
	// A subject alone, without a chamber or a head word, is no committee.
	ext = extractText(t, "Orvik said Ways and Means would decide.")
	if _, ok := entityByIRI(ext, "ent:organization/ways-and-means-committee"); ok {
		t.Errorf("a bare subject became a committee: %v", ext.Entities)
	}
}

// A lone given name is the person of the story with that first name; with
// none, or two, it is no node. After a title it is how someone is known.
func TestLoneGivenName(t *testing.T) {
	ext := extractText(t, "Senate leader Mitch Torvald met Governor Nancy Ebbe on Monday. \"Mitch, get to work,\" the governor wrote. Nancy said later the talks went well.")
	for _, e := range ext.Entities {
		if e.Name == "Mitch" || e.Name == "Nancy" {
			t.Errorf("a given name is a node of its own: %v", e)
		}
	}
	if e, ok := entityByIRI(ext, "ent:person/nancy-ebbe"); !ok || !containsStr(e.Aliases, "Nancy") {
		t.Errorf("Nancy is not an alias of Nancy Ebbe: %v", ext.Entities)
	}
	// No Stacey named in full, then two: neither makes a "Stacey" node.
	for _, text := range []string{
		"His wife, Stacey, posted the bail on Friday, the court said.",
		"Stacey Arden and Stacey Mole both ran. Stacey won the vote, local media said.",
	} {
		ext = extractText(t, text)
		if _, ok := entityByIRI(ext, "ent:person/stacey"); ok {
			t.Errorf("%q: a lone given name became a person: %v", text, ext.Entities)
		}
	}
	// A title makes it a name: "Pope Francis" (since session 13 the
	// regnal title is part of that name: entities_s13_test.go).
	ext = extractText(t, "Pope Francis met the delegation at the Vatican on Sunday.")
	if _, ok := entityByIRI(ext, "ent:person/pope-francis"); !ok {
		t.Errorf("Pope Francis lost: %v", ext.Entities)
	}
	// A surname that looks like a function word stays with its given name.
	ext = extractText(t, "British Prime Minister Theresa May said on Thursday that the visit would go ahead.")
	if _, ok := entityByIRI(ext, "ent:person/theresa-may"); !ok {
		t.Errorf("Theresa May split: %v", ext.Entities)
	}
}

// A name that is a city and a state is the city unless its own context
// says state; the two stay apart in one story, and "New York" is one node
// with "New York City".
func TestCityAndStateOfOneName(t *testing.T) {
	ext := extractText(t, "NEW YORK (Reuters) - New York Governor Ada Brennick said on Monday the state would appeal. "+
		"Representative Tom Alcott of New York agreed, and voters in Ohio, New York and Texas will decide. "+
		"Prices rose in New York City, and traders in New York said so too.")
	city, ok := entityByIRI(ext, "ent:location/new-york-city")
	if !ok || city.Class != schema.City || !containsStr(city.Aliases, "New York") {
		t.Errorf("the city is not one node with its short name: %+v (%v)", city, ext.Entities)
	}
	state, ok := entityByIRI(ext, "ent:location/new-york-state")
	if !ok || state.Class != schema.Region {
		t.Errorf("no state node: %v", ext.Entities)
	}
	if _, ok := entityByIRI(ext, "ent:location/new-york"); ok {
		t.Errorf("a node still joins city and state: %v", ext.Entities)
	}
	leadsState := false
	for _, f := range ext.Facts {
		leadsState = leadsState || f.Subject == "ent:person/ada-brennick" && f.Predicate == "leads" && f.Object == "ent:location/new-york-state"
	}
	if !leadsState {
		t.Errorf("the governor does not lead the state: %v", ext.Facts)
	}
	// Without a state's context the name is the city alone.
	ext = extractText(t, "A Brooklyn fund manager said prices in New York rose on Monday.")
	if _, ok := entityByIRI(ext, "ent:location/new-york-state"); ok {
		t.Errorf("a state without context: %v", ext.Entities)
	}
}

// A bare "Supreme Court" in an American story is the U.S. one; a court a
// mention says is a state's or another country's stays apart, and without
// American context the name stays a node of its own (no guess).
func TestBareSupremeCourtByStoryContext(t *testing.T) {
	ext := extractText(t, "LOUISVILLE, Ky. (Reuters) - A county clerk in Kentucky lost her appeal on Tuesday. "+
		"She had refused to follow the Supreme Court's ruling, her lawyer said in Frankfort, Ky.")
	if _, ok := entityByIRI(ext, "ent:organization/us-supreme-court"); !ok {
		t.Errorf("an American story's Supreme Court is not the U.S. one: %v", ext.Entities)
	}
	// The state's court, named in the same story, is not.
	ext = extractText(t, "HARRISBURG, Pa. (Reuters) - Pennsylvania lawmakers met on Monday. The state Supreme Court ordered new maps, "+
		"and a case from Wisconsin is before the Supreme Court, a lawyer in Ohio said.")
	us, ok := entityByIRI(ext, "ent:organization/us-supreme-court")
	if !ok {
		t.Fatalf("no U.S. Supreme Court: %v", ext.Entities)
	}
	if _, ok := entityByIRI(ext, "ent:organization/supreme-court"); !ok {
		t.Errorf("the state court was merged into the U.S. one: %v", us)
	}
	// A story about another country, or with no place at all, decides nothing.
	for _, text := range []string{
		"ISLAMABAD (Reuters) - Pakistan's Supreme Court disqualified the prime minister, and the Supreme Court's ruling was final, lawyers in Lahore said. Washington made no comment.",
		"The Supreme Court will hear the case next month, the lawyer said.",
	} {
		ext = extractText(t, text)
		if _, ok := entityByIRI(ext, "ent:organization/us-supreme-court"); ok {
			t.Errorf("%q: settled as the U.S. Supreme Court: %v", text, ext.Entities)
		}
	}
}

// A capitalised common word or phrase the recogniser left weakly typed is
// no person ("Bail is …", "Stock Market"); a common word described as a
// person, or a full name, is one.
func TestCommonWordsAreNoPerson(t *testing.T) {
	for _, text := range []string{
		"“Bail is about trust,” the filing said on Monday.",
		"Optimism had reigned earlier in the day, traders said.",
	} {
		for _, e := range extractText(t, text).Entities {
			if e.Class == schema.Person {
				t.Errorf("%q: %v is a person", text, e)
			}
		}
	}
	got, _ := classesOf(t, "Crane, the mayor's driver, was hurt in the crash.")
	if got["Crane"] != schema.Person {
		t.Errorf("a surname that is a common word, described as a person, was lost: %v", got)
	}
}

// A name of the names tables with "and" is one name, and a greeting before
// a holiday is no entity.
func TestFamilyNameWithAndAndGreetings(t *testing.T) {
	ext := extractText(t, "Officials of U.S. Customs and Border Protection said arrests rose. The mayor wished residents a Merry Christmas on Monday.")
	if _, ok := entityByIRI(ext, "ent:organization/us-customs-and-border-protection"); !ok {
		t.Errorf("the agency was split: %v", ext.Entities)
	}
	for _, e := range ext.Entities {
		if e.Class == schema.Person {
			t.Errorf("%v is a person", e)
		}
	}
}
