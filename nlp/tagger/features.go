package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	f "github.com/newsgraph/newsgraph/nlp/perceptron"
)

// word is what the features read of one token, computed once per sentence.
type word struct {
	form, lower, shape string
	casing             string // how capitalised the whole sentence is (see casing)
	usual              string // the word's most frequent XPOS in training, or ""
}

// boundary words stand before and after the sentence.
var (
	startWord = word{form: "-START-", lower: "-START-", shape: "-START-"}
	endWord   = word{form: "-END-", lower: "-END-", shape: "-END-"}
)

// prepare reads the words once; usual maps a lowercased word to its most
// frequent tag, which lets the left-to-right tagger see what lies ahead.
func prepare(forms []string, usual map[string]string) []word {
	out := make([]word, len(forms))
	for i, s := range forms {
		w := word{form: s, lower: strings.ToLower(s), shape: shape(s)}
		w.usual = usual[w.lower]
		out[i] = w
	}
	c := casing(forms)
	for i := range out {
		out[i].casing = c
	}
	return out
}

// casing says whether a sentence is written like a headline or in capitals,
// where capitals say little about proper nouns: "U" most words all upper,
// "T" most words capitalised, "-" ordinary text.
func casing(forms []string) string {
	words, upper, title := 0, 0, 0
	for _, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		switch {
		case unicode.IsUpper(r) && strings.ToUpper(f) == f && len(f) > 1:
			upper++
		case unicode.IsUpper(r):
			title++
		}
	}
	switch {
	case words >= 3 && upper*2 > words:
		return "U"
	case words >= 3 && (upper+title)*3 > words*2:
		return "T"
	}
	return "-"
}

// shape maps letters to X/x, digits to d and keeps other characters, with
// runs of one kind cut at four: "Obama" → "Xxxxx"... "Xxxx", "1990s" → "ddddx".
func shape(s string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
		} else {
			last, run = c, 1
		}
		if run <= 4 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// suffix returns the last n characters (runes) of s, or all of s.
func suffix(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// prefix returns the first n characters (runes) of s, or all of s.
func prefix(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func at(ws []word, i int) *word {
	switch {
	case i < 0:
		return &startWord
	case i >= len(ws):
		return &endWord
	}
	return &ws[i]
}

// lexical appends the features of the words around i (Honnibal's tagger
// templates, with shapes and more affixes).
func lexical(ws []word, i int, out []f.Feature) []f.Feature {
	w, p1, p2, n1, n2 := at(ws, i), at(ws, i-1), at(ws, i-2), at(ws, i+1), at(ws, i+2)
	first := "0"
	if i == 0 {
		first = "1"
	}
	return append(out,
		f.Start("bias"),
		f.Start("w").With(w.lower),
		f.Start("W").With(w.form),
		f.Start("s1").With(suffix(w.lower, 1)),
		f.Start("s2").With(suffix(w.lower, 2)),
		f.Start("s3").With(suffix(w.lower, 3)),
		f.Start("s4").With(suffix(w.lower, 4)),
		f.Start("p1").With(prefix(w.lower, 1)),
		f.Start("p3").With(prefix(w.lower, 3)),
		f.Start("sh").With(w.shape).With(first),
		f.Start("csh").With(w.casing).With(w.shape).With(first),
		f.Start("cw").With(w.casing).With(w.lower),
		f.Start("w-1").With(p1.lower),
		f.Start("s3-1").With(suffix(p1.lower, 3)),
		f.Start("w-2").With(p2.lower),
		f.Start("w+1").With(n1.lower),
		f.Start("s3+1").With(suffix(n1.lower, 3)),
		f.Start("sh+1").With(n1.shape),
		f.Start("w+2").With(n2.lower),
		f.Start("u").With(w.usual),
		f.Start("u+1").With(n1.usual),
		f.Start("u+2").With(n2.usual),
		f.Start("uu+1").With(w.usual).With(n1.usual),
		f.Start("u+1u+2").With(n1.usual).With(n2.usual),
		f.Start("w-1w").With(p1.lower).With(w.lower),
		f.Start("ww+1").With(w.lower).With(n1.lower),
	)
}

// history appends the features of the tags already chosen to the left.
func history(ws []word, i int, t1, t2 string, out []f.Feature) []f.Feature {
	w := at(ws, i)
	return append(out,
		f.Start("t-1").With(t1),
		f.Start("t-2").With(t2),
		f.Start("t-2t-1").With(t2).With(t1),
		f.Start("t-1w").With(t1).With(w.lower),
		f.Start("t-1s3").With(t1).With(suffix(w.lower, 3)),
	)
}

// xposContext appends the XPOS tags around i, which the UPOS model reads:
// by then the whole sentence has XPOS tags, so it sees both sides.
func xposContext(ws []word, xpos []string, i int, out []f.Feature) []f.Feature {
	x := func(j int) string {
		switch {
		case j < 0:
			return "-START-"
		case j >= len(xpos):
			return "-END-"
		}
		return xpos[j]
	}
	w := at(ws, i)
	return append(out,
		f.Start("x").With(x(i)),
		f.Start("xw").With(x(i)).With(w.lower),
		f.Start("x-1").With(x(i-1)),
		f.Start("x+1").With(x(i+1)),
		f.Start("x+2").With(x(i+2)),
		f.Start("x-1x").With(x(i-1)).With(x(i)),
		f.Start("xx+1").With(x(i)).With(x(i+1)),
		f.Start("xw+1").With(x(i)).With(at(ws, i+1).lower),
	)
}

// firstPass appends what the second XPOS pass reads of the first one: the
// tags it gave the word and the words to the right.
func firstPass(ws []word, first []string, i int, t1 string, out []f.Feature) []f.Feature {
	x := func(j int) string {
		if j >= len(first) {
			return "-END-"
		}
		return first[j]
	}
	return append(out,
		f.Start("f").With(x(i)),
		f.Start("f+1").With(x(i+1)),
		f.Start("f+2").With(x(i+2)),
		f.Start("ff+1").With(x(i)).With(x(i+1)),
		f.Start("f+1f+2").With(x(i+1)).With(x(i+2)),
		f.Start("t-1f+1").With(t1).With(x(i+1)),
		f.Start("fw").With(x(i)).With(at(ws, i).lower),
	)
}
