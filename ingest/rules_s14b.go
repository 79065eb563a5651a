package ingest

// Session 14, round 2: party membership in coordinated appositives that
// the single-head appositive rules miss. Read on the whole Reuters corpus
// before being switched on (figures in gates.go and docs/extraction.md).

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// s14bRules runs the round-2 rules on one sentence.
func (v *view) s14bRules() {
	v.partyCoordAppositive()
	v.partyPairAppositive()
}

// partyHead reports whether token k is a party noun for one member
// ("Democrat", "Republican") that a mention of a party covers alone.
func (v *view) partyHead(k int) bool {
	mi := v.start[k]
	if mi < 0 || v.m(mi).j != k+1 || !v.isA(mi, schema.PoliticalParty) {
		return false
	}
	tx := v.t[k].Text
	return tx == "Democrat" || tx == "Republican"
}

// partyCoordAppositive: "X, 61, a store clerk and self-described liberal
// Democrat, said", "X, a retired teacher and registered Republican,": the
// party noun heads the second of two joined descriptions of X. The first
// is a short phrase with no comma, verb or person in it; up to three
// lower-case modifiers may stand before the party noun, and the
// appositive must end right after it.
func (v *view) partyCoordAppositive() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || !v.namedPerson(pi) || v.low(p.j) != "," {
			continue
		}
		k := p.j + 1
		if v.t[k].Tag == "CD" && v.low(k+1) == "," { // an age
			k += 2
		}
		if w := v.low(k); w != "a" && w != "an" {
			continue
		}
		k++
		and := -1
		for j := k; j < len(v.t) && j < k+7; j++ {
			w := v.low(j)
			if w == "and" {
				and = j
				break
			}
			// "retired" and "former" may be read as verbs; a finite
			// present verb, a relative pronoun or a preposition ends it
			if tg := v.t[j].Tag; w == "," || w == "'s" || tg == "VBZ" || tg == "VBP" || tg == "MD" || tg == "IN" || strings.HasPrefix(tg, "W") {
				break
			}
			if mi := v.start[j]; mi >= 0 && v.isA(mi, schema.Person) {
				break
			}
		}
		if and <= k {
			continue
		}
		j := and + 1
		if w := v.low(j); w == "a" || w == "an" {
			j++
		}
		for n := 0; n < 3 && j < len(v.t) && v.start[j] < 0 && v.t[j].Text == v.low(j) && v.low(j) != "," && v.t[j].Tag != "IN" && v.t[j].Tag != "CC"; n++ {
			j++
		}
		if j >= len(v.t) || !v.partyHead(j) {
			continue
		}
		if w := v.low(j + 1); w != "," && w != "." && w != "who" && w != ";" {
			continue
		}
		v.emit(pi, "member_of", v.start[j], "party-coord-appositive", p.i, j+1, nil)
	}
}

// partyPairAppositive: "Senators A and B, two moderate Democrats,", "A and
// B, two of the panel's moderate Democratic members,": a count of two
// party members after a pair of names makes each a member ("both" is read
// by the dependency rows party-both-*).
func (v *view) partyPairAppositive() {
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || !v.namedPerson(ai) || v.low(a.j) != "and" {
			continue
		}
		bi := v.start[a.j+1]
		if bi < 0 || !v.namedPerson(bi) {
			continue
		}
		b := v.m(bi)
		if v.low(b.j) != "," || v.low(b.j+1) != "two" {
			continue
		}
		k := b.j + 2
		if v.low(k) == "of" { // "two of the panel's moderate Democratic members"
			k++
			if v.low(k) != "the" {
				continue
			}
			k++
			for n := 0; n < 4 && k < len(v.t) && v.low(k) != "'s" && v.low(k) != ","; n++ {
				k++
			}
			if v.low(k) != "'s" {
				continue
			}
			k++
		}
		for n := 0; n < 3 && k < len(v.t) && v.start[k] < 0 && v.t[k].Text == v.low(k) && v.low(k) != "," && v.t[k].Tag != "IN" && v.t[k].Tag != "CC"; n++ {
			k++
		}
		mi := v.start[k]
		if mi < 0 || v.m(mi).j != k+1 || !v.isA(mi, schema.PoliticalParty) {
			continue
		}
		switch v.t[k].Text {
		case "Democrats", "Republicans":
		case "Democratic", "Republican":
			if w := v.low(k + 1); w != "members" && w != "senators" && w != "lawmakers" && w != "colleagues" && w != "representatives" {
				continue
			}
			k++
		default:
			continue
		}
		if w := v.low(k + 1); w != "," && w != "." && w != "who" && w != ";" {
			continue
		}
		v.emit(ai, "member_of", mi, "party-pair-appositive", a.i, k+1, nil)
		v.emit(bi, "member_of", mi, "party-pair-appositive", a.i, k+1, nil)
	}
}
