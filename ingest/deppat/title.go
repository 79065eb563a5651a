package deppat

import "strings"

// titleNouns are the head nouns of offices and jobs news names people by.
// Lower case; compared with the lemma and the lower-cased word.
var titleNouns = setOf(`president president-elect vice-president chairman chairwoman chair chairperson
secretary minister director spokesman spokeswoman spokesperson senator representative congressman
congresswoman lawmaker governor leader head chief ceo executive officer founder co-founder commander
general judge justice attorney lawyer counsel adviser advisor aide ambassador envoy mayor prosecutor
strategist economist analyst official candidate nominee speaker premier chancellor king queen prince
commissioner administrator manager partner editor correspondent professor researcher scientist deputy
whip treasurer inspector agent trustee negotiator diplomat administrator superintendent sheriff
ruler emir sheikh cleric imam bishop pope archbishop colonel captain lieutenant major sergeant
admiral marshal chief-of-staff owner publisher economist-in-chief consultant lobbyist pollster
investor banker member staffer employee worker reporter columnist vice chairman-elect`)

// qualifierWords change when or how someone holds a title; they are kept
// as qualifiers. former/ex/then leave the title text; the others are part
// of the office as analysts read it (acting director, shadow home secretary).
var dropQualifiers = setOf("former ex then onetime one-time erstwhile")
var keepQualifiers = setOf("acting shadow designate interim incoming outgoing")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func isTitle(lemma, text string) bool {
	w := strings.ToLower(text)
	for _, p := range []string{"ex-", "then-"} {
		w = strings.TrimPrefix(w, p)
	}
	w = strings.TrimSuffix(w, "-designate")
	w = strings.TrimSuffix(w, "-elect")
	return titleNouns[strings.ToLower(lemma)] || titleNouns[w] || titleNouns[strings.TrimSuffix(w, "s")]
}

// titleMods are the relations by which words before a title belong to it.
var titleMods = []string{"compound", "amod", "flat", "nmod:npmod", "obl:npmod"}

// title returns the whole title headed by token t and its qualifiers:
// the words before it that modify it (Senate Majority Leader, shadow home
// secretary) up to a determiner, a possessive or a name, and `of X` after it
// when X is no name (Secretary of State).
func (g *graph) title(t int) (string, []string) {
	toks := g.s.Tokens
	head := toks[t].Head
	start := t
	for i := t - 1; i >= 0; i-- {
		ti := toks[i]
		belongs := (ti.Head == t || ti.Head == start || (ti.Head > i && ti.Head <= t) ||
			(head >= 0 && ti.Head == head && i < t)) && oneOf(ti.Rel, titleMods)
		if !belongs || g.inside[i] >= 0 || ti.UPOS == "PUNCT" || ti.UPOS == "NUM" {
			break
		}
		start = i
	}
	var quals []string
	var words []string
	for i := start; i <= t; i++ {
		w := toks[i].Text
		lw := strings.ToLower(w)
		switch {
		case dropQualifiers[lw]:
			quals = append(quals, lw)
			continue
		case keepQualifiers[lw]:
			quals = append(quals, lw)
		}
		for _, p := range []string{"ex-", "then-"} {
			if strings.HasPrefix(lw, p) && len(lw) > len(p) {
				quals = append(quals, strings.TrimSuffix(p, "-"))
				w = w[len(p):]
			}
		}
		if strings.HasSuffix(lw, "-designate") {
			quals = append(quals, "designate")
		}
		words = append(words, w)
	}
	// Secretary of State, Minister of Defence: an `of` complement that is no name.
	for _, c := range g.children[t] {
		if c > t && toks[c].Rel == "nmod" && g.inside[c] < 0 && g.hasChild(c, []string{"case"}, []string{"of"}) &&
			!g.hasChild(c, []string{"det", "nmod:poss"}, nil) && toks[c].UPOS == "PROPN" && c == t+2 {
			words = append(words, "of", toks[c].Text)
		}
	}
	return strings.Join(words, " "), quals
}
