package ingest

import "testing"

// A list of places is no chain of containment, whether a determiner comes
// before a name or two countries stand side by side; the chain at the
// list's end still holds.
func TestPlaceListsAreNotContainment(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a determiner in the list", text: "The indictment said Hal Osten owned homes in Manhattan, Brooklyn, the Hamptons, Arlington, Virginia, and elsewhere.",
			want: []string{"Arlington|located_in|Virginia"}, not: []string{"Hamptons|located_in|Arlington"}},
		{name: "two countries in a row", text: "The reefs are claimed by Brunei, Indonesia, Malaysia and Taiwan.",
			not: []string{"Brunei|located_in|Indonesia"}},
		{name: "a town, its state and its country", text: "The plant in Odessa, Texas, United States, closed.",
			want: []string{"Odessa|located_in|Texas"}},
	})
}
