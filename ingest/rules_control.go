package ingest

// Party control of a legislative chamber ("who controls the Senate?"), read
// only from the explicit constructions news uses for it:
//
//	the Republican-controlled Senate, the Democratic-led House
//	Republicans control the Senate / both chambers of Congress
//	Republicans, who hold a 52-48 majority in the Senate,
//	the Senate, where Republicans have a majority
//	the Republican majority in the House
//
// A condition or a modal between the party and the verb ("if Democrats win
// control of the House", "Republicans could lose control") gives nothing:
// the verb must follow the party directly, and a sentence that opens a
// condition before the party is skipped. Every fact has the rule
// partyControlRule, gated in gates.go.

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

const partyControlRule = "party-controls-chamber"

// Word tables of the rule (data, not code).
var (
	// chamberHeads end the name of a legislative chamber or assembly.
	chamberHeads = map[string]bool{"senate": true, "house": true, "congress": true, "parliament": true,
		"legislature": true, "assembly": true, "duma": true, "knesset": true, "bundestag": true, "representatives": true,
		"commons": true, "lords": true, "delegates": true, "deputies": true}
	// notChambers end with a chamber head but name no chamber.
	notChambers = map[string]bool{"white house": true, "state house": true, "statehouse": true, "opera house": true}
	// chamberModified nouns after a chamber's name head the phrase: the party
	// holds the seats or districts, not the chamber.
	chamberModified = map[string]bool{"district": true, "districts": true, "seat": true, "seats": true,
		"race": true, "races": true, "contest": true, "contests": true, "candidate": true, "candidates": true}
	// controlVerbWords take the chamber as object: "Republicans control the Senate".
	controlVerbWords = map[string]bool{"control": true, "controls": true, "controlled": true, "dominate": true, "dominates": true}
	// holdVerbWords take "a majority in" or "control of" the chamber.
	holdVerbWords = map[string]bool{"hold": true, "holds": true, "held": true, "have": true, "has": true, "had": true,
		"retain": true, "retains": true, "retained": true, "keep": true, "keeps": true, "kept": true, "enjoy": true, "enjoys": true}
	// controlAdverbs may stand between the party and its verb.
	controlAdverbs = map[string]bool{"now": true, "currently": true, "still": true, "already": true, "also": true,
		"narrowly": true, "firmly": true, "effectively": true, "together": true, "both": true}
	// majoritySize words may stand between "a" and "majority": "a 52-48", "a slim".
	majoritySize = map[string]bool{"narrow": true, "slim": true, "thin": true, "razor-thin": true, "slender": true,
		"comfortable": true, "large": true, "solid": true, "big": true, "working": true, "strong": true, "simple": true,
		"absolute": true, "outright": true, "overall": true, "clear": true, "two-thirds": true, "three-fifths": true, "-": true, "seat": true}
	// conditionWords open a supposition: a control, attack or other fact
	// read after them is not stated ("if Republicans keep the Senate",
	// "unless Y has attacked X"). deppat keeps its own list for !modal.
	conditionWords = map[string]bool{"if": true, "unless": true, "whether": true, "should": true}
	// hyphenControl suffixes: "the Republican-controlled Senate".
	hyphenControl = map[string]bool{"controlled": true, "led": true, "dominated": true, "run": true}
)

// partyControl reads the constructions above in one sentence.
func (v *view) partyControl() {
	for ci := range v.t {
		if conditionWords[v.low(ci)] {
			return // "if Democrats win control of the House": a supposition
		}
		if ci > 0 && v.low(ci) == "where" && v.low(ci-1) == "," {
			// "the Senate, where Republicans have a majority"
			if ch := v.end[ci-1]; ch >= 0 && v.chamber(ch) {
				if p := v.partyAt(ci + 1); p.end > 0 {
					if k := v.controlVerb(p.end); k >= 0 && (controlVerbWords[v.low(k)] && v.low(k+1) == "," || v.majorityAfter(k+1) >= 0 || v.low(k+1) == "control") {
						v.emitControl(p, v.ent(ch), v.m(ch).i, k+2, true)
					}
				}
			}
		}
		if mi := v.start[ci]; mi >= 0 && v.m(mi).kind == kHyphen {
			// "the Republican-controlled Senate"
			if m := v.m(mi); hyphenControl[m.suffix] && v.party(mi) {
				if t := v.np(m.j); t >= 0 && v.chamber(t) {
					v.emitControl(partyRef{ent: v.ent(mi), end: m.j}, v.ent(t), m.i, v.m(t).j, false)
				}
			}
			continue
		}
		p := v.partyAt(ci)
		if p.end == 0 {
			continue
		}
		// "the Republican majority in the House", "Republicans' majority in"
		j := p.end
		if v.low(j) == "'" || v.low(j) == "'s" || v.low(j) == "’s" || v.low(j) == "’" {
			j++
		}
		if v.low(j) == "majority" && (j > p.end || v.low(ci-1) == "the") && (v.low(j+1) == "in" || v.low(j+1) == "of") {
			v.chambersAt(p, j+2, ci)
		}
		// "Republicans (, who) control the Senate", "... hold a majority in the Senate"
		k := v.controlVerb(p.end)
		if k < 0 {
			continue
		}
		switch {
		case controlVerbWords[v.low(k)]:
			v.chambersAt(p, k+1, ci)
		case v.low(k+1) == "control" && (v.low(k+2) == "of" || v.low(k+2) == "over"):
			v.chambersAt(p, k+3, ci)
		default:
			if e := v.majorityAfter(k + 1); e >= 0 && (v.low(e) == "in" || v.low(e) == "of") {
				v.chambersAt(p, e+1, ci)
			}
		}
	}
}

// partyRef is a party named at a token: its mention's entity, or the word
// the name finder left unnamed ("Republicans" opening a sentence), resolved
// through the gazetteer only when a fact is read. end is the token after
// it, 0 when the token names no party.
type partyRef struct {
	ent  int
	word string
	end  int
}

// partyAt reads a party named at token i.
func (v *view) partyAt(i int) partyRef {
	if mi := v.start[i]; mi >= 0 {
		if v.m(mi).kind != kHyphen && v.party(mi) {
			return partyRef{ent: v.ent(mi), end: v.m(mi).j}
		}
		return partyRef{}
	}
	if i >= len(v.t) || v.covered(i) {
		return partyRef{}
	}
	if w := v.t[i].Text; upperFirst(w) && isAffiliation(w) {
		return partyRef{ent: -1, word: w, end: i + 1}
	}
	return partyRef{}
}

// covered reports whether a mention of the sentence spans token i.
func (v *view) covered(i int) bool {
	for _, mi := range v.x.sentMents[v.si] {
		if m := v.m(mi); m.ent >= 0 && m.i <= i && i < m.j {
			return true
		}
	}
	return false
}

// controlVerb returns the token of a control or hold verb that follows the
// party mention ending at j, with only adverbs or ", who" between; -1 when
// anything else (a modal, a negation, another verb) comes first.
func (v *view) controlVerb(j int) int {
	k := j
	if v.low(k) == "," && v.low(k+1) == "who" {
		k += 2
	} else if v.low(k) == "who" {
		k++
	}
	for steps := 0; steps < 2 && controlAdverbs[v.low(k)]; steps++ {
		k++
	}
	if controlVerbWords[v.low(k)] || holdVerbWords[v.low(k)] {
		return k
	}
	return -1
}

// majorityAfter reads "a 52-48 majority", "a slim majority", "the majority"
// from token k and returns the token after "majority", or -1.
func (v *view) majorityAfter(k int) int {
	if v.low(k) != "a" && v.low(k) != "the" && v.low(k) != "their" && v.low(k) != "its" {
		return -1
	}
	for e := k + 1; e < len(v.t) && e <= k+5; e++ {
		w := v.low(e)
		switch {
		case w == "majority":
			return e + 1
		case majoritySize[w] || strings.IndexFunc(w, func(r rune) bool { return (r < '0' || r > '9') && r != '-' }) < 0:
		default:
			return -1
		}
	}
	return -1
}

// chambersAt emits control of the chamber named at token k ("the Senate",
// "the House and the Senate"), or of the House and the Senate for "both
// chambers of Congress" when the document names them.
func (v *view) chambersAt(p partyRef, k, lo int) {
	if (v.low(k) == "both" || v.low(k) == "the" && v.low(k+1) == "two") && (v.low(k+1) == "chambers" || v.low(k+1) == "houses" || v.low(k+2) == "chambers" || v.low(k+2) == "houses") {
		e := k + 2
		if v.low(k) == "the" {
			e++
		}
		if v.low(e) != "of" {
			return
		}
		if c := v.np(e + 1); c < 0 || !strings.EqualFold(v.x.ents[v.ent(c)].name(), "congress") && !strings.HasSuffix(strings.ToLower(v.m(c).surface), "congress") {
			return // both chambers of a parliament we cannot name
		}
		for _, name := range []string{"senate", "house"} {
			if oe := v.docChamber(name); oe >= 0 {
				v.emitControl(p, oe, lo, e+2, true)
			}
		}
		return
	}
	c := v.np(k)
	if c < 0 || !v.chamber(c) {
		return
	}
	v.emitControl(p, v.ent(c), lo, v.m(c).j, true)
	// "the House and the Senate"
	n := v.m(c).j
	if v.low(n) == "and" {
		if c2 := v.np(n + 1); c2 >= 0 && v.chamber(c2) {
			v.emitControl(p, v.ent(c2), lo, v.m(c2).j, true)
		}
	}
}

// party reports whether a mention names a political party.
func (v *view) party(mi int) bool {
	return mi >= 0 && v.ent(mi) >= 0 && v.isA(mi, schema.PoliticalParty)
}

// chamber reports whether a mention names a legislative chamber: a
// government body whose name ends in a chamber's head word, and the head of
// its phrase ("the Senate", not "Republican-held House districts").
func (v *view) chamber(mi int) bool {
	if mi < 0 || v.ent(mi) < 0 || !v.x.chamberEnt(v.ent(mi)) {
		return false
	}
	s := strings.ToLower(v.m(mi).surface)
	if notChambers[s] || v.namesUnnamedBody(mi) {
		return false
	}
	f := strings.Fields(s)
	if len(f) == 0 || !chamberHeads[f[len(f)-1]] {
		return false
	}
	return !chamberModified[v.low(v.m(mi).j)]
}

// chamberEnt reports whether an entity is a legislative chamber by its name.
func (x *docState) chamberEnt(e int) bool {
	if e < 0 || !x.ents[e].class.IsA(schema.Government) {
		return false
	}
	n := strings.ToLower(x.ents[e].name())
	f := strings.Fields(n)
	return !notChambers[n] && len(f) > 0 && chamberHeads[f[len(f)-1]]
}

// controlsTarget reports whether a controls fact may have entity oe as
// object: a place, or a chamber held by a party. The range admits any
// government body (schema), but only a chamber's majority is read as
// control of a body: "the Republican-controlled White House" is not one,
// and the place rules' "Republican-held House districts" names districts.
// om is the object's mention, -1 when the fact has none.
func (x *docState) controlsTarget(se, oe, om int, v *view) bool {
	if oe < 0 || x.ents[oe].class.IsA(schema.Location) {
		return true
	}
	if se < 0 || !x.ents[se].class.IsA(schema.PoliticalParty) || !x.chamberEnt(oe) {
		return false
	}
	return om < 0 || v.chamber(om)
}

// docChamber finds the document's entity for the Senate or the House named
// elsewhere in it ("the Senate", "U.S. House of Representatives"), -1 if none.
func (v *view) docChamber(head string) int {
	found := -1
	for e := range v.x.ents {
		en := v.x.ents[e]
		if !en.class.IsA(schema.Government) {
			continue
		}
		n := strings.ToLower(en.name())
		n = strings.TrimPrefix(strings.TrimPrefix(n, "u.s. "), "us ")
		ok := n == head || n == "united states "+head
		if head == "house" {
			ok = ok || n == "house of representatives"
		}
		if ok {
			if found >= 0 && found != e {
				return -1 // two Senates: a state's and the nation's
			}
			found = e
		}
	}
	return found
}

func (v *view) emitControl(p partyRef, oe, lo, hi int, quals bool) {
	se := p.ent
	if se < 0 {
		se = v.x.partyEntity(p.word, v.si)
	}
	if se < 0 || oe < 0 || se == oe {
		return
	}
	if !quals {
		// A noun phrase ("the Republican-controlled Senate") has no time of
		// its own: the sentence's time belongs to its verb.
		v.x.facts = append(v.x.facts, rawFact{subj: se, obj: oe, pred: "controls", stmt: -1, rule: partyControlRule, s0: v.si, s1: v.si})
		return
	}
	v.emitEnt(se, "controls", oe, partyControlRule, lo, hi, nil)
}
