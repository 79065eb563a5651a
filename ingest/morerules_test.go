package ingest

import "testing"

// The sentences below are written for these tests; each family has a
// positive case and, where a rule could overreach, a negative one.

func TestContextTyping(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "victim after a title is a person", text: "Investigators say Rowan Pell killed President Lincoln in a theatre.",
			want: []string{"Rowan Pell|killed|Lincoln"}},
		{name: "capital stays a city", text: "The Eagle Forces killed Damascus, officials said.",
			not: []string{"Eagle Forces|killed|Damascus"}},
		{name: "town before native", text: "Ellen Marsh, a Duluth native, said the mill would close.",
			want: []string{"Ellen Marsh|lives_in|Duluth"}},
		{name: "age then of-place", text: "Paul Dent, 30, of Boothbay, was rescued by the crew.",
			want: []string{"Paul Dent|lives_in|Boothbay"}},
		{name: "list of places", text: "Storms hit Avon and Edwards, Colorado, on Monday.",
			want: []string{"Avon|located_in|Colorado", "Edwards|located_in|Colorado"}},
		{name: "a name after a state is not in the list", text: "Born poor in Greenville, S.C., Dana Whitlock built a fortune.",
			want: []string{"Dana Whitlock|lives_in|Greenville"}},
		{name: "possessive party name", text: "Mark Olsen, chairman of the Croatian People's Party, spoke.",
			want: []string{"Mark Olsen|works_for|Croatian People's Party"}},
	})
}

func TestDatelineAndAddressRules(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "wire dateline", text: "BERLIN, Germany (AP) – Officials met on Monday.",
			want: []string{"AP|based_in|Berlin", "Berlin|located_in|Germany"}},
		{name: "address line", text: "Pine Ridge Research Center, Carterville, Ill.;",
			want: []string{"Pine Ridge Research Center|based_in|Carterville", "Carterville|located_in|Ill."}},
		{name: "org named after a place", text: "The Federal Home Loan Bank of Boston raised rates.",
			want: []string{"Federal Home Loan Bank of Boston|based_in|Boston"}},
		{name: "sentence scope", text: "In Colorado, heavy snow in Aspen closed roads.",
			want: []string{"Aspen|located_in|Colorado"}},
	})
}

func TestOriginAndJobRules(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "born with a name between", text: "Marta Quill was born Marta Kessler in Dunmore, Pa., in 1921.",
			want: []string{"Marta Quill|lives_in|Dunmore", "Marta Kessler|lives_in|Dunmore", "Marta Quill|lives_in|Pa."}},
		{name: "hometown of", text: "Senator Dole visited his hometown of Russell, Kan., on Friday.",
			want: []string{"Dole|lives_in|Russell", "Dole|lives_in|Kan."}},
		{name: "coordinated of", text: "Ana Ruiz and Tom Hale of Tulane University said the data were sound.",
			want: []string{"Ana Ruiz|works_for|Tulane University", "Tom Hale|works_for|Tulane University"}},
		{name: "occupation not in the title list", text: `"The soil is dry," said Ivo Brandt, an ecologist at Cornell University.`,
			want: []string{"Ivo Brandt|works_for|Cornell University"}, not: []string{"Ivo Brandt|role|ecologist"}},
		{name: "city before a job is a home, not an employer", text: `"Prices will rise," said Rita Vance, an Atlanta architect.`,
			want: []string{"Rita Vance|lives_in|Atlanta"}, not: []string{"Rita Vance|works_for|Atlanta"}},
		{name: "domain of a role", text: "Lena Ortiz, chief of waste disposal for the NRC, said the shafts were safe.",
			want: []string{"Lena Ortiz|works_for|NRC"}, not: []string{"Lena Ortiz|leads|NRC"}},
	})
}

func TestKillingEvents(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "nominal with one other person", text: "The novel claims Jasper Crane did not act alone in the slaying of Senator Hollis Grey.",
			want: []string{"Jasper Crane|killed|Hollis Grey"}},
		{name: "relative clause after a copula", text: "A shot fired by Carl Benn, who was the lone gunman who killed Governor Ames, echoed.",
			want: []string{"Carl Benn|killed|Ames"}},
		{name: "two people, none marked", text: "Judge Ada Moss said Ned Fry regretted the slaying of Tom Reyes.",
			not: []string{"Ada Moss|killed|Tom Reyes"}},
	})
}

func TestReportedSpeechFilters(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "name inside a prepositional phrase", text: "Police in Umbria said five people were arrested.",
			not: []string{"Umbria|said|five people were arrested"}},
		{name: "announce takes that", text: "Judge Ray Cole announced the decision for the panel.",
			not: []string{"Ray Cole|said|the decision for the panel"}},
		{name: "announce with that", text: "Judge Ray Cole announced that the panel would meet again in May.",
			want: []string{"Ray Cole|said|the panel would meet again in May"}},
	})
}

func TestPlaceAndOrganisationPhrases(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "copula place", text: "Nestled in the hills, Cuzco is a city in southern Peru.",
			want: []string{"Cuzco|located_in|Peru"}},
		{name: "demonym place noun", text: "The Peruvian city of Arequipa was hit by a quake.",
			want: []string{"Arequipa|located_in|Peru"}},
		{name: "demonym capital", text: "Fighting continued around Sarajevo, the Bosnian capital.",
			want: []string{"Sarajevo|located_in|Bosnia and Herzegovina"}},
		{name: "firm appositive ends in its town", text: "Hartwell Corp., a maker of valves in Akron, Ohio, cut jobs.",
			want: []string{"Hartwell Corp.|based_in|Akron", "Hartwell Corp.|based_in|Ohio"}},
		{name: "town before the trade", text: "A Bogota newspaper, El Espectador, reported the attack.",
			want: []string{"El Espectador|based_in|Bogota"}},
		{name: "national agency", text: "The official Soviet news agency Tass reported the launch.",
			want: []string{"Tass|based_in|Soviet Union"}},
		{name: "country's firm", text: "Mitsubishi Corp., Japan's largest trading company, posted a profit.",
			want: []string{"Mitsubishi Corp.|based_in|Japan"}},
		{name: "headquarters in", text: "The National Police headquarters in Bogota was bombed.",
			want: []string{"National Police|based_in|Bogota"}},
		{name: "source line", text: "Kiev Radio Ukraine in Ukrainian 1200 GMT 3 Jan 94",
			want: []string{"Radio Ukraine|based_in|Kiev"}, not: []string{"Radio Ukraine|based_in|Ukrainian"}},
		{name: "dateline with a month abbreviation", text: "Washington, 3 Jan (XINHUA) -- The envoy met the minister.",
			want: []string{"Xinhua|based_in|Washington"}},
		{name: "person placed before the verb", text: "FBI spokesman Doug Beldon in Albuquerque, N.M., said the agency would help.",
			want: []string{"Doug Beldon|lives_in|Albuquerque"}},
		{name: "home town apposition", text: "Jesse Jackson spoke in Chicago, his home town.",
			want: []string{"Jesse Jackson|lives_in|Chicago"}},
		{name: "where he was born", text: "Jesse Jackson returned Sunday to Greenville, where he was born.",
			want: []string{"Jesse Jackson|lives_in|Greenville"}},
		{name: "a firm's office town", text: "Officials from Kerr-McGee's Oklahoma City headquarters visited.",
			want: []string{"Kerr-McGee|based_in|Oklahoma City"}, not: []string{"Oklahoma City|located_in|Kerr-McGee"}},
		{name: "language is not a place", text: "Havana Radio Reloj Network in Spanish 2100 GMT 13 Feb 94",
			not: []string{"Radio Reloj Network|based_in|Spanish"}},
	})
}

func TestMoreJobsAndKillings(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "joined a firm", text: "Poe, 41, joined IBM in 1975.",
			want: []string{"Poe|works_for|IBM"}, not: []string{"Poe|member_of|IBM"}},
		{name: "company possessive", text: "Robert Lane, Dynacore's chief executive, said sales fell.",
			want: []string{"Robert Lane|works_for|Dynacore"}},
		{name: "role at a one-word firm", text: `"We are pleased," said Alan Reed, a vice president at Citicorp.`,
			want: []string{"Alan Reed|works_for|Citicorp"}, not: []string{"Alan Reed|lives_in|Citicorp"}},
		{name: "who is the director of", text: "Neil Ruiz, who is the director of the Hallam Institute, resigned.",
			want: []string{"Neil Ruiz|works_for|Hallam Institute"}},
		{name: "gunned down", text: "Senator Ray Hollis was gunned down by Carl Hume in 1971.",
			want: []string{"Carl Hume|killed|Ray Hollis"}},
		{name: "killer before the possessive", text: "Booth, Lincoln's assassin, was trapped in a barn.",
			want: []string{"Booth|killed|Lincoln"}},
		{name: "coordinated assassins", text: "Gandhi's assassins, Beant Singh and Satwant Singh, were her guards.",
			want: []string{"Beant Singh|killed|Gandhi", "Satwant Singh|killed|Gandhi"}},
		{name: "apposed victim", text: "Police said Aaron Vance shot and killed his neighbor, Paul Greer, on Sunday.",
			want: []string{"Aaron Vance|killed|Paul Greer"}, not: []string{"Police|killed|Paul Greer"}},
		{name: "agent is not a verb's object", text: "The assassination of Indira Gandhi by her bodyguards shocked India.",
			not: []string{"India|killed|Indira Gandhi"}},
		{name: "killing of with one other person", text: "Charles Manson, who ordered the killing of actress Sharon Tate, was denied parole.",
			want: []string{"Charles Manson|killed|Sharon Tate"}},
		{name: "surname opening a sentence", text: "Finch is accused of killing Ella Moss, a Wichita nurse.",
			want: []string{"Finch|killed|Ella Moss", "Ella Moss|lives_in|Wichita"}},
	})
}
