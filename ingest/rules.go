package ingest

// Relation rules over a sentence's tokens and mentions: titles,
// appositives, possessives, hyphenated names, affiliations. The shared view
// is in rules_view.go; verb, place and quantity rules in their own files.

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// applyRules runs every rule family over one sentence.
func (x *docState) applyRules(si int) {
	v := x.viewOf(si)
	n0 := len(x.facts)
	defer func() { x.placeChain(si, n0) }()
	v.titleRules()
	v.partyNameRules()
	v.appositiveRules()
	v.possessiveRules()
	v.hyphenRules()
	v.partyControl()
	v.verbRules()
	v.nominalRules()
	v.placeRules()
	v.quantityRules()
	v.activeInRules()
	v.affiliationRules()
	v.ofRules()
	v.demonymOrgs()
	v.appointmentRules()
	v.moreRules()
	v.c04Rules()
	v.committeeSeats()
	v.chamberLeaders()
}

// emitTitles gives person pe two roles when the title read before the name
// is "A and B" of two titles ("his son-in-law and close aide, X"), each one
// a reader would cite alone, and reports whether it did.
func (v *view) emitTitles(pe int, text string, lo, hi int) bool {
	parts := v.coordinatedTitles(text)
	for _, t := range parts {
		v.emitEnt(pe, "role", v.x.entityFor("r:"+strings.ToLower(t), "", t, schema.Role, 4, v.si), "title-name", lo, hi, nil)
	}
	return parts != nil
}

// coordinatedTitles splits a title "A and B" whose two halves are titles
// (or a kin word and a title: "son-in-law and close aide"), or returns nil:
// "Secretary of Health and Human Services" stays one.
func (v *view) coordinatedTitles(title string) []string {
	a, b, ok := strings.Cut(title, " and ")
	if !ok || strings.Contains(b, " and ") || strings.Contains(a, " of ") {
		return nil
	}
	last := func(s string) string {
		w := strings.Fields(s)
		if len(w) == 0 {
			return ""
		}
		return strings.ToLower(w[len(w)-1])
	}
	isTitle := func(w string) bool { return v.x.g.roleNouns[w] || v.x.g.roleHeads[titleCase(w)] }
	if !isTitle(last(b)) || !(isTitle(last(a)) || kinWords[last(a)]) {
		return nil
	}
	return []string{strings.TrimSpace(a), strings.TrimSpace(b)}
}

// ancestryWords after a place make it one's forebears', not one's own.
var ancestryWords = map[string]bool{"descent": true, "origin": true, "origins": true, "heritage": true, "ancestry": true, "extraction": true, "background": true}

// kinWords name a relative; with a title after them they are a second role.
var kinWords = map[string]bool{"son-in-law": true, "daughter-in-law": true, "brother-in-law": true, "father-in-law": true,
	"son": true, "daughter": true, "wife": true, "husband": true, "brother": true, "sister": true}

// titleRules: "Ambassador James Jeffrey", "UN Secretary-General Antonio
// Guterres", "US envoy Jeffrey", "Tempe plastic surgeon Richard Pavese".
func (v *view) titleRules() {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kRole || m.ent < 0 {
			continue
		}
		p := v.start[m.j]
		if p >= 0 && v.m(p).kind == kRole && complementTitle(m.surface) {
			// "Chief of Staff General John Kelly": a whole title, then a
			// rank; both are the name's.
			p = v.start[v.m(p).j]
		}
		if p < 0 || !v.isA(p, schema.Person) {
			continue
		}
		if r := v.departmentTitle(m); r >= 0 {
			v.emitEnt(v.ent(p), "role", r, "title-name", m.i, v.m(p).j, nil)
		} else if !v.emitTitles(v.ent(p), m.surface, m.i, v.m(p).j) {
			v.emit(p, "role", mi, "title-name", m.i, v.m(p).j, nil)
		}
		if m.roleOrg >= 0 && !v.afterPreposition(v.m(m.roleOrg).i) {
			// "Commission of Inquiry on Syria Chairman X": a name after a
			// preposition belongs to the phrase before it, not to the title.
			rule := "title-org"
			if v.isA(m.roleOrg, schema.Country) && !v.isLeader(m.surface) && govRole(m.surface) {
				// "U.S. Commerce Secretary X", "Russian Ambassador Y": a
				// national office works for its country; the gated
				// title-org's errors were organisations' names cut short.
				rule = "title-country"
			}
			v.orgRel(p, m.roleOrg, m.surface, rule, v.m(m.roleOrg).i, v.m(p).j)
			// "Texas Gov. John Connally": a state or city official lives there.
			if v.isA(m.roleOrg, schema.Location) && !v.isA(m.roleOrg, schema.Country) && !v.isLeader(m.surface) {
				v.emit(p, "lives_in", m.roleOrg, "title-place-lives", v.m(m.roleOrg).i, v.m(p).j, nil)
			}
		}
	}
	// "Modesto native George Lucas", "Memphis resident X".
	for i := 1; i+1 < len(v.t); i++ {
		if w := v.low(i); w != "native" && w != "resident" && w != "residents" && w != "natives" {
			continue
		}
		pl := v.end[i]
		p := v.start[i+1]
		if v.low(i+1) == "," {
			p = v.start[i+2]
		}
		if pl >= 0 && p >= 0 && v.isA(pl, schema.Location) && v.isA(p, schema.Person) {
			v.emit(p, "lives_in", pl, "place-native-name", v.m(pl).i, v.m(p).j, nil)
		}
	}
	// Lower-case titles between a name and a person.
	for i := 0; i < len(v.t); i++ {
		ri, rj, head := v.roleNounSpan(i)
		if head == "" {
			continue
		}
		p := v.start[rj]
		if p < 0 && v.low(rj) == "," {
			p = v.start[rj+1] // "Its spokeswoman, Ravina Shamdasani"
		}
		if p >= 0 && v.m(p).kind == kRole && v.m(p).roleOrg < 0 {
			p = v.start[v.m(p).j] // "Coast Guard spokesman Lt. Pat Philbin"
		}
		if p < 0 || !v.isA(p, schema.Person) || v.m(p).kind != kName {
			i = rj - 1
			continue
		}
		role := v.roleEntity(ri, rj)
		if !v.emitTitles(v.ent(p), joinToks(v.t[ri:rj]), ri, v.m(p).j) {
			v.emitEnt(v.ent(p), "role", role, "title-name", ri, v.m(p).j, nil)
		}
		org := v.end[ri]
		if org < 0 && ri >= 3 && v.low(ri-1) == ")" {
			// "PAN (National Action Party) candidate X": the name before the
			// parenthesis.
			for k := ri - 2; k > 0 && k > ri-10; k-- {
				if v.low(k) == "(" {
					org = v.end[k]
					break
				}
			}
		}
		if org >= 0 && (v.isA(org, schema.Organization) || v.isA(org, schema.Location)) {
			if v.isA(org, schema.Location) && !v.isLeader(head) && !strings.Contains(head, "envoy") && !strings.Contains(head, "ambassador") && !strings.Contains(head, "official") && !strings.Contains(head, "minister") {
				v.emit(p, "lives_in", org, "place-title-name", v.m(org).i, v.m(p).j, nil)
			} else {
				v.orgRel(p, org, joinToks(v.t[ri:rj]), "org-title-name", v.m(org).i, v.m(p).j)
			}
		} else if org >= 0 && v.m(org).kind == kDemonym {
			v.orgRel(p, org, joinToks(v.t[ri:rj]), "org-title-name", v.m(org).i, v.m(p).j)
		} else if org >= 0 && v.m(org).kind == kName && v.namedPersonEnt(org) && org != p && (v.low(rj) != "," || v.low(v.m(p).j) == "," || v.low(v.m(p).j) == ".") {
			// (after a comma the name must close the phrase: in "an email
			// to a Royce aide, Hamel wrote" Hamel starts another clause)
			// "Trump adviser George Papadopoulos", "Clinton campaign
			// chairman John Podesta": a person's name before a staff
			// title makes the title's holder that person's staff.
			v.staffRel(p, org, joinToks(v.t[ri:rj]), "person-title-name", v.m(org).i, v.m(p).j)
		}
		i = rj - 1
	}
}

// appositiveRules: "X, the US Special Representative for Syria
// Engagement,", "X, a top official of the Y,", "X, leader of Y".
func (v *view) appositiveRules() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || !v.isA(pi, schema.Person) || p.j >= len(v.t) {
			continue
		}
		// Copula: "X is a reporter for Y", "X was the president of Y",
		// "X, who is the director of Y".
		cop := p.j
		if v.low(cop) == "," && v.low(cop+1) == "who" && (v.low(cop+2) == "is" || v.low(cop+2) == "was") {
			cop += 2
		} else if e := v.relClauseEnd(cop); e > cop && v.low(e) == "," {
			cop = e + 1 // "X, who moved to Y in 1990, is a spokesman for Z"
		} else if v.low(cop) == "," && cop+2 < len(v.t) && v.t[cop+1].Tag == "CD" && v.low(cop+2) == "," {
			cop += 3 // "X, 46, was a reporter for Y"
		}
		if w := v.low(cop); w == "is" || w == "was" {
			if a := v.low(cop + 1); a == "a" || a == "an" || a == "the" {
				if ri, rj, head := v.roleNounSpan(cop + 2); head != "" {
					if c := v.low(rj); c == "of" || c == "for" || c == "at" || c == "with" {
						if o := v.np(rj + 1); o >= 0 && v.isA(o, schema.Organization) {
							v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "copula-role", p.i, rj, nil)
							v.orgRel(pi, o, joinToks(v.t[ri:rj]), "copula-org", p.i, v.m(o).j)
						}
					}
				}
			}
		}
		// Reverse appositive: "the head of X, Dr. Y,", "the chairman of
		// X, Republican Senator Y,": the name's own title and party may
		// come between.
		lead := p.i
		for n := 0; n < 3 && lead > 0; n++ {
			t := v.end[lead]
			if t < 0 || v.m(t).j != lead || !(v.m(t).kind == kRole || v.m(t).kind == kDemonym || v.isA(t, schema.PoliticalParty)) {
				break
			}
			lead = v.m(t).i
		}
		if lead >= 4 && v.low(lead-1) == "," {
			if o := v.end[lead-1]; o >= 0 && (v.isA(o, schema.Organization) || v.isA(o, schema.Location)) {
				k := v.m(o).i - 1
				for k >= 0 && (v.low(k) == "the") {
					k--
				}
				if k >= 1 && (v.low(k) == "of" || v.low(k) == "for" || v.low(k) == "at") {
					if ri, rj, head := v.roleNounSpan(max(0, k-2)); head != "" && rj == k {
						v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "reverse-appositive", ri, p.j, nil)
						v.orgRel(pi, o, joinToks(v.t[ri:rj]), "reverse-appositive-org", ri, p.j)
					} else if ri, rj, head := v.roleNounSpan(k - 1); head != "" && rj == k {
						v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "reverse-appositive", ri, p.j, nil)
						v.orgRel(pi, o, joinToks(v.t[ri:rj]), "reverse-appositive-org", ri, p.j)
					}
				}
			}
		}
		v.reverseTitleForField(pi, lead)
		if v.t[p.j].Text != "," {
			continue
		}
		i := p.j + 1
		if i+1 < len(v.t) && v.t[i].Tag == "CD" && v.low(i+1) == "," {
			i += 2 // "Larry Sturholm, 46, a reporter"
			if w := v.low(i); w == "is" || w == "was" || w == "has" && v.low(i+1) == "been" {
				if w == "has" {
					i++
				}
				i++
			}
		}
		// "Sen. X, D-Calif., chairman of": the party and state tag.
		if len(v.low(i)) > 2 && (strings.HasPrefix(v.t[i].Text, "D-") || strings.HasPrefix(v.t[i].Text, "R-") || strings.HasPrefix(v.t[i].Text, "I-")) {
			if v.low(i+1) == "," {
				i += 2
			} else if v.low(i+1) == "." && v.low(i+2) == "," {
				i += 3 // the tokenizer splits "D-Calif." before a comma
			}
		}
		indefinite := false // "X, a director at Y": one of several, not the head
		for w := v.low(i); w == "the" || w == "a" || w == "an" || w == "now" || w == "then" || w == "also" || w == "another" || strings.HasSuffix(w, "-year-old"); w = v.low(i) {
			indefinite = indefinite || w == "a" || w == "an" || w == "another"
			i++
		}
		// "X, the president's former national security adviser": a title
		// before "'s" is its holder's, not X's; X's is the one after it.
		if mi := v.start[i]; mi >= 0 && v.m(mi).kind == kRole && v.low(v.m(mi).j) == "'s" {
			i = v.m(mi).j + 1
		} else if _, rj, head := v.roleNounSpan(i); head != "" && v.low(rj) == "'s" {
			i = rj + 1
		}
		former := false
		if v.low(i) == "former" {
			former = true
			i++
		}
		q := map[string]string(nil)
		if former {
			q = map[string]string{schema.QualFormer: "true"}
		}
		var org int = -1
		// "the group's leader", "Rudaw's correspondent".
		if mi := v.start[i]; mi >= 0 && v.m(mi).kind != kRole && v.m(mi).j < len(v.t) && v.t[v.m(mi).j].Text == "'s" {
			org = mi
			i = v.m(mi).j + 1
		} else if mi := v.start[i]; mi >= 0 && (v.m(mi).kind == kDemonym || v.m(mi).kind == kName && !v.isA(mi, schema.Person)) {
			if next := v.start[v.m(mi).j]; next >= 0 && v.m(next).kind == kRole || v.x.g.roleNouns[v.low(v.m(mi).j)] || v.roleHeadAt(v.m(mi).j) {
				org = mi
				i = v.m(mi).j
			}
		}
		// Citizenship: "X, a Jordanian citizen", "X, a citizen of Y", "X, a French national".
		if d := v.start[i]; d >= 0 && v.m(d).kind == kDemonym && (v.low(v.m(d).j) == "citizen" || v.low(v.m(d).j) == "national") {
			v.emit(pi, "citizen_of", d, "citizen-of", p.i, v.m(d).j+1, q)
			continue
		}
		// "X, a U.S. citizen born in Y": the country by its name, not its
		// adjective; "a U.S. national security adviser" is a title, so the
		// word after "citizen"/"national" must end the phrase.
		if d := v.start[i]; d >= 0 && v.m(d).kind == kName && v.isA(d, schema.Country) {
			if w := v.low(v.m(d).j); (w == "citizen" || w == "national") && citizenEnd[v.low(v.m(d).j+1)] {
				v.emit(pi, "citizen_of", d, "citizen-of", p.i, v.m(d).j+1, q)
				continue
			}
		}
		if (v.low(i) == "citizen" || v.low(i) == "national") && v.low(i+1) == "of" {
			if c := v.np(i + 2); c >= 0 && v.isA(c, schema.Location) {
				v.emit(pi, "citizen_of", c, "citizen-of", p.i, v.m(c).j, q)
				continue
			}
		}
		roleEnt, roleText, end := -1, "", i
		if mi := v.start[i]; mi >= 0 && v.m(mi).kind == kRole {
			if p2 := v.start[v.m(mi).j]; p2 >= 0 && v.isA(p2, schema.Person) {
				continue // "X, Ambassador Y": the title is Y's
			}
			roleEnt, roleText, end = v.ent(mi), v.m(mi).surface, v.m(mi).j
			if org < 0 && v.m(mi).roleOrg >= 0 {
				org = v.m(mi).roleOrg
			}
		} else if ri, rj, head := v.roleNounSpan(i); head != "" {
			if p2 := v.start[rj]; p2 >= 0 && v.m(p2).kind == kName && v.isA(p2, schema.Person) {
				continue // "X, former spokesman Y": a list; the title is Y's
			}
			roleEnt, roleText, end = v.roleEntity(ri, rj), joinToks(v.t[ri:rj]), rj
		}
		if roleEnt >= 0 && end < len(v.t) && (v.t[end].Tag == "VBD" || v.t[end].Tag == "VBZ" || v.t[end].Tag == "VBP" || v.t[end].Tag == "MD") {
			// "… with President Xi, the Republican president had wondered":
			// a title followed by its verb opens the next clause; it is
			// not in apposition to the name before the comma.
			continue
		}
		if roleEnt < 0 {
			// "X, an ecologist at Y", "X, a plant physiologist with the Y":
			// an occupation the title lists do not know.
			if k, ok := v.occupation(i); ok {
				if w := v.low(k); w == "at" || w == "with" || w == "for" || w == "of" && v.low(k-1) != "one" {
					if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Organization) && v.m(o).kind == kName {
						v.emit(pi, "works_for", o, "appositive-occupation", p.i, v.m(o).j, q)
					}
				} else if w == "in" || w == "on" {
					// "X, a famous opera singer in Shanghai"
					if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Location) && v.m(o).kind == kName && !v.isA(o, schema.Country) {
						v.emitPlace(pi, "lives_in", o, "appositive-occupation-in", p.i, v.m(o).j, q)
					}
				}
			}
			// "X, a herder from the village of Y".
			for k := i; k < len(v.t) && k < i+4; k++ {
				if v.low(k) == "from" {
					if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Location) {
						v.emitPlace(pi, "lives_in", o, "appositive-from", p.i, v.m(o).j, q)
					}
					break
				}
				if v.t[k].Text != v.low(k) {
					break
				}
			}
			continue
		}
		// A complement: "of the Italian Agricultural Confederation".
		if w := v.low(end); w == "from" {
			if o := v.np(end + 1); o >= 0 && v.isA(o, schema.Location) {
				v.emitPlace(pi, "lives_in", o, "appositive-from", p.i, v.m(o).j, q)
			}
		} else if w == "in" && org < 0 && !v.isLeader(roleText) && !diplomat(roleText) {
			// "X, a reporter in Boise": where the job is done.
			if o := v.np(end + 1); o >= 0 && v.isA(o, schema.Location) && v.m(o).kind == kName && !v.isA(o, schema.Country) {
				v.emitPlace(pi, "lives_in", o, "appositive-occupation-in", p.i, v.m(o).j, q)
			}
		}
		if w := v.low(end); w == "to" && diplomat(roleText) && v.np(end+1) >= 0 && v.isA(v.np(end+1), schema.Location) {
			// "X, the U.S. ambassador to Switzerland": the posting is where
			// the diplomat lives, not the employer; a former posting says
			// nothing of where one lives now.
			if o := v.np(end + 1); q[schema.QualFormer] == "" {
				v.emitPlace(pi, "lives_in", o, "diplomat-posting", p.i, v.m(o).j, q)
			}
		} else if w == "of" || w == "for" || w == "at" || w == "with" || w == "to" {
			if o := v.np(end + 1); o >= 0 && ancestryWords[v.low(v.m(o).j)] {
				// "a lawmaker of Puerto Rican descent": an ancestry is no
				// employer and no home.
			} else if o >= 0 && (v.isA(o, schema.Organization) || v.isA(o, schema.Location) && org < 0) {
				org = o // "the WFP director for Aurelia": Aurelia is the scope, WFP the employer
			} else if o >= 0 && w == "for" && org < 0 && v.isA(o, schema.Person) && v.m(o).kind == kName {
				org = o // "X, a lawyer for Clinton": staffRel decides
			} else if r := v.restatedOrg(end + 1); o < 0 && org < 0 && r >= 0 {
				org = r // "chairman of the strongest opposition party, the Croatian Social Liberal Party"
			} else if o < 0 && w == "of" && org < 0 {
				// "chief of waste disposal for the NRC": a lower-case domain first.
				for k := end + 1; k < len(v.t) && k < end+6 && v.t[k].Text == v.low(k) && v.low(k) != ","; k++ {
					if lw := v.low(k); lw == "for" || lw == "at" || lw == "with" {
						if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Organization) {
							org = o
							roleText += " of " + joinToks(v.t[end+1:k]) // a part of Y, not its head
						}
						break
					}
				}
			}
		}
		if !strings.Contains(roleText, "member") {
			v.emitEnt(v.ent(pi), "role", roleEnt, "appositive-role", p.i, end, q)
		}
		if org >= 0 && indefinite && v.isLeader(roleText) {
			v.emit(pi, "works_for", org, "appositive-org", p.i, end+3, q)
		} else if org >= 0 {
			v.orgRel(pi, org, roleText, "appositive-org", p.i, end+3)
			if former {
				v.x.facts[len(v.x.facts)-1].qual = v.qualifiers(p.i, end+3, q)
			}
		} else {
			// "X, a national spokesman for reform and president of the Y":
			// the second of two coordinated titles names the employer.
			for k := end; k < len(v.t) && k < end+6 && v.low(k) != "," && v.start[k] < 0; k++ {
				if v.low(k) != "and" {
					continue
				}
				ri := k + 1
				for v.low(ri) == "a" || v.low(ri) == "an" || v.low(ri) == "the" {
					ri++
				}
				if _, rj, head := v.roleNounSpan(ri); head != "" && (v.low(rj) == "of" || v.low(rj) == "for" || v.low(rj) == "at") {
					if o := v.np(rj + 1); o >= 0 && v.isA(o, schema.Organization) && v.m(o).kind == kName {
						v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "appositive-role", p.i, rj, q)
						v.orgRel(pi, o, joinToks(v.t[ri:rj]), "appositive-org", p.i, v.m(o).j)
					}
				}
				break
			}
		}
	}
}

// restatedOrg reads "the strongest opposition party, the Croatian Social
// Liberal Party" from i: a lower-case organisation noun phrase restated by
// the name after its comma.
func (v *view) restatedOrg(i int) int {
	noun := false
	for k := i; k < len(v.t) && k < i+7; k++ {
		w := v.low(k)
		if w == "," {
			if !noun {
				return -1
			}
			j := k + 1
			if v.low(j) == "the" {
				j++
			}
			if o := v.start[j]; o >= 0 && v.m(o).kind == kName && v.isA(o, schema.Organization) {
				return o
			}
			return -1
		}
		if v.t[k].Text != w || v.start[k] >= 0 {
			return -1
		}
		noun = noun || orgNouns[w]
	}
	return -1
}

// possessiveRules: "Rudaw's Namo Abdulla", "Syria's Hasaka province",
// "the regime's assaults on Idlib", "Rochester's Peter McWalters".
func (v *view) possessiveRules() {
	for k := 1; k < len(v.t); k++ {
		if v.t[k].Text != "'s" && v.t[k].Text != "’s" && !(v.t[k].Text == "'" && strings.HasSuffix(v.t[k-1].Text, "s")) {
			continue
		}
		a := v.end[k]
		if a < 0 {
			continue
		}
		i := k + 1
		for i < len(v.t) && (npSkip[v.low(i)] || v.t[i].Tag == "JJ" && v.t[i].Text == v.low(i)) && i < k+4 {
			if _, _, head := v.roleNounSpan(i); head != "" && v.t[i].Tag == "JJ" && !evaluative[v.low(i)] && !rankWords[v.low(i)] {
				break // "Trump's national security adviser": the adjective is the title's
			}
			i++
		}
		// Support nouns: "the president's endorsement of Moore", "Iran's
		// backing for the Houthis"; not "X's support for the bill" (no name).
		if supportNouns[v.low(i)] && (v.low(i+1) == "for" || v.low(i+1) == "of") {
			if b := v.np(i + 2); b >= 0 && v.m(b).kind == kName && !v.possessor(b) && !unrealAttack(v, i) && (v.isA(b, schema.Person) || v.isA(b, schema.Organization)) {
				v.emit(a, "backs", b, "possessive-support", v.m(a).i, v.m(b).j, nil)
			}
			continue
		}
		// Attack nouns: "the regime's assaults on Idlib".
		if attackNouns[v.low(i)] && (v.low(i+1) == "on" || v.low(i+1) == "against" || v.low(i+1) == "of" || v.low(i+1) == "in") {
			if b := v.np(i + 2); b >= 0 && !unrealAttack(v, i) {
				if verbalAttack(v, a, b) {
					v.emit(a, "opposes", b, "attack-noun-verbal", v.m(a).i, v.m(b).j, nil)
				} else {
					v.emit(a, "attacked", b, "possessive-attack", v.m(a).i, v.m(b).j, nil)
				}
			}
			continue
		}
		roleEnt, roleText := -1, ""
		if mi := v.start[i]; mi >= 0 && v.m(mi).kind == kRole {
			roleEnt, roleText = v.ent(mi), v.m(mi).surface
			i = v.m(mi).j
		} else if ri, rj, head := v.roleNounSpan(i); head != "" {
			if v.low(rj) == "of" && v.low(rj+1) == "staff" && v.low(rj-1) == "chief" {
				rj += 2 // "Trump's chief of staff, John Kelly"
			}
			roleEnt, roleText = v.roleEntity(ri, rj), joinToks(v.t[ri:rj])
			i = rj
			if v.low(i) == "," {
				i++
			}
		}
		b := v.start[i]
		if b >= 0 && v.m(b).kind == kRole {
			// "Congo's army spokesman, General Sylvain Ekenge"
			b = v.start[v.m(b).j]
		}
		if b < 0 || v.m(b).kind == kRole {
			continue
		}
		if bm := v.m(b); bm.j-bm.i == 1 && (v.x.g.orgHeads[bm.surface] != "" || v.x.g.locHeads[bm.surface] != "") {
			continue // "Ford's Theatre": one name
		}
		if bb := v.np(i); bb >= 0 {
			b = bb
		}
		lo, hi := v.m(a).i, v.m(b).j
		switch {
		case v.isA(b, schema.Person):
			if roleEnt >= 0 {
				v.emitEnt(v.ent(b), "role", roleEnt, "possessive-role", lo, hi, nil)
			}
			if v.isA(a, schema.Person) && v.m(a).kind == kName {
				v.staffRel(b, a, roleText, "possessive", lo, hi) // "Grassley's spokesman Michael Zona"
			} else if v.isA(a, schema.Organization) {
				v.orgRel(b, a, roleText, "possessive-org", lo, hi)
			} else if v.isA(a, schema.Location) {
				v.emit(b, "lives_in", a, "possessive-place-lives", lo, hi, nil)
				if roleText != "" && v.isLeader(roleText) {
					v.emit(b, "leads", a, "possessive-org", lo, hi, nil)
				}
			}
		case v.isA(b, schema.Location) && (v.isA(a, schema.Location) && v.m(a).strength < 3 || v.isA(a, schema.Organization)) && !v.isA(b, schema.Country) && roleEnt < 0 && officeNouns[v.low(v.m(b).j)]:
			// "Kerr-McGee's Oklahoma City headquarters": the owner is a firm
			// (the recogniser may have said so already).
			if v.isA(a, schema.Location) {
				v.x.ents[v.ent(a)].class = schema.Organization
			}
			v.emit(a, "based_in", b, "possessive-based", lo, hi+1, nil)
		case v.isA(b, schema.Location) && v.isA(a, schema.Location) && !v.isA(b, schema.Country) && roleEnt < 0 && !nounAt(v, v.m(b).j):
			// not "Washington's Middle East allies": the allies are Washington's
			v.emit(b, "located_in", a, "possessive-place", lo, hi, nil)
		case v.isA(b, schema.Organization) && v.isA(a, schema.Location) && roleEnt < 0:
			v.emit(b, "based_in", a, "possessive-based", lo, hi, nil)
		}
	}
}

// rankWords order or place a title's holders without naming the office
// ("the agency's first director", "Trump's personal attorney").
var rankWords = map[string]bool{"first": true, "last": true, "current": true, "own": true, "personal": true,
	"top": true, "new": true, "outgoing": true, "incoming": true, "previous": true, "latest": true, "next": true,
	"political": true, "private": true, "then": true}

// supportNouns name backing as a thing one has ("X's support for Y").
var supportNouns = map[string]bool{"support": true, "endorsement": true, "backing": true, "sponsorship": true}

// officeNouns after a place say whose place it is: "X's Houston office".
var officeNouns = map[string]bool{"headquarters": true, "office": true, "offices": true, "plant": true,
	"factory": true, "branch": true, "bureau": true, "subsidiary": true, "unit": true}

// basedOrgNouns name bodies beside ingest's organisation nouns: "a
// Washington-based conservative website" describes no person.
var basedOrgNouns = map[string]bool{"website": true, "outlet": true, "publication": true, "magazine": true,
	"tank": true, "fund": true, "center": true, "centre": true, "council": true, "association": true,
	"coalition": true, "lobby": true, "club": true, "provider": true, "maker": true, "operator": true,
	"retailer": true, "carrier": true, "chain": true, "station": true, "team": true, "office": true}

// basedPersonNoun reports whether the lower-case noun phrase from token i
// (up to a comma, a relative pronoun or a name) is a person's: no
// organisation noun among its words, and at least one word.
func (v *view) basedPersonNoun(i int) bool {
	n := 0
	for ; i < len(v.t); i++ {
		w := v.t[i].Text
		if w == "," || w == "." || w == "who" || w == "that" || w == "and" || v.start[i] >= 0 || w != strings.ToLower(w) {
			break
		}
		if orgNouns[strings.ToLower(w)] || basedOrgNouns[strings.ToLower(w)] {
			return false
		}
		n++
	}
	return n > 0
}

// hyphenRules: "the Russian-backed Assad regime", "a Washington-based
// group", "Iran-aligned militias", "the HTS-held province".
func (v *view) hyphenRules() {
	for _, hi := range v.x.sentMents[v.si] {
		h := v.m(hi)
		if h.kind != kHyphen || h.ent < 0 {
			continue
		}
		t := v.np(h.j)
		if t < 0 && h.i > 0 {
			// "the Tarsis-backed militia": an anaphor around the modifier.
			if a := v.start[h.i-1]; a >= 0 && v.m(a).kind == kPronoun && v.m(a).j > h.j {
				t = a
			}
		}
		if t < 0 && h.suffix == "born" && h.i >= 3 && (v.low(h.i-1) == "the" || v.low(h.i-1) == "a") && v.low(h.i-2) == "," {
			// "Kurt Weill, the German-born composer,"
			if p := v.end[h.i-2]; p >= 0 && v.isA(p, schema.Person) {
				v.emit(p, "lives_in", hi, "x-born-y", v.m(p).i, h.j, nil)
			}
			continue
		}
		if t < 0 && h.suffix == "based" && h.i >= 3 && (v.low(h.i-1) == "a" || v.low(h.i-1) == "an") && v.low(h.i-2) == "," {
			// "Ana Ruiz, a Denver-based energy lawyer," (session 12): the
			// person the appositive describes works and lives there; an
			// organisation's noun in it (a Denver-based firm) says the name
			// before is no person.
			if p := v.end[h.i-2]; p >= 0 && v.isA(p, schema.Person) && v.basedPersonNoun(h.j) {
				v.emit(p, "lives_in", hi, "appos-x-based-person", v.m(p).i, h.j, nil)
			}
			continue
		}
		if t < 0 || v.m(t).kind == kDemonym {
			// "the Idlib-based group": a lower-case noun; fall back to "the group" antecedent.
			// "the Kremlin-backed former Ukrainian president": the nationality
			// describes the one backed; it is not the one backed.
			continue
		}
		if hyphenControl[h.suffix] && v.party(hi) && v.chamber(t) {
			continue // "the Republican-led House": partyControl (rules_control.go)
		}
		lo, hiTok := h.i, v.m(t).j
		switch h.suffix {
		case "backed", "supported", "funded", "sponsored", "armed":
			v.emit(hi, "backs", t, "x-backed-y", lo, hiTok, nil)
		case "controlled", "held", "occupied", "run":
			v.emit(hi, "controls", t, "x-held-y", lo, hiTok, nil)
		case "based":
			between := false // "the Amsterdam-based environmental group Greenpeace"
			for k := h.j; k < v.m(t).i; k++ {
				between = between || orgNouns[v.low(k)]
			}
			if between && v.isA(t, schema.Person) && v.m(t).strength < 3 {
				v.x.ents[v.ent(t)].class = schema.Organization // the noun says what it is
			}
			if v.isA(t, schema.Person) && !between {
				v.emit(t, "lives_in", hi, "x-based-y", lo, hiTok, nil)
			} else {
				v.emit(t, "based_in", hi, "x-based-y", lo, hiTok, nil)
			}
		case "born":
			v.emit(t, "lives_in", hi, "x-born-y", lo, hiTok, nil)
		case "linked", "affiliated", "aligned":
			v.emit(t, "affiliated_with", hi, "x-linked-y", lo, hiTok, nil)
		case "allied":
			v.emit(t, "allied_with", hi, "x-linked-y", lo, hiTok, nil)
		case "led":
			v.emit(hi, "backs", t, "x-led-y", lo, hiTok, nil)
		}
	}
}

// relNouns link two organisations: "the former al-Qaeda affiliate HTS".
var relNouns = map[string]string{
	"affiliate": "affiliated_with", "offshoot": "affiliated_with", "branch": "affiliated_with",
	"wing": "affiliated_with", "proxy": "backs", "ally": "allied_with", "allies": "allied_with",
	"partner": "allied_with", "partners": "allied_with", "franchise": "affiliated_with",
}

// affiliationRules: "X affiliate Y", "Y, an affiliate of X", "allied with".
func (v *view) affiliationRules() {
	for k := 1; k < len(v.t); k++ {
		w := v.low(k)
		pred := relNouns[w]
		if pred != "" {
			former := v.low(k-1) == "former" || v.low(k-2) == "former" || v.low(k-3) == "former"
			q := map[string]string(nil)
			if former {
				q = map[string]string{schema.QualFormer: "true"}
			}
			// "Y, a former X affiliate": Y is affiliated with X.
			if x := v.end[k]; x >= 0 && v.m(x).kind != kRole && v.m(x).kind != kPronoun && v.start[k+1] < 0 {
				j := v.m(x).i - 1
				for j >= 0 && npSkip[v.low(j)] {
					j--
				}
				if j >= 0 && v.low(j) == "," {
					if y := v.end[j]; y >= 0 && v.m(y).kind == kName {
						v.emit(y, pred, x, "y-x-affiliate", v.m(y).i, k+1, q)
						continue
					}
				}
			}
			// "X affiliate Y": Y is affiliated with X.
			if x := v.end[k]; x >= 0 && v.m(x).kind != kRole {
				if y := v.start[k+1]; y >= 0 && v.m(y).kind == kName {
					if pred == "backs" {
						v.emit(x, pred, y, "x-affiliate-y", v.m(x).i, v.m(y).j, q)
					} else {
						v.emit(y, pred, x, "x-affiliate-y", v.m(x).i, v.m(y).j, q)
					}
					continue
				}
			}
			// "Y, an affiliate of X" / "Y, a former ally of X"
			if v.low(k+1) == "of" {
				j := k - 1
				for j >= 0 && (npSkip[v.low(j)] || v.low(j) == "close" || v.low(j) == "key") {
					j--
				}
				if j >= 0 && v.low(j) == "," {
					if y := v.end[j]; y >= 0 {
						if x := v.np(k + 2); x >= 0 {
							v.emit(y, pred, x, "y-affiliate-of-x", v.m(y).i, v.m(x).j, q)
						}
					}
				}
			}
		}
		if (w == "allied" || w == "aligned" || w == "affiliated" || w == "linked") && (v.low(k+1) == "with" || v.low(k+1) == "to") {
			if s, neg := v.subject(k); s >= 0 {
				if o := v.np(k + 2); o >= 0 {
					p := "affiliated_with"
					if w == "allied" {
						p = "allied_with"
					}
					v.emit(s, p, o, "allied-with", v.m(s).i, v.m(o).j, negQ(neg))
				}
			}
		}
		if w == "resigned" || w == "retired" || w == "quit" {
			// "X resigned from Y", "X retired as chairman of Y", "X quit
			// Y": a former employer.
			f := k + 1
			if v.low(f) == "from" {
				f++
			} else if v.low(f) == "as" {
				for f < len(v.t) && f < k+6 && v.low(f) != "of" && v.low(f) != "at" && v.low(f) != "from" && v.low(f) != "," {
					f++
				}
				f++
			} else if w != "quit" {
				f = -1
			}
			if f > 0 {
				if o := v.np(f); o >= 0 && v.isA(o, schema.Organization) && v.m(o).kind == kName {
					if s, neg := v.subject(k); s >= 0 && v.isA(s, schema.Person) && !neg {
						v.emit(s, "works_for", o, "left-org", v.m(s).i, v.m(o).j, map[string]string{schema.QualFormer: "true"})
					}
				}
			}
		}
		if beatVerbs[w] {
			// "X covers the White House for The Associated Press", "X has
			// covered education for the AP since 1981": a beat, then the outlet.
			for f := k + 1; f < len(v.t) && f < k+8; f++ {
				lw := v.low(f)
				if lw == "," || lw == ";" || lw == "said" || lw == "that" || strings.HasPrefix(v.t[f].Tag, "VB") {
					break
				}
				if lw != "for" {
					continue
				}
				if o := v.np(f + 1); o >= 0 && v.isA(o, schema.MediaOutlet) {
					if s, neg := v.subject(k); s >= 0 && v.isA(s, schema.Person) {
						v.emit(s, "works_for", o, "reports-for", v.m(s).i, v.m(o).j, negQ(neg))
					}
				}
				break
			}
		}
		if (w == "works" || w == "worked" || w == "working" || w == "teaches" || w == "taught" || w == "teaching" || w == "employed" && v.low(k-1) != "self") && (v.low(k+1) == "for" || v.low(k+1) == "at" || v.low(k+1) == "by" && w == "employed") {
			if s, neg := v.subject(k); s >= 0 && v.isA(s, schema.Person) {
				if o := v.np(k + 2); o >= 0 && v.isA(o, schema.Organization) {
					v.emit(s, "works_for", o, "works-for", v.m(s).i, v.m(o).j, negQ(neg))
				}
			}
		}
	}
}

// ofRules: "Shi Liming at the Institute of Zoology", "Sen. Smith of
// Texas", "TSW Meats Ltd. of Liverpool".
func (v *view) ofRules() {
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || a.ent < 0 {
			continue
		}
		w := v.low(a.j)
		at := a.j
		if w == "," && v.t[min(a.j+1, len(v.t)-1)].Tag == "CD" && v.low(a.j+2) == "," && (v.low(a.j+3) == "of" || v.low(a.j+3) == "from") {
			at = a.j + 3 // "Daniel Sullivan, 30, of Boothbay"
			w = v.low(at)
		} else if w == "," && v.low(a.j+1) == "of" && v.isA(ai, schema.Person) {
			at = a.j + 1 // "Mary Lou Field, of Dallas,"
			w = "from"
		}
		if w != "of" && w != "at" && w != "from" {
			continue
		}
		b := v.np(at + 1)
		if b < 0 || v.m(b).kind != kName {
			continue
		}
		lo, hi := a.i, v.m(b).j
		switch {
		case v.isA(ai, schema.Person) && v.isA(b, schema.Organization) && w != "from":
			v.emit(ai, "works_for", b, "person-of-org", lo, hi, nil)
			if y := v.possessorOrg(b); y >= 0 {
				v.emit(ai, "works_for", y, "person-of-org", lo, hi, nil)
			}
		case v.isA(ai, schema.Person) && v.isA(b, schema.Location) && (w == "of" || w == "from"):
			v.emitPlace(ai, "lives_in", b, "person-of-place", lo, hi, nil)
			// "Gov. Ann Richards of Texas", "President Carlos Menem of Argentina".
			if r := v.end[a.i]; r >= 0 && v.m(r).kind == kRole && v.isLeader(v.m(r).surface) && at == a.j {
				v.emit(ai, "leads", b, "title-person-of-leads", v.m(r).i, hi, nil)
			}
		case v.isA(ai, schema.Organization) && v.isA(b, schema.Location) && w == "of" && !v.isA(ai, schema.Government):
			rule := "org-of-place"
			if v.institutionName(ai) {
				rule = "institution-of-place"
			}
			v.emitPlace(ai, "based_in", b, rule, lo, hi, nil)
		}
	}
}

// institutionHeads end a name that can only be a seated organisation:
// a firm's legal form or an institution's kind ("Pacific Marine Inc.",
// "Brown University", "the Federal Home Loan Bank"). Parties, groups,
// movements and armed forces are left out: "Democrats in Alabama", "the
// Islamic State group in Syria" are active there, not seated there.
var institutionHeads = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "llc": true,
	"company": true, "corporation": true, "bank": true, "university": true, "institute": true,
	"college": true, "hospital": true, "center": true, "centre": true, "agency": true, "court": true,
	"foundation": true, "museum": true, "laboratory": true, "laboratories": true, "school": true, "academy": true,
	"association": true, "council": true, "exchange": true, "commission": true, "ministry": true, "observatory": true}

// institutionName reports whether mention ai is a name of two words or
// more whose last word is an institution's head: a one-word "Bank" or
// "University" is a longer name the recogniser split at "of".
func (v *view) institutionName(ai int) bool {
	a := v.m(ai)
	if a.kind != kName || a.j-a.i < 2 {
		return false
	}
	return institutionHeads[strings.TrimSuffix(v.low(a.j-1), ".")]
}
