package ingest

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// classesOf maps each entity name of a text to its class.
func classesOf(t *testing.T, text string) (map[string]schema.Class, []string) {
	t.Helper()
	ext := extractText(t, text)
	out := map[string]schema.Class{}
	for _, e := range ext.Entities {
		out[e.Name] = e.Class
	}
	return out, triples(ext)
}

// An organisation, a lower-case title and a person's name: the title
// splits them, and a title after "and" is the next person's, not a sign
// that the name before it is an employer.
func TestTitleBetweenOrganisationAndPerson(t *testing.T) {
	got, facts := classesOf(t, "Hollis said Pentagon counsel Dana Merrow and campaign lawyer Ed Voss of Tarrant Hale are drafting the plan.")
	if got["Dana Merrow"] != schema.Person {
		t.Errorf("Dana Merrow: %q, want Person (%v)", got["Dana Merrow"], got)
	}
	if !slices.Contains(facts, "Dana Merrow|role|counsel") {
		t.Errorf("no counsel role for Dana Merrow: %v", facts)
	}
	// A name before its own title is still an employer.
	got, _ = classesOf(t, "Vostrel spokesman Karl Imre declined to comment.")
	if c := got["Vostrel"]; c.Top() != schema.Organization {
		t.Errorf("Vostrel: %q, want an organisation (%v)", c, got)
	}
}

// "Special White House counsel X": the modifier is the title's, so the
// organisation is the White House, not a "Special White House".
func TestTitleModifierBeforeKnownOrganisation(t *testing.T) {
	got, facts := classesOf(t, "Special White House counsel Dana Merrow said the fund was legal.")
	if _, ok := got["Special White House"]; ok {
		t.Errorf("Special White House is an entity: %v", got)
	}
	if !slices.Contains(facts, "Dana Merrow|works_for|White House") {
		t.Errorf("want Dana Merrow works_for White House: %v", facts)
	}
	// A name the gazetteer knows with its modifier stays whole.
	got, _ = classesOf(t, "The Special Counsel Office declined to comment on Monday.")
	if _, ok := got["Special Counsel Office"]; !ok {
		t.Errorf("Special Counsel Office lost: %v", got)
	}
}

// "general counsel at the Project on Government Oversight": "on" goes on
// a body's head word, even a one-word one.
func TestBodyHeadOnComplement(t *testing.T) {
	_, facts := classesOf(t, "Costs may rise, said Dana Merrow, general counsel at the Project on Budget Integrity, a watchdog group.")
	if !slices.Contains(facts, "Dana Merrow|works_for|Project on Budget Integrity") {
		t.Errorf("want Dana Merrow works_for Project on Budget Integrity: %v", facts)
	}
	// A modifier that opens organisation names stays in the name.
	got, _ := classesOf(t, "She is a National Security Council aide who left in June.")
	if _, ok := got["National Security Council"]; !ok {
		t.Errorf("National Security Council lost: %v", got)
	}
}

// "Ohio House of Representatives and Senate": two chambers, neither
// split at "of" nor one name; a body's "on" complement keeps its "and".
func TestChamberCoordinationAndBodyNames(t *testing.T) {
	got, _ := classesOf(t, "The Ohio House of Representatives and Senate passed the budget on Friday.")
	if got["Ohio House of Representatives"] != schema.Government || got["Ohio Senate"] == "" {
		t.Errorf("want the Ohio House of Representatives and the Senate: %v", got)
	}
	if _, ok := got["Representatives and Senate"]; ok {
		t.Errorf("split at 'of': %v", got)
	}
	got, _ = classesOf(t, "The Institute on Farm Labor and Rural Policy published the study.")
	if _, ok := got["Institute on Farm Labor and Rural Policy"]; !ok {
		t.Errorf("the institute's name lost its complement: %v", got)
	}
}

// A head word alone ("the Committee", "the Cabinet") and a pact or a
// founding document are no entity; "Chamber of Commerce" is one name.
func TestGenericHeadsAndPactsAreNoEntity(t *testing.T) {
	got, _ := classesOf(t, "The Ohio Chamber of Commerce backed the plan. The Committee met after the Cabinet meeting, and NAFTA and the Constitution came up.")
	for _, bad := range []string{"Committee", "Cabinet", "NAFTA", "Constitution", "Chamber", "Commerce"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%s is an entity: %v", bad, got)
		}
	}
	if c := got["Ohio Chamber of Commerce"]; c == "" && got["Chamber of Commerce"] == "" {
		t.Errorf("the chamber of commerce lost: %v", got)
	}
	// A body named in full keeps its node.
	got, _ = classesOf(t, "The Senate Banking Committee met on Monday.")
	if got["Senate Banking Committee"] == "" {
		t.Errorf("Senate Banking Committee lost: %v", got)
	}
}
