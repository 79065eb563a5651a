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
