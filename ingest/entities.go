package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// mentionKind says what a mention is.
type mentionKind int

const (
	kName    mentionKind = iota // a proper name
	kRole                       // a title or office ("Special Representative")
	kDemonym                    // "Russian", "US" used as a modifier: points to a country
	kPronoun                    // he/she, "the group": resolved to the last fitting entity
	kHyphen                     // "Russian-backed": the prefix names an entity
)

// mention is one span of tokens in a sentence that refers to an entity.
type mention struct {
	sent, i, j int // tokens [i, j) of sentence sent
	kind       mentionKind
	surface    string
	class      schema.Class
	strength   int    // how sure the class is: 3 gazetteer/head, 2 context, 1 guess
	gazName    string // canonical name from the gazetteer, if any
	suffix     string // for kHyphen: "backed", "based"...
	ent        int    // resolved entity index, -1 when none
	roleOrg    int    // for kRole: index of the org/country mention in the same title, -1
	stripped   string // canonical surface without a lower-case descriptor
	bare       string // the name without a kept descriptor: "al-Hol" for "al-Hol camp"
}

// Stop words that start sentences in capitals but never start names.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the this that these those there here it its he she his her him they them their we our us i you your
	in on at by for from with without of to into onto over under after before during since until while when where why how what which who whom whose
	and or but nor so yet if then than as also although though because however meanwhile moreover still even just only not no yes
	is are was were be been being has have had do does did will would shall should can could may might must
	some many most more much several few all any each every both either neither another other such
	according asked speaking addressing pressed despite following between among about around against toward towards
	said says told added one two three four five six seven eight nine ten first last next new former earlier later today yesterday tomorrow
	mr mrs ms dr born`) {
		functionWords[w] = true
	}
}

var timeWords = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan.": true, "Feb.": true, "Aug.": true, "Sept.": true, "Sep.": true, "Oct.": true, "Nov.": true, "Dec.": true,
	"Jan": true, "Feb": true, "Mar": true, "Mar.": true, "Apr": true, "Apr.": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"GMT": true, "EST": true, "EDT": true, "PST": true, "AM": true, "PM": true, "A.M.": true, "P.M.": true,
}

var honorifics = map[string]bool{"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Mr": true, "Mrs": true, "Ms": true, "Miss": true, "Sir": true, "Dame": true, "Lady": true, "Lord": true}

var companySuffix = map[string]bool{"SA": true, "NV": true, "SpA": true, "LLP": true, "Plc": true, "S.p.A.": true, "S.A.": true, "GmbH": true, "N.V.": true, "Co.": true, "Inc.": true, "Corp.": true, "Ltd.": true, "Co": true, "Inc": true, "Corp": true, "Ltd": true, "LLC": true, "PLC": true}

var nameConnectors = map[string]bool{"de": true, "del": true, "da": true, "van": true, "von": true, "der": true, "bin": true, "ibn": true, "al": true, "el": true, "la": true, "le": true, "du": true, "y": true, "&": true}

var hyphenSuffixes = map[string]bool{
	"backed": true, "supported": true, "funded": true, "sponsored": true, "armed": true,
	"controlled": true, "held": true, "occupied": true, "run": true, "led": true,
	"based": true, "born": true, "linked": true, "affiliated": true, "aligned": true, "allied": true,
	"owned": true, "style": true, "era": true, "made": true, "bound": true, "brokered": true,
}

func upperFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// arabicPrefix matches "al-Hol", "el-Sisi", "bin-Laden": a lower-case
// particle joined to a capitalised name.
func arabicPrefix(s string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "bin-", "abu-", "wal-", "wa-", "ibn-"} {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			r, _ := utf8.DecodeRuneInString(s[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// splitHyphen returns the parts of "Russian-backed".
func splitHyphen(s string) (head, suffix string, ok bool) {
	k := strings.LastIndexByte(s, '-')
	if k <= 0 || k == len(s)-1 {
		return "", "", false
	}
	suf := s[k+1:]
	if !hyphenSuffixes[strings.ToLower(suf)] || upperFirst(suf) {
		return "", "", false
	}
	return s[:k], strings.ToLower(suf), true
}

// isNameToken reports whether token i of the sentence can be part of a
// proper name.
func (x *docState) isNameToken(toks []token, i int) bool {
	t := toks[i].Text
	if _, _, ok := splitHyphen(t); ok {
		return false // "al-Qaeda-linked", "Russian-backed": modifiers
	}
	// "@POTUS", "#MeToo": a social-media handle or tag (the tokenizer
	// splits the sign off) names an account or a topic, not an entity.
	if i > 0 && (toks[i-1].Text == "@" || toks[i-1].Text == "#") && toks[i-1].End == toks[i].Start {
		return false
	}
	if arabicPrefix(t) {
		return true
	}
	if !upperFirst(t) || timeWords[t] || t == "I" || contraction(t) {
		return false // "I’m", "We've", "Don't": the tokenizer keeps contractions whole
	}
	if toks[i].Tag == "CD" && !upperFirst(t) || digitCount(t) >= 3 {
		return false // "MI6", "G20" are names whatever the tagger says
	}
	if t == "No." && i+1 < len(toks) && toks[i+1].Tag == "CD" {
		return false // "the Senate's No. 2 Democrat": a rank
	}
	// "the First National Bank": an ordinal inside a name.
	if (t == "First" || t == "Second" || t == "Third") && i > 0 && i+1 < len(toks) && upperFirst(toks[i+1].Text) && !functionWords[toks[i+1].Lower] {
		return true
	}
	// A capitalised function word at the start of a sentence, quote or
	// headline is not a name, unless a gazetteer knows it.
	if functionWords[toks[i].Lower] {
		if _, ok := x.g.entries[t]; ok && !functionWords[t] {
			return true
		}
		// "Theresa May", "Frank Will": a capitalised function word right
		// after a given name is a surname, unless the line capitalises
		// every word (a headline: "Theresa Says She Will …").
		if i > 0 && !allCaps(t) && x.g.given[toks[i-1].Text] && !(i+1 < len(toks) && upperFirst(toks[i+1].Text) && functionWords[toks[i+1].Lower]) {
			return true
		}
		// "New York", "New Delhi": a gazetteer name starting with a common word.
		if i+1 < len(toks) {
			if _, ok := x.g.entries[t+" "+toks[i+1].Text]; ok {
				return true
			}
			// "NEW ORLEANS (AP)": a dateline in capitals.
			if allCaps(t) && allCaps(toks[i+1].Text) {
				if _, ok := x.g.entries[titleCase(t)+" "+titleCase(toks[i+1].Text)]; ok {
					return true
				}
			}
		}
		if i > 0 && x.isGazStart(toks, i-1) {
			return true
		}
		if allCaps(t) && len(t) >= 2 && toks[i].Lower != "i" && (i > 0 && !allCapsLine(toks)) {
			return true // "US", "IT"? only mid-sentence acronyms
		}
		return false
	}
	if ideologies[t] && i+1 < len(toks) && partyMembers[toks[i+1].Lower] {
		// "Conservative Republicans said": a wing of a party, not the
		// Conservative Party.
		return false
	}
	if openingAdjectives[t] && (i == 0 || nlp.IsOpenQuote(toks[i-1].Text) || toks[i-1].Text == ":") {
		// "Top White House adviser X", "Embattled Republican Y": an
		// adjective capitalised because it opens the sentence.
		return false
	}
	if x.g.roleHeads[t] || x.g.roleMods[t] {
		return true
	}
	if i == 0 || nlp.IsOpenQuote(toks[i-1].Text) || toks[i-1].Text == ":" {
		// "Police said", "Officials met": a group noun opening a sentence.
		if (groupStarts[toks[i].Lower] || commonPlurals[toks[i].Lower]) && !(i+1 < len(toks) && upperFirst(toks[i+1].Text)) {
			return false
		}
		// "Tornadoes struck", "Storms hit": a plural noun, not a name.
		if _, known := x.g.entries[t]; !known && toks[i].Tag == "NNS" && strings.HasSuffix(t, "s") && i+1 < len(toks) && toks[i+1].Text == toks[i+1].Lower && !speechVerbs[toks[i+1].Lower] {
			return false
		}
		// "Put Donald Trump ...": an imperative opening a sentence or a
		// quote is no part of the name after it.
		if toks[i].Tag == "VB" && i+1 < len(toks) && upperFirst(toks[i+1].Text) {
			if _, known := x.g.entries[t]; !known && !x.g.given[t] {
				return false
			}
		}
		// Sentence-initial: trust the gazetteer, then the tagger.
		if _, ok := x.g.entries[t]; ok {
			return true
		}
		if _, ok := x.g.demonyms[t]; ok {
			return true
		}
		// "Donnelly said …" (tagged an adverb): the surname of a person
		// the story named in full before.
		if x.earlierPerson(t) {
			return true
		}
		tag := toks[i].Tag
		nextName := i+1 < len(toks) && upperFirst(toks[i+1].Text) && !functionWords[toks[i+1].Lower]
		// "Rogers, a native of..." / "Penry said": a surname the tagger took for a noun.
		surname := (tag == "NNS" || tag == "NN") && i+1 < len(toks) && (toks[i+1].Text == "," || speechVerbs[toks[i+1].Lower]) && !commonPlurals[toks[i].Lower] ||
			// "Finch is accused of …", "Bush was …": a singular noun opening a
			// sentence without an article is a surname more often than not.
			tag == "NN" && i == 0 && i+2 < len(toks) && (toks[i+1].Lower == "is" || toks[i+1].Lower == "was" || toks[i+1].Lower == "has" || toks[i+1].Lower == "had") && (strings.HasSuffix(toks[i+2].Lower, "ed") || toks[i+2].Lower == "been" || toks[i+2].Lower == "a" || toks[i+2].Lower == "the")
		if tag != "NNP" && tag != "NNPS" && !nextName && !surname {
			return false
		}
	}
	return true
}

// openingAdjectives are capitalised only by the sentence they open; no name
// in the gazetteers starts with one.
var openingAdjectives = map[string]bool{"Top": true, "Embattled": true, "Incoming": true, "Outgoing": true,
	"Prominent": true, "Longtime": true, "Veteran": true, "Influential": true, "Powerful": true, "Beleaguered": true}

// ideologies before partyMembers name a wing of a party.
var ideologies = map[string]bool{"Conservative": true, "Liberal": true, "Moderate": true, "Progressive": true}

var partyMembers = map[string]bool{"republican": true, "republicans": true, "democrat": true, "democrats": true, "democratic": true}

func allCapsLine(toks []token) bool {
	n := 0
	for _, t := range toks {
		if upperFirst(t.Text) && allCaps(t.Text) {
			n++
		}
	}
	return n > len(toks)/2 && n > 3
}

// groupStarts open sentences in capitals without being names.
var groupStarts = map[string]bool{"police": true, "officials": true, "authorities": true, "residents": true,
	"witnesses": true, "investigators": true, "prosecutors": true, "doctors": true, "troops": true,
	"scientists": true, "researchers": true, "critics": true, "analysts": true, "experts": true,
	"farmers": true, "workers": true, "gunmen": true, "rebels": true, "guards": true}

// groupNouns name the members of an organisation before a possessive:
// "People's Party", "Workers' Union".
var groupNouns = map[string]bool{"People": true, "Peoples": true, "Women": true, "Workers": true, "Farmers": true,
	"Children": true, "Veterans": true, "Citizens": true, "Peasants": true, "Students": true, "Writers": true,
	"Teachers": true, "Employers": true, "Producers": true, "Governors": true, "Mothers": true, "Nations": true}

// chunk is a maximal run of name tokens [i, j).
type chunk struct{ i, j int }

func (x *docState) chunks(toks []token) []chunk {
	var out []chunk
	i := 0
	for i < len(toks) {
		if !x.isNameToken(toks, i) {
			i++
			continue
		}
		j := i + 1
		longName := false
		gazEnd := x.gazEndAt(toks, i)
		for j < len(toks) {
			// A company's suffix ends its name ("Time Warner Inc. Trump
			// said"); a dateline in capitals ends a byline ("Marc Frank
			// HAVANA").
			if companySuffix[toks[j-1].Text] && j-1 > i && !companySuffix[toks[j].Text] ||
				allCaps(toks[j].Text) && len(toks[j].Text) > 3 && !allCaps(toks[j-1].Text) && !strings.Contains(toks[j].Text, ".") && x.known(titleCase(toks[j].Text)) {
				break
			}
			if x.isNameToken(toks, j) {
				j++
				continue
			}
			// "Institute for the Study of War": of/for + "the" inside an
			// organisation's name.
			if j+2 < len(toks) && (toks[j].Text == "of" || toks[j].Text == "for") && toks[j+1].Text == "the" && x.isNameToken(toks, j+2) && x.g.orgHeads[toks[j-1].Text] != "" && !companySuffix[toks[j-1].Text] && x.g.orgHeads[toks[j-1].Text] != schema.MediaOutlet {
				j += 2
				longName = true
				continue
			}
			// A gazetteer name that runs through a connector: "House of
			// Representatives", "Bosnia and Herzegovina".
			if gazEnd > j {
				j = gazEnd
				continue
			}
			// Connectors inside names: "Ministry of Defence", "Secretary of
			// State", "bin Laden".
			if j+1 < len(toks) && x.isNameToken(toks, j+1) {
				w := toks[j].Lower
				prev := toks[j-1].Text
				if nameConnectors[w] && toks[j].Text == w && !(w == "&" && x.known(joinToks(toks[i:j])) && x.known(toks[j+1].Text)) {
					j++ // but "House & Senate" are two
					continue
				}
				// "Croatian People's Party", "National Farmers' Union".
				if (toks[j].Text == "'s" || toks[j].Text == "'") && groupNouns[prev] && x.g.orgHeads[toks[j+1].Text] != "" {
					j++
					continue
				}
				// "Commission of Inquiry on Syria", "Joint Committee on
				// Taxation": "on" goes on a long name or a body's.
				if w == "on" && toks[j].Text == w && (longName || bodyHeads[prev]) {
					longName = true // "Institute on Taxation and Economic Policy"
					j++
					continue
				}
				if (w == "of" || w == "for") && toks[j].Text == w && !companySuffix[prev] && x.g.orgHeads[prev] != "" && x.g.orgHeads[prev] != schema.MediaOutlet {
					longName = true // "Coalition for Cybersecurity Policy and Law"
				}
				// "Representative Peter King of New York": a surname that is
				// a title word takes no complement.
				// ("West Virginia Secretary of Commerce": a place, not a given name).
				surnameHead := x.g.roleHeads[prev] && j-2 >= i && x.g.given[toks[j-2].Text] && !x.known(toks[j-2].Text)
				if (w == "of" || w == "for") && toks[j].Text == w && !companySuffix[prev] && !surnameHead && (longName || w == "of" && x.chamberName(joinToks(toks[i:j])) || x.g.orgHeads[prev] != "" || len(prev) > 4 && x.g.orgHeads[strings.TrimSuffix(prev, "s")] != "" || x.g.locHeads[prev] != "" || x.g.roleHeads[prev] || prev == "Republic" || prev == "Kingdom" || prev == "Secretary" || prev == "Bank" || prev == "Minister") {
					j++
					continue
				}
				if w == "and" && toks[j].Text == "and" {
					// Only when the whole name is known or ends in an org head.
					k := j + 1
					for k < len(toks) && x.isNameToken(toks, k) {
						k++
					}
					full := joinToks(toks[i:k])
					// "the House and Senate", "Congress and the White
					// House": two names the gazetteer knows apart are a
					// coordination, not one organisation.
					leftKnown, rightKnown := x.known(joinToks(toks[i:j])), x.known(joinToks(toks[j+1:k]))
					// "South and Central Asia": the left part shares the
					// right one's head.
					elliptic := rightKnown && x.known(joinToks(toks[i:j])+" "+toks[k-1].Text)
					// "Coalition for Cybersecurity Policy and Law": the
					// complement of an organisation's head goes on.
					complement := longName && !rightKnown && k-j-1 <= 2 && !x.hasRoleHead(toks[j+1:k])
					// "House Ways and Means Committee": the "and" of a
					// committee's subject.
					if x.committeeAnd(toks, i, j) {
						j++
						continue
					}
					// A name of the names tables with "and" is one name
					// ("Customs and Border Protection").
					if x.known(full) || elliptic || complement || !(leftKnown && rightKnown) && (x.g.orgHeads[toks[k-1].Text] != "" || x.g.locHeads[toks[k-1].Text] != "") && k-i <= 6 {
						j++
						continue
					}
				}
			}
			break
		}
		out = append(out, chunk{i, j})
		i = j
	}
	return out
}

func joinToks(toks []token) string {
	var b strings.Builder
	for k, t := range toks {
		if k > 0 && t.Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// chamberName reports whether a name is a legislature's or a court's of
// the names tables, which another chamber's name continues with "of":
// "House of Delegates", "Supreme Court of Virginia".
func (x *docState) chamberName(s string) bool {
	m, ok := names.Default().Family(s)
	if ok && (m.Kind == names.KindLegislature || m.Kind == names.KindCourt) {
		return true
	}
	// "Virginia House of Delegates", "Alabama Supreme Court of …": a place
	// before the chamber's name says whose chamber it is.
	words := strings.Fields(s)
	for k := 1; k < len(words) && k <= 3; k++ {
		if e, ok := x.lookup(strings.Join(words[:k], " ")); ok && e.Class.IsA(schema.Location) {
			m, ok := names.Default().Family(strings.Join(words[k:], " "))
			return ok && (m.Kind == names.KindLegislature || m.Kind == names.KindCourt)
		}
	}
	return false
}

// known reports whether a name is in the gazetteer or in a family of the
// names tables ("House", "Treasury": ambiguous names count too).
func (x *docState) known(s string) bool {
	if _, ok := x.lookup(s); ok {
		return true
	}
	_, ok := names.Default().Family(s)
	return ok
}

// lookup finds a gazetteer entry for a surface form; all-caps text
// (datelines, wire headers) is matched case-insensitively.
func (x *docState) lookup(s string) (gazEntry, bool) {
	if e, ok := x.g.entries[s]; ok {
		return e, true
	}
	if strings.HasPrefix(s, "the ") || strings.HasPrefix(s, "The ") {
		if e, ok := x.g.entries[s[4:]]; ok {
			return e, true
		}
	}
	// "Twitter Inc", "Boeing Co.": a known company with its suffix.
	if k := strings.LastIndexByte(s, ' '); k > 0 && companySuffix[s[k+1:]] {
		if e, ok := x.g.entries[strings.TrimSuffix(s[:k], ",")]; ok && e.Class.IsA(schema.Organization) {
			return e, true
		}
	}
	if allCaps(s) && len(s) > 3 {
		if e, ok := x.g.lowerEnt[strings.ToLower(s)]; ok {
			return e, true
		}
	}
	return gazEntry{}, false
}

// findMentions segments each chunk of a sentence into mentions: titles,
// names, demonyms, and classifies them.
func (x *docState) findMentions(si int) {
	s := &x.sents[si]
	toks := s.Toks
	for ti, t := range toks {
		if head, suf, ok := splitHyphen(t.Text); ok && (upperFirst(head) || arabicPrefix(head)) {
			m := mention{sent: si, i: ti, j: ti + 1, kind: kHyphen, surface: head, suffix: suf, ent: -1, roleOrg: -1}
			if c, ok := x.g.demonyms[head]; ok {
				m.gazName, m.class, m.strength = c, schema.Country, 3
			} else if e, ok := x.lookup(head); ok {
				m.gazName, m.class, m.strength = e.Name, e.Class, 3
			} else {
				m.class, m.strength = schema.Location, 1
			}
			x.addMention(m)
		}
		switch t.Lower {
		case "its", "their":
			x.addMention(mention{sent: si, i: ti, j: ti + 1, kind: kPronoun, surface: t.Text, class: schema.Organization, ent: -1, roleOrg: -1})
		case "he", "she", "him":
			x.addMention(mention{sent: si, i: ti, j: ti + 1, kind: kPronoun, surface: t.Text, class: schema.Person, ent: -1, roleOrg: -1})
		case "group", "organization", "organisation", "militia", "movement", "militants", "jihadists", "agency", "company", "firm", "newspaper", "network", "university", "party":
			det := ti - 1
			if det > 0 && strings.Contains(toks[det].Text, "-") && toks[det-1].Lower == "the" {
				det-- // "the Tarsis-backed militia"
			}
			if ti > 0 && toks[det].Lower == "the" && !(ti+1 < len(toks) && (toks[ti+1].Lower == "of" || toks[ti+1].Text == "'s")) && (ti < 2 || !x.isNameToken(toks, ti-2) || toks[ti-2].Lower != "the") {
				x.addMention(mention{sent: si, i: det, j: ti + 1, kind: kPronoun, surface: "the " + t.Lower, class: schema.Organization, ent: -1, roleOrg: -1})
			}
		}
	}
	for _, c := range x.chunks(toks) {
		x.segment(si, c)
	}
}

func (x *docState) addMention(m mention) int {
	if m.stripped == "" {
		m.stripped = m.surface
	}
	x.ments = append(x.ments, m)
	x.sentMents[m.sent] = append(x.sentMents[m.sent], len(x.ments)-1)
	return len(x.ments) - 1
}

// roleSpan finds a title inside the chunk: modifiers, a head, and an
// "of/for X" complement. It returns the span or ok=false.
func (x *docState) roleSpan(toks []token, c chunk) (ri, rj int, ok bool) {
	for k := c.i; k < c.j; k++ {
		t := toks[k].Text
		two := ""
		if k+1 < c.j {
			two = t + " " + toks[k+1].Text
		}
		isHead := x.g.roleHeads[t] || (two != "" && x.g.roleHeads[two])
		if !isHead {
			continue
		}
		// "Martin Luther King Jr.", "Billie Jean King": a surname, not a title.
		if k > c.i && (x.g.given[toks[k-1].Text] || honorifics[toks[k-1].Text]) || k+1 < c.j && (toks[k+1].Text == "Jr." || toks[k+1].Text == "Jr" || toks[k+1].Text == "Sr." || toks[k+1].Text == "III") {
			continue
		}
		// "General Motors", "Justice Department": a head followed by an org
		// head is part of an organisation name, not a title.
		if k+1 < c.j && (x.g.orgHeads[toks[k+1].Text] != "" || toks[k+1].Text == "Motors") {
			continue
		}
		// "King County", "Prince George County": a place head after it.
		if k+1 < c.j && x.g.locHeads[toks[k+1].Text] != "" {
			continue
		}
		// "International Court of Justice", "Department of Labor": the
		// complement of an organisation's head.
		if k >= c.i+2 && (toks[k-1].Lower == "of" || toks[k-1].Lower == "for") && x.g.orgHeads[toks[k-2].Text] != "" {
			continue
		}
		ri = k
		for ri > c.i && (x.g.roleMods[toks[ri-1].Text] || x.g.roleHeads[toks[ri-1].Text]) {
			ri--
		}
		rj = k + 1
		if two != "" && x.g.roleHeads[two] {
			rj = k + 2
		}
		for rj < c.j && (titleEnds[toks[rj].Text] || x.g.roleMods[toks[rj].Text] && rj+1 < c.j && x.g.roleHeads[toks[rj+1].Text] && titleEnds[toks[rj+1].Text]) {
			rj++
		}
		// Complement: "for Syria Engagement", "of State".
		if rj < c.j && (toks[rj].Lower == "for" || toks[rj].Lower == "of") {
			rest := c.j - (rj + 1)
			take := rest
			// Leave a trailing person name alone: "Secretary of State John Kerry".
			for n := 1; n < rest; n++ {
				if x.g.given[toks[rj+1+n].Text] {
					take = n
					break
				}
			}
			if rest >= 3 && take == rest && !x.looksOrg(toks[rj+1:c.j]) {
				take = 1
				if _, ok := x.lookup(joinToks(toks[rj+1 : c.j])); ok {
					take = rest
				}
			}
			rj = rj + 1 + take
		}
		return ri, rj, true
	}
	return 0, 0, false
}

func (x *docState) looksOrg(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1].Text
	return x.g.orgHeads[last] != "" || x.g.locHeads[last] != ""
}

// segment turns one chunk into mentions.
func (x *docState) segment(si int, c chunk) {
	toks := x.sents[si].Toks
	// Drop honorifics and a leading "The" from the span but remember them.
	hon := false
	for c.i < c.j && (honorifics[toks[c.i].Text] || toks[c.i].Text == "The" || toks[c.i].Text == "Former") {
		if honorifics[toks[c.i].Text] {
			hon = true
		}
		c.i++
	}
	if c.i >= c.j {
		return
	}
	text := joinToks(toks[c.i:c.j])
	if e, ok := x.lookupChunk(toks, c, text); ok {
		x.nameMention(si, c.i, c.j, e, hon)
		return
	}
	// "Virginia House of Delegates", "Supreme Court of Virginia": a
	// chamber's name that "of" continues names a chamber.
	for k := c.i + 1; k+1 < c.j; k++ {
		if toks[k].Text != "of" || !x.chamberName(joinToks(toks[c.i:k])) || x.hasRoleHead(toks[k+1:c.j]) {
			continue
		}
		// Not "House of Representatives Judiciary": a known chamber
		// inside the chunk leaves the words after it to the split rules.
		inner := false
		for m := k + 2; m < c.j; m++ {
			inner = inner || x.known(joinToks(toks[c.i:m]))
		}
		if inner {
			break
		}
		// "Florida House of Representatives and Senate": two chambers.
		for a := k + 2; a+1 < c.j; a++ {
			if toks[a].Text == "and" && x.chamberName(joinToks(toks[a+1:c.j])) {
				x.addNamed(si, chunk{c.i, a}, schema.Government)
				r := x.addNamed(si, chunk{a + 1, c.j}, schema.Government)
				// The second chamber is the same place's: "the Florida
				// Senate", not the U.S. Senate.
				for p := c.i + 1; p < k && p <= c.i+3; p++ {
					if e, ok := x.lookup(joinToks(toks[c.i:p])); ok && e.Class.IsA(schema.Location) {
						x.ments[r].surface = joinToks(toks[c.i:p]) + " " + x.ments[r].surface
						x.ments[r].stripped = x.ments[r].surface
						break
					}
				}
				return
			}
			if toks[a].Text == "and" || toks[a].Text == "&" {
				inner = true
			}
		}
		if !inner {
			x.addNamed(si, c, schema.Government)
			return
		}
	}
	// "Special White House counsel Ty Cobb", "senior White House adviser":
	// a title's modifier before a known organisation belongs to the
	// lower-case title after it, not to the organisation's name.
	if c.j-c.i >= 2 && c.j < len(toks) && titleOnlyMods[toks[c.i].Text] &&
		toks[c.j].Text == toks[c.j].Lower && (x.g.roleNouns[toks[c.j].Text] || x.g.roleHeads[toks[c.j].Text]) {
		if e, ok := x.lookupChunk(toks, chunk{c.i + 1, c.j}, joinToks(toks[c.i+1:c.j])); ok {
			x.nameMention(si, c.i+1, c.j, e, hon)
			return
		}
	}
	// A title inside: [org/country prefix] [role] [person].
	if ri, rj, ok := x.roleSpan(toks, c); ok {
		org := -1
		if ri > c.i {
			// What names a title is an organisation or a place, never a person.
			org = x.segmentHint(si, chunk{c.i, ri}, schema.Organization)
		}
		// "drug wholesaler Cardinal Health Inc": a company's name that
		// opens with a title word is the company's.
		if ri == c.i && rj < c.j && companySuffix[toks[c.j-1].Text] {
			x.addNamed(si, c, schema.Company)
			return
		}
		x.addMention(mention{sent: si, i: ri, j: rj, kind: kRole, surface: joinToks(toks[ri:rj]), class: schema.Role, strength: 3, ent: -1, roleOrg: org})
		if rj < c.j {
			x.segmentPlain(si, chunk{rj, c.j}, true)
		}
		return
	}
	// A demonym or country before a name: "Russian President", "US envoy",
	// "American John Smith". Org names keep theirs ("Syrian Democratic Forces").
	if c.j-c.i >= 2 {
		first := toks[c.i].Text
		_, isDem := x.g.demonyms[first]
		restOrg := x.looksOrg(toks[c.i+1 : c.j])
		if isDem && !restOrg && !x.known(joinToks(toks[c.i:c.j])) {
			x.addMention(mention{sent: si, i: c.i, j: c.i + 1, kind: kDemonym, surface: first, gazName: x.g.demonyms[first], class: schema.Country, strength: 3, ent: -1, roleOrg: -1})
			x.segmentPlain(si, chunk{c.i + 1, c.j}, hon)
			return
		}
		// A place before an organisation: "Havana Radio Reloj Network",
		// "Beijing XINHUA", "U.S. Immigration and Naturalization Service".
		for k := min(c.j-1, c.i+3); k > c.i; k-- {
			e, ok := x.lookup(joinToks(toks[c.i:k]))
			// A country keeps its organisation's name whole: "Bangladesh
			// Nationalist Party"; a city names where a paper or station is.
			if !ok || !e.Class.IsA(schema.Location) || e.Class == schema.Country {
				continue
			}
			rest := toks[k:c.j]
			// "Alabama Supreme Court", "Maine House": a place before a name
			// that is ambiguous on its own says which court or house it is.
			if m, ok := names.Default().Family(joinToks(rest)); ok && m.Ambiguous && m.Class.Top() != schema.Person {
				x.addNamed(si, c, m.Class)
				return
			}
			_, restKnown := x.lookup(joinToks(rest))
			// "San Diego County", "Michigan State": a head word alone is part of the place's name.
			restOrgName := false
			for _, r := range rest {
				if x.g.orgHeads[r.Text] != "" && x.g.locHeads[r.Text] == "" || allCaps(r.Text) && len(r.Text) > 1 {
					restOrgName = len(rest) >= 2
				}
			}
			if restOrgName || restKnown || allCaps(joinToks(rest)) && len(joinToks(rest)) > 1 {
				loc := x.nameMention(si, c.i, k, e, false)
				org := x.segmentHint(si, chunk{k, c.j}, schema.Organization)
				if org >= 0 && loc >= 0 {
					x.locOrg = append(x.locOrg, [2]int{loc, org})
				}
				return
			}
			break
		}
	}
	x.segmentPlain(si, c, hon)
}

// addNamed adds the chunk as one name of a class the caller knows.
func (x *docState) addNamed(si int, c chunk, class schema.Class) int {
	m := mention{sent: si, i: c.i, j: c.j, kind: kName, surface: joinToks(x.sents[si].Toks[c.i:c.j]), class: class, strength: 3, ent: -1, roleOrg: -1}
	x.extendDescriptor(&m)
	return x.addMention(m)
}

func (x *docState) nameMention(si, i, j int, e gazEntry, hon bool) int {
	toks := x.sents[si].Toks
	m := mention{sent: si, i: i, j: j, kind: kName, surface: joinToks(toks[i:j]), gazName: e.Name, class: e.Class, strength: 4, ent: -1, roleOrg: -1}
	x.extendDescriptor(&m)
	return x.addMention(m)
}

// segmentHint adds a chunk whose class the context decides unless a
// gazetteer or a head word knows better.
func (x *docState) segmentHint(si int, c chunk, hint schema.Class) int {
	mi := x.segmentPlain(si, c, false)
	if mi >= 0 && x.ments[mi].strength < 3 && x.ments[mi].kind == kName {
		x.ments[mi].class, x.ments[mi].strength = hint, 2
	}
	return mi
}

// segmentPlain adds the chunk as one name mention and classifies it.
func (x *docState) segmentPlain(si int, c chunk, person bool) int {
	toks := x.sents[si].Toks
	if c.i >= c.j {
		return -1
	}
	text := joinToks(toks[c.i:c.j])
	if e, ok := x.lookupChunk(toks, c, text); ok {
		return x.nameMention(si, c.i, c.j, e, false)
	}
	if name, ok := x.committeeName(toks, c); ok {
		return x.addMention(mention{sent: si, i: c.i, j: c.j, kind: kName, surface: text, stripped: name, class: x.g.orgHeads["Committee"], strength: 3, ent: -1, roleOrg: -1})
	}
	if mi, ok := x.splitKnown(si, c); ok {
		return mi
	}
	if mi, ok := x.splitName(si, c, person); ok {
		return mi
	}
	if languages[text] && c.i > 0 && toks[c.i-1].Lower == "in" {
		return -1 // "in English": a language, not the country
	}
	if _, ok := x.g.demonyms[text]; ok && c.j-c.i == 1 {
		return x.addMention(mention{sent: si, i: c.i, j: c.j, kind: kDemonym, surface: text, gazName: x.g.demonyms[text], class: schema.Country, strength: 3, ent: -1, roleOrg: -1})
	}
	if c.j-c.i == 1 && (toks[c.i].Tag == "JJ" || adjectival(toks, c.i)) && !(c.j < len(toks) && descriptors[toks[c.j].Text].class != "") {
		// "Kurdish areas": an adjective, not a name.
		return -1
	}
	// Laws, programmes, holidays and taxes are named too ("Affordable Care
	// Act", "Obamacare", "Christmas", "the alternative minimum tax (AMT)"),
	// but are no person, organisation or place: no entity of ours.
	if x.miscName(toks, c) {
		return -1
	}
	m := mention{sent: si, i: c.i, j: c.j, kind: kName, surface: text, ent: -1, roleOrg: -1}
	m.class, m.strength = x.classify(si, toks, c, person)
	if m.class == "" {
		if c.j >= len(toks) || descriptors[toks[c.j].Text].class == "" {
			return -1
		}
		// "the Valdorian army": a MISC modifier names the body its
		// descriptor makes of it.
		m.class = schema.Organization
	}
	x.extendDescriptor(&m)
	return x.addMention(m)
}

// extendDescriptor takes in a lower-case descriptor after the name
// ("al-Hol camp", "Idlib province") or before it ("the province of Idlib").
func (x *docState) extendDescriptor(m *mention) {
	toks := x.sents[m.sent].Toks
	if m.j < len(toks) {
		w := toks[m.j].Text
		if d, ok := descriptors[w]; ok && !(m.j+1 < len(toks) && toks[m.j+1].Lower == "of") {
			if m.strength < 4 || m.class.Top() == d.class.Top() || m.class == schema.Location && d.class.IsA(schema.Location) {
				if m.strength < 4 || d.class.IsA(m.class) || m.class == schema.Country && d.class == schema.Government {
					if m.class == schema.Country && d.class == schema.Government {
						// "Syrian government": a government of the country.
						m.gazName = ""
					}
					m.class, m.strength = d.class, 4
				}
				full := m.surface + " " + w
				if d.strip {
					m.stripped = m.surface
				} else {
					m.bare = m.surface
					m.stripped = full
					if m.gazName != "" && d.class == schema.Government && m.class != schema.Government {
						m.gazName = "" // "Taliban government" is not the Taliban
					}
				}
				m.surface = full
				m.j++
				return
			}
		}
	}
	if m.i >= 2 && toks[m.i-1].Lower == "of" {
		if d, ok := placeNouns[toks[m.i-2].Lower]; ok && (m.strength < 4 || m.class.IsA(schema.Location)) && !m.class.IsA(schema.Country) {
			if toks[m.i-2].Lower != "capital" && toks[m.i-2].Lower != "country" {
				m.class, m.strength = d, 4
			}
		}
	}
}

// classify decides the class of an unknown name from its shape, its words
// and its context, with prose's NER as one vote among others.
func (x *docState) classify(si int, toks []token, c chunk, person bool) (schema.Class, int) {
	first, last := toks[c.i].Text, toks[c.j-1].Text
	n := c.j - c.i
	if person {
		return schema.Person, 3
	}
	// Datelines: "KESSEL, Northern Marches –" / "OSLAND, Brevia –".
	if c.i == 0 && c.j+1 < len(toks) && toks[c.j].Text == "," && (allCaps(joinToks(toks[c.i:c.j])) || x.datelineAfter(toks, c.j+1)) {
		return schema.City, 3
	}
	if c.i >= 2 && toks[c.i-1].Text == "," && x.datelineEnd(toks, c.j) {
		if _, ok := x.lookup(toks[0].Text); ok || allCaps(toks[0].Text) {
			return schema.Region, 3
		}
	}

	// "Committee on Natural Resources": the body's head, not the topic's.
	if cl := x.g.orgHeads[first]; cl != "" && n > 2 && bodyHeads[first] && toks[c.i+1].Text == "on" {
		return cl, 3
	}
	if cl := x.g.orgHeads[last]; cl != "" && n > 1 {
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
		return schema.Organization, 2 // wire headers: "SUEDDEUTSCHE ZEITUNG"
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
				titled := after < len(toks) && (toks[after].Text == "'s" || x.g.roleNouns[toks[after].Lower] && toks[after].Text == toks[after].Lower)
				if e, ok := x.lookupAt(toks, c.j+1); ok && !titled && e.Class.IsA(schema.Location) && n <= 3 && (c.j+2 >= len(toks) || toks[c.j+2].Text != "and") {
					loc += 2 // "Ocala, Fla."
					if strings.HasSuffix(nn.Text, ".") || e.Class == schema.Region && !x.g.given[first] {
						loc += 2 // a state abbreviation: "Franklin Lakes, N.J."
					}
				}
				if nn.Lower == "based" || nn.Lower == "headquartered" || nn.Lower == "which" {
					org++
				}
				if x.g.roleNouns[nn.Lower] || nn.Lower == "who" || (nn.Lower == "a" || nn.Lower == "the") && c.j+2 < len(toks) && x.g.roleNouns[toks[c.j+2].Lower] {
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
	// Ben Ginsberg" the title after "and" is the next person's.
	for k := c.j; k < len(toks) && k < c.j+3 && toks[k].Text == toks[k].Lower && toks[k].Tag != "CC"; k++ {
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
	if c.j+2 < len(toks) && toks[c.j].Text == "(" && allCaps(toks[c.j+1].Text) && toks[c.j+2].Text == ")" && n >= 2 {
		org += 2 // "Party of the Democratic Revolution (PRD)"
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

func text(toks []token) string { return joinToks(toks) }

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

// gazEndAt is the end of the longest gazetteer name of two or more
// tokens that starts at token i, or i when there is none.
func (x *docState) gazEndAt(toks []token, i int) int {
	for n := min(x.g.maxLen, len(toks)-i); n >= 2; n-- {
		// A descriptor after the name ("Islamic State group") is
		// extendDescriptor's: only a capitalised last word counts.
		s := joinToks(toks[i : i+n])
		if _, ok := x.g.entries[s]; (ok || x.g.misc[s]) && upperFirst(toks[i+n-1].Text) {
			return i + n
		}
	}
	return i
}

// isGazStart reports whether tokens i, i+1 begin a two-word gazetteer name.
func (x *docState) isGazStart(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	_, ok := x.g.entries[toks[i].Text+" "+toks[i+1].Text]
	return ok
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

// titleEnds are words a title can continue with to the right: "Prime
// Minister", "Attorney General", "Chief Executive Officer".
var titleEnds = map[string]bool{"General": true, "Minister": true, "Secretary": true, "President": true, "Director": true,
	"Officer": true, "Commander": true, "Chief": true, "Coordinator": true, "Representative": true, "Envoy": true,
	"Spokesman": true, "Spokeswoman": true, "Adviser": true, "Advisor": true, "Executive": true, "Ambassador": true}

// orgNouns in an appositive make the name before them an organisation.
var orgNouns = map[string]bool{"company": true, "firm": true, "group": true, "organisation": true, "organization": true,
	"agency": true, "newspaper": true, "daily": true, "network": true, "charity": true, "party": true, "movement": true,
	"militia": true, "bank": true, "airline": true, "university": true, "institute": true, "consortium": true,
	"conglomerate": true, "manufacturer": true, "insurer": true, "startup": true, "broadcaster": true, "union": true}

// lookupChunk looks a chunk up, also with the period that a tokenised
// source split off ("Tenn ." for "Tenn.").
func (x *docState) lookupChunk(toks []token, c chunk, text string) (gazEntry, bool) {
	if e, ok := x.lookup(text); ok {
		return e, true
	}
	if c.j < len(toks) && toks[c.j].Text == "." && toks[c.j].Start > toks[c.j-1].End {
		if e, ok := x.lookup(text + "."); ok && e.Class.IsA(schema.Location) {
			return e, true
		}
	}
	return gazEntry{}, false
}

// lookupAt finds the longest gazetteer name starting at token i.
func (x *docState) lookupAt(toks []token, i int) (gazEntry, bool) {
	for n := min(x.g.maxLen, len(toks)-i); n >= 1; n-- {
		if e, ok := x.lookup(joinToks(toks[i : i+n])); ok {
			return e, true
		}
	}
	return gazEntry{}, false
}

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

// contraction reports whether a token is a pronoun or verb contracted
// with its clitic ("I'm", "We’re", "They'll", "Don't", "That's"), which
// the tokenizer keeps whole and a capital makes look like a name. Names
// with an apostrophe go on in capitals ("O'Brien", "D’Amato").
func contraction(t string) bool {
	t = strings.ReplaceAll(t, "’", "'")
	k := strings.LastIndexByte(t, '\'')
	if k <= 0 {
		return false
	}
	head, clitic := strings.ToLower(t[:k]), t[k+1:]
	switch clitic {
	case "m", "re", "ve", "ll", "d":
		return true
	case "t":
		return strings.HasSuffix(head, "n")
	case "s":
		return functionWords[head] || head == "let" || head == "what" || head == "who"
	}
	return false
}

var stormWords = map[string]bool{"hurricane": true, "hurricanes": true, "typhoon": true, "typhoons": true, "cyclone": true, "cyclones": true, "storm": true, "storms": true}

// splitKnown cuts a chunk that is a run of known names and nothing else
// into those names: "U.S. Senate Republican [leader]" is the Senate and
// the party, "Texas Republican" a state and a party. The longest known
// name is taken first; a chunk with any unknown word is left alone, and
// one known whole never reaches here. It returns the last mention.
func (x *docState) splitKnown(si int, c chunk) (int, bool) {
	toks := x.sents[si].Toks
	if x.known(joinToks(toks[c.i:c.j])) {
		return -1, false // "U.S. Supreme Court" is one name of the names tables
	}
	type piece struct {
		i, j  int
		e     gazEntry
		class schema.Class
	}
	var ps []piece
	for k := c.i; k < c.j; {
		found := false
		for n := c.j - k; n >= 1 && !found; n-- {
			if k == c.i && n == c.j-c.i {
				continue
			}
			s := joinToks(toks[k : k+n])
			if e, ok := x.lookup(s); ok {
				ps, found = append(ps, piece{k, k + n, e, e.Class}), true
			} else if m, ok := names.Default().Family(s); ok && m.Class.Top() != schema.Person {
				ps, found = append(ps, piece{k, k + n, gazEntry{}, m.Class}), true
			}
		}
		if !found {
			return -1, false
		}
		k = ps[len(ps)-1].j
	}
	last := -1
	for _, p := range ps {
		if p.e.Name != "" {
			last = x.nameMention(si, p.i, p.j, p.e, false)
		} else {
			last = x.addNamed(si, chunk{p.i, p.j}, p.class)
		}
	}
	return last, true
}

func (x *docState) hasRoleHead(toks []token) bool {
	for _, t := range toks {
		if x.g.roleHeads[t.Text] {
			return true
		}
	}
	return false
}

// genericHeads are head words that, alone, name no entity of their own
// ("Union" does: the Union of the Civil War, the European Union's short
// name); "Commerce" and "Nation" are the tails of longer names split off
// ("Chamber of Commerce", "Face the Nation").
var genericHeads = map[string]bool{"Committee": true, "Subcommittee": true, "Cabinet": true, "Department": true,
	"Ministry": true, "Commission": true, "Council": true, "Chamber": true, "Agency": true,
	"Bureau": true, "Board": true, "Association": true, "Foundation": true, "Institute": true, "Center": true,
	"TV": true, "Commerce": true, "Nation": true}

// titleOnlyMods modify titles and never open an organisation's name
// ("National", "Federal", "Supreme" do: "National Security Council").
var titleOnlyMods = map[string]bool{"Special": true, "Senior": true, "Deputy": true, "Acting": true, "Assistant": true,
	"Associate": true, "Former": true, "Interim": true, "Top": true, "Principal": true}

// bodyHeads are the heads of deliberative bodies and institutes, whose
// names go on with "on" and their subject.
var bodyHeads = map[string]bool{"Committee": true, "Subcommittee": true, "Commission": true, "Council": true,
	// "Project on Government Oversight", "Center on Budget and Policy Priorities"
	"Project": true, "Center": true, "Centre": true, "Institute": true, "Foundation": true, "Conference": true}

// committeeAnd reports whether the "and" at token j joins the words of one
// committee subject (committeesData) inside the run of name tokens that
// starts at i: "House Ways and Means", "Energy and Commerce Committee".
func (x *docState) committeeAnd(toks []token, i, j int) bool {
	for p := max(i, j-x.g.commAnd); p < j; p++ {
		for q := j + 2; q <= len(toks) && q-p <= x.g.commAnd; q++ {
			if x.g.committee[joinToks(toks[p:q])] {
				return true
			}
		}
	}
	return false
}

// committeePrefix are the words that may say whose committee a subject
// names: "U.S. House", "Senate", "House of Representatives".
var committeePrefix = map[string]bool{"House": true, "Senate": true, "U.S.": true, "US": true, "of": true, "Representatives": true}

// committeeName reads a chunk as a legislative committee named by its
// subject: [chamber] subject [Committee], where the chamber, the head
// word or a lower-case "committee" after the chunk says it is one ("House
// Ways and Means Chairman …", "the tax-writing Ways and Means committee").
// It returns the committee's name with its head word, so that every form
// is one node: "House Ways and Means" → "House Ways and Means Committee".
func (x *docState) committeeName(toks []token, c chunk) (string, bool) {
	j := c.j
	head := ""
	if j-c.i >= 2 && (toks[j-1].Text == "Committee" || toks[j-1].Text == "Subcommittee") {
		head = toks[j-1].Text
		j--
	}
	for p := c.i; p < j; p++ {
		if !x.g.committee[joinToks(toks[p:j])] {
			continue
		}
		chamber := false
		for _, t := range toks[c.i:p] {
			if !committeePrefix[t.Text] {
				return "", false
			}
			chamber = chamber || t.Text == "House" || t.Text == "Senate"
		}
		// "the House Ways and Means trade subcommittee": the committee's.
		lower := false
		for k := c.j; k < len(toks) && k < c.j+3 && toks[k].Text == toks[k].Lower; k++ {
			if toks[k].Lower == "committee" || toks[k].Lower == "subcommittee" || toks[k].Lower == "panel" {
				lower = true
				break
			}
		}
		switch {
		case head == "Subcommittee":
			return joinToks(toks[c.i:c.j]), true
		case head != "" || chamber || lower:
			return joinToks(toks[c.i:j]) + " Committee", true
		}
		return "", false
	}
	return "", false
}
