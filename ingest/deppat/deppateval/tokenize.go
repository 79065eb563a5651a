package deppateval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/nlp"
)

// Tokenize splits raw text into sentences of tokens with byte offsets. It is
// the harness's stand-in until nlp has a tokeniser of its own: whitespace,
// then punctuation peeled off both ends of a word, possessive 's and n't
// split as the UD treebank splits them, and a sentence cut after . ! ? before
// a capital or a quote unless the word is a known abbreviation or initial.
func Tokenize(text string) *nlp.Doc {
	doc := &nlp.Doc{Text: text}
	var toks []nlp.Token
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += sz
		}
		toks = append(toks, splitWord(text, i, j)...)
		i = j
	}
	start := 0
	inQuote := false // inside a quotation, after the token being looked at
	for k := range toks {
		open := inQuote
		switch toks[k].Text {
		case "\"":
			inQuote = !inQuote
		case "“":
			inQuote = true
		case "”":
			inQuote = false
		}
		closing := open && !inQuote
		if k+1 < len(toks) && !endsSentence(toks, k, inQuote, closing) {
			continue
		}
		s := nlp.Sentence{Start: toks[start].Start, End: toks[k].End, Tokens: toks[start : k+1 : k+1]}
		doc.Sentences = append(doc.Sentences, s)
		start = k + 1
	}
	return doc
}

const leadPunct = "\"'“‘([{«"
const trailPunct = "\"'”’)]},.;:!?»"

// splitWord cuts text[i:j] into leading punctuation, the word, its clitic and
// trailing punctuation.
func splitWord(text string, i, j int) []nlp.Token {
	var lead, trail []nlp.Token
	for i < j {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(leadPunct, r) {
			break
		}
		lead = append(lead, nlp.Token{Text: text[i : i+sz], Start: i, End: i + sz})
		i += sz
	}
	for j > i {
		r, sz := utf8.DecodeLastRuneInString(text[i:j])
		if !strings.ContainsRune(trailPunct, r) {
			break
		}
		w := text[i:j]
		// Abbreviations and initials keep their final period.
		if r == '.' && keepsPeriod(w) {
			break
		}
		trail = append([]nlp.Token{{Text: text[j-sz : j], Start: j - sz, End: j}}, trail...)
		j -= sz
	}
	out := lead
	if i < j {
		w := text[i:j]
		cut := -1
		for _, suf := range []string{"'s", "’s", "'S", "’S", "n't", "n’t"} {
			if len(w) > len(suf) && strings.HasSuffix(w, suf) {
				cut = j - len(suf)
				break
			}
		}
		if len(w) > 2 && (strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")) {
			_, sz := utf8.DecodeLastRuneInString(w)
			cut = j - sz
		}
		if h := hyphenSuffix(w); h > 0 && cut < 0 {
			// Washington-based, Republican-led: split as the UD treebank does,
			// so that the parser sees the name and the participle.
			k := i + h
			out = append(out, nlp.Token{Text: text[i:k], Start: i, End: k},
				nlp.Token{Text: "-", Start: k, End: k + 1}, nlp.Token{Text: text[k+1 : j], Start: k + 1, End: j})
		} else if cut > i {
			out = append(out, nlp.Token{Text: text[i:cut], Start: i, End: cut}, nlp.Token{Text: text[cut:j], Start: cut, End: j})
		} else {
			out = append(out, nlp.Token{Text: w, Start: i, End: j})
		}
	}
	return append(out, trail...)
}

var abbreviations = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "sen.": true, "rep.": true, "gov.": true,
	"gen.": true, "lt.": true, "col.": true, "sgt.": true, "st.": true, "jr.": true, "sr.": true,
	"inc.": true, "corp.": true, "co.": true, "ltd.": true, "no.": true, "vs.": true, "v.": true,
	"jan.": true, "feb.": true, "aug.": true, "sept.": true, "sep.": true, "oct.": true, "nov.": true, "dec.": true,
	"prof.": true, "rev.": true, "gov't.": true, "ft.": true, "mt.": true, "calif.": true, "fla.": true,
	"ala.": true, "ariz.": true, "ark.": true, "colo.": true, "conn.": true, "del.": true, "ga.": true,
	"ill.": true, "ind.": true, "kan.": true, "ky.": true, "la.": true, "md.": true, "mass.": true,
	"mich.": true, "minn.": true, "miss.": true, "mo.": true, "mont.": true, "neb.": true, "nev.": true,
	"okla.": true, "ore.": true, "pa.": true, "tenn.": true, "tex.": true, "va.": true, "vt.": true,
	"wash.": true, "wis.": true, "wyo.": true, "e.g.": true, "i.e.": true, "etc.": true,
}

// keepsPeriod reports whether a word ending in '.' is an abbreviation,
// an initial (J.) or an initialism (U.S.).
func keepsPeriod(w string) bool {
	lw := strings.ToLower(strings.TrimLeft(w, leadPunct))
	if abbreviations[lw] {
		return true
	}
	letters := strings.Split(strings.TrimSuffix(lw, "."), ".")
	for _, l := range letters {
		if utf8.RuneCountInString(l) != 1 {
			return false
		}
	}
	return true
}

// endsSentence reports whether token k closes a sentence: . ! ? before a
// capital or an opening quote, or a closing quote after them. inQuote is
// whether a quotation is open after token k; closing whether token k closed one.
func endsSentence(toks []nlp.Token, k int, inQuote, closing bool) bool {
	t := toks[k].Text
	next := toks[k+1].Text
	r, _ := utf8.DecodeRuneInString(next)
	startsNew := unicode.IsUpper(r) || strings.ContainsRune("\"“‘'", r)
	switch t {
	case ".", "!", "?":
		// the quotation closes after the full stop: cut after the quote
		if inQuote && (next == "\"" || next == "”") {
			return false
		}
		return startsNew
	case "\"", "”", "’", "'":
		if closing && k > 0 && strings.Contains(".!?", toks[k-1].Text) {
			return startsNew
		}
	}
	return false
}

// relationSuffixes are participles that make a hyphenated relation
// (X-based Y, X-led Y).
var relationSuffixes = []string{"based", "led", "backed", "held", "controlled", "run", "owned", "allied", "linked", "funded", "supported", "born"}

// hyphenSuffix returns the byte offset of the hyphen in w when w is
// Name-participle, else 0.
func hyphenSuffix(w string) int {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 || k == len(w)-1 {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return 0
	}
	for _, s := range relationSuffixes {
		if strings.EqualFold(w[k+1:], s) {
			return k
		}
	}
	return 0
}
