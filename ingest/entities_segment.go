// Segmenting a chunk of name tokens into mentions: titles and their
// heads, known names split apart, descriptors, committees.

package ingest

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// roleSpan finds a title inside the chunk: modifiers, a head, and an
// "of/for X" complement. It returns the span or ok=false.
func (x *docState) roleSpan(toks []token, c chunk) (ri, rj int, ok bool) {
	for k := c.i; k < c.j; k++ {
		t := toks[k].Text
		two := ""
		if k+1 < c.j {
			two = t + " " + toks[k+1].Text
		}
		isHead := x.g.roleHeads[t] || (two != "" && x.g.roleHeads[two])
		if !isHead {
			continue
		}
		// "Martin Luther King Jr.", "Billie Jean King": a surname, not a title.
		// But a place's name that is also a given name, before a title and
		// a name, is the place: "Republican Party of Virginia Chairman
		// John Whitbeck", "Georgia Governor Nathan Deal".
		if k > c.i && (x.g.given[toks[k-1].Text] && !x.placeBeforeTitle(toks, c, k) || honorifics[toks[k-1].Text]) || k+1 < c.j && generational[toks[k+1].Text] {
			continue
		}
		// "Erik Prince", "Tom Judge": a title word ending the chunk after
		// a word no table knows, the two one person to the recogniser, is
		// a surname (the given name is missing from the table).
		if k == c.j-1 && k == c.i+1 && toks[k-1].Ent == "B-PER" && toks[k].Ent == "I-PER" && !x.g.roleMods[toks[k-1].Text] && !x.g.roleHeads[toks[k-1].Text] && !allCaps(toks[k-1].Text) {
			if _, known := x.lookup(toks[k-1].Text); !known {
				continue
			}
		}
		// "General Motors", "Justice Department": a head followed by an org
		// head is part of an organisation name, not a title.
		if k+1 < c.j && (x.g.orgHeads[toks[k+1].Text] != "" || toks[k+1].Text == "Motors") {
			continue
		}
		// "King County", "Prince George County": a place head after it.
		if k+1 < c.j && x.g.locHeads[toks[k+1].Text] != "" {
			continue
		}
		// "King Khaled Airport", "President Kennedy Bridge": a building or
		// a road named after a title and a name; no person follows.
		if k+2 < c.j && x.g.locHeads[toks[c.j-1].Text] == schema.Facility {
			continue
		}
		// "International Court of Justice", "Department of Labor": the
		// complement of an organisation's head.
		if k >= c.i+2 && (toks[k-1].Lower == "of" || toks[k-1].Lower == "for") && x.g.orgHeads[toks[k-2].Text] != "" {
			continue
		}
		// "Office of Juvenile Justice", "National Juvenile Justice
		// Prosecution Center": a title word among the words of an
		// organisation's name (its complement, or before its head word
		// at the end) titles nobody.
		if x.insideOrgName(toks, c, k) {
			continue
		}
		ri = k
		for ri > c.i && (x.g.roleMods[toks[ri-1].Text] || x.g.roleHeads[toks[ri-1].Text]) {
			ri--
		}
		rj = k + 1
		if two != "" && x.g.roleHeads[two] {
			rj = k + 2
		}
		for rj < c.j && (titleEnds[toks[rj].Text] || x.g.roleMods[toks[rj].Text] && rj+1 < c.j && x.g.roleHeads[toks[rj+1].Text] && titleEnds[toks[rj+1].Text]) {
			rj++
		}
		// "Deputy National Security Adviser": a rank before a whole title
		// that ends the chunk (no name follows) is one title.
		if rj < c.j-1 && x.g.roleHeads[toks[c.j-1].Text] && titleEnds[toks[c.j-1].Text] && !x.g.given[toks[rj].Text] {
			whole := true
			for n := rj; n < c.j; n++ {
				if _, known := x.lookup(toks[n].Text); known || !upperFirst(toks[n].Text) {
					whole = false
				}
			}
			if whole {
				rj = c.j
			}
		}
		// Complement: "for Syria Engagement", "of State".
		if rj < c.j && (toks[rj].Lower == "for" || toks[rj].Lower == "of") {
			rest := c.j - (rj + 1)
			take := rest
			// Leave a trailing person name alone: "Secretary of State John
			// Kerry"; and a second title before it: "Chief of Staff General
			// John Kelly" is a chief of staff and a general.
			for n := 1; n < rest; n++ {
				// "Secretary of State Clinton": the surname of a person the
				// story named in full before ends the chunk.
				if x.g.given[toks[rj+1+n].Text] || n == rest-1 && x.earlierPerson(toks[rj+1+n].Text) {
					take = n
					break
				}
				if w := toks[rj+1+n].Text; n+1 < rest && x.g.roleHeads[w] && upperFirst(toks[rj+2+n].Text) && x.g.given[toks[rj+2+n].Text] {
					take = n
					break
				}
			}
			if rest >= 3 && take == rest && !x.looksOrg(toks[rj+1:c.j]) {
				take = 1
				if _, ok := x.lookup(joinToks(toks[rj+1 : c.j])); ok {
					take = rest
				}
			}
			rj = rj + 1 + take
		}
		return ri, rj, true
	}
	return 0, 0, false
}

// orgComplement returns the token of "of"/"for" in the title [ri, rj)
// whose complement, up to rj, is an organisation's name of two words or
// more ("of Advanced Biofuels Business Council", "for Volga Group"), or
// -1. Offices named by a field stay whole ("Secretary of State", "Director
// of National Intelligence", "Chief of Staff").
func (x *docState) orgComplement(toks []token, ri, rj int) int {
	for p := ri + 1; p+2 < rj; p++ {
		if w := toks[p].Text; w != "of" && w != "for" {
			continue
		}
		last := toks[rj-1].Text
		if e, ok := x.lookup(joinToks(toks[p+1 : rj])); ok {
			if e.Class.IsA(schema.Organization) {
				return p
			}
			return -1
		}
		if cl := x.g.orgHeads[last]; cl != "" && last != "Staff" && !x.hasRoleHead(toks[p+1:rj]) {
			return p
		}
		return -1
	}
	return -1
}

// headWithComplement reports whether an organisation's head word is
// followed by "of" or "for" and a capitalised word: "Department of
// Agriculture", "Agency for International Development".
func (x *docState) headWithComplement(toks []token) bool {
	for k := 0; k+2 < len(toks); k++ {
		if x.g.orgHeads[toks[k].Text] != "" && (toks[k+1].Text == "of" || toks[k+1].Text == "for") && upperFirst(toks[k+2].Text) {
			return true
		}
	}
	return false
}

func (x *docState) looksOrg(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1].Text
	return x.g.orgHeads[last] != "" || x.g.locHeads[last] != ""
}

// segment turns one chunk into mentions.
func (x *docState) segment(si int, c chunk) {
	toks := x.sents[si].Toks
	// Drop honorifics and a leading "The" from the span but remember them.
	hon := false
	for c.i < c.j && (honorifics[toks[c.i].Text] || toks[c.i].Text == "The" || toks[c.i].Text == "Former") {
		if honorifics[toks[c.i].Text] {
			hon = true
		}
		c.i++
	}
	if c.i >= c.j {
		return
	}
	// "the Super PAC American Bridge", "super PAC Priorities USA": the kind
	// of body before its name is no part of it, and says what it is (a
	// bridge's head word does not make it a facility).
	if c.j-c.i >= 2 && toks[c.i].Text == "PAC" && c.i > 0 && toks[c.i-1].Lower == "super" || c.j-c.i >= 3 && toks[c.i].Text == "Super" && toks[c.i+1].Text == "PAC" {
		k := c.i + 1
		if toks[c.i].Text == "Super" {
			k++
		}
		x.addNamed(si, chunk{k, c.j}, schema.Organization)
		return
	}
	// "Democratic Presidential candidate X": an office's adjective
	// capitalised before a lower-case title is the title's.
	for c.j-c.i >= 2 && c.j < len(toks) && officeAdjectives[toks[c.j-1].Text] && toks[c.j].Text == toks[c.j].Lower {
		c.j--
	}
	text := joinToks(toks[c.i:c.j])
	if e, ok := x.lookupChunk(toks, c, text); ok {
		if x.surnameNotTown(toks, c, e) {
			x.addNamed(si, c, schema.Person)
			return
		}
		x.nameMention(si, c.i, c.j, e, hon)
		return
	}
	// "Virginia House of Delegates", "Supreme Court of Virginia": a
	// chamber's name that "of" continues names a chamber.
	for k := c.i + 1; k+1 < c.j; k++ {
		if toks[k].Text != "of" || !x.chamberName(joinToks(toks[c.i:k])) || x.hasRoleHead(toks[k+1:c.j]) {
			continue
		}
		// Not "House of Representatives Judiciary": a known chamber
		// inside the chunk leaves the words after it to the split rules.
		inner := false
		for m := k + 2; m < c.j; m++ {
			inner = inner || x.known(joinToks(toks[c.i:m]))
		}
		if inner {
			break
		}
		// "Florida House of Representatives and Senate": two chambers.
		for a := k + 2; a+1 < c.j; a++ {
			if toks[a].Text == "and" && x.chamberName(joinToks(toks[a+1:c.j])) {
				x.addNamed(si, chunk{c.i, a}, schema.Government)
				r := x.addNamed(si, chunk{a + 1, c.j}, schema.Government)
				// The second chamber is the same place's: "the Florida
				// Senate", not the U.S. Senate.
				for p := c.i + 1; p < k && p <= c.i+3; p++ {
					if e, ok := x.lookup(joinToks(toks[c.i:p])); ok && e.Class.IsA(schema.Location) {
						x.ments[r].surface = joinToks(toks[c.i:p]) + " " + x.ments[r].surface
						x.ments[r].stripped = x.ments[r].surface
						break
					}
				}
				return
			}
			if toks[a].Text == "and" || toks[a].Text == "&" {
				inner = true
			}
		}
		if !inner {
			x.addNamed(si, c, schema.Government)
			return
		}
	}
	// "Special White House counsel Ty Cobb", "senior White House adviser":
	// a title's modifier before a known organisation belongs to the
	// lower-case title after it, not to the organisation's name.
	if c.j-c.i >= 2 && c.j < len(toks) && titleOnlyMods[toks[c.i].Text] &&
		toks[c.j].Text == toks[c.j].Lower && (x.g.roleNouns[toks[c.j].Text] || x.g.roleHeads[toks[c.j].Text]) {
		if e, ok := x.lookupChunk(toks, chunk{c.i + 1, c.j}, joinToks(toks[c.i+1:c.j])); ok {
			x.nameMention(si, c.i+1, c.j, e, hon)
			return
		}
	}
	// A title inside: [org/country prefix] [role] [person].
	if ri, rj, ok := x.roleSpan(toks, c); ok {
		org := -1
		if ri > c.i {
			oi := c.i
			// "Acting Homeland Security Secretary": the title's modifiers
			// that end a known name ("Homeland Security") are the name's,
			// and a modifier only titles take ("Acting", "Deputy") is the
			// title's, never the organisation's.
			if titleOnlyMods[toks[oi].Text] && ri-oi >= 2 {
				oi++
			}
			// "Republican Senate Finance Committee Chairman X": the party
			// is the chairman's; the committee is the chamber's.
			if ri-oi >= 2 && (toks[oi+1].Text == "Senate" || toks[oi+1].Text == "House" || toks[oi+1].Text == "U.S.") {
				if e, ok := x.lookup(toks[oi].Text); ok && e.Class.IsA(schema.PoliticalParty) {
					x.nameMention(si, oi, oi+1, e, false)
					oi++
				}
			}
		grow:
			for e := rj - 1; e > ri; e-- {
				if x.g.roleHeads[toks[e-1].Text] && !x.g.roleMods[toks[e-1].Text] {
					continue
				}
				if _, ok := x.lookup(joinToks(toks[oi:e])); ok {
					ri = e
					break grow
				}
			}
			// What names a title is an organisation or a place, never a
			// person; a mayor's is a town ("Mesa Mayor John Giles"), a
			// governor's a state or a province.
			hint := schema.Organization
			for k := ri; k < rj; k++ {
				if h, ok := placeOffices[toks[k].Text]; ok {
					hint = h
				}
			}
			// "U.S. Energy Secretary Rick Perry", "U.S. Homeland Security
			// Secretary": a country, a department's words and a secretary's
			// or minister's title name the country's office; the words are
			// the title's (the rules read "Energy Secretary"), not a
			// company "U.S. Energy".
			// A body named by that name ("U.S. Treasury": a government
			// body's head word, or a name the tables know) stays whole.
			oj := ri
			known, isKnown := x.lookup(joinToks(toks[oi:ri]))
			_, isFamily := names.Default().Family(joinToks(toks[oi:ri]))
			if h := toks[rj-1].Lower; (h == "secretary" || h == "minister") && (!isKnown || known.Class == schema.Company) && !isFamily && x.g.orgHeads[toks[ri-1].Text] != schema.Government {
				for k := oi + 1; k < ri; k++ {
					if e, ok := x.lookup(joinToks(toks[oi:k])); ok && e.Class == schema.Country && departments[strings.ToLower(joinToks(toks[k:rj-1]))] {
						oj, ri = k, k
						break
					}
				}
			}
			org = x.segmentHint(si, chunk{oi, oj}, hint)
			// "Housing and Urban Development Secretary X" opening a
			// sentence: the recogniser may leave the department's name
			// unclassed; its title says what it is.
			if org < 0 && hint == schema.Organization {
				for a := oi + 1; a < ri-1; a++ {
					if toks[a].Text == "and" && x.departmentAnd(toks, oi, a, rj) {
						org = x.addNamed(si, chunk{oi, ri}, schema.Organization)
						break
					}
				}
			}
		}
		// "drug wholesaler Cardinal Health Inc": a company's name that
		// opens with a title word is the company's.
		if ri == c.i && rj < c.j && companySuffix[toks[c.j-1].Text] {
			x.addNamed(si, c, schema.Company)
			return
		}
		// "Executive Director of Advanced Biofuels Business Council",
		// "Spokesman for Volga Group": the title's complement is an
		// organisation's name, a node of its own, not part of the title.
		if p := x.orgComplement(toks, ri, rj); p > ri {
			o := x.segmentHint(si, chunk{p + 1, rj}, schema.Organization)
			if org < 0 {
				org = o
			}
			x.addMention(mention{sent: si, i: ri, j: p, kind: kRole, surface: joinToks(toks[ri:p]), class: schema.Role, strength: 3, ent: -1, roleOrg: org})
			if rj < c.j {
				x.segmentPlain(si, chunk{rj, c.j}, true)
			}
			return
		}
		x.addMention(mention{sent: si, i: ri, j: rj, kind: kRole, surface: joinToks(toks[ri:rj]), class: schema.Role, strength: 3, ent: -1, roleOrg: org})
		if rj < c.j {
			pm := x.segmentPlain(si, chunk{rj, c.j}, true)
			// "Queen Elizabeth", "King Salman", "Crown Prince Naruhito": a
			// monarch's or a prince's one name is not told apart by itself
			// (King Salman is not Mohammed bin Salman, whose last word he
			// is); the title is part of the name news gives them. The role
			// stays a fact of its own.
			if pm >= 0 && c.j-rj == 1 && regnalTitles[joinToks(toks[ri:rj])] && x.ments[pm].kind == kName && x.ments[pm].class.IsA(schema.Person) && x.ments[pm].i == rj {
				x.ments[pm].surface = joinToks(toks[ri:c.j])
				x.ments[pm].stripped = x.ments[pm].surface
			}
		}
		return
	}
	// A demonym or country before a name: "Russian President", "US envoy",
	// "American John Smith". Org names keep theirs ("Syrian Democratic Forces").
	if c.j-c.i >= 2 {
		first := toks[c.i].Text
		_, isDem := x.g.demonyms[first]
		// "U.S. Department of Agriculture", "Russian Ministry of Defence":
		// a body's head with its complement is an organisation's name too.
		restOrg := x.looksOrg(toks[c.i+1:c.j]) || x.headWithComplement(toks[c.i+1:c.j])
		if isDem && !restOrg && !x.known(joinToks(toks[c.i:c.j])) {
			x.addMention(mention{sent: si, i: c.i, j: c.i + 1, kind: kDemonym, surface: first, gazName: x.g.demonyms[first], class: x.demonymClass(first), strength: 3, ent: -1, roleOrg: -1})
			x.segmentPlain(si, chunk{c.i + 1, c.j}, hon)
			return
		}
		// A place before an organisation: "Havana Radio Reloj Network",
		// "Beijing XINHUA", "U.S. Immigration and Naturalization Service".
		for k := min(c.j-1, c.i+3); k > c.i; k-- {
			e, ok := x.lookup(joinToks(toks[c.i:k]))
			// A country keeps its organisation's name whole: "Bangladesh
			// Nationalist Party"; a city names where a paper or station is.
			if !ok || !e.Class.IsA(schema.Location) || e.Class == schema.Country {
				continue
			}
			rest := toks[k:c.j]
			// "Los Angeles County Mental Health Department": the place's
			// name goes on with its head word ("Los Angeles County"), and the
			// body is that county's; the whole is one name.
			if len(rest) >= 2 && strongPlaceHead[rest[0].Text] {
				break
			}
			// "Kentucky State Police", "Ohio State Highway Patrol": a U.S.
			// state's "State" body is named with the state; "State Police"
			// alone is no one's.
			if len(rest) >= 2 && rest[0].Text == "State" && x.g.usStates[e.Name] {
				class := x.g.orgHeads[rest[len(rest)-1].Text]
				if class == "" {
					class = schema.Organization
				}
				x.addNamed(si, c, class)
				return
			}
			// "Alabama Supreme Court", "Maine House": a place before a name
			// that is ambiguous on its own says which court or house it is.
			if m, ok := names.Default().Family(joinToks(rest)); ok && m.Ambiguous && m.Class.Top() != schema.Person {
				x.addNamed(si, c, m.Class)
				return
			}
			// "the New York Senate", "the Ohio House": a state's own
			// chamber, not the state and Congress's chamber; but "the
			// Alabama Senate race" is the race for Alabama's seat in Congress.
			if stateChambers[joinToks(rest)] && e.Class.IsA(schema.Location) && !(c.j < len(toks) && seatWords[toks[c.j].Lower]) {
				x.addNamed(si, c, schema.Government)
				return
			}
			_, restKnown := x.lookup(joinToks(rest))
			// "San Diego County", "Michigan State": a head word alone is part of the place's name.
			restOrgName := false
			for _, r := range rest {
				if x.g.orgHeads[r.Text] != "" && x.g.locHeads[r.Text] == "" || allCaps(r.Text) && len(r.Text) > 1 {
					restOrgName = len(rest) >= 2
				}
			}
			if restOrgName || restKnown || allCaps(joinToks(rest)) && len(joinToks(rest)) > 1 {
				loc := x.nameMention(si, c.i, k, e, false)
				org := x.segmentHint(si, chunk{k, c.j}, schema.Organization)
				if org >= 0 && loc >= 0 {
					x.locOrg = append(x.locOrg, [2]int{loc, org})
				}
				return
			}
			break
		}
	}
	x.segmentPlain(si, c, hon)
}

// placeOffices are titles whose holder leads a place, with the class of
// the place a name before them has when no table knows it.
var placeOffices = map[string]schema.Class{"Mayor": schema.City, "Governor": schema.Region, "Gov.": schema.Region}

// officeAdjectives describe an office, not an organisation.
var officeAdjectives = map[string]bool{"Presidential": true, "Gubernatorial": true, "Mayoral": true, "Vice-Presidential": true}

// addNamed adds the chunk as one name of a class the caller knows.
func (x *docState) addNamed(si int, c chunk, class schema.Class) int {
	m := mention{sent: si, i: c.i, j: c.j, kind: kName, surface: joinToks(x.sents[si].Toks[c.i:c.j]), class: class, strength: 3, ent: -1, roleOrg: -1}
	x.extendDescriptor(&m)
	return x.addMention(m)
}

func (x *docState) nameMention(si, i, j int, e gazEntry, hon bool) int {
	toks := x.sents[si].Toks
	m := mention{sent: si, i: i, j: j, kind: kName, surface: joinToks(toks[i:j]), gazName: e.Name, class: e.Class, strength: 4, ent: -1, roleOrg: -1}
	x.extendDescriptor(&m)
	return x.addMention(m)
}

// segmentHint adds a chunk whose class the context decides unless a
// gazetteer or a head word knows better.
func (x *docState) segmentHint(si int, c chunk, hint schema.Class) int {
	mi := x.segmentPlain(si, c, false)
	if mi >= 0 && x.ments[mi].strength < 3 && x.ments[mi].kind == kName {
		x.ments[mi].class, x.ments[mi].strength = hint, 2
	}
	return mi
}

// segmentPlain adds the chunk as one name mention and classifies it.
func (x *docState) segmentPlain(si int, c chunk, person bool) int {
	toks := x.sents[si].Toks
	if c.i >= c.j {
		return -1
	}
	text := joinToks(toks[c.i:c.j])
	if e, ok := x.lookupChunk(toks, c, text); ok {
		return x.nameMention(si, c.i, c.j, e, false)
	}
	if name, ok := x.committeeName(toks, c); ok {
		return x.addMention(mention{sent: si, i: c.i, j: c.j, kind: kName, surface: text, stripped: name, class: x.g.orgHeads["Committee"], strength: 3, ent: -1, roleOrg: -1})
	}
	if mi, ok := x.splitKnown(si, c); ok {
		return mi
	}
	if mi, ok := x.splitName(si, c, person); ok {
		return mi
	}
	if languages[text] && c.i > 0 && toks[c.i-1].Lower == "in" {
		return -1 // "in English": a language, not the country
	}
	// "South Korean", "Puerto Rican": a demonym of two words points to its
	// place as one of one word does.
	if _, ok := x.g.demonyms[text]; ok && c.j-c.i <= 2 {
		return x.addMention(mention{sent: si, i: c.i, j: c.j, kind: kDemonym, surface: text, gazName: x.g.demonyms[text], class: x.demonymClass(text), strength: 3, ent: -1, roleOrg: -1})
	}
	if c.j-c.i == 1 && (toks[c.i].Tag == "JJ" || adjectival(toks, c.i)) && !(c.j < len(toks) && descriptors[toks[c.j].Text].class != "") {
		// "Kurdish areas": an adjective, not a name.
		return -1
	}
	// Laws, programmes, holidays and taxes are named too ("Affordable Care
	// Act", "Obamacare", "Christmas", "the alternative minimum tax (AMT)"),
	// but are no person, organisation or place: no entity of ours.
	if x.miscName(toks, c) {
		return -1
	}
	m := mention{sent: si, i: c.i, j: c.j, kind: kName, surface: text, ent: -1, roleOrg: -1}
	m.class, m.strength = x.classify(si, toks, c, person)
	if m.class == "" {
		if c.j >= len(toks) || descriptors[toks[c.j].Text].class == "" {
			return -1
		}
		// "the Valdorian army": a MISC modifier names the body its
		// descriptor makes of it.
		m.class = schema.Organization
	}
	x.extendDescriptor(&m)
	return x.addMention(m)
}

// extendDescriptor takes in a lower-case descriptor after the name
// ("al-Hol camp", "Idlib province") or before it ("the province of Idlib").
func (x *docState) extendDescriptor(m *mention) {
	toks := x.sents[m.sent].Toks
	// "the Trump campaign", "a Clinton campaign adviser": a person's
	// election campaign is an organisation of its own, which people join
	// and work for; the person is not that organisation. A place's campaign
	// ("the Mosul campaign") is a war's, a party's ("the Republican
	// campaign to repeal …") the party's effort: no body of their own. A
	// weak guess counts as the person's ("Trump campaign adviser" reads
	// like "Edison spokesman").
	if m.j < len(toks) && toks[m.j].Text == "campaign" && m.j-m.i <= 3 && (m.class.IsA(schema.Person) || m.strength < 3 && m.class == schema.Organization) &&
		!(m.j+1 < len(toks) && (toks[m.j+1].Lower == "of" || toks[m.j+1].Lower == "against")) {
		m.stripped = m.surface + " campaign"
		m.surface = m.stripped
		m.class, m.strength, m.gazName = schema.Organization, 4, ""
		m.j++
		return
	}
	// "the House tax committee", "the Senate intelligence committee": a
	// chamber's committee named by its field in lower case is a body of
	// its own, which its chairman leads; the chamber is not that body.
	if k := x.chamberCommitteeEnd(toks, m); k > 0 {
		m.surface = joinToks(toks[m.i:k])
		m.stripped = m.surface
		m.class, m.strength, m.gazName = schema.Organization, 4, ""
		m.j = k
		return
	}
	if m.j < len(toks) {
		w := toks[m.j].Text
		if d, ok := descriptors[w]; ok && !(m.j+1 < len(toks) && toks[m.j+1].Lower == "of") {
			if m.strength < 4 || m.class.Top() == d.class.Top() || m.class == schema.Location && d.class.IsA(schema.Location) {
				if m.strength < 4 || d.class.IsA(m.class) || m.class == schema.Country && d.class == schema.Government {
					if m.class == schema.Country && d.class == schema.Government {
						// "Syrian government": a government of the country.
						m.gazName = ""
					}
					m.class, m.strength = d.class, 4
				}
				full := m.surface + " " + w
				if d.strip {
					m.stripped = m.surface
				} else {
					if w != "administration" {
						m.bare = m.surface // "Trump" alone is the man, not his administration
					}
					m.stripped = full
					if m.gazName != "" && d.class == schema.Government && m.class != schema.Government {
						m.gazName = "" // "Taliban government" is not the Taliban
					}
				}
				m.surface = full
				m.j++
				return
			}
		}
	}
	if m.i >= 2 && toks[m.i-1].Lower == "of" {
		if d, ok := placeNouns[toks[m.i-2].Lower]; ok && (m.strength < 4 || m.class.IsA(schema.Location)) && !m.class.IsA(schema.Country) {
			if toks[m.i-2].Lower != "capital" && toks[m.i-2].Lower != "country" {
				m.class, m.strength = d, 4
			}
		}
	}
}

// titleEnds are words a title can continue with to the right: "Prime
// Minister", "Attorney General", "Chief Executive Officer".
var titleEnds = map[string]bool{"General": true, "Minister": true, "Secretary": true, "President": true, "Director": true,
	"Officer": true, "Commander": true, "Chief": true, "Coordinator": true, "Representative": true, "Envoy": true,
	"Spokesman": true, "Spokeswoman": true, "Adviser": true, "Advisor": true, "Executive": true, "Ambassador": true}

// splitKnown cuts a chunk that is a run of known names and nothing else
// into those names: "U.S. Senate Republican [leader]" is the Senate and
// the party, "Texas Republican" a state and a party. The longest known
// name is taken first; a chunk with any unknown word is left alone, and
// one known whole never reaches here. It returns the last mention.
func (x *docState) splitKnown(si int, c chunk) (int, bool) {
	toks := x.sents[si].Toks
	if x.known(joinToks(toks[c.i:c.j])) {
		return -1, false // "U.S. Supreme Court" is one name of the names tables
	}
	type piece struct {
		i, j  int
		e     gazEntry
		class schema.Class
	}
	var ps []piece
	for k := c.i; k < c.j; {
		found := false
		for n := c.j - k; n >= 1 && !found; n-- {
			if k == c.i && n == c.j-c.i {
				continue
			}
			s := joinToks(toks[k : k+n])
			if e, ok := x.lookup(s); ok {
				ps, found = append(ps, piece{k, k + n, e, e.Class}), true
			} else if m, ok := names.Default().Family(s); ok && m.Class.Top() != schema.Person {
				ps, found = append(ps, piece{k, k + n, gazEntry{}, m.Class}), true
			}
		}
		if !found {
			return -1, false
		}
		k = ps[len(ps)-1].j
	}
	last := -1
	for _, p := range ps {
		if p.e.Name != "" {
			last = x.nameMention(si, p.i, p.j, p.e, false)
		} else {
			last = x.addNamed(si, chunk{p.i, p.j}, p.class)
		}
	}
	return last, true
}

// stateChambers name a legislature's chamber after a state's name.
var stateChambers = map[string]bool{"Senate": true, "House": true, "Assembly": true, "State Senate": true,
	"State Assembly": true, "House of Representatives": true, "House of Delegates": true, "Legislature": true}

// seatWords after "<State> Senate" make it the state's seat in Congress.
var seatWords = map[string]bool{"race": true, "seat": true, "seats": true, "election": true, "elections": true, "candidate": true,
	"candidates": true, "contest": true, "campaign": true, "primary": true, "nominee": true, "runoff": true, "delegation": true, "special": true, "vote": true}

func (x *docState) hasRoleHead(toks []token) bool {
	for _, t := range toks {
		if x.g.roleHeads[t.Text] {
			return true
		}
	}
	return false
}

// genericHeads are head words that, alone, name no entity of their own
// ("Union" does: the Union of the Civil War, the European Union's short
// name); "Commerce" and "Nation" are the tails of longer names split off
// ("Chamber of Commerce", "Face the Nation").
var genericHeads = map[string]bool{"Committee": true, "Subcommittee": true, "Cabinet": true, "Department": true,
	"Ministry": true, "Commission": true, "Council": true, "Chamber": true, "Agency": true,
	"Bureau": true, "Board": true, "Association": true, "Foundation": true, "Institute": true, "Center": true,
	"TV": true, "Commerce": true, "Nation": true}

// titleOnlyMods modify titles and never open an organisation's name
// ("National", "Federal", "Supreme" do: "National Security Council").
var titleOnlyMods = map[string]bool{"Special": true, "Senior": true, "Deputy": true, "Acting": true, "Assistant": true,
	"Associate": true, "Former": true, "Interim": true, "Top": true, "Principal": true}

// bodyHeads are the heads of deliberative bodies and institutes, whose
// names go on with "on" and their subject.
var bodyHeads = map[string]bool{"Committee": true, "Subcommittee": true, "Commission": true, "Council": true,
	// "Project on Government Oversight", "Center on Budget and Policy Priorities"
	"Project": true, "Center": true, "Centre": true, "Institute": true, "Foundation": true, "Conference": true}

// committeeAnd reports whether the "and" at token j joins the words of one
// committee subject (committeesData) inside the run of name tokens that
// starts at i: "House Ways and Means", "Energy and Commerce Committee".
func (x *docState) committeeAnd(toks []token, i, j int) bool {
	for p := max(i, j-x.g.commAnd); p < j; p++ {
		for q := j + 2; q <= len(toks) && q-p <= x.g.commAnd; q++ {
			if x.g.committee[joinToks(toks[p:q])] {
				return true
			}
		}
	}
	return false
}

// committeePrefix are the words that may say whose committee a subject
// names: "U.S. House", "Senate", "House of Representatives".
var committeePrefix = map[string]bool{"House": true, "Senate": true, "U.S.": true, "US": true, "of": true, "Representatives": true}

// committeeName reads a chunk as a legislative committee named by its
// subject: [chamber] subject [Committee], where the chamber, the head
// word or a lower-case "committee" after the chunk says it is one ("House
// Ways and Means Chairman …", "the tax-writing Ways and Means committee").
// It returns the committee's name with its head word, so that every form
// is one node: "House Ways and Means" → "House Ways and Means Committee".
func (x *docState) committeeName(toks []token, c chunk) (string, bool) {
	j := c.j
	head := ""
	if j-c.i >= 2 && (toks[j-1].Text == "Committee" || toks[j-1].Text == "Subcommittee") {
		head = toks[j-1].Text
		j--
	}
	for p := c.i; p < j; p++ {
		if !x.g.committee[joinToks(toks[p:j])] {
			continue
		}
		chamber := false
		for _, t := range toks[c.i:p] {
			if !committeePrefix[t.Text] {
				return "", false
			}
			chamber = chamber || t.Text == "House" || t.Text == "Senate"
		}
		// "the House Ways and Means trade subcommittee": the committee's.
		lower := false
		for k := c.j; k < len(toks) && k < c.j+3 && toks[k].Text == toks[k].Lower; k++ {
			if toks[k].Lower == "committee" || toks[k].Lower == "subcommittee" || toks[k].Lower == "panel" {
				lower = true
				break
			}
		}
		switch {
		case head == "Subcommittee":
			return joinToks(toks[c.i:c.j]), true
		case head != "" || chamber || lower:
			return joinToks(toks[c.i:j]) + " Committee", true
		}
		return "", false
	}
	return "", false
}

// demonymClass is the class of the place a demonym points to: a country's
// mostly, a territory's or region's for "Puerto Rican" or "Kurdish".
func (x *docState) demonymClass(demonym string) schema.Class {
	if e, ok := x.lookup(x.g.demonyms[demonym]); ok && e.Class.IsA(schema.Location) {
		return e.Class
	}
	return schema.Country
}

// insideOrgName reports whether the title word at k is one of the words
// of an organisation's name: the chunk ends in an organisation's head word
// ("... Justice Prosecution Center"), or capitalised words after "of" or
// "for" and an organisation's head lead to it ("Office of Juvenile Justice").
func (x *docState) insideOrgName(toks []token, c chunk, k int) bool {
	if k+1 < c.j && x.g.orgHeads[toks[c.j-1].Text] != "" && !x.g.roleHeads[toks[c.j-1].Text] {
		// ("Executive Director of Advanced Biofuels Business Council"
		// is a title and its complement.)
		inside := true
		for m := k + 1; m < c.j; m++ {
			inside = inside && upperFirst(toks[m].Text)
		}
		if inside {
			return true
		}
	}
	if k+1 < c.j && toks[k+1].Lower != "and" && toks[k+1].Text != "&" {
		return false // "School of Law Professor Daniel Shaviro": a name follows the title
	}
	for m := k - 1; m > c.i; m-- {
		switch {
		case toks[m].Lower == "of" || toks[m].Lower == "for":
			return x.g.orgHeads[toks[m-1].Text] != ""
		case !upperFirst(toks[m].Text) || x.g.roleHeads[toks[m].Text]:
			return false
		}
	}
	return false
}

// placeBeforeTitle reports whether the word before the title's head at k
// is a place the tables know and a given name follows the head: the place
// names whose office it is, however many people bear its name.
func (x *docState) placeBeforeTitle(toks []token, c chunk, k int) bool {
	e, ok := x.lookup(toks[k-1].Text)
	return ok && e.Class.IsA(schema.Location) && k+2 < c.j && x.g.given[toks[k+1].Text]
}

// townPrepositions put the word after them in a place: "in Jackson",
// "the mayor of Dayton".
var townPrepositions = map[string]bool{"in": true, "at": true, "from": true, "to": true, "near": true, "of": true,
	"across": true, "outside": true, "into": true, "toward": true, "towards": true, "around": true, "via": true,
	"the": true, "downtown": true, "suburban": true}

// surnameNotTown reports whether a one-word town or state of the
// gazetteer is the surname of a person the document named in full before
// ("Judge Amy Berman Jackson … Jackson said", "Governor Mark Dayton …
// Dayton told"): towns are named after people, and a story that names a
// person by the full name goes on with the surname alone. The town keeps
// its word after a place's preposition or an article ("in Jackson", "the
// Dayton area") and before its state ("Jackson, Mississippi"); countries
// and capitals always keep it ("Washington said" is the government's).
func (x *docState) surnameNotTown(toks []token, c chunk, e gazEntry) bool {
	if c.j-c.i != 1 || !e.Class.IsA(schema.Location) || e.Class.IsA(schema.Country) {
		return false
	}
	w := toks[c.i].Text
	if _, capital := x.g.capitals[e.Name]; capital || allCaps(w) || !x.earlierPerson(w) {
		return false
	}
	if c.i > 0 && townPrepositions[toks[c.i-1].Lower] {
		return false
	}
	if c.j < len(toks) {
		next := toks[c.j]
		if next.Text == "," {
			if p, ok := x.lookupAt(toks, c.j+1); ok && p.Class.IsA(schema.Location) {
				return false // "Jackson, Mississippi"
			}
			return true
		}
		// A verb, a possessive, the end of a clause: "Jackson said",
		// "Jackson's ruling", "… ,” Jackson added."
		return strings.HasPrefix(next.Tag, "VB") || next.Tag == "MD" || next.Lower == "'s" || next.Lower == "’s" ||
			next.Text == "." || next.Text == ")" || speechVerbs[next.Lower]
	}
	return true
}

// chamberCommitteeEnd returns the end of "House tax committee" when the
// mention is a chamber ("House", "Senate", "U.S. House") that one or two
// lower-case words of a field and "committee" follow, else 0. No field
// ("the House committee") is no name: one story's committee is not
// another's.
func (x *docState) chamberCommitteeEnd(toks []token, m *mention) int {
	last := toks[m.j-1].Text
	if last != "House" && last != "Senate" || m.j-m.i > 2 {
		return 0
	}
	for k := m.j; k < len(toks) && k <= m.j+2; k++ {
		w := toks[k].Text
		if (w == "committee" || w == "subcommittee") && k > m.j {
			// "the Senate tax committee of …" names another; "the Senate
			// health committee head" is a title, which the title rules read.
			if k+1 < len(toks) && (toks[k+1].Lower == "of" || toks[k+1].Text == toks[k+1].Lower && x.g.roleNouns[toks[k+1].Lower]) {
				return 0
			}
			return k + 1
		}
		if w != toks[k].Lower || !unicode.IsLetter(rune(w[0])) || toks[k].Tag != "NN" && toks[k].Tag != "JJ" && toks[k].Tag != "NNS" && !strings.Contains(w, "-") {
			return 0
		}
	}
	return 0
}
