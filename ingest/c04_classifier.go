package ingest

// Pairs the classifier's model scores but its facts may not come from
// (session 11): constructions where the path between the names reads as
// the predicate while the sentence says otherwise. Applied when facts are
// kept, not when candidates are listed, so training reads the same pairs.

import "github.com/newsgraph/newsgraph/schema"

// agentKillNouns name a killer; a victim's name before one modifies it:
// "John F. Kennedy assassin Lee Harvey Oswald".
var agentKillNouns = map[string]bool{"assassin": true, "killer": true, "murderer": true, "assassins": true, "killers": true}

// classifierRefuses reports whether candidate c may not give a fact:
//   - killed whose victim modifies a killer's noun ("Jack Ruby, who killed
//     John F. Kennedy assassin Lee Harvey Oswald": the victim is Oswald);
//   - located_in across a place of the container's rank in a list
//     ("Jackson, Wyo., and Gunnison, Colo.": Jackson is in Wyoming).
func (x *docState) classifierRefuses(c relCandidate) bool {
	v := x.viewOf(c.si)
	s, o := &x.ments[c.sm], &x.ments[c.om]
	switch relPreds[c.pred].pred {
	case "killed":
		return agentKillNouns[v.low(o.j)]
	case "located_in":
		if s.j > o.i {
			return false
		}
		oc := x.ents[o.ent].class
		for _, mi := range x.sentMents[c.si] {
			m := &x.ments[mi]
			if m.i < s.j || m.j > o.i || m.ent < 0 || m.ent == o.ent || m.kind != kName {
				continue
			}
			if mc := x.ents[m.ent].class; mc.IsA(schema.Location) && placeScale(mc) >= placeScale(oc) {
				return true
			}
		}
	}
	return false
}
