package resolve

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// family: names of one organisation or place family (names.Table) are one
// node: the one with the family's canonical name, else the member most
// documents name. The table is the evidence; an ambiguous variant
// ("Supreme Court", a demonym) needs shared context in every document too,
// and is otherwise proposed.
func (w *world) family() []Candidate {
	type member struct {
		e *entity
		m names.Match
	}
	groups := map[string][]member{}
	for _, e := range w.sorted() {
		if e.top == "person" {
			continue
		}
		m, ok := w.tb.Family(e.name)
		if !ok || m.Ambiguous {
			// The node's IRI holds the name ingest chose for it: a
			// "Treasury" node at .../treasury-department is the
			// Treasury Department.
			_, slug, _ := strings.Cut(strings.TrimPrefix(e.iri, "ent:"), "/")
			if ms, ok2 := w.tb.FamilyOfSlug(slug); ok2 && !ms.Ambiguous {
				m, ok = ms, true
			}
		}
		if !ok || strings.ToLower(string(m.Class.Top())) != e.top {
			continue
		}
		groups[m.Canonical] = append(groups[m.Canonical], member{e, m})
	}
	var out []Candidate
	for _, canonical := range slices.Sorted(maps.Keys(groups)) {
		ms := groups[canonical]
		if len(ms) < 2 {
			continue
		}
		var into *member
		for i := range ms {
			m := &ms[i]
			if m.m.Ambiguous {
				continue
			}
			if m.e.iri == schema.EntityIRI(m.m.Class, canonical) {
				into = m
				break
			}
			if into == nil || len(m.e.docs) > len(into.e.docs) {
				into = m
			}
		}
		if into == nil {
			continue
		}
		for _, m := range ms {
			if m.e == into.e {
				continue
			}
			if !m.m.Ambiguous {
				ev := fmt.Sprintf("names table: %q is a name of %s (%s, %s)", m.e.name, canonical, m.m.Kind, m.m.Rule)
				if m.m.Rule == "node IRI" {
					ev = fmt.Sprintf("names table: the node %s is a name of %s (%s), though documents call it %q", m.e.iri, canonical, m.m.Kind, m.e.name)
				}
				out = append(out, w.candidate(m.e, into.e, RuleFamily, false, ev))
				continue
			}
			// "Supreme Court" is the U.S. one in Washington's news, not in
			// Islamabad's: merged only when every document of it shares
			// context with the family's node.
			ev := []string{fmt.Sprintf("names table: %q usually means %s but not always (%s)", m.e.name, canonical, m.m.Kind)}
			c := w.context(m.e, into.e)
			ev = append(ev, c.String())
			proposed := !c.enough()
			if !proposed {
				if d, why := w.unsupportedDoc(m.e, into.e, nil); d != "" {
					proposed = true
					ev = append(ev, fmt.Sprintf("document %s does not point to %s: %s", d, canonical, why))
				}
			}
			out = append(out, w.candidate(m.e, into.e, RuleFamily, proposed, ev...))
		}
	}
	return out
}

// fullName: people whose names are one full name once titles are taken off
// ("Special Counsel Robert Mueller", "Robert Mueller") are one node: the
// shared full name is the evidence. Into the plain name, else the one most
// documents name.
func (w *world) fullName() []Candidate {
	var out []Candidate
	for _, es := range w.sameKey(func(e *entity) (string, bool) {
		if e.top != "person" || !plausiblePerson(w.tb, e.name) {
			return "", false
		}
		_, rest := w.tb.StripTitles(e.name)
		return names.Key(rest), len(strings.Fields(rest)) >= 2
	}) {
		into := preferred(es, func(e *entity) bool {
			titles, _ := w.tb.StripTitles(e.name)
			return len(titles) == 0
		})
		for _, e := range es {
			if e == into {
				continue
			}
			if why := w.conflict(e, into); why != "" {
				continue
			}
			titles, rest := w.tb.StripTitles(e.name)
			var ts []string
			for _, t := range titles {
				ts = append(ts, t.Text)
			}
			ev := fmt.Sprintf("same full name %q once the titles %q are taken off", rest, strings.Join(ts, " "))
			// "Republican Tax Cuts" and "Tax Cuts" are one name, but no
			// person's: proposed only.
			out = append(out, w.candidate(e, into, RuleFullName, !w.tb.PlausibleFullName(rest), ev))
		}
	}
	return out
}

// sameKey groups the entities by key (those it gives one), in key order,
// and keeps the groups of two or more: the candidates of one merge.
func (w *world) sameKey(key func(*entity) (string, bool)) [][]*entity {
	groups := map[string][]*entity{}
	for _, e := range w.sorted() {
		if k, ok := key(e); ok {
			groups[k] = append(groups[k], e)
		}
	}
	var out [][]*entity
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		if len(groups[k]) >= 2 {
			out = append(out, groups[k])
		}
	}
	return out
}

// preferred is the node a group of names merges into: the first with the
// plain name, else the one most documents name.
func preferred(es []*entity, plain func(*entity) bool) *entity {
	var into *entity
	for _, e := range es {
		if plain(e) {
			return e
		}
		if into == nil || len(e.docs) > len(into.docs) {
			into = e
		}
	}
	return into
}

// surname: a person named by one word ("Manafort", "Mr Blair") is the
// full-named person with that surname whose documents share context with
// its documents, when that person's context clearly beats every other
// holder of the surname. A surname alone, without such context, is only
// proposed.
func (w *world) surname() []Candidate {
	bySurname := map[string][]*entity{}
	for _, e := range w.sorted() {
		if e.top != "person" || !plausiblePerson(w.tb, e.name) {
			continue
		}
		given, surnames, _ := w.tb.Parts(e.name)
		if given == "" {
			continue
		}
		for _, s := range surnames {
			bySurname[s] = append(bySurname[s], e)
		}
	}
	var out []Candidate
	for _, e := range w.sorted() {
		if e.top != "person" || !plausiblePerson(w.tb, e.name) {
			continue
		}
		given, surnames, _ := w.tb.Parts(e.name)
		if given != "" || len(surnames) != 1 {
			continue
		}
		type scored struct {
			o *entity
			c sharedContext
		}
		var cands []scored
		seen := map[string]bool{}
		for _, o := range bySurname[surnames[0]] {
			r := w.find(o.iri)
			if seen[r] || r == w.find(e.iri) || w.conflict(e, o) != "" {
				continue
			}
			seen[r] = true
			// A cluster is named by the node the others were merged into.
			if root := w.ents[r]; root != nil && root.top == "person" && root.name != "" && w.conflict(e, root) == "" {
				o = root
			}
			cands = append(cands, scored{o, w.context(e, o)})
		}
		if len(cands) == 0 {
			continue
		}
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].c.score > cands[j].c.score })
		best := cands[0]
		titles, word := w.tb.StripTitles(e.name)
		lead := fmt.Sprintf("%q is the surname of %s", word, best.o.name)
		if len(titles) > 0 {
			lead += fmt.Sprintf(" (title %q taken off)", titles[0].Text)
		}
		if len(cands) == 1 {
			lead += ", the only full name with it"
		} else {
			lead += fmt.Sprintf(", one of %d full names with it", len(cands))
		}
		// Rivals are the other holders of the surname, less the best one's
		// junior: news writes "Trump Jr.", so a bare surname is the senior.
		var rivals []*entity
		second := 0.0
		for _, c := range cands[1:] {
			if !w.juniorOf(c.o, best.o) {
				rivals = append(rivals, c.o)
				second = max(second, c.c.score)
			}
		}
		// Only a name that starts like a person's ("Paul Manafort", not
		// "Capitol Hill") is merged into; the others are proposed.
		clear := best.c.enough() && best.c.score >= dominance*second && w.tb.PlausibleFullName(best.o.name)
		notIn := ""
		if clear {
			if d, why := w.unsupportedDoc(e, best.o, rivals); d != "" {
				// One node may hold one surname from unrelated articles:
				// each must point to this person.
				clear = false
				notIn = fmt.Sprintf("document %s does not point to %s: %s", d, best.o.name, why)
			}
		}
		if clear {
			out = append(out, w.candidate(e, best.o, RuleSurname, false, lead, best.c.String()))
			continue
		}
		// Proposals: the best few, for a reader to accept one.
		for i, c := range cands {
			if i == 3 {
				break
			}
			ev := []string{fmt.Sprintf("%q is the surname of %s, one of %d full names with it", word, c.o.name, len(cands)), c.c.String()}
			if i == 0 && notIn != "" {
				ev = append(ev, notIn)
			}
			out = append(out, w.candidate(e, c.o, RuleSurname, true, ev...))
		}
	}
	return out
}

// alias: an entity's name is an alias of exactly one other entity of its
// class, with a longer name. Merged when the longer name spells the shorter
// out (an acronym, or the same name with a company suffix: "JPMorgan",
// "JPMorgan Chase & Co") and their documents share context; otherwise
// proposed.
func (w *world) alias() []Candidate {
	holders := map[string][]*entity{}
	for _, e := range w.sorted() {
		for a := range e.aliases {
			holders[e.top+"\x00"+a] = append(holders[e.top+"\x00"+a], e)
		}
	}
	var out []Candidate
	for _, e := range w.sorted() {
		if e.name == "" {
			continue
		}
		if e.top == "person" {
			if given, _, _ := w.tb.Parts(e.name); given == "" || !plausiblePerson(w.tb, e.name) {
				continue // one word: the surname rule's
			}
		}
		var others []*entity
		seen := map[string]bool{}
		for _, h := range holders[e.top+"\x00"+schema.NameKey(e.name)] {
			if r := w.find(h.iri); h != e && !seen[r] && r != w.find(e.iri) {
				seen[r] = true
				others = append(others, h)
			}
		}
		if len(others) == 0 {
			others = w.acronymOf(e)
		}
		if len(others) != 1 || len(others[0].name) <= len(e.name) {
			continue
		}
		o := others[0]
		if w.conflict(e, o) != "" {
			continue
		}
		if e.top == "person" && (!plausiblePerson(w.tb, o.name) || !w.tb.PlausibleFullName(o.name)) {
			continue
		}
		c := w.context(e, o)
		ev := []string{fmt.Sprintf("%q is an alias of %s in its documents", e.name, o.name)}
		if !o.aliases[schema.NameKey(e.name)] {
			ev[0] = fmt.Sprintf("no document gives %q as a name of %s", e.name, o.name)
		}
		spelled := ""
		switch {
		case e.top == "person":
			spelled = "same given name"
		case isAcronym(e.name, o.name):
			spelled = fmt.Sprintf("%q is the acronym of %q", e.name, o.name)
		case w.tb.CompanySuffix(e.name, o.name):
			spelled = fmt.Sprintf("%q is %q with a company suffix", o.name, e.name)
		}
		if spelled != "" {
			ev = append(ev, spelled)
		}
		ev = append(ev, c.String())
		out = append(out, w.candidate(e, o, RuleAlias, spelled == "" || !c.enough(), ev...))
	}
	return out
}

// acronymOf lists the other non-person entities of e's class whose name e
// is the acronym of ("CFPB" for an article that never spelled it out):
// the alias rule then asks the same context of them.
func (w *world) acronymOf(e *entity) []*entity {
	if e.top == "person" || strings.ContainsAny(e.name, " -") || strings.ToUpper(e.name) != e.name {
		return nil
	}
	if w.acronyms == nil {
		w.acronyms = map[string][]*entity{}
		for _, o := range w.sorted() {
			if o.top == "person" || len(strings.Fields(o.name)) < 2 {
				continue
			}
			for _, a := range acronyms(o.name) {
				w.acronyms[o.top+"\x00"+a] = append(w.acronyms[o.top+"\x00"+a], o)
			}
		}
	}
	var out []*entity
	seen := map[string]bool{w.find(e.iri): true}
	for _, o := range w.acronyms[e.top+"\x00"+acronymKey(e.name)] {
		if r := w.find(o.iri); !seen[r] {
			seen[r] = true
			out = append(out, o)
		}
	}
	return out
}

// conflict says why two entities cannot be one, or "": a different class,
// a refusal on record, different given names or generational suffixes, or
// roles in incompatible spheres.
func (w *world) conflict(a, b *entity) string {
	if a.top != b.top {
		return "different classes"
	}
	if w.rejected[[2]string{a.iri, b.iri}] {
		return "refused by a user"
	}
	if a.top == "person" {
		ga, _, sa := w.tb.Parts(a.name)
		gb, _, sb := w.tb.Parts(b.name)
		if ga != "" && gb != "" && ga != gb && !initialOf(ga, gb) && !initialOf(gb, ga) {
			return "different given names"
		}
		if sa != sb && (ga != "" && gb != "" || sa != "") {
			// "Donald Trump Jr." is not "Donald Trump"; "Trump Jr." is not either.
			return "different generations"
		}
		if w.tb.Conflict(slices.Sorted(maps.Keys(a.spheres)), slices.Sorted(maps.Keys(b.spheres))) {
			return "roles in incompatible spheres"
		}
	}
	return ""
}

// juniorOf: j is o's namesake with a generational suffix ("Donald Trump
// Jr." of "Donald Trump").
func (w *world) juniorOf(j, o *entity) bool {
	gj, sj, xj := w.tb.Parts(j.name)
	go_, so, xo := w.tb.Parts(o.name)
	return xj != "" && xo == "" && gj == go_ && slices.Equal(sj, so)
}

// initialOf: "j" is an initial of "james".
func initialOf(short, long string) bool {
	return len([]rune(short)) == 1 && strings.HasPrefix(long, short)
}

// plausiblePerson: a person's name does not hold a party, country or
// organisation name or a title after its first words ("Senate Republicans",
// "Representatives Democratic" are not people), each word starts with a
// capital or is a name particle, and no long word is all capitals.
func plausiblePerson(tb *names.Table, name string) bool {
	_, rest := tb.StripTitles(name)
	words := strings.Fields(rest)
	for i, wd := range words {
		if _, ok := tb.Family(wd); ok && len(words) > 1 {
			return false
		}
		if _, ok := tb.IsTitle(wd); ok && i > 0 {
			return false
		}
		r := []rune(wd)
		if len(r) == 0 || (!unicode.IsUpper(r[0]) && !particles[strings.ToLower(wd)]) {
			return false
		}
		if len(r) >= 4 && strings.ToUpper(wd) == wd {
			return false // "ANTI-ESTABLISHMENT", a headline's capitals
		}
	}
	return len(words) > 0
}

var particles = map[string]bool{"al": true, "al-": true, "bin": true, "ibn": true, "de": true, "da": true, "del": true, "der": true, "van": true, "von": true, "la": true, "le": true, "di": true, "du": true, "el": true, "abu": true}

// isAcronym: short's letters are the initials of long's words, with or
// without its short function words ("CFPB", "Consumer Financial Protection
// Bureau"; "ANWR", "Arctic National Wildlife Refuge").
func isAcronym(short, long string) bool {
	k := acronymKey(short)
	if len([]rune(k)) < 2 || strings.ContainsAny(k, " -") {
		return false
	}
	return slices.Contains(acronyms(long), k)
}

func acronymKey(s string) string {
	return strings.ToLower(strings.NewReplacer(".", "", "&", "").Replace(s))
}

// acronyms are the initials of a name's words, all of them and without
// function words.
func acronyms(long string) []string {
	var all, content strings.Builder
	for _, wd := range strings.FieldsFunc(long, func(r rune) bool { return r == ' ' || r == '-' }) {
		r := []rune(strings.ToLower(wd))
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		initials := string(r[0])
		if strings.Contains(wd, ".") {
			// An abbreviation gives all its letters: "U.S. Postal
			// Service" is USPS, not UPS.
			initials = acronymKey(wd)
		}
		all.WriteString(initials)
		if !functionWords[string(r)] {
			content.WriteString(initials)
		}
	}
	if all.String() == content.String() {
		return []string{all.String()}
	}
	return []string{all.String(), content.String()}
}

var functionWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "on": true, "in": true, "to": true}
