package ingest

// Statements under a speaker header: Reuters' "Instant View" and "Analyst
// View" pages list reactions as "NAME, TITLE AT FIRM, CITY: “…” “…”", the
// header in capitals, every quote after it the named person's until the
// next header. No speech verb stands anywhere, so the quote rules read
// nothing, or hand a later "he said" to whoever the story named last.

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
)

// viewHeader is one header: a capitalised name of two to four words, a
// comma, a capitalised title (and firm, city), perhaps a lowercase note
// in parentheses ("(from research note)"), a colon (often left out), an
// opening quote.
var viewHeader = regexp.MustCompile(`(?:^|\s)([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){1,3}), ([A-Z][A-Z0-9 ,.&'’\-/()]+?)(?: \([a-z ]{1,30}\))?:?\s*[“"]`)

// viewTitleWords tell a person's header from a capitalised heading: the
// title must hold one of them, unless the page has two headers or more.
var viewTitleWords = map[string]bool{"STRATEGIST": true, "ECONOMIST": true, "ANALYST": true, "MANAGER": true,
	"DIRECTOR": true, "PRESIDENT": true, "CHIEF": true, "HEAD": true, "PARTNER": true, "OFFICER": true,
	"PROFESSOR": true, "FOUNDER": true, "CEO": true, "CHAIRMAN": true, "TRADER": true, "ADVISER": true,
	"ADVISOR": true, "FELLOW": true, "SPOKESMAN": true, "SPOKESWOMAN": true, "RESEARCHER": true, "EXECUTIVE": true}

// viewStatements files each quote under a header as the header person's.
// A quote the quote rules gave through a pronoun or a chain ("“…,” he
// said" under the header) goes to the header person instead; a quote
// attributed by name stays its speaker's.
func (x *docState) viewStatements() {
	text := x.doc.Text
	hs := viewHeader.FindAllStringSubmatchIndex(text, -1)
	type header struct{ nameAt, nameEnd, body, end int }
	var heads []header
	for _, h := range hs {
		ok := false
		for _, w := range strings.FieldsFunc(text[h[4]:h[5]], func(r rune) bool { return !unicode.IsLetter(r) }) {
			if viewTitleWords[w] {
				ok = true
				break
			}
		}
		if ok || len(hs) > 1 {
			heads = append(heads, header{nameAt: h[2], nameEnd: h[3], body: h[1] - len(`“`), end: len(text)})
			if text[h[1]-1] == '"' {
				heads[len(heads)-1].body = h[1] - 1
			}
		}
	}
	for n := range heads {
		if n+1 < len(heads) {
			heads[n].end = heads[n+1].nameAt
		}
	}
	for _, h := range heads {
		spk := x.viewSpeaker(h.nameAt, h.nameEnd)
		if spk < 0 {
			continue
		}
		for _, q := range viewQuotes(text, h.body, h.end) {
			body := strings.TrimRight(text[q[0]:q[1]], ", \t\n")
			s0, s1 := x.sentenceAt(q[0]), x.sentenceAt(q[0]+len(body)-1)
			if s0 < 0 || s1 < 0 {
				continue
			}
			qt := strings.Join(strings.Fields(body), " ")
			if x.reattribute(qt, spk) {
				continue
			}
			x.addStatement(spk, qt, "quote-view-header", s0, s1)
		}
	}
}

// reattribute gives the header person a statement holding the text qt
// that a chain or a pronoun gave somebody else, and reports whether such
// a statement was already there (under any speaker): the quote rules read
// quotes run on over paragraphs as one.
func (x *docState) reattribute(qt string, spk int) bool {
	found := false
	for n := range x.facts {
		f := &x.facts[n]
		if f.pred != "said" || f.stmt < 0 || !strings.Contains(x.stmts[f.stmt].text, qt) {
			continue
		}
		found = true
		switch f.rule {
		case "quote-pronoun", "quote-continued", "quote-next":
			f.subj = spk
			x.stmts[f.stmt].speaker = spk
			f.rule = "quote-view-header"
		}
	}
	return found
}

// viewQuotes are the quotes in text[from:to]: each runs from an opening
// mark to its closing mark, or to the next opening mark when a quote runs
// on over paragraphs (each of them opened, only the last closed).
func viewQuotes(text string, from, to int) [][2]int {
	var out [][2]int
	for i := from; i < to; {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r != '“' && r != '"' {
			i += w
			continue
		}
		st := i + w
		j := st
		for j < to {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if r2 == '”' || r2 == '"' || r2 == '“' {
				break
			}
			j += w2
		}
		if len(strings.Fields(text[st:j])) >= 3 {
			out = append(out, [2]int{st, j})
		}
		if r2, w2 := utf8.DecodeRuneInString(text[j:]); j < to && r2 == '”' {
			j += w2
		}
		i = j
	}
	return out
}

// viewSpeaker is the person the header name at text[at:end] names: the
// entity of the mention covering it, a person however the header's
// capitals were read (an all-caps line reads as a dateline place).
func (x *docState) viewSpeaker(at, end int) int {
	si := x.sentenceAt(at)
	if si < 0 {
		return -1
	}
	for _, mi := range x.sentMents[si] {
		m := x.ments[mi]
		if m.kind != kName || m.ent < 0 {
			continue
		}
		toks := x.sents[si].Toks
		if toks[m.i].Start >= at && toks[m.j-1].End <= end && toks[m.j-1].End > at {
			e := x.ents[m.ent]
			if c := e.class; c.IsA(schema.Person) || c.IsA(schema.Location) {
				e.class = schema.Person
				return m.ent
			}
			return -1
		}
	}
	name := titleCase(x.doc.Text[at:end])
	return x.entityFor("n:"+strings.ToLower(name), "", name, schema.Person, 2, si)
}
