package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/nlp"
)

// token is a word of the language layer (Penn tag, entity label, and the
// rest of nlp.Token) with the form the rules compare.
type token struct {
	nlp.Token
	Lower string // lower case, curly apostrophes straightened ("’s" → "'s")
	// Former is set on a word that "then-" or "ex-" was cut from
	// ("then-Homeland Security Secretary X"): the title it opens no
	// longer holds.
	Former bool
}

// sentence is a run of tokens with its byte span in the document.
type sentence struct {
	Start, End int
	Para       int
	Toks       []token
}

// lowerForm is the form rules compare: lower case, with curly apostrophes
// straightened, so that rules written with "'s" read news typeset with "’s".
func lowerForm(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "’", "'"))
}

// splitSentences segments the text with the language layer and wraps its
// tokens for the rules (no trained component runs: tests of the splitter).
func splitSentences(text string) []sentence { return wrapSentences(nlp.Segment(text)) }

// wrapSentences wraps an analysed document's tokens for the rules.
func wrapSentences(doc *nlp.Doc) []sentence {
	out := make([]sentence, len(doc.Sentences))
	for i, s := range doc.Sentences {
		toks := make([]token, len(s.Tokens))
		for k, t := range s.Tokens {
			former := false
			if n := formerPrefix(t.Text); n > 0 {
				// "then-Vice President X", "ex-FBI Director Y": the tokenizer
				// keeps the hyphenated word whole, which hid the title's first
				// word ("President" alone, "Security Secretary"). The rules
				// read the word after the prefix, with offsets that still
				// point into the text; the tagger and parser have already
				// run on the whole word.
				t.Text, t.Start, former = t.Text[n:], t.Start+n, true
			}
			toks[k] = token{Token: t, Lower: lowerForm(t.Text), Former: former}
		}
		out[i] = sentence{Start: s.Start, End: s.End, Para: s.Para, Toks: toks}
	}
	return out
}

// formerPrefix returns the length of a "then-" or "ex-" before a
// capitalised word ("then-Homeland", "ex-FBI"), or 0. Lower-case words
// ("ex-wife", "then-candidate") and other prefixes ("anti-Trump") keep
// their hyphen.
func formerPrefix(w string) int {
	for _, p := range []string{"then-", "ex-", "Then-", "Ex-"} {
		if len(w) > len(p)+1 && strings.HasPrefix(w, p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			if unicode.IsUpper(r) && !strings.Contains(w[len(p):], "-") {
				return len(p)
			}
		}
	}
	return 0
}

func guessTag(s string) string {
	switch {
	case s == "'s" || s == "’s" || s == "'" || s == "’":
		return "POS"
	case s == "“" || s == "``" || s == "`":
		return "``"
	case s == "”" || s == "''" || s == "\"":
		return "''"
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsUpper(r):
		return "NNP"
	case unicode.IsDigit(r):
		return "CD"
	case unicode.IsLetter(r):
		return "NN"
	}
	return s
}
