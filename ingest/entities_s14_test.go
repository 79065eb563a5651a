package ingest

import (
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// A town's name that is the surname of a person the story named in full
// is that person's surname, not the town: the quote and the facts go to
// the person. The town keeps its word after "in" and before its state.
func TestSurnameOfEarlierPersonIsNoTown(t *testing.T) {
	ext := extractText(t, "Judge Helen Marsh Jackson ordered the files sealed on Monday. "+
		"\"The court will not be rushed,\" Jackson said. Jackson also set a hearing for May. "+
		"The defendant later flew to Jackson, Mississippi, for a rally.")
	e, ok := entityNamed(ext, "Helen Marsh Jackson")
	if !ok || e.Class != schema.Person || !containsStr(e.Aliases, "Jackson") {
		t.Errorf("the judge: got %+v, want a Person with the alias Jackson", e)
	}
	if !hasTriple(ext, "Helen Marsh Jackson|said|The court will not be rushed") {
		t.Errorf("no quote for the judge: %v", triples(ext))
	}
	found := false
	for _, e := range ext.Entities {
		if e.Name == "Jackson" && e.Class.IsA(schema.Location) {
			found = true
		}
	}
	if !found {
		t.Errorf("Jackson, Mississippi lost its town: %+v", ext.Entities)
	}
	ext = extractText(t, "Governor Paul Dayton signed the bill. Dayton told reporters it would pass.")
	if e, ok := entityNamed(ext, "Dayton"); ok {
		t.Errorf("Dayton after Governor Paul Dayton: got %+v, want the governor's alias", e)
	}
}

// A descriptor the name drops ("newspaper", "company") is no part of the
// entity's name even when the story uses it.
func TestDescriptorNotInName(t *testing.T) {
	ext := extractText(t, "Most voters backed the plan, according to the Tulsa Courier newspaper. The Tulsa Courier reported that turnout was high.")
	if e, ok := entityNamed(ext, "Tulsa Courier"); !ok || !e.Class.IsA(schema.MediaOutlet) {
		t.Errorf("got %+v (ok=%v), want the paper named Tulsa Courier; entities %+v", e, ok, ext.Entities)
	}
}

// "Google and Facebook Inc": a known company before "and" and a suffix
// after it are two companies.
func TestKnownCompanyAndSuffixedCompany(t *testing.T) {
	ext := extractText(t, "Advertisers moved money to platforms like Google and Twitter Inc last year.")
	for _, name := range []string{"Google", "Twitter Inc"} {
		if e, ok := entityNamed(ext, name); !ok || !e.Class.IsA(schema.Organization) {
			t.Errorf("%s: got %+v, want an Organization", name, e)
		}
	}
	if _, ok := entityNamed(ext, "Google and Twitter Inc"); ok {
		t.Errorf("one company of two: %+v", ext.Entities)
	}
}

// "Muslim-majority Malaysia": a capitalised modifier with a hyphen hid
// the country it modifies.
func TestHyphenModifierBeforeName(t *testing.T) {
	ext := extractText(t, "Several neighbours, particularly Catholic-majority Philippines, have voiced concern over the crackdown.")
	if e, ok := entityNamed(ext, "Philippines"); !ok || !e.Class.IsA(schema.Location) {
		t.Errorf("got %+v, want the country Philippines; entities %+v", e, ext.Entities)
	}
}

// A department named before its secretary's title opening a sentence: the
// tagger reads "Housing" as a common noun.
func TestSentenceInitialDepartmentBeforeTitle(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "Housing and Urban Development", text: "Housing and Urban Development Secretary Ana Whitcomb toured the flooded homes on Friday.",
			want: []string{"Ana Whitcomb|works_for|Housing and Urban Development"}},
		{name: "Health and Human Services", text: "Health and Human Services Secretary Dale Pruitt resigned on Friday.",
			want: []string{"Dale Pruitt|works_for|Health and Human Services"}},
	})
}

// "Our Children's Trust": a possessive capitalised inside a sentence opens
// a group's name.
func TestOurOpensGroupName(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "Our Children's Trust", text: "The suit was brought by Our Children's Trust, a group based in Oregon.",
			want: []string{"Our Children's Trust|based_in|Oregon"}, not: []string{"Children's Trust|based_in|Oregon"}},
	})
}

// "the House tax committee": a chamber's committee named by its field in
// lower case is a body its chairman leads, not the chamber.
func TestChamberFieldCommittee(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "House tax committee", text: "Representative Dale Morrow, chairman of the House tax committee, said the bill would change.",
			want: []string{"Dale Morrow|leads|House tax committee"}},
		{name: "Senate intelligence committee member", text: "Senator Rita Olsen, a member of the Senate intelligence committee, said the panel would meet.",
			want: []string{"Rita Olsen|member_of|Senate intelligence committee"}},
		{name: "no field", text: "Senator Rita Olsen, a member of the Senate committee, said the panel would meet.",
			not: []string{"Rita Olsen|member_of|Senate committee"}},
	})
	ext := extractText(t, "The Senate tax committee chief Paul Ostrow said the vote would wait.")
	if _, ok := entityNamed(ext, "Senate tax committee"); ok {
		t.Errorf("a title's words made a committee: %+v", ext.Entities)
	}
}

// An alliance or a coalition is a party only with a party's word in its
// name: "News Media Alliance" is a trade group.
func TestAllianceIsNoPartyWithoutPartyWord(t *testing.T) {
	ext := extractText(t, "Dora Keel, a spokeswoman for the Plastics Recycling Alliance, criticised the rule. The Democratic Alliance won the council vote.")
	if e, ok := entityNamed(ext, "Plastics Recycling Alliance"); !ok || e.Class != schema.Organization {
		t.Errorf("got %+v, want a plain Organization", e)
	}
	if e, ok := entityNamed(ext, "Democratic Alliance"); !ok || e.Class != schema.PoliticalParty {
		t.Errorf("got %+v, want a PoliticalParty", e)
	}
}

// "an adviser to Trump's campaign": a candidate's campaign named with the
// possessive is the organisation "Trump campaign", which people work for.
func TestPossessiveCampaign(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "adviser to X's presidential campaign", text: "Lena Voss, a former policy adviser to Mark Halvorsen's presidential campaign, pleaded guilty on Monday.",
			want: []string{"Lena Voss|works_for|Halvorsen campaign"}},
	})
	ext := extractText(t, "Senator Ruth Abend said on Monday that Abend's campaign to ban plastic bags had failed.")
	if _, ok := entityNamed(ext, "Abend campaign"); ok {
		t.Errorf("an effort 'to' do something made a campaign body: %+v", ext.Entities)
	}
}

// A paper's word at the end of a body's name after "for"/"of" does not
// make it a paper; a given name before a paper's word is a person.
func TestPaperWordInsideOtherNames(t *testing.T) {
	ext := extractText(t, "The appeal went to the Bureau for Pension Review in March. Megan Post, the group's director, said it would appeal.")
	if e, ok := entityNamed(ext, "Bureau for Pension Review"); !ok || !e.Class.IsA(schema.Government) {
		t.Errorf("got %+v, want a government body; entities %+v", e, ext.Entities)
	}
	if e, ok := entityNamed(ext, "Megan Post"); !ok || e.Class != schema.Person {
		t.Errorf("got %+v, want a Person", e)
	}
}

// Market notes in capitals: "NAME, TITLE, FIRM IN CITY, ST:" keeps the
// city out of the firm, and "FIRM (from research note):" is no region.
func TestCapitalsMarketNote(t *testing.T) {
	ext := extractText(t, "Stocks rose on Monday. "+
		"ANNA FELDT, CHIEF MARKET STRATEGIST, HALVERSON ADVISORY SERVICES IN ATLANTA, GA: “The vote changes little.” "+
		"TOM REDDICK, HEAD OF CURRENCY STRATEGY, KLINE BROTHERS TRUST (from research note): “The dollar slipped.”")
	if e, ok := entityNamed(ext, "HALVERSON ADVISORY SERVICES"); !ok || !e.Class.IsA(schema.Organization) {
		t.Errorf("the firm: got %+v; entities %+v", e, ext.Entities)
	}
	if e, ok := entityNamed(ext, "GA"); !ok || e.Class != schema.Region {
		t.Errorf("the state's code after the town: got %+v", e)
	}
	for _, e := range ext.Entities {
		if e.Name == "KLINE BROTHERS TRUST" && e.Class.IsA(schema.Location) {
			t.Errorf("a firm before a parenthesis typed a place: %+v", e)
		}
	}
}
