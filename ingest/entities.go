package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	mr mrs ms dr`) {
		functionWords[w] = true
	}
}

var timeWords = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan.": true, "Feb.": true, "Aug.": true, "Sept.": true, "Sep.": true, "Oct.": true, "Nov.": true, "Dec.": true,
	"GMT": true, "EST": true, "EDT": true, "PST": true, "AM": true, "PM": true, "A.M.": true, "P.M.": true,
}

var honorifics = map[string]bool{"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Mr": true, "Mrs": true, "Ms": true, "Miss": true, "Sir": true, "Dame": true, "Lady": true, "Lord": true}

var nameConnectors = map[string]bool{"de": true, "del": true, "da": true, "van": true, "von": true, "der": true, "bin": true, "ibn": true, "al": true, "el": true, "la": true, "le": true, "du": true, "y": true, "&": true}

var hyphenSuffixes = map[string]bool{
	"backed": true, "supported": true, "funded": true, "sponsored": true, "armed": true,
	"controlled": true, "held": true, "occupied": true, "run": true, "led": true,
	"based": true, "born": true, "linked": true, "affiliated": true, "aligned": true, "allied": true,
	"owned": true, "style": true, "era": true, "made": true, "bound": true, "brokered": true, "allied-": true,
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
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "bin-", "abu-"} {
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
	if arabicPrefix(t) {
		return true
	}
	if !upperFirst(t) || timeWords[t] || t == "I" {
		return false
	}
	if _, _, ok := splitHyphen(t); ok {
		return false
	}
	if toks[i].Tag == "CD" {
		return false
	}
	// A capitalised function word at the start of a sentence, quote or
	// headline is not a name, unless a gazetteer knows it.
	if functionWords[toks[i].Lower] {
		if _, ok := x.g.entries[t]; ok && !functionWords[t] {
			return true
		}
		if allCaps(t) && len(t) >= 2 && toks[i].Lower != "i" && (i > 0 && !allCapsLine(toks)) {
			return true // "US", "IT"? only mid-sentence acronyms
		}
		return false
	}
	if x.g.roleHeads[t] || x.g.roleMods[t] {
		return true
	}
	if i == 0 || isOpenQuote(toks[i-1].Text) || toks[i-1].Text == ":" {
		// Sentence-initial: trust the gazetteer, then the tagger.
		if _, ok := x.g.entries[t]; ok {
			return true
		}
		if _, ok := x.g.demonyms[t]; ok {
			return true
		}
		tag := toks[i].Tag
		if tag != "NNP" && tag != "NNPS" && !(i+1 < len(toks) && upperFirst(toks[i+1].Text) && !functionWords[toks[i+1].Lower]) {
			return false
		}
	}
	return true
}

func allCapsLine(toks []token) bool {
	n := 0
	for _, t := range toks {
		if upperFirst(t.Text) && allCaps(t.Text) {
			n++
		}
	}
	return n > len(toks)/2 && n > 3
}

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
		for j < len(toks) {
			if x.isNameToken(toks, j) {
				j++
				continue
			}
			// Connectors inside names: "Ministry of Defence", "Secretary of
			// State", "Bosnia and Herzegovina", "bin Laden".
			if j+1 < len(toks) && x.isNameToken(toks, j+1) {
				w := toks[j].Lower
				prev := toks[j-1].Text
				if nameConnectors[w] && toks[j].Text == w {
					j++
					continue
				}
				if (w == "of" || w == "for") && toks[j].Text == w && (x.g.orgHeads[prev] != "" || x.g.locHeads[prev] != "" || x.g.roleHeads[prev] || prev == "Republic" || prev == "Kingdom" || prev == "Secretary" || prev == "Bank" || prev == "Minister") {
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
					if _, ok := x.g.entries[full]; ok || x.g.orgHeads[toks[k-1].Text] != "" && k-i <= 6 {
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
		if head, suf, ok := splitHyphen(t.Text); ok && upperFirst(head) {
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
		case "he", "she", "him":
			x.addMention(mention{sent: si, i: ti, j: ti + 1, kind: kPronoun, surface: t.Text, class: schema.Person, ent: -1, roleOrg: -1})
		case "group", "organization", "organisation", "militia", "movement", "militants", "jihadists":
			if ti > 0 && toks[ti-1].Lower == "the" && !(ti+1 < len(toks) && (toks[ti+1].Lower == "of" || toks[ti+1].Text == "'s")) && (ti < 2 || !x.isNameToken(toks, ti-2) || toks[ti-2].Lower != "the") {
				x.addMention(mention{sent: si, i: ti - 1, j: ti + 1, kind: kPronoun, surface: "the " + t.Lower, class: schema.Organization, ent: -1, roleOrg: -1})
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
		// "General Motors", "Justice Department": a head followed by an org
		// head is part of an organisation name, not a title.
		if k+1 < c.j && (x.g.orgHeads[toks[k+1].Text] != "" || toks[k+1].Text == "Motors") {
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
		for rj < c.j && (x.g.roleHeads[toks[rj].Text] || x.g.roleMods[toks[rj].Text] && rj+1 < c.j && x.g.roleHeads[toks[rj+1].Text]) {
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
	for c.i < c.j && (honorifics[toks[c.i].Text] || toks[c.i].Text == "The") {
		if honorifics[toks[c.i].Text] {
			hon = true
		}
		c.i++
	}
	if c.i >= c.j {
		return
	}
	text := joinToks(toks[c.i:c.j])
	if e, ok := x.lookup(text); ok {
		x.nameMention(si, c.i, c.j, e, hon)
		return
	}
	// A title inside: [org/country prefix] [role] [person].
	if ri, rj, ok := x.roleSpan(toks, c); ok {
		org := -1
		if ri > c.i {
			org = x.segmentPlain(si, chunk{c.i, ri}, false)
		}
		r := x.addMention(mention{sent: si, i: ri, j: rj, kind: kRole, surface: joinToks(toks[ri:rj]), class: schema.Role, strength: 3, ent: -1, roleOrg: org})
		if rj < c.j {
			p := x.segmentPlain(si, chunk{rj, c.j}, true)
			_ = p
		}
		_ = r
		return
	}
	// A demonym or country before a name: "Russian President", "US envoy",
	// "American John Smith". Org names keep theirs ("Syrian Democratic Forces").
	if c.j-c.i >= 2 {
		first := toks[c.i].Text
		_, isDem := x.g.demonyms[first]
		restOrg := x.looksOrg(toks[c.i+1 : c.j])
		if isDem && !restOrg {
			if e, ok := x.lookup(first); !ok || e.Class != schema.Country || true {
				x.addMention(mention{sent: si, i: c.i, j: c.i + 1, kind: kDemonym, surface: first, gazName: x.g.demonyms[first], class: schema.Country, strength: 3, ent: -1, roleOrg: -1})
				x.segmentPlain(si, chunk{c.i + 1, c.j}, hon)
				return
			}
		}
		// A place before an organisation: "Havana Radio Reloj Network",
		// "Beijing XINHUA", "U.S. Immigration and Naturalization Service".
		for k := min(c.j-1, c.i+3); k > c.i; k-- {
			e, ok := x.lookup(joinToks(toks[c.i:k]))
			if !ok || !e.Class.IsA(schema.Location) {
				continue
			}
			rest := toks[k:c.j]
			_, restKnown := x.lookup(joinToks(rest))
			if restOrg || restKnown || allCaps(joinToks(rest)) {
				loc := x.nameMention(si, c.i, k, e, false)
				org := x.segmentPlain(si, chunk{k, c.j}, false)
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

func (x *docState) nameMention(si, i, j int, e gazEntry, hon bool) int {
	toks := x.sents[si].Toks
	m := mention{sent: si, i: i, j: j, kind: kName, surface: joinToks(toks[i:j]), gazName: e.Name, class: e.Class, strength: 4, ent: -1, roleOrg: -1}
	x.extendDescriptor(&m)
	return x.addMention(m)
}

// segmentPlain adds the chunk as one name mention and classifies it.
func (x *docState) segmentPlain(si int, c chunk, person bool) int {
	toks := x.sents[si].Toks
	if c.i >= c.j {
		return -1
	}
	text := joinToks(toks[c.i:c.j])
	if e, ok := x.lookup(text); ok {
		return x.nameMention(si, c.i, c.j, e, false)
	}
	if _, ok := x.g.demonyms[text]; ok && c.j-c.i == 1 {
		return x.addMention(mention{sent: si, i: c.i, j: c.j, kind: kDemonym, surface: text, gazName: x.g.demonyms[text], class: schema.Country, strength: 3, ent: -1, roleOrg: -1})
	}
	if c.j-c.i == 1 && toks[c.i].Tag == "JJ" && !(c.j < len(toks) && descriptors[toks[c.j].Text].class != "") {
		// "Kurdish areas": an adjective, not a name.
		return -1
	}
	m := mention{sent: si, i: c.i, j: c.j, kind: kName, surface: text, ent: -1, roleOrg: -1}
	m.class, m.strength = x.classify(si, toks, c, person)
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
					if m.gazName != "" && m.class.Top() == schema.Organization && !(w == "group") {
						m.gazName = ""
					}
				}
				m.surface = full
				m.j++
				return
			}
		}
	}
	if m.i >= 2 && toks[m.i-1].Lower == "of" {
		if d, ok := descriptors[toks[m.i-2].Lower]; ok && d.class.IsA(schema.Location) && (m.strength < 4 || m.class.IsA(schema.Location)) {
			m.class, m.strength = d.class, 4
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
	if cl := x.g.orgHeads[last]; cl != "" && n > 1 {
		return cl, 3
	}
	if cl := x.g.locHeads[last]; cl != "" && n > 1 {
		return cl, 3
	}
	if n > 2 && toks[c.i+1].Lower == "of" {
		if cl := x.g.orgHeads[first]; cl != "" {
			return cl, 3
		}
		if cl := x.g.locHeads[first]; cl != "" {
			return cl, 3
		}
	}
	var per, org, loc int
	if c.i > 0 {
		prev := toks[c.i-1]
		switch {
		case honorifics[prev.Text] || x.g.roleNouns[prev.Lower] && prev.Text == prev.Lower:
			per += 3
		case prev.Lower == "in" || prev.Lower == "near" || prev.Lower == "at" || prev.Lower == "from" || prev.Lower == "to" || prev.Lower == "across" || prev.Lower == "outside":
			loc += 1
		case prev.Lower == "of" && c.i >= 2 && x.g.roleNouns[toks[c.i-2].Lower]:
			org++
		}
	}
	if c.i >= 2 && toks[c.i-1].Text == "," {
		// "Dallas, Texas": a place after a place.
		for _, mi := range x.sentMents[si] {
			m := x.ments[mi]
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
				if e, ok := x.lookup(nn.Text); ok && e.Class.IsA(schema.Location) && n <= 2 && !x.g.given[first] {
					loc += 2 // "Ocala, Fla."
				}
				if x.g.roleNouns[nn.Lower] || nn.Lower == "who" || (nn.Lower == "a" || nn.Lower == "the") && c.j+2 < len(toks) && x.g.roleNouns[toks[c.j+2].Lower] {
					per += 1
				}
			}
		case "'s":
		case "inc.", "corp.", "co.", "ltd.":
			org += 3
		}
	}
	if x.g.given[first] && n >= 2 {
		per += 3
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
	switch strings.TrimPrefix(strings.TrimPrefix(toks[c.i].NER, "B-"), "I-") {
	case "PERSON":
		per += 2
	case "GPE", "GSP", "LOCATION", "LOC":
		loc += 2
	case "ORGANIZATION", "ORG":
		org += 2
	}
	if n >= 2 && n <= 3 && per == 0 && org == 0 && loc == 0 {
		per = 1
	}
	switch {
	case per >= org && per >= loc && per > 0:
		return schema.Person, min(per, 3)
	case org >= loc && org > 0:
		return schema.Organization, min(org, 3)
	case loc > 0:
		return schema.Location, min(loc, 3)
	}
	return schema.Person, 0
}

