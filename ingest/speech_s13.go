package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// secondSpeech are the speech verbs that, after "and", end the statement
// of the verb before them: "X said A and said B" is two statements, never
// one that runs on over the second verb.
var secondSpeech = map[string]bool{"said": true, "added": true, "told": true, "says": true, "noted": true, "argued": true, "warned": true}

// secondStatement is the statement of "and said …" at token and (a second
// speech verb of the same subject, "X said A and said B"), up to end; ""
// when a relative pronoun before it may own the verb ("the article, which
// praised X and said …"), when the verb is "told" (an audience comes
// first, and its clause is read by nobody here) or when too little
// follows. A comma or colon after the verb ("and warned that, if …",
// "and added: “…”") and an opening quote mark are stepped over: what
// follows is still the same speaker's.
func (v *view) secondStatement(st, and, end int) string {
	for j := st; j < and; j++ {
		switch v.low(j) {
		case "which", "who", "whom":
			return ""
		case "that":
			// "that" after a verb opens a complement clause, after a noun
			// a relative one, whose own subject may be who "said".
			if j == st || strings.HasPrefix(v.t[j-1].Tag, "NN") {
				return ""
			}
		}
	}
	if v.low(and+1) == "told" {
		return ""
	}
	b := and + 2
	if v.low(b) == "that" {
		b++
	}
	for b < end && (v.t[b].Text == "," || v.t[b].Text == ":" || nlp.IsOpenQuote(v.t[b].Text)) {
		b++
	}
	if end-b < 4 {
		return ""
	}
	return v.x.doc.Text[v.t[b].Start:v.t[end-1].End]
}

// coordinatedSubject is the person the he/she at p stands for when the
// pronoun opens a clause coordinated with its own sentence's ("X cursed Y
// last year and he later declared that …", "X met Y, but she said …"):
// the one person named before the sentence's first verb, its subject, as
// long as the sex does not disagree. The subject in focus wins over the
// quote chain's last speaker and over the persons named as objects in
// between; -1 when the pronoun opens no such clause, when a quote mark,
// a possessor ("X's lawyer met …") or a second person stands before the
// verb.
func (x *docState) coordinatedSubject(p ptok) int {
	if p.si < 0 || p.si >= len(x.sents) {
		return -1
	}
	toks := x.sents[p.si].Toks
	w := toks[p.k].Lower
	if w != "he" && w != "she" || p.k < 3 {
		return -1
	}
	if c := toks[p.k-1].Lower; c != "and" && c != "but" {
		return -1
	}
	verb := -1
	for i := 0; i < p.k-1; i++ {
		t := toks[i]
		if nlp.IsOpenQuote(t.Text) || nlp.IsCloseQuote(t.Text) || t.Text == "\"" {
			return -1
		}
		if verb < 0 && (strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD") {
			verb = i
		}
	}
	if verb < 1 {
		return -1
	}
	found := -1
	for _, mi := range x.sentMents[p.si] {
		m := x.ments[mi]
		if m.i >= verb {
			continue
		}
		if m.j < len(toks) && (toks[m.j].Lower == "'s" || toks[m.j].Lower == "’s") {
			return -1 // "Ruiz's lawyer met …": the lawyer is the subject
		}
		if m.kind != kName || m.ent < 0 || !x.ents[m.ent].class.IsA(schema.Person) {
			continue
		}
		if found >= 0 && found != m.ent {
			return -1
		}
		found = m.ent
	}
	if found < 0 || !x.sexAgrees(found, w) {
		return -1
	}
	return found
}

// newsAudiences are the audiences of "told" that are never what was told:
// "told Reuters the plan …" has its statement right after them.
var newsAudiences = map[string]bool{"reuters": true, "reporters": true, "journalists": true}

// audienceClause is where the statement starts in "told Reuters the plan
// would fail" (a news audience at a, then a clause whose subject is a
// noun phrase): the token after the audience when a finite verb follows
// within clauseVerbWindow words, before any punctuation; -1 otherwise
// ("told reporters the details of the deal." has no clause).
func (v *view) audienceClause(a int) int {
	if a+1 >= len(v.t) || !newsAudiences[v.low(a)] {
		return -1
	}
	switch t := v.t[a+1].Tag; {
	case t == "DT" || t == "PRP$" || strings.HasPrefix(t, "NN") || t == "JJ" || t == "CD":
	default:
		return -1
	}
	for j := a + 2; j < len(v.t) && j <= a+1+clauseVerbWindow; j++ {
		t := v.t[j]
		if t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" {
			return a + 1
		}
		if t.Text == "," || t.Text == "." || t.Text == ":" || t.Text == ";" || nlp.IsOpenQuote(t.Text) {
			return -1
		}
	}
	return -1
}

// clauseVerbWindow bounds the noun phrase before the clause's verb in
// audienceClause ("the policy document Flynn prepared for …").
const clauseVerbWindow = 10

// sentenceAppositiveHead is the person named at the start of the sentence when
// everything from the comma after the name to the comma before the verb
// at k is one appositive ("Ana Ruiz, a spokeswoman for Y, a broadcaster
// formerly known as Z before it spun off …, said"): the name is followed
// by a comma and an article, a possessive or a lowercase title, and no
// quote mark, speech verb or other person stands between; -1 otherwise.
func (v *view) sentenceAppositiveHead(k int) int {
	mi := v.start[0]
	if mi < 0 || v.m(mi).kind != kName || !v.isA(mi, schema.Person) {
		return -1
	}
	j := v.m(mi).j
	if j+1 >= k || v.t[j].Text != "," || k-j > appositiveMax {
		return -1
	}
	switch a := v.t[j+1]; {
	case a.Lower == "a" || a.Lower == "an" || a.Lower == "the" || a.Tag == "PRP$":
	case a.Text == a.Lower && v.x.g.roleNouns[a.Lower]:
	default:
		return -1
	}
	for i := j + 1; i < k; i++ {
		t := v.t[i]
		if nlp.IsOpenQuote(t.Text) || nlp.IsCloseQuote(t.Text) || t.Text == "\"" || t.Text == ";" || speechVerbs[t.Lower] {
			return -1
		}
		if o := v.start[i]; o >= 0 && v.m(o).kind == kName && v.isA(o, schema.Person) {
			return -1
		}
	}
	return mi
}

// appositiveMax bounds the appositive sentenceAppositiveHead steps over, in
// tokens from the name's comma to the verb.
const appositiveMax = 40

// firstConjunct is the name coordinated before the name s ("X and Y",
// "X, the panel's chairman, and Y": an appositive opened by an article or
// a possessive between them), found from the "and" that prepBefore(s)
// stops at; -1 when no name ends right there. ", and Y" without an
// appositive before it joins clauses more often than names ("… met
// with X, and Y said"), so it gives -1.
func (v *view) firstConjunct(s int) int {
	i := v.m(s).i - 1
	for i >= 0 && v.low(i) != "and" {
		i--
	}
	if i < 1 {
		return -1
	}
	if v.t[i-1].Text != "," {
		if c := v.end[i]; c >= 0 && v.m(c).kind == kName {
			return c
		}
		return -1
	}
	// ", the chairman of the panel, and Y": back to the comma that opens
	// the appositive, whose name stands before it.
	for j := i - 2; j > 0 && j > i-appositiveMax; j-- {
		if v.t[j].Text != "," {
			continue
		}
		a := v.t[j+1]
		if a.Lower != "a" && a.Lower != "an" && a.Lower != "the" && a.Tag != "PRP$" {
			return -1
		}
		if c := v.end[j]; c >= 0 && v.m(c).kind == kName {
			return c
		}
		return -1
	}
	return -1
}
