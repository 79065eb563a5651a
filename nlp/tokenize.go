package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations keep their period: they do not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "maj": true, "capt": true, "sgt": true,
	"adm": true, "st": true, "jr": true, "sr": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "no": true, "vs": true, "etc": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "mt": true, "ft": true, "rev": true, "gens": true, "dept": true,
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true, "del": true,
	"fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "kans": true, "ky": true,
	"la": true, "md": true, "mass": true, "mich": true, "minn": true, "miss": true, "mo": true,
	"mont": true, "neb": true, "nev": true, "okla": true, "ore": true, "pa": true, "tenn": true,
	"tex": true, "va": true, "vt": true, "wash": true, "wis": true, "wyo": true, "cmdr": true,
	"supt": true, "messrs": true, "approx": true, "est": true, "u.s": true, "u.n": true,
}

// Tokenize splits text into tokens with byte offsets relative to text:
// words (with inner hyphens, apostrophes and the periods of initialisms and
// abbreviations such as "U.S." and "Gen."), numbers ("15,000", "1.5"), the
// possessive "'s" as a token of its own, and punctuation (a run of the same
// mark, "..." or "--", is one token). It is linear in the input: every rune
// is looked at a bounded number of times.
func Tokenize(text string) []Token {
	var toks []Token
	i := 0
	n := len(text)
	for i < n {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += sz
			continue
		}
		start := i
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + sz
			for j < n {
				c, csz := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c) {
					j += csz
					continue
				}
				if j+csz < n {
					next, _ := utf8.DecodeRuneInString(text[j+csz:])
					prev, _ := utf8.DecodeLastRuneInString(text[i:j])
					switch {
					case c == '-' && (unicode.IsLetter(next) || unicode.IsDigit(next)):
						j += csz
						continue
					case (c == ',' || c == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
						j += csz
						continue
					case c == '.' && unicode.IsLetter(next) && unicode.IsUpper(prev) && j+csz+1 < n && text[j+csz+1] == '.':
						// U.S. / U.N.: an initialism keeps its periods.
						j += csz
						continue
					case (c == '\'' || c == '’') && unicode.IsLetter(next):
						rest := text[j+csz:]
						if (strings.HasPrefix(rest, "s") || strings.HasPrefix(rest, "S")) && (len(rest) == 1 || !isWordByte(rest[1])) {
							break // possessive: split below
						}
						j += csz
						continue
					}
				}
				break
			}
			// Keep the period of abbreviations and initialisms.
			if j < n && text[j] == '.' {
				w := text[i:j]
				lw := strings.ToLower(w)
				single := utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)
				if abbreviations[lw] || single || strings.Count(w, ".") > 0 && isInitialism(w) {
					j++
				}
			}
			toks = append(toks, Token{Text: text[i:j], Start: i, End: j})
			i = j
			continue
		}
		// Possessive 's / ’s.
		if (r == '\'' || r == '’') && i+sz < n && (text[i+sz] == 's' || text[i+sz] == 'S') && (i+sz+1 >= n || !isWordByte(text[i+sz+1])) && len(toks) > 0 {
			toks = append(toks, Token{Text: text[i : i+sz+1], Start: i, End: i + sz + 1})
			i += sz + 1
			continue
		}
		// Runs of the same punctuation (..., --) are one token.
		j := i + sz
		if r == '.' || r == '-' || r == '!' || r == '?' {
			for j < n {
				c, csz := utf8.DecodeRuneInString(text[j:])
				if c != r {
					break
				}
				j += csz
			}
		}
		toks = append(toks, Token{Text: text[start:j], Start: start, End: j})
		i = j
	}
	return toks
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

func isInitialism(w string) bool {
	for _, p := range strings.Split(w, ".") {
		if utf8.RuneCountInString(p) > 1 {
			return false
		}
	}
	return true
}

// Segment tokenises the text and cuts it into sentences: at blank lines
// (which also number the paragraphs), at line ends that close a line of
// their own (headlines, datelines), and after . ! ? when what follows starts
// a new sentence. Token offsets are relative to text.
func Segment(text string) *Doc {
	var out []Sentence
	para := 0
	pos := 0
	for pos < len(text) {
		// One block = text up to a blank line.
		end := strings.Index(text[pos:], "\n\n")
		var block string
		if end < 0 {
			block = text[pos:]
			end = len(text)
		} else {
			end += pos
			block = text[pos:end]
		}
		if strings.TrimSpace(block) != "" {
			lineStart := pos
			for _, line := range splitLines(block) {
				toks := Tokenize(line)
				for k := range toks {
					toks[k].Start += lineStart
					toks[k].End += lineStart
				}
				out = appendSentences(out, toks, para)
				lineStart += len(line) + 1
			}
			para++
		}
		pos = end + 2
	}
	return &Doc{Text: text, Sentences: out}
}

// splitLines keeps wrapped lines together: a line break ends a sentence
// only after sentence-final punctuation or a short, headline-like line.
func splitLines(block string) []string {
	lines := strings.Split(block, "\n")
	var out []string
	cur := ""
	for i, l := range lines {
		if i == 0 {
			cur = l
			continue
		}
		t := strings.TrimRight(cur, " \t")
		last, _ := utf8.DecodeLastRuneInString(t)
		if strings.ContainsRune(".!?:\"”’)", last) || utf8.RuneCountInString(t) < 80 || strings.TrimSpace(l) == "" {
			out = append(out, cur)
			cur = l
			continue
		}
		cur += "\n" + l
	}
	return append(out, cur)
}

// MaxSentenceTokens bounds a sentence: a "sentence" longer than this (a
// table, a run-on dump) is cut, so that per-sentence work stays bounded.
const MaxSentenceTokens = 300

func appendSentences(out []Sentence, toks []Token, para int) []Sentence {
	start := 0
	flush := func(end int) {
		for end-start > MaxSentenceTokens {
			cut := start + MaxSentenceTokens
			out = append(out, Sentence{Start: toks[start].Start, End: toks[cut-1].End, Para: para, Tokens: toks[start:cut:cut]})
			start = cut
		}
		if end > start {
			s := Sentence{Start: toks[start].Start, End: toks[end-1].End, Para: para, Tokens: toks[start:end:end]}
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i].Text
		if isBullet(toks, i, start) {
			// "… in April. * Anthony Scaramucci - …": a factbox's items,
			// flattened into one line, are sentences of their own; the
			// marker belongs to neither.
			flush(i)
			start = i + 1
			continue
		}
		if i == start && (t == "(" || t == "[") {
			// "(Graphic: tmsnrt.rs/x) That is …", "[0805 EST] - “…": a
			// bracket that opens the sentence and is followed by a new
			// capitalised sentence (or, for a square bracket, a dash) is a
			// note of its own. "(Reuters) - The …" keeps its dateline.
			if j := closingBracket(toks, i); j > 0 && j+1 < len(toks) && opensSentence(toks, j+1, t == "[") {
				flush(j + 1)
				if toks[j+1].Text == "-" {
					start = j + 2
				}
				i = start - 1
				continue
			}
		}
		if companyEnd(toks, i) {
			// "… made by Lockheed Martin Corp. The plan …": the suffix's
			// period ends the sentence too.
			flush(i + 1)
			continue
		}
		if !(strings.HasPrefix(t, ".") || t[0] == '!' || t[0] == '?' || t == "…") {
			continue
		}
		j := i + 1
		// Closing quotes and brackets stay with the sentence they close.
		for j < len(toks) && (IsCloseQuote(toks[j].Text) || toks[j].Text == ")") {
			j++
		}
		if j >= len(toks) {
			break
		}
		next, _ := utf8.DecodeRuneInString(toks[j].Text)
		// A bracket after the full stop opens a note ("[nL2N1N805Y]", a
		// Reuters story code) or a new sentence ("(Graphic: …)").
		bracket := (toks[j].Text == "[" || toks[j].Text == "(" && j+1 < len(toks) && startsUpper(toks[j+1].Text)) && closingBracket(toks, j) > 0
		if unicode.IsUpper(next) || unicode.IsDigit(next) || IsOpenQuote(toks[j].Text) || bracket {
			flush(j)
			i = j - 1
		}
	}
	flush(len(toks))
	return out
}

// isBullet reports whether toks[i] is a list marker ("*", "•") that starts
// an item: first in its sentence or after sentence-final punctuation, and
// followed by a capitalised word, a number or a quote.
func isBullet(toks []Token, i, start int) bool {
	if t := toks[i].Text; t != "*" && t != "•" || i+1 >= len(toks) {
		return false
	}
	if i > start {
		prev := toks[i-1].Text
		last, _ := utf8.DecodeLastRuneInString(prev)
		if !strings.ContainsRune(".!?…:;", last) && !IsCloseQuote(prev) && prev != ")" {
			return false
		}
	}
	next, _ := utf8.DecodeRuneInString(toks[i+1].Text)
	return unicode.IsUpper(next) || unicode.IsDigit(next) || IsOpenQuote(toks[i+1].Text)
}

// closingBracket is the index of the bracket that closes toks[i] within a
// few tokens, or -1.
func closingBracket(toks []Token, i int) int {
	closer := map[string]string{"(": ")", "[": "]"}[toks[i].Text]
	for j := i + 1; j < len(toks) && j <= i+12; j++ {
		switch toks[j].Text {
		case closer:
			return j
		case "(", "[":
			return -1
		}
	}
	return -1
}

// opensSentence reports whether toks[j] starts a new sentence after a
// bracketed note: a capitalised word or an opening quote, or with dash
// a dash before one.
func opensSentence(toks []Token, j int, dash bool) bool {
	if dash && toks[j].Text == "-" && j+1 < len(toks) {
		j++
	}
	return startsUpper(toks[j].Text) || IsOpenQuote(toks[j].Text)
}

func startsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// companyEnd reports whether toks[i] is a company's abbreviated suffix
// ("Inc.", "Corp.", "Co.", "Ltd.") whose period also ends the sentence:
// the next word is an opening quote or one that opens sentences and never
// continues a name ("The", "During", "Former"). A capitalised name after
// it may go on the sentence ("Apple Inc. Chief Executive Tim Cook"), so
// it does not cut.
func companyEnd(toks []Token, i int) bool {
	if i+1 >= len(toks) || !companySuffixes[strings.ToLower(toks[i].Text)] {
		return false
	}
	next := toks[i+1].Text
	return IsOpenQuote(next) || sentenceOpeners[next]
}

var companySuffixes = map[string]bool{"inc.": true, "corp.": true, "co.": true, "ltd.": true}

// sentenceOpeners are capitalised words that start a sentence and are no
// part of a company's or a person's name.
var sentenceOpeners = map[string]bool{"The": true, "A": true, "An": true, "This": true, "That": true, "These": true,
	"Those": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "His": true, "Her": true,
	"Its": true, "Their": true, "But": true, "And": true, "In": true, "On": true, "During": true, "After": true,
	"Before": true, "Since": true, "While": true, "When": true, "However": true, "Meanwhile": true, "Former": true,
	"Current": true, "Last": true, "Earlier": true, "Later": true, "Shares": true}

// IsOpenQuote reports whether a token opens a quotation.
func IsOpenQuote(t string) bool {
	return t == "“" || t == "\"" || t == "«" || t == "`" || t == "‘"
}

// IsCloseQuote reports whether a token closes a quotation.
func IsCloseQuote(t string) bool {
	return t == "”" || t == "\"" || t == "»" || t == "'" || t == "’"
}
