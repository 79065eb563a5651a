package ingest

// Relation rules about places: containment, homes and bases, numbers of
// people, and the place chain that carries facts up to larger places.

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// placeRules: "Livingston, Texas", datelines, "X in Y", "X, based in Y",
// "X, who lives in Y", "born in".
func (v *view) placeRules() {
	ms := v.x.sentMents[v.si]
	for _, ai := range ms {
		a := v.m(ai)
		if a.kind == kPronoun && a.ent >= 0 && strings.HasPrefix(a.surface, "the ") && v.isA(ai, schema.Organization) && !v.isA(ai, schema.ArmedGroup) &&
			a.i > 0 && (v.low(a.i-1) == "for" || v.low(a.i-1) == "of" || v.low(a.i-1) == "at") && v.low(a.j) == "in" {
			// "a spokeswoman for the agency in Washington, D.C.": the agency
			// named before is there.
			if b := v.np(a.j + 1); b >= 0 && v.isA(b, schema.Location) && v.m(b).kind == kName {
				v.emitPlace(ai, "based_in", b, "org-in-place", a.i, v.m(b).j, nil)
			}
			continue
		}
		if a.kind != kName || a.ent < 0 {
			continue
		}
		j := a.j
		// "City, Region" and datelines.
		if v.low(j) == "," && v.isA(ai, schema.Location) {
			b := v.start[j+1]
			// "Mexico, Guadalajara, Monterrey": a list, not a containment.
			// "Fire Island Seashore, Patchogue, N.Y.": ranks that rise are a chain.
			if b < 0 && v.low(j+1) == "the" {
				// "Brunei, Malaysia, the Philippines": a list goes on
				// through a determiner.
				if c := v.start[j+2]; c >= 0 && v.isA(c, schema.Location) && a.i > 0 && v.low(a.i-1) == "," {
					continue
				}
			}
			// "Manhattan, Brooklyn, the Hamptons, Arlington, Virginia": a
			// determiner does not end the list before the name.
			prev := a.i - 1
			if prev > 0 && v.low(prev) == "the" {
				prev--
			}
			// "Brunei, Indonesia, Malaysia": two countries in a row are a list.
			countries := b >= 0 && v.isA(b, schema.Country) && v.low(v.m(b).j) == "," && v.start[v.m(b).j+1] >= 0 && v.isA(v.start[v.m(b).j+1], schema.Country)
			list := countries || b >= 0 && (v.low(v.m(b).j) == "and" || v.low(v.m(b).j) == "," && v.start[v.m(b).j+1] >= 0 && v.isA(v.start[v.m(b).j+1], schema.Location) && !v.isA(v.start[v.m(b).j+1], schema.Country) && !broader(v.cls(v.start[v.m(b).j+1]), v.cls(b))) || prev > 0 && v.low(prev) == "," && v.end[prev] >= 0 && v.isA(v.end[prev], schema.Location) && !broader(v.cls(ai), v.cls(v.end[prev]))
			if b >= 0 && v.low(v.m(b).j) == "'s" && !v.placeHeadAt(v.m(b).j+1) {
				// "Morihiro Hosokawa, Japan's prime minister": the place
				// owns what follows; it does not contain the name before
				// ("Baghdad, Iraq's capital" does).
				list = true
			}
			if b >= 0 && !list && v.m(b).kind == kName && v.isA(b, schema.Location) && broader(v.cls(b), v.cls(ai)) && !v.modifiesNoun(b) {
				rule := "comma-place"
				if a.i == 0 && (v.low(v.m(b).j) == "–" || v.low(v.m(b).j) == "-" || v.low(v.m(b).j) == "—" || v.low(v.m(b).j) == "--" || v.low(v.m(b).j) == "(") {
					rule = "dateline"
				}
				v.emit(ai, "located_in", b, rule, a.i, v.m(b).j, nil)
				v.coordPlaces(ai, b, rule)
			}
		}
		// "X in Y": a place in a larger place; "the Fernald uranium processing
		// plant in Ohio": a facility noun may come between.
		if a.i > 0 && v.isA(ai, schema.Location) {
			for k := j; k < j+4 && k < len(v.t) && v.t[k].Text == v.low(k) && v.low(k) != "in"; k++ {
				// "Umbria and Lazio provinces in central Italy"
				if (facilityNouns[v.low(k)] || k == j && placeNouns[strings.TrimSuffix(v.low(k), "s")] != "" || v.low(k) == "provinces" || v.low(k) == "counties") && v.low(k+1) == "in" {
					j = k + 1
					break
				}
			}
		}
		// "Apartado is in northwestern Antioquia", "the police headquarters in Bogota".
		if (v.low(j) == "is" || v.low(j) == "was" || v.low(j) == "headquarters") && v.low(j+1) == "in" && a.i >= 0 {
			j++
		}
		acr := false
		if v.low(j) == "(" && v.low(j+2) == ")" && v.low(j+3) == "in" && v.isA(ai, schema.Organization) {
			j += 3 // "Centro Nacional de Optica (CNO) in Valencia"
			acr = true
		}
		if v.low(j) == "in" && !languages[v.t[min(j+1, len(v.t)-1)].Text] {
			if b := v.np(j + 1); b >= 0 && v.isA(b, schema.Location) {
				switch {
				case v.isA(ai, schema.Location) && (broader(v.cls(b), v.cls(ai)) || v.cls(b) == schema.Location && v.isA(ai, schema.City) && j == a.j):
					// an unknown place after a town's "in" is its region: "Naples in Campania"
					v.emit(ai, "located_in", b, "x-in-y", a.i, v.m(b).j, nil)
					v.possessorIn(ai, j+1, b, "x-in-y")
					v.coordPlaces(ai, b, "x-in-y")
				case v.isA(ai, schema.Organization) && !v.isA(ai, schema.ArmedGroup) && v.low(j-1) == "headquarters":
					v.emitPlace(ai, "based_in", b, "org-in-place", a.i, v.m(b).j, nil)
				case v.isA(ai, schema.Organization) && !v.isA(ai, schema.ArmedGroup) && (j == a.j || acr) && (acr && !v.isA(b, schema.Country) || a.i > 0 && (v.low(a.i-1) == "of" || v.low(a.i-1) == "at" || v.low(a.i-1) == "from" || v.low(a.i-1) == "the" && a.i > 1 && (v.low(a.i-2) == "of" || v.low(a.i-2) == "at" || v.low(a.i-2) == "from")) || a.strength >= 3 && !v.isA(b, schema.Country)):
					// "a professor at the Institute of Zoology in Kunming"
					rule := "org-in-place"
					if v.institutionName(ai) && j == a.j {
						rule = "institution-in-place"
					}
					v.emitPlace(ai, "based_in", b, rule, a.i, v.m(b).j, nil)
				}
			}
		}
		// Appositive of a place: "al-Hol camp, a displacement camp of
		// around 70,000 people in Syria's Hasaka province".
		if v.low(j) == "," && v.isA(ai, schema.Location) && (v.low(j+1) == "a" || v.low(j+1) == "an" || v.low(j+1) == "the") {
			for k := j + 2; k < len(v.t) && k < j+14; k++ {
				if v.low(k) == "," || v.low(k) == ";" || v.start[k] >= 0 && v.low(k-1) != "in" {
					if v.low(k) == "," || v.low(k) == ";" {
						break
					}
				}
				if v.low(k) == "in" {
					if b := v.np(k + 1); b >= 0 && v.isA(b, schema.Location) && broader(v.cls(b), v.cls(ai)) {
						v.emit(ai, "located_in", b, "appositive-in", a.i, v.m(b).j, nil)
						v.possessorIn(ai, k+1, b, "appositive-in")
					}
					break
				}
			}
		}
		// "Talmora, the capital of Aurelia".
		if v.low(j) == "," && v.isA(ai, schema.Location) && v.low(j+1) == "the" && (v.low(j+2) == "capital" || v.low(j+2) == "largest" && v.low(j+3) == "city") {
			k := j + 3
			if v.low(k) == "city" {
				k++
			}
			if v.low(k) == "of" {
				if b := v.np(k + 1); b >= 0 && v.isA(b, schema.Location) {
					v.emit(ai, "located_in", b, "capital-of", a.i, v.m(b).j, nil)
				}
			}
		}
		// "Kestrel Systems, an Osland-based software company".
		if v.low(j) == "," && (v.low(j+1) == "a" || v.low(j+1) == "an" || v.low(j+1) == "the") && v.isA(ai, schema.Organization) {
			if h := v.start[j+2]; h >= 0 && v.m(h).kind == kHyphen && v.m(h).suffix == "based" && v.np(j+3) < 0 {
				v.emit(ai, "based_in", h, "x-based-y", a.i, j+3, nil)
			}
		}
		// Organisations: "X, based in Y", "X is headquartered in Y".
		if v.isA(ai, schema.Organization) || v.isA(ai, schema.Person) {
			k := j
			if v.low(k) == "," {
				k++
			}
			if v.low(k) == "who" || v.low(k) == "which" || v.low(k) == "is" || v.low(k) == "was" || v.low(k) == "now" {
				k++
			}
			for n := 0; n < 2 && (v.low(k) == "is" || v.low(k) == "was" || v.low(k) == "has" || v.low(k) == "had" || v.low(k) == "currently" || v.low(k) == "also" || v.low(k) == "been" || v.low(k) == "comes" || v.low(k) == "came" || v.low(k) == "hails" || v.low(k) == "now" || v.low(k) == "still"); n++ {
				k++
			}
			if v.low(j) == "," && (v.low(k) == "the" || v.low(k) == "a" || v.low(k) == "an") {
				// "Greenpeace, the environmental group based in Amsterdam"
				for kk := k + 1; kk < len(v.t) && kk < k+6 && v.t[kk].Text == v.low(kk) && v.low(kk) != ","; kk++ {
					if w := v.low(kk); (w == "based" || w == "headquartered") && v.low(kk+1) == "in" && orgNouns[v.low(kk-1)] {
						k = kk
						break
					}
				}
			}
			w := v.low(k)
			// "X has its headquarters in Y", "X moved its headquarters to Y".
			hq := k
			if w == "has" || w == "have" || w == "moved" || w == "moves" || w == "relocated" || w == "keeps" || w == "opened" || w == "maintains" {
				hq++
			}
			if v.isA(ai, schema.Organization) && hq > j && (v.low(hq) == "its" || v.low(hq) == "their") && (v.low(hq+1) == "headquarters" || v.low(hq+1) == "head" && v.low(hq+2) == "office") {
				h := hq + 2
				if v.low(hq+1) == "head" {
					h++
				}
				if v.low(h) == "in" || v.low(h) == "to" {
					if b := v.np(h + 1); b >= 0 && v.isA(b, schema.Location) {
						v.emitPlace(ai, "based_in", b, "based-in", a.i, v.m(b).j, nil)
					}
				}
			}
			if (w == "based" || w == "headquartered" || w == "located") && v.low(k+1) == "in" && (v.isA(ai, schema.Organization) || orgNouns[v.low(k-1)]) {
				if b := v.np(k + 2); b >= 0 && v.isA(b, schema.Location) {
					v.emitPlace(ai, "based_in", b, "based-in", a.i, v.m(b).j, nil)
				}
			}
			if v.isA(ai, schema.Person) && v.low(j) == "," {
				// "X, the manager of the project, based in Huntsville": a
				// person based somewhere lives there.
				c := j
				if v.low(j+1) != "based" {
					for c = j + 1; c < len(v.t) && c < j+10 && v.low(c) != "," && v.start[c] < 0; c++ {
					}
				}
				if v.low(c) == "," && v.low(c+1) == "based" && v.low(c+2) == "in" {
					if b := v.np(c + 3); b >= 0 && v.isA(b, schema.Location) {
						v.emitPlace(ai, "lives_in", b, "person-based-in", a.i, v.m(b).j, nil)
					}
				}
			}
			if v.isA(ai, schema.Person) {
				liv := (w == "lives" || w == "lived" || w == "resides" || w == "resided" || w == "settled" || w == "born" || w == "grew" && v.low(k+1) == "up") && (v.low(k+1) == "in" || v.low(k+2) == "in")
				if w == "a" || w == "an" {
					if n := v.low(k + 1); (n == "native" || n == "resident") && v.low(k+2) == "of" {
						liv = true
					}
				}
				if w == "from" && (v.low(k-1) == "is" || v.low(k-1) == "was" || v.low(k-1) == "comes" || v.low(k-1) == "came" || v.low(k-1) == "hails") {
					// "Mrs. Tsuruyama is from Yatsushiro"
					if b := v.np(k + 1); b >= 0 && v.isA(b, schema.Location) {
						v.emitPlace(ai, "lives_in", b, "is-from", a.i, v.m(b).j, nil)
					}
				}
				if liv {
					for kk := k + 1; kk < k+4 && kk < len(v.t); kk++ {
						if v.low(kk) == "in" || v.low(kk) == "of" {
							if b := v.np(kk + 1); b >= 0 && v.isA(b, schema.Location) {
								v.emitPlace(ai, "lives_in", b, "lives-in", a.i, v.m(b).j, nil)
							}
							break
						}
					}
				}
			}
		}
	}
	// "born in": a person earlier in the sentence.
	for k := 1; k < len(v.t); k++ {
		if v.low(k) != "born" || v.low(k+1) != "in" && v.low(k+1) != "near" {
			continue
		}
		b := v.np(k + 2)
		if b < 0 || !v.isA(b, schema.Location) {
			continue
		}
		// "was never born in X" is no home
		if s, neg := v.subject(k); s >= 0 && v.isA(s, schema.Person) && !neg {
			// "Bush and Dukakis were born in ...": both.
			if i := v.m(s).i; i >= 2 && v.low(i-1) == "and" {
				if s2 := v.end[i-1]; s2 >= 0 && v.isA(s2, schema.Person) {
					v.emit(s2, "lives_in", b, "born-in", v.m(s2).i, v.m(b).j, nil)
				}
			}
			v.emit(s, "lives_in", b, "born-in", v.m(s).i, v.m(b).j, nil)
			// "born in Willowdell, Darke County": the town's county too.
			if nb := v.m(b).j; v.low(nb) == "," {
				if c := v.start[nb+1]; c >= 0 && v.isA(c, schema.Location) {
					v.emit(s, "lives_in", c, "born-in", v.m(s).i, v.m(c).j, nil)
				}
			}
		}
	}
	// "Havana Radio Reloj Network": a place naming its organisation.
	for _, p := range v.x.locOrg {
		if v.x.ments[p[0]].sent != v.si {
			continue
		}
		if v.partyMember(p[1]) || v.isA(p[1], schema.PoliticalParty) && v.m(p[1]).j-v.m(p[1]).i == 1 {
			continue // "a North Carolina Republican": a member, not a branch
		}
		if nounAt(v, v.m(p[1]).j) {
			continue // "the Alabama Senate race": a race, not a senate
		}
		v.emit(p[1], "based_in", p[0], "place-org-name", v.m(p[0]).i, v.m(p[1]).j, nil)
	}
}

// languages are not places: "Radio Havana in Spanish".
var languages = map[string]bool{"English": true, "Spanish": true, "French": true, "Arabic": true, "Russian": true,
	"German": true, "Chinese": true, "Portuguese": true, "Japanese": true, "Italian": true, "Korean": true,
	"Persian": true, "Farsi": true, "Turkish": true, "Hebrew": true, "Greek": true, "Serbo-Croatian": true,
	"Czech": true, "Polish": true, "Hungarian": true, "Romanian": true, "Bulgarian": true, "Ukrainian": true,
	"Slovak": true, "Albanian": true, "Mandarin": true, "Hindi": true, "Urdu": true, "Kurdish": true, "Dutch": true}

// broader reports whether outer can contain inner.
func broader(outer, inner schema.Class) bool {
	rank := func(c schema.Class) int {
		switch {
		case c.IsA(schema.Country):
			return 4
		case c.IsA(schema.Province):
			return 3
		case c.IsA(schema.Region):
			return 3
		case c.IsA(schema.City):
			return 2
		case c.IsA(schema.Facility), c.IsA(schema.River):
			return 1
		}
		return 0 // unknown Location
	}
	ro, ri := rank(outer), rank(inner)
	if ro == 0 {
		return ri <= 1 && ri > 0
	}
	if ri == 0 {
		return ro >= 2
	}
	return ro > ri || ro == 3 && ri == 3 && outer != inner
}

var facilityNouns = map[string]bool{"plant": true, "cave": true, "site": true, "factory": true, "mine": true, "refinery": true, "airport": true, "prison": true, "dam": true, "base": true, "complex": true, "facility": true, "reactor": true, "camp": true, "port": true, "hospital": true}

var approxWords = map[string]bool{"around": true, "about": true, "roughly": true, "approximately": true, "some": true, "nearly": true, "almost": true, "estimated": true, "up": true, "over": true, "more": true, "at": true, "an": true}

var peopleNouns = map[string]bool{"people": true, "residents": true, "inhabitants": true, "refugees": true, "civilians": true, "families": false, "persons": true, "displaced": true, "idps": true}

var forceNouns = map[string]bool{"fighters": true, "members": true, "troops": true, "soldiers": true, "militants": true, "men": true, "personnel": true, "combatants": true, "jihadists": true, "rebels": true, "insurgents": true, "recruits": true}

// number parses "15,000", "3 million", "1.5 million" into a decimal string.
func number(v *view, k int) (string, int, bool) {
	t := v.t[k].Text
	if v.t[k].Tag != "CD" && !(t != "" && t[0] >= '0' && t[0] <= '9') {
		return "", k, false
	}
	clean := strings.ReplaceAll(t, ",", "")
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return "", k, false
	}
	next := k + 1
	// CoNLL-style "150 , 000".
	if v.low(next) == "," && next+1 < len(v.t) && len(v.t[next+1].Text) == 3 && v.t[next+1].Tag == "CD" {
		if g, err := strconv.ParseFloat(v.t[next+1].Text, 64); err == nil {
			f = f*1000 + g
			next += 2
		}
	}
	switch v.low(next) {
	case "million":
		f *= 1e6
		next++
	case "thousand":
		f *= 1e3
		next++
	case "billion":
		f *= 1e9
		next++
	}
	return strconv.FormatFloat(f, 'f', -1, 64), next, true
}

// quantityRules: "a displacement camp of around 70,000 people", "X has
// roughly 15,000 fighters", "home to 2 million people".
func (v *view) quantityRules() {
	for k := 0; k < len(v.t); k++ {
		val, next, ok := number(v, k)
		if !ok {
			continue
		}
		approx := k > 0 && approxWords[v.low(k-1)] || v.low(k-1) == "than" || v.low(k-1) == "to" && v.low(k-2) == "up"
		q := map[string]string(nil)
		if approx {
			q = map[string]string{schema.QualApproximate: "true"}
		}
		noun := v.low(next)
		if noun == "internally" || noun == "displaced" {
			noun = "people"
		}
		switch {
		case peopleNouns[noun]:
			// Find the place: "X, a camp of N people", "X, home to N people",
			// "X has a population of N", "N people live in X".
			if v.low(next+1) == "living" {
				continue // "protects 300,000 people living in X": some of them, not all
			}
			if v.low(next+1) == "live" {
				if v.low(next+2) == "in" {
					if p := v.np(next + 3); p >= 0 && v.isA(p, schema.Location) {
						v.emitLit(p, "population", val, "population", k, v.m(p).j, q)
					}
				}
				continue
			}
			j := k - 1
			for j >= 0 && (approxWords[v.low(j)] || v.low(j) == "than" || v.low(j) == "of" || v.low(j) == "to" || v.low(j) == "home") {
				j--
			}
			// walk back over an appositive noun phrase to the place
			for steps := 0; j >= 0 && steps < 6; steps++ {
				if v.low(j) == "," {
					if p := v.end[j]; p >= 0 && v.isA(p, schema.Location) {
						v.emitLit(p, "population", val, "population", v.m(p).i, next+1, q)
					}
					break
				}
				if p := v.end[j+1]; p >= 0 && v.isA(p, schema.Location) && (v.low(j+1) == "has" || v.low(j+1) == "with") {
					v.emitLit(p, "population", val, "population", v.m(p).i, next+1, q)
					break
				}
				j--
			}
		case forceNouns[noun]:
			// "X (still) has (roughly) N fighters", "X, with N fighters", "N X fighters".
			j := k - 1
			for j >= 0 && (approxWords[v.low(j)] || v.low(j) == "than" || v.low(j) == "to") {
				j--
			}
			if w := v.low(j); w == "has" || w == "have" || w == "had" || w == "with" || w == "commands" || w == "fields" || w == "numbers" || w == "deployed" || w == "deploys" {
				if s, neg := v.subject(j); s >= 0 && (v.isA(s, schema.Organization) || v.isA(s, schema.Person)) {
					if neg {
						if q == nil {
							q = map[string]string{}
						}
						q[schema.QualNegated] = "true"
					}
					v.emitLit(s, "strength", val, "strength", v.m(s).i, next+1, q)
				} else if w == "with" && j > 0 && v.low(j-1) == "," {
					if s := v.end[j-1]; s >= 0 && v.isA(s, schema.Organization) {
						v.emitLit(s, "strength", val, "strength", v.m(s).i, next+1, q)
					}
				}
			}
		default:
			// "N X fighters"; not "all 17 Democratic members of the
			// committee": members of another body, some of X's
			if o := v.start[next]; o >= 0 && v.isA(o, schema.Organization) && forceNouns[v.low(v.m(o).j)] && v.low(v.m(o).j+1) != "of" {
				v.emitLit(o, "strength", val, "strength", k, v.m(o).j+1, q)
			}
		}
	}
}

// activeInRules: "X ... fighters active across Iraq and Syria", "X
// operates in Y", "X fighters in Y".
func (v *view) activeInRules() {
	for k := 0; k < len(v.t); k++ {
		w := v.low(k)
		if w != "active" && w != "operating" && w != "operates" && w != "operate" && w != "present" && w != "deployed" {
			continue
		}
		// The actor: the trigger's subject, right before it ("X operates",
		// "X, which is active", "the group is still present"); a name further
		// back is somebody else's ("their members … while Chinese companies
		// operate in Y").
		actor := -1
		for _, mi := range v.x.sentMents[v.si] {
			m := v.m(mi)
			if m.i >= k {
				break
			}
			if (m.kind == kName || m.kind == kPronoun) && v.isA(mi, schema.Organization) && subjectGap(v, m.j, k) {
				actor = mi
			}
		}
		if actor < 0 {
			continue
		}
		for j := k + 1; j < len(v.t) && j < k+25; j++ {
			lw := v.low(j)
			listComma := lw == "," && v.start[j+1] >= 0 && v.isA(v.start[j+1], schema.Location)
			if lw == ";" || lw == "." || lw == "but" || lw == "while" || lw == "," && v.low(j+1) != "and" && v.low(j+1) != "in" && !listComma {
				break
			}
			if lw == "in" || lw == "across" || lw == "throughout" || lw == "and" || lw == "inside" || listComma {
				if p := v.np(j + 1); p >= 0 && v.isA(p, schema.Location) && (lw != "and" && lw != "," || v.m(p).i == j+1) {
					v.emit(actor, "active_in", p, "active-in", v.m(actor).i, v.m(p).j, nil)
				}
			}
		}
	}
}

// possessorIn: "X in Syria's Hasaka province" also puts X in Syria.
func (v *view) possessorIn(x, i, inner int, rule string) {
	for steps := 0; i < len(v.t) && steps < 4; steps++ {
		if o := v.start[i]; o >= 0 && o != inner && v.m(o).kind == kName {
			if v.m(o).j < len(v.t) && v.t[v.m(o).j].Text == "'s" || v.t[v.m(o).j].Text == "’s" {
				if v.isA(o, schema.Location) && broader(v.cls(o), v.cls(x)) {
					v.emit(x, "located_in", o, rule+"-possessor", v.m(x).i, v.m(inner).j, nil)
				}
			}
			return
		}
		if !npSkip[v.low(i)] && v.t[i].Tag != "JJ" {
			return
		}
		i++
	}
}

// emitPlace emits a relation to a place and, when the place is followed
// by its state or country ("Franklin Lakes, N.J."), to that one too.
func (v *view) emitPlace(subj int, pred string, place int, rule string, lo, hi int, q map[string]string) {
	v.emit(subj, pred, place, rule, lo, hi, q)
	if place < 0 {
		return
	}
	j := v.m(place).j
	if v.low(j) != "," {
		return
	}
	if outer := v.start[j+1]; outer >= 0 && v.m(outer).kind == kName && v.isA(outer, schema.Location) && broader(v.cls(outer), v.cls(place)) {
		v.emit(subj, pred, outer, rule, lo, v.m(outer).j, q)
	}
}

// demonymOrgs: "the Russian Statistics Committee", "the U.S. Navy": a
// state body named after its country is based there.
func (v *view) demonymOrgs() {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kName || m.ent < 0 || m.j-m.i < 2 {
			continue
		}
		c := v.cls(mi)
		if c != schema.Government && c != schema.Organization {
			continue
		}
		if strings.Contains(m.surface, "Embassy") || strings.Contains(m.surface, "Consulate") {
			continue
		}
		first := v.t[m.i].Text
		surface := ""
		country, ok := "", false
		if e, ok2 := v.x.lookup(first); ok2 && e.Class == schema.Country {
			country, ok, surface = e.Name, true, first // "U.S. Navy": the text's name
		} else {
			country, ok = v.x.g.demonyms[first]
		}
		if !ok {
			continue
		}
		k := v.x.entityFor("g:"+country, country, surface, schema.Country, 3, v.si)
		v.emitEnt(m.ent, "based_in", k, "demonym-org-name", m.i, m.j, nil)
	}
}

// placeHeadAt reports whether the noun phrase at k is headed by a place
// noun after adjectives: "capital", "largest city", "highest peak".
func (v *view) placeHeadAt(k int) bool {
	for n := 0; k < len(v.t) && n < 3; k, n = k+1, n+1 {
		w := v.low(k)
		if _, ok := placeNouns[w]; ok || w == "peak" || w == "mountain" || w == "river" || w == "lake" || w == "seaport" || w == "metropolis" {
			return true
		}
		if t := v.t[k].Tag; t != "JJ" && t != "JJS" && t != "RBS" && t != "CD" {
			return false
		}
	}
	return false
}

// modifiesNoun reports whether country mention b is an adjective of the
// lower-case noun after it ("in Beijing, U.S. planemaker Boeing"): it opens
// a new noun phrase and does not contain the place before it. A state in
// that position still does ("a Salinas, California producer").
func (v *view) modifiesNoun(b int) bool {
	k := v.m(b).j
	return v.isA(b, schema.Country) && k < len(v.t) && v.t[k].Text == v.low(k) && (strings.HasPrefix(v.t[k].Tag, "NN") || v.t[k].Tag == "JJ")
}

// placeChain: a person or organisation in a place is also in the larger
// places the same sentence puts that place in: "Mrs. Ito is from
// Yatsushiro in Kumamoto Prefecture in southern Japan" gives lives_in
// Kumamoto Prefecture and Japan, and Yatsushiro is in Japan too; "the X
// Association in Alexandria, Va." is based in Virginia. Facts [n0, len) are this sentence's.
func (x *docState) placeChain(si, n0 int) {
	within := map[int][]int{}
	have := map[[3]any]bool{}
	for _, f := range x.facts[n0:] {
		// A fact the gates leave off is no premise either.
		if f.pred == "located_in" && f.obj >= 0 && f.qual[schema.QualNegated] == "" && x.ruleOn(f.rule) {
			within[f.subj] = append(within[f.subj], f.obj)
		}
		have[[3]any{f.subj, f.pred, f.obj}] = true
	}
	if len(within) == 0 {
		return
	}
	end := len(x.facts)
	for i := n0; i < end; i++ {
		f := x.facts[i]
		if f.pred != "lives_in" && f.pred != "based_in" && f.pred != "located_in" || f.obj < 0 || f.qual[schema.QualNegated] != "" || !x.ruleOn(f.rule) {
			continue
		}
		// Two steps at most: town → county → state.
		seen := map[int]bool{f.obj: true}
		frontier := []int{f.obj}
		for step := 0; step < 2 && len(frontier) > 0; step++ {
			var next []int
			for _, a := range frontier {
				for _, b := range within[a] {
					if seen[b] || b == f.subj {
						continue
					}
					seen[b] = true
					next = append(next, b)
					if key := [3]any{f.subj, f.pred, b}; !have[key] {
						have[key] = true
						x.facts = append(x.facts, rawFact{subj: f.subj, obj: b, pred: f.pred, stmt: -1, rule: "place-chain", s0: si, s1: si, qual: f.qual})
					}
				}
			}
			frontier = next
		}
	}
}

// subjectGap reports whether what stands between a subject ending before
// token i and its verb k keeps the subject its own: auxiliaries, adverbs, a
// relative pronoun, a parenthesis ("X (ISIS)"), and the subject's forces
// ("X still has roughly 15,000 fighters active", "X elements are active").
func subjectGap(v *view, i, k int) bool {
	paren := 0
	for j := i; j < k; j++ {
		w := v.low(j)
		switch {
		case w == "(":
			paren++
		case w == ")":
			paren--
		case paren > 0, auxWords[w], beWords[w], v.t[j].Tag == "RB", v.t[j].Tag == "CD", forceNouns[w], approxWords[w], w == "elements", w == "cells", w == "units", w == "forces", w == "operatives":
		case w == "which", w == "that", w == ",", w == "has", w == "have", w == "had", w == "with":
		default:
			return false
		}
	}
	return true
}
