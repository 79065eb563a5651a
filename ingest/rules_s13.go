package ingest

// Session 13 rules: constructions real news uses for membership, residence
// and nationality that the earlier rules missed. Each was read on the whole
// Reuters corpus before it was switched on (figures in gates.go and
// docs/extraction.md).

import (
	"strings"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// s13Rules runs the session-13 rules on one sentence.
func (v *view) s13Rules() {
	v.placePossessivePerson()
	v.placeHomeOf()
	v.partyIncluding()
	v.partyNounAppositive()
	v.partyNamesList()
}

// placePossessivePerson: "Florida's Marco Rubio", "Canada's Justin
// Trudeau": a place's possessive right before a bare name presents the
// person as the place's own. A country gives citizen_of; a state or city
// lives_in (a politician named by the state he sits for lives there). A
// title between the two ("China's Commerce Minister X") is left to the
// title rules, and "Washington's" names the U.S. government, not the city.
func (v *view) placePossessivePerson() {
	for _, pi := range v.x.sentMents[v.si] {
		pl := v.m(pi)
		if !v.placeName(pi) || v.low(pl.j) != "'s" || v.low(pl.i) == "washington" {
			continue
		}
		// "Trump's Florida's": a name joined to the place is another
		// phrase; "Miami, New York's John F. Kennedy": in a list of
		// places the possessive names a place in the place (an airport).
		if pl.i > 0 && v.end[pl.i] >= 0 || v.low(pl.i-1) == "," && v.placeName(v.end[pl.i-1]) {
			continue
		}
		p := v.start[pl.j+1]
		if !v.namedPerson(p) {
			continue
		}
		pred := "lives_in"
		if v.isA(pi, schema.Country) {
			pred = "citizen_of"
		}
		v.emit(p, pred, pi, "place-poss-person", pl.i, v.m(p).j, nil)
	}
}

// placeHomeOf: "the Ohio home of X", "raided the Virginia home of the
// campaign's former chairman X", "X's Ohio home": a person's home is where
// the person lives. Past "of", the first person named is the owner unless
// the name is itself a possessor ("the home of Trump's adviser X": X's).
func (v *view) placeHomeOf() {
	for k := 2; k+1 < len(v.t); k++ {
		if v.low(k) != "home" && v.low(k) != "residence" {
			continue
		}
		pl := v.end[k]
		if !v.placeName(pl) {
			continue
		}
		lo := v.m(pl).i
		switch {
		case v.low(lo-1) == "the" && v.low(k+1) == "of":
			owner := -1
			for j := k + 2; j < len(v.t) && j < k+10; j++ {
				if w := v.low(j); w == "," || w == "." || w == ";" || w == "and" || w == "in" || strings.HasPrefix(v.t[j].Tag, "VB") {
					break
				}
				mi := v.start[j]
				if mi < 0 {
					continue
				}
				m := v.m(mi)
				if m.kind == kName && v.low(m.j) != "'s" {
					if v.namedPerson(mi) {
						owner = mi
					}
					break
				}
				if m.j > j {
					j = m.j - 1
				}
			}
			if owner >= 0 {
				v.emit(owner, "lives_in", pl, "place-home-of", lo-1, v.m(owner).j, nil)
			}
		case v.low(lo-1) == "'s":
			if p := v.end[lo-1]; v.namedPerson(p) {
				v.emit(p, "lives_in", pl, "place-home-of", v.m(p).i, k+1, nil)
			}
		}
	}
}

// partyMemberNouns follow a party adjective to name its members: in
// "Republican senators, including X" X is one of them.
var partyMemberNouns = map[string]bool{"senators": true, "lawmakers": true, "members": true, "leaders": true,
	"governors": true, "legislators": true, "congressmen": true, "representatives": true, "colleagues": true}

// partyIncluding: "Republicans, including Senate Majority Leader X",
// "Democratic senators such as X": a person singled out of a party's
// members is one of them. Only a name right after the cue (a title may
// stand before it) counts, and a second name joined by "and".
func (v *view) partyIncluding() {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kName || m.j-m.i != 1 || !v.isA(mi, schema.PoliticalParty) || !isAffiliation(m.surface) {
			continue
		}
		// "promises from Republicans, including X": past a preposition
		// such as "from" the cue may hang on the noun before it (the
		// promises), not on the party, so X need not be a member.
		if partyPrepBefore(v, m.i) {
			continue
		}
		k := m.j
		switch w := v.low(m.i); {
		case partyMemberNouns[v.low(k)] && (w == "republican" || w == "democratic"):
			k++
		case w == "republicans" || w == "democrats":
		default:
			continue
		}
		if v.low(k) == "," {
			k++
		}
		switch {
		case v.low(k) == "including":
			k++
		case v.low(k) == "such" && v.low(k+1) == "as":
			k += 2
		default:
			continue
		}
		p := v.titledPerson(k)
		if p < 0 {
			continue
		}
		v.emit(p, "member_of", mi, "party-members-including", m.i, v.m(p).j, nil)
		if j := v.m(p).j; v.low(j) == "and" {
			if q := v.titledPerson(j + 1); q >= 0 {
				v.emit(q, "member_of", mi, "party-members-including", m.i, v.m(q).j, nil)
			}
		}
	}
}

// partyQuantifiers may stand between a preposition and the party word
// ("from some Republicans"); partyLooseHeads are the prepositions after
// which "including" may attach to the noun before them.
var partyQuantifiers = map[string]bool{"the": true, "some": true, "several": true, "many": true, "other": true,
	"fellow": true, "top": true, "senior": true, "leading": true, "both": true, "most": true, "few": true, "a": true}
var partyLooseHeads = map[string]bool{"from": true, "with": true, "to": true, "between": true}

// partyPrepBefore reports whether the party word at token i is the object
// of a preposition whose noun may own a following "including".
func partyPrepBefore(v *view, i int) bool {
	k := i - 1
	for k >= 0 && (partyQuantifiers[v.low(k)] || v.t[k].Tag == "CD") {
		k--
	}
	return k >= 0 && partyLooseHeads[v.low(k)]
}

// citizenEnd are the words that may follow "a U.S. citizen" in an
// appositive: the phrase ends there, so "citizen"/"national" is its head
// and not the first word of a title ("U.S. national security adviser").
var citizenEnd = map[string]bool{",": true, ".": true, "": true, "born": true, "who": true, "living": true,
	"and": true, "from": true, "of": true, "with": true, ";": true, ")": true}

// titledPerson finds the person named at token k, past the capitalised
// words of a title before the name ("Senate Majority Leader X", "Texas
// Senator X"); -1 when the phrase there names nobody for certain.
func (v *view) titledPerson(k int) int {
	for j := k; j < len(v.t) && j < k+5; j++ {
		if mi := v.start[j]; v.namedPerson(mi) {
			return mi
		}
		if tx := v.t[j].Text; tx == "" || tx == v.low(j) || v.low(j) == "'s" {
			return -1 // a lower-case word or a possessor: no title before a name
		}
	}
	return -1
}

// namedPerson reports whether mention mi names a person for certain: by
// its own cues or the entity's, or as a given name and a surname ("Marco
// Rubio" right after a possessive has no cue of its own).
func (v *view) namedPerson(mi int) bool {
	if mi < 0 || v.m(mi).kind != kName || !v.isA(mi, schema.Person) {
		return false
	}
	if m := v.m(mi); m.strength >= 3 || v.x.ents[m.ent].strength >= 3 {
		return true
	}
	m := v.m(mi)
	return m.j-m.i >= 2 && m.j-m.i <= 3 && names.Default().GivenOnly(v.t[m.i].Text)
}

// partyNounEnds may follow the party noun that closes an appositive: the
// phrase ends there, so the party is its head ("X, the top panel
// Democrat, said"; "X, a Republican from Ohio"), not an adjective on a
// later noun ("X, the Republican president had" is another clause).
var partyNounEnds = map[string]bool{",": true, ".": true, "who": true, "whose": true, "in": true, "on": true, "from": true, "representing": true}

// partyNounAppositive: "X, the top oversight committee Democrat,", "X, the
// most powerful Republican in Congress", "X, a Democrat whose …": an
// appositive headed by the party's noun names X a member. Only lower-case
// modifiers may stand between the article and the party word; a party
// adjective counts before a job "of" a body when a comma closes the phrase
// ("X, the Republican chairman of the Y Committee,").
func (v *view) partyNounAppositive() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || !v.isA(pi, schema.Person) || v.low(p.j) != "," {
			continue
		}
		k := p.j + 1
		if w := v.low(k); w != "the" && w != "a" && w != "an" {
			// "X, Republican chairman of the Y Committee,": with no
			// article only a party word before a job of a body counts.
			if mi := v.start[k]; mi < 0 || v.m(mi).j != k+1 || !v.isA(mi, schema.PoliticalParty) || (v.t[k].Text != "Democrat" && v.t[k].Text != "Republican" && v.t[k].Text != "Democratic") || !v.partyTitleOf(k+1) {
				continue
			}
			v.emit(pi, "member_of", v.start[k], "party-noun-appositive", p.i, k+1, nil)
			continue
		}
		k++
		for n := 0; n < 4 && k < len(v.t) && v.start[k] < 0 && v.t[k].Text == v.low(k) && !strings.HasPrefix(v.t[k].Tag, "VB") && v.t[k].Tag != "IN" && v.t[k].Tag != "CC" && v.low(k) != "'s" && v.low(k) != ","; n++ {
			k++
		}
		mi := v.start[k]
		if mi < 0 || v.m(mi).j != k+1 || !v.isA(mi, schema.PoliticalParty) {
			continue
		}
		if tx := v.t[k].Text; tx != "Democrat" && tx != "Republican" && tx != "Democratic" || !partyNounEnds[v.low(k+1)] && !v.partyTitleOf(k+1) {
			continue
		}
		v.emit(pi, "member_of", mi, "party-noun-appositive", p.i, k+1, nil)
	}
}

// partyTitleOf: at token k a job noun, "of", "on" or "for" and a phrase
// that a comma closes with no verb on the way ("the Republican chairman of
// the House Judiciary Committee, said"): the party adjective before it is
// the appositive's, not a later clause's ("the Republican president had").
func (v *view) partyTitleOf(k int) bool {
	if !v.x.g.roleNouns[v.low(k)] || v.t[k].Text != v.low(k) {
		return false
	}
	if w := v.low(k + 1); w != "of" && w != "on" && w != "for" {
		return false
	}
	for j := k + 2; j < len(v.t) && j < k+14; j++ {
		if w := v.low(j); w == "," || w == "." {
			return j > k+2
		}
		if strings.HasPrefix(v.t[j].Tag, "VB") || v.t[j].Tag == "MD" {
			return false
		}
	}
	return false
}

// partyNamesList: "Senate Republicans A (Maine), B (Nevada) and C": the
// party's plural noun right before a list of names makes each a member.
// A name may carry its state in parentheses or after "of"; the list ends at the first
// item that is not a person's name.
func (v *view) partyNamesList() {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kName || m.j-m.i != 1 || !v.isA(mi, schema.PoliticalParty) {
			continue
		}
		if w := v.low(m.i); w != "republicans" && w != "democrats" {
			continue
		}
		for k := m.j; ; {
			q := v.start[k]
			if q < 0 || v.m(q).kind != kName || !v.isA(q, schema.Person) && (k == m.j || v.low(v.m(q).j) != "(") {
				break
			}
			// a name the entity layer typed otherwise ("Wendt (Utah)"
			// read as a place) keeps the list going but is no member
			if v.isA(q, schema.Person) {
				v.emit(q, "member_of", mi, "party-names-list", m.i, v.m(q).j, nil)
			}
			k = v.m(q).j
			if v.low(k) == "(" {
				e := k + 1
				for e < len(v.t) && e < k+6 && v.low(e) != ")" {
					e++
				}
				if v.low(e) != ")" {
					break
				}
				k = e + 1
			} else if pl := v.start[k+1]; v.low(k) == "of" && v.placeName(pl) {
				k = v.m(pl).j // "Republicans X of Florida, Y of Ohio"
			}
			if v.low(k) == "," {
				k++
			}
			if v.low(k) == "and" {
				k++
			}
			if k == v.m(q).j {
				break
			}
		}
	}
}

// reverseTitleForField: "the Deputy National Security Adviser for
// strategy, X,": an office's title, "for" and a bare field in lower case
// before the name give X the title. A field with an article or a name
// ("a spokesman for the Russian lawyer, X") is someone else, not a field.
func (v *view) reverseTitleForField(pi, lead int) {
	if lead < 4 || v.low(lead-1) != "," {
		return
	}
	k, n := lead-2, 0
	for ; k > 0 && n < 3 && v.start[k] < 0 && v.end[k+1] < 0 && v.t[k].Text == v.low(k) && (v.t[k].Tag == "NN" || v.t[k].Tag == "NNS" || v.t[k].Tag == "JJ"); k-- {
		if v.x.g.roleNouns[v.low(k)] {
			return // "for the party chairman, X": a person, not a field
		}
		n++
	}
	if n == 0 || v.low(k) != "for" {
		return
	}
	r := v.end[k] // the title ends right before "for"
	if r < 0 || v.m(r).kind != kRole || v.t[v.m(r).i].Text == v.low(v.m(r).i) {
		return
	}
	v.emitEnt(v.ent(pi), "role", v.ent(r), "reverse-title-for-field", v.m(r).i, v.m(pi).j, nil)
}
