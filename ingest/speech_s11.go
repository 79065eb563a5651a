package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// docPrepositions head a phrase that holds a name without making it the
// speaker: "The complaint filed against X said", "a report on X said".
var docPrepositions = map[string]bool{"against": true, "about": true, "on": true, "with": true, "to": true,
	"over": true, "into": true, "among": true, "under": true, "toward": true, "towards": true}

// partyMembers reports whether a party mention is a plural for some of
// its members, counted or picked out ("Some Republicans have said",
// "Trump and other Republicans", "71 percent of Ohio Democrats say", "two
// senior House Democrats"): they speak for themselves, not for the party.
// A bare plural ("Republicans say …") is newswire shorthand for the
// party's line and stays the party's (the Reuters dev gold takes it so).
func (v *view) partyMembers(mi int) bool {
	m := v.m(mi)
	if !v.isA(mi, schema.PoliticalParty) || m.j-m.i != 1 {
		return false
	}
	if w := v.t[m.i].Text; !strings.HasSuffix(w, "s") || !upperFirst(w) {
		return false
	}
	i := m.i - 1
	for steps := 0; i >= 0 && steps < 3 && (upperFirst(v.t[i].Text) && i > 0 || v.t[i].Tag == "JJ" && !memberQuantifiers[v.low(i)]); steps++ {
		i-- // "Alabama", "House", "senior", "conservative"
	}
	return i >= 0 && (memberQuantifiers[v.low(i)] || v.t[i].Tag == "CD")
}

// memberQuantifiers pick some members out of a party: "some Republicans".
var memberQuantifiers = map[string]bool{"some": true, "many": true, "most": true, "several": true, "few": true, "other": true,
	"both": true, "of": true, "percent": true, "dozen": true, "two": true, "three": true, "four": true, "five": true,
	"more": true, "fellow": true, "individual": true, "those": true, "these": true}

// gappedRelative reports whether the speech verb whose subject is the
// mention s and whose statement starts at token st stands in a relative
// clause that leaves its own subject out: "Hagen, who the Gazette said
// was abroad, is …" (the Gazette said that Hagen was abroad, not "was
// abroad, is …").
func (v *view) gappedRelative(s, st int) bool {
	if st >= len(v.t) {
		return false
	}
	i := v.m(s).i - 1
	for i >= 0 && (v.low(i) == "the" || v.t[i].Tag == "JJ") {
		i--
	}
	if i < 0 {
		return false
	}
	switch v.low(i) {
	case "who", "which", "that", "whom":
	default:
		return false
	}
	t := v.t[st].Tag
	return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD"
}

// documentNouns are what a statement is issued as. "“…,” the statement
// said" and "said the letter" speak for whoever issued that document
// earlier in the story ("X said in an emailed statement", "X wrote a
// letter to …", "X's statement"): a document is not a speaker, its
// author is.
var documentNouns = map[string]bool{"statement": true, "letter": true, "filing": true, "release": true, "memo": true,
	"email": true, "editorial": true, "commentary": true, "post": true, "tweet": true, "report": true, "complaint": true,
	"lawsuit": true, "notice": true, "document": true, "affidavit": true, "motion": true, "petition": true}

// issueVerbs put out a document: "X wrote a letter", "X issued a statement".
var issueVerbs = map[string]bool{"wrote": true, "sent": true, "issued": true, "released": true, "published": true,
	"filed": true, "posted": true, "signed": true, "delivered": true, "circulated": true, "tweeted": true}

// documentWindow is how many sentences back "the statement" may look for
// the one its author issued.
const documentWindow = 3

// documentAt is the document noun of "the [emailed|written …] statement"
// opening at token i, or -1.
func (v *view) documentAt(i int) int {
	if v.low(i) != "the" {
		return -1
	}
	for j := i + 1; j < len(v.t) && j <= i+3; j++ {
		if documentNouns[v.low(j)] {
			return j
		}
		if t := v.t[j].Tag; t != "JJ" && t != "VBN" {
			return -1
		}
	}
	return -1
}

// documentBefore is the document noun of "the statement" standing as the
// subject right before the speech verb at k ("The statement said …"), or -1.
func (v *view) documentBefore(k int) int {
	if k < 2 || !documentNouns[v.low(k-1)] {
		return -1
	}
	for i := k - 2; i >= 0 && i >= k-4; i-- {
		if v.low(i) == "the" {
			if v.documentAt(i) == k-1 {
				return k - 1
			}
			return -1
		}
	}
	return -1
}

// documentAuthor is who issued the document that "the NOUN" at token d of
// sentence si refers back to: the nearest earlier mention of the same noun
// within documentWindow sentences, when its author is named there — a
// possessor ("Sibur's statement"), the subject of the speech or issuing
// verb it hangs on ("X said in an emailed statement", "X wrote a letter to
// …"), or the subject after an opening "In a statement, X said". An
// earlier mention with no readable author (another "the statement", "a
// report released on Monday") ends the search: -1.
func (x *docState) documentAuthor(si, d int) int {
	noun := x.sents[si].Toks[d].Lower
	for s := si; s >= 0 && s >= si-documentWindow; s-- {
		v := x.viewOf(s)
		limit := len(v.t)
		if s == si {
			limit = d
		}
		for j := limit - 1; j >= 0; j-- {
			if v.low(j) != noun {
				continue
			}
			return v.documentIssuer(j)
		}
	}
	return -1
}

// documentIssuer reads the author of the document noun at token j (see
// documentAuthor), or -1.
func (v *view) documentIssuer(j int) int {
	b := j - 1
	for b >= 0 && (v.t[b].Tag == "JJ" || v.t[b].Tag == "VBN") {
		b-- // "an emailed statement", "a written statement"
	}
	if b < 0 {
		return -1
	}
	name := func(mi int) int {
		if mi < 0 || v.m(mi).kind != kName || v.ent(mi) < 0 || v.isA(mi, schema.Location) || v.partyMember(mi) || v.partyMembers(mi) ||
			!v.isA(mi, schema.Person) && !v.isA(mi, schema.Organization) {
			return -1
		}
		return v.ent(mi)
	}
	if w := v.low(b); w == "'s" || w == "’s" {
		return name(v.end[b])
	}
	switch v.low(b) {
	case "a", "an", "its", "his", "her", "their":
	default:
		return -1
	}
	// "In a statement, X said": the verb after the opening phrase.
	if b >= 1 && v.low(b-1) == "in" && (b == 1 || v.t[b-2].Text == ",") && j+1 < len(v.t) && v.t[j+1].Text == "," {
		for k := j + 2; k < len(v.t) && k <= j+8; k++ {
			if speechVerbs[v.low(k)] {
				s, neg := v.speakerSubject(k)
				if s < 0 || neg || v.m(s).i <= j {
					return -1
				}
				return name(s)
			}
		}
		return -1
	}
	// "X said in a statement", "X wrote a letter": the nearest verb before.
	for k := b - 1; k >= 0 && k >= b-3; k-- {
		w := v.low(k)
		if w == "in" || v.t[k].Tag == "RB" {
			continue
		}
		if !speechVerbs[w] && !issueVerbs[w] {
			return -1
		}
		// The parse's subject first: "X, president of Y, which represents
		// …, wrote a letter" is X's letter, where the surface reading
		// stops at Y.
		if n := v.parsedSubjectName(k); n >= 0 {
			return name(n)
		}
		s, neg := v.speakerSubject(k)
		if s < 0 || neg {
			return -1
		}
		if p := v.low(v.m(s).i - 1); p == "in" || p == "of" || p == "at" || p == "from" || p == "by" || p == "for" || docPrepositions[p] {
			return -1
		}
		return name(s)
	}
	return -1
}

// relativeBetween reports whether a relative pronoun stands between the
// mention s and the verb at k: "the allegations against Farenthold, who
// has said …" makes Farenthold the speaker even though a preposition
// stands before his name.
func (v *view) relativeBetween(s, k int) bool {
	for j := v.m(s).j; j < k && j < len(v.t); j++ {
		switch v.low(j) {
		case "who", "which", "that", "whom":
			return true
		}
	}
	return false
}

// partyTitledPerson reads "said Republican U.S. Senator Chuck Grassley":
// a one-word party mention used as an adjective before a title and a
// person's name. It is the person's mention when one starts within
// partyTitleMax words after the party word with only titles and
// capitalised words between, -1 when the party word is followed by such
// words but no person, and -2 when the mention is no adjective of that
// kind (the caller keeps it).
func (v *view) partyTitledPerson(mi int) int {
	m := v.m(mi)
	if m.j-m.i != 1 || strings.HasSuffix(v.low(m.i), "s") || m.j >= len(v.t) || !upperFirst(v.t[m.j].Text) {
		return -2
	}
	for j := m.j; j < len(v.t) && j <= m.j+partyTitleMax; j++ {
		if n := v.start[j]; n >= 0 && v.m(n).kind == kName && v.isA(n, schema.Person) {
			return n
		}
		if w := v.t[j]; !upperFirst(w.Text) && !v.x.g.roleNouns[w.Lower] {
			return -1
		}
	}
	return -1
}

// partyTitleMax bounds the title between a party adjective and its
// holder's name.
const partyTitleMax = 5

// parsedSubjectName is the name mention that holds the parse's nsubj of
// the verb at k, or -1.
func (v *view) parsedSubjectName(k int) int {
	for i, t := range v.t {
		if t.Head != k || t.Rel != "nsubj" {
			continue
		}
		for _, mi := range v.x.sentMents[v.si] {
			if m := v.x.ments[mi]; m.kind == kName && m.ent >= 0 && m.i <= i && i < m.j {
				return mi
			}
		}
	}
	return -1
}

// nameBeforeNoun reports whether the name mention mi stands before a
// lower-case noun that it modifies ("the Trump campaign adviser", "a
// Pentagon spokesman"), so that the phrase names somebody else.
func (v *view) nameBeforeNoun(mi int) bool {
	e := v.m(mi).j
	return e < len(v.t) && v.t[e].Text == v.t[e].Lower && strings.HasPrefix(v.t[e].Tag, "NN")
}

// quoteAfter reports whether a quotation mark opens between tokens k and
// end.
func (v *view) quoteAfter(k, end int) bool {
	for j := k + 1; j < end && j < len(v.t); j++ {
		if nlp.IsOpenQuote(v.t[j].Text) || v.t[j].Text == "\"" {
			return true
		}
	}
	return false
}

// surnameSubject is the person whose surname alone stands as the subject
// of sentence si, tokens [from, verb): "Collins has not taken a stand on
// the plan." when the entity layer made no mention of the sentence-
// initial surname (the tagger reads "Collins" as a plural noun). It is
// the one person named earlier in the document whose name ends in that
// word, or -1 (none, or two: "the Bushes").
func (x *docState) surnameSubject(si, from, verb int) int {
	toks := x.sents[si].Toks
	if verb != from+1 || verb >= len(toks) || !strings.HasPrefix(toks[from].Tag, "NN") || !upperFirst(toks[from].Text) {
		return -1
	}
	for _, mi := range x.sentMents[si] {
		if m := x.ments[mi]; m.i <= from && from < m.j {
			return -1 // a mention of something else: "Reuters reported"
		}
	}
	word := toks[from].Text
	found := -1
	for _, m := range x.ments {
		if m.sent >= si || m.kind != kName || m.ent < 0 || m.ent == found || !x.ents[m.ent].class.IsA(schema.Person) {
			continue
		}
		f := strings.Fields(m.surface)
		if len(f) < 2 || f[len(f)-1] != word {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = m.ent
	}
	return found
}

// invertedSpeech reads "CLAUSE, said X(, a title …)." with the speech verb
// at paragraph token i: reported speech whose speaker follows the verb
// ("The repeal is part of an “assault on towns” by Washington, said Ana
// Ruiz, the mayor of Elmwood."; "“…” because it lowers risks, said X, a
// fund manager"). The clause before the comma has a finite verb of its
// own and at least invertedMinWords words outside quotes after its last
// quote (a clause that is all quote, "“…,” said X", is the quote rules');
// after the speaker's name only an appositive or a relative clause on it
// may follow, no colon, semicolon or quote. Returns the clause's tokens
// [st, end) and the speaker, or spk -1.
func (x *docState) invertedSpeech(pt []ptok, inQuote []bool, i int) (st, end, spk int) {
	si, k := pt[i].si, pt[i].k
	v := x.viewOf(si)
	if w := v.low(k); w != "said" && w != "says" && w != "argues" && w != "argued" && w != "added" && w != "wrote" || k < invertedMinWords || v.t[k-1].Text != "," {
		return 0, 0, -1
	}
	mi := v.np(k + 1)
	if mi >= 0 && v.isA(mi, schema.PoliticalParty) {
		if p := v.partyTitledPerson(mi); p != -2 {
			mi = p
		}
	}
	if mi < 0 || v.m(mi).i != k+1 && !(v.low(k+1) == "the" && v.m(mi).i == k+2) && v.start[k+1] < 0 || v.m(mi).kind != kName || v.ent(mi) < 0 ||
		v.isA(mi, schema.Location) || v.partyMember(mi) || v.partyMembers(mi) || v.isA(mi, schema.PoliticalParty) || v.nameBeforeNoun(mi) ||
		!v.isA(mi, schema.Person) && !v.isA(mi, schema.Organization) {
		return 0, 0, -1
	}
	// "said Megumi's mother": the possessor is not the speaker.
	if e := v.m(mi).j; e < len(v.t) && (v.low(e) == "'s" || v.low(e) == "’s") {
		return 0, 0, -1
	}
	// After the name: the end, an appositive, a relative clause on it.
	rel := false
	for j := v.m(mi).j; j < len(v.t); j++ {
		t := v.t[j]
		switch {
		case t.Text == ":" || t.Text == ";" || nlp.IsOpenQuote(t.Text) || t.Text == "\"":
			return 0, 0, -1
		case t.Lower == "who" || t.Lower == "which":
			rel = true
		case !rel && (t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" || t.Lower == "that"):
			return 0, 0, -1 // "…, said X that …", "said X was …": another reading
		}
	}
	end = k - 1
	if d := v.datelineEnd(); d > 0 && d+1 < end {
		st = d + 1
	}
	// Words outside quotes after the clause's last quote.
	p0 := i - k // paragraph index of the sentence's first token
	free, finite := 0, false
	for j := st; j < end; j++ {
		if inQuote[p0+j] {
			free = 0
			continue
		}
		free++
		if t := v.t[j].Tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
			finite = true
		}
		if v.t[j].Text == "*" || v.t[j].Text == ";" {
			return 0, 0, -1
		}
	}
	if free < invertedMinWords || !finite {
		return 0, 0, -1
	}
	return st, end, v.ent(mi)
}

// invertedMinWords is the least a clause before "…, said X" holds outside
// quotes after its last quote.
const invertedMinWords = 3
