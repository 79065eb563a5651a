package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// settleFamilies decides, within one document, what an ambiguous name of
// a family in the names tables means ("the House", "the Supreme Court",
// "Treasury"). Across documents resolution can only merge whole nodes, and
// one "House" node holds every story's House, the Maine House's too; within
// a story the question has an answer:
//   - a longer name in the story that ends with the short one ("Alabama
//     Supreme Court", "Maine House") is what the short one means there;
//   - else a node of the family named unambiguously in the story ("House of
//     Representatives", "U.S. House") is;
//   - else, when the story names a family of the family's context
//     (families.tsv: the U.S. Senate, Congress, the two parties for the
//     U.S. House), the short name is the family's entity, named by its
//     canonical name.
//
// Otherwise the short name stays a node of its own, for resolution to
// propose. It runs after resolve, before the relation rules.
func (x *docState) settleFamilies() {
	tb := names.Default()
	type fam struct {
		canonical string
		ambiguous bool
		f         names.Family
	}
	fams := make([]fam, len(x.ents))
	inDoc := map[string]int{} // canonical → an unambiguous entity of the family, -2 for several
	for k, e := range x.ents {
		if e.class.Top() == schema.Person || e.class == schema.Role || len(e.surfaces) == 0 {
			continue
		}
		var got fam
		ok := true
		for s := range e.surfaces {
			m, found := tb.Family(s)
			if !found && e.gaz != "" {
				m, found = tb.Family(e.gaz)
			}
			if !found || got.canonical != "" && got.canonical != m.Canonical || m.Class.Top() != e.class.Top() {
				ok = false
				break
			}
			if got.canonical == "" {
				got = fam{canonical: m.Canonical, ambiguous: true, f: m.Family}
			}
			got.ambiguous = got.ambiguous && m.Ambiguous
		}
		if !ok || got.canonical == "" {
			continue
		}
		fams[k] = got
		if !got.ambiguous {
			if old, seen := inDoc[got.canonical]; seen && old != k {
				inDoc[got.canonical] = -2
			} else {
				inDoc[got.canonical] = k
			}
		}
	}
	american := -1 // x.americanStory(), computed once when needed
	for k, e := range x.ents {
		f := fams[k]
		if f.canonical == "" || !f.ambiguous || len(e.surfaces) == 0 {
			continue
		}
		if r := x.longerName(k); r != -1 {
			if r >= 0 {
				x.mergeEntity(k, r)
			}
			continue
		}
		// "the state Supreme Court", "Israel's Supreme Court": a mention
		// that says whose court it is stays on this node, whatever else
		// the story names; the story's other mentions are settled below.
		if x.allQualified(k) {
			continue
		}
		if t, ok := inDoc[f.canonical]; ok {
			if t >= 0 {
				x.moveUnqualified(k, t)
			}
			continue
		}
		settled := false
		for _, c := range f.f.Context {
			if _, ok := inDoc[c]; ok {
				settled = true
				break
			}
			// "United States" as a context is the story's country, not
			// its mere mention (nine Reuters stories in ten name the U.S.).
			if c == "United States" {
				if american < 0 {
					american = 0
					if x.americanStory() {
						american = 1
					}
				}
				if american == 1 {
					settled = true
					break
				}
			}
		}
		// "the House" in a story about Maine's legislature is Maine's
		// House, whatever parties the story names: a U.S. chamber only
		// when the story is not about a state's legislature.
		if settled && f.f.Kind == names.KindLegislature && strings.HasPrefix(f.canonical, "U.S. ") {
			if _, congress := inDoc["U.S. Congress"]; !congress && x.stateLegislatureStory() {
				settled = false
			}
		}
		switch {
		case settled && !x.anyQualified(k):
			e.gaz, e.class = f.canonical, f.f.Class
		case settled:
			x.moveUnqualified(k, x.entityFor("g:"+f.canonical, f.canonical, "", f.f.Class, 4, x.firstMention(k)))
		}
	}
}

// qualified reports whether a mention of an ambiguous family name says
// whose it is: after "state" ("the state Supreme Court", "the state's
// House"), or after a place other than the United States, its possessive
// or its demonym ("Israel's Supreme Court", "the Israeli Supreme Court").
func (x *docState) qualified(m *mention) bool {
	if m.i == 0 {
		return false
	}
	toks := x.sents[m.sent].Toks
	p := m.i - 1
	if t := toks[p].Lower; (t == "'s" || t == "’s") && p > 0 {
		p--
	}
	if toks[p].Lower == "state" {
		return true
	}
	for _, mi := range x.sentMents[m.sent] {
		o := x.ments[mi]
		if o.j != p+1 || o.ent < 0 || o.kind == kRole || o.kind == kPronoun {
			continue
		}
		if c := x.ents[o.ent]; c.class.IsA(schema.Location) && c.gaz != "United States" {
			return true
		}
	}
	return false
}

// allQualified reports whether every mention of entity k is qualified.
func (x *docState) allQualified(k int) bool {
	for i := range x.ments {
		if m := &x.ments[i]; m.ent == k && m.kind == kName && !x.qualified(m) {
			return false
		}
	}
	return true
}

// anyQualified reports whether some mention of entity k is qualified.
func (x *docState) anyQualified(k int) bool {
	for i := range x.ments {
		if m := &x.ments[i]; m.ent == k && m.kind == kName && x.qualified(m) {
			return true
		}
	}
	return false
}

// moveUnqualified points the mentions of entity from that do not say
// whose they are to entity into; from keeps the others, or disappears.
func (x *docState) moveUnqualified(from, into int) {
	kept := false
	for i := range x.ments {
		m := &x.ments[i]
		if m.ent != from {
			continue
		}
		if m.kind == kName && x.qualified(m) {
			kept = true
			continue
		}
		m.ent = into
		if m.kind == kName {
			x.addSurface(into, m.surface, "", 0, m.sent)
		}
	}
	if !kept {
		x.ents[from].surfaces = map[string]int{}
	}
}

// firstMention is the sentence of entity k's first mention.
func (x *docState) firstMention(k int) int {
	for _, m := range x.ments {
		if m.ent == k {
			return m.sent
		}
	}
	return 0
}

// stateLegislatureWords say a story is about a state's legislature: its
// own words, or "state" before a chamber or its members.
var stateLegislatureWords = map[string]bool{"legislature": true, "legislatures": true, "legislators": true, "statehouse": true, "assemblyman": true, "assemblywoman": true}

// stateLegislatureStory reports whether the story is about a U.S. state's
// legislature rather than Congress: it names a state, speaks of a
// legislature ("the legislature", "state lawmakers", "the state's Speaker
// of the House", "state Senate"), and says nothing of Congress
// ("Congress", "congressional", "Capitol Hill", "U.S. House").
func (x *docState) stateLegislatureStory() bool {
	state := false
	for _, e := range x.ents {
		if x.g.usStates[e.gaz] && len(e.surfaces) > 0 {
			state = true
			break
		}
	}
	if !state {
		return false
	}
	legislature := false
	for _, s := range x.sents {
		toks := s.Toks
		for i, t := range toks {
			w := t.Lower
			switch {
			case w == "congress" || w == "congressional" || w == "congressman" || w == "congresswoman" || w == "capitol" || (w == "u.s." || w == "us") && i+1 < len(toks) && (toks[i+1].Text == "House" || toks[i+1].Text == "Senate"):
				return false
			case stateLegislatureWords[w]:
				legislature = true
			case (w == "state" || w == "state's") && i+1 < len(toks) && (toks[i+1].Lower == "lawmakers" || toks[i+1].Lower == "senator" || toks[i+1].Lower == "senators" || toks[i+1].Text == "House" || toks[i+1].Text == "Senate" || toks[i+1].Lower == "representative"):
				legislature = true
			case w == "'s" && i > 0 && toks[i-1].Lower == "state" && i+1 < len(toks) && (toks[i+1].Text == "Speaker" || toks[i+1].Text == "House" || toks[i+1].Text == "Senate" || toks[i+1].Lower == "lawmakers"):
				legislature = true
			}
		}
	}
	return legislature
}

// americanStory reports whether the story is about the United States: its
// places and U.S. bodies (the U.S., its states, Washington, Congress, the
// White House …) are named at least twice and more often than foreign
// countries and their capitals. A bare "Supreme Court" there is the U.S.
// one; in a story about Pakistan that names Washington once it is not.
func (x *docState) americanStory() bool {
	us, foreign := 0, 0
	tb := names.Default()
	for _, m := range x.ments {
		if m.ent < 0 || m.kind == kRole || m.kind == kPronoun {
			continue
		}
		e := x.ents[m.ent]
		switch {
		case e.gaz == "United States" || x.g.usStates[e.gaz] || e.gaz == "Washington" || e.gaz == "New York City":
			us++
		case e.class == schema.Country || x.g.capitals[e.gaz] != "" && x.g.capitals[e.gaz] != "United States":
			foreign++
		default:
			if f, ok := tb.Family(e.gaz); ok && !f.Ambiguous && strings.HasPrefix(f.Canonical, "U.S. ") || ok && (f.Canonical == "White House" || f.Canonical == "Capitol Hill") {
				us++
			}
		}
	}
	return us >= 2 && us > 2*foreign
}

// longerName finds the one other organisation or place of the document
// whose name ends with a name of entity k ("Maine House" for "House"): -1
// when there is none, -2 when there are several.
func (x *docState) longerName(k int) int {
	found := -1
	for r, o := range x.ents {
		if r == k || o.class.Top() == schema.Person || o.class == schema.Role || len(o.surfaces) == 0 {
			continue
		}
		for s := range x.ents[k].surfaces {
			hit := false
			for os := range o.surfaces {
				// "Maine House", "Alabama Supreme Court": a place's; "House
				// of Commons": another house ("White House" is neither).
				if place, ok := strings.CutSuffix(os, " "+s); ok {
					if e, known := x.lookup(place); known && e.Class.IsA(schema.Location) {
						hit = true
						break
					}
				}
				if rest, ok := strings.CutPrefix(os, s+" of "); ok && len(strings.Fields(rest)) == 1 {
					hit = true
					break
				}
			}
			if !hit {
				continue
			}
			if m, ok := names.Default().Family(o.name()); ok && !m.Ambiguous {
				if f, ok2 := names.Default().Family(s); ok2 && f.Canonical == m.Canonical {
					continue // "House of Representatives" is the House's own family
				}
			}
			if found >= 0 && found != r {
				return -2
			}
			found = r
		}
	}
	return found
}

// mergeEntity makes entity from one with entity into: its names become
// aliases of into and its mentions point to into. It runs before the
// relation rules, so no fact refers to from yet.
func (x *docState) mergeEntity(from, into int) {
	e := x.ents[from]
	for _, a := range e.aliases {
		x.addSurface(into, a, "", 0, e.lastSent)
	}
	e.surfaces = map[string]int{}
	for i := range x.ments {
		if x.ments[i].ent == from {
			x.ments[i].ent = into
		}
	}
}

// stateOffices are the titles and bodies after a place's name that make it
// a state's: "New York Governor", "Washington state's attorney general".
var stateOffices = map[string]bool{"governor": true, "gov.": true, "lieutenant": true, "attorney": true, "senator": true, "sen.": true,
	"legislature": true, "legislator": true, "legislators": true, "assembly": true, "assemblyman": true, "assemblywoman": true,
	"comptroller": true, "congressman": true, "congresswoman": true, "representative": true, "rep.": true, "state": true, "statewide": true}

// settleCityStates decides, mention by mention, whether a name that is a
// city and a state (cityStatesData: New York, Washington) means the state.
// The gazetteer reads the name as the city, under the city's canonical
// name ("New York" and "New York City" are one node); mentions with a
// state's context move to the state's entity. A story about both keeps
// both apart.
func (x *docState) settleCityStates() {
	for k, e := range x.ents {
		stateName, ok := x.g.cityState[e.gaz] // shared name, state's name
		if !ok || len(e.surfaces) == 0 {
			continue
		}
		state, city := -1, false
		for i := range x.ments {
			m := &x.ments[i]
			if m.ent != k || m.kind != kName {
				continue
			}
			// Only the name both bear can be the state's: "New York City"
			// is the city.
			if !strings.EqualFold(m.surface, stateName[0]) || !x.stateMention(m) {
				city = true
				continue
			}
			if state < 0 {
				state = x.entityFor("g:"+stateName[1], stateName[1], "", schema.Region, 4, m.sent)
			}
			m.ent = state
			x.addSurface(state, m.surface, "", 0, m.sent)
		}
		if state >= 0 && !city {
			e.surfaces = map[string]int{} // every mention was the state's
		}
	}
}

// stateMention reports whether a mention of a city-and-state name has a
// state's context in its sentence.
func (x *docState) stateMention(m *mention) bool {
	toks := x.sents[m.sent].Toks
	low := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].Lower
	}
	next, prev := low(m.j), low(m.i-1)
	// "New York state", "New York Governor Andrew Cuomo", "New York's
	// attorney general", "the state of New York".
	if stateOffices[next] || next == "'s" && stateOffices[low(m.j+1)] || next == "’s" && stateOffices[low(m.j+1)] ||
		prev == "of" && (low(m.i-2) == "state" || low(m.i-2) == "governor") {
		return true
	}
	// "Representative Peter King of New York", "Senator Patty Murray of
	// Washington": a person (or a title) of the place is its politician.
	if prev == "of" && m.i >= 2 {
		for _, mi := range x.sentMents[m.sent] {
			o := x.ments[mi]
			if o.j == m.i-1 && o.ent >= 0 && (o.kind == kRole || o.kind == kName && x.ents[o.ent].class == schema.Person) {
				return true
			}
		}
	}
	// "California, New York and Texas": a list of states; "Albany, New
	// York": a city and its state. "New York, N.Y." is the city.
	for _, mi := range x.sentMents[m.sent] {
		o := x.ments[mi]
		if o.kind != kName || o.ent < 0 || o.ent == m.ent {
			continue
		}
		c := x.ents[o.ent].class
		switch {
		case o.j == m.i-1 && (prev == "," || prev == "and" || prev == "or") && c == schema.Region && !strings.HasSuffix(o.surface, "."):
			return true
		case o.j == m.i-1 && prev == "," && (c == schema.City || c == schema.Location):
			return true
		case o.i == m.j+1 && (next == "," || next == "and" || next == "or") && c == schema.Region && !strings.HasSuffix(o.surface, "."):
			return true
		}
	}
	return false
}
