package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// quoteOnlyVerbs attribute a quote that stands before them ("“…,”
// predicted Senator X", "“…,” X quipped") but, unlike speechVerbs, are
// not read as reported speech: "analysts predicted a rise" is a forecast
// in the story's own words, not a statement somebody made.
var quoteOnlyVerbs = map[string]bool{"predicted": true, "quipped": true, "joked": true, "countered": true, "replies": true}

// quoteVerb reports whether w attributes a quote next to it.
func quoteVerb(w string) bool { return speechVerbs[w] || quoteOnlyVerbs[w] }

// jointSpeakers are the other persons who, with speaker, make the subject
// of the speech verb right after a quote closed by its comma: "“…,” Police
// Commissioner A, Mayor B and the heads of two unions wrote in a joint
// statement" is A's quote and B's. The words from the quote to the verb
// must be a plain coordination: parts split at commas and "and", each a
// noun phrase that ends in a person's name or names no person at all.
// A verb, a relative pronoun, a preposition other than the "of" of a title,
// or a person named inside a part ("Ruiz’s spokesman, Tom Li, and …")
// give nobody: whose words these are is then not a list of names. With
// speaker -1 (the other rules named nobody) every person of the list.
func (x *docState) jointSpeakers(si, k, speaker int) []int {
	v := x.viewOf(si)
	verb := -1
	for j := k; j < len(v.t) && j < k+40; j++ {
		w := v.low(j)
		if quoteVerb(w) {
			verb = j
			break
		}
		t := v.t[j]
		if nlp.IsOpenQuote(t.Text) || nlp.IsCloseQuote(t.Text) || t.Text == "\"" || t.Text == ";" || t.Text == ":" || t.Text == "(" || t.Text == "." {
			return nil
		}
		if w == "who" || w == "which" || w == "whose" || w == "whom" || w == "that" {
			return nil
		}
		if strings.HasPrefix(t.Tag, "VB") && !upperFirst(t.Text) || t.Tag == "MD" {
			return nil
		}
		if (t.Tag == "IN" || t.Tag == "TO") && w != "of" {
			return nil
		}
	}
	if verb < 0 {
		return nil
	}
	var persons []int
	hasAnd := false
	st := k
	for j := k; j <= verb; j++ {
		if j < verb && v.t[j].Text != "," && v.low(j) != "and" {
			continue
		}
		if v.low(j) == "and" {
			hasAnd = true
		}
		// The part [st, j): at most one person, and only as its head.
		for a := st; a < j; a++ {
			mi := v.start[a]
			if mi < 0 || v.m(mi).kind != kName || !v.isA(mi, schema.Person) {
				continue
			}
			if v.m(mi).j != j || v.ent(mi) < 0 {
				return nil
			}
			persons = append(persons, v.ent(mi))
		}
		st = j + 1
	}
	if !hasAnd || len(persons) < 2 {
		return nil
	}
	found := false
	var others []int
	seen := map[int]bool{}
	for _, p := range persons {
		if seen[p] {
			return nil // one person twice: an apposition, not a list
		}
		seen[p] = true
		if p == speaker {
			found = true
		} else {
			others = append(others, p)
		}
	}
	if speaker < 0 {
		// No speaker found by the other rules: every person of the list.
		return persons
	}
	if !found {
		return nil
	}
	return others
}

// namedSpeakerOf reports whether sentence si names e as the subject right
// before a speech verb outside quotes ("The party’s official People’s
// Daily said in a commentary that …"), so that the bodies named after the
// verb belong to its statement.
func (x *docState) namedSpeakerOf(si, e int) bool {
	toks := x.sents[si].Toks
	for _, mi := range x.sentMents[si] {
		m := x.ments[mi]
		if m.kind != kName || m.ent != e || m.j >= len(toks) || inQuoteAt(toks, m.i) {
			continue
		}
		j := m.j
		if toks[j].Tag == "RB" {
			j++ // "X also said"
		}
		if j < len(toks) && speechVerbs[toks[j].Lower] && !(m.i > 0 && toks[m.i-1].Tag == "IN") {
			return true
		}
	}
	return false
}

// rankedPerson is the person named after a rank ("No. 2 Senate
// Republican John Cornyn"), when only capitalised words stand between
// them and a comma or the sentence's end follows the name; -1 otherwise
// (the body or party before the name is what the person's rank is in).
func rankedPerson(v *view, i int) int {
	for j := i + 2; j < len(v.t) && j <= i+8; j++ {
		if mi := v.start[j]; mi >= 0 && v.m(mi).kind == kName && v.isA(mi, schema.Person) {
			if e := v.m(mi).j; e >= len(v.t) || v.t[e].Text == "," || v.t[e].Text == "." {
				return mi
			}
			return -1
		}
		if !upperFirst(v.t[j].Text) {
			return -1
		}
	}
	return -1
}

// rankPrefix reports whether a rank such as "No. 2" stands at i.
func rankPrefix(v *view, i int) bool {
	return (v.low(i) == "no." || v.low(i) == "number") && i+1 < len(v.t) && v.t[i+1].Tag == "CD"
}
