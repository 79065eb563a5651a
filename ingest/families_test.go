package ingest

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// entitiesByIRI lists a document's entities (statements left out) by IRI.
func entitiesByIRI(ext schema.Extraction) map[string]schema.Entity {
	out := map[string]schema.Entity{}
	for _, e := range ext.Entities {
		if e.Class != schema.Statement {
			out[e.IRI] = e
		}
	}
	return out
}

func TestAmbiguousChamberNamesAreSettledPerDocument(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       map[string]string // IRI → an alias it must have
		not        []string          // IRIs that must not exist
	}{
		{
			name: "long form in the story",
			text: "Democrats in the House of Representatives unveiled a plan on Monday. The House will vote on it next week.",
			want: map[string]string{"ent:organization/house-of-representatives": "House"},
			not:  []string{"ent:organization/house", "ent:location/house", "ent:organization/representatives"},
		},
		{
			name: "context family in the story",
			text: "The bill cleared a hurdle in the House on Thursday. The Senate is expected to vote on it next week.",
			want: map[string]string{"ent:organization/us-house-of-representatives": "House", "ent:organization/senate": "Senate"},
			not:  []string{"ent:organization/house", "ent:location/house"},
		},
		{
			name: "no context: the name stays its own node",
			text: "The House will take up the measure after the holiday, a spokesman for the chamber said.",
			want: map[string]string{"ent:organization/house": "House"},
			not:  []string{"ent:organization/us-house-of-representatives"},
		},
		{
			name: "a place's court",
			text: "Teodor Valk, a former Alabama Supreme Court justice, criticised the decision. The Supreme Court will hear the appeal in May, the Senate was told.",
			want: map[string]string{"ent:organization/alabama-supreme-court": "Supreme Court"},
			not:  []string{"ent:organization/us-supreme-court", "ent:organization/supreme-court"},
		},
		{
			name: "a state's court is not the U.S. one",
			text: "The state Supreme Court struck the map down on Monday. Congress and the Senate were not involved.",
			want: map[string]string{"ent:organization/supreme-court": "Supreme Court"},
			not:  []string{"ent:organization/us-supreme-court"},
		},
		{
			name: "the White House is no rival of the House",
			text: "The White House urged the House to pass the bill before the Senate left for the recess.",
			want: map[string]string{"ent:organization/us-house-of-representatives": "House", "ent:organization/white-house": "White House"},
		},
		{
			name: "another chamber named with of",
			text: "Republicans held 51 seats in the House of Delegates in Richmond. The House will meet again in January, and the Senate too.",
			want: map[string]string{"ent:organization/house-of-delegates": "House"},
			not:  []string{"ent:organization/us-house-of-representatives"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ents := entitiesByIRI(extractText(t, tc.text))
			for iri, alias := range tc.want {
				e, ok := ents[iri]
				if !ok || !slices.Contains(e.Aliases, alias) {
					t.Errorf("want %s with alias %q; got %v", iri, alias, ents)
				}
			}
			for _, iri := range tc.not {
				if _, ok := ents[iri]; ok {
					t.Errorf("unexpected %s: %v", iri, ents)
				}
			}
		})
	}
}

func TestCoordinatedNamesAreTwoEntities(t *testing.T) {
	ents := entitiesByIRI(extractText(t, "Negotiators from the House and Senate met on Tuesday to settle the bill."))
	if _, ok := ents["ent:organization/house-and-senate"]; ok {
		t.Errorf("\"House and Senate\" is one entity: %v", ents)
	}
	if _, ok := ents["ent:organization/senate"]; !ok {
		t.Errorf("no Senate: %v", ents)
	}
	// "on" goes on a body's name.
	ents = entitiesByIRI(extractText(t, "The Joint Committee on Taxation said the plan would cost $1 trillion."))
	if e, ok := ents["ent:organization/joint-committee-on-taxation"]; !ok || e.Class.IsA(schema.Person) {
		t.Errorf("\"Joint Committee on Taxation\" is not one organisation: %v", ents)
	}
	// A name with "and" inside stays whole.
	ents = entitiesByIRI(extractText(t, "The Harbor Trade and Industry Council said exports rose."))
	if _, ok := ents["ent:organization/harbor-trade-and-industry-council"]; !ok {
		t.Errorf("\"Harbor Trade and Industry Council\" split: %v", ents)
	}
}

func TestNamedThingsThatAreNoEntity(t *testing.T) {
	ext := extractText(t, "Lawmakers voted to repeal parts of the Clean Harbors Act, a law known as Harborcare. "+
		"The plan limits the deduction for local property levies (LPL) and keeps the Medicare rules. "+
		"Senator Ida Brandt said the vote would come before Christmas. "+
		"The Lumen Policy Center (LPC) said it was a mistake.")
	ents := entitiesByIRI(ext)
	for iri, e := range ents {
		for _, bad := range []string{"Clean Harbors Act", "LPL", "Medicare", "Christmas"} {
			if slices.Contains(e.Aliases, bad) {
				t.Errorf("%q is an entity: %s %v", bad, iri, e)
			}
		}
	}
	// An acronym of a capitalised name is the name's.
	if e, ok := ents["ent:organization/lumen-policy-center"]; !ok || !slices.Contains(e.Aliases, "LPC") {
		t.Errorf("LPC is not the Lumen Policy Center: %v", ents)
	}
}

func TestContractionsAndHandlesAreNoNames(t *testing.T) {
	ext := extractText(t, "“We’re not done,” said Ana Ruiz. They'll be back, she wrote on Twitter from @AnaRuizSenate. "+
		"Don't worry, Dan O’Brien said. “That’s all,” said Ruiz.")
	ents := entitiesByIRI(ext)
	for iri, e := range ents {
		for _, bad := range []string{"We’re", "They'll", "Don't", "That’s", "AnaRuizSenate"} {
			if slices.Contains(e.Aliases, bad) {
				t.Errorf("%q is an entity: %s", bad, iri)
			}
		}
	}
	if _, ok := ents["ent:person/dan-obrien"]; !ok {
		t.Errorf("an apostrophe inside a surname lost the person: %v", ents)
	}
	if e, ok := ents["ent:organization/twitter"]; !ok || e.Class != schema.Company {
		t.Errorf("Twitter is not a company: %v", ents)
	}
}

func TestContraction(t *testing.T) {
	for tok, want := range map[string]bool{"I'm": true, "We’re": true, "They'll": true, "Don't": true, "Can’t": true,
		"That's": true, "Let's": true, "O'Brien": false, "D’Amato": false, "Trump's": false, "McDonald's": false} {
		if got := contraction(tok); got != want {
			t.Errorf("contraction(%q) = %v, want %v", tok, got, want)
		}
	}
}
