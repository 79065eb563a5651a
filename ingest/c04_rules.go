package ingest

// Residence constructions of wire copy that name a person's home town or
// home without a verb of living (session 11, issue #15's CoNLL04 target):
//
//	"Beaumont, Texas, Richardson's hometown"      c04-poss-home
//	"Jesse Jackson's home state of South Carolina"
//	"with South Carolina being Jackson's home state"
//	"near their hometown of Grants, N.M."           c04-their-hometown
//	"died at his home in suburban Larchmont"        c04-home-in
//	"Illinois born actor Charlton Heston"           c04-place-born
//	"X, a Netherlands businessman"                  c04-appos-place-job
//	"X, one of the top strategists in Israel"      c04-one-of-in
//
// and, for places and killings:
//
//	"Bosnia's capital, Sarajevo"                     c04-poss-capital
//	"Bugesera in the southeastern part of Rwanda"   c04-part-of
//
// and employers:
//
//	"X, 58, was acting comptroller at Y"            c04-copula-job-at
//	"X, 37, who is a major and works at Y"           c04-who-works-at
//
// Each rule has a row in gates.go; the last two say where a person comes
// from or works rather than where he lives, so they stay behind
// Options.AllRules.

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// homeNouns name the place a person is from when a possessor owns them.
var homeNouns = map[string]bool{"hometown": true, "birthplace": true}

// homeNounAt reports whether a home noun phrase starts at token k and
// returns the index just after it: "hometown", "home town", "home state",
// "native state".
func (v *view) homeNounAt(k int) (int, bool) {
	w := v.low(k)
	if homeNouns[w] {
		return k + 1, true
	}
	if (w == "home" || w == "native") && (v.low(k+1) == "town" || v.low(k+1) == "state" || v.low(k+1) == "city" || v.low(k+1) == "country") {
		return k + 2, true
	}
	return 0, false
}

// c04Rules runs this file's rules on one sentence.
func (v *view) c04Rules() {
	v.possessiveHome()
	v.theirHometown()
	v.homeIn()
	v.placeBorn()
	v.appositivePlaceJob()
	v.oneOfIn()
	v.possessiveCapital()
	v.partOf()
	v.copulaJobAt()
	v.whoWorksAt()
}

// certainPerson reports whether mention mi is a person's name the
// recogniser is sure of.
func (v *view) certainPerson(mi int) bool {
	return mi >= 0 && v.m(mi).kind == kName && v.isA(mi, schema.Person) && v.m(mi).strength >= 3
}

// placeName reports whether mention mi is a named place.
func (v *view) placeName(mi int) bool {
	return mi >= 0 && v.m(mi).kind == kName && v.isA(mi, schema.Location)
}

// possessiveHome: "NAME 's hometown" tied to a place by apposition
// ("Beaumont, Texas, Richardson's hometown"), by "of" ("Jackson's home
// state of South Carolina") or by a copula ("South Carolina being
// Jackson's home state").
func (v *view) possessiveHome() {
	for k := 1; k+1 < len(v.t); k++ {
		if v.low(k) != "'s" {
			continue
		}
		p := v.end[k]
		if !v.certainPerson(p) {
			continue
		}
		after, ok := v.homeNounAt(k + 1)
		if !ok {
			continue
		}
		// "…'s hometown of Beaumont", "…'s home state, South Carolina".
		if v.low(after) == "of" || v.low(after) == "," {
			if pl := v.np(after + 1); v.placeName(pl) && v.m(pl).i <= after+3 {
				v.emitPlace(p, "lives_in", pl, "c04-poss-home", v.m(p).i, v.m(pl).j, nil)
				continue
			}
		}
		// "Beaumont, Texas, Richardson's hometown": the place before the
		// possessor's comma, skipping its state.
		i := v.m(p).i
		if v.low(i-1) == "," {
			pl := v.end[i-1]
			if v.placeName(pl) {
				// "Beaumont, Texas,": the town, not the state, is the home
				// (emitPlace adds the state).
				if a := v.m(pl).i; v.low(a-1) == "," {
					if in := v.end[a-1]; v.placeName(in) && broader(v.cls(pl), v.cls(in)) {
						pl = in
					}
				}
				v.emitPlace(p, "lives_in", pl, "c04-poss-home", v.m(pl).i, after, nil)
				continue
			}
		}
		// "South Carolina being Jackson's home state", "Ohio is Smith's
		// home state".
		if c := v.low(i - 1); c == "being" || c == "is" || c == "was" {
			if pl := v.end[i-1]; v.placeName(pl) {
				v.emitPlace(p, "lives_in", pl, "c04-poss-home", v.m(pl).i, after, nil)
			}
		}
	}
}

// theirHometown: "their hometown of Grants, N.M." where one person is
// named before it (the existing native-place rule reads his and her).
func (v *view) theirHometown() {
	for k := 1; k+2 < len(v.t); k++ {
		if v.low(k) != "their" {
			continue
		}
		after, ok := v.homeNounAt(k + 1)
		if !ok || v.low(after) != "of" {
			continue
		}
		pl := v.np(after + 1)
		if !v.placeName(pl) || v.m(pl).i > after+3 {
			continue
		}
		// "Their" must point to one named person (and the people with
		// him), so a second person before it makes the owner unclear.
		owner, n := -1, 0
		for _, mi := range v.x.sentMents[v.si] {
			if v.m(mi).i >= k {
				break
			}
			if v.certainPerson(mi) {
				if owner < 0 || v.ent(mi) != v.ent(owner) {
					n++
				}
				owner = mi
			}
		}
		if n == 1 {
			v.emitPlace(owner, "lives_in", pl, "c04-their-hometown", v.m(owner).i, v.m(pl).j, nil)
		}
	}
}

// homeIn: "at his home in Larchmont", "Smith's home in Ohio": the house a
// person lives in is in the place.
func (v *view) homeIn() {
	for k := 1; k+2 < len(v.t); k++ {
		if v.low(k) != "home" || v.low(k+1) != "in" {
			continue
		}
		owner := -1
		switch w := v.low(k - 1); {
		case w == "his" || w == "her":
			owner = v.pronounOwner(k - 1)
		case w == "'s":
			if p := v.end[k-1]; v.certainPerson(p) {
				owner = v.ent(p)
			}
		}
		// "…Powell … return to her home in New York": with a second
		// person named before it, the owner of the home is a guess.
		if owner < 0 || v.otherPersonBefore(owner, k) {
			continue
		}
		pl := v.np(k + 2)
		if !v.placeName(pl) || v.m(pl).i > k+4 {
			continue
		}
		v.emitPlaceEnt(owner, pl, "c04-home-in", k-1, v.m(pl).j)
	}
}

// emitPlaceEnt is emitPlace for lives_in with the subject given as an
// entity (a pronoun's owner).
func (v *view) emitPlaceEnt(se, place int, rule string, lo, hi int) {
	v.emitEnt(se, "lives_in", v.ent(place), rule, lo, hi, nil)
	j := v.m(place).j
	if v.low(j) != "," {
		return
	}
	if outer := v.start[j+1]; v.placeName(outer) && broader(v.cls(outer), v.cls(place)) {
		v.emitEnt(se, "lives_in", v.ent(outer), rule, lo, v.m(outer).j, nil)
	}
}

// countryNamed reports whether mention mi is a country written by its
// name ("Netherlands"), which the recogniser files as a demonym mention; an
// adjective ("Dutch") says nationality, not residence.
func (v *view) countryNamed(mi int) bool {
	return mi >= 0 && v.m(mi).kind == kDemonym && v.ent(mi) >= 0 && strings.EqualFold(v.m(mi).surface, v.x.ents[v.ent(mi)].name())
}

// placeBorn: "Illinois born Charlton Heston", "Chicago-born actor X": a
// birthplace read as a home, as born-in reads it.
func (v *view) placeBorn() {
	for k := 1; k+1 < len(v.t); k++ {
		// "Chicago-born" is x-born-y's; this reads the unhyphenated form.
		if v.low(k) != "born" {
			continue
		}
		pl := v.end[k]
		if !v.placeName(pl) {
			continue
		}
		// The person right after, past at most three lower-case words of a
		// title ("actor", "rock singer").
		j := k + 1
		for j < len(v.t) && j < k+4 && v.t[j].Text == v.t[j].Lower && strings.HasPrefix(v.t[j].Tag, "NN") {
			j++
		}
		// The name right after the title is the person the phrase is
		// about, so the recogniser's own guess of the class is enough.
		if p := v.start[min(j, len(v.t))]; j < len(v.t) && p >= 0 && v.m(p).kind == kName && v.isA(p, schema.Person) {
			v.emit(p, "lives_in", pl, "c04-place-born", v.m(pl).i, v.m(p).j, nil)
		}
	}
}

// appositivePlaceJob: "X, a Netherlands businessman", "X, a West Palm
// Beach, Fla., lawyer": a place before an occupation in an appositive.
func (v *view) appositivePlaceJob() {
	for k := 1; k+2 < len(v.t); k++ {
		if v.low(k) != "," || v.low(k+1) != "a" && v.low(k+1) != "an" {
			continue
		}
		p := v.end[k]
		if !v.certainPerson(p) {
			continue
		}
		pl := v.start[k+2]
		if !v.placeName(pl) && !v.countryNamed(pl) {
			continue
		}
		j := v.m(pl).j
		// "West Palm Beach, Fla., lawyer": the state between commas.
		if v.low(j) == "," {
			if st := v.start[j+1]; v.placeName(st) && v.low(v.m(st).j) == "," {
				j = v.m(st).j + 1
			} else {
				continue
			}
		}
		if !v.occupationAt(j) || domainNouns[v.low(j)] {
			continue
		}
		v.emitPlace(p, "lives_in", pl, "c04-appos-place-job", v.m(p).i, j+1, nil)
	}
}

// occupationAt reports whether a lower-case occupation noun, after at most
// two lower-case modifiers, ends the noun phrase at token j: "lawyer",
// "newspaper reporter", "real estate developer".
func (v *view) occupationAt(j int) bool {
	for k := j; k < len(v.t) && k < j+3; k++ {
		w := v.t[k].Text
		if w != v.t[k].Lower || !strings.HasPrefix(v.t[k].Tag, "NN") && v.t[k].Tag != "JJ" {
			return false
		}
		if (v.x.g.roleNouns[w] || occupationShape(w)) && (k+1 >= len(v.t) || !strings.HasPrefix(v.t[k+1].Tag, "NN")) {
			return true
		}
	}
	return false
}

// domainNouns follow a place they study or cover, not one they live in:
// "X, a Cuba expert".
var domainNouns = map[string]bool{"expert": true, "specialist": true, "analyst": true, "watcher": true,
	"correspondent": true, "ambassador": true, "envoy": true, "observer": true, "scholar": true, "historian": true}

// otherPersonBefore reports whether a person other than entity owner is
// named in the sentence before token k.
func (v *view) otherPersonBefore(owner, k int) bool {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.i >= k {
			break
		}
		if m.ent >= 0 && m.ent != owner && (m.kind == kName || m.kind == kPronoun) && v.isA(mi, schema.Person) {
			return true
		}
	}
	return false
}

// oneOfIn: "X, one of the top military strategists in Israel", "X, an
// executive with Y and one of the leading experts in the U.S.": a person
// ranked among the people of a place. Behind Options.AllRules: the place
// can be a field's ("one of the best players in the league").
func (v *view) oneOfIn() {
	for k := 1; k+4 < len(v.t); k++ {
		if v.low(k) != "one" || v.low(k+1) != "of" || v.low(k+2) != "the" {
			continue
		}
		// The appositive's person: right before ", one of" or before ",
		// a … and one of".
		p := -1
		if v.low(k-1) == "," {
			p = v.end[k-1]
		} else if v.low(k-1) == "and" {
			for i := k - 2; i > 0 && i > k-10; i-- {
				if v.low(i) == "," {
					p = v.end[i]
					break
				}
			}
		}
		// The appositive says the name is a person's, so the recogniser's
		// guess of the class is enough.
		if p < 0 || v.m(p).kind != kName || !v.isA(p, schema.Person) {
			continue
		}
		j := k + 3
		for j < len(v.t) && j < k+9 && v.t[j].Text == v.t[j].Lower && (strings.HasPrefix(v.t[j].Tag, "NN") || strings.HasPrefix(v.t[j].Tag, "JJ") || v.t[j].Tag == "VBG") {
			j++
		}
		if j == k+3 || v.low(j) != "in" || !strings.HasSuffix(v.t[j-1].Tag, "S") {
			continue
		}
		if pl := v.np(j + 1); v.placeName(pl) && v.m(pl).i <= j+3 {
			v.emitPlace(p, "lives_in", pl, "c04-one-of-in", v.m(p).i, v.m(pl).j, nil)
		}
	}
}

// cityNouns name a town by its rank in the place that owns it.
var cityNouns = map[string]bool{"capital": true, "city": true, "town": true, "port": true}

// possessiveCapital: "Bosnia's capital, Sarajevo", "Yemen's second-largest
// city, Aden": the town named in apposition lies in the possessor.
func (v *view) possessiveCapital() {
	for k := 1; k+3 < len(v.t); k++ {
		if v.low(k) != "'s" {
			continue
		}
		outer := v.end[k]
		if !v.placeName(outer) {
			continue
		}
		// "capital", "largest city", "second-largest port", "commercial capital".
		j := k + 1
		for j < k+3 && j < len(v.t) && !cityNouns[v.low(j)] && v.t[j].Text == v.t[j].Lower && (v.t[j].Tag == "JJ" || v.t[j].Tag == "JJS") {
			j++
		}
		if !cityNouns[v.low(j)] || v.low(j+1) != "," {
			continue
		}
		inner := v.start[j+2]
		if !v.placeName(inner) || !broader(v.cls(outer), v.cls(inner)) {
			continue
		}
		v.emit(inner, "located_in", outer, "c04-poss-capital", v.m(outer).i, v.m(inner).j, nil)
	}
}

// partWords name a part of a place: "the southeastern part of Rwanda".
var partWords = map[string]bool{"part": true, "region": true, "corner": true, "tip": true, "edge": true}

// partOf: "Bugesera in the southeastern part of Rwanda", "Y in the
// northern region of Z".
func (v *view) partOf() {
	for k := 1; k+5 < len(v.t); k++ {
		if v.low(k) != "in" || v.low(k+1) != "the" {
			continue
		}
		inner := v.end[k]
		if !v.placeName(inner) {
			continue
		}
		j := k + 2
		if npSkip[v.low(j)] {
			j++
		}
		if !partWords[v.low(j)] || v.low(j+1) != "of" {
			continue
		}
		outer := v.np(j + 2)
		if !v.placeName(outer) || v.m(outer).i > j+3 || !broader(v.cls(outer), v.cls(inner)) && v.cls(outer) != v.cls(inner) {
			continue
		}
		v.emit(inner, "located_in", outer, "c04-part-of", v.m(inner).i, v.m(outer).j, nil)
	}
}

// appositiveHead returns the person mention a clause after token k
// describes: "X ," or "X , 58 ," ending right before k, or -1.
func (v *view) appositiveHead(k int) int {
	if v.low(k-1) != "," {
		return -1
	}
	if p := v.end[k-1]; p >= 0 {
		return p
	}
	// "X , 58 ,": an age between commas.
	if k >= 4 && v.t[k-2].Tag == "CD" && v.low(k-3) == "," {
		return v.end[k-3]
	}
	return -1
}

// employerAt returns the organisation named right after "at"/"with"
// at token k, or -1.
func (v *view) employerAt(k int) int {
	if w := v.low(k); w != "at" && w != "with" && w != "for" {
		return -1
	}
	o := v.np(k + 1)
	if o < 0 || v.m(o).kind != kName || !v.isA(o, schema.Organization) || v.m(o).i > k+3 {
		return -1
	}
	return o
}

// copulaJobAt: "X, 58, was acting comptroller at the American University
// of Beirut", "X is chief economist with Y": a job at an organisation
// said by a copula of the sentence's subject.
func (v *view) copulaJobAt() {
	for k := 1; k+3 < len(v.t); k++ {
		if w := v.low(k); w != "is" && w != "was" {
			continue
		}
		p := v.end[k]
		if p < 0 {
			p = v.appositiveHead(k)
		}
		if p < 0 || v.m(p).kind != kName || !v.isA(p, schema.Person) {
			continue
		}
		j := k + 1
		if d := v.low(j); d == "a" || d == "an" || d == "the" {
			j++
		}
		if d := v.low(j); d == "acting" || d == "interim" {
			j++
		}
		_, rj, head := v.roleNounSpan(j)
		if head == "" {
			continue
		}
		if o := v.employerAt(rj); o >= 0 {
			v.emit(p, "works_for", o, "c04-copula-job-at", v.m(p).i, v.m(o).j, nil)
		}
	}
}

// whoWorksAt: "X, 37, who is a major in the Marine Corps and works at the
// Pentagon", "X, who worked for Y".
func (v *view) whoWorksAt() {
	for k := 2; k+2 < len(v.t); k++ {
		if w := v.low(k); w != "works" && w != "worked" {
			continue
		}
		o := v.employerAt(k + 1)
		if o < 0 {
			continue
		}
		// The relative pronoun of the clause, within twelve tokens, right
		// after the person it describes.
		for i := k - 1; i > 0 && i > k-13; i-- {
			if v.low(i) == "," && i < k-1 && v.low(i+1) != "who" {
				break // another clause
			}
			if v.low(i) != "who" {
				continue
			}
			if p := v.appositiveHead(i); p >= 0 && v.m(p).kind == kName && v.isA(p, schema.Person) {
				v.emit(p, "works_for", o, "c04-who-works-at", v.m(p).i, v.m(o).j, nil)
			}
			break
		}
	}
}
