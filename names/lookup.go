package names

import (
	"strings"
	"unicode"
)

// Match is a family a name belongs to.
type Match struct {
	Family
	// Ambiguous: the name usually means the family but not always, so an
	// identity built on it is a proposal, not a merge.
	Ambiguous bool
	// Rule says which form matched: "listed", "the X party", "plural" or
	// "singular".
	Rule string
}

// Family finds the family a name belongs to: as listed (after Key), or by a
// regular variant of a listed party name ("the Tory party", "Republican"
// from "Republicans", "Tories" from "Tory").
func (t *Table) Family(name string) (Match, bool) {
	k := Key(name)
	if k == "" {
		return Match{}, false
	}
	if m, ok := t.lookup(k, "listed", false); ok {
		return m, true
	}
	if s, ok := strings.CutSuffix(k, " party"); ok {
		if m, ok := t.lookup(s, "the X party", true); ok {
			return m, true
		}
	}
	for _, v := range numberVariants(k) {
		if m, ok := t.lookup(v.key, v.rule, true); ok {
			return m, true
		}
	}
	return Match{}, false
}

// FamilyOfSlug finds the family whose listed name has this slug
// (schema.Slug): an entity IRI ends in the slug of the name ingest chose
// for it ("ent:organization/treasury-department"), whatever each document
// called it ("Treasury").
func (t *Table) FamilyOfSlug(slug string) (Match, bool) {
	ref, ok := t.bySlug[slug]
	if !ok {
		return Match{}, false
	}
	return Match{Family: t.families[ref.idx], Ambiguous: ref.ambiguous, Rule: "node IRI"}, true
}

func (t *Table) lookup(k, rule string, partyOnly bool) (Match, bool) {
	ref, ok := t.byKey[k]
	if !ok {
		return Match{}, false
	}
	f := t.families[ref.idx]
	if partyOnly && f.Kind != KindParty {
		return Match{}, false
	}
	return Match{Family: f, Ambiguous: ref.ambiguous, Rule: rule}, true
}

type variant struct{ key, rule string }

// numberVariants are the singular and plural of a name's last word: party
// names are used both ways ("a Republican", "the Republicans").
func numberVariants(k string) []variant {
	var out []variant
	switch {
	case strings.HasSuffix(k, "ies"):
		out = append(out, variant{strings.TrimSuffix(k, "ies") + "y", "singular"})
	case strings.HasSuffix(k, "s"):
		out = append(out, variant{strings.TrimSuffix(k, "s"), "singular"})
	case strings.HasSuffix(k, "y"):
		out = append(out, variant{strings.TrimSuffix(k, "y") + "ies", "plural"}, variant{k + "s", "plural"})
	default:
		out = append(out, variant{k + "s", "plural"})
	}
	return out
}

// Families lists every family of the table, in file order.
func (t *Table) Families() []Family { return append([]Family(nil), t.families...) }

// Title is a title or honorific found before a name.
type Title struct {
	Text   string // as written in the name
	Sphere string // titles.tsv's sphere; "party" or "country" for an affiliation ("Tory", "Russian")
}

// StripTitles splits a name into the titles before it and the name itself:
// "Tory MP Michael Mates" gives [Tory (party), MP] and "Michael Mates";
// "Mr Blair" gives [Mr] and "Blair"; "Russian President Vladimir Putin"
// gives [Russian (country), President] and "Vladimir Putin". At least one
// word always remains, so "President" alone is a name. A party word is an
// affiliation before any name ("Democrat Doug Jones", "Republican Moore"),
// a country word only when a title follows it or two words remain after it
// ("Russian Vladimir Putin", not "British Airways"); an organisation's name
// only when a title follows it ("White House Press
// Secretary Sarah Sanders", "FBI Director James Comey").
func (t *Table) StripTitles(name string) ([]Title, string) {
	words := strings.Fields(name)
	type item struct {
		end   int // words[:end] are stripped after this item
		title Title
		kind  byte // 't' title, 'a' affiliation, 'o' organisation
	}
	var items []item
	i := 0
	for i < len(words)-1 {
		n, it := t.prefixAt(words, i)
		if n == 0 {
			break
		}
		i += n
		items = append(items, item{end: i, title: it.title, kind: it.kind})
	}
	// Drop trailing items that are not followed by a title and do not
	// leave a full name.
	for len(items) > 0 {
		last := items[len(items)-1]
		left := len(words) - last.end
		if last.kind == 't' || (last.kind == 'a' && (left >= 2 || last.title.Sphere == "party")) {
			break
		}
		items = items[:len(items)-1]
	}
	if len(items) == 0 || !startsUpper(words[items[len(items)-1].end]) {
		return nil, strings.Join(words, " ")
	}
	out := make([]Title, len(items))
	for j, it := range items {
		out[j] = it.title
	}
	return out, strings.Join(words[items[len(items)-1].end:], " ")
}

type prefixItem struct {
	title Title
	kind  byte
}

// prefixAt finds the longest title, affiliation or organisation name
// starting at words[i], leaving at least one word; 0 when there is none.
func (t *Table) prefixAt(words []string, i int) (int, prefixItem) {
	longest := max(t.titleWords, t.familyWords)
	for n := min(longest, len(words)-1-i); n >= 1; n-- {
		text := strings.Join(words[i:i+n], " ")
		k := Key(text)
		if s, ok := t.titles[k]; ok {
			return n, prefixItem{Title{Text: text, Sphere: s}, 't'}
		}
		m, ok := t.Family(text)
		if !ok {
			continue
		}
		switch m.Kind {
		case KindParty:
			return n, prefixItem{Title{Text: text, Sphere: "party"}, 'a'}
		case KindCountry:
			return n, prefixItem{Title{Text: text, Sphere: "country"}, 'a'}
		default:
			return n, prefixItem{Title{Text: text, Sphere: "organisation"}, 'o'}
		}
	}
	return 0, prefixItem{}
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// IsTitle reports whether text is a title or honorific and its sphere.
func (t *Table) IsTitle(text string) (sphere string, ok bool) {
	s, ok := t.titles[Key(text)]
	return s, ok
}

// Conflict reports whether a person with roles only in spheres a cannot be
// a person with roles only in spheres b (spheres.tsv): both must have some
// sphere, and every pair must be listed as incompatible. "any" and unknown
// spheres never conflict.
func (t *Table) Conflict(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if !t.conflicts[[2]string{x, y}] {
				return false
			}
		}
	}
	return true
}

var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// Parts splits a person's name, titles removed, into its given name (first
// word; "" for a one-word name), the keys it may be known by as a surname
// (the last word before a generational suffix, and the first word when it is
// a family name written first, "Xi" of "Xi Jinping") and the suffix ("jr").
func (t *Table) Parts(name string) (given string, surnames []string, suffix string) {
	_, rest := t.StripTitles(name)
	words := strings.Fields(Key(strings.ReplaceAll(rest, ",", " ")))
	if n := len(words); n > 1 && suffixes[words[n-1]] {
		suffix = words[n-1]
		words = words[:n-1]
	}
	switch len(words) {
	case 0:
		return "", nil, suffix
	case 1:
		return "", []string{words[0]}, suffix
	}
	surnames = []string{words[len(words)-1]}
	if t.familyFirst[words[0]] {
		surnames = append(surnames, words[0])
	}
	return words[0], surnames, suffix
}

// Forms lists what a name typed by a reader may be stored as, most specific
// first and without repeats: the name itself, the name without its titles
// ("Mr Blair" → "Blair"), and the family's canonical name and variants
// ("Tories" → "Conservative Party", "Conservatives", …). Lookups (issue 17)
// try them in order.
func (t *Table) Forms(name string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !seen[Key(s)] {
			seen[Key(s)] = true
			out = append(out, s)
		}
	}
	add(name)
	_, rest := t.StripTitles(name)
	add(rest)
	for _, n := range []string{name, rest} {
		if m, ok := t.Family(n); ok && !m.Ambiguous {
			for _, v := range m.Variants {
				add(v)
			}
		}
	}
	return out
}

var suffixCleaner = strings.NewReplacer("&", " ", ",", " ")

// CompanySuffix reports whether long is short followed only by words of
// org-suffixes.tsv: "JPMorgan Chase & Co" and "JPMorgan Chase", not "EPA
// Scientific Advisory Board" and "EPA".
func (t *Table) CompanySuffix(short, long string) bool {
	s, l := Key(suffixCleaner.Replace(short)), Key(suffixCleaner.Replace(long))
	rest, ok := strings.CutPrefix(l, s+" ")
	if !ok || s == "" {
		return false
	}
	for _, w := range strings.Fields(rest) {
		if !t.orgSuffixes[w] {
			return false
		}
	}
	return true
}

// PlausibleFullName reports whether a person's full name (titles removed)
// starts like one: with a listed given name (given-names.tsv), an initial
// ("J." or "J"), or a family name written first (family-first.tsv). "Paul
// Manafort" and "Xi Jinping" are; "Capitol Hill", "Merry Christmas" and a
// one-word name are not.
func (t *Table) PlausibleFullName(name string) bool {
	_, rest := t.StripTitles(name)
	words := strings.Fields(Key(rest))
	if len(words) < 2 {
		return false
	}
	first := words[0]
	return t.givenNames[first] || t.familyFirst[first] || len([]rune(first)) == 1
}

// GivenOnly reports whether a word is a listed given name (given-names.tsv)
// that is not also a family name written first (family-first.tsv): "Theresa"
// alone is part of someone's name, "Xi" or "Kim" alone is a surname.
func (t *Table) GivenOnly(word string) bool {
	k := Key(word)
	return t.givenNames[k] && !t.familyFirst[k]
}
