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
	mr mrs ms dr born like unlike`) {
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

// monthAbbrevName reports whether token i, a month's abbreviation without
// a period ("Jan", "Mar", "Dec"), is a name rather than a month: it is a
// month only next to a day number or a year ("Jan 5", "5 Jan", "Jan 2017"),
// while "Jan Reeves" is a given name and a surname.
func monthAbbrevName(toks []token, i int) bool {
	t := toks[i].Text
	if len(t) < 3 || len(t) > 4 || strings.HasSuffix(t, ".") || !monthAbbrev(toks[i].Lower) || months[toks[i].Lower] {
		return false
	}
	if i+1 < len(toks) && toks[i+1].Tag == "CD" || i > 0 && toks[i-1].Tag == "CD" {
		return false
	}
	return i+1 < len(toks) && upperFirst(toks[i+1].Text)
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

// modifierTails end hyphenated modifiers written with a capital head:
// "Catholic-majority", "English-language", "Obama-era", "PIMCO-parent".
// Lower-case tails of names ("Tsai Ing-wen", "Prayuth Chan-ocha") are no
// such words.
var modifierTails = map[string]bool{"majority": true, "minority": true, "language": true, "speaking": true,
	"era": true, "type": true, "style": true, "parent": true, "built": true, "bought": true, "drawn": true,
	"friendly": true, "wide": true, "free": true, "only": true, "centric": true, "heavy": true, "rich": true}

// isNameToken reports whether token i of the sentence can be part of a
// proper name.
func (x *docState) isNameToken(toks []token, i int) bool {
	t := toks[i].Text
	if _, _, ok := splitHyphen(t); ok {
		return false // "al-Qaeda-linked", "Russian-backed": modifiers
	}
	// "Democratic-leaning", "Senate-passed", "Republican-dominated": a
	// participle after a hyphen makes a modifier, never a name.
	if k := strings.LastIndexByte(t, '-'); k > 0 && k+3 < len(t) && !upperFirst(t[k+1:]) && (strings.HasSuffix(t, "ing") || strings.HasSuffix(t, "ed")) && !arabicPrefix(t) {
		return false
	}
	// "Muslim-majority Malaysia", "English-language media", "Obama-era
	// rules": a common noun after the hyphen makes a modifier, never part
	// of the name after it (the name still stands: "Malaysia").
	if k := strings.LastIndexByte(t, '-'); k > 0 && upperFirst(t) && modifierTails[t[k+1:]] {
		return false
	}
	// "@POTUS", "#MeToo": a social-media handle or tag (the tokenizer
	// splits the sign off) names an account or a topic, not an entity.
	if i > 0 && (toks[i-1].Text == "@" || toks[i-1].Text == "#") && toks[i-1].End == toks[i].Start {
		return false
	}
	if arabicPrefix(t) {
		return true
	}
	if x.capitalisedSpeechVerb(toks, i) {
		return false
	}
	if tickerToken(toks, i) {
		return false // "(NAVI.O)": a ticker, not a name
	}
	if !upperFirst(t) || timeWords[t] && !monthAbbrevName(toks, i) || t == "I" || contraction(t) {
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
		// "filed by Our Children's Trust", "the group Our Revolution": a
		// possessive capitalised inside a sentence, before a capitalised
		// word, opens a group's name.
		if (t == "Our" || t == "My") && i > 0 && !nlp.IsOpenQuote(toks[i-1].Text) && toks[i-1].Text != ":" && !dashes[toks[i-1].Text] && !upperFirst(toks[i-1].Text) &&
			i+1 < len(toks) && upperFirst(toks[i+1].Text) && !functionWords[toks[i+1].Lower] && !honorifics[toks[i+1].Text] && !x.g.roleHeads[toks[i+1].Text] && !allCapsLine(toks) {
			return true
		}
		// "SERVICES IN ATLANTA": between a word in capitals and a known
		// place in capitals, "IN" and "AT" are the run's prepositions.
		capsRun := false
		if (t == "IN" || t == "AT") && i > 0 && i+1 < len(toks) && len(toks[i-1].Text) > 2 && allCaps(toks[i-1].Text) && allCaps(toks[i+1].Text) {
			e, ok := x.lookupAt(toks, i+1)
			capsRun = ok && e.Class.IsA(schema.Location)
		}
		if allCaps(t) && len(t) >= 2 && toks[i].Lower != "i" && (i > 0 && !allCapsLine(toks)) && !capsRun {
			return true // "US", "IT"? only mid-sentence acronyms
		}
		return false
	}
	if ideologies[t] && i+1 < len(toks) && (partyMembers[toks[i+1].Lower] || benchTitles[toks[i+1].Text]) {
		// "Liberal Justice Stephen Breyer": a judge has a leaning, no party.
		// "Conservative Republicans said": a wing of a party, not the
		// Conservative Party.
		return false
	}
	if openingAdjectives[t] && (i == 0 || nlp.IsOpenQuote(toks[i-1].Text) || toks[i-1].Text == ":" || dashes[toks[i-1].Text]) {
		// "Top White House adviser X", "Embattled Republican Y": an
		// adjective capitalised because it opens the sentence.
		return false
	}
	if x.g.roleHeads[t] || x.g.roleMods[t] {
		return true
	}
	if i == 0 || nlp.IsOpenQuote(toks[i-1].Text) || toks[i-1].Text == ":" {
		// "Police said", "Officials met": a group noun opening a sentence.
		// "Democrats are unified": a party's members name the party
		// (splitGroup); "Republicans said" stays some members' words, not
		// the party's statement.
		partyNoSpeech := isAffiliation(t) && !(i+1 < len(toks) && speechVerbs[toks[i+1].Lower])
		if (groupStarts[toks[i].Lower] || commonPlurals[toks[i].Lower]) && !(i+1 < len(toks) && upperFirst(toks[i+1].Text)) && !partyNoSpeech {
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
		// "Housing and Urban Development Secretary X", "Health and Human
		// Services Secretary X" opening a sentence: the tagger reads the
		// department's first field as a common noun; capitalised words
		// after "and" up to a title's head make it a department's name.
		if i+3 < len(toks) && toks[i+1].Text == "and" {
			for k := i + 2; k < len(toks) && k <= i+5 && upperFirst(toks[k].Text); k++ {
				if x.g.roleHeads[toks[k].Text] && !x.g.roleMods[toks[k].Text] && k > i+2 {
					return true
				}
			}
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

// capitalisedSpeechVerb reports whether a capitalised word inside a
// sentence is a speech verb that a name precedes ("attorney for the State
// of Hawaii Tweeted: …", "X Wrote that …"): not part of the name. A
// given name before it makes it a surname ("Edward Said"), and a capital
// after it a headline's style ("Trump Says He Will …").
func (x *docState) capitalisedSpeechVerb(toks []token, i int) bool {
	t := toks[i]
	if i == 0 || i+1 >= len(toks) || t.Text == t.Lower || allCaps(t.Text) || !(speechVerbs[t.Lower] || t.Lower == "tweeted" || t.Lower == "posted") {
		return false
	}
	if !upperFirst(toks[i-1].Text) || x.g.given[toks[i-1].Text] {
		return false
	}
	next := toks[i+1]
	r, _ := utf8.DecodeRuneInString(next.Text)
	return next.Text == ":" || nlp.IsOpenQuote(next.Text) || unicode.IsLower(r)
}

// openingAdjectives are capitalised only by the sentence they open; no name
// in the gazetteers starts with one.
var openingAdjectives = map[string]bool{"Top": true, "Embattled": true, "Incoming": true, "Outgoing": true,
	"Prominent": true, "Longtime": true, "Veteran": true, "Influential": true, "Powerful": true, "Beleaguered": true,
	"Rival": true}

// dashes end a dateline ("WASHINGTON (Reuters) - Embattled …"): the word
// after one opens the story's first sentence.
var dashes = map[string]bool{"-": true, "–": true, "—": true}

// benchTitles are judges' titles; an ideology before one is a leaning.
var benchTitles = map[string]bool{"Justice": true, "Justices": true, "Judge": true, "Judges": true}

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
			// "Uranium One", "Air Force One", "Capital One": the tagger
			// reads a capitalised "One" as a number, but after a name
			// inside a sentence it is the name's last word.
			if toks[j].Text == "One" && (j+1 >= len(toks) || !upperFirst(toks[j+1].Text)) {
				j++
				break
			}
			if k := x.possessiveNameEnd(toks, i, j); k > j {
				j = k
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
				if (toks[j].Lower == "'s" || toks[j].Lower == "'") && groupNouns[prev] && x.g.orgHeads[toks[j+1].Text] != "" {
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
				// "Committee on Science, Space and Technology", "Ministry of
				// Industry, Trade and Tourism": the complement of a body's
				// head is a list of subjects.
				if w == "," && longName {
					if k := x.subjectListEnd(toks, j); k > j {
						j = k
						continue
					}
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
					// "Housing and Urban Development Secretary X": two fields
					// that "and" joins before a title name one department.
					if x.departmentAnd(toks, i, j, k) {
						j++
						continue
					}
					// "the State Department and U.S. Agency for International
					// Development": a body's name complete before "and" and a
					// second one after it are two bodies ("Farmers Bank and
					// Trust Company", "National Oil and Gas Company" are one).
					if !x.known(full) && x.closedName(toks[i:j]) && k-j-1 >= 2 && x.g.orgHeads[toks[j+1].Text] == "" && (x.g.orgHeads[toks[k-1].Text] != "" || companySuffix[toks[k-1].Text]) {
						break
					}
					// "Google and Facebook Inc": a company the tables know
					// before "and" and a company's suffix ending the words
					// after it are two companies, as lists of firms go
					// ("Barnes and Noble Inc", whose first word is no firm,
					// stays one).
					if e, ok := x.lookup(joinToks(toks[i:j])); ok && !x.known(full) && e.Class.IsA(schema.Organization) && k-j-1 >= 2 && companySuffix[toks[k-1].Text] {
						break
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
		// "the 9th U.S. Circuit Court of Appeals", "the 82nd Airborne
		// Division": the ordinal tells one court or unit from its
		// namesakes, so it is part of the name.
		if i > 0 && ordinal(toks[i-1].Text) && (len(out) == 0 || out[len(out)-1].j < i-1) {
			for k := i; k < j; k++ {
				if ordinalHeads[toks[k].Text] {
					i--
					break
				}
			}
		}
		out = append(out, chunk{i, j})
		i = j
	}
	return out
}

// ordinalHeads are words of names that an ordinal numbers: courts,
// districts and military units.
var ordinalHeads = map[string]bool{"Circuit": true, "District": true, "Court": true, "Division": true, "Army": true,
	"Fleet": true, "Corps": true, "Brigade": true, "Regiment": true, "Battalion": true, "Infantry": true, "Airborne": true,
	"Congressional": true, "Precinct": true, "Squadron": true, "Wing": true, "Marine": true, "Armored": true}

// closedName reports whether a run of two or more name tokens ends in a
// body's head word or a company's suffix ("State Department", "Norvik
// Holdings Inc"), not in an industry's word that a longer name goes on
// from ("National Oil", "Raleigh News").
func (x *docState) closedName(toks []token) bool {
	if len(toks) < 2 {
		return false
	}
	last := toks[len(toks)-1].Text
	cl := x.g.orgHeads[last]
	return companySuffix[last] || cl != "" && cl != schema.Company && cl != schema.MediaOutlet
}

// subjectListEnd returns the end of a list of subjects that goes on a
// body's name at the comma at token j (", Space and Technology", ", Trade,
// Industry and Tourism"), or j when what follows is no such list. Each
// subject is one or two capitalised words that are no name of their own
// (not a gazetteer's, not an acronym, not a given name nor a title), and
// the list ends with "and" and a last subject: "the Committee on
// Intelligence, FBI and CIA officials" are three bodies, "the Ministry of
// Defence, Ana Ruiz said" a body and a person.
func (x *docState) subjectListEnd(toks []token, j int) int {
	subject := func(k int) int { // end of a subject starting at k, or k
		e := k
		for e < len(toks) && e < k+2 && x.isNameToken(toks, e) {
			t := toks[e].Text
			if _, ok := x.lookup(t); ok || allCaps(t) || x.g.given[t] || x.g.roleHeads[t] || x.g.roleMods[t] {
				return k
			}
			e++
		}
		if e < len(toks) && x.isNameToken(toks, e) {
			return k // a longer run of names is a name of its own
		}
		return e
	}
	k := j
	for items := 0; items < 6 && k < len(toks); items++ {
		sep := toks[k].Text
		if sep != "," && sep != "and" {
			return j
		}
		if sep == "," && k+1 < len(toks) && toks[k+1].Text == "and" {
			k++ // the serial comma
			sep = "and"
		}
		e := subject(k + 1)
		if e == k+1 {
			return j
		}
		if sep == "and" {
			return e
		}
		k = e
	}
	return j
}

// possessiveNameEnd returns where a name goes on through the possessive
// at token j, or j: "Moody's Investors Service", "McDonald's Corp",
// "Moody's said" are one company's name, not "Moody" and what it owns.
// The name with its possessive is in the tables, or the one word before it
// is unknown and the capitalised words after it, before any title word,
// end in a company's head or suffix ("Hadley's Analytics", "Brenner's
// Foods Inc"). "China's Commerce Ministry" and "Trump's Justice
// Department" stay an owner and a body.
func (x *docState) possessiveNameEnd(toks []token, i, j int) int {
	if toks[j].Lower != "'s" || toks[j].Start != toks[j-1].End {
		return j
	}
	owner := joinToks(toks[i:j])
	k := j + 1
	for k < len(toks) && x.isNameToken(toks, k) && !x.g.roleHeads[toks[k].Text] && !x.g.roleMods[toks[k].Text] {
		k++
	}
	// The longest name of the tables first: "Moody's Investors Service"
	// before "Moody's".
	for n := k; n > j; n-- {
		name := owner + "'s"
		if n > j+1 {
			name += " " + joinToks(toks[j+1:n])
		}
		if _, ok := x.g.entries[name]; ok {
			return n
		}
	}
	// "MUFG's Bank of Tokyo-Mitsubishi UFJ Ltd": an acronym owns a company.
	if j != i+1 || k == j+1 || allCaps(owner) || x.known(owner) || x.g.given[owner] || x.g.demonyms[owner] != "" {
		return j
	}
	last := toks[k-1].Text
	if companySuffix[last] || x.g.orgHeads[last] == schema.Company {
		return k
	}
	return j
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
	// "Moody’s": the tables write apostrophes straight.
	if strings.Contains(s, "’") {
		if e, ok := x.g.entries[strings.ReplaceAll(s, "’", "'")]; ok {
			return e, true
		}
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
			// "the agency's deputy director, X" is the agency's, with a
			// straight apostrophe as with a curly one (the curly one always
			// counted and gave the bureau its deputy director).
			if ti > 0 && toks[det].Lower == "the" && !(ti+1 < len(toks) && toks[ti+1].Lower == "of") && (ti < 2 || !x.isNameToken(toks, ti-2) || toks[ti-2].Lower != "the") {
				x.addMention(mention{sent: si, i: det, j: ti + 1, kind: kPronoun, surface: "the " + t.Lower, class: schema.Organization, ent: -1, roleOrg: -1})
			}
		}
	}
	for _, c := range x.chunks(toks) {
		x.segment(si, c)
	}
	x.possessiveCampaigns(si)
}

// possessiveCampaigns adds "Trump's campaign", "Clinton’s presidential
// campaign" as the organisation "Trump campaign" that "the Trump campaign"
// names (extendDescriptor): people join and work for a candidate's
// campaign, which is not the candidate. Its mention is the word
// "campaign", the head of "X's campaign" that the rules' noun phrases
// reach. A campaign "to", "for", "against" or "of" something is an
// effort, no body.
func (x *docState) possessiveCampaigns(si int) {
	toks := x.sents[si].Toks
	for _, mi := range x.sentMents[si] {
		m := x.ments[mi]
		if m.kind != kName || m.class != schema.Person && !(m.strength < 3 && m.class == schema.Organization) || m.j+1 >= len(toks) {
			continue
		}
		if p := strings.ReplaceAll(toks[m.j].Lower, "’", "'"); p != "'s" {
			continue
		}
		k := m.j + 1
		if k+1 < len(toks) && (toks[k].Lower == "presidential" || toks[k].Lower == "election" || toks[k].Lower == "re-election" || toks[k].Lower == "reelection" || toks[k].Lower == "2016") {
			k++
		}
		if k >= len(toks) || toks[k].Text != "campaign" {
			continue
		}
		if k+1 < len(toks) {
			if w := toks[k+1].Lower; w == "to" || w == "for" || w == "against" || w == "of" || w == "on" {
				continue
			}
		}
		words := strings.Fields(m.surface)
		name := words[len(words)-1] + " campaign"
		x.addMention(mention{sent: si, i: k, j: k + 1, kind: kName, surface: name, stripped: name, class: schema.Organization, strength: 4, ent: -1, roleOrg: -1})
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

func text(toks []token) string { return joinToks(toks) }

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

// departmentAnd reports whether the "and" at token j joins the two fields
// of one department named before a title, in the run of name tokens
// [i, k): "Housing and Urban Development Secretary", "Health and Human
// Services Secretary". The words after "and" up to the title's head are
// capitalised words of no table, one at least no title's modifier ("Trump
// and Defense Secretary X" names two people); the word before "and" is no
// known name, given name or person ("Kelly and Homeland Security
// Secretary X"), and no title or given name comes before it in the run.
func (x *docState) departmentAnd(toks []token, i, j, k int) bool {
	if j-1 < i {
		return false
	}
	left := toks[j-1]
	if _, known := x.lookup(left.Text); known || x.g.given[left.Text] || left.Ent == "B-PER" || left.Ent == "I-PER" || x.earlierPerson(left.Text) || !upperFirst(left.Text) || x.g.roleHeads[left.Text] {
		return false
	}
	// "Energy Secretary Rick Perry and EPA Administrator X": a title or a
	// given name before "and" makes the left part a person's.
	for _, t := range toks[i:j] {
		if x.g.roleHeads[t.Text] || x.g.given[t.Text] {
			return false
		}
	}
	fields := false
	for h := j + 1; h < k; h++ {
		w := toks[h].Text
		if x.g.roleHeads[w] && !x.g.roleMods[w] {
			return h >= j+2 && fields
		}
		if _, known := x.lookup(w); known || x.g.given[w] || !upperFirst(w) || allCaps(w) || x.g.orgHeads[w] != "" {
			return false
		}
		fields = fields || !x.g.roleMods[w]
	}
	return false
}
