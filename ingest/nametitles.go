package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// Words news writes before a person's name that are not part of it: a
// place ("Virginia Democrat X"), a party ("Republican X", "Senate
// Republican X"), a title the name patterns did not find ("Senators X",
// "Deputy Attorney General X"), or a sentence-opening adjective ("Poor
// X"). The titles and parties are names.Default's tables, the places this
// package's gazetteer.

// prefixItem is one word group stripped from before a name.
type prefixItem struct {
	i, j int
	kind byte // 'p' place, 'a' party, 'o' organisation, 't' title
}

// splitName is what segmentPlain tries before it makes a chunk one name:
// a group is no person, and a person's name drops the words before it.
func (x *docState) splitName(si int, c chunk, person bool) (int, bool) {
	if mi, ok := x.splitGroup(si, c); ok {
		return mi, true
	}
	return x.splitTitles(si, c, person)
}

// splitTitles splits a chunk that would become one name into the place,
// party and title words before a person's name and the name itself, and
// adds their mentions. It returns the person's mention, or ok=false when
// the chunk does not open with such words or what is left is no person,
// so that the chunk stays whole ("Republican National Committee",
// "Democratic Party").
func (x *docState) splitTitles(si int, c chunk, person bool) (int, bool) {
	toks := x.sents[si].Toks
	if c.j-c.i < 2 {
		return -1, false
	}
	if c.i == 0 || toks[c.i-1].Text == "“" || toks[c.i-1].Text == "\"" {
		// "Poor X and Y relegated to props": an adjective opening a
		// sentence is not a given name.
		if w := toks[c.i]; w.Tag == "JJ" && !x.g.given[w.Text] && (c.j-c.i == 2 || x.earlierPerson(toks[c.j-1].Text)) {
			if _, ok := x.lookup(w.Text); !ok && !isAffiliation(w.Text) {
				if _, title := names.Default().IsTitle(w.Text); !title {
					return x.segmentPlain(si, chunk{c.i + 1, c.j}, person), true
				}
			}
		}
	}
	items := x.prefixItems(toks, c)
	if len(items) == 0 {
		return -1, false
	}
	rest := chunk{items[len(items)-1].j, c.j}
	titled, plural, party := false, false, false
	for _, it := range items {
		titled = titled || it.kind == 't'
		plural = plural || it.kind == 't' && x.singularTitle(joinToks(toks[it.i:it.j])) != joinToks(toks[it.i:it.j])
		party = party || it.kind == 'a'
	}
	if plural && rest.j-rest.i == 1 {
		// "House of Representatives Judiciary and Oversight committees":
		// a plural title before one word names no one.
		return -1, true
	}
	if m, ok := names.Default().Family(joinToks(toks[rest.i:rest.j])); ok && party && !titled && m.Class.Top() != schema.Person {
		// "Republican House members", "Democratic Senate": the party
		// and the chamber, no one's name.
		for _, it := range items {
			x.segmentHint(si, chunk{it.i, it.j}, schema.Organization)
		}
		return x.addNamed(si, rest, m.Class), true
	}
	if party && !titled && !person {
		// "Virginia Democrat Shelly Simonds": when the whole is a person's
		// shape, so is the name after the party.
		cl, _ := x.classify(si, toks, c, false)
		person = cl.IsA(schema.Person) && rest.j-rest.i >= 2
	}
	if !x.personRest(si, toks, rest, titled || person) {
		return -1, false
	}
	prev := -1 // the mention of the item before, naming a title
	for n, it := range items {
		switch it.kind {
		case 't':
			surface := x.singularTitle(joinToks(toks[it.i:it.j]))
			if n == 0 && it.i == c.i {
				// "Deputy" found by the name patterns, "Attorney General" here:
				// one title.
				// A title closed by its complement ("Chief of Staff") is
				// whole: the title after it is a second one ("General").
				if r := x.roleEndingAt(si, it.i); r >= 0 && !complementTitle(x.ments[r].surface) {
					x.ments[r].j = it.j
					x.ments[r].surface = joinToks(toks[x.ments[r].i:it.j])
					prev = -1
					continue
				}
			}
			x.addMention(mention{sent: si, i: it.i, j: it.j, kind: kRole, surface: surface, class: schema.Role, strength: 3, ent: -1, roleOrg: prev})
			prev = -1
		case 'p':
			e, _ := x.lookup(joinToks(toks[it.i:it.j]))
			prev = x.nameMention(si, it.i, it.j, e, false)
		default:
			prev = x.segmentHint(si, chunk{it.i, it.j}, schema.Organization)
		}
	}
	return x.segmentPlain(si, rest, true), true
}

// prefixItems finds the places, parties, organisations and titles at the
// start of a chunk, leaving at least one word. A place or organisation
// counts only when a party or title follows it ("Virginia Democrat X",
// "Senate Republican X", not "Virginia Beach").
func (x *docState) prefixItems(toks []token, c chunk) []prefixItem {
	var items []prefixItem
	t := names.Default()
	k := c.i
	for k < c.j-1 {
		var it prefixItem
		if ri, rj, ok := x.roleSpan(toks, chunk{k, c.j}); ok && ri == k && rj < c.j {
			it = prefixItem{k, rj, 't'}
		}
		for n := min(4, c.j-1-k); n >= 1 && it.kind == 0; n-- {
			text := joinToks(toks[k : k+n])
			if _, ok := t.IsTitle(text); ok || n == 1 && x.singularTitle(text) != text {
				it = prefixItem{k, k + n, 't'}
			} else if e, ok := x.lookup(text); ok && e.Class.IsA(schema.Location) {
				it = prefixItem{k, k + n, 'p'}
			} else if m, ok := t.Family(text); ok && m.Kind == names.KindParty {
				it = prefixItem{k, k + n, 'a'}
			} else if ok && m.Kind != names.KindCountry {
				it = prefixItem{k, k + n, 'o'}
			}
		}
		if it.kind == 0 {
			break
		}
		items = append(items, it)
		k = it.j
	}
	// A known place or organisation right before a full personal name
	// ("Ambassador to the United Nations Nikki Haley", "ambassador to
	// China Jorge Guajardo"): the title that owned it stands before it, out
	// of the chunk, and the name after it opens with a given name.
	if n := len(items); n > 0 && (items[n-1].kind == 'p' || items[n-1].kind == 'o') && x.personAfterPrefix(toks, chunk{items[n-1].j, c.j}) {
		return items
	}
	for len(items) > 0 && (items[len(items)-1].kind == 'p' || items[len(items)-1].kind == 'o') {
		items = items[:len(items)-1]
	}
	return items
}

// personAfterPrefix reports whether the words after a known place or
// organisation are a person's full name of two or three words opening with
// a listed given name that is no family name written first ("Nikki Haley",
// not "Kim Jong Un" after "North Korea" nor "Washington Irving"'s one word).
func (x *docState) personAfterPrefix(toks []token, c chunk) bool {
	if n := c.j - c.i; n < 2 || n > 3 || !names.Default().GivenOnly(toks[c.i].Text) {
		return false
	}
	for k := c.i; k < c.j; k++ {
		if x.g.orgHeads[toks[k].Text] != "" || x.g.locHeads[toks[k].Text] != "" || x.g.roleHeads[toks[k].Text] || allCaps(toks[k].Text) {
			return false
		}
		if _, ok := x.lookup(toks[k].Text); ok && k == c.i {
			return false // "Virginia Beach"'s "Virginia", "Jordan Valley"
		}
	}
	return names.Default().PlausibleFullName(joinToks(toks[c.i:c.j]))
}

// personRest reports whether the words left after the prefixes name one
// person: not a known organisation or place, not a group ("House
// Republicans"), and shaped or used like a person's name.
func (x *docState) personRest(si int, toks []token, c chunk, titled bool) bool {
	if c.i >= c.j || !upperFirst(toks[c.i].Text) {
		return false
	}
	text := joinToks(toks[c.i:c.j])
	if e, ok := x.lookupChunk(toks, c, text); ok && !e.Class.IsA(schema.Person) {
		return false
	}
	if m, ok := names.Default().Family(text); ok && m.Class.Top() != schema.Person {
		return false // "Republican House members": the House
	}
	last := toks[c.j-1].Text
	if x.looksOrg(toks[c.i:c.j]) || x.g.orgHeads[strings.TrimSuffix(last, "s")] != "" || groupWord(last) {
		return false
	}
	if c.j-c.i > 4 {
		return false
	}
	for k := c.i; k < c.j; k++ {
		if x.g.orgHeads[toks[k].Text] != "" {
			return false // "Major League Baseball"
		}
	}
	if allCaps(text) {
		return false // "CHIEF INVESTMENT OFFICER": a wire's caption
	}
	if titled {
		return true
	}
	for k := c.i; k < c.j; k++ {
		if !strings.HasPrefix(toks[k].Tag, "NNP") {
			return false // "Republican Tax Cuts": common nouns
		}
	}
	if c.j-c.i == 1 {
		// "the Republican McConnell": a surname the document gave in full.
		return x.earlierPerson(text) || nerLabel(toks, c) == "PER"
	}
	return x.g.given[toks[c.i].Text] || names.Default().PlausibleFullName(text) || nerLabel(toks, c) == "PER"
}

// earlierPerson reports whether a person whose full name ends in the word
// was named before.
func (x *docState) earlierPerson(word string) bool {
	for _, m := range x.ments {
		if m.kind == kName && m.class.IsA(schema.Person) && strings.HasSuffix(m.surface, " "+word) {
			return true
		}
	}
	return false
}

// splitGroup keeps a plural group out of the people: "House Republicans",
// "Senators", "Democratic Senators"; and a member named by a place and a
// party only ("a Georgia Democrat"). A party word becomes the party's
// mention, a known chamber or place its own; the rest is no entity.
func (x *docState) splitGroup(si int, c chunk) (int, bool) {
	toks := x.sents[si].Toks
	member := c.j-c.i >= 2 && isAffiliation(toks[c.j-1].Text) && !groupWord(toks[c.j-1].Text)
	if !groupWord(toks[c.j-1].Text) && !member {
		return -1, false
	}
	if _, ok := names.Default().Family(joinToks(toks[c.i:c.j])); ok {
		return -1, false // "Liberal Democrats", "Social Democrats": a party's own name
	}
	// Every word must be known: "House Republicans" is the party's
	// members in the House; "Top U.S. Republicans", "Christian Democrats"
	// are no entity we can name.
	t := names.Default()
	for k := c.i; k < c.j; k++ {
		w := toks[k].Text
		_, title := t.IsTitle(w)
		_, fam := t.Family(w)
		e, gaz := x.lookup(w)
		if !title && !fam && !(gaz && !e.Class.IsA(schema.Person)) {
			return -1, true
		}
	}
	if member {
		// "a House Republican said": one member, not named; neither a
		// person called "House Republican" nor the party speaking.
		return -1, true
	}
	last := -1
	for k := c.i; k < c.j; k++ {
		w := toks[k].Text
		switch {
		case isAffiliation(w):
			last = x.segmentHint(si, chunk{k, k + 1}, schema.Organization)
		case groupWord(w):
			// a plural title: members, not one person
		default:
			if _, title := t.IsTitle(w); !title {
				last = x.segmentHint(si, chunk{k, k + 1}, schema.Organization)
			}
		}
	}
	return last, true
}

// groupWord: a plural party word or title names a group, never a person
// ("Republicans", "Democrats", "Senators", "Lawmakers").
func groupWord(w string) bool {
	if !strings.HasSuffix(w, "s") || len(w) < 4 {
		return false
	}
	t := names.Default()
	if m, ok := t.Family(w); ok && m.Kind == names.KindParty {
		return true
	}
	_, title := t.IsTitle(w)
	_, one := t.IsTitle(strings.TrimSuffix(w, "s"))
	return title && one
}

// isAffiliation: a one-word party name ("Democrat", "Republicans", "GOP").
func isAffiliation(w string) bool {
	m, ok := names.Default().Family(w)
	return ok && m.Kind == names.KindParty
}

// singularTitle: "Senators" before one name is that person's "Senator".
func (x *docState) singularTitle(s string) string {
	if one := strings.TrimSuffix(s, "s"); one != s {
		if _, ok := names.Default().IsTitle(one); ok || x.g.roleHeads[one] {
			return one
		}
	}
	return s
}

// roleEndingAt is the title mention of the sentence ending at token j.
func (x *docState) roleEndingAt(si, j int) int {
	for _, mi := range x.sentMents[si] {
		if x.ments[mi].j == j && x.ments[mi].kind == kRole {
			return mi
		}
	}
	return -1
}

// partyNameRules: "Democrat Doug Jones", "Senate Republican John Cornyn":
// the party word written with a person's name is the party the person
// belongs to.
func (v *view) partyNameRules() {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kName || m.j-m.i != 1 || !v.isA(mi, schema.PoliticalParty) || !isAffiliation(m.surface) {
			continue
		}
		if p := v.start[m.j]; p >= 0 && v.m(p).kind == kName && v.isA(p, schema.Person) {
			v.emit(p, "member_of", mi, "party-name", m.i, v.m(p).j, nil)
		}
	}
}

// complementTitle reports whether a title has an "of" or "for" complement
// ("Chief of Staff", "Secretary of State"): such a title is complete.
func complementTitle(s string) bool {
	return strings.Contains(s, " of ") || strings.Contains(s, " for ")
}
