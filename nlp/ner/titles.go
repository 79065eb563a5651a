package ner

// titleWords are lower-cased words of the titles and offices news writes
// before a person's name. The list is data: add a title here, then retrain.
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"president", "president-elect", "vice", "premier", "chancellor", "minister",
		"secretary", "sec.", "leader", "speaker", "whip", "senator", "sen.",
		"representative", "rep.", "congressman", "congresswoman", "lawmaker",
		"governor", "gov.", "mayor", "councillor", "councilman", "ambassador",
		"envoy", "counsel", "attorney", "prosecutor", "judge", "justice",
		"commissioner", "chairman", "chairwoman", "chair", "chief", "director",
		"spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
		"general", "gen.", "colonel", "col.", "lieutenant", "lt.", "major",
		"maj.", "captain", "capt.", "sergeant", "sgt.", "admiral", "adm.",
		"commander", "marshal", "king", "queen", "prince", "princess",
		"emir", "sheikh", "sultan", "crown", "pope", "cardinal", "archbishop",
		"bishop", "rabbi", "imam", "ayatollah", "rev.", "reverend", "mr.",
		"mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "coach", "striker",
		"midfielder", "defender", "goalkeeper", "ceo", "executive", "founder",
		"economist", "analyst", "strategist",
	} {
		m[w] = true
	}
	return m
}()

// notInsideName are title words that also begin or sit inside names
// ("General Motors", "Justice Department", "Crown Prince", "Prince
// Charles"), so they do not bar an entity from going on after them.
var notInsideName = map[string]bool{
	"general": true, "gen.": true, "justice": true, "major": true, "chief": true,
	"executive": true, "chair": true, "crown": true, "king": true,
	"queen": true, "prince": true, "princess": true, "cardinal": true,
	"bishop": true, "marshal": true, "captain": true, "commander": true,
	"president-elect": true, "pope": true,
}

// endsName tells whether a word is a title that is no part of a longer
// name: "Treasury Secretary Steven Mnuchin" is an office and a person, not
// one organisation, and "FBI Director" is not one either.
func endsName(lower string) bool { return titleWords[lower] && !notInsideName[lower] }
