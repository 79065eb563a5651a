package ingest

// The sentence view the relation rules read, and what they share: noun
// phrase heads, subjects, role phrases, and how a title relates its holder
// to an organisation (orgRel).

import (
	"strings"

	"github.com/newsgraph/newsgraph/ingest/deppat"
	"github.com/newsgraph/newsgraph/schema"
)

// view is one sentence seen by the relation rules: tokens plus the
// mentions starting and ending at each token.
type view struct {
	x     *docState
	si    int
	t     []token
	start []int // token → mention starting there (-1)
	end   []int // token index e → mention whose span ends at e (exclusive), -1
}

func (x *docState) view(si int) *view {
	toks := x.sents[si].Toks
	v := &view{x: x, si: si, t: toks, start: make([]int, len(toks)+1), end: make([]int, len(toks)+1)}
	for i := range v.start {
		v.start[i], v.end[i] = -1, -1
	}
	for _, mi := range x.sentMents[si] {
		m := x.ments[mi]
		if m.ent < 0 {
			continue
		}
		if cur := v.start[m.i]; cur < 0 || x.ments[cur].kind == kHyphen || x.ments[cur].j < m.j && m.kind != kHyphen {
			v.start[m.i] = mi
		}
		if m.kind == kHyphen {
			continue
		}
		if cur := v.end[m.j]; cur < 0 || x.ments[cur].i > m.i {
			v.end[m.j] = mi
		}
	}
	return v
}

func (v *view) low(i int) string {
	if i < 0 || i >= len(v.t) {
		return ""
	}
	return v.t[i].Lower
}

func (v *view) m(mi int) *mention { return &v.x.ments[mi] }

func (v *view) ent(mi int) int { return v.x.ments[mi].ent }

func (v *view) cls(mi int) schema.Class {
	if mi < 0 || v.x.ments[mi].ent < 0 {
		return ""
	}
	return v.x.ents[v.x.ments[mi].ent].class
}

func (v *view) isA(mi int, c schema.Class) bool {
	cl := v.cls(mi)
	return cl != "" && cl.IsA(c)
}

// skippable words inside a noun phrase before its head name.
// bodyNouns head a part of a named organisation or place that has no name
// of its own: "the Senate tax committee" is not the Senate.
var bodyNouns = map[string]bool{"committee": true, "subcommittee": true, "panel": true, "caucus": true,
	"board": true, "delegation": true, "office": true, "unit": true, "division": true, "bureau": true}

// namesUnnamedBody reports whether mention mi only modifies the unnamed body
// after it ("chairman of the Senate tax committee"): the phrase's head is
// the committee, and the Senate is neither led nor joined by its chairman.
func (v *view) namesUnnamedBody(mi int) bool {
	for k := v.m(mi).j; k < len(v.t) && k < v.m(mi).j+3 && v.t[k].Text == v.low(k) && (strings.HasPrefix(v.t[k].Tag, "NN") || v.t[k].Tag == "JJ"); k++ {
		if bodyNouns[v.low(k)] {
			return true
		}
	}
	return false
}

var npSkip = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"former": true, "ex": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true, "central": true,
	"nearby": true, "neighbouring": true, "neighboring": true, "rebel-held": true, "besieged": true, "embattled": true,
	"northwest": true, "northeast": true, "southwest": true, "southeast": true, "north": true, "south": true,
	"east": true, "west": true, "upper": true, "lower": true, "downtown": true, "suburban": true, "rural": true,
}

// np finds the head mention of the noun phrase starting at token i:
// determiners and adjectives are skipped, "the province of X" gives X, and
// "X's Y" gives Y. It returns -1 when no mention starts within reach.
func (v *view) np(i int) int {
	for steps := 0; i < len(v.t) && steps < 5; steps++ {
		if mi := v.start[i]; mi >= 0 && v.m(mi).kind == kRole {
			i = v.m(mi).j
			continue
		}
		if mi := v.start[i]; mi >= 0 && v.m(mi).kind != kHyphen && v.m(mi).kind != kRole {
			m := v.m(mi)
			// "Texas Agriculture Commissioner Jim Hightower": the person.
			if r := v.start[m.j]; r >= 0 && v.m(r).kind == kRole && m.j < len(v.t) {
				if p := v.start[v.m(r).j]; p >= 0 && v.isA(p, schema.Person) {
					return p
				}
			}
			// "the San Jose Mercury News": a place naming its organisation.
			if v.isA(mi, schema.Location) && m.j < len(v.t) {
				if o := v.start[m.j]; o >= 0 && v.m(o).kind == kName && v.isA(o, schema.Organization) {
					return o
				}
			}
			// "Phoenix newspaper reporter Don Bolles".
			if !v.isA(mi, schema.Person) && m.j < len(v.t) {
				if _, rj, head := v.roleNounSpan(m.j); head != "" {
					if p := v.start[rj]; p >= 0 && v.isA(p, schema.Person) && v.m(p).kind == kName {
						return p
					}
				}
			}
			// "Kennedy assassin Lee Harvey Oswald", "Trump adviser Steve
			// Smith": a person's name that modifies a common noun before
			// another person's name is not the phrase's head.
			if m.kind == kName && v.isA(mi, schema.Person) {
				k := m.j
				for k < len(v.t) && k < m.j+2 && v.t[k].Text == v.low(k) && strings.HasPrefix(v.t[k].Tag, "NN") {
					k++
				}
				if p := v.start[min(k, len(v.t)-1)]; k > m.j && k < len(v.t) && p >= 0 && v.m(p).kind == kName && v.isA(p, schema.Person) {
					return p
				}
			}
			if m.kind == kDemonym {
				// "the Syrian army": a demonym before a common noun stands for the country.
				if m.j < len(v.t) && v.start[m.j] >= 0 {
					i = m.j
					continue
				}
				// "the Peruvian silver mining company Minpeco S.A.": the name
				// after the common nouns is the head.
				for k := m.j; k < len(v.t) && k < m.j+4 && v.t[k].Text == v.low(k) && (strings.HasPrefix(v.t[k].Tag, "NN") || v.t[k].Tag == "JJ" || v.t[k].Tag == "VBG"); k++ {
					if n := v.start[k+1]; n >= 0 && v.m(n).kind == kName && orgNouns[v.low(k)] {
						return n
					}
				}
				return mi
			}
			if m.j < len(v.t) && (v.t[m.j].Text == "'s" || v.t[m.j].Text == "’s") {
				if inner := v.np(m.j + 1); inner >= 0 {
					return inner
				}
				for k := m.j + 1; k < len(v.t) && k < m.j+5 && v.low(k) != ","; k++ {
					if bodyNouns[v.low(k)] {
						return -1 // "head of the Fund's Berlin office" does not head the Fund
					}
				}
			}
			if v.namesUnnamedBody(mi) {
				return -1
			}
			return mi
		}
		w := v.low(i)
		tag := ""
		if i < len(v.t) {
			tag = v.t[i].Tag
		}
		switch {
		case npSkip[w], (tag == "JJ" || tag == "VBN" || tag == "JJS") && v.t[i].Text == w, v.start[i] >= 0 && v.m(v.start[i]).kind == kHyphen, ordinal(w):
		case (w == "province" || w == "city" || w == "town" || w == "village" || w == "region" || w == "governorate" || w == "district" || w == "areas" || w == "area" || w == "port") && v.low(i+1) == "of":
			i++
		case i+2 < len(v.t) && v.t[i].Text == w && strings.HasPrefix(tag, "NN") && v.low(i+1) != "of" && v.t[i+1].Text == v.low(i+1) && v.low(i+2) == "of" && placeNouns[v.low(i+1)] != "":
			i += 2 // "the river port of X"
		case i+2 < len(v.t) && v.t[i].Text == w && strings.HasPrefix(tag, "NN") && v.low(i+1) == "," && v.start[i+2] >= 0 && v.m(v.start[i+2]).kind == kName && v.isA(v.start[i+2], schema.Person) && i > 0 && (v.low(i-1) == "his" || v.low(i-1) == "her" || v.low(i-1) == "their" || v.low(i-1) == "its"):
			// "killed his neighbor, Paul Greer": the name in apposition.
			i++
		case i+1 < len(v.t) && v.t[i].Text == w && strings.HasPrefix(tag, "NN") && (v.start[i+1] >= 0 && v.m(v.start[i+1]).kind == kName || v.t[i+1].Text == v.low(i+1) && strings.HasPrefix(v.t[i+1].Tag, "NN") && i+2 < len(v.t) && v.start[i+2] >= 0 && v.m(v.start[i+2]).kind == kName):
			// "the opposition Northland Unity Party": a common-noun modifier.
		case tag == "VBG" && v.t[i].Text == w && i+2 < len(v.t) && v.t[i+1].Text == v.low(i+1) && strings.HasPrefix(v.t[i+1].Tag, "NN") && orgNouns[v.low(i+1)] && v.start[i+2] >= 0 && v.m(v.start[i+2]).kind == kName:
			// "the lobbying firm Sims Strategies", "the consulting group X":
			// a gerund the tagger reads as a verb, naming the firm's trade.
		default:
			return -1
		}
		i++
	}
	return -1
}

var auxWords = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "being": true, "will": true, "would": true, "could": true, "may": true, "might": true,
	"also": true, "reportedly": true, "allegedly": true, "not": true, "n't": true, "never": true, "still": true,
	"already": true, "then": true, "later": true, "once": true, "previously": true, "repeatedly": true,
	"does": true, "did": true, "do": true, "now": true, "apparently": true,
}

// subject finds the mention acting as the subject of the verb at token k:
// adverbs and auxiliaries are skipped, "X, who ..." and an appositive
// "X, the ..., verb" give X.
// personBeforeAppositive is the person named before the comma that opens
// the appositive holding token i ("X, a veteran of Y"), or -1.
func (v *view) personBeforeAppositive(i int) int {
	for k := i - 1; k >= 0 && k > i-8; k-- {
		if v.low(k) == "," {
			if mi := v.end[k]; mi >= 0 && v.isA(mi, schema.Person) {
				return mi
			}
			return -1
		}
		if v.start[k] >= 0 && v.isA(v.start[k], schema.Person) {
			return -1
		}
	}
	return -1
}

func (v *view) subject(k int) (int, bool) {
	neg := false
	i := k - 1
	for steps := 0; i >= 0 && steps < 5; steps++ {
		w := v.low(i)
		if w == "not" || w == "n't" || w == "never" {
			neg = true
		}
		if auxWords[w] || v.t[i].Tag == "RB" {
			i--
			continue
		}
		break
	}
	if i < 0 {
		return -1, neg
	}
	if v.low(i) == ")" {
		for k2 := i - 1; k2 >= 0 && k2 > i-5; k2-- {
			if v.low(k2) == "(" {
				i = k2 - 1
				break
			}
		}
		if i < 0 {
			return -1, neg
		}
	}
	if w := v.low(i); w == "who" || w == "which" || w == "that" {
		if mi := v.end[i]; w == "who" && mi >= 0 && !v.isA(mi, schema.Person) && v.m(mi).kind != kPronoun {
			// "X, a veteran of the Agency who joined Y": "who" is a person,
			// so it reaches past the organisation to the appositive's person.
			return v.personBeforeAppositive(v.m(mi).i), neg
		}
		i--
		if i >= 0 && (v.low(i) == "," || v.low(i) == "(") {
			i-- // "X, who …", "X (who assassinated Y)"
		}
		// "X was the lone gunman who killed Y", "X fired the shots that
		// killed Y": a common noun heads the relative clause; its
		// antecedent is the subject of the copula or of "fired".
		if i >= 0 && v.end[i+1] < 0 && v.t[i].Text == v.low(i) {
			for k := i; k >= 0 && k > i-6; k-- {
				lw := v.low(k)
				if v.start[k] >= 0 || lw == "," {
					break
				}
				if beWords[lw] || lw == "fired" || lw == "became" || lw == "remains" {
					return v.subject(k)
				}
			}
		}
	}
	if mi := v.end[i+1]; mi >= 0 {
		return mi, neg
	}
	// Coordinated verbs: "Booth sneaked into the box and shot Lincoln" →
	// the subject of the first verb.
	if v.low(i) == "and" {
		for k2 := i - 1; k2 >= 0 && k2 > i-15; k2-- {
			if strings.HasPrefix(v.t[k2].Tag, "VB") && !auxWords[v.low(k2)] {
				if s, n := v.subject(k2); s >= 0 {
					return s, n || neg
				}
				break
			}
		}
	}
	// "Its spokeswoman, Lina Morel, said" → the name before the comma.
	if v.low(i) == "," && i > 0 {
		if mi := v.end[i]; mi >= 0 && v.m(mi).kind == kName && v.isA(mi, schema.Person) && v.m(mi).i >= 2 && v.low(v.m(mi).i-1) == "," && v.x.g.roleNouns[v.low(v.m(mi).i-2)] {
			return mi, neg
		}
	}
	// Appositive: "X, a spokesman for Y, said" → X.
	// "Frank Cuevas, 44, of 24th Street, shot" → X across several commas.
	if v.low(i) == "," {
		for k2, commas := i-1, 0; k2 >= 0 && k2 > i-20 && commas < 3; k2-- {
			if v.low(k2) == "," {
				if mi := v.end[k2]; mi >= 0 && v.m(mi).kind != kRole {
					return mi, neg
				}
				commas++
			}
		}
	}
	return -1, neg
}

// emit records a fact between two mentions' entities.
func (v *view) emit(subj int, pred string, obj int, rule string, lo, hi int, q map[string]string) {
	if subj < 0 || obj < 0 {
		return
	}
	se, oe := v.ent(subj), v.ent(obj)
	if se < 0 || oe < 0 || se == oe {
		return
	}
	if pred == "controls" && !v.x.controlsTarget(se, oe, obj, v) {
		return
	}
	q = v.tenseQual(pred, lo, q)
	v.x.facts = append(v.x.facts, rawFact{subj: se, obj: oe, pred: pred, stmt: -1, rule: rule, s0: v.si, s1: v.si, qual: v.qualifiers(lo, hi, q)})
}

func (v *view) emitEnt(se int, pred string, oe int, rule string, lo, hi int, q map[string]string) {
	if se < 0 || oe < 0 || se == oe {
		return
	}
	if pred == "controls" && !v.x.controlsTarget(se, oe, -1, v) {
		return
	}
	if pred == "role" && !v.knownRole(oe) {
		// A job guessed from its shape ("elections supervisor") links the
		// person to the employer but is not recorded as a title.
		return
	}
	q = v.tenseQual(pred, lo, q)
	v.x.facts = append(v.x.facts, rawFact{subj: se, obj: oe, pred: pred, stmt: -1, rule: rule, s0: v.si, s1: v.si, qual: v.qualifiers(lo, hi, q)})
}

func (v *view) emitLit(subj int, pred, lit, rule string, lo, hi int, q map[string]string) {
	if subj < 0 || v.ent(subj) < 0 {
		return
	}
	v.x.facts = append(v.x.facts, rawFact{subj: v.ent(subj), obj: -1, lit: lit, pred: pred, stmt: -1, rule: rule, s0: v.si, s1: v.si, qual: v.qualifiers(lo, hi, q)})
}

// knownRole: the role entity ends in a title the gazetteer lists.
func (v *view) knownRole(e int) bool {
	k := v.x.ents[e].key
	if !strings.HasPrefix(k, "r:") {
		return true
	}
	for s := range v.x.ents[e].surfaces {
		if s != strings.ToLower(s) {
			return true // a capitalised title the name patterns found
		}
	}
	w := strings.Fields(k[2:])
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	two := ""
	if len(w) >= 2 {
		two = w[len(w)-2] + " " + last
	}
	return v.x.g.roleNouns[last] || v.x.g.roleNouns[two] || v.x.g.roleHeads[titleCase(last)] || v.x.g.leaders[last] || len(w) == 1 && v.x.g.roleHeads[k[2:]]
}

// roleEntity makes a Role entity for a lower-case title ("top official").
func (v *view) roleEntity(i, j int) int {
	for i < j-1 && evaluative[v.low(i)] {
		i++ // "an outspoken former adviser" holds the role "former adviser" (formerRoles files it as adviser, former)
	}
	if i >= j {
		return -1
	}
	s := joinToks(v.t[i:j])
	return v.x.entityFor("r:"+strings.ToLower(s), "", s, schema.Role, 4, v.si)
}

// departmentTitle returns the role entity "Treasury Secretary" for a
// secretary or minister title right after a department's name ("Housing
// and Urban Development Secretary Ben Carson"), or -1.
func (v *view) departmentTitle(m *mention) int {
	last := m.j - 1
	if w := v.low(last); w != "secretary" && w != "minister" {
		return -1
	}
	for k := 4; k >= 1; k-- {
		if last-k < 0 || !upperFirst(v.t[last-k].Text) {
			continue
		}
		// A department inside the title ("Vice Foreign Minister") is
		// already in its text.
		if last-k < m.i && departments[strings.ToLower(joinToks(v.t[last-k:last]))] {
			return v.roleEntity(last-k, m.j)
		}
	}
	return -1
}

// evaluative adjectives judge a person; they are no part of the role a
// reader would look up ("a key adviser", "a longtime aide").
var evaluative = map[string]bool{"outspoken": true, "longtime": true, "long-time": true,
	"little-known": true, "controversial": true, "close": true, "young": true,
	"prominent": true, "influential": true, "well-known": true, "powerful": true, "vocal": true,
	"staunch": true, "fierce": true, "loyal": true, "trusted": true, "respected": true, "popular": true,
	"veteran": true, "celebrated": true, "renowned": true, "famous": true, "noted": true, "avid": true}

// roleNounSpan reads a lower-case role phrase ending at a role noun,
// starting at i: "top official", "deputy leader", "spokesman".
func (v *view) roleNounSpan(i int) (int, int, string) {
	j := i
	head := ""
	for j < len(v.t) && j < i+4 {
		w := v.t[j].Text
		if w != v.t[j].Lower && !(j == 0 && titleOnlyMods[w]) {
			break // but "Special prosecutor X" opens a sentence
		}
		w = v.t[j].Lower
		if rankPrefixes[w] && j+1 < len(v.t) && v.t[j+1].Text == v.t[j+1].Lower && v.t[j+1].Tag != "IN" && v.t[j+1].Tag != "CC" {
			j++ // "deputy prime minister", "assistant attorney general": a rank of the title after it
			continue
		}
		if w == "fellow" && j+1 < len(v.t) && upperFirst(v.t[j+1].Text) {
			break // "a fellow Democrat": a companion, not a fellowship
		}
		if v.x.g.roleNouns[w] || (v.t[j].Tag == "NN" || j > i && v.t[j-1].Tag == "NNS" && strings.HasPrefix(v.t[j].Tag, "VB")) && occupationShape(w) && (v.low(j+1) == "of" || v.low(j+1) == "for" || v.low(j+1) == "at" || v.low(j+1) == "with" || j+1 < len(v.t) && upperFirst(v.t[j+1].Text) && v.start[j+1] >= 0 && v.isA(v.start[j+1], schema.Person)) {
			if rankPrefixes[w] && j+1 < len(v.t) && upperFirst(v.t[j+1].Text) && v.start[j+1] >= 0 && !v.isA(v.start[j+1], schema.Person) {
				break // "a deputy White House chief of staff": the rank's title comes after the name
			}
			head = w
			j++
			if j < len(v.t) && v.x.g.roleNouns[v.t[j].Text] {
				head = v.t[j].Text
				j++
			} else if j+1 < len(v.t) && allCaps(v.t[j].Text) && len(v.t[j].Text) <= 4 && v.start[j] < 0 && v.x.g.roleNouns[v.t[j+1].Text] {
				head = v.t[j+1].Text // "chief FX strategist": a field between rank and job
				j += 2
			}
			return i, j, head
		}
		if j == i && strings.HasSuffix(w, "ed") && !(j+1 < len(v.t) && v.x.g.roleNouns[v.t[j+1].Text]) {
			break // "arrested opposition leader": a verb, not part of the title
		}
		if v.t[j].Tag == "JJ" || v.t[j].Tag == "NN" || v.t[j].Tag == "VBN" && j > i || w == "and" && j > i ||
			v.t[j].Tag == "NNS" && j+1 < len(v.t) && v.t[j+1].Text == v.t[j+1].Lower && (strings.HasPrefix(v.t[j+1].Tag, "NN") || v.t[j+1].Tag == "VBP") {
			// "elections supervisor", "operations manager": a plural noun modifies the title
			j++
			continue
		}
		break
	}
	return i, i, ""
}

// rankPrefixes are titles that also rank the title after them.
var rankPrefixes = map[string]bool{"deputy": true, "assistant": true, "associate": true, "vice": true}

func (v *view) isLeader(roleText string) bool {
	r := strings.ToLower(roleText)
	if strings.Contains(r, " of ") {
		return false // "chief of waste disposal": heads a part
	}
	r = strings.NewReplacer("gov.", "governor", "pres.", "president").Replace(r)
	for _, w := range []string{"vice", "deputy", "assistant", "former", "country", "regional", "project", "program", "research", "communications", "press", "news", "sales", "marketing", "medical", "technical", "finance", "art", "music"} {
		if strings.Contains(r, w) {
			return false
		}
	}
	words := strings.Fields(r)
	if len(words) == 0 {
		return false
	}
	if v.x.g.leaders[r] {
		return true
	}
	// "budget director", "litigation director", "political director":
	// a domain before the leader noun heads a part of the organisation.
	for k, w := range words {
		if v.x.g.leaders[w] {
			for _, m := range words[:k] {
				if !leaderRanks[m] {
					return false
				}
			}
			// "chief economist", "chief operating officer": the last noun
			// names the job, "chief" only ranks it.
			for _, m := range words[k+1:] {
				if m != "executive" && m != "officer" && m != "elect" && m != "emeritus" {
					return false
				}
			}
			return true
		}
	}
	return false
}

// staffNouns name jobs done for a person ("Grassley's spokesman", "a
// lawyer for Clinton", "Trump's campaign manager"); kin, rivals and allies
// are relations, not service.
var staffNouns = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true, "aide": true,
	"adviser": true, "advisor": true, "lawyer": true, "attorney": true, "counsel": true, "strategist": true,
	"manager": true, "chairman": true, "chairwoman": true, "secretary": true, "assistant": true, "pollster": true,
	"speechwriter": true, "consultant": true, "staffer": true, "bodyguard": true, "driver": true, "director": true,
	"lawyers": true, "attorneys": true, "aides": true, "advisers": true, "advisors": true, "staff": true}

// staffRel: a person's staff works for that person ("Michael Zona,
// Grassley's spokesman" works for Grassley); any other title before a
// person's name ("Trump's rival", "Clinton's husband") says nothing of
// service.
func (v *view) staffRel(p, boss int, roleText, rule string, lo, hi int) {
	words := strings.Fields(strings.ToLower(roleText))
	if len(words) == 0 || !staffNouns[words[len(words)-1]] || !v.isA(p, schema.Person) {
		return
	}
	if words[len(words)-1] == "chairman" || words[len(words)-1] == "chairwoman" || words[len(words)-1] == "director" || words[len(words)-1] == "manager" {
		// "campaign chairman", "campaign manager", "communications
		// director" serve a person; a bare "chairman" of a person is none
		if len(words) < 2 {
			return
		}
	}
	var q map[string]string
	for k := lo; k < hi && k < len(v.t); k++ {
		if w := v.low(k); w == "former" || w == "ex" || w == "onetime" {
			q = map[string]string{schema.QualFormer: "true"} // "Trump's former campaign manager"
		}
	}
	v.emit(p, "works_for", boss, rule+"-staff", lo, hi, q)
}

// leaderRanks may stand before a leader noun without making it the head of
// a part: they rank the title or name the body it leads ("chief executive",
// "managing director", "party leader", "majority leader").
var leaderRanks = map[string]bool{"chief": true, "executive": true, "managing": true, "general": true, "prime": true,
	"acting": true, "interim": true, "founding": true, "co": true, "top": true, "supreme": true, "grand": true, "high": true,
	"majority": true, "minority": true, "party": true, "national": true, "state": true, "federal": true, "first": true,
	"board": true, "group": true, "company": true, "union": true, "council": true, "committee": true, "commission": true,
	"caucus": true, "senate": true, "house": true, "opposition": true, "parliamentary": true, "military": true, "army": true,
	"rebel": true, "militia": true, "police": true, "church": true, "club": true, "team": true, "agency": true, "bank": true,
	"central": true, "sitting": true, "incumbent": true, "elected": true, "longtime": true, "long-time": true, "veteran": true}

func diplomat(role string) bool {
	r := strings.ToLower(role)
	for _, w := range []string{"ambassador", "envoy", "representative", "consul", "attache", "emissary", "diplomat", "negotiator"} {
		if strings.Contains(r, w) {
			return true
		}
	}
	return false
}

// orgRel emits the relation between a person and the organisation or
// place named with their title.
func (v *view) orgRel(p, org int, roleText, rule string, lo, hi int) {
	if org < 0 || p < 0 || worldRegions[strings.ToLower(v.m(org).surface)] {
		// "Hugo Brennan, Asia analyst at Maplecroft": a continent is the
		// job's beat, neither an employer nor a home.
		return
	}
	if v.isA(org, schema.Person) {
		v.staffRel(p, org, roleText, rule, lo, hi)
		return
	}
	switch {
	case strings.Contains(strings.ToLower(roleText), "member"):
		v.emit(p, "member_of", org, rule, lo, hi, nil)
	case v.isA(org, schema.PoliticalParty) && !(partyOfficer(roleText) && !partyAdjective(v.m(org).surface)):
		// "Republican Senator X", "Democratic President Y": the party
		// names the office holder's side, not an employer; a party's own
		// officers ("party leader", "Labour chairman") are read below.
		v.emit(p, "member_of", org, rule+"-party", lo, hi, nil)
	case deppat.CandidacyTitle(roleText) && (v.isA(org, schema.Government) || v.isA(org, schema.Location)):
		// "Republican Senate candidate Roy Moore", "the Democratic nominee
		// for governor": one runs for the body's seat, one does not work
		// for it or lead it; a party's candidate (an organisation not
		// yet known as a party, "PRN (National Renewal Party) candidate")
		// is read below as before.
		return
	case deppat.FedGovernorTitle(roleText) && deppat.FedBoard(v.m(org).surface):
		// "Fed Governor Randal Quarles" sits on the Board; the chair leads.
		v.emit(p, "member_of", org, rule, lo, hi, nil)
	case v.isLeader(roleText):
		v.emit(p, "leads", org, rule+"-leads", lo, hi, nil)
		if v.isA(org, schema.Location) {
			if rule == "reverse-appositive-org" && !v.isA(org, schema.Country) {
				// "the governor of Ohio, X": a state's or a town's leader lives there.
				v.emit(p, "lives_in", org, rule+"-lives", lo, hi, nil)
			}
			if rule == "title-org" || rule == "org-title-name" || rule == "possessive-org" || rule == "appositive-org" || rule == "copula-org" || rule == "named-org" {
				v.emit(p, "lives_in", org, rule+"-lives", lo, hi, nil)
			}
		} else {
			v.emit(p, "works_for", org, rule+"-leader", lo, hi, nil)
		}
	case v.isA(org, schema.Location):
		// "U.S. Attorney X", "the Washington correspondent X", "an
		// Atlanta architect": a town is not an employer; the person
		// lives and works there. A country is: its government ("US
		// envoy X" works for the United States).
		if v.isA(org, schema.Country) && rule == "appositive-org" && !govRole(roleText) {
			// "Pablo Neruda, the Chilean poet": a poet does not work for
			// his country; he lives there.
			v.emit(p, "lives_in", org, rule+"-lives", lo, hi, nil)
		} else if (v.isA(org, schema.Country) || v.isA(org, schema.Facility) || governmentStyle(v.m(org).surface)) && !hasWord(roleText, "resident", "residents", "native", "natives") {
			v.emit(p, "works_for", org, rule, lo, hi, nil)
			// "U.S. Sen. X", "U.S. Attorney X": a national office holder
			// lives in the country; a diplomat lives abroad.
			if v.isA(org, schema.Country) && !diplomat(roleText) && (rule == "title-org" || rule == "org-title-name") {
				v.emit(p, "lives_in", org, rule+"-lives", lo, hi, nil)
			} else if v.isA(org, schema.Country) && !diplomat(roleText) && rule == "title-country" {
				v.emit(p, "lives_in", org, "title-org-lives", lo, hi, nil) // gated off as before
			}
		} else {
			v.emit(p, "lives_in", org, rule, lo, hi, nil)
		}
	default:
		v.emit(p, "works_for", org, rule, lo, hi, nil)
		if y := v.possessorOrg(org); y >= 0 {
			// "a professor at Harvard's Kennedy School": the school's
			// owner employs her too.
			v.emit(p, "works_for", y, rule, lo, hi, nil)
		}
	}
}

// governmentStyle reports whether a place is named in the style of its
// government ("the State of Hawaii", "the City of Chicago"): "attorney for
// the State of Hawaii" represents the state's government, which is an
// employer, and says nothing of where the attorney lives.
func governmentStyle(surface string) bool {
	for _, prefix := range []string{"State of ", "City of ", "Commonwealth of ", "County of "} {
		if strings.HasPrefix(surface, prefix) {
			return true
		}
	}
	return false
}

// partyOfficer reports whether a title names an office of a party itself
// ("leader", "chairwoman", "secretary-general"), not one of the state its
// member holds ("President", "Senator").
func partyOfficer(roleText string) bool {
	w := strings.Fields(strings.ToLower(roleText))
	if len(w) == 0 {
		return false
	}
	switch w[len(w)-1] {
	case "leader", "chairman", "chairwoman", "chair", "chairperson", "head", "founder", "secretary-general", "co-leader", "co-chair", "spokesman", "spokeswoman", "spokesperson", "treasurer":
		return true
	}
	return strings.Contains(strings.ToLower(roleText), "party") || strings.HasSuffix(strings.ToLower(roleText), "secretary general")
}

// partyAdjective: a party named by its adjective ("Democratic leader X",
// "Republican chairman Y" head their party's group in a chamber, not the
// party).
func partyAdjective(surface string) bool {
	return !strings.Contains(surface, " ") && (strings.HasSuffix(surface, "an") || strings.HasSuffix(surface, "ic"))
}

// possessorOrg: the organisation that owns the one at mention o ("Harvard
// University's John F. Kennedy School of Government"), or -1.
func (v *view) possessorOrg(o int) int {
	i := v.m(o).i
	if i < 2 || v.low(i-1) != "'s" {
		return -1
	}
	if y := v.end[i-1]; y >= 0 && v.m(y).kind == kName && v.isA(y, schema.Organization) {
		return y
	}
	return -1
}

// afterPreposition reports whether the word before token i, past an
// article, is a preposition inside a capitalised name (Commission of
// Inquiry on Syria; not "met with Apple CEO X").
func (v *view) afterPreposition(i int) bool {
	j := i - 1
	if j >= 0 && (v.low(j) == "the" || v.low(j) == "a" || v.low(j) == "an") {
		j--
	}
	return j > 0 && v.t[j].Tag == "IN" && strings.HasPrefix(v.t[j-1].Tag, "NNP")
}

// occupation reads a lower-case noun phrase at i that names a job by its
// shape ("ecologist", "plant physiologist", "staff member", "trader"),
// after an optional article; it returns the token after the phrase.
func (v *view) occupation(i int) (int, bool) {
	j := i
	head := false
	for j < len(v.t) && j < i+5 {
		w := v.t[j].Text
		if w != v.low(j) || !strings.HasPrefix(v.t[j].Tag, "NN") && v.t[j].Tag != "JJ" && w != "and" {
			break
		}
		head = strings.HasPrefix(v.t[j].Tag, "NN") && occupationShape(w)
		j++
	}
	return j, head && j > i
}

func occupationShape(w string) bool {
	if notOccupation[w] || strings.HasSuffix(w, "ment") {
		// "-ment" names an act or a thing ("assessment of X, Y said"),
		// never a post; the list holds the other look-alikes.
		return false
	}
	for _, suf := range []string{"ist", "er", "or", "ian", "ant", "ent", "man", "woman", "ee"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// roleHeadAt reports whether a lower-case title starts at i ("operations
// manager" after "a Fulton").
func (v *view) roleHeadAt(i int) bool {
	_, _, head := v.roleNounSpan(i)
	return head != ""
}

// otherPerson finds the antecedent of an object pronoun: the only person
// other than the subject s named in the sentence before the subject, or
// -1 when there is none or more than one.
func (v *view) otherPerson(s int) int {
	if v.m(s).kind != kName || !v.isA(s, schema.Person) {
		return -1
	}
	found := -1
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.i >= v.m(s).i || m.kind != kName || m.ent < 0 || m.ent == v.m(s).ent || !v.isA(mi, schema.Person) {
			continue
		}
		if found >= 0 && v.ent(found) != m.ent {
			return -1
		}
		found = mi
	}
	return found
}

// ordinal: "2nd", "5th", "21st" before a name ("the 2nd U.S. Circuit Court").
func ordinal(w string) bool {
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
	default:
		return false
	}
	for _, c := range w[:n-2] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// govRole: titles of people who serve a state, so that a country named
// with them is their employer ("a Chilean official", "the U.S. envoy"),
// unlike "the Chilean poet".
func govRole(role string) bool {
	if upperFirst(role) {
		return true // "the US Special Coordinator for Arctic Affairs": an office
	}
	r := strings.ToLower(role)
	for _, w := range []string{"official", "minister", "envoy", "ambassador", "diplomat", "representative", "consul", "attache",
		"spokes", "secretary", "officer", "agent", "attorney", "prosecutor", "sen.", "senator", "rep.", "congress", "judge", "justice",
		"general", "gen.", "commander", "admiral", "colonel", "col.", "major", "captain", "lieutenant", "lt.", "sergeant", "soldier",
		"negotiator", "delegate", "adviser", "advisor", "aide", "director", "chief", "head", "president", "premier", "governor",
		"mayor", "leader", "chairman", "deputy", "administrator", "commissioner", "inspector", "ranger", "police", "trooper", "pilot",
		"coordinator", "emissary", "counsel", "staff", "employee", "worker", "analyst", "economist", "scientist", "engineer"} {
		if strings.Contains(r, w) {
			return true
		}
	}
	return false
}

// coordBefore: the name coordinated before mention s ("A and B"), of the
// same top class, or -1.
func (v *view) coordBefore(s int) int {
	i := v.m(s).i
	if i < 2 || v.low(i-1) != "and" {
		return -1
	}
	if a := v.end[i-1]; a >= 0 && v.m(a).kind == kName && v.cls(a).Top() == v.cls(s).Top() {
		return a
	}
	return -1
}

// coordAfter: the name coordinated after mention a ("A and B"), or -1.
func (v *view) coordAfter(a int) int {
	j := v.m(a).j
	if v.low(j) != "and" {
		return -1
	}
	if b := v.start[j+1]; b >= 0 && v.m(b).kind == kName && v.cls(b).Top() == v.cls(a).Top() {
		return b
	}
	return -1
}

// notOccupation: common nouns with a job's ending that name no job ("the
// murder of X" must not make X an employer).
var notOccupation = map[string]bool{"murder": true, "murders": true, "order": true, "border": true, "number": true, "water": true,
	"letter": true, "matter": true, "center": true, "centre": true, "corner": true, "chamber": true, "power": true, "paper": true,
	"summer": true, "winter": true, "quarter": true, "disaster": true, "river": true, "cancer": true, "theater": true,
	"weather": true, "shelter": true, "charter": true, "register": true, "error": true, "terror": true, "honor": true,
	"honour": true, "favor": true, "labor": true, "labour": true, "sector": true, "factor": true, "monitor": true,
	"reactor": true, "vector": true, "motor": true, "floor": true, "door": true, "poster": true, "computer": true,
	"chapter": true, "transfer": true, "trigger": true, "barrier": true, "layer": true, "tower": true,
	"event": true, "moment": true, "statement": true, "government": true, "department": true, "parliament": true,
	"agreement": true, "movement": true, "comment": true, "payment": true, "element": true, "segment": true, "content": true,
	"talent": true, "accident": true, "incident": true, "percent": true, "continent": true, "event.": true, "plant": true,
	"giant": true, "restaurant": true, "grant": true, "warrant": true, "woman": true, "man": true, "german": true,
	"human": true, "christian": true, "median": true, "guardian": true}

// markFormer sets the former qualifier on the facts from index n0 on.
func (v *view) markFormer(n0 int) {
	for i := n0; i < len(v.x.facts); i++ {
		q := map[string]string{schema.QualFormer: "true"}
		for k, val := range v.x.facts[i].qual {
			q[k] = val
		}
		v.x.facts[i].qual = q
	}
}

// hasWord reports whether one of the words is a whole word of text (case
// folded): "Vice President" holds no "resident".
func hasWord(text string, words ...string) bool {
	for _, f := range strings.Fields(strings.ToLower(text)) {
		for _, w := range words {
			if f == w {
				return true
			}
		}
	}
	return false
}
