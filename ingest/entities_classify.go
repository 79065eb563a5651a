// Classing an unknown name from its shape, its words and its context.

package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// classify decides the class of an unknown name from its shape, its words
// and its context, with prose's NER as one vote among others.
func (x *docState) classify(si int, toks []token, c chunk, person bool) (schema.Class, int) {
	first, last := toks[c.i].Text, toks[c.j-1].Text
	n := c.j - c.i
	// "the 9th Circuit", "the 94th District": numbered courts, units and
	// districts are never people, even after a title ("judge").
	if ordinal(first) && n >= 2 {
		if cl := x.g.locHeads[last]; cl != "" {
			return cl, 3
		}
		if cl := x.g.orgHeads[last]; cl != "" {
			return cl, 3
		}
		return schema.Organization, 3
	}
	if person {
		return schema.Person, 3
	}
	// Datelines: "KESSEL, Northern Marches –" / "OSLAND, Brevia –".
	if c.i == 0 && c.j+1 < len(toks) && toks[c.j].Text == "," && (allCaps(joinToks(toks[c.i:c.j])) || x.datelineAfter(toks, c.j+1)) {
		return schema.City, 3
	}
	// "BROWN BROTHERS HARRIMAN (from research note):" ends a market
	// note's byline, not a dateline: a dateline's parenthesis names an
	// agency in capitals.
	if c.i >= 2 && toks[c.i-1].Text == "," && x.datelineEnd(toks, c.j) && !(toks[c.j].Text == "(" && (c.j+1 >= len(toks) || !upperFirst(toks[c.j+1].Text))) {
		if _, ok := x.lookup(toks[0].Text); ok || allCaps(toks[0].Text) {
			return schema.Region, 3
		}
	}

	// "Committee on Natural Resources": the body's head, not the topic's.
	if cl := x.g.orgHeads[first]; cl != "" && n > 2 && bodyHeads[first] && toks[c.i+1].Text == "on" {
		return cl, 3
	}
	// "Democratic Alliance", "National Liberal Coalition" are parties;
	// "News Media Alliance", "FACT Coalition", "Coalition for the American
	// Dream" are lobbies and campaigns: an alliance is a party's only with
	// a party's word in its name.
	if (last == "Alliance" || last == "Coalition") && n > 1 {
		for k := c.i; k < c.j-1; k++ {
			if partyNameWords[toks[k].Text] {
				return schema.PoliticalParty, 3
			}
		}
	}
	if cl := x.g.orgHeads[last]; cl != "" && n > 1 {
		if cl == schema.MediaOutlet {
			// "Executive Office for Immigration Review", "Office of
			// Fiscal and Program Review": a body's head before "for" or
			// "of" heads the name; the paper's word ends its subject.
			for k := c.i; k+1 < c.j-1; k++ {
				if w := toks[k+1].Lower; w == "of" || w == "for" {
					if h := x.g.orgHeads[toks[k].Text]; h != "" && h != schema.MediaOutlet {
						return h, 3
					}
				}
			}
			// "Jessica Post", "Alan Sun": a given name before a
			// paper's word that is also a surname is a person.
			if n == 2 && x.g.given[first] && !x.known(text(toks[c.i:c.j])) {
				return schema.Person, 2
			}
		}
		return cl, 3
	}
	// "South and Central Asia": an elliptic coordination is what its
	// known last part is.
	for k := c.i + 1; k < c.j-1; k++ {
		if toks[k].Text == "and" {
			if e, ok := x.lookup(joinToks(toks[k+1 : c.j])); ok && x.known(joinToks(toks[c.i:k])+" "+toks[c.j-1].Text) {
				return e.Class, 3
			}
		}
	}
	// "the House", "Treasury": a name of a family in the names tables has
	// its class even where the family is not certain (settleFamilies
	// decides per document which entity it is).
	if m, ok := names.Default().Family(text(toks[c.i:c.j])); ok && m.Class.Top() != schema.Person && m.Kind != names.KindMetonym {
		return m.Class, 3
	}
	// "the Navy", "an Army panel", "the Senate": a head word alone.
	if cl := x.g.orgHeads[first]; cl != "" && n == 1 && c.i > 0 && (toks[c.i-1].Lower == "the" || toks[c.i-1].Lower == "an" || toks[c.i-1].Lower == "a") && !companySuffix[first] {
		return cl, 3
	}
	// "Sue Park", "Tom Hill": a given name and a place head is a person.
	if cl := x.g.locHeads[last]; cl != "" && n > 1 && (!(n == 2 && x.g.given[first]) || strongPlaceHead[last]) {
		return cl, 3
	}
	for k := c.i; k < c.j-1; k++ {
		if w := toks[k+1].Lower; w == "of" || w == "for" || w == "and" || w == "on" && bodyHeads[toks[k].Text] {
			if cl := x.g.orgHeads[toks[k].Text]; cl != "" {
				return cl, 3
			}
			if cl := x.g.orgHeads[strings.TrimSuffix(toks[k].Text, "s")]; cl != "" && len(toks[k].Text) > 4 && w != "and" {
				return cl, 3 // "Centers for Disease Control"
			}
			if cl := x.g.locHeads[toks[k].Text]; cl != "" {
				return cl, 3
			}
		}
	}
	if n >= 2 && allCaps(text(toks[c.i:c.j])) && !allCapsLine(toks) {
		// Wire headers name a firm ("TD SECURITIES", "THE LEUTHOLD
		// GROUP"); the rest in capitals are section heads, slogans and
		// job lines ("STATE AND LOCAL TAXES", "FAKE NEWS", "PORTFOLIO
		// MANAGER AT …"): no entity. "S&P", "AT&T" are one word.
		if strings.Contains(text(toks[c.i:c.j]), " ") {
			return x.capsName(toks, c)
		}
		return schema.Organization, 2
	}
	var per, org, loc int
	// "Kessel, a garrison town of ...", "Talmora, the capital of ...".
	if c.j+2 < len(toks) && toks[c.j].Text == "," {
		for k := c.j + 2; k < len(toks) && k < c.j+5; k++ {
			if d, ok := placeNouns[toks[k].Text]; ok && (toks[c.j+1].Lower == "a" || toks[c.j+1].Lower == "an" || toks[c.j+1].Lower == "the") {
				// The place noun must head the phrase: "a town of", not "the city engineer".
				if k+1 >= len(toks) || !(toks[k+1].Text == toks[k+1].Lower && unicode.IsLetter(rune(toks[k+1].Text[0])) && toks[k+1].Lower != "of" && toks[k+1].Lower != "in" && toks[k+1].Lower != "on" && toks[k+1].Lower != "near" && toks[k+1].Lower != "with" && toks[k+1].Lower != "where" && toks[k+1].Lower != "that") {
					return d, 3
				}
			}
			if toks[k].Text != toks[k].Lower {
				break
			}
		}
	}
	if c.i > 0 {
		prev := toks[c.i-1]
		switch {
		case honorifics[prev.Text] || x.g.roleNouns[prev.Lower] && prev.Text == prev.Lower:
			per += 3
		case prev.Lower == "the" && c.i >= 2 && (toks[c.i-2].Lower == "in" || toks[c.i-2].Lower == "across" || toks[c.i-2].Lower == "near" || toks[c.i-2].Lower == "throughout"):
			loc += 1
		case prev.Lower == "in" || prev.Lower == "near" || prev.Lower == "at" || prev.Lower == "from" || prev.Lower == "to" || prev.Lower == "across" || prev.Lower == "outside":
			loc += 1
		case prev.Lower == "of" && c.i >= 2 && (toks[c.i-2].Lower == "control" || toks[c.i-2].Lower == "outskirts" || toks[c.i-2].Lower == "residents" || toks[c.i-2].Lower == "centre" || toks[c.i-2].Lower == "center"):
			loc += 2
		case prev.Lower == "of" && c.i >= 2 && x.g.roleNouns[toks[c.i-2].Lower]:
			org++
		}
	}
	if c.i >= 2 && toks[c.i-1].Text == "," {
		// "Dallas, Texas": a place after a place.
		if ms := x.sentMents[si]; len(ms) > 0 {
			m := x.ments[ms[len(ms)-1]]
			// "ATLANTA, GA", "NEW YORK, NY": a state's postal code after a
			// town (market notes, datelines).
			if m.j == c.i-1 && m.class.IsA(schema.Location) && m.kind == kName && n == 1 && usPostalCodes[first] {
				return schema.Region, 3
			}
			if m.j == c.i-1 && m.class.IsA(schema.Location) && m.kind == kName {
				if e, ok := x.lookup(joinToks(toks[c.i:c.j])); ok && e.Class.IsA(schema.Location) {
					loc += 3
				}
			}
		}
	}
	if c.j < len(toks) {
		next := toks[c.j]
		switch next.Lower {
		case "said", "says", "told", "added", "explained", "stated", "wrote", "argued", "noted", "insisted", "warned", "asked":
			per += 1
		case ",":
			if c.j+1 < len(toks) {
				nn := toks[c.j+1]
				if nn.Tag == "CD" && c.j+2 < len(toks) && toks[c.j+2].Text == "," {
					per += 3 // "John Smith, 45,"
				}
				// "Madeleine Albright, U.S. representative to …", "X,
				// Japan's premier": the place modifies a title that
				// follows; it says nothing of the name before it.
				after := c.j + 2
				for after < len(toks) && after < c.j+5 && upperFirst(toks[after].Text) {
					after++
				}
				// "Like Corker, Oklahoma conservative Lankford": a leaning
				// between the place and a name describes the next person.
				titled := after < len(toks) && (toks[after].Lower == "'s" || x.g.roleNouns[toks[after].Lower] && toks[after].Text == toks[after].Lower ||
					leanings[toks[after].Text] && after+1 < len(toks) && upperFirst(toks[after+1].Text))
				// "Michael Flynn, U.S. President Donald Trump's former
				// adviser": a person's full name before a place is no town.
				fullName := n >= 2 && x.g.given[first] && x.g.locHeads[last] == "" && names.Default().PlausibleFullName(text(toks[c.i:c.j]))
				if e, ok := x.lookupAt(toks, c.j+1); ok && !titled && !fullName && e.Class.IsA(schema.Location) && n <= 3 && (c.j+2 >= len(toks) || toks[c.j+2].Text != "and") {
					loc += 2 // "Ocala, Fla."
					if strings.HasSuffix(nn.Text, ".") || e.Class == schema.Region && !x.g.given[first] {
						loc += 2 // a state abbreviation: "Franklin Lakes, N.J."
					}
				}
				if nn.Lower == "based" || nn.Lower == "headquartered" || nn.Lower == "which" {
					org++
				}
				// "Grand Staircase, commissioner Dirk Clayson": a title
				// before a name is that name's, a list's next item.
				titlesNext := x.g.roleNouns[nn.Lower] && c.j+2 < len(toks) && upperFirst(toks[c.j+2].Text) && !strings.Contains(toks[c.j+2].Text, ".")
				if x.g.roleNouns[nn.Lower] && !titlesNext || nn.Lower == "who" || (nn.Lower == "a" || nn.Lower == "the") && c.j+2 < len(toks) && x.g.roleNouns[toks[c.j+2].Lower] {
					per += 1
				}
			}
		case "inc.", "corp.", "co.", "ltd.":
			org += 3
		}
	}
	// "Fire Island National Seashore, Patchogue, N.Y.": before a town and its state.
	if c.j+3 < len(toks) && toks[c.j].Text == "," && upperFirst(toks[c.j+1].Text) && toks[c.j+2].Text == "," {
		if e, ok := x.lookup(toks[c.j+3].Text); ok && e.Class.IsA(schema.Region) && !x.g.given[first] {
			loc += 2
		}
	}
	// "the Rocky Flats plutonium processing plant": a facility noun follows.
	for k := c.j; k < c.j+4 && k < len(toks) && toks[k].Text == toks[k].Lower && unicode.IsLetter(rune(toks[k].Text[0])); k++ {
		if facilityWords[toks[k].Text] {
			loc += 3
			break
		}
	}
	// "Edison spokesman Kevin Kelly", "Norvik chief executive Sarah
	// Lindqvist": a name before a title and a person.
	// Not across a conjunction: in "counsel Don McGahn and campaign lawyer
	// Ben Ginsberg" the title after "and" is the next person's; nor across
	// a comma: in "Reince Priebus, former spokesman Sean Spicer" the list's
	// next item has the title.
	for k := c.j; k < len(toks) && k < c.j+3 && toks[k].Text == toks[k].Lower && toks[k].Tag != "CC" && toks[k].Text != ","; k++ {
		if x.g.roleNouns[toks[k].Text] && k+1 < len(toks) && upperFirst(toks[k+1].Text) {
			org += 2
			break
		}
	}
	// "Norvik Resources, a London-based mining company".
	if c.j+2 < len(toks) && toks[c.j].Text == "," && (toks[c.j+1].Lower == "a" || toks[c.j+1].Lower == "an" || toks[c.j+1].Lower == "the") {
		for k := c.j + 2; k < len(toks) && k < c.j+6; k++ {
			if orgNouns[toks[k].Text] {
				org += 3
				break
			}
			// "Robin Woods, a spokeswoman for the agency": the noun
			// inside a complement does not head the appositive.
			if w := toks[k].Lower; w == "," || w == "for" || w == "of" || w == "at" || w == "with" || w == "in" || x.g.roleNouns[w] {
				break
			}
		}
	}
	if x.g.given[first] && n >= 2 {
		per += 3
	}
	// "the Beatles", "the Baltimore Orioles", "the Wool Wizards": a
	// plural name after "the" is a group; people's names take no article.
	if c.i > 0 && toks[c.i-1].Lower == "the" && len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") &&
		x.g.locHeads[last] == "" && !commonPlurals[strings.ToLower(last)] && !x.g.given[first] {
		org += 2
	}
	// "CH2M Hill", "3Com": a digit inside a name.
	if digitCount(first) > 0 && digitCount(first) < len(first) && upperFirst(first) {
		org += 2
	}
	// "Los Alamitos", "San Miguelito", "Fort Payne": words that start
	// place names.
	if n >= 2 && placeStarts[first] && !x.g.given[first] {
		loc += 2
	}
	for k := c.i; k < c.j; k++ {
		t := toks[k].Text
		if len(t) == 2 && t[1] == '.' && unicode.IsUpper(rune(t[0])) && k > c.i && k < c.j-1 {
			per += 3 // middle initial
		}
	}
	if n == 1 && allCaps(first) && utf8.RuneCountInString(first) <= 6 {
		// "chief FX strategist": an unknown field between a rank and a
		// job is part of the title, no name.
		if c.i > 0 && c.j < len(toks) && x.g.roleNouns[toks[c.i-1].Text] && x.g.roleNouns[toks[c.j].Text] {
			if _, known := x.lookup(first); !known {
				return "", 0
			}
		}
		org += 2
	}
	if arabicPrefix(first) && n == 1 {
		loc++
	}
	if placePrefixes[first] && n >= 2 {
		loc += 3
	}
	if n == 1 && locationSuffix(first) {
		loc++
	}
	// "Navient (NAVI.O)": a company's ticker.
	if tickerAfter(toks, c.j) {
		org += 4
	}
	if c.j+2 < len(toks) && toks[c.j].Text == "(" && allCaps(toks[c.j+1].Text) && toks[c.j+2].Text == ")" && n >= 2 {
		org += 2 // "Party of the Democratic Revolution (PRD)"
	}
	// "a job at Wal-Mart", "cars from Honda": a preposition alone is a
	// weak vote for a place; the trained recogniser, which reads the
	// words themselves, outweighs it.
	// "Hill" ends places ("to Capitol Hill") and surnames ("Frederick
	// Hill") alike, so it is no place head; after a preposition it stays
	// the place's.
	if loc == 1 && per == 0 && org == 0 && !placeStarts[first] && !placePrefixes[first] && last != "Hill" {
		switch nerLabel(toks, c) {
		case "ORG":
			return schema.Organization, 1
		case "PER":
			return schema.Person, 1
		}
	}
	switch {
	case per >= org && per >= loc && per > 0:
		return schema.Person, min(per, 3)
	case org >= loc && org > 0:
		return schema.Organization, min(org, 3)
	case loc > 0:
		return schema.Location, min(loc, 3)
	}
	// No pattern, head word or gazetteer spoke: the trained recogniser
	// decides, weakly, so that the sentence's context (retype.go) still
	// corrects it ("Booth, Lincoln's assassin"). A name it calls MISC (a work, an event, a product) is no
	// entity of ours, and never a person by default.
	switch nerLabel(toks, c) {
	case "PER":
		return schema.Person, 1
	case "ORG":
		return schema.Organization, 1
	case "LOC":
		return schema.Location, 1
	case "MISC":
		return "", 0
	}
	// Nothing at all spoke for the name: it is a person only when it opens
	// with a known given name ("Helena Marsh"); a capitalised phrase the
	// recogniser leaves alone ("Fiscal Year", "Consider") is no entity.
	if n >= 2 && n <= 3 && x.g.given[first] {
		return schema.Person, 1
	}
	// A name right after a common noun that describes it ("manufacturers
	// Owens-Corning Fiberglass", "lawyer Ana Ruiz") is kept, weakly, for
	// the context rules (retype.go) to type by that noun.
	if n >= 2 && n <= 3 && c.i > 0 && (toks[c.i-1].Tag == "NN" || toks[c.i-1].Tag == "NNS") && toks[c.i-1].Text == toks[c.i-1].Lower {
		return schema.Person, 0
	}
	// A lone proper noun as the subject of a verb ("Finch is accused of
	// ...") is most likely a person named by the surname alone.
	// So is one opening a sentence before an apposition ("Booth, Lincoln's
	// assassin, ..."), which the sentence's context (retype.go) then types.
	if n == 1 && toks[c.i].Tag == "NNP" && c.j < len(toks) && (strings.HasPrefix(toks[c.j].Tag, "VB") || toks[c.j].Tag == "MD" || c.i == 0 && toks[c.j].Text == ",") {
		return schema.Person, 0
	}
	return "", 0
}

// usPostalCodes are the U.S. states' two-letter codes.
var usPostalCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC") {
		m[c] = true
	}
	return m
}()

// partyNameWords make an alliance or a coalition a party's.
var partyNameWords = map[string]bool{"Democratic": true, "Liberal": true, "Conservative": true, "Socialist": true,
	"Popular": true, "People's": true, "Progressive": true, "Green": true, "Greens": true, "Left": true, "Labour": true,
	"Christian": true, "Freedom": true, "Nationalist": true, "Social": true}

// capsFirmHeads end the names of firms that market commentary quotes in
// capitals, besides the organisations' heads.
var capsFirmHeads = map[string]bool{"Securities": true, "Markets": true, "Advisors": true, "Advisers": true, "Services": true,
	"Management": true, "Capital": true, "Investments": true, "Funds": true, "Banking": true, "Generale": true, "Oao": true}

// capsName classes a name written in capitals that no table knows: a
// firm's when its last word is an organisation's head or a firm's, an
// organisation's when a word of it is a name's and not a common word
// ("MOSKOVSKIY KOMSOMOLETS", "NIHON KEIZAI SHIMBUN" heading a press
// review), else no entity ("STATE AND LOCAL TAXES", "FAKE NEWS"); never
// when a word of it is a title's.
func (x *docState) capsName(toks []token, c chunk) (schema.Class, int) {
	for k := c.i; k < c.j; k++ {
		w := titleCase(toks[k].Text)
		if x.g.roleHeads[w] || x.g.roleNouns[toks[k].Lower] || occupationShape(toks[k].Lower) {
			return "", 0
		}
	}
	last := toks[c.j-1].Text
	switch cl := x.g.orgHeads[titleCase(last)]; {
	case companySuffix[last]:
		return schema.Company, 2
	case cl != "" && cl != schema.MediaOutlet: // "FAKE NEWS" is no paper
		return cl, 2
	case capsFirmHeads[titleCase(last)]:
		return schema.Company, 2
	}
	if x.capRatio == nil {
		return schema.Organization, 2
	}
	for k := c.i; k < c.j; k++ {
		w := toks[k].Lower
		if functionWords[w] || x.known(titleCase(toks[k].Text)) {
			continue
		}
		if r := x.capRatio(w); r == "" || r == "mostly" || r == "always" {
			return schema.Organization, 2
		}
	}
	return "", 0
}

// nerLabel is the recogniser's label for a chunk: the type of the most of
// its tokens, "" when most are outside any entity.
func nerLabel(toks []token, c chunk) string {
	count := map[string]int{}
	best, bestN := "", 0
	for k := c.i; k < c.j; k++ {
		e := toks[k].Ent
		if len(e) < 3 {
			continue
		}
		count[e[2:]]++
		if count[e[2:]] > bestN {
			best, bestN = e[2:], count[e[2:]]
		}
	}
	if 2*bestN <= c.j-c.i {
		return ""
	}
	return best
}

func digitCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// acronymFits reports whether an acronym could abbreviate a long form:
// its first letter is the first letter of the long form's first word.
func acronymFits(acr, long string) bool {
	long = strings.TrimPrefix(strings.TrimPrefix(long, "the "), "The ")
	for _, p := range []string{"al-", "Al-", "el-"} {
		long = strings.TrimPrefix(long, p)
	}
	a, _ := utf8.DecodeRuneInString(acr)
	l, _ := utf8.DecodeRuneInString(long)
	return unicode.ToUpper(a) == unicode.ToUpper(l)
}

// initialsSpell reports whether the acronym's letters are the initials of
// the long form's words, function words skipped and "al-Sham" read as
// "Sham": "HTS" for "Hayat Tahrir al-Sham", "ISIS" for "Islamic State of
// Iraq and Syria".
func initialsSpell(acr, long string) bool {
	var want []rune
	for _, r := range acr {
		if unicode.IsLetter(r) {
			want = append(want, unicode.ToUpper(r))
		}
	}
	var got []rune
	for _, w := range strings.Fields(long) {
		for _, p := range []string{"al-", "Al-", "el-", "El-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"} {
			w = strings.TrimPrefix(w, p)
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue // of, and, for, the
		}
		got = append(got, r)
	}
	return len(want) > 1 && string(want) == string(got)
}

// locationSuffix: endings that mark unknown single names as places.
func locationSuffix(s string) bool {
	for _, suf := range []string{"ia", "stan", "land", "shire", "burg", "berg", "ville", "grad", "abad", "pur", "polis", "pol", "town", "borough", "sk", "ovo", "evo"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+2 {
			return true
		}
	}
	return false
}

// placeNouns in an appositive make the name before them a place.
var placeNouns = map[string]schema.Class{
	"town": schema.City, "city": schema.City, "village": schema.City, "capital": schema.City, "port": schema.City,
	"camp": schema.Camp, "province": schema.Province, "region": schema.Region, "district": schema.Region,
	"country": schema.Country, "state": schema.Region, "island": schema.Location, "suburb": schema.City,
	"neighbourhood": schema.City, "neighborhood": schema.City, "county": schema.Province, "governorate": schema.Province,
}

// datelineEnd reports whether a dash or "(" follows token j: the end of a
// dateline's place part.
func (x *docState) datelineEnd(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	t := toks[j].Text
	return t == "–" || t == "—" || t == "-" || t == "--" || t == "(" || t == "―"
}

// datelineAfter: a capitalised place name at k followed by a dash.
func (x *docState) datelineAfter(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+4; j++ {
		if x.datelineEnd(toks, j) {
			return j > k
		}
		if !upperFirst(toks[j].Text) {
			return false
		}
	}
	return false
}

var facilityWords = map[string]bool{"plant": true, "cave": true, "site": true, "factory": true, "mine": true, "refinery": true, "airport": true, "prison": true, "dam": true, "reactor": true, "airbase": true, "checkpoint": true, "crossing": true}

// adjectival: "Kurdish areas", "Shiite militias": a capitalised adjective of
// a people or creed before a common noun is not a name.
func adjectival(toks []token, i int) bool {
	if i+1 >= len(toks) || !strings.HasPrefix(toks[i+1].Tag, "NN") || toks[i+1].Text != toks[i+1].Lower {
		return false
	}
	w := toks[i].Text
	for _, suf := range []string{"ish", "ese", "ian", "ic", "ite", "ist", "i"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	switch w {
	case "Arab", "Sunni", "Shia", "Druze", "Yazidi", "Muslim", "Jewish", "Christian", "Turkmen", "Pashtun", "Tamil", "Hutu", "Tutsi", "Baloch", "Uyghur", "Western", "Eastern":
		return true
	}
	return false
}

// commonPlurals start sentences in capitals but are not surnames.
var commonPlurals = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`authorities officials police residents witnesses experts analysts doctors officers
	soldiers troops rebels militants investigators prosecutors lawyers critics observers diplomats sources
	reports scientists researchers students workers protesters activists villagers farmers leaders
	americans europeans democrats republicans others many most some both several`) {
		commonPlurals[w] = true
	}
}

// leanings are the lower-case political leanings news puts between a
// politician's state and name ("Oklahoma conservative Lankford").
var leanings = map[string]bool{"conservative": true, "liberal": true, "moderate": true, "progressive": true, "centrist": true}

// firmNouns right before a name make it a firm ("risk consultancy Verisk
// Maplecroft", "military contractor Blackwater"), as orgNouns do.
var firmNouns = map[string]bool{"consultancy": true, "consultancies": true, "contractor": true, "contractors": true}

// orgNouns in an appositive make the name before them an organisation.
var orgNouns = map[string]bool{"company": true, "firm": true, "group": true, "organisation": true, "organization": true,
	"agency": true, "newspaper": true, "daily": true, "network": true, "charity": true, "party": true, "movement": true,
	"militia": true, "bank": true, "airline": true, "university": true, "institute": true, "consortium": true,
	"conglomerate": true, "manufacturer": true, "insurer": true, "startup": true, "broadcaster": true, "union": true}

// placePrefixes start place names: "Mount Blanc", "Fort Hamilton", "Lake Chad".
var placePrefixes = map[string]bool{"Mount": true, "Mt.": true, "Lake": true, "Fort": true, "Port": true, "Cape": true, "Camp": true, "Isle": true, "Gulf": true, "Bay": true}

// strongPlaceHead: place heads that no surname ends with, so "Madison
// County" is a place although Madison is a given name ("Sue Park" is not).
var strongPlaceHead = map[string]bool{"County": true, "Province": true, "Township": true, "Parish": true, "Borough": true,
	"District": true, "Governorate": true, "Prefecture": true, "Oblast": true, "Canton": true, "Territory": true}

var placeStarts = map[string]bool{"Los": true, "Las": true, "San": true, "Santa": true, "Fort": true, "Port": true,
	"Mount": true, "Lake": true, "Puerto": true, "Ciudad": true, "Villa": true}

// miscName reports whether a chunk names something that is not a person,
// an organisation or a place: a law ("... Act"), a name of the misc table
// (gazetteer.go: laws, programmes, holidays, events), or an acronym the
// document spells out in lower case ("the alternative minimum tax (AMT)",
// "state and local taxes, known as SALT").
func (x *docState) miscName(toks []token, c chunk) bool {
	n := c.j - c.i
	if n >= 2 && toks[c.j-1].Text == "Act" && !x.g.roleHeads[toks[c.i].Text] {
		return true
	}
	if x.g.misc[joinToks(toks[c.i:c.j])] {
		return true
	}
	// "Merry Christmas", "Happy Thanksgiving": a word that is no name
	// before a holiday's name is a greeting.
	if n == 2 && x.g.misc[toks[c.i+1].Text] && !x.g.given[toks[c.i].Text] && !x.known(toks[c.i].Text) && x.capRatio != nil {
		if r := x.capRatio(toks[c.i].Lower); r != "always" && r != "mostly" {
			return true
		}
	}
	// "Committee", "Cabinet", "TV" alone: a common noun's head word names
	// no one entity; the body it stands for is named in full elsewhere.
	if n == 1 && genericHeads[toks[c.i].Text] {
		return true
	}
	// Storms: "Hurricane Maria", "hurricanes Harvey and Irma".
	if stormWords[strings.ToLower(toks[c.i].Text)] && n >= 2 || c.i > 0 && stormWords[toks[c.i-1].Text] {
		return true
	}
	return n == 1 && allCaps(toks[c.i].Text) && x.termAcronym(toks[c.i].Text)
}

// termAcronym reports whether the document introduces acr as the
// abbreviation of lower-case words: "X (ACR)" or "X, known as ACR", where
// the initials of the words before spell it.
func (x *docState) termAcronym(acr string) bool {
	want := strings.ToLower(acr)
	for _, s := range x.sents {
		toks := s.Toks
		for i, t := range toks {
			if t.Text != acr || i < 2 {
				continue
			}
			end := -1 // the token after the spelled-out words
			switch {
			case toks[i-1].Text == "(":
				end = i - 1
			case i >= 3 && toks[i-1].Lower == "as" && (toks[i-2].Lower == "known" || toks[i-2].Lower == "called"):
				end = i - 2
				if toks[end-1].Text == "," {
					end--
				}
			}
			if end < len(want) {
				continue
			}
			words := toks[end-len(want) : end]
			ok := true
			for k, w := range words {
				if w.Text != w.Lower || w.Lower[0] != want[k] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

var stormWords = map[string]bool{"hurricane": true, "hurricanes": true, "typhoon": true, "typhoons": true, "cyclone": true, "cyclones": true, "storm": true, "storms": true}
