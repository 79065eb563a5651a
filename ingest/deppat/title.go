package deppat

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
)

// titleNouns are the head nouns of offices and jobs news names people by.
// Lower case; compared with the lemma and the lower-cased word.
var titleNouns = setOf(`president president-elect vice-president chairman chairwoman chair chairperson
secretary minister director spokesman spokeswoman spokesperson senator representative congressman
congresswoman lawmaker governor leader head chief ceo executive officer founder co-founder commander
general judge justice attorney lawyer counsel adviser advisor aide ambassador envoy mayor prosecutor
strategist economist analyst official candidate nominee speaker premier chancellor king queen prince
commissioner administrator manager partner editor correspondent professor researcher scientist deputy
whip treasurer inspector agent trustee negotiator diplomat administrator superintendent sheriff
ruler emir sheikh cleric imam bishop pope archbishop colonel captain lieutenant major sergeant
admiral marshal chief-of-staff owner publisher economist-in-chief consultant lobbyist pollster
investor banker member staffer employee worker reporter columnist vice chairman-elect
coordinator teacher donor host businessman businesswoman financier entrepreneur producer
personality sportscaster commentator broadcaster`)

// describingWords praise or size up the holder, not the office: a title
// starts after them (popular television personality → television
// personality, wealthy businessman → businessman).
var describingWords = setOf("popular wealthy prominent powerful famous well-known influential rich outspoken controversial embattled celebrated renowned")

// ofTitles are titles of a head noun and an of-complement that is no name
// (chief of staff): the title is the whole phrase, and the word before a
// name is its last word. Keyed by the last word, the head noun's lemmas.
var ofTitles = map[string]map[string]bool{
	"staff":  setOf("chief chiefs"),
	"police": setOf("chief chiefs"),
	"state":  setOf("head heads"),
}

// candidacyWords head the title of someone running for an office (Senate
// candidate, Republican nominee, gubernatorial hopeful), who holds no post
// in the body named with it yet. Ingest's title rules read the same table
// through CandidacyTitle.
var candidacyWords = setOf("candidate candidates nominee nominees hopeful hopefuls contender contenders challenger challengers")

// fedGovernorWords name a seat on the Federal Reserve's Board, one of
// seven, not its head (a central bank's governor elsewhere, as at the Bank
// of England, heads it). Ingest reads them through FedGovernorTitle.
var fedGovernorWords = setOf("governor governors gov. gov")

// CandidacyTitle reports whether a title's head (its last word) names a
// candidacy.
func CandidacyTitle(title string) bool {
	w := strings.Fields(strings.ToLower(title))
	return len(w) > 0 && candidacyWords[w[len(w)-1]]
}

// FedGovernorTitle reports whether a title is a governor's seat as the
// Fed names it (Governor, Fed Governor, former Gov.), to be read with
// FedBoard.
func FedGovernorTitle(title string) bool {
	var rest []string
	for _, w := range strings.Fields(strings.ToLower(title)) {
		if w != "former" && w != "fed" {
			rest = append(rest, w)
		}
	}
	return len(rest) == 1 && fedGovernorWords[rest[0]]
}

// FedBoard reports whether an organisation's name is the Federal Reserve
// or its Board.
func FedBoard(name string) bool {
	n := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(name)), "the ")
	n = strings.TrimPrefix(n, "u.s. ")
	return n == "fed" || n == "federal reserve" || n == "federal reserve board"
}

// titlePrefixes are hyphenated prefixes that keep a title a title.
var titlePrefixes = setOf("co mega vice deputy under sub")

// qualifierWords change when or how someone holds a title; they are kept
// as qualifiers. former/ex/then leave the title text; the others are part
// of the office as analysts read it (acting director, shadow home secretary).
var dropQualifiers = setOf("former ex then onetime one-time erstwhile")
var keepQualifiers = setOf("acting shadow designate interim incoming outgoing")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// TrimTitle moves the start of a person's name past title words the
// recogniser took into the name (Attorney General Rod Rosenstein → Rod
// Rosenstein), so that title patterns see the title before the name.
//
// A span of another class that starts with a title and ends in two or more
// proper nouns is a person the recogniser mislabelled (Attorney General Jeff
// Sessions as an organisation): it is trimmed and becomes PER.
func TrimTitle(s *nlp.Sentence, m Mention) Mention {
	if m.Class != "PER" {
		t := s.Tokens[m.Start]
		if !isTitle(t.Lemma, t.Text) && !titleModifiers[strings.ToLower(t.Text)] {
			return m
		}
		n := m
		n.Class = "PER"
		n = TrimTitle(s, n)
		if n.End-n.Start < 2 || n.Start == m.Start {
			return m
		}
		for i := n.Start; i < n.End; i++ {
			if s.Tokens[i].UPOS != "PROPN" || isTitle(s.Tokens[i].Lemma, s.Tokens[i].Text) {
				return m
			}
		}
		return n
	}
	for m.End-m.Start > 1 {
		t := s.Tokens[m.Start]
		if !isTitle(t.Lemma, t.Text) && !keepQualifiers[strings.ToLower(t.Text)] && !dropQualifiers[strings.ToLower(t.Text)] &&
			!titleModifiers[strings.ToLower(t.Text)] {
			break
		}
		m.Start++
	}
	return m
}

// chambers are legislatures whose name is part of the titles they give.
var chambers = setOf("senate house")

// titleModifiers are words that only occur inside titles before a name.
var titleModifiers = setOf("attorney general deputy vice senior assistant associate special district federal prime majority minority")

// titleAbbreviations are written-out forms of abbreviated titles, so that
// Sen. Ana Ruiz holds the role Senator.
var titleAbbreviations = map[string]string{
	"sen.": "Senator", "rep.": "Representative", "gov.": "Governor", "gen.": "General",
	"lt.": "Lieutenant", "col.": "Colonel", "sgt.": "Sergeant", "adm.": "Admiral",
	"amb.": "Ambassador", "sec.": "Secretary", "pres.": "President", "capt.": "Captain",
	"cmdr.": "Commander", "maj.": "Major", "supt.": "Superintendent", "atty.": "Attorney",
}

func isTitle(lemma, text string) bool {
	w := strings.ToLower(text)
	if _, ok := titleAbbreviations[w]; ok {
		return true
	}
	for _, p := range []string{"ex-", "then-"} {
		w = strings.TrimPrefix(w, p)
	}
	w = strings.TrimSuffix(w, "-designate")
	w = strings.TrimSuffix(w, "-elect")
	// co-chair, mega-donor: a prefix before a title's noun
	if k := strings.LastIndexByte(w, '-'); k > 0 && titlePrefixes[w[:k]] {
		w = w[k+1:]
	}
	return titleNouns[strings.ToLower(lemma)] || titleNouns[w] || titleNouns[strings.TrimSuffix(w, "s")]
}

// titleStart is the first word of the title headed by t: the words right
// before it that are nouns, proper nouns or adjectives outside any name
// (shadow home secretary, Senate Majority Leader when Senate is no name).
// The surface decides, not the tree: the parser attaches these unreliably.
func (g *graph) titleStart(t int) int {
	toks := g.s.Tokens
	start := t
	for i := t - 1; i >= 0; i-- {
		ti := toks[i]
		// managing director, acting director: a participle before a lower-case
		// title is part of it; before a capitalised one (misleading Vice
		// President) it is the verb of the clause.
		// A participle the parser makes the clause's verb ("have
		// interviewed chief of staff X") modifies nothing.
		participle := (ti.Tag == "VBG" || ti.Tag == "VBN") && isLower(toks[i+1].Text) && !g.hasChild(i, []string{"aux", "aux:pass", "nsubj"}, nil)
		if g.inside[i] >= 0 || describingWords[strings.ToLower(ti.Text)] || !(oneOf(ti.UPOS, []string{"NOUN", "PROPN", "ADJ"}) || ti.Rel == "compound" || participle) ||
			ti.Rel == "nmod:poss" || (strings.HasPrefix(ti.Tag, "VB") && !participle) {
			break
		}
		start = i
	}
	return start
}

// title returns the whole title headed by token t and its qualifiers:
// the words before it that modify it (Senate Majority Leader, shadow home
// secretary) up to a determiner, a possessive or a name, and `of X` after it
// when X is no name (Secretary of State).
func (g *graph) title(t int) (string, []string) {
	toks := g.s.Tokens
	// "chief of staff Tom Vail": the title heads at chief; its of-complement
	// is added below.
	if h := g.ofTitleHead(t); h >= 0 {
		t = h
	}
	start := g.titleStart(t)
	var quals []string
	// former FBI Director: a qualifier before the organisation that owns the title.
	for i := start - 1; i >= 0 && i >= start-4; i-- {
		lw := strings.ToLower(toks[i].Text)
		if dropQualifiers[lw] || keepQualifiers[lw] {
			quals = append(quals, lw)
			break
		}
		if g.inside[i] < 0 {
			break
		}
	}
	var words []string
	if r := g.rankStart(t); r >= 0 && r < start {
		words = append(words, toks[r].Text)
		if strings.EqualFold(toks[r].Text, "no.") {
			words = append(words, toks[r+1].Text)
		}
	}
	// A chamber's titles carry its name (Senate Majority Leader, House
	// Speaker): the chamber is part of the office, not its employer.
	if j := start - 1; j >= 0 && g.inside[j] >= 0 && chambers[strings.ToLower(toks[j].Text)] {
		if m := g.mentions[g.inside[j]]; m.Start == j && m.End == j+1 {
			words = append(words, toks[j].Text)
		}
	}
	for i := start; i <= t; i++ {
		w := toks[i].Text
		lw := strings.ToLower(w)
		switch {
		case dropQualifiers[lw]:
			quals = append(quals, lw)
			continue
		case keepQualifiers[lw]:
			quals = append(quals, lw)
		}
		for _, p := range []string{"ex-", "then-"} {
			if strings.HasPrefix(lw, p) && len(lw) > len(p) {
				quals = append(quals, strings.TrimSuffix(p, "-"))
				w = w[len(p):]
			}
		}
		if strings.HasSuffix(lw, "-designate") {
			quals = append(quals, "designate")
		}
		if full, ok := titleAbbreviations[lw]; ok {
			w = full
		}
		// Senators A and B: each holds the title in the singular.
		if i == t && (toks[i].Tag == "NNS" || toks[i].Tag == "NNPS") && toks[i].Lemma != "" && toks[i].Lemma != w {
			l := toks[i].Lemma
			if w[0] >= 'A' && w[0] <= 'Z' {
				l = strings.ToUpper(l[:1]) + l[1:]
			}
			w = l
		}
		words = append(words, w)
	}
	// chief of staff: a complement the title table names.
	if t+2 < len(toks) && strings.EqualFold(toks[t+1].Text, "of") && g.ofTitleHead(t+2) == t {
		words = append(words, "of", toks[t+2].Text)
		return strings.Join(words, " "), quals
	}
	// Secretary of State, Minister of Defence: an `of` complement that is no name.
	for _, c := range g.children[t] {
		if c > t && toks[c].Rel == "nmod" && g.inside[c] < 0 && g.hasChild(c, []string{"case"}, []string{"of"}) &&
			!g.hasChild(c, []string{"det", "nmod:poss"}, nil) && toks[c].UPOS == "PROPN" && c == t+2 {
			words = append(words, "of", toks[c].Text)
		}
	}
	return strings.Join(words, " "), quals
}

// ofTitleHead is the head of the title of ofTitles that word i ends (chief
// of "chief of staff"), or -1.
func (g *graph) ofTitleHead(i int) int {
	toks := g.s.Tokens
	heads := ofTitles[strings.ToLower(toks[i].Text)]
	if heads == nil || i < 2 || g.inside[i] >= 0 || !strings.EqualFold(toks[i-1].Text, "of") || !heads[strings.ToLower(toks[i-2].Text)] {
		return -1
	}
	return i - 2
}

// rankStart is the index of the rank ("No." of No. 2, or top) before the
// title headed by t, past the chamber the title names (the No. 2 Senate
// Republican, the Senate's No. 2 Democrat, the top Senate Democrat), or -1.
func (g *graph) rankStart(t int) int {
	toks := g.s.Tokens
	start := g.titleStart(t)
	if start < t && rankWords[strings.ToLower(toks[start].Text)] {
		return start // the top Democrat: the rank opens the title itself
	}
	j := start - 1
	if j >= 0 && g.inside[j] >= 0 && chambers[strings.ToLower(toks[j].Text)] {
		j--
	}
	if j >= 1 && toks[j].UPOS == "NUM" && strings.EqualFold(toks[j-1].Text, "no.") {
		return j - 1
	}
	if j >= 0 && rankWords[strings.ToLower(toks[j].Text)] {
		return j
	}
	return -1
}

// rankWords rank a party's member in a body as an office does (the top
// Democrat on the committee, the top Senate Democrat).
var rankWords = setOf("top ranking")

func isLower(w string) bool { return w != "" && strings.ToLower(w) == w }
