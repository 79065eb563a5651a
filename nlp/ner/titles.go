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
