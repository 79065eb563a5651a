package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// placeHeadNouns after a name make it a place: "the Nsukka campus".
var placeHeadNouns = map[string]bool{"campus": true, "area": true, "suburb": true, "district": true,
	"neighborhood": true, "neighbourhood": true, "county": true, "counties": true, "township": true,
	"parish": true, "parishes": true, "winds": true, "coast": true, "valley": true, "home": true, "residents": true}

// killWords are verbs and nouns whose victim is a person: a name right
// after them ("killed Lincoln", "the assassination of Kennedy") is a
// person even when a gazetteer knows a city of that name.
var killWords = map[string]bool{
	"killed": true, "assassinated": true, "murdered": true, "shot": true, "slain": true, "slew": true,
	"killing": true, "assassinating": true, "murdering": true, "shooting": true, "stabbed": true,
	"kill": true, "assassinate": true, "murder": true, "strangled": true, "wounding": true, "wounded": true,
}

var killNouns = map[string]bool{
	"assassination": true, "murder": true, "slaying": true, "killing": true, "assassin": true,
	"killer": true, "murderer": true, "shooting": true, "execution": true,
}

// corporateRoles belong to organisations, never to a person's entourage.
var corporateRoles = map[string]bool{"chief executive": true, "chairman": true, "president": true, "director": true,
	"employee": true, "employees": true, "executive": true, "manager": true, "vice president": true, "board": true,
	"shareholders": true, "subsidiary": true, "headquarters": true, "chief": true, "treasurer": true,
	"economist": true, "analyst": true, "engineer": true, "scientist": true, "researcher": true, "trader": true,
	// what only a business has: "Minox's woes" are not, "Minox's shares" are
	"shares": true, "stock": true, "profit": true, "profits": true, "earnings": true, "revenue": true, "revenues": true,
	"sales": true, "stake": true, "unit": true, "units": true, "plant": true, "plants": true, "factory": true, "customers": true,
	"products": true, "bylaws": true, "takeover": true, "merger": true, "spokesman": true, "spokeswoman": true, "workers": true}

// homeWords after a name make it a place: "a Memphis native", "her
// Germantown home", "a Minnesota born artist".
var homeWords = map[string]bool{"native": true, "natives": true, "resident": true, "residents": true, "born": true, "hometown": true}

// territoryVerbs take a place as their object.
var territoryVerbs = map[string]bool{"seized": true, "seize": true, "overran": true, "overrun": true, "occupied": true,
	"occupy": true, "recaptured": true, "retook": true, "besieged": true, "shelled": true, "bombarded": true, "liberated": true}

var compassWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "outskirts": true, "suburbs": true}

// retype revises the class of names whose context is stronger than a
// weak guess or a gazetteer homonym. It runs once the sentence's mentions
// are known, before resolution, so every rule sees the revised class.
func (x *docState) retype(si int) {
	toks := x.sents[si].Toks
	low := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].Lower
	}
	ms := x.sentMents[si]
	for n, mi := range ms {
		m := &x.ments[mi]
		if m.kind != kName {
			continue
		}
		// A victim: "killed President Lincoln", "Lincoln's assassin",
		// "the Kennedy assassination". Cities that are surnames are
		// common (Lincoln, Houston, Jackson), countries never are.
		if m.class.IsA(schema.Location) && !m.class.IsA(schema.Country) && !m.class.IsA(schema.Region) && m.j-m.i <= 3 {
			i := m.i
			if n > 0 {
				if r := x.ments[ms[n-1]]; r.kind == kRole && r.j == m.i && r.roleOrg < 0 {
					i = r.i // "killed President Lincoln"
				}
			}
			victim := killWords[low(i-1)] ||
				low(i-1) == "of" && killNouns[low(i-2)] ||
				low(m.j) == "'s" && killNouns[low(m.j+1)] ||
				(low(m.j) == "slaying" || low(m.j) == "assassination") && low(i-1) == "the"
			// Without a title only a town that is not a capital: "killing
			// Lincoln" is the president, "shelled and killed Damascus" is not
			// a person.
			_, capital := x.g.capitals[m.gazName]
			// "murdering Tucson newspaper reporter Dan Rolle": the town
			// modifies a title before the victim's name.
			if victim && n+1 < len(ms) {
				k := m.j
				for k < len(toks) && k < m.j+3 && toks[k].Text == toks[k].Lower && toks[k].Tag != "IN" && toks[k].Tag != "CC" && toks[k].Text != "," {
					k++
				}
				if k > m.j && x.g.roleNouns[low(k-1)] || occupationShape(low(k-1)) && k > m.j {
					if nx := x.ments[ms[n+1]]; nx.i == k && nx.kind == kName {
						victim = false
					}
				}
			}
			if victim && (i < m.i || m.strength < 4 || m.j-m.i == 1 && !capital && m.class == schema.City) {
				m.class, m.strength, m.gazName = schema.Person, 4, ""
				// "Booth, Lincoln's assassin": the name before the comma was
				// read as a town before its state (or guessed weakly).
				if n > 0 {
					if p := &x.ments[ms[n-1]]; p.kind == kName && p.j+1 == m.i && low(p.j) == "," && (p.strength <= 2 && p.class.IsA(schema.Location) || p.strength <= 1) {
						p.class = schema.Person
					}
				}
				continue
			}
		}
		// "a vice president at Citicorp": "at" alone made it a place.
		if m.strength <= 1 && m.class == schema.Location && (low(m.i-1) == "at" || low(m.i-1) == "with") && m.i >= 2 && toks[m.i-2].Text == low(m.i-2) && (x.g.roleNouns[low(m.i-2)] || occupationShape(low(m.i-2)) && toks[m.i-2].Tag == "NN") {
			m.class, m.strength = schema.Organization, 2
			continue
		}
		if m.strength >= 3 || !m.class.IsA(schema.Person) && m.strength > 1 {
			continue
		}
		// Places: "a Memphis native", "his native South Carolina", "the
		// hometown of Russell", "Daniel Sullivan, 30, of Boothbay",
		// "northeast of Pinedale".
		place := homeWords[low(m.j)] && toks[m.j].Text == low(m.j) ||
			low(m.j) == "home" && (low(m.i-1) == "his" || low(m.i-1) == "her" || low(m.i-1) == "their") ||
			low(m.i-1) == "native" && (low(m.i-2) == "his" || low(m.i-2) == "her" || low(m.i-2) == "their") ||
			low(m.i-1) == "suburban" || low(m.i-1) == "of" && (low(m.i-2) == "resident" || low(m.i-2) == "native" || low(m.i-2) == "residents" || low(m.i-2) == "natives") ||
			low(m.i-1) == "of" && (low(m.i-2) == "hometown" || low(m.i-2) == "state" && low(m.i-3) == "home" || compassWords[low(m.i-2)]) ||
			low(m.i-1) == "of" && low(m.i-2) == "," && m.i >= 4 && toks[m.i-3].Tag == "CD" && low(m.i-4) == ","
		// Territory: "seized Kessel", "overran Tarvik" (not "captured",
		// which takes people as often as towns).
		place = place || territoryVerbs[low(m.i-1)] && m.j-m.i == 1 && !x.g.given[toks[m.i].Text]
		// "Cuzco is a city in Peru", "Arhiba, a district of".
		if (beWords[low(m.j)] || low(m.j) == ",") && (low(m.j+1) == "a" || low(m.j+1) == "an" || low(m.j+1) == "the") {
			for k := m.j + 2; k < len(toks) && k < m.j+5 && toks[k].Text == low(k); k++ {
				if placeNouns[low(k)] != "" && (low(k+1) == "in" || low(k+1) == "of" || low(k+1) == "near") {
					place = true
					break
				}
			}
		}
		// "the Malaysian states of Sabah and Sarawak", "the provinces of X".
		if low(m.i-1) == "of" && pluralPlaceNouns[low(m.i-2)] {
			place = true
		}
		// "Leroy Ivy of Tupelo": an unknown single name after a person's
		// full name and "of" is where the person is from (an employer
		// usually has an organisation's head word: "of Tupelo Mills").
		if low(m.i-1) == "of" && m.j-m.i == 1 && n > 0 && !x.g.given[toks[m.i].Text] && low(m.j) != "'s" {
			if p := x.ments[ms[n-1]]; p.kind == kName && p.j == m.i-1 && p.j-p.i >= 2 && p.class.IsA(schema.Person) {
				place = true
			}
		}
		// "Waste Disposal Co. of Randolph": a company's town.
		place = place || low(m.i-1) == "of" && m.i >= 2 && companySuffix[toks[m.i-2].Text] && m.j-m.i <= 2
		if place {
			m.class, m.strength = schema.Location, 3
			continue
		}
		// "a Burlington operations manager", "another Emery employee": a
		// name modifying a job works there; "the Nsukka campus", "a Los
		// Alamitos truck driver"'s town.
		det := m.i - 1
		if det >= 1 && toks[det].Tag == "JJ" && (low(det-1) == "a" || low(det-1) == "an") {
			det-- // "a 55-year-old Los Alamitos truck driver"
		}
		if m.j < len(toks) && toks[m.j].Text == low(m.j) && strings.HasPrefix(toks[m.j].Tag, "NN") && (low(det) == "a" || low(det) == "an" || low(det) == "another" || low(det) == "the" || low(det) == "'s") {
			k := m.j
			for k < len(toks) && k < m.j+3 && toks[k].Text == low(k) && !x.g.roleNouns[low(k)] && !occupationShape(low(k)) {
				k++
			}
			switch {
			case placeHeadNouns[low(m.j)]:
				m.class, m.strength = schema.Location, 2
				continue
			case k < len(toks) && (x.g.roleNouns[low(k)] || occupationShape(low(k))) && !partisanNouns[low(k)]:
				m.class, m.strength = schema.Organization, 2
				continue
			}
		}
		// "said Citicorp's Alan Reed": a one-word owner of a named person
		// is where that person works.
		if m.j-m.i == 1 && low(m.j) == "'s" && !x.g.given[toks[m.i].Text] && n+1 < len(ms) {
			if o := x.ments[ms[n+1]]; o.kind == kName && o.i == m.j+1 && o.class.IsA(schema.Person) && o.strength >= 3 && o.j-o.i >= 2 {
				m.class, m.strength = schema.Organization, 2
				continue
			}
		}
		// "Dynacore's chief executive": only firms have these.
		if m.j-m.i == 1 && low(m.j) == "'s" && !x.g.given[toks[m.i].Text] {
			corporate := false
			// Adjectives may come first ("its new chief executive"); a
			// tagger may call "chief executive" two adjectives.
			for k := m.j + 1; k < len(toks) && k < m.j+4; k++ {
				if corporateRoles[low(k)] || corporateRoles[low(k)+" "+low(k+1)] {
					corporate = true
					break
				}
				if toks[k].Tag != "JJ" {
					break
				}
			}
			if corporate {
				m.class, m.strength = schema.Organization, 2
				continue
			}
		}
		// "has worked for Delta since 1975".
		if (low(m.i-1) == "for" || low(m.i-1) == "at") && (low(m.i-2) == "worked" || low(m.i-2) == "works" || low(m.i-2) == "working") && m.j-m.i <= 2 {
			m.class, m.strength = schema.Organization, 2
			continue
		}
		// Organisations: "chairman of the Montgomery County delegation",
		// "a spokesman for Emery", "members of Bellona".
		k := m.i - 1
		if n > 0 && x.ments[ms[n-1]].kind == kDemonym && x.ments[ms[n-1]].j == m.i {
			k = x.ments[ms[n-1]].i - 1 // "leader of the Ukrainian Popular Rukh"
		}
		if low(k) == "the" {
			k--
		}
		// "product manufacturers Owens-Corning Fiberglass", "the firm
		// Eaglebrook": an organisation noun right before the name.
		if pw := low(m.i - 1); m.i > 0 && toks[m.i-1].Text == pw && (orgNouns[pw] || orgNouns[strings.TrimSuffix(pw, "s")] || firmNouns[pw] || strings.HasSuffix(pw, "makers") || pw == "manufacturers") && !x.g.given[toks[m.i].Text] {
			m.class, m.strength = schema.Organization, 2
			continue
		}
		if (low(k) == "of" || low(k) == "for" || low(k) == "at" || low(k) == "with") && (x.g.roleNouns[low(k-1)] || occupationShape(low(k-1)) && toks[k-1].Tag == "NN") && toks[k-1].Text == low(k-1) && !x.g.given[toks[m.i].Text] {
			m.class, m.strength = schema.Organization, 2
		}
	}
	// Coordination: "Kosovo, Sandzak and Vojvodina", "Tijuana, Culiacan,
	// Morelia": an unknown name in a list takes the class of a known
	// place or organisation next to it. Two passes carry it along a list.
	for pass, changed := 0, true; pass < 8 && changed; pass++ {
		changed = false
		for n, mi := range ms {
			m := &x.ments[mi]
			if m.kind != kName || m.strength >= 3 || !m.class.IsA(schema.Person) && m.strength > 1 || m.j-m.i > 3 {
				continue
			}
			for _, nb := range []int{n - 1, n + 1} {
				if nb < 0 || nb >= len(ms) {
					continue
				}
				o := x.ments[ms[nb]]
				if o.kind != kName || o.class.IsA(schema.Person) || o.class == schema.Role || o.strength < 2 && !(o.strength == 1 && o.class.IsA(schema.Location)) {
					continue // a place read from "in X" also starts a list
				}
				gap := ""
				if nb < n && o.j+1 == m.i {
					gap = low(o.j)
				} else if nb > n && m.j+1 == o.i {
					gap = low(m.j)
				}
				// "Tupelo, Miss." and "Kosovo, Sandzak and Vojvodina" are
				// lists; "Greenville, S.C., Dana Whitlock built" is not.
				inList := nb > n || low(m.j) == "," || low(m.j) == "and" || low(m.j) == "or"
				// "Corker and Flake, Oklahoma's Lankford": a place before a
				// possessive names whose the next name is; it is no item of
				// the list before it; nor before a leaning and a name
				// ("Corker, Oklahoma conservative Lankford").
				if nb > n && (low(o.j) == "'s" || leanings[low(o.j)] && upperFirst(toks[min(o.j+1, len(toks)-1)].Text)) {
					continue
				}
				if gap == "and" || gap == "or" || gap == "," && o.class.IsA(schema.Location) && inList {
					m.class, m.strength = o.class.Top(), 2
					if o.class.IsA(schema.Location) {
						m.class = schema.Location
					}
					changed = true
					break
				}
			}
		}
	}
	x.stateMember(si)
}

// partisanNouns after "a NAME" say whose side someone is on, not where
// they work: "a Trump loyalist", "a Kessler supporter" name a person as
// readily as a body, so they decide no class ("killer" and "murderer"
// name a victim).
var partisanNouns = map[string]bool{"killer": true, "murderer": true, "supporter": true, "supporters": true,
	"loyalist": true, "loyalists": true, "ally": true, "allies": true, "backer": true, "backers": true,
	"confidant": true, "critic": true, "critics": true, "donor": true, "donors": true}

// stateMember types "Oklahoma's Lankford questions whether …", "Florida's
// Scott pitches …": one unknown word after a state's possessive, followed
// by a verb, is the state's senator or governor, whom news names by the
// surname alone; the recogniser often calls it an organisation. A company
// there ("Ohio's Kroger shares") is followed by a noun, and a name any
// table knows keeps its class.
func (x *docState) stateMember(si int) {
	toks := x.sents[si].Toks
	for n, mi := range x.sentMents[si] {
		m := &x.ments[mi]
		if m.kind != kName || m.j-m.i != 1 || m.strength >= 3 || m.class.IsA(schema.Person) || n == 0 || m.j+1 >= len(toks) {
			continue
		}
		p := x.ments[x.sentMents[si][n-1]]
		// "Oklahoma conservative Lankford questions …": a leaning in
		// the possessive's place.
		if p.kind != kName || p.j+1 != m.i || toks[p.j].Lower != "'s" && !leanings[toks[p.j].Text] || !p.class.IsA(schema.Region) {
			continue
		}
		if _, known := x.lookup(m.surface); known || allCaps(m.surface) {
			continue
		}
		next, after := toks[m.j], toks[m.j+1]
		verb := strings.HasPrefix(next.Tag, "VB") && next.Tag != "VBG" && next.Tag != "VBN" ||
			next.Tag == "NNS" && next.Text == next.Lower && (after.Lower == "whether" || after.Lower == "that" || after.Tag == "DT" || after.Tag == "TO")
		if verb && next.Text == next.Lower {
			m.class, m.strength = schema.Person, 2
		}
	}
}

// pluralPlaceNouns introduce a list of places: "the states of X and Y".
var pluralPlaceNouns = map[string]bool{"states": true, "provinces": true, "islands": true, "cities": true, "towns": true,
	"villages": true, "regions": true, "districts": true, "counties": true, "republics": true, "countries": true}
