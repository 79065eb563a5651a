package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// Session 14: a description as the speaker after a quote ("“…,” the
// Republican speaker said", "“…,” the Philippines president said in a
// rambling answer", "“…,” the Texas senator told reporters"). Newswire
// names a person once and then calls them by title, party or home state;
// the quote is theirs when exactly one person named shortly before is
// described that way and nothing in the description contradicts them.

// descriptionWindow is how many sentences before the quote the described
// person may be named in: the description is a second reference, usually
// to someone named a paragraph or two before (wider than coref.go's
// window for pronouns, because a title or a party narrows the choice).
const descriptionWindow = 4

// anonymousHeads are the descriptions newswire gives unnamed sources ("a
// senior official said …, “…,” the official said"): a person named
// before with the same title is seldom the one speaking.
var anonymousHeads = map[string]bool{
	"official": true, "source": true, "aide": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "representative": true, "diplomat": true, "person": true, "officer": true,
	"member": true, "employee": true, "worker": true, "resident": true, "witness": true,
}

// personHeads are heads of a person's description that the role table
// does not hold: "the speaker" (of a chamber), "the former paratrooper".
var personHeads = map[string]bool{
	"speaker": true, "paratrooper": true, "veteran": true, "congresswoman": true, "businessman": true,
	"businesswoman": true, "billionaire": true, "tycoon": true, "incumbent": true, "challenger": true,
}

// describedSpeaker is the person that the description from token k ("the")
// to the speech verb at token verb of sentence si names, or -1. The quote
// it attributes opens at token openK of sentence openSi: candidates are the
// persons named outside quotes from descriptionWindow sentences before it
// up to that mark.
func (x *docState) describedSpeaker(si, k, verb, openSi, openK int) int {
	v := x.viewOf(si)
	if v.low(k) != "the" || verb-k < 2 || verb-k > 5 {
		return -1
	}
	h := verb - 1
	head := v.t[h]
	if _, ok := descriptionHeads[head.Text]; ok {
		// "“…,” the ministry said": an organisation's description, read
		// as coref.go reads it (one fitting body in the sentence before).
		if a, end := x.Antecedent(si, k); a >= 0 && end == verb {
			return a
		}
		return -1
	}
	party := x.partyWord(head.Text)
	if !party && (head.Text != head.Lower || !x.g.roleNouns[head.Lower] && !personHeads[head.Lower] || anonymousHeads[head.Lower]) {
		return -1
	}
	var mods []string
	for t := k + 1; t < h; t++ {
		w := v.t[t]
		// "the party's nominee", "the senator, who": no simple description
		if w.Text == "," || w.Lower == "'s" || w.Lower == "’s" || w.Tag == "POS" || nlp.IsOpenQuote(w.Text) || nlp.IsCloseQuote(w.Text) {
			return -1
		}
		if upperFirst(w.Text) {
			mods = append(mods, w.Text)
		}
	}
	cands := map[int]bool{}
	last, lastAt := -1, ptok{-1, -1} // the person named last before the quote
	for s := max(0, openSi-descriptionWindow); s <= openSi; s++ {
		toks := x.sents[s].Toks
		for _, mi := range x.sentMents[s] {
			m := x.ments[mi]
			if m.kind != kName || m.ent < 0 || !x.ents[m.ent].class.IsA(schema.Person) {
				continue
			}
			if s == openSi && m.i >= openK || inQuoteAt(toks, m.i) {
				continue
			}
			if s > lastAt.si || s == lastAt.si && m.i >= lastAt.k {
				last, lastAt = m.ent, ptok{s, m.i}
			}
			if !x.describedAs(m.ent, head.Text) || !x.modifiersFit(m.ent, mods) {
				continue
			}
			cands[m.ent] = true
		}
	}
	if len(cands) != 1 {
		return -1
	}
	// "“…,” the 64-year-old Republican said" after "Ana Ruiz, a retired
	// teacher, said …": a party word fits many people the story does not
	// call by it; only the person named last may be meant.
	if party && !cands[last] {
		return -1
	}
	for e := range cands {
		return e
	}
	return -1
}

// modifiersFit reports whether the capitalised words of a description
// ("Texas", "Philippines", "Republican") fit person e: a party word unless
// the document gives e another party, a place or other word when it
// stands next to a mention of e ("Texas Senator Ana Ruiz", "Ana Ruiz, a
// Republican from Texas,").
func (x *docState) modifiersFit(e int, mods []string) bool {
	for _, w := range mods {
		if x.partyWord(w) {
			if x.describedAs(e, w) {
				continue
			}
			for _, other := range []string{"Republican", "Democrat"} {
				if !sameParty(w, other) && x.describedAs(e, other) {
					return false
				}
			}
			continue
		}
		if !x.namedNextTo(e, w) {
			return false
		}
	}
	return true
}

// namedNextTo reports whether word w (or a form sharing its first six
// letters: "Philippine", "Philippines") stands within a few tokens before
// a mention of entity e, or in the apposition after it.
func (x *docState) namedNextTo(e int, w string) bool {
	lw := strings.ToLower(w)
	fits := func(t token) bool {
		a := t.Lower
		if a == lw {
			return true
		}
		n := min(len(a), len(lw), 6)
		return len(a) >= 5 && len(lw) >= 5 && a[:n] == lw[:n]
	}
	for s, ms := range x.sentMents {
		toks := x.sents[s].Toks
		for _, mi := range ms {
			m := x.ments[mi]
			if m.ent != e || m.kind != kName {
				continue
			}
			for t := m.i - 1; t >= 0 && t >= m.i-5 && toks[t].Text != "," && toks[t].Text != "."; t-- {
				if fits(toks[t]) {
					return true
				}
			}
			if m.j < len(toks) && toks[m.j].Text == "," {
				for t := m.j + 1; t < len(toks) && t <= m.j+10 && toks[t].Text != "," && toks[t].Text != "."; t++ {
					if fits(toks[t]) {
						return true
					}
				}
			}
		}
	}
	return false
}

// inQuoteAt reports whether token i of a sentence stands inside quotation
// marks opened in the same sentence.
func inQuoteAt(toks []token, i int) bool {
	open := false
	for t := 0; t < i && t < len(toks); t++ {
		switch {
		case nlp.IsOpenQuote(toks[t].Text):
			open = true
		case nlp.IsCloseQuote(toks[t].Text):
			open = false
		}
	}
	return open
}

// openingSpeaker is who "he" is in "“A. B. C,” he said" when the quote
// runs over several sentences and the pronoun's own neighbourhood (the
// quote's last sentences) names nobody: the one person who is the subject
// of the narrative sentence right before the quote opens ("Ruiz defended
// the plan. “…. …,” she said"), when the pronoun agrees and no antecedent
// says otherwise; -1 otherwise. "he added" goes on with the quote chain
// only, as in narrativeSpeaker.
func (x *docState) openingSpeaker(open, pron ptok) int {
	if open.si < 1 || open.si >= pron.si || open.k != 0 || pron.si < 0 {
		return -1
	}
	toks := x.sents[pron.si].Toks
	if !narrativePronoun(toks, pron.k) {
		return -1
	}
	w := toks[pron.k].Lower
	ns := x.narrativeSubject(open.si-1, w)
	if ns < 0 {
		return -1
	}
	if ant, _ := x.Antecedent(pron.si, pron.k); ant >= 0 && ant != ns {
		return -1
	}
	return ns
}

// ofInName reports whether token j is the "of" inside a capitalised name
// or title before a speaker ("“…,” Republican Party of Virginia Chairman
// John Whitbeck said"): capitalised words on both sides.
func ofInName(v *view, j int) bool {
	return v.low(j) == "of" && j > 0 && j+1 < len(v.t) && upperFirst(v.t[j-1].Text) && upperFirst(v.t[j+1].Text)
}

// possessed reports whether mention mi is a possessor ("Jones’ spokesman",
// "Ruiz's aide"): the person whose aide speaks, named as the whole
// segment after it, is the speaker; the possessor is not.
func possessed(v *view, mi int) bool {
	j := v.m(mi).j
	if j >= len(v.t) {
		return false
	}
	w := v.t[j]
	return w.Tag == "POS" || w.Lower == "'s" || w.Lower == "’s" || w.Text == "’" || w.Text == "'"
}

// relativeSpeaker reads "“…,” Ana Ruiz, who chairs the committee, said":
// a person's name as the whole first segment after the quote, a relative
// clause on it closed by a comma, then the speech verb; -1 otherwise.
func (x *docState) relativeSpeaker(si, k int) int {
	v := x.viewOf(si)
	c1 := k
	for c1 < len(v.t) && c1 < k+8 && v.t[c1].Text != "," {
		c1++
	}
	mi := v.end[min(c1, len(v.t))]
	if mi < 0 || v.m(mi).kind != kName || v.ent(mi) < 0 || !v.isA(mi, schema.Person) || v.partyMember(mi) {
		return -1
	}
	// "Senator Ana Ruiz, who …": only titles before the name
	for j := k; j < v.m(mi).i; j++ {
		if w := v.t[j]; !upperFirst(w.Text) && !v.x.g.roleNouns[w.Lower] && w.Lower != "the" && w.Tag != "JJ" {
			return -1
		}
	}
	if c1+1 >= len(v.t) || v.t[c1].Text != "," || v.low(c1+1) != "who" {
		return -1
	}
	for j := c1 + 2; j < len(v.t) && j < c1+2+segmentMaxWords; j++ {
		t := v.t[j]
		if nlp.IsOpenQuote(t.Text) || nlp.IsCloseQuote(t.Text) || t.Text == "\"" || t.Text == ";" || t.Text == ":" || t.Lower == "and" && j+1 < len(v.t) && speechVerbs[v.low(j+1)] {
			return -1
		}
		if t.Text == "," {
			if j+1 < len(v.t) && speechVerbs[v.low(j+1)] && !passiveAux[v.low(j+1)] {
				return v.ent(mi)
			}
			return -1 // a second comma inside the clause: no simple relative
		}
	}
	return -1
}

// namedBesidePronoun reports whether sentence si opens with the pronoun w
// as its subject and names entity e after it ("He thinks the economy
// will help Meehan."): e is then not who that pronoun, nor the same
// pronoun in the next sentence, stands for.
func (x *docState) namedBesidePronoun(si int, w string, e int) bool {
	if si < 0 || si >= len(x.sents) || e < 0 {
		return false
	}
	toks := x.sents[si].Toks
	if len(toks) < 2 || toks[0].Lower != w || !(strings.HasPrefix(toks[1].Tag, "VB") || toks[1].Tag == "MD") {
		return false
	}
	for _, mi := range x.sentMents[si] {
		if m := x.ments[mi]; m.ent == e && m.kind == kName && m.i > 0 {
			return true
		}
	}
	return false
}
