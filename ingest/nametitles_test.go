package ingest

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// partyTriples are the rule triples with a party named by its node's IRI
// ("Democrat" in the text is ent:organization/democratic-party).
func partyTriples(ext schema.Extraction) []string {
	var out []string
	for _, f := range ext.Facts {
		if f.Evidence.Rule == "classifier" {
			continue
		}
		s, _ := ext.Entity(f.Subject)
		obj := f.Object
		if o, ok := ext.Entity(f.Object); ok {
			obj = o.Name
			if o.Class == schema.PoliticalParty {
				obj = o.IRI
			}
		}
		out = append(out, s.Name+"|"+f.Predicate+"|"+obj)
	}
	return out
}

// people lists the document's Person entities by name.
func people(ext schema.Extraction) map[string]schema.Entity {
	out := map[string]schema.Entity{}
	for _, e := range ext.Entities {
		if e.Class.IsA(schema.Person) {
			out[e.Name] = e
		}
	}
	return out
}

func TestPartyAndPlaceWordsAreNotPartOfAName(t *testing.T) {
	ext := extractText(t, "Democrat Laura Pennington won the seat on Tuesday. Pennington thanked her supporters. "+
		"Laura Pennington will be sworn in next month. Oregon Democrat Marcus Hale said the bill would pass. "+
		"Republican Senators Walter Brandt and Joan Keller met on Friday. "+
		"But the Republican Brandt said it was up to voters.")
	ps := people(ext)
	for name := range ps {
		for _, w := range []string{"Democrat", "Republican", "Senator", "Oregon"} {
			if strings.Contains(name, w) {
				t.Errorf("person named with %q: %q", w, name)
			}
		}
	}
	lp, ok := ps["Laura Pennington"]
	if !ok || !containsStr(lp.Aliases, "Pennington") {
		t.Fatalf("\"Democrat Laura Pennington\" and \"Pennington\" are not one person: %v", ps)
	}
	got := partyTriples(ext)
	for _, want := range []string{
		"Laura Pennington|member_of|ent:organization/democratic-party",
		"Marcus Hale|member_of|ent:organization/democratic-party",
		"Walter Brandt|role|Senator",
		"Walter Brandt|member_of|ent:organization/republican-party",
	} {
		if !containsStr(got, want) {
			t.Errorf("missing %s in %v", want, got)
		}
	}
	if len(ps) != 4 {
		t.Errorf("want 4 people (Pennington, Hale, Brandt, Keller), got %v", ps)
	}
}

func TestTitlesBeforeANameBecomeItsRole(t *testing.T) {
	ext := extractText(t, "West Virginia Secretary of Commerce H. Moss Carrington resigned on Monday. "+
		"Deputy Attorney General Peter Vance appointed him. Senate Republican John Kellerman objected.")
	ps := people(ext)
	for _, n := range []string{"H. Moss Carrington", "Peter Vance", "John Kellerman"} {
		if _, ok := ps[n]; !ok {
			t.Errorf("no person %q: %v", n, ps)
		}
	}
	got := partyTriples(ext)
	for _, want := range []string{
		"H. Moss Carrington|role|Secretary of Commerce",
		"Peter Vance|role|Deputy Attorney General",
		"John Kellerman|member_of|ent:organization/republican-party",
	} {
		if !containsStr(got, want) {
			t.Errorf("missing %s in %v", want, got)
		}
	}
}

func TestGroupsAreNoPerson(t *testing.T) {
	ext := extractText(t, "House Republicans rejected the plan on Monday. Senate Democrats said they would vote against it. "+
		"Senators said they could not understand the delay. Two senior U.S. House of Representatives Republicans said on Friday they agreed. "+
		"A Senate Republican said the vote would wait. A Georgia Democrat said it would not.")
	if ps := people(ext); len(ps) != 0 {
		t.Errorf("groups typed Person: %v", ps)
	}
}

func TestNamesThatOnlyLookTitled(t *testing.T) {
	// A place or a title word that is part of the name, or an organisation
	// that opens with a party's word, is left whole.
	ext := extractText(t, "Virginia Lopez said she would run again. Republican Tom Houston agreed with her. "+
		"The Republican National Committee said it would pay. Major League Baseball said the season would start late.")
	ps := people(ext)
	for _, n := range []string{"Virginia Lopez", "Tom Houston"} {
		if _, ok := ps[n]; !ok {
			t.Errorf("no person %q: %v", n, ps)
		}
	}
	for name := range ps {
		if strings.Contains(name, "Committee") || name == "League Baseball" || name == "Lopez" {
			t.Errorf("not a person: %q", name)
		}
	}
	if !containsStr(partyTriples(ext), "Tom Houston|member_of|ent:organization/republican-party") {
		t.Errorf("party of \"Republican Tom Houston\" lost: %v", triples(ext))
	}
}

func TestAnAdjectiveOpeningASentenceIsNoName(t *testing.T) {
	ext := extractText(t, "Speaker Marcus Hale posed for photos. “Poor Hale and Brandt relegated to props,” she wrote.")
	ps := people(ext)
	if _, ok := ps["Poor Hale"]; ok {
		t.Errorf("\"Poor\" kept in a name: %v", ps)
	}
	if h, ok := ps["Marcus Hale"]; !ok || !containsStr(h.Aliases, "Hale") {
		t.Errorf("\"Poor Hale\" is not Marcus Hale: %v", ps)
	}
}

func TestHonorificAndSurnameResolveToTheFullName(t *testing.T) {
	for _, text := range []string{
		"Former prime minister Anthony Fenwick said he was tired. Mr Fenwick left early. Mr. Fenwick returned on Friday. Fenwick declined to comment.",
		// The short forms first, the full name later (a headline's order).
		"Mr. Fenwick arrived late. Former prime minister Anthony Fenwick later said he was tired. Mr Fenwick left.",
	} {
		ext := extractText(t, text)
		ps := people(ext)
		if len(ps) != 1 {
			t.Fatalf("want one person, got %v (%q)", ps, text)
		}
		if _, ok := ps["Anthony Fenwick"]; !ok {
			t.Errorf("not named by the full name: %v", ps)
		}
	}
	// Two people with one surname: "Mr Fenwick" does not guess.
	ext := extractText(t, "Anthony Fenwick met Clara Fenwick on Monday. Mr Fenwick said nothing.")
	if ps := people(ext); len(ps) < 2 {
		t.Errorf("two Fenwicks merged: %v", ps)
	}
}
