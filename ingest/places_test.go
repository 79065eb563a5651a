package ingest

import "testing"

func TestCommaPlaceNeedsContainment(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "a country that modifies the next noun", text: "At a ceremony in Lisbon, U.S. planemaker Arcwing Co signed a deal.",
			not: []string{"Lisbon|located_in|U.S.", "Lisbon|located_in|United States"}},
		{name: "a state before a noun still contains the town", text: "Police searched the Fairfax, Virginia home of a lobbyist.",
			want: []string{"Fairfax|located_in|Virginia"}},
		{name: "town and country", text: "The talks were held in Porto, Portugal, on Monday.",
			want: []string{"Porto|located_in|Portugal"}},
	})
}
