package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// segmentSpeaker reads the comma-separated noun phrases between a quote
// closed by its comma and the speech verb that attributes it, from token k
// (the first after the quote) of sentence si:
//
//	“…,” Ana Ruiz, 40, said                     → the first segment's name
//	“…,” Ana Ruiz, a spokeswoman for X, said    → the same
//	“…,” the state’s Speaker of the House, Ana Ruiz, said
//	                                             → a title, then its holder
//
// The segments hold no verb of their own (a relative clause, a second
// statement) and no other quote; the speaker is -1 otherwise. The parser
// often hangs such names off the quote (the marks cut the clause), so the
// surface is read here rather than the tree.
func (x *docState) segmentSpeaker(si, k int) int {
	v := x.viewOf(si)
	if spk := x.relativeSpeaker(si, k); spk >= 0 {
		return spk
	}
	verb := -1
	for j := k; j < len(v.t) && j < k+segmentMaxWords; j++ {
		t := v.t[j]
		if speechVerbs[t.Lower] {
			verb = j
			break
		}
		if nlp.IsOpenQuote(t.Text) || t.Text == "\"" || t.Lower == "who" || t.Lower == "which" || t.Lower == "that" ||
			t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" {
			return -1
		}
	}
	if verb <= k+1 || v.t[verb-1].Text != "," {
		return -1
	}
	var segs [][2]int
	st := k
	for j := k; j < verb; j++ {
		if v.t[j].Text == "," {
			if j > st {
				segs = append(segs, [2]int{st, j})
			}
			st = j + 1
		}
	}
	if len(segs) < 2 || len(segs) > 3 {
		return -1
	}
	// whole reports whether a segment ends with a name mention that only
	// titles, articles and possessives precede: the mention, or -1.
	whole := func(seg [2]int) int {
		mi := v.end[seg[1]]
		if mi < 0 || v.m(mi).kind != kName || v.ent(mi) < 0 || v.isA(mi, schema.Location) || v.partyMember(mi) {
			return -1
		}
		// "influential tabloid the Global Times": a description, then
		// "the" and the name; its common nouns describe the name.
		described := v.m(mi).i > seg[0]+1 && v.low(v.m(mi).i-1) == "the"
		for j := seg[0]; j < v.m(mi).i; j++ {
			if r := v.start[j]; r >= 0 && v.m(r).kind == kRole {
				j = v.m(r).j - 1
				continue
			}
			if w := v.t[j]; !upperFirst(w.Text) && !v.x.g.roleNouns[w.Lower] && w.Lower != "the" && w.Tag != "JJ" && !(described && w.Tag == "NN") {
				return -1
			}
		}
		return mi
	}
	if mi := whole(segs[0]); mi >= 0 {
		if v.isA(mi, schema.Person) || v.isA(mi, schema.Organization) {
			return v.ent(mi)
		}
		return -1
	}
	// A description first ("the state’s Speaker of the House"): a title or
	// role noun in it, and a person's name as the whole next segment.
	titled := false
	for j := segs[0][0]; j < segs[0][1]; j++ {
		if r := v.start[j]; r >= 0 && v.m(r).kind == kRole || v.x.g.roleNouns[v.low(j)] {
			titled = true
		}
		if r := v.start[j]; r >= 0 && v.m(r).kind == kName && v.isA(r, schema.Person) && !possessed(v, r) {
			return -1 // "Ana Ruiz's spokeswoman, …": whose words is unclear
		}
	}
	if !titled {
		return -1
	}
	if mi := whole(segs[1]); mi >= 0 && v.isA(mi, schema.Person) {
		return v.ent(mi)
	}
	return -1
}

// segmentMaxWords bounds the speaker phrase after a quote.
const segmentMaxWords = 25

// trailingVerbs attribute a clause that comes before them: "The talks
// failed, the ministry said."
var trailingVerbs = map[string]bool{"said": true, "says": true, "added": true, "told": true, "wrote": true, "noted": true}

// trailingSpeech reads reported speech whose attribution follows it,
// "CLAUSE, X said (in a statement on Monday).", with the speech verb at
// token k of sentence si: the clause's tokens [st, end) and where the
// speaker phrase starts (after the comma). ok is false when the verb is
// not at the end of its sentence (another clause follows it), when the
// clause is a quote (the quote rules read it), has no finite verb of its
// own, or when the subject is not right after the comma.
func (v *view) trailingSpeech(k, subj int, it bool) (st, end, at int, ok bool) {
	if !trailingVerbs[v.low(k)] || subj < 0 && !it {
		return 0, 0, 0, false
	}
	// The tail after the verb: a time, a medium, an audience; no clause.
	tail := 0
	for j := k + 1; j < len(v.t); j++ {
		t := v.t[j]
		if t.Text == "." || t.Text == "!" {
			break
		}
		if t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" || t.Lower == "that" || t.Text == ":" || t.Text == ";" ||
			nlp.IsOpenQuote(t.Text) || t.Text == "\"" || t.Tag == "PRP" && t.Lower != "it" && t.Lower != "him" && t.Lower != "her" && t.Lower != "them" && t.Lower != "us" && t.Lower != "me" {
			return 0, 0, 0, false
		}
		if tail++; tail > 12 {
			return 0, 0, 0, false
		}
	}
	if v.low(k) == "told" && tail == 0 {
		return 0, 0, 0, false
	}
	// The subject phrase: back from the subject's first token over titles,
	// possessives, articles and modifiers to the comma.
	c := k - 2 // "it said"
	if !it {
		c = v.m(subj).i - 1
	}
	for steps := 0; c >= 0 && steps < 6 && v.t[c].Text != ","; steps++ {
		w := v.t[c]
		if r := v.end[c+1]; r >= 0 && v.m(r).kind == kName && !v.isA(r, schema.Person) {
			c = v.m(r).i - 1 // "China’s Foreign Ministry": a possessor name
			continue
		}
		if !(upperFirst(w.Text) || w.Tag == "POS" || w.Lower == "’s" || w.Lower == "'s" || w.Lower == "the" || w.Tag == "JJ" || v.x.g.roleNouns[w.Lower]) {
			return 0, 0, 0, false
		}
		c--
	}
	if c < 4 || v.t[c].Text != "," {
		return 0, 0, 0, false
	}
	st, end = 0, c
	// A sentence that opens with its dateline or a connective keeps it out.
	if d := v.datelineEnd(); d > 0 && d+1 < end {
		st = d + 1
	}
	if nlp.IsOpenQuote(v.t[st].Text) || v.t[st].Text == "\"" {
		return 0, 0, 0, false // “…,” X said: a quote
	}
	finite := false
	for j := st; j < end; j++ {
		if t := v.t[j].Tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
			finite = true
		}
		if v.t[j].Text == "*" || v.t[j].Text == ";" {
			return 0, 0, 0, false
		}
	}
	if !finite || end-st < 4 {
		return 0, 0, 0, false
	}
	return st, end, c + 1, true
}

// mediumClauseMax is how far "said in a letter sent to …" may look for the
// "that" of its statement.
const mediumClauseMax = 8

// clauseFollows reports whether the speech verb at k is followed by a
// statement of its own ("said the talks failed", "said on Monday that",
// "told reporters that"), not by the end of the sentence, a medium or an
// audience alone.
func (v *view) clauseFollows(k int) bool {
	j := k + 1
	if t, e := v.timeAt(j); t != "" {
		j = e
	}
	// "“…” X said in a statement (on) Thursday the changes …", "said in a
	// letter sent to the court that …": the medium, then the statement.
	if e := v.mediumPhrase(j); e > 0 {
		j = e
		if t, e2 := v.timeAt(j); t != "" {
			j = e2
		}
		if j < len(v.t) && (v.t[j].Tag == "VBN" || v.t[j].Tag == "VBD") {
			for a := j + 1; a < len(v.t) && a <= j+mediumClauseMax; a++ {
				if v.low(a) == "that" {
					return true
				}
			}
			return false
		}
	}
	if j >= len(v.t) {
		return false
	}
	if v.low(k) == "told" {
		for a := j; a < len(v.t) && a < j+5; a++ {
			if v.low(a) == "that" {
				return true
			}
		}
		return false
	}
	switch t := v.t[j]; {
	case t.Lower == "that":
		return true
	case t.Tag == "PRP" && t.Lower != "it":
		return j+1 < len(v.t) && (strings.HasPrefix(v.t[j+1].Tag, "VB") || v.t[j+1].Tag == "MD")
	case t.Tag == "DT" || t.Tag == "NNS" || t.Tag == "NN" || t.Tag == "NNP" || t.Tag == "NNPS":
		// "“… sharply.” But Democrats say Republicans used …": a name
		// opens the verb's own statement (an inverted speaker, "said
		// X", is read before this check).
		return true
	}
	return false
}

// speakerSubject is the subject of the speech verb at k (view.subject),
// except that a name right before the verb is the subject even when the
// tagger took it for an adverb ("Donnelly said": view.subject steps over
// adverbs).
func (v *view) speakerSubject(k int) (int, bool) {
	if mi := v.end[k]; mi >= 0 && v.m(mi).kind == kName && k > 0 && v.t[k-1].Tag == "RB" {
		return mi, false
	}
	s, neg := v.subject(k)
	// "X, a spokeswoman for Y, a broadcaster formerly known as Z before it
	// …, said": past a long appositive the view finds Y (or nobody); the
	// speaker is the person who opens the sentence (speech_s13.go).
	if k > 0 && v.t[k-1].Text == "," && (s < 0 || !v.isA(s, schema.Person) && v.inPhrase(s, k)) {
		if p := v.sentenceAppositiveHead(k); p >= 0 {
			return p, neg
		}
	}
	return s, neg
}

// itSpeaker is who "it" stands for in "“…,” it said" and "…, it added":
// the quote chain's last speaker when that is an organisation or a
// country and the last organisation or country named before the pronoun,
// within itWindow sentences, is that speaker; -1 otherwise ("The
// government denied it. It said …" after a ministry's quote is not the
// ministry).
func (x *docState) itSpeaker(p ptok, lastSpeaker int) int {
	if lastSpeaker < 0 || x.ents[lastSpeaker].class.IsA(schema.Person) {
		return -1
	}
	for si := p.si; si >= 0 && si >= p.si-itWindow; si-- {
		// "The People’s Daily said in a commentary that … the United
		// States …": the bodies named in what the speaker said are not
		// the pronoun's antecedent (speech_s14b.go).
		if si < p.si && x.namedSpeakerOf(si, lastSpeaker) {
			return lastSpeaker
		}
		ms := x.sentMents[si]
		for n := len(ms) - 1; n >= 0; n-- {
			m := x.ments[ms[n]]
			if m.kind != kName || m.ent < 0 || si == p.si && m.i >= p.k {
				continue
			}
			// “… China and the United States …,” it said: names inside
			// the quote are what was said, not who said it.
			if si == p.si && inQuoteAt(x.sents[si].Toks, m.i) {
				continue
			}
			c := x.ents[m.ent].class
			if !c.IsA(schema.Organization) && !c.IsA(schema.Country) && !c.IsA(schema.Region) {
				continue
			}
			if m.ent == lastSpeaker {
				return lastSpeaker
			}
			return -1
		}
	}
	return -1
}

// itWindow is how many sentences back "it" may look for its speaker.
const itWindow = 3

// adjunctParticiples open a participle phrase that describes the saying,
// not what was said: "X said referring to the bill", "X said speaking to
// reporters". A gerund that is the clause's subject ("X said ending the
// mandate would help") is not one of them.
var adjunctParticiples = map[string]bool{"referring": true, "speaking": true, "citing": true, "adding": true,
	"noting": true, "pointing": true, "declining": true, "asking": true, "explaining": true, "responding": true,
	"calling": true, "according": true, "standing": true, "flanked": true, "accompanied": true, "reading": true,
	"writing": true, "addressing": true, "appearing": true, "testifying": true, "echoing": true, "repeating": true}
