package ingest

// Seats on legislative committees, as US political news names them.

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// committeeRanks rank a party's members on a committee.
var committeeRanks = map[string]bool{"top": true, "senior": true, "ranking": true, "leading": true}

// committeeHeads end the name of a body one sits on.
var committeeHeads = map[string]bool{"committee": true, "subcommittee": true, "panel": true, "caucus": true}

// committeeSeats: "X, the top Democrat on the Senate Judiciary Committee"
// → X member_of the committee, role "top Democrat" (the party itself is
// read by the party rows); "X, who chairs the Senate Judiciary Committee"
// → X leads it.
func (v *view) committeeSeats() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || p.ent < 0 || !v.isA(pi, schema.Person) || v.low(p.j) != "," {
			continue
		}
		i := p.j + 1
		if v.low(i) == "who" && v.low(i+1) == "chairs" {
			if o := v.committeeAt(i + 2); o >= 0 {
				v.emit(pi, "leads", o, "who-chairs-committee", p.i, v.m(o).j, nil)
			}
			continue
		}
		if v.low(i) == "the" || v.low(i) == "a" {
			i++
		}
		rank := ""
		if committeeRanks[v.low(i)] {
			rank = v.t[i].Text
			i++
		}
		party := v.t[min(i, len(v.t)-1)].Text
		if party != "Democrat" && party != "Republican" || v.low(i+1) != "on" {
			continue
		}
		o := v.committeeAt(i + 2)
		if o < 0 {
			continue
		}
		if rank != "" {
			t := rank + " " + party
			v.emitEnt(v.ent(pi), "role", v.x.entityFor("r:"+strings.ToLower(t), "", t, schema.Role, 4, v.si), "rank-party-on-committee", p.i, i+1, nil)
		}
		v.emit(pi, "member_of", o, "party-on-committee", p.i, v.m(o).j, nil)
	}
}

// committeeAt is the committee named at token k (after an optional "the"),
// or -1: a named body whose last word is a committee's head.
func (v *view) committeeAt(k int) int {
	if v.low(k) == "the" {
		k++
	}
	o := v.start[k]
	if o < 0 || v.m(o).kind != kName || v.isA(o, schema.Person) || v.isA(o, schema.Location) {
		return -1
	}
	words := strings.Fields(v.x.ents[v.m(o).ent].name())
	if len(words) == 0 || !committeeHeads[strings.ToLower(words[len(words)-1])] {
		return -1
	}
	return o
}

// chamberLeaderTitles are the offices a chamber gives one of its own
// members: whoever holds one sits in it.
var chamberLeaderTitles = map[string]bool{"leader": true, "whip": true, "speaker": true}

// chamberLeaderSides stand between a chamber and its leader's title
// ("Senate Majority Leader", "Senate Democratic leader").
var chamberLeaderSides = map[string]bool{"majority": true, "minority": true, "democratic": true, "republican": true, "gop": true}

// chamberLeaders: "Senate Majority Leader X", "Senate Democratic leader
// X", "House Speaker X" → X member_of the chamber (session 12). The party
// is the party rows'; the chamber is lost to them when the name finder
// reads the party word into the title.
func (v *view) chamberLeaders() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || p.ent < 0 || !v.isA(pi, schema.Person) || p.i < 2 || !chamberLeaderTitles[v.low(p.i-1)] {
			continue
		}
		k := p.i - 1
		for n := 0; n < 2 && k > 0 && chamberLeaderSides[v.low(k-1)]; n++ {
			k--
		}
		c := v.end[k]
		if r := v.end[p.i]; r >= 0 && v.m(r).kind == kRole && v.m(r).roleOrg >= 0 {
			// the title read as one span with its chamber: "Senate Majority Leader"
			c = v.m(r).roleOrg
		}
		if c >= 0 {
			if v.m(c).kind != kName || v.m(c).ent < 0 || !v.chamberName(v.x.ents[v.m(c).ent].name()) || v.stateBefore(v.m(c).i) {
				continue
			}
			v.emit(pi, "member_of", c, "chamber-leader-name", v.m(c).i, p.j, nil)
			continue
		}
		// The name finder took the chamber into the title and dropped it
		// ("Senate Majority Leader X" opening a sentence): read the words.
		for _, n := range []int{3, 2, 1} {
			lo := k - n
			if lo < 0 || v.inside(lo, k) || v.stateBefore(lo) {
				continue
			}
			words := make([]string, 0, n)
			for _, t := range v.t[lo:k] {
				words = append(words, t.Text)
			}
			name := strings.Join(words, " ")
			e, ok := v.x.lookup(name)
			if !ok || !v.chamberName(name) || !e.Class.IsA(schema.Organization) {
				continue
			}
			ce := v.x.entityFor("g:"+e.Name, e.Name, name, e.Class, 3, v.si)
			v.emitEnt(v.ent(pi), "member_of", ce, "chamber-leader-name", lo, p.j, nil)
			break
		}
	}
}

// chamberName reports whether name is a legislative chamber's: Senate,
// House, House of Representatives, with a country or state before them
// (U.S. Senate, Maine Senate), not the White House.
func (v *view) chamberName(name string) bool {
	w := strings.Fields(strings.ToLower(name))
	n := len(w)
	switch {
	case n == 0 || n > 5:
		return false
	case w[n-1] == "senate":
		return true
	case w[n-1] == "house":
		// "White House", "Government House": only the bare chamber
		return n == 1 || n == 2 && (w[0] == "u.s." || w[0] == "us")
	case n >= 3 && strings.Join(w[n-3:], " ") == "house of representatives":
		return true
	}
	return false
}

// inside reports whether a mention covers any token of [lo, hi).
func (v *view) inside(lo, hi int) bool {
	for _, mi := range v.x.sentMents[v.si] {
		if m := v.m(mi); m.i < hi && m.j > lo {
			return true
		}
	}
	return false
}

// stateBefore reports whether a place other than the United States is
// named right before token i: "Maine Senate", "Pennsylvania House" are a
// state's chambers, which the bare chamber's name would confuse with
// Congress's.
func (v *view) stateBefore(i int) bool {
	if p := v.end[i]; p >= 0 {
		return v.isA(p, schema.Location) && !usNames[strings.ToLower(v.m(p).surface)]
	}
	// no mention: the name finder dropped the whole title ("Ohio Senate
	// Majority Leader X" opening a sentence); the gazetteer knows the place
	for n := 1; n <= 2 && i-n >= 0; n++ {
		words := make([]string, 0, n)
		for _, t := range v.t[i-n : i] {
			words = append(words, t.Text)
		}
		name := strings.Join(words, " ")
		if e, ok := v.x.lookup(name); ok && e.Class.IsA(schema.Location) && !usNames[strings.ToLower(name)] {
			return true
		}
	}
	return false
}

// usNames name the United States, whose chambers the bare names are.
var usNames = map[string]bool{"u.s.": true, "us": true, "u.s": true, "united states": true, "american": true}
