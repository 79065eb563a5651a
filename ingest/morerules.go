package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// moreRules runs the second generation of rules: wire datelines, "born
// … in", organisation addresses, coordinated persons and places of origin.
func (v *view) moreRules() {
	v.agencyDateline()
	v.bornWindow()
	v.orgAddress()
	v.coordinatedOf()
	v.originRules()
	v.nameOfPlace()
	v.killEvent()
	v.inScope()
	v.soleActors()
	v.whatPlace()
	v.placeOfCountry()
	v.sourceLine()
	v.nationalOrg()
	v.personIn()
	v.s13Rules()
	v.s14StanceRules()
	v.s14Rules()
}

// personIn: "FBI spokesman Doug Beldon in Albuquerque, N.M., said": a
// person placed by "in" right after the name, before the verb.
func (v *view) personIn() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || !v.isA(pi, schema.Person) || v.low(p.j) != "in" {
			continue
		}
		b := v.start[p.j+1]
		if b < 0 || v.m(b).kind != kName || !v.isA(b, schema.Location) || v.isA(b, schema.Country) {
			continue
		}
		end := v.m(b).j
		if v.low(end) == "," && v.start[end+1] >= 0 && v.isA(v.start[end+1], schema.Location) {
			end = v.m(v.start[end+1]).j
			if v.low(end) == "," {
				end++
			}
		}
		if w := v.low(end); w == "said" || w == "says" || w == "told" || w == "," && (p.i == 0 || v.low(p.i-1) == ",") {
			v.emitPlace(pi, "lives_in", b, "person-in-place", p.i, v.m(b).j, nil)
		}
	}
}

// nationalOrg: "the official Soviet news agency Tass", "Tass, the Soviet
// news agency", "The Japanese automaker Toyota", "Mitsubishi Corp.,
// Japan's largest trading company": a country named with a firm's or an
// agency's trade is where it is based.
func (v *view) nationalOrg() {
	trade := func(k int) (int, bool) { // skips adjectives to an org noun
		for n := 0; n < 4 && k < len(v.t); n++ {
			w := v.low(k)
			if orgNouns[w] || strings.HasSuffix(w, "maker") || w == "agency" {
				for k+1 < len(v.t) && (orgNouns[v.low(k+1)] || v.low(k+1) == "agency") {
					k++
				}
				return k + 1, true
			}
			if v.t[k].Text != w {
				return k, false
			}
			k++
		}
		return k, false
	}
	for _, di := range v.x.sentMents[v.si] {
		d := v.m(di)
		if d.kind != kDemonym && !(d.kind == kName && v.isA(di, schema.Country) && v.low(d.j) == "'s") {
			continue
		}
		start := d.j
		if v.low(start) == "'s" {
			start++
		}
		end, ok := trade(start)
		if !ok {
			continue
		}
		// The organisation: named right after ("… agency Tass") or before
		// its appositive ("Tass, the … agency").
		o := v.start[end]
		if o < 0 || v.m(o).kind != kName {
			o = -1
			i := d.i - 1
			for i >= 0 && (v.t[i].Text == v.low(i) && v.low(i) != ",") {
				i--
			}
			if i >= 1 && v.low(i) == "," {
				o = v.end[i]
			}
		}
		if o < 0 || v.m(o).kind != kName || v.isA(o, schema.Location) || v.isA(o, schema.Person) && v.m(o).strength >= 3 {
			continue
		}
		if v.isA(o, schema.Person) {
			v.x.ents[v.ent(o)].class = schema.Organization
		}
		v.emit(o, "based_in", di, "national-org", min(d.i, v.m(o).i), max(end, v.m(o).j), nil)
	}
}

// sourceLine: monitoring-service source lines, "Madras THE HINDU in English
// 7 May 94", "Moscow Radio Rossii in Russian 1200 GMT": the outlet named
// between its city and its language is based in that city.
func (v *view) sourceLine() {
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || !v.isA(ai, schema.Location) {
			continue
		}
		o := v.start[a.j]
		if o < 0 || v.m(o).kind != kName || v.isA(o, schema.Location) {
			continue
		}
		om := v.m(o)
		if v.low(om.j) != "in" || !languages[v.t[min(om.j+1, len(v.t)-1)].Text] {
			continue
		}
		if !v.isA(o, schema.Organization) {
			v.x.ents[om.ent].class = schema.MediaOutlet
		}
		v.emit(o, "based_in", ai, "source-line", a.i, om.j+2, nil)
	}
}

// placeOfCountry: "the Peruvian city of Arequipa" (a demonym before a place
// noun) and "Arequipa, in southern Peru," (a place's locative appositive).
func (v *view) placeOfCountry() {
	for _, di := range v.x.sentMents[v.si] {
		d := v.m(di)
		if d.kind != kDemonym || placeNouns[v.low(d.j)] == "" && !pluralPlaceNouns[v.low(d.j)] || v.low(d.j+1) != "of" {
			continue
		}
		// "the Malaysian states of Sabah and Sarawak": each of a list.
		for k, n := d.j+2, 0; k < len(v.t) && n < 6; n++ {
			pl := v.start[k]
			if pl < 0 || v.m(pl).kind != kName || !v.isA(pl, schema.Location) || v.isA(pl, schema.Country) {
				break
			}
			v.emit(pl, "located_in", di, "demonym-place-of", d.i, v.m(pl).j, nil)
			if v.low(v.m(pl).i-1) == "and" {
				break // "…, Sabah and Sarawak, Brunei": the list has ended
			}
			k = v.m(pl).j
			if !pluralPlaceNouns[v.low(d.j)] || v.low(k) != "," && v.low(k) != "and" {
				break
			}
			k++
			if v.low(k) == "and" {
				k++
			}
		}
	}
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || !v.isA(ai, schema.Location) || v.low(a.j) != "," || v.low(a.j+1) != "in" {
			continue
		}
		b := v.np(a.j + 2)
		if b < 0 || !v.isA(b, schema.Location) || !broader(v.cls(b), v.cls(ai)) {
			continue
		}
		if w := v.low(v.m(b).j); w == "," || w == "" || w == "." {
			v.emit(ai, "located_in", b, "appositive-in", a.i, v.m(b).j, nil)
		}
	}
	// "Sarajevo, the Bosnian capital": a demonym names the country.
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || !v.isA(ai, schema.Location) || v.isA(ai, schema.Country) || v.low(a.j) != "," || v.low(a.j+1) != "the" {
			continue
		}
		d := v.start[a.j+2]
		if d < 0 || v.m(d).kind != kDemonym {
			continue
		}
		k := v.m(d).j
		for k < len(v.t) && k < v.m(d).j+2 && v.t[k].Tag == "JJ" {
			k++
		}
		if w := v.low(k); w == "capital" || placeNouns[w] != "" {
			v.emit(ai, "located_in", d, "demonym-place-of", a.i, k+1, nil)
		}
	}
}

// whatPlace: "Cuzco is a city in southern Peru" (a place's copula) and
// "Hartwell Corp., a maker of valves in Akron, Ohio" (an organisation's
// appositive ending in its place).
func (v *view) whatPlace() {
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || a.ent < 0 {
			continue
		}
		k := a.j
		loc := v.isA(ai, schema.Location)
		org := v.isA(ai, schema.Organization) && !v.isA(ai, schema.ArmedGroup) && !v.x.ents[a.ent].class.IsA(schema.Person)
		switch {
		case loc && beWords[v.low(k)] && (v.low(k+1) == "a" || v.low(k+1) == "an" || v.low(k+1) == "the"):
			k += 2
		case org && v.low(k) == "," && (v.low(k+1) == "a" || v.low(k+1) == "an"):
			k += 2
		default:
			continue
		}
		head := false
		for ; k < len(v.t) && k < a.j+10; k++ {
			w := v.low(k)
			if w == "in" || w == "near" && loc {
				break
			}
			if v.t[k].Text != w || w == "," || w == "who" || w == "which" || w == "that" {
				k = len(v.t)
				break
			}
			if loc && placeNouns[w] != "" || org && (orgNouns[w] || strings.HasSuffix(w, "maker") || a.strength >= 3 && strings.HasPrefix(v.t[k].Tag, "NN")) {
				head = true
			}
		}
		if !head || k >= len(v.t) {
			continue
		}
		b := v.np(k + 1)
		if b < 0 || !v.isA(b, schema.Location) {
			continue
		}
		if loc && broader(v.cls(b), v.cls(ai)) {
			v.emit(ai, "located_in", b, "copula-place", a.i, v.m(b).j, nil)
		} else if org {
			v.emitPlace(ai, "based_in", b, "appositive-org-in", a.i, v.m(b).j, nil)
		}
	}
}

// coordPlaces: "Salida and Gunnison, Colorado", "Umbria and Lazio
// provinces in central Italy": places coordinated before the one that
// was placed share its container.
func (v *view) coordPlaces(inner, outer int, rule string) {
	cur := inner
	for n := 0; n < 6; n++ {
		i := v.m(cur).i
		if i < 2 || v.low(i-1) != "and" && v.low(i-1) != "," && v.low(i-1) != "or" {
			return
		}
		prev := v.end[i-1]
		if prev < 0 || v.m(prev).kind != kName || !v.isA(prev, schema.Location) || !broader(v.cls(outer), v.cls(prev)) {
			return
		}
		v.emit(prev, "located_in", outer, rule+"-coord", v.m(prev).i, v.m(outer).j, nil)
		cur = prev
	}
}

// inScope: "In Colorado, 13 inches of snow in Denver closed ...": a
// sentence that opens with a state or country sets the scene for the
// towns it names.
func (v *view) inScope() {
	if v.low(0) != "in" {
		return
	}
	sc := v.start[1]
	if sc < 0 || v.m(sc).kind != kName || v.low(v.m(sc).j) != "," || !(v.isA(sc, schema.Region) || v.isA(sc, schema.Province) || v.isA(sc, schema.Country)) {
		return
	}
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.i <= v.m(sc).j || m.kind != kName || !v.isA(mi, schema.Location) || v.isA(mi, schema.Country) || v.isA(mi, schema.Region) || v.isA(mi, schema.Province) {
			continue
		}
		if v.low(m.j) == "," && v.start[m.j+1] >= 0 && v.isA(v.start[m.j+1], schema.Location) {
			continue // "Denver, Colo." places itself
		}
		if broader(v.cls(sc), v.cls(mi)) {
			v.emit(mi, "located_in", sc, "in-scope", 0, m.j, nil)
		}
	}
}

// seas name fleets and foundations, not where they are based.
var seas = map[string]bool{"Pacific": true, "Atlantic": true, "Mediterranean": true, "Caribbean": true,
	"Arctic": true, "Baltic": true, "Black Sea": true, "Red Sea": true, "Indian Ocean": true, "Gulf": true}

// nameOfPlace: "Federal Home Loan Bank of San Francisco", "Supreme Court of
// Canada", "University of Nigeria": an organisation named after a known
// place is based there.
func (v *view) nameOfPlace() {
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || a.ent < 0 || !v.isA(ai, schema.Organization) || a.j-a.i < 2 {
			continue
		}
		// "Radio Baghdad", "Television Sarajevo": the head first.
		if v.x.g.orgHeads[v.t[a.i].Text] != "" {
			if x, ok := v.x.lookup(joinToks(v.t[a.i+1 : a.j])); ok && x.Class.IsA(schema.Location) && !seas[x.Name] {
				pl := v.x.entityFor("g:"+x.Name, x.Name, joinToks(v.t[a.i+1:a.j]), x.Class, 3, v.si)
				v.emitEnt(a.ent, "based_in", pl, "org-of-place-name", a.i, a.j, nil)
				continue
			}
		}
		// "The Boston Globe", "Chicago Tribune": a town or state first.
		for k := min(a.j-1, a.i+3); k > a.i; k-- {
			if x, ok := v.x.lookup(joinToks(v.t[a.i:k])); ok && x.Class.IsA(schema.Location) && !x.Class.IsA(schema.Country) && !seas[x.Name] && v.x.g.orgHeads[v.t[a.j-1].Text] != "" {
				pl := v.x.entityFor("g:"+x.Name, x.Name, joinToks(v.t[a.i:k]), x.Class, 3, v.si)
				v.emitEnt(a.ent, "based_in", pl, "org-of-place-name", a.i, a.j, nil)
				break
			}
		}
		for k := a.i + 1; k < a.j-1; k++ {
			if v.low(k) != "of" {
				continue
			}
			e, ok := v.x.lookup(joinToks(v.t[k+1 : a.j]))
			if !ok || !e.Class.IsA(schema.Location) || seas[e.Name] {
				break
			}
			pl := v.x.entityFor("g:"+e.Name, e.Name, "", e.Class, 3, v.si)
			v.emitEnt(a.ent, "based_in", pl, "org-of-place-name", a.i, a.j, nil)
			break
		}
	}
}

// agencyDateline: "OSLAND, Brevia (AP) –", "( Text ) Talmora, May 3
// (NORVIK NEWS) --": a wire service files from the dateline's place, where
// it keeps a bureau.
func (v *view) agencyDateline() {
	start := 0
	if v.low(0) == "(" {
		for k := 1; k < len(v.t) && k < 6; k++ {
			if v.low(k) == ")" {
				start = k + 1
				break
			}
		}
	}
	first := v.start[start]
	if first < 0 || v.m(first).kind != kName {
		return
	}
	// "Lanzhou, March 3 (XINHUA) --": an unknown name read as a person (or
	// weakly as anything) is
	// the dateline's place when the whole line fits.
	guessed := !v.isA(first, schema.Location) && (v.isA(first, schema.Person) && v.m(first).strength <= 2 || v.m(first).strength <= 1) && v.m(first).j-v.m(first).i == 1 && v.low(v.m(first).j) == ","
	if !v.isA(first, schema.Location) && !guessed {
		return
	}
	for k := v.m(first).j; k < len(v.t) && k < start+12; k++ {
		if v.low(k) != "(" {
			if monthAbbrev(v.low(k)) && v.low(k) != "may" || timeWords[v.t[k].Text] {
				continue // "3 Jan", "May 3": a date read as a name
			}
			if mi := v.start[k]; mi >= 0 {
				if !v.isA(mi, schema.Location) {
					return
				}
				k = v.m(mi).j - 1
				continue
			}
			w := v.t[k].Text
			if w == "," || v.t[k].Tag == "CD" || months[v.low(k)] || timeWords[w] || monthAbbrev(v.low(k)) || strings.TrimSuffix(v.low(k), ".") != v.low(k) && len(w) <= 5 {
				continue
			}
			return
		}
		a := v.start[k+1]
		if a < 0 || v.m(a).j != k+2 || v.low(k+2) != ")" || !v.isA(a, schema.Organization) {
			return
		}
		if guessed {
			if w := v.low(k + 3); w != "--" && w != "-" && w != "–" && w != "—" && w != "_" {
				return
			}
			v.x.ents[v.m(first).ent].class = schema.City
		}
		v.emitPlace(a, "based_in", first, "agency-dateline", start, k+3, nil)
		return
	}
}

// bornWindow: "was born Phoebe Moses in Willowdell", "Born Feb. 22, 1732,
// in Westmoreland County", "born at about midnight … in Staunton, Va.".
func (v *view) bornWindow() {
	for k := 0; k < len(v.t); k++ {
		if v.low(k) != "born" || v.low(k+1) == "in" || v.low(k+1) == "near" {
			continue // the adjacent case is placeRules' "born in"
		}
		place := -1
		var also []int
		for j := k + 1; j < len(v.t) && j < k+16; j++ {
			w := v.low(j)
			if w == ";" || w == "." || w == "and" || w == "but" || w == "who" || w == "which" {
				break
			}
			if mi := v.start[j]; mi >= 0 && v.isA(mi, schema.Person) && j == k+1 {
				also = append(also, mi) // "born Charles Hardin Holley in"
			}
			if (w == "in" || w == "near") && j > k+1 {
				if b := v.np(j + 1); b >= 0 && v.isA(b, schema.Location) {
					place = b
					break
				}
			}
			if strings.HasPrefix(v.t[j].Tag, "VB") && j > k+1 && v.start[j] < 0 {
				break
			}
		}
		if place < 0 {
			continue
		}
		s := -1
		if v.t[k].Text == "Born" || k > 0 && (v.low(k-1) == ":" || v.low(k-1) == "_") {
			// A heading: "George Washington (first President): Born …"
			for _, mi := range v.x.sentMents[v.si] {
				if v.m(mi).i < k && v.m(mi).kind == kName && v.isA(mi, schema.Person) {
					s = mi
					break
				}
			}
		} else {
			s, _ = v.subject(k)
		}
		if s < 0 || !v.isA(s, schema.Person) {
			continue
		}
		v.emitPlace(s, "lives_in", place, "born-window", v.m(s).i, v.m(place).j, nil)
		for _, a := range also {
			v.emitPlace(a, "lives_in", place, "born-window", v.m(a).i, v.m(place).j, nil)
		}
	}
}

// orgAddress: "Carbondale Mining Center, Carterville, Ill.;" — an
// organisation followed by its town and state is based there.
func (v *view) orgAddress() {
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || a.ent < 0 || !v.isA(ai, schema.Organization) || v.low(a.j) != "," {
			continue
		}
		b := v.start[a.j+1]
		if b < 0 || v.m(b).kind != kName || !v.isA(b, schema.Location) || v.isA(b, schema.Country) {
			continue
		}
		bj := v.m(b).j
		c := -1
		if v.low(bj) == "," {
			c = v.start[bj+1]
		}
		// The town must be followed by its state or end the line: a list
		// of organisations and places is not an address.
		if c >= 0 && v.isA(c, schema.Location) && broader(v.cls(c), v.cls(b)) {
			end := v.m(c).j
			if w := v.low(end); w == ";" || w == "." || w == "" || w == "," || w == ")" {
				v.emitPlace(ai, "based_in", b, "org-address", a.i, end, nil)
			}
		} else if w := v.low(bj); (w == ";" || w == "") && a.i == 0 {
			v.emit(ai, "based_in", b, "org-address", a.i, bj, nil)
		}
	}
}

// coordinatedOf: "James Blight and David Welch of Harvard University": the
// first person of a pair shares the "of" complement of the second.
func (v *view) coordinatedOf() {
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || a.ent < 0 || !v.isA(ai, schema.Person) || v.low(a.j) != "and" {
			continue
		}
		b := v.start[a.j+1]
		if b < 0 || v.m(b).kind != kName || !v.isA(b, schema.Person) {
			continue
		}
		if a.j-a.i < 2 && v.m(b).j-v.m(b).i >= 2 {
			// "Rubio and Mike Lee of Utah": a surname named before and a
			// full name introduced with its own home; the complement is
			// the newcomer's alone.
			continue
		}
		w := v.low(v.m(b).j)
		if w != "of" && w != "from" && w != "at" {
			continue
		}
		o := v.np(v.m(b).j + 1)
		if o < 0 || v.m(o).kind != kName {
			continue
		}
		switch {
		case v.isA(o, schema.Organization) && w != "from":
			v.emit(ai, "works_for", o, "coordinated-of", a.i, v.m(o).j, nil)
			if y := v.possessorOrg(o); y >= 0 {
				v.emit(ai, "works_for", y, "coordinated-of", a.i, v.m(o).j, nil)
			}
		case v.isA(o, schema.Location) && w != "at":
			v.emitPlace(ai, "lives_in", o, "coordinated-of", a.i, v.m(o).j, nil)
		}
	}
}

// originRules: "X, a Memphis native", "X, an Atlanta architect", "his
// native South Carolina", "his hometown of Russell, Kan.", "her
// Germantown home", "X's Y home".
func (v *view) originRules() {
	for k := 1; k < len(v.t); k++ {
		w := v.low(k)
		switch {
		case (w == "hometown" || w == "home" && v.low(k+1) == "state" || w == "native" && v.t[k].Tag != "NN") && (v.low(k-1) == "his" || v.low(k-1) == "her"):
			// "his hometown of Russell", "his native South Carolina"
			j := k + 1
			if w == "home" {
				j++
			}
			if v.low(j) == "of" {
				j++
			}
			pl := v.np(j)
			if pl < 0 || !v.isA(pl, schema.Location) || v.m(pl).i > j+2 {
				continue
			}
			// "…Judge X said Manafort must forfeit … his Florida home":
			// the nearest certain name may not be the owner when a less
			// certain one stands between.
			if s := v.pronounOwner(k - 1); s >= 0 && v.soleOwner(s, k-1) {
				v.x.facts = append(v.x.facts, rawFact{subj: s, obj: v.ent(pl), pred: "lives_in", stmt: -1, rule: "native-place", s0: v.si, s1: v.si, qual: v.qualifiers(k-1, v.m(pl).j, nil)})
				if j := v.m(pl).j; v.low(j) == "," {
					if c := v.start[j+1]; c >= 0 && v.isA(c, schema.Location) && broader(v.cls(c), v.cls(pl)) {
						v.emitEnt(s, "lives_in", v.ent(c), "native-place", k-1, v.m(c).j, nil)
					}
				}
			}
		case (w == "home" || w == "hometown") && (v.low(k-2) == "his" || v.low(k-2) == "her" || v.low(k-2) == "their"):
			// "her Germantown home"
			pl := v.end[k]
			if pl < 0 || !v.isA(pl, schema.Location) || v.m(pl).i != k-1 {
				continue
			}
			if s := v.pronounOwner(k - 2); s >= 0 && v.soleOwner(s, k-2) {
				v.emitEnt(s, "lives_in", v.ent(pl), "native-place", k-2, k, nil)
			}
		case (w == "native" || w == "resident") && v.low(k+1) != "of":
			// "X, a Memphis native", "a Fargo native"
			pl := v.end[k]
			if pl < 0 || !v.isA(pl, schema.Location) || v.m(pl).kind != kName {
				continue
			}
			i := v.m(pl).i - 1
			if v.low(i) != "a" && v.low(i) != "an" {
				continue
			}
			if v.low(i-1) == "," {
				if p := v.end[i-1]; p >= 0 && v.isA(p, schema.Person) {
					v.emit(p, "lives_in", pl, "appositive-native", v.m(p).i, k+1, nil)
				}
			} else if beWords[v.low(i-1)] {
				if p, _ := v.subject(i - 1); p >= 0 && v.isA(p, schema.Person) {
					v.emit(p, "lives_in", pl, "appositive-native", v.m(p).i, k+1, nil)
				}
			}
		}
	}
	// "Chicago, his home town", "Greenville, where he was born".
	for _, pi := range v.x.sentMents[v.si] {
		pl := v.m(pi)
		if pl.kind != kName || !v.isA(pi, schema.Location) || v.low(pl.j) != "," {
			continue
		}
		k := pl.j + 1
		home := (v.low(k) == "his" || v.low(k) == "her") && (v.low(k+1) == "hometown" || v.low(k+1) == "birthplace" || v.low(k+1) == "home" && (v.low(k+2) == "town" || v.low(k+2) == "state"))
		born := v.low(k) == "where" && (v.low(k+1) == "he" || v.low(k+1) == "she") && (v.low(k+2) == "was" && v.low(k+3) == "born" || v.low(k+2) == "lives" || v.low(k+2) == "lived" || v.low(k+2) == "grew")
		if !home && !born {
			continue
		}
		// The person: the sentence's first certain person before the place.
		for _, mi := range v.x.sentMents[v.si] {
			m := v.m(mi)
			if m.i >= pl.i {
				break
			}
			if m.kind == kName && v.isA(mi, schema.Person) && m.strength >= 3 {
				if v.soleOwner(m.ent, pl.i) {
					v.emit(mi, "lives_in", pi, "native-place", m.i, k+3, nil)
				}
				break
			}
		}
	}
	// "Fiat, the Turin automaker": a town before a trade names the firm's base.
	for _, ai := range v.x.sentMents[v.si] {
		a := v.m(ai)
		if a.kind != kName || a.ent < 0 || v.low(a.j) != "," || v.isA(ai, schema.Location) || v.isA(ai, schema.Person) && a.strength >= 3 {
			continue
		}
		if d := v.low(a.j + 1); d != "the" && d != "a" && d != "an" {
			continue
		}
		pl := v.start[a.j+2]
		if pl < 0 || v.m(pl).kind != kName || !v.isA(pl, schema.Location) || v.isA(pl, schema.Country) {
			continue
		}
		k := v.m(pl).j
		for k < len(v.t) && k < v.m(pl).j+3 && v.t[k].Text == v.low(k) && !orgNouns[v.low(k)] && !strings.HasSuffix(v.low(k), "maker") {
			k++
		}
		if w := v.low(k); orgNouns[w] || strings.HasSuffix(w, "maker") || w == "manufacturer" || w == "retailer" || w == "automaker" {
			if v.isA(ai, schema.Person) {
				v.x.ments[ai].class = schema.Organization
				v.x.ents[a.ent].class = schema.Organization
			}
			v.emit(ai, "based_in", pl, "appositive-place-org", a.i, k+1, nil)
		}
	}
	// "a Bogota newspaper, El Espectador": the trade with its town first.
	for k := 0; k+4 < len(v.t); k++ {
		if d := v.low(k); d != "a" && d != "an" && d != "the" {
			continue
		}
		pl := v.start[k+1]
		if pl < 0 || v.m(pl).kind != kName || !v.isA(pl, schema.Location) || v.isA(pl, schema.Country) {
			continue
		}
		n := v.m(pl).j
		if !orgNouns[v.low(n)] || v.low(n+1) != "," {
			continue
		}
		if o := v.start[n+2]; o >= 0 && v.m(o).kind == kName && !v.isA(o, schema.Location) {
			if v.isA(o, schema.Person) && v.m(o).strength < 3 {
				v.x.ents[v.ent(o)].class = schema.Organization
			}
			v.emit(o, "based_in", pl, "appositive-place-org", k, v.m(o).j, nil)
		}
	}
	// "A Tulsa man, Carl Benn, was arrested": the same, before the name.
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || !v.isA(pi, schema.Person) || p.i < 4 || v.low(p.i-1) != "," {
			continue
		}
		k := p.i - 2
		if w := v.low(k); v.t[k].Text != w || !(placePeople[w] || occupationShape(w) && strings.HasPrefix(v.t[k].Tag, "NN")) {
			continue
		}
		pl := v.end[k]
		if pl < 0 || v.m(pl).kind != kName || !v.isA(pl, schema.Location) || v.isA(pl, schema.Country) {
			continue
		}
		if d := v.low(v.m(pl).i - 1); d == "a" || d == "an" {
			v.emit(pi, "lives_in", pl, "appositive-place-role", v.m(pl).i, p.j, nil)
		}
	}
	// "X, an Atlanta architect", "X, the Washington correspondent for Y":
	// a city before an occupation is where the person lives and works.
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || !v.isA(pi, schema.Person) || v.low(p.j) != "," {
			continue
		}
		i := p.j + 1
		if v.t[min(i, len(v.t)-1)].Tag == "CD" && v.low(i+1) == "," {
			i += 2 // "Jean Poe, 31, a Galveston schoolteacher"
		}
		if d := v.low(i); d != "a" && d != "an" && d != "the" {
			continue
		}
		if strings.HasSuffix(v.low(i+1), "-year-old") {
			i++ // "a 55-year-old Los Alamitos truck driver"
		}
		pl := v.start[i+1]
		if pl < 0 || v.m(pl).kind != kName || !v.isA(pl, schema.Location) || v.isA(pl, schema.Country) {
			continue
		}
		if _, rj, head := v.roleNounSpan(v.m(pl).j); head != "" && !v.isLeader(head) && head != "ambassador" && head != "envoy" {
			v.emit(pi, "lives_in", pl, "appositive-place-role", p.i, rj, nil)
		} else if k := v.m(pl).j; k+1 < len(v.t) && v.t[k].Tag == "NN" && v.t[k].Text == v.low(k) && !orgNouns[v.low(k)] && (v.low(k+1) == "," || v.low(k+1) == "." || k+1 == len(v.t)) {
			// "Ella Moss, a Wichita nurse,": any one-word trade.
			v.emit(pi, "lives_in", pl, "appositive-place-role", p.i, k+1, nil)
		} else if k+2 < len(v.t) && v.t[k].Tag == "NN" && v.t[k].Text == v.low(k) && v.t[k+1].Text == v.low(k+1) && strings.HasPrefix(v.t[k+1].Tag, "NN") && occupationShape(v.low(k+1)) && !orgNouns[v.low(k)] && (v.low(k+2) == "," || v.low(k+2) == ".") {
			// "a Los Alamitos truck driver,": a two-word trade.
			v.emit(pi, "lives_in", pl, "appositive-place-role", p.i, k+2, nil)
		}
	}
}

// soleOwner: the possessive pronoun at token k belongs to entity owner
// when the last person named (or a pronoun resolved) before it is the
// owner: "Judge X said Manafort must forfeit … his Florida home" names
// Manafort after the judge, so the home is not the judge's, while
// "McConnell said Senator Paul, who was hurt at his Kentucky home," ends
// on Paul.
func (v *view) soleOwner(owner, k int) bool {
	last := -1
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.i >= k {
			break
		}
		if m.ent >= 0 && (m.kind == kName || m.kind == kPronoun) && v.isA(mi, schema.Person) {
			last = mi
		}
	}
	return last >= 0 && v.m(last).ent == owner
}

// pronounOwner resolves "his/her" at token i to the last person named
// before it in the sentence whose class is certain.
func (v *view) pronounOwner(i int) int {
	for k := i - 1; k >= 0; k-- {
		if mi := v.end[k+1]; mi >= 0 && v.isA(mi, schema.Person) && v.m(mi).kind == kName && v.m(mi).strength >= 3 {
			return v.ent(mi)
		}
	}
	return -1
}

var killTriggerVerbs = map[string]bool{"killed": true, "assassinated": true, "murdered": true, "shot": true, "slain": true,
	"slew": true, "killing": true, "assassinating": true, "murdering": true, "shooting": true, "kill": true,
	"assassinate": true, "murder": true, "stabbed": true, "strangled": true}

var killTriggerNouns = map[string]bool{"assassination": true, "murder": true, "slaying": true, "killing": true,
	"shooting": true, "assassin": true, "killer": true, "murderer": true, "slayings": true, "murders": true}

// killEvent: a sentence about one killing with one victim and exactly one
// other person: "X did not act alone in the slaying of Y", "Y, the 16th
// president, was assassinated by X", "X, who hours earlier had fatally shot
// Y". The victim is found from the trigger; the killer is the only other
// person named.
func (v *view) killEvent() {
	victims := map[int]int{} // entity → mention
	for k := 0; k < len(v.t); k++ {
		w := v.low(k)
		switch {
		case killTriggerNouns[w] && v.low(k+1) == "of":
			// "the killing of actress Sharon Tate"
			if o := v.np(k + 2); o >= 0 && v.isA(o, schema.Person) {
				victims[v.ent(o)] = o
			}
		case killTriggerVerbs[w]:
			// "shot Y", "killed President Y" (not "shot him": a pronoun's
			// antecedent is too often the killer himself)
			if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Person) && v.m(o).i <= k+4 && v.m(o).kind == kName && !v.possessor(o) {
				victims[v.ent(o)] = o
			}
			// "Y was assassinated", "Y, the president, was shot" ("X was
			// executed for the murder of Y": the state's killing of the
			// killer names no victim of his)
			if k >= 2 && w != "executed" && w != "hanged" && !strings.HasSuffix(w, "ing") && (beWords[v.low(k-1)] || v.t[k-1].Tag == "RB" && beWords[v.low(k-2)]) {
				if s, _ := v.subject(k - 1); s >= 0 && v.isA(s, schema.Person) {
					victims[v.ent(s)] = s
				}
			}
		case w == "at" && k >= 2 && firedBefore(v, k):
			// "fired a rifle at Y", "opened fire at Y"
			if o := v.np(k + 1); o >= 0 && v.isA(o, schema.Person) {
				victims[v.ent(o)] = o
			}
		case (w == "slaying" || w == "assassination" || w == "murder") && k >= 1:
			// "the Kennedy assassination"
			if o := v.end[k]; o >= 0 && v.isA(o, schema.Person) && v.m(o).kind == kName {
				victims[v.ent(o)] = o
			}
			if v.low(k+1) == "of" {
				if o := v.np(k + 2); o >= 0 && v.isA(o, schema.Person) {
					victims[v.ent(o)] = o
				}
			}
		case killTriggerNouns[w]:
			if v.low(k+1) == "of" {
				if o := v.np(k + 2); o >= 0 && v.isA(o, schema.Person) {
					victims[v.ent(o)] = o
				}
			}
			if k >= 2 && v.low(k-1) == "'s" {
				if o := v.end[k-1]; o >= 0 && v.isA(o, schema.Person) {
					victims[v.ent(o)] = o
				}
			}
		}
	}
	if len(victims) != 1 {
		return
	}
	var victim, vm int
	for e, m := range victims {
		victim, vm = e, m
	}
	agent, n := -1, 0
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kName || m.ent < 0 || m.ent == victim || !v.isA(mi, schema.Person) {
			continue
		}
		if agent >= 0 && v.ent(agent) == m.ent {
			continue
		}
		if v.speaks(m.j) {
			// "X said he would release the files on the assassination of
			// Y": the one who tells of a killing is not its author.
			continue
		}
		n++
		// With several people the one the text calls the killer wins:
		// "X, the convicted assassin of Y", "sniper X", "gunman X".
		if killerCue(v, m.i, m.j) {
			agent, n = mi, -100
			continue
		}
		if agent < 0 {
			agent = mi
		}
	}
	if n > 1 {
		return // several people, none marked: leave it to the specific rules
	}
	if agent >= 0 {
		lo, hi := min(v.m(agent).i, v.m(vm).i), max(v.m(agent).j, v.m(vm).j)
		v.emit(agent, "killed", vm, "kill-event", lo, hi, nil)
	}
}

// possessor reports whether mention mi owns the noun after it ("vowed to
// kill Y's health law"): what is done to the thing is not done to Y.
func (v *view) possessor(mi int) bool {
	w := v.low(v.m(mi).j)
	return w == "'s" || w == "’s" || w == "'"
}

// speaks reports whether a speech verb follows token k, across a time
// phrase ("X said on Monday", "X told reporters").
func (v *view) speaks(k int) bool {
	for j := k; j < len(v.t) && j < k+4; j++ {
		w := v.low(j)
		if speechVerbs[w] || reportVerbs[w] {
			return true
		}
		if !auxWords[w] && v.t[j].Tag != "RB" && w != "on" && !weekdays[w] {
			return false
		}
	}
	return false
}

// killerCue: a killer's noun right before a name ("sniper X", "assassin
// X") or in its appositive ("X, the convicted assassin of").
func killerCue(v *view, i, j int) bool {
	for _, w := range []string{v.low(i - 1), v.low(i - 2)} {
		if w == "assassin" || w == "gunman" || w == "sniper" || w == "killer" || w == "murderer" {
			return true
		}
	}
	if v.low(j) == "," {
		for k := j + 1; k < len(v.t) && k < j+5; k++ {
			switch v.low(k) {
			case "assassin", "gunman", "sniper", "killer", "murderer", "convicted", "accused":
				return true
			case ",":
				return false
			}
		}
	}
	return false
}

var residenceCues = map[string]bool{"born": true, "native": true, "hometown": true, "lives": true, "lived": true,
	"resident": true, "residents": true, "grew": true, "raised": true, "moved": true, "home": true, "resides": true}

// soleActors: a sentence that names one person and states a residence or a
// job without a pattern the specific rules read ("Born poor in Greenville,
// S.C., Jesse Jackson …"): with one person and one fitting place or
// organisation there is nobody else the cue can be about.
func (v *view) soleActors() {
	person, org := -1, -1
	var places []int
	nPer, nOrg := 0, 0
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.kind != kName || m.ent < 0 {
			continue
		}
		switch {
		case v.isA(mi, schema.Person):
			if person < 0 || v.ent(person) != m.ent {
				nPer++
			}
			person = mi
		case v.isA(mi, schema.Organization):
			if org < 0 || v.ent(org) != m.ent {
				nOrg++
			}
			org = mi
		case v.isA(mi, schema.Location):
			places = append(places, mi)
		}
	}
	if nOrg == 1 && !v.isA(org, schema.ArmedGroup) && v.m(org).strength >= 3 {
		// "the Brera meteorological institute in Milan", "a K mart store in
		// Niagara Falls": the organisation's phrase ends in a place.
		om := v.m(org)
		for k := om.j; k < len(v.t) && k < om.j+5; k++ {
			if v.start[k] >= 0 || strings.HasPrefix(v.t[k].Tag, "VB") || v.low(k) == "," {
				break
			}
			if w := v.low(k); (w == "in" || w == "at") && k > om.j {
				if pl := v.np(k + 1); pl >= 0 && v.isA(pl, schema.Location) {
					v.emitPlace(org, "based_in", pl, "org-phrase-in", om.i, v.m(pl).j, nil)
				}
				break
			}
		}
	}
	if nPer != 1 {
		return
	}
	// "Dole's wife, Elizabeth, is a native of Salisbury": the cue is said
	// of the person's relative, whom the sentence may not name as one.
	relative := v.low(v.m(person).j) == "'s" && kinWords[v.low(v.m(person).j+1)]
	for k := 0; k < len(v.t) && !relative; k++ {
		if !residenceCues[v.low(k)] {
			continue
		}
		// A birthplace is a home as the born-in rule reads it, and the cue
		// says it of the one person; "lives", "home" or "moved" may be a
		// visit, an office or another's (sole-person-residence stays off).
		rule := "sole-person-residence"
		if w := v.low(k); w == "born" || w == "native" {
			if _, neg := v.subject(k); !neg {
				rule = "sole-person-born"
			}
		}
		// The place the cue points to: the first one after it, within reach.
		for _, pl := range places {
			if v.m(pl).i > k && v.m(pl).i <= k+6 {
				v.emitPlace(person, "lives_in", pl, rule, min(k, v.m(person).i), v.m(pl).j, nil)
				break
			}
		}
		break
	}
	if nOrg == 1 {
		// A job word right next to the person or the organisation.
		pm, om := v.m(person), v.m(org)
		near := func(i int) bool {
			w := v.low(i)
			return v.x.g.roleNouns[w] && v.t[i].Text == w || occupationShape(w) && v.t[i].Tag == "NN"
		}
		close := om.i-pm.j <= 12 && pm.i-om.j <= 12
		// "The Coast Guard rescued seven people …, said station chief
		// Kenneth Compton": a titled speaker at the end of a sentence about
		// the one organisation it names speaks for it.
		if pm.i > om.j && (v.low(pm.i-2) == "said" || v.low(pm.i-3) == "said" && v.t[pm.i-2].Text == v.low(pm.i-2)) && v.x.g.roleNouns[v.low(pm.i-1)] {
			close = true
		}
		// "the town's mayor X told The Associated Press": the addressee.
		if addressee := v.low(om.i-1) == "told" || v.low(om.i-1) == "the" && v.low(om.i-2) == "told"; close && !addressee && !v.isA(org, schema.ArmedGroup) && !v.isA(org, schema.PoliticalParty) && (near(pm.i-1) || v.low(pm.j) == "," && near(pm.j+1) || v.low(pm.j) == "," && near(pm.j+2)) {
			v.emit(person, "works_for", org, "sole-person-job", min(pm.i, om.i), max(pm.j, om.j), nil)
		}
	}
}

// monthAbbrev: "Jan", "feb.", "Sept".
func monthAbbrev(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if len(w) < 3 {
		return false
	}
	for m := range months {
		if strings.HasPrefix(m, w) {
			return true
		}
	}
	return false
}

// firedBefore: "fire" or "fired" within the five tokens before k, with no
// comma or name between ("fired a high-powered rifle at Y").
func firedBefore(v *view, k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		w := v.low(j)
		if w == "fire" || w == "fired" {
			// "X fired back at Y" answers words with words
			return v.low(j+1) != "back"
		}
		if w == "," || v.start[j] >= 0 {
			return false
		}
	}
	return false
}

// placePeople: nouns for people that a town name before them makes
// residents ("a Tulsa man").
var placePeople = map[string]bool{"man": true, "woman": true, "resident": true, "native": true, "teenager": true, "boy": true,
	"girl": true, "youth": true, "couple": true, "mother": true, "father": true, "housewife": true, "businessman": true, "businesswoman": true}
