package ingest

// Session 14 rules: stances between actors and where people live or whose
// citizens they are, in the constructions real news uses that the earlier
// rules missed. Each was read on the whole Reuters corpus before it was
// switched on (figures in gates.go and docs/extraction.md).

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// s14StanceRules runs the session-14 stance rules on one sentence.
func (v *view) s14StanceRules() {
	v.retortAt()
	v.clashWith()
	v.allyAppositive()
	v.homeStateOf()
	v.alsoOfPlace()
	v.demonymPersonNoun()
	v.livingIn()
}

// retortVerbs open a phrase of verbal attack that takes its target after
// "at" or "against" ("fired back at", "lashed out at", "took aim at"):
// the verb and the words before the preposition.
var retortVerbs = map[string][]string{
	"fired": {"back"}, "fires": {"back"}, "fire": {"back"}, "firing": {"back"},
	"hit": {"back", "out"}, "hits": {"back", "out"}, "hitting": {"back", "out"},
	"struck": {"back", "out"}, "strikes": {"back", "out"}, "striking": {"back", "out"},
	"lashed": {"out", "back"}, "lashes": {"out", "back"}, "lashing": {"out", "back"}, "lash": {"out", "back"},
	"took": {"aim", "a swipe", "swipes", "a jab", "jabs", "a shot", "shots"}, "takes": {"aim", "a swipe", "a jab", "a shot"},
	"taking": {"aim", "a swipe", "swipes", "a jab", "a shot", "shots"}, "take": {"aim", "a swipe", "a jab", "a shot"},
	"pushed": {"back"}, "pushes": {"back"}, "pushing": {"back"},
}

// retortAt: "X fired back at Y", "X lashed out at Y", "X took aim at Y",
// "X pushed back against Y": a named actor's words against a named actor
// (opposes). The target is the name right after the preposition, past a
// title ("fired back at President X"); a possessor ("took aim at X's
// plan") is left alone, as is a negated verb.
func (v *view) retortAt() {
	for k := 1; k+2 < len(v.t); k++ {
		parts, ok := retortVerbs[v.low(k)]
		if !ok {
			continue
		}
		j := -1
		for _, p := range parts {
			if n := v.wordsAt(k+1, p); n > 0 {
				j = k + 1 + n
				break
			}
		}
		if j < 0 || v.low(j) != "at" && v.low(j) != "against" {
			continue
		}
		s, neg := v.subject(k)
		if s < 0 || neg || !v.stanceActor(s) {
			continue
		}
		o := v.nameAfter(j + 1)
		if o < 0 || !v.stanceActor(o) {
			continue
		}
		v.emit(s, "opposes", o, "retort-at", min(v.m(s).i, k), v.m(o).j, nil)
	}
}

// clashVerbs are quarrels said with "with": "X, who has frequently
// clashed with Y", "X sparred with Y", "X has been at odds with Y".
var clashVerbs = map[string]bool{"clashed": true, "clashes": true, "clash": true, "clashing": true,
	"sparred": true, "spars": true, "spar": true, "sparring": true, "tangled": true, "tangles": true,
	"feuded": true, "feuds": true, "feud": true, "feuding": true, "quarreled": true, "quarrelled": true}

// clashWith: a named actor's standing quarrel with another (opposes), the
// quarrel's subject found as a verb's ("who has clashed with", "is at
// odds with"); a negation ("never publicly feuded with") says none.
func (v *view) clashWith() {
	for k := 1; k+2 < len(v.t); k++ {
		j := -1
		switch {
		case clashVerbs[v.low(k)] && v.low(k+1) == "with":
			j = k + 2
		case v.low(k) == "at" && v.low(k+1) == "odds" && v.low(k+2) == "with":
			j = k + 3
		}
		if j < 0 {
			continue
		}
		s, neg := v.subject(k)
		if s < 0 || neg || !v.stanceActor(s) {
			continue
		}
		// "X - the head of the Office of Government Ethics, who clashed
		// with Y": "who" is a person, never the body named before it
		i := k - 1
		for i > 0 && (auxWords[v.low(i)] || v.t[i].Tag == "RB") {
			i--
		}
		if v.low(i) == "who" && !v.isA(s, schema.Person) {
			continue
		}
		o := v.nameAfter(j)
		if o < 0 || !v.stanceActor(o) {
			continue
		}
		v.emit(s, "opposes", o, "clash-with", min(v.m(s).i, k), v.m(o).j, nil)
	}
}

// wordsAt returns how many tokens from k spell the words of p, 0 when they
// do not.
func (v *view) wordsAt(k int, p string) int {
	n := 0
	for _, w := range splitSpace(p) {
		if v.low(k+n) != w {
			return 0
		}
		n++
	}
	return n
}

func splitSpace(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j > i {
			out = append(out, s[i:j])
		}
		i = j + 1
	}
	return out
}

// nameAfter is the name starting at token k, past "the" and a title before
// it; -1 when none starts there or the name is a possessor ("X's plan").
func (v *view) nameAfter(k int) int {
	if v.low(k) == "the" {
		k++
	}
	mi := v.start[k]
	// "at British Prime Minister X": a nationality and a title before the name
	for n := 0; n < 2 && mi >= 0 && (v.m(mi).kind == kRole || v.m(mi).kind == kDemonym); n++ {
		mi = v.start[v.m(mi).j]
	}
	if mi < 0 || v.m(mi).kind != kName || possessive(v.low(v.m(mi).j)) {
		return -1
	}
	return mi
}

func possessive(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

// stanceActor: a named person, organisation or country takes a stance; a
// city or a region named as the place of an event does not.
func (v *view) stanceActor(mi int) bool {
	if mi < 0 || v.m(mi).kind != kName {
		return false
	}
	return v.isA(mi, schema.Person) || v.isA(mi, schema.Organization) || v.isA(mi, schema.Country)
}

// allyModifiers may stand between the article and the name in "X, a close
// Putin ally": words of degree and time, never a title or a party.
var allyModifiers = map[string]bool{"close": true, "closest": true, "longtime": true, "long-time": true, "key": true,
	"staunch": true, "loyal": true, "trusted": true, "top": true, "old": true, "political": true, "former": true,
	"one-time": true, "onetime": true, "longstanding": true, "long-standing": true, "powerful": true, "important": true}

// allyAppositive: "X, a close Putin ally,", "X, Putin's closest ally,": an
// appositive calling X the ally of a named person, organisation or country
// (allied_with). The ally must end the appositive or open a relative
// clause ("X, a Putin ally who …"), so that "X, a Putin ally turned
// critic" and lists are left alone. A former ally is marked former.
func (v *view) allyAppositive() {
	for k := 3; k < len(v.t); k++ {
		if w := v.low(k); w != "ally" && w != "confidant" {
			continue
		}
		if e := v.low(k + 1); e != "," && e != "." && e != "who" && e != "and" && e != ";" && e != "" {
			continue
		}
		y := v.end[k]
		if y < 0 || v.m(y).kind != kName || !v.stanceActor(y) {
			// "X, Putin's closest ally": the possessor before the modifiers
			j := k - 1
			for j >= 0 && allyModifiers[v.low(j)] {
				j--
			}
			if j < 1 || !possessive(v.low(j)) {
				continue
			}
			y = v.end[j]
			if y < 0 || !v.stanceActor(y) || v.low(v.m(y).i-1) != "," {
				continue
			}
			v.allyOf(v.m(y).i-1, y, k)
			continue
		}
		j := v.m(y).i - 1
		former := false
		for j >= 0 && allyModifiers[v.low(j)] {
			former = former || v.low(j) == "former" || v.low(j) == "one-time" || v.low(j) == "onetime"
			j--
		}
		if w := v.low(j); w != "a" && w != "an" {
			continue
		}
		if v.low(j-1) != "," {
			continue
		}
		v.allyOf(j-1, y, k)
	}
}

// allyOf emits allied_with between the name closing at the comma at token
// c and the ally's patron y, the phrase ending at token k.
func (v *view) allyOf(c, y, k int) {
	x := v.end[c]
	if x < 0 || v.m(x).kind != kName || !v.stanceActor(x) {
		return
	}
	var q map[string]string
	for j := c + 1; j < k; j++ {
		if w := v.low(j); w == "former" || w == "one-time" || w == "onetime" {
			q = map[string]string{schema.QualFormer: "true"}
		}
	}
	v.emit(x, "allied_with", y, "ally-appositive", v.m(x).i, k+1, q)
}

// homeStateOf: "X returned to his home state of Arizona", "X told
// reporters in her home town of Y": the home a possessive pronoun gives is
// its owner's, who is the one person the sentence names before the
// pronoun (with two, the pronoun's owner is unsure, and nothing is read).
func (v *view) homeStateOf() {
	for k := 1; k+2 < len(v.t); k++ {
		if w := v.low(k); w != "his" && w != "her" {
			continue
		}
		if v.low(k+1) != "home" {
			continue
		}
		j := k + 2
		if w := v.low(j); w == "state" || w == "town" || w == "city" || w == "country" || w == "district" {
			j++
		}
		if v.low(j) != "of" && !(j == k+2 && v.low(j) == "in") {
			continue
		}
		pl := v.start[j+1]
		if !v.placeName(pl) {
			continue
		}
		owner, owners := -1, map[int]bool{}
		for _, mi := range v.x.sentMents[v.si] {
			m := v.m(mi)
			if m.i >= k || m.ent < 0 || !v.isA(mi, schema.Person) {
				continue
			}
			if m.kind == kPronoun {
				continue
			}
			owners[m.ent] = true
			if m.kind == kName {
				owner = mi
			}
		}
		if len(owners) != 1 || owner < 0 {
			continue
		}
		v.emitPlace(owner, "lives_in", pl, "home-state-of", v.m(owner).i, v.m(pl).j, nil)
	}
}

// alsoOfPlace: "Senator Y of Ohio and Senator X, also of Ohio," and "X,
// also of Dover," : the appositive gives X's place as the phrase "X of
// Ohio" does (lives_in).
func (v *view) alsoOfPlace() {
	for k := 2; k+2 < len(v.t); k++ {
		if v.low(k) != "also" || v.low(k+1) != "of" || v.low(k-1) != "," {
			continue
		}
		p := v.end[k-1]
		if !v.namedPerson(p) {
			continue
		}
		pl := v.start[k+2]
		if !v.placeName(pl) {
			continue
		}
		v.emitPlace(p, "lives_in", pl, "also-of-place", v.m(p).i, v.m(pl).j, nil)
	}
}

// citizenNouns after a nationality name a person by the country he belongs
// to, not by a job an employer gives: "Uzbek immigrant X", "Russian
// national X", "Iranian dissident X".
var citizenNouns = map[string]bool{"immigrant": true, "national": true, "citizen": true, "native": true,
	"expatriate": true, "exile": true, "dissident": true, "refugee": true, "migrant": true, "tourist": true,
	"student": true, "man": true, "woman": true, "teenager": true, "billionaire": true, "tycoon": true,
	"oligarch": true, "magnate": true, "businessman": true, "businesswoman": true, "entrepreneur": true,
	"hacker": true, "émigré": true, "emigre": true}

// demonymPersonNoun: "Uzbek immigrant X", "Russian national X", "Iranian
// dissident X": a nationality, a noun of belonging and a person's name
// right after (citizen_of the country); the same noun heading an
// appositive after the name (demonym-appositive).
func (v *view) demonymPersonNoun() {
	for _, di := range v.x.sentMents[v.si] {
		d := v.m(di)
		if d.kind != kDemonym || v.ent(di) < 0 || !v.isA(di, schema.Country) {
			continue
		}
		k := d.j
		if !citizenNouns[v.low(k)] || v.t[k].Text != v.low(k) {
			continue
		}
		if p := v.start[k+1]; v.namedPerson(p) {
			v.emit(p, "citizen_of", di, "demonym-person-noun", d.i, v.m(p).j, nil)
		} else if p < 0 {
			// "X, a gay Iranian refugee living in Turkey,", "X, 26, a
			// Haitian immigrant": the appositive's head gives X's country
			if p := v.livingAppositive(k + 1); p >= 0 {
				v.emit(p, "citizen_of", di, "demonym-appositive", v.m(p).i, k+1, nil)
			}
		}
	}
}

// livingIn: "X has been living in exile in Russia", "X, a refugee living
// in Turkey,", "X, 26, a Haitian immigrant living in Brooklyn": a named
// person living in a named place lives there. The appositive's words
// between its article and "living" are lower-case or a nationality, with
// no verb or comma, so that "living" is the appositive's own.
func (v *view) livingIn() {
	for k := 1; k+2 < len(v.t); k++ {
		if v.low(k) != "living" {
			continue
		}
		j := k + 1
		if v.low(j) != "in" {
			continue
		}
		j++
		if v.low(j) == "exile" && v.low(j+1) == "in" {
			j += 2
		}
		if v.low(j) == "the" {
			j++
		}
		pl := v.start[j]
		if !v.placeName(pl) {
			continue
		}
		if p := v.livingAppositive(k); p >= 0 {
			v.emitPlace(p, "lives_in", pl, "living-in", v.m(p).i, v.m(pl).j, nil)
			continue
		}
		// "X has been living in", "X is now living in": the verb's subject
		if w := v.low(k - 1); !beWords[w] && w != "now" && w != "still" {
			continue
		}
		if s, neg := v.subject(k); s >= 0 && !neg && v.namedPerson(s) {
			v.emitPlace(s, "lives_in", pl, "living-in", v.m(s).i, v.m(pl).j, nil)
		}
	}
}

// livingAppositive finds the person an appositive before token k belongs
// to ("X, 26, a Haitian immigrant living …"), or -1.
func (v *view) livingAppositive(k int) int {
	i := k - 1
	for n := 0; n < 5 && i > 0; n++ {
		if w := v.low(i); w == "a" || w == "an" {
			break
		}
		if mi := v.end[i+1]; mi >= 0 && v.m(mi).kind == kDemonym {
			i = v.m(mi).i - 1
			continue
		}
		if v.t[i].Text != v.low(i) || strings.HasPrefix(v.t[i].Tag, "VB") || v.low(i) == "," {
			return -1
		}
		i--
	}
	if w := v.low(i); (w != "a" && w != "an") || i == k-1 || v.low(i-1) != "," {
		return -1
	}
	c := i - 1
	// an age between the name and the appositive: "X, 26, a …"
	if v.low(c-2) == "," && v.t[c-1].Tag == "CD" {
		c -= 2
	}
	if p := v.end[c]; v.namedPerson(p) {
		return p
	}
	return -1
}
