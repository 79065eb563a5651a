package ingest

// Session 14 rules: how real news names the head of a U.S. executive
// department, and party membership in appositives and title lists that the
// earlier rules missed. Each was read on the whole Reuters corpus before it
// was switched on (figures in gates.go and docs/extraction.md).

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// s14Rules runs the session-14 rules on one sentence.
func (v *view) s14Rules() {
	v.cabinetSecretaryDepartment()
	v.namedPersonOfOrg()
	v.orgPossessiveOrg()
	v.s14bRules()
}

// cabinetDepartments maps the department word of a U.S. cabinet
// secretary's title ("Interior Secretary", "Secretary of State") to the
// names news gives the department itself. The department must be named in
// the document: the title alone does not say which name a reader would
// look up, and a document that never names the department gives no edge.
var cabinetDepartments = map[string][]string{
	"state":                         {"state department", "department of state"},
	"treasury":                      {"treasury", "treasury department", "department of the treasury"},
	"defense":                       {"defense department", "department of defense", "pentagon"},
	"interior":                      {"interior department", "department of the interior", "department of interior"},
	"commerce":                      {"commerce department", "department of commerce"},
	"energy":                        {"energy department", "department of energy"},
	"agriculture":                   {"agriculture department", "department of agriculture", "usda"},
	"labor":                         {"labor department", "department of labor"},
	"education":                     {"education department", "department of education"},
	"transportation":                {"transportation department", "department of transportation"},
	"homeland security":             {"homeland security department", "department of homeland security", "dhs"},
	"health and human services":     {"health and human services department", "department of health and human services", "hhs"},
	"housing and urban development": {"housing and urban development department", "department of housing and urban development", "hud"},
	"veterans affairs":              {"veterans affairs department", "department of veterans affairs", "va"},
	"health":                        {"health and human services department", "department of health and human services", "hhs"},
}

// cabinetLeadIns may stand right before the title of the department's own
// head. Any other capitalised word is a place or body whose secretary it is
// ("Alabama Secretary of State X", "British Foreign Secretary"), and a
// lower-case rank makes a deputy ("Deputy Secretary of State", "state
// Secretary of State").
var cabinetLeadIns = map[string]bool{"u.s.": true, "us": true, "former": true, "then": true, "then-": true, "acting": true,
	"the": true, "outgoing": true, "incoming": true}

// cabinetRanks before a secretary's title make another office.
var cabinetRanks = map[string]bool{"deputy": true, "assistant": true, "under": true, "vice": true, "associate": true,
	"principal": true, "state": true, "shadow": true, "permanent": true, "parliamentary": true, "junior": true, "chief": true}

// cabinetSecretaryDepartment: "Interior Secretary Ryan Zinke", "Secretary
// of State Rex Tillerson", "U.S. Homeland Security Secretary X" → X leads
// the department, when the document names it ("the State Department"). The
// title must open the phrase or follow "U.S." or a tense word: a place or
// another body before it makes it a state's or a foreign government's
// office.
func (v *view) cabinetSecretaryDepartment() {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kRole || m.ent < 0 {
			continue
		}
		p := v.start[m.j]
		if !v.namedPerson(p) {
			continue
		}
		dept, lo := v.cabinetTitle(m)
		if dept == "" || !v.cabinetLeadIn(lo) {
			continue
		}
		d := v.x.namedDepartment(dept)
		// "Treasury Secretary X": the department named inside the title
		// already gives the title-org rules their works_for; a second edge
		// to the same body would replace it.
		if d < 0 || m.roleOrg >= 0 && v.ent(m.roleOrg) == d || v.end[m.j-1] >= 0 && v.ent(v.end[m.j-1]) == d {
			continue
		}
		v.emitEnt(v.ent(p), "leads", d, "cabinet-secretary-department", lo, v.m(p).j, nil)
	}
}

// cabinetTitle reads the department of a secretary's title ending at
// mention m: "Secretary of State", "Secretary of the Interior" inside the
// title, or "Interior Secretary" with the department word inside or just
// before it. It returns the department key and the title's first token.
func (v *view) cabinetTitle(m *mention) (string, int) {
	words := make([]string, 0, m.j-m.i)
	for k := m.i; k < m.j; k++ {
		words = append(words, v.low(k))
	}
	// "Secretary of State", "Secretary of the Interior"
	for n, w := range words {
		if w != "secretary" || n+1 >= len(words) || words[n+1] != "of" {
			continue
		}
		rest := words[n+2:]
		if len(rest) > 0 && rest[0] == "the" {
			rest = rest[1:]
		}
		dept := strings.Join(rest, " ")
		if _, ok := cabinetDepartments[dept]; !ok || dept == "health" {
			return "", -1
		}
		return dept, m.i + n
	}
	if words[len(words)-1] != "secretary" {
		return "", -1
	}
	last := m.j - 1
	for k := 4; k >= 1; k-- {
		if last-k < 0 {
			continue
		}
		dept := strings.ToLower(joinToks(v.t[last-k : last]))
		if _, ok := cabinetDepartments[dept]; ok && upperFirst(v.t[last-k].Text) {
			return dept, last - k
		}
	}
	return "", -1
}

// cabinetLeadIn reports whether the tokens before a title starting at lo
// leave it the U.S. department head's own: nothing, a lower-case word that
// is no rank, or "U.S." and tense words.
func (v *view) cabinetLeadIn(lo int) bool {
	for k := lo - 1; k >= 0 && k >= lo-3; k-- {
		w := v.low(k)
		switch {
		case cabinetRanks[w] && (w != "under" || v.t[k].Text != w):
			// "Under Secretary of State X" is a deputy; "shrank under
			// Secretary of State X" names the head.
			return false
		case cabinetLeadIns[w]:
			continue
		case v.t[k].Text != w && w != "":
			return false // "Alabama Secretary of State", "British Foreign Secretary"
		default:
			return true
		}
	}
	return true
}

// namedDepartment returns the document's entity that names the U.S.
// department dept ("the State Department", "U.S. Department of the
// Interior"), or -1. An entity named by the bare acronym or "Treasury" counts
// only when it is an organisation.
func (x *docState) namedDepartment(dept string) int {
	want := map[string]bool{}
	for _, n := range cabinetDepartments[dept] {
		want[n] = true
		want["u.s. "+n] = true
		want["us "+n] = true
	}
	for e := range x.ents {
		en := x.ents[e]
		if en.class == "" || !en.class.IsA(schema.Organization) {
			continue
		}
		for s := range en.surfaces {
			n := strings.TrimPrefix(strings.ToLower(s), "the ")
			if want[n] {
				return e
			}
		}
	}
	return -1
}

// namedPersonOfOrg: "said tax attorney Sam Brotman of Brotman Law", "Dr.
// Stefan Kertesz of the University of Alabama said": a person's full name
// right before "of" and an organisation's name presents the person as the
// organisation's (the by-line of expert quotes). The gated person-of-org
// also reads "at", which in news is mostly where a meeting was ("met Trump
// at the White House"); here only "of" counts, and only when
//   - the name is a person's for certain (not "House" cut from "House of
//     Representatives") and no article makes it a type ("the Trump of the
//     East");
//   - the organisation's name ends its phrase: "Sarraj of the U.N.-backed
//     government" names the government, not the U.N.;
//   - the organisation is no party (membership is the party rules').
func (v *view) namedPersonOfOrg() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if !v.namedPerson(pi) || v.low(p.j) != "of" || p.j-p.i < 2 {
			continue
		}
		if w := v.low(p.i - 1); w == "the" || w == "a" || w == "an" || w == "‘" || w == "'" || w == "“" || w == "\"" {
			continue
		}
		b := v.np(p.j + 1)
		if b < 0 || v.m(b).kind != kName || !v.isA(b, schema.Organization) || v.isA(b, schema.PoliticalParty) {
			continue
		}
		// only articles may stand between "of" and the name, or a common
		// noun phrase that describes it ("of the accounting firm PwC")
		if v.m(b).i > p.j+6 {
			continue
		}
		if e := v.m(b).j; e < len(v.t) {
			next := v.t[e]
			// "the University of Alabama at Birmingham": the name goes on
			// past what the name finder read; the cut name is another body.
			if next.Lower == "at" && e+1 < len(v.t) && upperFirst(v.t[e+1].Text) {
				continue
			}
			if strings.Contains(next.Text, "-") || next.Text == next.Lower && strings.HasPrefix(next.Tag, "NN") || next.Lower == "'s" {
				continue
			}
		}
		v.emit(pi, "works_for", b, "named-person-of-org", p.i, v.m(b).j, nil)
	}
}

// unitNouns may follow the owned organisation's name and keep it the
// phrase's head ("Alphabet Inc's Google unit"); any other common noun
// makes the name a modifier
// ("Apple's Siri assistant", "the House's Intelligence committee": the
// committee is the body, its name cut short).
var unitNouns = map[string]bool{"unit": true, "subsidiary": true, "division": true, "arm": true, "affiliate": true,
	"network": true, "channel": true, "branch": true, "wing": true}

// orgPossessiveOrg: "Alphabet Inc's Google unit", "Time Warner's CNN",
// "the Food and Drug Administration's Office of Criminal Investigations",
// "Congress' Office of Compliance": an organisation's possessive right
// before another organisation's name makes the second a part of the
// first. Parties and places are left out on both sides (a country's
// ministry, a party's leaders are other rules'), and so is a name that
// only modifies a common noun after it.
func (v *view) orgPossessiveOrg() {
	for _, oi := range v.x.sentMents[v.si] {
		o := v.m(oi)
		if o.kind != kName || !v.orgOnly(oi) {
			continue
		}
		if w := v.low(o.j); w != "'s" && w != "’s" && w != "'" && w != "’" {
			continue
		}
		// "Trump's Florida's", "the U.S. Treasury's": a name joined to the
		// possessor on its left is another phrase.
		if o.i > 0 && v.end[o.i] >= 0 {
			continue
		}
		pi := v.start[o.j+1]
		if pi < 0 || v.m(pi).kind != kName || !v.orgOnly(pi) || v.ent(pi) == v.ent(oi) {
			continue
		}
		p := v.m(pi)
		// Both names must be names for certain, or the owned one a known
		// organisation: a possessive inside one long name cuts it in two
		// ("the Children's Health Insurance Program", "New Year's Eve",
		// "CNN's State of the Union").
		if v.x.ents[v.ent(pi)].gaz == "" && (max(o.strength, v.x.ents[v.ent(oi)].strength) < 2 || max(p.strength, v.x.ents[v.ent(pi)].strength) < 2) {
			continue
		}
		// "Alphabet Inc's Google and Facebook Inc": two names read as one.
		if a, _, ok := strings.Cut(p.surface, " and "); ok && (v.x.entityNamed(a) >= 0 || v.x.known(a)) {
			continue
		}
		if e := p.j; e < len(v.t) {
			next := v.t[e]
			if next.Text == next.Lower && strings.HasPrefix(next.Tag, "NN") && !unitNouns[next.Lower] || next.Lower == "'s" || next.Lower == "’s" || strings.Contains(next.Text, "-") {
				continue
			}
		}
		v.emit(pi, "member_of", oi, "org-poss-org", o.i, p.j, nil)
	}
}

// orgOnly: mention mi names an organisation that is neither a party nor a
// place.
func (v *view) orgOnly(mi int) bool {
	return v.isA(mi, schema.Organization) && !v.isA(mi, schema.PoliticalParty) && !v.isA(mi, schema.Location) && !v.isA(mi, schema.Person)
}

// entityNamed returns the document's entity with the surface name, or -1.
func (x *docState) entityNamed(name string) int {
	for e, en := range x.ents {
		if en.surfaces[name] > 0 {
			return e
		}
	}
	return -1
}

// namedPersonEnt: mention mi names a person whom the document names for
// certain somewhere (a surname alone, "Trump adviser X", is the entity's).
func (v *view) namedPersonEnt(mi int) bool {
	if mi < 0 || v.m(mi).kind != kName || !v.isA(mi, schema.Person) {
		return false
	}
	return v.m(mi).strength >= 3 || v.x.ents[v.ent(mi)].strength >= 3
}
