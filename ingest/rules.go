package ingest

import (
	"strconv"
	"strings"

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
func (v *view) ent(mi int) int    { return v.x.ments[mi].ent }
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
	q = v.tenseQual(pred, lo, q)
	v.x.facts = append(v.x.facts, rawFact{subj: se, obj: oe, pred: pred, stmt: -1, rule: rule, s0: v.si, s1: v.si, qual: v.qualifiers(lo, hi, q)})
}

func (v *view) emitEnt(se int, pred string, oe int, rule string, lo, hi int, q map[string]string) {
	if se < 0 || oe < 0 || se == oe {
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
		i++ // "an outspoken former adviser" holds the role "former adviser"
	}
	if i >= j {
		return -1
	}
	s := joinToks(v.t[i:j])
	return v.x.entityFor("r:"+strings.ToLower(s), "", s, schema.Role, 4, v.si)
}

// worldRegions span several countries: as a title's scope they say what a
// job covers, not where its holder lives.
var worldRegions = map[string]bool{"asia": true, "europe": true, "africa": true, "middle east": true,
	"latin america": true, "south america": true, "north america": true, "east asia": true,
	"southeast asia": true, "south asia": true, "central asia": true, "the balkans": true, "balkans": true,
	"caribbean": true, "the caribbean": true, "asia-pacific": true, "asia pacific": true, "eurasia": true,
	"scandinavia": true, "the gulf": true, "gulf": true, "west africa": true, "east africa": true}

// departments whose name is part of their head's title: "Treasury
// Secretary Steven Mnuchin" holds the role "Treasury Secretary", not
// "Secretary" (and works for the Treasury, which orgRel says).
var departments = map[string]bool{"treasury": true, "energy": true, "agriculture": true, "interior": true,
	"labor": true, "labour": true, "education": true, "transportation": true, "transport": true,
	"commerce": true, "defense": true, "defence": true, "justice": true, "homeland security": true,
	"health": true, "veterans affairs": true, "hud": true, "navy": true, "army": true, "air force": true,
	"home": true, "foreign": true, "housing and urban development": true, "health and human services": true}

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
		if w != v.t[j].Lower {
			break
		}
		if w == "fellow" && j+1 < len(v.t) && upperFirst(v.t[j+1].Text) {
			break // "a fellow Democrat": a companion, not a fellowship
		}
		if v.x.g.roleNouns[w] || (v.t[j].Tag == "NN" || j > i && v.t[j-1].Tag == "NNS" && strings.HasPrefix(v.t[j].Tag, "VB")) && occupationShape(w) && (v.low(j+1) == "of" || v.low(j+1) == "for" || v.low(j+1) == "at" || v.low(j+1) == "with" || j+1 < len(v.t) && upperFirst(v.t[j+1].Text) && v.start[j+1] >= 0 && v.isA(v.start[j+1], schema.Person)) {
			head = w
			j++
			if j < len(v.t) && v.x.g.roleNouns[v.t[j].Text] {
				head = v.t[j].Text
				j++
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
			return true
		}
	}
	return false
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
	switch {
	case strings.Contains(strings.ToLower(roleText), "member"):
		v.emit(p, "member_of", org, rule, lo, hi, nil)
	case v.isA(org, schema.PoliticalParty) && !(partyOfficer(roleText) && !partyAdjective(v.m(org).surface)):
		// "Republican Senator X", "Democratic President Y": the party
		// names the office holder's side, not an employer; a party's own
		// officers ("party leader", "Labour chairman") are read below.
		v.emit(p, "member_of", org, rule+"-party", lo, hi, nil)
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
		} else if (v.isA(org, schema.Country) || v.isA(org, schema.Facility)) && !strings.Contains(roleText, "resident") && !strings.Contains(roleText, "native") {
			v.emit(p, "works_for", org, rule, lo, hi, nil)
			// "U.S. Sen. X", "U.S. Attorney X": a national office holder
			// lives in the country; a diplomat lives abroad.
			if v.isA(org, schema.Country) && !diplomat(roleText) && (rule == "title-org" || rule == "org-title-name") {
				v.emit(p, "lives_in", org, rule+"-lives", lo, hi, nil)
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

// applyRules runs every rule family over one sentence.
func (x *docState) applyRules(si int) {
	v := x.viewOf(si)
	n0 := len(x.facts)
	defer func() { x.placeChain(si, n0) }()
	v.titleRules()
	v.partyNameRules()
	v.appositiveRules()
	v.possessiveRules()
	v.hyphenRules()
	v.verbRules()
	v.nominalRules()
	v.placeRules()
	v.quantityRules()
	v.activeInRules()
	v.affiliationRules()
	v.ofRules()
	v.demonymOrgs()
	v.appointmentRules()
	v.moreRules()
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

// emitTitles gives person pe two roles when the title read before the name
// is "A and B" of two titles ("his son-in-law and close aide, X"), each one
// a reader would cite alone, and reports whether it did.
func (v *view) emitTitles(pe int, text string, lo, hi int) bool {
	parts := v.coordinatedTitles(text)
	for _, t := range parts {
		v.emitEnt(pe, "role", v.x.entityFor("r:"+strings.ToLower(t), "", t, schema.Role, 4, v.si), "title-name", lo, hi, nil)
	}
	return parts != nil
}

// coordinatedTitles splits a title "A and B" whose two halves are titles
// (or a kin word and a title: "son-in-law and close aide"), or returns nil:
// "Secretary of Health and Human Services" stays one.
func (v *view) coordinatedTitles(title string) []string {
	a, b, ok := strings.Cut(title, " and ")
	if !ok || strings.Contains(b, " and ") || strings.Contains(a, " of ") {
		return nil
	}
	last := func(s string) string {
		w := strings.Fields(s)
		if len(w) == 0 {
			return ""
		}
		return strings.ToLower(w[len(w)-1])
	}
	isTitle := func(w string) bool { return v.x.g.roleNouns[w] || v.x.g.roleHeads[titleCase(w)] }
	if !isTitle(last(b)) || !(isTitle(last(a)) || kinWords[last(a)]) {
		return nil
	}
	return []string{strings.TrimSpace(a), strings.TrimSpace(b)}
}

// kinWords name a relative; with a title after them they are a second role.
var kinWords = map[string]bool{"son-in-law": true, "daughter-in-law": true, "brother-in-law": true, "father-in-law": true,
	"son": true, "daughter": true, "wife": true, "husband": true, "brother": true, "sister": true}

// titleRules: "Ambassador James Jeffrey", "UN Secretary-General Antonio
// Guterres", "US envoy Jeffrey", "Tempe plastic surgeon Richard Pavese".
func (v *view) titleRules() {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kRole || m.ent < 0 {
			continue
		}
		p := v.start[m.j]
		if p < 0 || !v.isA(p, schema.Person) {
			continue
		}
		if r := v.departmentTitle(m); r >= 0 {
			v.emitEnt(v.ent(p), "role", r, "title-name", m.i, v.m(p).j, nil)
		} else if !v.emitTitles(v.ent(p), m.surface, m.i, v.m(p).j) {
			v.emit(p, "role", mi, "title-name", m.i, v.m(p).j, nil)
		}
		if m.roleOrg >= 0 && !v.afterPreposition(v.m(m.roleOrg).i) {
			// "Commission of Inquiry on Syria Chairman X": a name after a
			// preposition belongs to the phrase before it, not to the title.
			v.orgRel(p, m.roleOrg, m.surface, "title-org", v.m(m.roleOrg).i, v.m(p).j)
			// "Texas Gov. John Connally": a state or city official lives there.
			if v.isA(m.roleOrg, schema.Location) && !v.isA(m.roleOrg, schema.Country) && !v.isLeader(m.surface) {
				v.emit(p, "lives_in", m.roleOrg, "title-place-lives", v.m(m.roleOrg).i, v.m(p).j, nil)
			}
		}
	}
	// "Modesto native George Lucas", "Memphis resident X".
	for i := 1; i+1 < len(v.t); i++ {
		if w := v.low(i); w != "native" && w != "resident" && w != "residents" && w != "natives" {
			continue
		}
		pl := v.end[i]
		p := v.start[i+1]
		if v.low(i+1) == "," {
			p = v.start[i+2]
		}
		if pl >= 0 && p >= 0 && v.isA(pl, schema.Location) && v.isA(p, schema.Person) {
			v.emit(p, "lives_in", pl, "place-native-name", v.m(pl).i, v.m(p).j, nil)
		}
	}
	// Lower-case titles between a name and a person.
	for i := 0; i < len(v.t); i++ {
		ri, rj, head := v.roleNounSpan(i)
		if head == "" {
			continue
		}
		p := v.start[rj]
		if p < 0 && v.low(rj) == "," {
			p = v.start[rj+1] // "Its spokeswoman, Ravina Shamdasani"
		}
		if p >= 0 && v.m(p).kind == kRole && v.m(p).roleOrg < 0 {
			p = v.start[v.m(p).j] // "Coast Guard spokesman Lt. Pat Philbin"
		}
		if p < 0 || !v.isA(p, schema.Person) || v.m(p).kind != kName {
			i = rj - 1
			continue
		}
		role := v.roleEntity(ri, rj)
		if !v.emitTitles(v.ent(p), joinToks(v.t[ri:rj]), ri, v.m(p).j) {
			v.emitEnt(v.ent(p), "role", role, "title-name", ri, v.m(p).j, nil)
		}
		org := v.end[ri]
		if org < 0 && ri >= 3 && v.low(ri-1) == ")" {
			// "PAN (National Action Party) candidate X": the name before the
			// parenthesis.
			for k := ri - 2; k > 0 && k > ri-10; k-- {
				if v.low(k) == "(" {
					org = v.end[k]
					break
				}
			}
		}
		if org >= 0 && (v.isA(org, schema.Organization) || v.isA(org, schema.Location)) {
			if v.isA(org, schema.Location) && !v.isLeader(head) && !strings.Contains(head, "envoy") && !strings.Contains(head, "ambassador") && !strings.Contains(head, "official") && !strings.Contains(head, "minister") {
				v.emit(p, "lives_in", org, "place-title-name", v.m(org).i, v.m(p).j, nil)
			} else {
				v.orgRel(p, org, joinToks(v.t[ri:rj]), "org-title-name", v.m(org).i, v.m(p).j)
			}
		} else if org >= 0 && v.m(org).kind == kDemonym {
			v.orgRel(p, org, joinToks(v.t[ri:rj]), "org-title-name", v.m(org).i, v.m(p).j)
		}
		i = rj - 1
	}
}

// appositiveRules: "X, the US Special Representative for Syria
// Engagement,", "X, a top official of the Y,", "X, leader of Y".
func (v *view) appositiveRules() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || !v.isA(pi, schema.Person) || p.j >= len(v.t) {
			continue
		}
		// Copula: "X is a reporter for Y", "X was the president of Y",
		// "X, who is the director of Y".
		cop := p.j
		if v.low(cop) == "," && v.low(cop+1) == "who" && (v.low(cop+2) == "is" || v.low(cop+2) == "was") {
			cop += 2
		} else if e := v.relClauseEnd(cop); e > cop && v.low(e) == "," {
			cop = e + 1 // "X, who moved to Y in 1990, is a spokesman for Z"
		} else if v.low(cop) == "," && cop+2 < len(v.t) && v.t[cop+1].Tag == "CD" && v.low(cop+2) == "," {
			cop += 3 // "X, 46, was a reporter for Y"
		}
		if w := v.low(cop); w == "is" || w == "was" {
			if a := v.low(cop + 1); a == "a" || a == "an" || a == "the" {
				if ri, rj, head := v.roleNounSpan(cop + 2); head != "" {
					if c := v.low(rj); c == "of" || c == "for" || c == "at" || c == "with" {
						if o := v.np(rj + 1); o >= 0 && v.isA(o, schema.Organization) {
							v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "copula-role", p.i, rj, nil)
							v.orgRel(pi, o, joinToks(v.t[ri:rj]), "copula-org", p.i, v.m(o).j)
						}
					}
				}
			}
		}
		// Reverse appositive: "the head of X, Dr. Y,".
		if p.i >= 4 && v.low(p.i-1) == "," {
			if o := v.end[p.i-1]; o >= 0 && (v.isA(o, schema.Organization) || v.isA(o, schema.Location)) {
				k := v.m(o).i - 1
				for k >= 0 && (v.low(k) == "the") {
					k--
				}
				if k >= 1 && (v.low(k) == "of" || v.low(k) == "for" || v.low(k) == "at") {
					if ri, rj, head := v.roleNounSpan(max(0, k-2)); head != "" && rj == k {
						v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "reverse-appositive", ri, p.j, nil)
						v.orgRel(pi, o, joinToks(v.t[ri:rj]), "reverse-appositive-org", ri, p.j)
					} else if ri, rj, head := v.roleNounSpan(k - 1); head != "" && rj == k {
						v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "reverse-appositive", ri, p.j, nil)
						v.orgRel(pi, o, joinToks(v.t[ri:rj]), "reverse-appositive-org", ri, p.j)
					}
				}
			}
		}
		if v.t[p.j].Text != "," {
			continue
		}
		i := p.j + 1
		if i+1 < len(v.t) && v.t[i].Tag == "CD" && v.low(i+1) == "," {
			i += 2 // "Larry Sturholm, 46, a reporter"
			if w := v.low(i); w == "is" || w == "was" || w == "has" && v.low(i+1) == "been" {
				if w == "has" {
					i++
				}
				i++
			}
		}
		// "Sen. X, D-Calif., chairman of": the party and state tag.
		if len(v.low(i)) > 2 && (strings.HasPrefix(v.t[i].Text, "D-") || strings.HasPrefix(v.t[i].Text, "R-") || strings.HasPrefix(v.t[i].Text, "I-")) {
			if v.low(i+1) == "," {
				i += 2
			} else if v.low(i+1) == "." && v.low(i+2) == "," {
				i += 3 // the tokenizer splits "D-Calif." before a comma
			}
		}
		indefinite := false // "X, a director at Y": one of several, not the head
		for w := v.low(i); w == "the" || w == "a" || w == "an" || w == "now" || w == "then" || w == "also" || w == "another"; w = v.low(i) {
			indefinite = indefinite || w == "a" || w == "an" || w == "another"
			i++
		}
		former := false
		if v.low(i) == "former" {
			former = true
			i++
		}
		q := map[string]string(nil)
		if former {
			q = map[string]string{schema.QualFormer: "true"}
		}
		var org int = -1
		// "the group's leader", "Rudaw's correspondent".
		if mi := v.start[i]; mi >= 0 && v.m(mi).kind != kRole && v.m(mi).j < len(v.t) && v.t[v.m(mi).j].Text == "'s" {
			org = mi
			i = v.m(mi).j + 1
		} else if mi := v.start[i]; mi >= 0 && (v.m(mi).kind == kDemonym || v.m(mi).kind == kName && !v.isA(mi, schema.Person)) {
			if next := v.start[v.m(mi).j]; next >= 0 && v.m(next).kind == kRole || v.x.g.roleNouns[v.low(v.m(mi).j)] || v.roleHeadAt(v.m(mi).j) {
				org = mi
				i = v.m(mi).j
			}
		}
		// Citizenship: "X, a Jordanian citizen", "X, a citizen of Y", "X, a French national".
		if d := v.start[i]; d >= 0 && v.m(d).kind == kDemonym && (v.low(v.m(d).j) == "citizen" || v.low(v.m(d).j) == "national") {
			v.emit(pi, "citizen_of", d, "citizen-of", p.i, v.m(d).j+1, q)
			continue
		}
		if (v.low(i) == "citizen" || v.low(i) == "national") && v.low(i+1) == "of" {
			if c := v.np(i + 2); c >= 0 && v.isA(c, schema.Location) {
				v.emit(pi, "citizen_of", c, "citizen-of", p.i, v.m(c).j, q)
				continue
			}
		}
		roleEnt, roleText, end := -1, "", i
		if mi := v.start[i]; mi >= 0 && v.m(mi).kind == kRole {
			if p2 := v.start[v.m(mi).j]; p2 >= 0 && v.isA(p2, schema.Person) {
				continue // "X, Ambassador Y": the title is Y's
			}
			roleEnt, roleText, end = v.ent(mi), v.m(mi).surface, v.m(mi).j
			if org < 0 && v.m(mi).roleOrg >= 0 {
				org = v.m(mi).roleOrg
			}
		} else if ri, rj, head := v.roleNounSpan(i); head != "" {
			roleEnt, roleText, end = v.roleEntity(ri, rj), joinToks(v.t[ri:rj]), rj
		}
		if roleEnt < 0 {
			// "X, an ecologist at Y", "X, a plant physiologist with the Y":
			// an occupation the title lists do not know.
			if k, ok := v.occupation(i); ok {
				if w := v.low(k); w == "at" || w == "with" || w == "for" || w == "of" && v.low(k-1) != "one" {
					if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Organization) && v.m(o).kind == kName {
						v.emit(pi, "works_for", o, "appositive-occupation", p.i, v.m(o).j, q)
					}
				} else if w == "in" || w == "on" {
					// "X, a famous opera singer in Shanghai"
					if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Location) && v.m(o).kind == kName && !v.isA(o, schema.Country) {
						v.emitPlace(pi, "lives_in", o, "appositive-occupation-in", p.i, v.m(o).j, q)
					}
				}
			}
			// "X, a herder from the village of Y".
			for k := i; k < len(v.t) && k < i+4; k++ {
				if v.low(k) == "from" {
					if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Location) {
						v.emitPlace(pi, "lives_in", o, "appositive-from", p.i, v.m(o).j, q)
					}
					break
				}
				if v.t[k].Text != v.low(k) {
					break
				}
			}
			continue
		}
		// A complement: "of the Italian Agricultural Confederation".
		if w := v.low(end); w == "from" {
			if o := v.np(end + 1); o >= 0 && v.isA(o, schema.Location) {
				v.emitPlace(pi, "lives_in", o, "appositive-from", p.i, v.m(o).j, q)
			}
		} else if w == "in" && org < 0 && !v.isLeader(roleText) && !diplomat(roleText) {
			// "X, a reporter in Boise": where the job is done.
			if o := v.np(end + 1); o >= 0 && v.isA(o, schema.Location) && v.m(o).kind == kName && !v.isA(o, schema.Country) {
				v.emitPlace(pi, "lives_in", o, "appositive-occupation-in", p.i, v.m(o).j, q)
			}
		}
		if w := v.low(end); w == "to" && diplomat(roleText) && v.np(end+1) >= 0 && v.isA(v.np(end+1), schema.Location) {
			// "X, a former U.S. ambassador to Switzerland": the posting is
			// where the diplomat lives, not the employer.
			o := v.np(end + 1)
			v.emitPlace(pi, "lives_in", o, "diplomat-posting", p.i, v.m(o).j, q)
		} else if w == "of" || w == "for" || w == "at" || w == "with" || w == "to" {
			if o := v.np(end + 1); o >= 0 && (v.isA(o, schema.Organization) || v.isA(o, schema.Location) && org < 0) {
				org = o // "the WFP director for Aurelia": Aurelia is the scope, WFP the employer
			} else if r := v.restatedOrg(end + 1); o < 0 && org < 0 && r >= 0 {
				org = r // "chairman of the strongest opposition party, the Croatian Social Liberal Party"
			} else if o < 0 && w == "of" && org < 0 {
				// "chief of waste disposal for the NRC": a lower-case domain first.
				for k := end + 1; k < len(v.t) && k < end+6 && v.t[k].Text == v.low(k) && v.low(k) != ","; k++ {
					if lw := v.low(k); lw == "for" || lw == "at" || lw == "with" {
						if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Organization) {
							org = o
							roleText += " of " + joinToks(v.t[end+1:k]) // a part of Y, not its head
						}
						break
					}
				}
			}
		}
		if !strings.Contains(roleText, "member") {
			v.emitEnt(v.ent(pi), "role", roleEnt, "appositive-role", p.i, end, q)
		}
		if org >= 0 && indefinite && v.isLeader(roleText) {
			v.emit(pi, "works_for", org, "appositive-org", p.i, end+3, q)
		} else if org >= 0 {
			v.orgRel(pi, org, roleText, "appositive-org", p.i, end+3)
			if former {
				v.x.facts[len(v.x.facts)-1].qual = v.qualifiers(p.i, end+3, q)
			}
		} else {
			// "X, a national spokesman for reform and president of the Y":
			// the second of two coordinated titles names the employer.
			for k := end; k < len(v.t) && k < end+6 && v.low(k) != "," && v.start[k] < 0; k++ {
				if v.low(k) != "and" {
					continue
				}
				ri := k + 1
				for v.low(ri) == "a" || v.low(ri) == "an" || v.low(ri) == "the" {
					ri++
				}
				if _, rj, head := v.roleNounSpan(ri); head != "" && (v.low(rj) == "of" || v.low(rj) == "for" || v.low(rj) == "at") {
					if o := v.np(rj + 1); o >= 0 && v.isA(o, schema.Organization) && v.m(o).kind == kName {
						v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "appositive-role", p.i, rj, q)
						v.orgRel(pi, o, joinToks(v.t[ri:rj]), "appositive-org", p.i, v.m(o).j)
					}
				}
				break
			}
		}
	}
}

// restatedOrg reads "the strongest opposition party, the Croatian Social
// Liberal Party" from i: a lower-case organisation noun phrase restated by
// the name after its comma.
func (v *view) restatedOrg(i int) int {
	noun := false
	for k := i; k < len(v.t) && k < i+7; k++ {
		w := v.low(k)
		if w == "," {
			if !noun {
				return -1
			}
			j := k + 1
			if v.low(j) == "the" {
				j++
			}
			if o := v.start[j]; o >= 0 && v.m(o).kind == kName && v.isA(o, schema.Organization) {
				return o
			}
			return -1
		}
		if v.t[k].Text != w || v.start[k] >= 0 {
			return -1
		}
		noun = noun || orgNouns[w]
	}
	return -1
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
	if notOccupation[w] {
		return false
	}
	for _, suf := range []string{"ist", "er", "or", "ian", "ant", "ent", "man", "woman", "ee"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// possessiveRules: "Rudaw's Namo Abdulla", "Syria's Hasaka province",
// "the regime's assaults on Idlib", "Rochester's Peter McWalters".
func (v *view) possessiveRules() {
	for k := 1; k < len(v.t); k++ {
		if v.t[k].Text != "'s" && v.t[k].Text != "’s" && !(v.t[k].Text == "'" && strings.HasSuffix(v.t[k-1].Text, "s")) {
			continue
		}
		a := v.end[k]
		if a < 0 {
			continue
		}
		i := k + 1
		for i < len(v.t) && (npSkip[v.low(i)] || v.t[i].Tag == "JJ" && v.t[i].Text == v.low(i)) && i < k+4 {
			i++
		}
		// Attack nouns: "the regime's assaults on Idlib".
		if attackNouns[v.low(i)] && (v.low(i+1) == "on" || v.low(i+1) == "against" || v.low(i+1) == "of" || v.low(i+1) == "in") {
			if b := v.np(i + 2); b >= 0 {
				v.emit(a, "attacked", b, "possessive-attack", v.m(a).i, v.m(b).j, nil)
			}
			continue
		}
		roleEnt, roleText := -1, ""
		if mi := v.start[i]; mi >= 0 && v.m(mi).kind == kRole {
			roleEnt, roleText = v.ent(mi), v.m(mi).surface
			i = v.m(mi).j
		} else if ri, rj, head := v.roleNounSpan(i); head != "" {
			roleEnt, roleText = v.roleEntity(ri, rj), joinToks(v.t[ri:rj])
			i = rj
			if v.low(i) == "," {
				i++
			}
		}
		b := v.start[i]
		if b >= 0 && v.m(b).kind == kRole {
			// "Congo's army spokesman, General Sylvain Ekenge"
			b = v.start[v.m(b).j]
		}
		if b < 0 || v.m(b).kind == kRole {
			continue
		}
		if bm := v.m(b); bm.j-bm.i == 1 && (v.x.g.orgHeads[bm.surface] != "" || v.x.g.locHeads[bm.surface] != "") {
			continue // "Ford's Theatre": one name
		}
		if bb := v.np(i); bb >= 0 {
			b = bb
		}
		lo, hi := v.m(a).i, v.m(b).j
		switch {
		case v.isA(b, schema.Person):
			if roleEnt >= 0 {
				v.emitEnt(v.ent(b), "role", roleEnt, "possessive-role", lo, hi, nil)
			}
			if v.isA(a, schema.Organization) {
				v.orgRel(b, a, roleText, "possessive-org", lo, hi)
			} else if v.isA(a, schema.Location) {
				v.emit(b, "lives_in", a, "possessive-place-lives", lo, hi, nil)
				if roleText != "" && v.isLeader(roleText) {
					v.emit(b, "leads", a, "possessive-org", lo, hi, nil)
				}
			}
		case v.isA(b, schema.Location) && v.isA(a, schema.Location) && !v.isA(b, schema.Country) && roleEnt < 0 && officeNouns[v.low(v.m(b).j)] && v.m(a).strength < 3:
			// "Kerr-McGee's Oklahoma City headquarters": the owner is a firm.
			v.x.ents[v.ent(a)].class = schema.Organization
			v.emit(a, "based_in", b, "possessive-based", lo, hi+1, nil)
		case v.isA(b, schema.Location) && v.isA(a, schema.Location) && !v.isA(b, schema.Country) && roleEnt < 0 && !nounAt(v, v.m(b).j):
			// not "Washington's Middle East allies": the allies are Washington's
			v.emit(b, "located_in", a, "possessive-place", lo, hi, nil)
		case v.isA(b, schema.Organization) && v.isA(a, schema.Location) && roleEnt < 0:
			v.emit(b, "based_in", a, "possessive-based", lo, hi, nil)
		}
	}
}

// officeNouns after a place say whose place it is: "X's Houston office".
var officeNouns = map[string]bool{"headquarters": true, "office": true, "offices": true, "plant": true,
	"factory": true, "branch": true, "bureau": true, "subsidiary": true, "unit": true}

var killerMods = map[string]bool{"convicted": true, "accused": true, "alleged": true, "confessed": true, "would-be": true, "suspected": true, "admitted": true}

var attackNouns = map[string]bool{
	"attack": true, "attacks": true, "assault": true, "assaults": true, "bombing": true, "bombings": true,
	"bombardment": true, "strikes": true, "strike": true, "airstrikes": true, "airstrike": true, "offensive": true,
	"shelling": true, "raid": true, "raids": true, "invasion": true, "incursion": true, "campaign": true,
}

// hyphenRules: "the Russian-backed Assad regime", "a Washington-based
// group", "Iran-aligned militias", "the HTS-held province".
func (v *view) hyphenRules() {
	for _, hi := range v.x.sentMents[v.si] {
		h := v.m(hi)
		if h.kind != kHyphen || h.ent < 0 {
			continue
		}
		t := v.np(h.j)
		if t < 0 && h.i > 0 {
			// "the Tarsis-backed militia": an anaphor around the modifier.
			if a := v.start[h.i-1]; a >= 0 && v.m(a).kind == kPronoun && v.m(a).j > h.j {
				t = a
			}
		}
		if t < 0 && h.suffix == "born" && h.i >= 3 && (v.low(h.i-1) == "the" || v.low(h.i-1) == "a") && v.low(h.i-2) == "," {
			// "Kurt Weill, the German-born composer,"
			if p := v.end[h.i-2]; p >= 0 && v.isA(p, schema.Person) {
				v.emit(p, "lives_in", hi, "x-born-y", v.m(p).i, h.j, nil)
			}
			continue
		}
		if t < 0 {
			// "the Idlib-based group": a lower-case noun; fall back to "the group" antecedent.
			continue
		}
		lo, hiTok := h.i, v.m(t).j
		switch h.suffix {
		case "backed", "supported", "funded", "sponsored", "armed":
			v.emit(hi, "backs", t, "x-backed-y", lo, hiTok, nil)
		case "controlled", "held", "occupied", "run":
			v.emit(hi, "controls", t, "x-held-y", lo, hiTok, nil)
		case "based":
			between := false // "the Amsterdam-based environmental group Greenpeace"
			for k := h.j; k < v.m(t).i; k++ {
				between = between || orgNouns[v.low(k)]
			}
			if between && v.isA(t, schema.Person) && v.m(t).strength < 3 {
				v.x.ents[v.ent(t)].class = schema.Organization // the noun says what it is
			}
			if v.isA(t, schema.Person) && !between {
				v.emit(t, "lives_in", hi, "x-based-y", lo, hiTok, nil)
			} else {
				v.emit(t, "based_in", hi, "x-based-y", lo, hiTok, nil)
			}
		case "born":
			v.emit(t, "lives_in", hi, "x-born-y", lo, hiTok, nil)
		case "linked", "affiliated", "aligned":
			v.emit(t, "affiliated_with", hi, "x-linked-y", lo, hiTok, nil)
		case "allied":
			v.emit(t, "allied_with", hi, "x-linked-y", lo, hiTok, nil)
		case "led":
			v.emit(hi, "backs", t, "x-led-y", lo, hiTok, nil)
		}
	}
}

// verbRules: subject–verb–object with passives ("X is held by Y") and
// reduced relatives ("Idlib, held by HTS").
var verbPreds = map[string]string{}

func init() {
	for pred, forms := range map[string]string{
		"controls":    "hold holds held control controls controlled seize seizes seized capture captures captured overran overrun occupy occupies occupied retook recaptured",
		"backs":       "back backs backed support supports supported fund funds funded finance finances financed sponsor sponsors sponsored arm arms armed",
		"attacked":    "attack attacks attacked bomb bombs bombed shell shells shelled strike strikes struck target targets targeted raid raids raided invade invades invaded storm stormed ambush ambushed besiege besieged assaulted hit",
		"killed":      "kill kills killed assassinate assassinates assassinated murder murders murdered shoot shoots shot execute executes executed slay slew slain stab stabbed strangle strangled behead beheaded poison poisoned gunned",
		"leads":       "lead leads led head heads headed found founded chair chairs chaired command commands commanded run runs manage manages managed direct directs directed",
		"opposes":     "oppose opposes opposed fight fights fought condemn condemns condemned",
		"member_of":   "joined",
		"works_for":   "represents represented coaches coached",
		"located_in":  "",
		"allied_with": "",
	} {
		for _, f := range strings.Fields(forms) {
			verbPreds[f] = pred
		}
	}
}

var beWords = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "be": true}

func (v *view) verbRules() {
	// "X beat Y to death", "X was stabbed to death by Y" (the passive is
	// read below): any violent verb with "to death" is a killing.
	for k := 2; k+1 < len(v.t); k++ {
		if v.low(k) != "to" || v.low(k+1) != "death" {
			continue
		}
		if o := v.end[k]; o >= 0 && v.m(o).kind == kName && v.isA(o, schema.Person) && v.m(o).i >= 1 && strings.HasPrefix(v.t[v.m(o).i-1].Tag, "VB") && !beWords[v.low(v.m(o).i-1)] {
			if s, neg := v.subject(v.m(o).i - 1); s >= 0 && s != o {
				v.emit(s, "killed", o, "to-death", v.m(s).i, k+2, negQ(neg))
			}
		}
	}
	for k := 0; k < len(v.t); k++ {
		w := v.low(k)
		pred, ok := verbPreds[w]
		if (w == "control" || w == "controls") && (v.low(k+1) == "of" || v.low(k+1) == "over") {
			ok = false
		}
		if w == "cut" && v.low(k+1) == "down" && beWords[v.low(k-1)] {
			pred, ok = "killed", true // "X was cut down by an assassin Y"
		}
		if !ok {
			// "took control of", "has control over", "in control of"
			if (w == "control" || w == "controls") && (v.low(k+1) == "of" || v.low(k+1) == "over") {
				if o := v.np(k + 2); o >= 0 && v.isA(o, schema.Location) {
					j := k - 1
					for j >= 0 && (npSkip[v.low(j)] || v.low(j) == "full" || v.low(j) == "effective") {
						j--
					}
					if j >= 0 && (v.low(j) == "took" || v.low(j) == "take" || v.low(j) == "taken" || v.low(j) == "has" || v.low(j) == "have" || v.low(j) == "had" || v.low(j) == "seized" || v.low(j) == "gained" || v.low(j) == "retains" || v.low(j) == "maintains" || v.low(j) == "regained" || v.low(j) == "in" && v.low(j-1) == "is") {
						if v.low(j) == "in" {
							j--
						}
						if s, neg := v.subject(j); s >= 0 {
							v.emit(s, "controls", o, "svo-control-of", v.m(s).i, v.m(o).j, negQ(neg))
						}
					}
				}
			}
			if w == "under" && (v.low(k+1) == "the" && v.low(k+2) == "control" && v.low(k+3) == "of" || v.low(k+1) == "control" && v.low(k+2) == "of") {
				off := 3
				if v.low(k+1) == "the" {
					off = 4
				}
				if a := v.np(k + off); a >= 0 {
					if p := v.end[k]; p >= 0 && v.isA(p, schema.Location) {
						v.emit(a, "controls", p, "under-control-of", v.m(p).i, v.m(a).j, nil)
					} else if k > 0 && v.low(k-1) == "," {
						if p := v.end[k-1]; p >= 0 {
							v.emit(a, "controls", p, "under-control-of", v.m(p).i, v.m(a).j, nil)
						}
					}
				}
			}
			continue
		}
		if v.t[k].Tag != "" && !strings.HasPrefix(v.t[k].Tag, "VB") && v.t[k].Tag != "JJ" && v.t[k].Tag != "NN" && v.t[k].Tag != "NNS" {
			continue
		}
		// Passive: "[patient] (was) VERB-ed ... by [agent]".
		byAt := -1
		for j := k + 1; j < len(v.t) && j <= k+20; j++ {
			lw := v.low(j)
			if lw == "by" {
				byAt = j
				break
			}
			if lw == ";" || lw == "and" && j == k+1 || verbPreds[lw] != "" || lw == "who" || lw == "which" {
				break
			}
			if tg := v.t[j].Tag; (tg == "VBN" || tg == "VBD") && v.low(j-1) != "and" && v.low(j-1) != "or" {
				break // "hit a depot, an assertion excluded by Y": Y's verb is another
			}
		}
		passive := k > 0 && (beWords[v.low(k-1)] || beWords[v.low(k-2)] && v.t[k-1].Tag == "RB")
		if byAt >= 0 && (passive || v.low(k-1) == "," || v.end[k] >= 0 || v.low(k-1) == "which" || v.low(k-1) == "and") {
			agent := v.byAgent(byAt + 1)
			if agent < 0 {
				continue
			}
			var patient int = -1
			neg := false
			if passive {
				j := k - 1
				for j >= 0 && (beWords[v.low(j)] || auxWords[v.low(j)] || v.t[j].Tag == "RB") {
					if v.low(j) == "not" || v.low(j) == "n't" {
						neg = true
					}
					j--
				}
				patient, _ = v.subject(j + 1)
			} else if p := v.end[k]; p >= 0 {
				patient = p
			} else if k >= 1 && v.low(k-1) == "," {
				patient = v.end[k-1]
			}
			if patient >= 0 && nounAt(v, v.m(patient).j) {
				continue // "an Atlanta suburb held by X": the suburb is held
			}
			if patient >= 0 {
				rule := "passive-by"
				if pred == "controls" {
					rule = "passive-by-controls"
				}
				v.emit(agent, pred, patient, rule, v.m(patient).i, v.m(agent).j, negQ(neg))
				if a2 := v.coordAfter(agent); a2 >= 0 {
					// "Y was killed by A and B"
					v.emit(a2, pred, patient, rule, v.m(patient).i, v.m(a2).j, negQ(neg))
				}
			}
			continue
		}
		if passive {
			continue
		}
		s, neg := v.subject(k)
		if s < 0 {
			continue
		}
		o := v.np(k + 1)
		if o < 0 && v.low(k+1) == "and" {
			// "shot and mortally wounded X": the object of the second verb.
			j := k + 2
			for j < len(v.t) && v.t[j].Tag == "RB" {
				j++
			}
			if j < len(v.t) && strings.HasPrefix(v.t[j].Tag, "VB") {
				o = v.np(j + 1)
			}
		}
		if o < 0 || pred != "attacked" && pred != "killed" && (ownsNext(v, v.m(o).j) || nounAt(v, v.m(o).j)) {
			// "supported Moore's opponent", "backed a Collins proposal":
			// the name modifies what is backed ("attacked the FBI's
			// integrity" attacks the FBI).
			continue
		}
		if pred == "controls" && !v.isA(o, schema.Location) {
			continue
		}
		if pred == "killed" && v.m(o).kind == kPronoun {
			// "Kennedy had just won the primary when Sirhan shot him": the
			// one other person named before the killer.
			if o = v.otherPerson(s); o < 0 {
				continue
			}
		}
		if pred == "member_of" && (v.isA(o, schema.Company) || v.isA(o, schema.MediaOutlet)) {
			pred = "works_for" // "joined IBM in 1975": a firm hires, it has no members
		}
		n0 := len(v.x.facts)
		if pred == "attacked" && k > 0 && (v.low(k-1) == "an" || v.low(k-1) == "a" || v.low(k-1) == "the" || v.low(k-1) == "air" || v.low(k-1) == "military") {
			continue // "launching an attack on X", "air strikes": a noun, not the verb
		}
		rule := "svo-" + pred
		if pred == "attacked" && !v.isA(s, schema.ArmedGroup) && !v.isA(s, schema.Government) && !v.isA(s, schema.Country) {
			// A person's or a party's attacks are mostly words ("X
			// attacked Y on Twitter"), and storms strike too: only an
			// armed group's or a state's are read by default.
			rule = "svo-attacked-other"
		}
		v.emit(s, pred, o, rule, v.m(s).i, v.m(o).j, negQ(neg))
		if s2 := v.coordBefore(s); s2 >= 0 && (pred == "killed" || pred == "attacked") {
			// "A and B killed Y": both did.
			v.emit(s2, pred, o, rule, v.m(s2).i, v.m(o).j, negQ(neg))
		}
		if pred == "leads" && v.isA(s, schema.Person) && v.isA(o, schema.Organization) && !neg {
			// "X, who heads the institute": the head works there.
			v.emit(s, "works_for", o, "svo-leads-works", v.m(s).i, v.m(o).j, nil)
		}
		if w := v.low(k); pred == "leads" && (w == "found" || w == "founded") {
			// "who founded the company in 2011": the year dates the
			// founding, not the leadership read from it.
			for f := n0; f < len(v.x.facts); f++ {
				delete(v.x.facts[f].qual, schema.QualTime)
			}
		}
		// "X attacked A and B", "assassinated A, and B".
		for n, cur := 0, o; n < 4; n++ {
			j := v.m(cur).j
			if v.low(j) == "," && v.start[j+1] < 0 && (v.low(j+1) == "and" || v.low(j+1) == "the") {
				j++
			}
			if v.low(j) != "and" && v.low(j) != "," {
				break
			}
			next := v.np(j + 1)
			if next < 0 || v.cls(next).Top() != v.cls(o).Top() {
				break
			}
			v.emit(s, pred, next, rule, v.m(s).i, v.m(next).j, negQ(neg))
			cur = next
		}
	}
}

// byAgent reads the agent after "by": "the former al-Qaeda affiliate
// Hayat Tahrir al-Sham" gives Hayat Tahrir al-Sham (the appositive head).
func (v *view) byAgent(i int) int {
	a := v.np(i)
	if a < 0 {
		return -1
	}
	j := v.m(a).j
	if w := v.low(j); relNouns[w] != "" {
		if b := v.start[j+1]; b >= 0 && v.m(b).kind == kName {
			return b
		}
	}
	if ownsNext(v, j) {
		return -1 // "backed by Trump's chief of staff", "chaired by Trump appointee X"
	}
	return a
}

// ownsNext reports whether the name ending before token j modifies what
// follows it: a possessive ("Moore's opponent") or a common noun that heads
// the phrase ("Trump appointee Ajit Pai").
func ownsNext(v *view, j int) bool {
	if j >= len(v.t) {
		return false
	}
	if w := v.low(j); w == "'s" || w == "'" {
		return true
	}
	t := v.t[j]
	return (t.Tag == "NN" || t.Tag == "NNS") && t.Text == t.Lower && v.start[j+min(1, len(v.t)-j-1)] >= 0
}

// nounAt reports whether token j is a lower-case common noun: after a
// name, the noun heads the phrase and the name only modifies it.
func nounAt(v *view, j int) bool {
	if j >= len(v.t) {
		return false
	}
	t := v.t[j]
	return (t.Tag == "NN" || t.Tag == "NNS") && t.Text == t.Lower
}

func negQ(neg bool) map[string]string {
	if neg {
		return map[string]string{schema.QualNegated: "true"}
	}
	return nil
}

// nominalRules: attack and killing nouns ("the assassination of X by Y",
// "X's killer", "Russian bombings of Y").
func (v *view) nominalRules() {
	for k := 0; k < len(v.t); k++ {
		w := v.low(k)
		switch w {
		case "assassination", "murder", "killing", "slaying", "shooting", "execution", "death",
			"assassinations", "murders", "killings", "slayings", "shootings":
			// "sentenced to death for Kennedy's murder": a possessive victim.
			if k >= 2 && v.low(k-1) == "'s" && w != "death" && w != "execution" {
				if victim := v.end[k-1]; victim >= 0 && v.isA(victim, schema.Person) {
					v.accusedKill(k-1, victim)
				}
				continue
			}
			if v.low(k+1) != "of" {
				if w == "killing" || w == "shooting" || w == "murder" && v.low(k-1) == "to" {
					v.gerundKill(k)
				}
				continue
			}
			victim := v.np(k + 2)
			if victim < 0 || !v.isA(victim, schema.Person) {
				continue
			}
			j := v.m(victim).j
			if v.low(j) == "by" {
				if a := v.np(j + 1); a >= 0 {
					v.emit(a, "killed", victim, "kill-nominal-by", v.m(victim).i, v.m(a).j, nil)
					continue
				}
			}
			if w == "death" {
				continue
			}
			// "X's assassination of Y"
			if k >= 1 && (v.low(k-1) == "'s") {
				if a := v.end[k-1]; a >= 0 {
					v.emit(a, "killed", victim, "kill-nominal-poss", v.m(a).i, j, nil)
					continue
				}
			}
			v.accusedKill(k, victim)
			// "the slayings of A and B"
			if v.low(j) == "and" {
				if b := v.np(j + 1); b >= 0 && v.isA(b, schema.Person) {
					v.accusedKill(k, b)
				}
			}
		case "assassin", "killer", "murderer", "slayer", "assassins", "killers":
			// "X, the assassin of Y" / "Y's assassin, X" / "Y's killer X" / "Kennedy assassin X"
			if v.low(k+1) == "of" {
				victim := v.np(k + 2)
				a := -1
				j := k - 1
				for j >= 0 && (npSkip[v.low(j)] || killerMods[v.low(j)]) {
					j--
				}
				if j >= 0 && v.low(j) == "," {
					a = v.end[j]
				}
				if victim >= 0 && a >= 0 {
					v.emit(a, "killed", victim, "kill-nominal-agent", v.m(a).i, v.m(victim).j, nil)
				}
			} else if k >= 1 && v.low(k-1) == "'s" {
				victim := v.end[k-1]
				j := k + 1
				if v.low(j) == "," {
					j++
				}
				if a := v.np(j); a >= 0 && victim >= 0 {
					v.emit(a, "killed", victim, "kill-nominal-agent", v.m(victim).i, v.m(a).j, nil)
					// "Gandhi's assassins, A and B"
					if aj := v.m(a).j; v.low(aj) == "and" {
						if b := v.start[aj+1]; b >= 0 && v.isA(b, schema.Person) && v.m(b).kind == kName {
							v.emit(b, "killed", victim, "kill-nominal-agent", v.m(victim).i, v.m(b).j, nil)
						}
					}
				} else if victim >= 0 && v.low(v.m(victim).i-1) == "," {
					// "Booth, Lincoln's assassin, was trapped"
					if a := v.end[v.m(victim).i-1]; a >= 0 && v.isA(a, schema.Person) {
						v.emit(a, "killed", victim, "kill-nominal-agent", v.m(a).i, k+1, nil)
					}
				}
			} else if victim := v.end[k]; victim >= 0 && v.isA(victim, schema.Person) {
				if a := v.start[k+1]; a >= 0 && v.isA(a, schema.Person) {
					v.emit(a, "killed", victim, "kill-nominal-agent", v.m(victim).i, v.m(a).j, nil)
				}
			}
		case "assassinating", "murdering", "stabbing", "strangling", "kill", "assassinate":
			// "X apologized for killing Y", "X pleaded guilty to shooting Y",
			// "a charge of conspiracy to murder Y": the sentence's first person acts.
			if (w == "kill" || w == "murder" || w == "assassinate") && v.low(k-1) != "to" {
				continue
			}
			v.gerundKill(k)
		}
		// "Russian bombings of health facilities in Idlib", "attacks on Y by X".
		if attackNouns[w] && k > 0 && (v.low(k+1) == "on" || v.low(k+1) == "against" || v.low(k+1) == "of") {
			target := v.np(k + 2)
			if target < 0 {
				continue
			}
			agent := -1
			if a := v.end[k]; a >= 0 && (v.m(a).kind == kDemonym || v.m(a).kind == kName) {
				agent = a
			} else if j := k - 1; j >= 0 {
				// "X resumed/launched attacks on Y"
				if lw := v.low(j); lw == "resumed" || lw == "launched" || lw == "carried" || lw == "stepped" || lw == "intensified" || lw == "conducted" || lw == "continued" || lw == "began" || lw == "mounted" {
					agent, _ = v.subject(j)
				}
			}
			if agent >= 0 && v.low(k-1) != "'s" {
				v.emit(agent, "attacked", target, "attack-noun", v.m(agent).i, v.m(target).j, nil)
			}
		}
	}
}

// placeRules: "Livingston, Texas", datelines, "X in Y", "X, based in Y",
// "X, who lives in Y", "born in".
func (v *view) placeRules() {
	ms := v.x.sentMents[v.si]
	for _, ai := range ms {
		a := v.m(ai)
		if a.kind == kPronoun && a.ent >= 0 && strings.HasPrefix(a.surface, "the ") && v.isA(ai, schema.Organization) && !v.isA(ai, schema.ArmedGroup) &&
			a.i > 0 && (v.low(a.i-1) == "for" || v.low(a.i-1) == "of" || v.low(a.i-1) == "at") && v.low(a.j) == "in" {
			// "a spokeswoman for the agency in Washington, D.C.": the agency
			// named before is there.
			if b := v.np(a.j + 1); b >= 0 && v.isA(b, schema.Location) && v.m(b).kind == kName {
				v.emitPlace(ai, "based_in", b, "org-in-place", a.i, v.m(b).j, nil)
			}
			continue
		}
		if a.kind != kName || a.ent < 0 {
			continue
		}
		j := a.j
		// "City, Region" and datelines.
		if v.low(j) == "," && v.isA(ai, schema.Location) {
			b := v.start[j+1]
			// "Mexico, Guadalajara, Monterrey": a list, not a containment.
			// "Fire Island Seashore, Patchogue, N.Y.": ranks that rise are a chain.
			if b < 0 && v.low(j+1) == "the" {
				// "Brunei, Malaysia, the Philippines": a list goes on
				// through a determiner.
				if c := v.start[j+2]; c >= 0 && v.isA(c, schema.Location) && a.i > 0 && v.low(a.i-1) == "," {
					continue
				}
			}
			list := b >= 0 && (v.low(v.m(b).j) == "and" || v.low(v.m(b).j) == "," && v.start[v.m(b).j+1] >= 0 && v.isA(v.start[v.m(b).j+1], schema.Location) && !v.isA(v.start[v.m(b).j+1], schema.Country) && !broader(v.cls(v.start[v.m(b).j+1]), v.cls(b))) || a.i > 0 && v.low(a.i-1) == "," && v.end[a.i-1] >= 0 && v.isA(v.end[a.i-1], schema.Location) && !broader(v.cls(ai), v.cls(v.end[a.i-1]))
			if b >= 0 && v.low(v.m(b).j) == "'s" && !v.placeHeadAt(v.m(b).j+1) {
				// "Morihiro Hosokawa, Japan's prime minister": the place
				// owns what follows; it does not contain the name before
				// ("Baghdad, Iraq's capital" does).
				list = true
			}
			if b >= 0 && !list && v.m(b).kind == kName && v.isA(b, schema.Location) && broader(v.cls(b), v.cls(ai)) && !v.modifiesNoun(b) {
				rule := "comma-place"
				if a.i == 0 && (v.low(v.m(b).j) == "–" || v.low(v.m(b).j) == "-" || v.low(v.m(b).j) == "—" || v.low(v.m(b).j) == "--" || v.low(v.m(b).j) == "(") {
					rule = "dateline"
				}
				v.emit(ai, "located_in", b, rule, a.i, v.m(b).j, nil)
				v.coordPlaces(ai, b, rule)
			}
		}
		// "X in Y": a place in a larger place; "the Fernald uranium processing
		// plant in Ohio": a facility noun may come between.
		if a.i > 0 && v.isA(ai, schema.Location) {
			for k := j; k < j+4 && k < len(v.t) && v.t[k].Text == v.low(k) && v.low(k) != "in"; k++ {
				// "Umbria and Lazio provinces in central Italy"
				if (facilityNouns[v.low(k)] || k == j && placeNouns[strings.TrimSuffix(v.low(k), "s")] != "" || v.low(k) == "provinces" || v.low(k) == "counties") && v.low(k+1) == "in" {
					j = k + 1
					break
				}
			}
		}
		// "Apartado is in northwestern Antioquia", "the police headquarters in Bogota".
		if (v.low(j) == "is" || v.low(j) == "was" || v.low(j) == "headquarters") && v.low(j+1) == "in" && a.i >= 0 {
			j++
		}
		acr := false
		if v.low(j) == "(" && v.low(j+2) == ")" && v.low(j+3) == "in" && v.isA(ai, schema.Organization) {
			j += 3 // "Centro Nacional de Optica (CNO) in Valencia"
			acr = true
		}
		if v.low(j) == "in" && !languages[v.t[min(j+1, len(v.t)-1)].Text] {
			if b := v.np(j + 1); b >= 0 && v.isA(b, schema.Location) {
				switch {
				case v.isA(ai, schema.Location) && (broader(v.cls(b), v.cls(ai)) || v.cls(b) == schema.Location && v.isA(ai, schema.City) && j == a.j):
					// an unknown place after a town's "in" is its region: "Naples in Campania"
					v.emit(ai, "located_in", b, "x-in-y", a.i, v.m(b).j, nil)
					v.possessorIn(ai, j+1, b, "x-in-y")
					v.coordPlaces(ai, b, "x-in-y")
				case v.isA(ai, schema.Organization) && !v.isA(ai, schema.ArmedGroup) && v.low(j-1) == "headquarters":
					v.emitPlace(ai, "based_in", b, "org-in-place", a.i, v.m(b).j, nil)
				case v.isA(ai, schema.Organization) && !v.isA(ai, schema.ArmedGroup) && (j == a.j || acr) && (acr && !v.isA(b, schema.Country) || a.i > 0 && (v.low(a.i-1) == "of" || v.low(a.i-1) == "at" || v.low(a.i-1) == "from" || v.low(a.i-1) == "the" && a.i > 1 && (v.low(a.i-2) == "of" || v.low(a.i-2) == "at" || v.low(a.i-2) == "from")) || a.strength >= 3 && !v.isA(b, schema.Country)):
					// "a professor at the Institute of Zoology in Kunming"
					rule := "org-in-place"
					if v.institutionName(ai) && j == a.j {
						rule = "institution-in-place"
					}
					v.emitPlace(ai, "based_in", b, rule, a.i, v.m(b).j, nil)
				}
			}
		}
		// Appositive of a place: "al-Hol camp, a displacement camp of
		// around 70,000 people in Syria's Hasaka province".
		if v.low(j) == "," && v.isA(ai, schema.Location) && (v.low(j+1) == "a" || v.low(j+1) == "an" || v.low(j+1) == "the") {
			for k := j + 2; k < len(v.t) && k < j+14; k++ {
				if v.low(k) == "," || v.low(k) == ";" || v.start[k] >= 0 && v.low(k-1) != "in" {
					if v.low(k) == "," || v.low(k) == ";" {
						break
					}
				}
				if v.low(k) == "in" {
					if b := v.np(k + 1); b >= 0 && v.isA(b, schema.Location) && broader(v.cls(b), v.cls(ai)) {
						v.emit(ai, "located_in", b, "appositive-in", a.i, v.m(b).j, nil)
						v.possessorIn(ai, k+1, b, "appositive-in")
					}
					break
				}
			}
		}
		// "Talmora, the capital of Aurelia".
		if v.low(j) == "," && v.isA(ai, schema.Location) && v.low(j+1) == "the" && (v.low(j+2) == "capital" || v.low(j+2) == "largest" && v.low(j+3) == "city") {
			k := j + 3
			if v.low(k) == "city" {
				k++
			}
			if v.low(k) == "of" {
				if b := v.np(k + 1); b >= 0 && v.isA(b, schema.Location) {
					v.emit(ai, "located_in", b, "capital-of", a.i, v.m(b).j, nil)
				}
			}
		}
		// "Kestrel Systems, an Osland-based software company".
		if v.low(j) == "," && (v.low(j+1) == "a" || v.low(j+1) == "an" || v.low(j+1) == "the") && v.isA(ai, schema.Organization) {
			if h := v.start[j+2]; h >= 0 && v.m(h).kind == kHyphen && v.m(h).suffix == "based" && v.np(j+3) < 0 {
				v.emit(ai, "based_in", h, "x-based-y", a.i, j+3, nil)
			}
		}
		// Organisations: "X, based in Y", "X is headquartered in Y".
		if v.isA(ai, schema.Organization) || v.isA(ai, schema.Person) {
			k := j
			if v.low(k) == "," {
				k++
			}
			if v.low(k) == "who" || v.low(k) == "which" || v.low(k) == "is" || v.low(k) == "was" || v.low(k) == "now" {
				k++
			}
			for n := 0; n < 2 && (v.low(k) == "is" || v.low(k) == "was" || v.low(k) == "has" || v.low(k) == "had" || v.low(k) == "currently" || v.low(k) == "also" || v.low(k) == "been" || v.low(k) == "comes" || v.low(k) == "came" || v.low(k) == "hails" || v.low(k) == "now" || v.low(k) == "still"); n++ {
				k++
			}
			if v.low(j) == "," && (v.low(k) == "the" || v.low(k) == "a" || v.low(k) == "an") {
				// "Greenpeace, the environmental group based in Amsterdam"
				for kk := k + 1; kk < len(v.t) && kk < k+6 && v.t[kk].Text == v.low(kk) && v.low(kk) != ","; kk++ {
					if w := v.low(kk); (w == "based" || w == "headquartered") && v.low(kk+1) == "in" && orgNouns[v.low(kk-1)] {
						k = kk
						break
					}
				}
			}
			w := v.low(k)
			// "X has its headquarters in Y", "X moved its headquarters to Y".
			hq := k
			if w == "has" || w == "have" || w == "moved" || w == "moves" || w == "relocated" || w == "keeps" || w == "opened" || w == "maintains" {
				hq++
			}
			if v.isA(ai, schema.Organization) && hq > j && (v.low(hq) == "its" || v.low(hq) == "their") && (v.low(hq+1) == "headquarters" || v.low(hq+1) == "head" && v.low(hq+2) == "office") {
				h := hq + 2
				if v.low(hq+1) == "head" {
					h++
				}
				if v.low(h) == "in" || v.low(h) == "to" {
					if b := v.np(h + 1); b >= 0 && v.isA(b, schema.Location) {
						v.emitPlace(ai, "based_in", b, "based-in", a.i, v.m(b).j, nil)
					}
				}
			}
			if (w == "based" || w == "headquartered" || w == "located") && v.low(k+1) == "in" && (v.isA(ai, schema.Organization) || orgNouns[v.low(k-1)]) {
				if b := v.np(k + 2); b >= 0 && v.isA(b, schema.Location) {
					v.emitPlace(ai, "based_in", b, "based-in", a.i, v.m(b).j, nil)
				}
			}
			if v.isA(ai, schema.Person) && v.low(j) == "," {
				// "X, the manager of the project, based in Huntsville": a
				// person based somewhere lives there.
				c := j
				if v.low(j+1) != "based" {
					for c = j + 1; c < len(v.t) && c < j+10 && v.low(c) != "," && v.start[c] < 0; c++ {
					}
				}
				if v.low(c) == "," && v.low(c+1) == "based" && v.low(c+2) == "in" {
					if b := v.np(c + 3); b >= 0 && v.isA(b, schema.Location) {
						v.emitPlace(ai, "lives_in", b, "person-based-in", a.i, v.m(b).j, nil)
					}
				}
			}
			if v.isA(ai, schema.Person) {
				liv := (w == "lives" || w == "lived" || w == "resides" || w == "resided" || w == "settled" || w == "born" || w == "grew" && v.low(k+1) == "up") && (v.low(k+1) == "in" || v.low(k+2) == "in")
				if w == "a" || w == "an" {
					if n := v.low(k + 1); (n == "native" || n == "resident") && v.low(k+2) == "of" {
						liv = true
					}
				}
				if w == "from" && (v.low(k-1) == "is" || v.low(k-1) == "was" || v.low(k-1) == "comes" || v.low(k-1) == "came" || v.low(k-1) == "hails") {
					// "Mrs. Tsuruyama is from Yatsushiro"
					if b := v.np(k + 1); b >= 0 && v.isA(b, schema.Location) {
						v.emitPlace(ai, "lives_in", b, "is-from", a.i, v.m(b).j, nil)
					}
				}
				if liv {
					for kk := k + 1; kk < k+4 && kk < len(v.t); kk++ {
						if v.low(kk) == "in" || v.low(kk) == "of" {
							if b := v.np(kk + 1); b >= 0 && v.isA(b, schema.Location) {
								v.emitPlace(ai, "lives_in", b, "lives-in", a.i, v.m(b).j, nil)
							}
							break
						}
					}
				}
			}
		}
	}
	// "born in": a person earlier in the sentence.
	for k := 1; k < len(v.t); k++ {
		if v.low(k) != "born" || v.low(k+1) != "in" && v.low(k+1) != "near" {
			continue
		}
		b := v.np(k + 2)
		if b < 0 || !v.isA(b, schema.Location) {
			continue
		}
		// "was never born in X" is no home
		if s, neg := v.subject(k); s >= 0 && v.isA(s, schema.Person) && !neg {
			// "Bush and Dukakis were born in ...": both.
			if i := v.m(s).i; i >= 2 && v.low(i-1) == "and" {
				if s2 := v.end[i-1]; s2 >= 0 && v.isA(s2, schema.Person) {
					v.emit(s2, "lives_in", b, "born-in", v.m(s2).i, v.m(b).j, nil)
				}
			}
			v.emit(s, "lives_in", b, "born-in", v.m(s).i, v.m(b).j, nil)
			// "born in Willowdell, Darke County": the town's county too.
			if nb := v.m(b).j; v.low(nb) == "," {
				if c := v.start[nb+1]; c >= 0 && v.isA(c, schema.Location) {
					v.emit(s, "lives_in", c, "born-in", v.m(s).i, v.m(c).j, nil)
				}
			}
		}
	}
	// "Havana Radio Reloj Network": a place naming its organisation.
	for _, p := range v.x.locOrg {
		if v.x.ments[p[0]].sent != v.si {
			continue
		}
		if v.partyMember(p[1]) || v.isA(p[1], schema.PoliticalParty) && v.m(p[1]).j-v.m(p[1]).i == 1 {
			continue // "a North Carolina Republican": a member, not a branch
		}
		if nounAt(v, v.m(p[1]).j) {
			continue // "the Alabama Senate race": a race, not a senate
		}
		v.emit(p[1], "based_in", p[0], "place-org-name", v.m(p[0]).i, v.m(p[1]).j, nil)
	}
}

// languages are not places: "Radio Havana in Spanish".
var languages = map[string]bool{"English": true, "Spanish": true, "French": true, "Arabic": true, "Russian": true,
	"German": true, "Chinese": true, "Portuguese": true, "Japanese": true, "Italian": true, "Korean": true,
	"Persian": true, "Farsi": true, "Turkish": true, "Hebrew": true, "Greek": true, "Serbo-Croatian": true,
	"Czech": true, "Polish": true, "Hungarian": true, "Romanian": true, "Bulgarian": true, "Ukrainian": true,
	"Slovak": true, "Albanian": true, "Mandarin": true, "Hindi": true, "Urdu": true, "Kurdish": true, "Dutch": true}

// broader reports whether outer can contain inner.
func broader(outer, inner schema.Class) bool {
	rank := func(c schema.Class) int {
		switch {
		case c.IsA(schema.Country):
			return 4
		case c.IsA(schema.Province):
			return 3
		case c.IsA(schema.Region):
			return 3
		case c.IsA(schema.City):
			return 2
		case c.IsA(schema.Facility), c.IsA(schema.River):
			return 1
		}
		return 0 // unknown Location
	}
	ro, ri := rank(outer), rank(inner)
	if ro == 0 {
		return ri <= 1 && ri > 0
	}
	if ri == 0 {
		return ro >= 2
	}
	return ro > ri || ro == 3 && ri == 3 && outer != inner
}

var facilityNouns = map[string]bool{"plant": true, "cave": true, "site": true, "factory": true, "mine": true, "refinery": true, "airport": true, "prison": true, "dam": true, "base": true, "complex": true, "facility": true, "reactor": true, "camp": true, "port": true, "hospital": true}

var approxWords = map[string]bool{"around": true, "about": true, "roughly": true, "approximately": true, "some": true, "nearly": true, "almost": true, "estimated": true, "up": true, "over": true, "more": true, "at": true, "an": true}
var peopleNouns = map[string]bool{"people": true, "residents": true, "inhabitants": true, "refugees": true, "civilians": true, "families": false, "persons": true, "displaced": true, "idps": true}
var forceNouns = map[string]bool{"fighters": true, "members": true, "troops": true, "soldiers": true, "militants": true, "men": true, "personnel": true, "combatants": true, "jihadists": true, "rebels": true, "insurgents": true, "recruits": true}

// number parses "15,000", "3 million", "1.5 million" into a decimal string.
func number(v *view, k int) (string, int, bool) {
	t := v.t[k].Text
	if v.t[k].Tag != "CD" && !(t != "" && t[0] >= '0' && t[0] <= '9') {
		return "", k, false
	}
	clean := strings.ReplaceAll(t, ",", "")
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return "", k, false
	}
	next := k + 1
	// CoNLL-style "150 , 000".
	if v.low(next) == "," && next+1 < len(v.t) && len(v.t[next+1].Text) == 3 && v.t[next+1].Tag == "CD" {
		if g, err := strconv.ParseFloat(v.t[next+1].Text, 64); err == nil {
			f = f*1000 + g
			next += 2
		}
	}
	switch v.low(next) {
	case "million":
		f *= 1e6
		next++
	case "thousand":
		f *= 1e3
		next++
	case "billion":
		f *= 1e9
		next++
	}
	return strconv.FormatFloat(f, 'f', -1, 64), next, true
}

// quantityRules: "a displacement camp of around 70,000 people", "X has
// roughly 15,000 fighters", "home to 2 million people".
func (v *view) quantityRules() {
	for k := 0; k < len(v.t); k++ {
		val, next, ok := number(v, k)
		if !ok {
			continue
		}
		approx := k > 0 && approxWords[v.low(k-1)] || v.low(k-1) == "than" || v.low(k-1) == "to" && v.low(k-2) == "up"
		q := map[string]string(nil)
		if approx {
			q = map[string]string{schema.QualApproximate: "true"}
		}
		noun := v.low(next)
		if noun == "internally" || noun == "displaced" {
			noun = "people"
		}
		switch {
		case peopleNouns[noun]:
			// Find the place: "X, a camp of N people", "X, home to N people",
			// "X has a population of N", "N people live in X".
			if v.low(next+1) == "live" || v.low(next+1) == "living" {
				if v.low(next+2) == "in" {
					if p := v.np(next + 3); p >= 0 && v.isA(p, schema.Location) {
						v.emitLit(p, "population", val, "population", k, v.m(p).j, q)
					}
				}
				continue
			}
			j := k - 1
			for j >= 0 && (approxWords[v.low(j)] || v.low(j) == "than" || v.low(j) == "of" || v.low(j) == "to" || v.low(j) == "home") {
				j--
			}
			// walk back over an appositive noun phrase to the place
			for steps := 0; j >= 0 && steps < 6; steps++ {
				if v.low(j) == "," {
					if p := v.end[j]; p >= 0 && v.isA(p, schema.Location) {
						v.emitLit(p, "population", val, "population", v.m(p).i, next+1, q)
					}
					break
				}
				if p := v.end[j+1]; p >= 0 && v.isA(p, schema.Location) && (v.low(j+1) == "has" || v.low(j+1) == "with") {
					v.emitLit(p, "population", val, "population", v.m(p).i, next+1, q)
					break
				}
				j--
			}
		case forceNouns[noun]:
			// "X (still) has (roughly) N fighters", "X, with N fighters", "N X fighters".
			j := k - 1
			for j >= 0 && (approxWords[v.low(j)] || v.low(j) == "than" || v.low(j) == "to") {
				j--
			}
			if w := v.low(j); w == "has" || w == "have" || w == "had" || w == "with" || w == "commands" || w == "fields" || w == "numbers" || w == "deployed" || w == "deploys" {
				if s, neg := v.subject(j); s >= 0 && (v.isA(s, schema.Organization) || v.isA(s, schema.Person)) {
					if neg {
						if q == nil {
							q = map[string]string{}
						}
						q[schema.QualNegated] = "true"
					}
					v.emitLit(s, "strength", val, "strength", v.m(s).i, next+1, q)
				} else if w == "with" && j > 0 && v.low(j-1) == "," {
					if s := v.end[j-1]; s >= 0 && v.isA(s, schema.Organization) {
						v.emitLit(s, "strength", val, "strength", v.m(s).i, next+1, q)
					}
				}
			}
		default:
			if o := v.start[next]; o >= 0 && v.isA(o, schema.Organization) && forceNouns[v.low(v.m(o).j)] {
				v.emitLit(o, "strength", val, "strength", k, v.m(o).j+1, q)
			}
		}
	}
}

// activeInRules: "X ... fighters active across Iraq and Syria", "X
// operates in Y", "X fighters in Y".
func (v *view) activeInRules() {
	for k := 0; k < len(v.t); k++ {
		w := v.low(k)
		if w != "active" && w != "operating" && w != "operates" && w != "operate" && w != "present" && w != "deployed" {
			continue
		}
		// The actor: the sentence's subject before the trigger.
		actor := -1
		for _, mi := range v.x.sentMents[v.si] {
			m := v.m(mi)
			if m.i >= k {
				break
			}
			if (m.kind == kName || m.kind == kPronoun) && (v.isA(mi, schema.Organization)) {
				actor = mi
				break
			}
		}
		if actor < 0 {
			continue
		}
		for j := k + 1; j < len(v.t) && j < k+25; j++ {
			lw := v.low(j)
			listComma := lw == "," && v.start[j+1] >= 0 && v.isA(v.start[j+1], schema.Location)
			if lw == ";" || lw == "." || lw == "but" || lw == "while" || lw == "," && v.low(j+1) != "and" && v.low(j+1) != "in" && !listComma {
				break
			}
			if lw == "in" || lw == "across" || lw == "throughout" || lw == "and" || lw == "inside" || listComma {
				if p := v.np(j + 1); p >= 0 && v.isA(p, schema.Location) && (lw != "and" && lw != "," || v.m(p).i == j+1) {
					v.emit(actor, "active_in", p, "active-in", v.m(actor).i, v.m(p).j, nil)
				}
			}
		}
	}
}

// relNouns link two organisations: "the former al-Qaeda affiliate HTS".
var relNouns = map[string]string{
	"affiliate": "affiliated_with", "offshoot": "affiliated_with", "branch": "affiliated_with",
	"wing": "affiliated_with", "proxy": "backs", "ally": "allied_with", "allies": "allied_with",
	"partner": "allied_with", "partners": "allied_with", "franchise": "affiliated_with",
}

// affiliationRules: "X affiliate Y", "Y, an affiliate of X", "allied with".
func (v *view) affiliationRules() {
	for k := 1; k < len(v.t); k++ {
		w := v.low(k)
		pred := relNouns[w]
		if pred != "" {
			former := v.low(k-1) == "former" || v.low(k-2) == "former" || v.low(k-3) == "former"
			q := map[string]string(nil)
			if former {
				q = map[string]string{schema.QualFormer: "true"}
			}
			// "Y, a former X affiliate": Y is affiliated with X.
			if x := v.end[k]; x >= 0 && v.m(x).kind != kRole && v.start[k+1] < 0 {
				j := v.m(x).i - 1
				for j >= 0 && npSkip[v.low(j)] {
					j--
				}
				if j >= 0 && v.low(j) == "," {
					if y := v.end[j]; y >= 0 && v.m(y).kind == kName {
						v.emit(y, pred, x, "y-x-affiliate", v.m(y).i, k+1, q)
						continue
					}
				}
			}
			// "X affiliate Y": Y is affiliated with X.
			if x := v.end[k]; x >= 0 && v.m(x).kind != kRole {
				if y := v.start[k+1]; y >= 0 && v.m(y).kind == kName {
					if pred == "backs" {
						v.emit(x, pred, y, "x-affiliate-y", v.m(x).i, v.m(y).j, q)
					} else {
						v.emit(y, pred, x, "x-affiliate-y", v.m(x).i, v.m(y).j, q)
					}
					continue
				}
			}
			// "Y, an affiliate of X" / "Y, a former ally of X"
			if v.low(k+1) == "of" {
				j := k - 1
				for j >= 0 && (npSkip[v.low(j)] || v.low(j) == "close" || v.low(j) == "key") {
					j--
				}
				if j >= 0 && v.low(j) == "," {
					if y := v.end[j]; y >= 0 {
						if x := v.np(k + 2); x >= 0 {
							v.emit(y, pred, x, "y-affiliate-of-x", v.m(y).i, v.m(x).j, q)
						}
					}
				}
			}
		}
		if (w == "allied" || w == "aligned" || w == "affiliated" || w == "linked") && (v.low(k+1) == "with" || v.low(k+1) == "to") {
			if s, neg := v.subject(k); s >= 0 {
				if o := v.np(k + 2); o >= 0 {
					p := "affiliated_with"
					if w == "allied" {
						p = "allied_with"
					}
					v.emit(s, p, o, "allied-with", v.m(s).i, v.m(o).j, negQ(neg))
				}
			}
		}
		if w == "resigned" || w == "retired" || w == "quit" {
			// "X resigned from Y", "X retired as chairman of Y", "X quit
			// Y": a former employer.
			f := k + 1
			if v.low(f) == "from" {
				f++
			} else if v.low(f) == "as" {
				for f < len(v.t) && f < k+6 && v.low(f) != "of" && v.low(f) != "at" && v.low(f) != "from" && v.low(f) != "," {
					f++
				}
				f++
			} else if w != "quit" {
				f = -1
			}
			if f > 0 {
				if o := v.np(f); o >= 0 && v.isA(o, schema.Organization) && v.m(o).kind == kName {
					if s, neg := v.subject(k); s >= 0 && v.isA(s, schema.Person) && !neg {
						v.emit(s, "works_for", o, "left-org", v.m(s).i, v.m(o).j, map[string]string{schema.QualFormer: "true"})
					}
				}
			}
		}
		if beatVerbs[w] {
			// "X covers the White House for The Associated Press", "X has
			// covered education for the AP since 1981": a beat, then the outlet.
			for f := k + 1; f < len(v.t) && f < k+8; f++ {
				lw := v.low(f)
				if lw == "," || lw == ";" || lw == "said" || lw == "that" || strings.HasPrefix(v.t[f].Tag, "VB") {
					break
				}
				if lw != "for" {
					continue
				}
				if o := v.np(f + 1); o >= 0 && v.isA(o, schema.MediaOutlet) {
					if s, neg := v.subject(k); s >= 0 && v.isA(s, schema.Person) {
						v.emit(s, "works_for", o, "reports-for", v.m(s).i, v.m(o).j, negQ(neg))
					}
				}
				break
			}
		}
		if (w == "works" || w == "worked" || w == "working" || w == "teaches" || w == "taught" || w == "teaching" || w == "employed" && v.low(k-1) != "self") && (v.low(k+1) == "for" || v.low(k+1) == "at" || v.low(k+1) == "by" && w == "employed") {
			if s, neg := v.subject(k); s >= 0 && v.isA(s, schema.Person) {
				if o := v.np(k + 2); o >= 0 && v.isA(o, schema.Organization) {
					v.emit(s, "works_for", o, "works-for", v.m(s).i, v.m(o).j, negQ(neg))
				}
			}
		}
	}
}

// ofRules: "Shi Liming at the Institute of Zoology", "Sen. Smith of
// Texas", "TSW Meats Ltd. of Liverpool".
func (v *view) ofRules() {
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || a.ent < 0 {
			continue
		}
		w := v.low(a.j)
		at := a.j
		if w == "," && v.t[min(a.j+1, len(v.t)-1)].Tag == "CD" && v.low(a.j+2) == "," && (v.low(a.j+3) == "of" || v.low(a.j+3) == "from") {
			at = a.j + 3 // "Daniel Sullivan, 30, of Boothbay"
			w = v.low(at)
		} else if w == "," && v.low(a.j+1) == "of" && v.isA(ai, schema.Person) {
			at = a.j + 1 // "Mary Lou Field, of Dallas,"
			w = "from"
		}
		if w != "of" && w != "at" && w != "from" {
			continue
		}
		b := v.np(at + 1)
		if b < 0 || v.m(b).kind != kName {
			continue
		}
		lo, hi := a.i, v.m(b).j
		switch {
		case v.isA(ai, schema.Person) && v.isA(b, schema.Organization) && w != "from":
			v.emit(ai, "works_for", b, "person-of-org", lo, hi, nil)
			if y := v.possessorOrg(b); y >= 0 {
				v.emit(ai, "works_for", y, "person-of-org", lo, hi, nil)
			}
		case v.isA(ai, schema.Person) && v.isA(b, schema.Location) && (w == "of" || w == "from"):
			v.emitPlace(ai, "lives_in", b, "person-of-place", lo, hi, nil)
			// "Gov. Ann Richards of Texas", "President Carlos Menem of Argentina".
			if r := v.end[a.i]; r >= 0 && v.m(r).kind == kRole && v.isLeader(v.m(r).surface) && at == a.j {
				v.emit(ai, "leads", b, "title-person-of-leads", v.m(r).i, hi, nil)
			}
		case v.isA(ai, schema.Organization) && v.isA(b, schema.Location) && w == "of" && !v.isA(ai, schema.Government):
			rule := "org-of-place"
			if v.institutionName(ai) {
				rule = "institution-of-place"
			}
			v.emitPlace(ai, "based_in", b, rule, lo, hi, nil)
		}
	}
}

// institutionHeads end a name that can only be a seated organisation:
// a firm's legal form or an institution's kind ("Pacific Marine Inc.",
// "Brown University", "the Federal Home Loan Bank"). Parties, groups,
// movements and armed forces are left out: "Democrats in Alabama", "the
// Islamic State group in Syria" are active there, not seated there.
var institutionHeads = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "llc": true,
	"company": true, "corporation": true, "bank": true, "university": true, "institute": true,
	"college": true, "hospital": true, "center": true, "centre": true, "agency": true, "court": true,
	"foundation": true, "museum": true, "laboratory": true, "laboratories": true, "school": true, "academy": true,
	"association": true, "council": true, "exchange": true, "commission": true, "ministry": true, "observatory": true}

// institutionName reports whether mention ai is a name of two words or
// more whose last word is an institution's head: a one-word "Bank" or
// "University" is a longer name the recogniser split at "of".
func (v *view) institutionName(ai int) bool {
	a := v.m(ai)
	if a.kind != kName || a.j-a.i < 2 {
		return false
	}
	return institutionHeads[strings.TrimSuffix(v.low(a.j-1), ".")]
}

// gerundKill: "X apologized for killing Y", "X pleaded guilty to shooting
// Y", "a charge of conspiracy to murder Y": the sentence's first person acts.
func (v *view) gerundKill(k int) {
	victim := v.np(k + 1)
	if victim < 0 || !v.isA(victim, schema.Person) {
		return
	}
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.i >= k {
			break
		}
		if (m.kind == kName || m.kind == kPronoun) && v.isA(mi, schema.Person) && m.ent != v.ent(victim) {
			v.emit(mi, "killed", victim, "kill-gerund", m.i, v.m(victim).j, nil)
			return
		}
	}
}

// possessorIn: "X in Syria's Hasaka province" also puts X in Syria.
func (v *view) possessorIn(x, i, inner int, rule string) {
	for steps := 0; i < len(v.t) && steps < 4; steps++ {
		if o := v.start[i]; o >= 0 && o != inner && v.m(o).kind == kName {
			if v.m(o).j < len(v.t) && v.t[v.m(o).j].Text == "'s" || v.t[v.m(o).j].Text == "’s" {
				if v.isA(o, schema.Location) && broader(v.cls(o), v.cls(x)) {
					v.emit(x, "located_in", o, rule+"-possessor", v.m(x).i, v.m(inner).j, nil)
				}
			}
			return
		}
		if !npSkip[v.low(i)] && v.t[i].Tag != "JJ" {
			return
		}
		i++
	}
}

// emitPlace emits a relation to a place and, when the place is followed
// by its state or country ("Franklin Lakes, N.J."), to that one too.
func (v *view) emitPlace(subj int, pred string, place int, rule string, lo, hi int, q map[string]string) {
	v.emit(subj, pred, place, rule, lo, hi, q)
	if place < 0 {
		return
	}
	j := v.m(place).j
	if v.low(j) != "," {
		return
	}
	if outer := v.start[j+1]; outer >= 0 && v.m(outer).kind == kName && v.isA(outer, schema.Location) && broader(v.cls(outer), v.cls(place)) {
		v.emit(subj, pred, outer, rule, lo, v.m(outer).j, q)
	}
}

// demonymOrgs: "the Russian Statistics Committee", "the U.S. Navy": a
// state body named after its country is based there.
func (v *view) demonymOrgs() {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kName || m.ent < 0 || m.j-m.i < 2 {
			continue
		}
		c := v.cls(mi)
		if c != schema.Government && c != schema.Organization {
			continue
		}
		if strings.Contains(m.surface, "Embassy") || strings.Contains(m.surface, "Consulate") {
			continue
		}
		first := v.t[m.i].Text
		surface := ""
		country, ok := "", false
		if e, ok2 := v.x.lookup(first); ok2 && e.Class == schema.Country {
			country, ok, surface = e.Name, true, first // "U.S. Navy": the text's name
		} else {
			country, ok = v.x.g.demonyms[first]
		}
		if !ok {
			continue
		}
		k := v.x.entityFor("g:"+country, country, surface, schema.Country, 3, v.si)
		v.emitEnt(m.ent, "based_in", k, "demonym-org-name", m.i, m.j, nil)
	}
}

// accusedKill: "X was charged/convicted ... in the assassination of Y":
// the sentence's first person is the agent when the words between say so.
func (v *view) accusedKill(k, victim int) {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.i >= k {
			return
		}
		if (m.kind == kName || m.kind == kPronoun) && v.isA(mi, schema.Person) && m.ent != v.ent(victim) {
			between := joinToks(v.t[m.j:k])
			for _, w := range []string{"charged", "convicted", "accused", "arrested", "sentenced", "indicted", "guilty", "suspect", "captured", "executed for", "faces", "trial", "hanged for", "jailed for", "imprisoned for", "responsible for", "confessed"} {
				if strings.Contains(between, w) {
					v.emit(mi, "killed", victim, "kill-nominal-accused", m.i, v.m(victim).j, nil)
					return
				}
			}
			return
		}
	}
}

var appointVerbs = map[string]bool{"named": true, "appointed": true, "elected": true, "chosen": true, "became": true,
	"served": true, "serves": true, "resigned": true, "retired": true, "hired": true, "promoted": true, "installed": true, "nominated": true}

// appointmentRules: "X was named president of Y", "X served as Y's
// treasurer", "Y appointed X as its chief executive".
func (v *view) appointmentRules() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || p.ent < 0 {
			continue
		}
		person := v.isA(pi, schema.Person)
		for k := p.j; k < len(v.t) && k < p.j+4; k++ {
			if !appointVerbs[v.low(k)] {
				if auxWords[v.low(k)] || v.t[k].Tag == "RB" {
					continue
				}
				break
			}
			j := k + 1
			// "Y appointed X (as) its chief executive"
			agent := -1
			if !person && (v.isA(pi, schema.Organization)) {
				x := v.start[j]
				if x < 0 || !v.isA(x, schema.Person) {
					break
				}
				agent, pi = pi, x
				j = v.m(x).j
			} else if !person {
				break
			}
			for j < len(v.t) && (v.low(j) == "as" || v.low(j) == "the" || v.low(j) == "its" || v.low(j) == "a" || v.low(j) == "new") {
				j++
			}
			ri, rj, head := v.roleNounSpan(j)
			if head == "" {
				break
			}
			org := agent
			if w := v.low(rj); w == "of" || w == "at" || w == "for" {
				if o := v.np(rj + 1); o >= 0 && (v.isA(o, schema.Organization) || v.isA(o, schema.Location)) {
					org = o
				}
			}
			q := map[string]string(nil)
			if v.low(k) == "resigned" || v.low(k) == "retired" {
				q = map[string]string{schema.QualFormer: "true"}
			}
			v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "named-role", p.i, rj, q)
			if org >= 0 {
				n0 := len(v.x.facts)
				v.orgRel(pi, org, joinToks(v.t[ri:rj]), "named-org", p.i, rj+3)
				if q != nil {
					v.markFormer(n0) // "X retired as chairman of Y"
				}
			}
			break
		}
	}
}

// placeHeadAt reports whether the noun phrase at k is headed by a place
// noun after adjectives: "capital", "largest city", "highest peak".
func (v *view) placeHeadAt(k int) bool {
	for n := 0; k < len(v.t) && n < 3; k, n = k+1, n+1 {
		w := v.low(k)
		if _, ok := placeNouns[w]; ok || w == "peak" || w == "mountain" || w == "river" || w == "lake" || w == "seaport" || w == "metropolis" {
			return true
		}
		if t := v.t[k].Tag; t != "JJ" && t != "JJS" && t != "RBS" && t != "CD" {
			return false
		}
	}
	return false
}

// modifiesNoun reports whether country mention b is an adjective of the
// lower-case noun after it ("in Beijing, U.S. planemaker Boeing"): it opens
// a new noun phrase and does not contain the place before it. A state in
// that position still does ("a Salinas, California producer").
func (v *view) modifiesNoun(b int) bool {
	k := v.m(b).j
	return v.isA(b, schema.Country) && k < len(v.t) && v.t[k].Text == v.low(k) && (strings.HasPrefix(v.t[k].Tag, "NN") || v.t[k].Tag == "JJ")
}

// placeChain: a person or organisation in a place is also in the larger
// places the same sentence puts that place in: "Mrs. Ito is from
// Yatsushiro in Kumamoto Prefecture in southern Japan" gives lives_in
// Kumamoto Prefecture and Japan, and Yatsushiro is in Japan too; "the X
// Association in Alexandria, Va." is based in Virginia. Facts [n0, len) are this sentence's.
func (x *docState) placeChain(si, n0 int) {
	within := map[int][]int{}
	have := map[[3]any]bool{}
	for _, f := range x.facts[n0:] {
		// A fact the gates leave off is no premise either.
		if f.pred == "located_in" && f.obj >= 0 && f.qual[schema.QualNegated] == "" && x.ruleOn(f.rule) {
			within[f.subj] = append(within[f.subj], f.obj)
		}
		have[[3]any{f.subj, f.pred, f.obj}] = true
	}
	if len(within) == 0 {
		return
	}
	end := len(x.facts)
	for i := n0; i < end; i++ {
		f := x.facts[i]
		if f.pred != "lives_in" && f.pred != "based_in" && f.pred != "located_in" || f.obj < 0 || f.qual[schema.QualNegated] != "" || !x.ruleOn(f.rule) {
			continue
		}
		// Two steps at most: town → county → state.
		seen := map[int]bool{f.obj: true}
		frontier := []int{f.obj}
		for step := 0; step < 2 && len(frontier) > 0; step++ {
			var next []int
			for _, a := range frontier {
				for _, b := range within[a] {
					if seen[b] || b == f.subj {
						continue
					}
					seen[b] = true
					next = append(next, b)
					if key := [3]any{f.subj, f.pred, b}; !have[key] {
						have[key] = true
						x.facts = append(x.facts, rawFact{subj: f.subj, obj: b, pred: f.pred, stmt: -1, rule: "place-chain", s0: si, s1: si, qual: f.qual})
					}
				}
			}
			frontier = next
		}
	}
}

// roleHeadAt reports whether a lower-case title starts at i ("operations
// manager" after "a Fulton").
func (v *view) roleHeadAt(i int) bool {
	_, _, head := v.roleNounSpan(i)
	return head != ""
}

// beatVerbs: what a journalist does for an outlet.
var beatVerbs = map[string]bool{"covers": true, "covered": true, "covering": true, "writes": true, "wrote": true, "reports": true, "reported": true, "reporting": true, "edits": true, "edited": true, "photographs": true}

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
