package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// Feature templates. Each feature hashes its template number with its
// values, so two templates never share a key; the numbers are part of the
// model file's meaning and must not be reused for something else.
const (
	tBias byte = iota + 1
	tWord
	tLower
	tShape
	tShort
	tPrefix
	tSuffix
	tWordM2
	tWordM1
	tWordP1
	tWordP2
	tShapeM1
	tShapeP1
	tBigramM
	tBigramP
	tShapeTri
	tCluster
	tClusterM1
	tClusterP1
	tGaz
	tGazM1
	tGazP1
	tInitial
	tCapsSent
	tCapRatio
	tPrev1
	tPrev2
	tPrevWord
	tPrevShape
	tHistory
	tLowerInDoc
	tPrefixWord
	tLen
	tCapRatioM1
	tGazWord
	tClusterShape
)

// tok is what the features read of one token, computed once per document.
type tok struct {
	word, lower, shape, short string
	clusters                  []string // the token's cluster path prefixes, coarse to fine
	gaz                       []string // gazetteer matches covering the token ("LOC-B")
	capRatio                  string   // how often the word is capitalised mid-sentence in unlabelled news
	initial, capsSent, upper  bool
	lowerInDoc                bool // the lower-cased form also occurs lower-cased in the document
}

// featureSet builds hashed features without allocating per feature.
type featureSet []perceptron.Feature

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator, so ("ab","c") and ("a","bc") differ
	h *= fnvPrime
	return h
}

func start(t byte) uint64 { return (fnvOffset ^ uint64(t)) * fnvPrime }

func (f *featureSet) add(t byte, a string) {
	*f = append(*f, perceptron.Feature(mix(start(t), a)))
}

func (f *featureSet) add2(t byte, a, b string) {
	*f = append(*f, perceptron.Feature(mix(mix(start(t), a), b)))
}

func (f *featureSet) add3(t byte, a, b, c string) {
	*f = append(*f, perceptron.Feature(mix(mix(mix(start(t), a), b), c)))
}

// normQuote maps typographic quotes and dashes to the ASCII forms CoNLL's
// Reuters text uses, so news from other sources meets the same features.
var normQuote = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "—", "--", "–", "-", "``", `"`, "''", `"`)

// prepare computes the per-token view of a document.
func (m *Model) prepare(doc *nlp.Doc) [][]tok {
	out := make([][]tok, len(doc.Sentences))
	lowerSeen := map[string]bool{}
	for _, s := range doc.Sentences {
		for i, t := range s.Tokens {
			if i > 0 && isLowerWord(t.Text) {
				lowerSeen[t.Text] = true
			}
		}
	}
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		toks := make([]tok, len(s.Tokens))
		caps := capsSentence(s.Tokens)
		for i, t := range s.Tokens {
			w := t.Text
			if strings.ContainsAny(w, "“”‘’—–`'") {
				w = normQuote.Replace(w)
			}
			lw := strings.ToLower(w)
			k := &toks[i]
			k.word, k.lower = w, lw
			k.shape, k.short = shapes(w)
			k.capsSent = caps
			k.upper = hasUpper(w)
			k.initial = i == 0 || (i <= 2 && isOpening(s.Tokens[i-1].Text) && allOpening(s.Tokens[:i]))
			k.lowerInDoc = k.upper && lowerSeen[lw]
			if m.clusters != nil {
				k.clusters = m.clusters.lookup(w, caps)
				k.capRatio = m.clusters.capRatio(lw)
			}
		}
		if m.gaz != nil {
			m.gaz.match(toks)
		}
		out[si] = toks
	}
	return out
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func isOpening(w string) bool {
	switch w {
	case `"`, "“", "'", "‘", "(", "[", "-", "--", "``", "...":
		return true
	}
	return false
}

func allOpening(ts []nlp.Token) bool {
	for _, t := range ts {
		if !isOpening(t.Text) {
			return false
		}
	}
	return true
}

// capsSentence tells a headline in capitals ("RUSSIA SAYS ..."), where
// capitalisation says nothing about names.
func capsSentence(ts []nlp.Token) bool {
	letters, upper := 0, 0
	for _, t := range ts {
		hasLetter, allUp := false, true
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				hasLetter = true
				if !unicode.IsUpper(r) {
					allUp = false
				}
			}
		}
		if hasLetter {
			letters++
			if allUp {
				upper++
			}
		}
	}
	return letters >= 2 && upper*10 >= letters*8
}

// shapes returns the word's shape with runs cut at three ("Xxxx" for
// "Smith", "dddd" for "1996") and its short shape with runs cut at one
// ("Xx", "d").
func shapes(w string) (string, string) {
	var long, short [24]byte
	nl, ns := 0, 0
	var last byte
	run := 0
	for _, r := range w {
		var c byte
		switch {
		case r >= 'A' && r <= 'Z' || (r > 127 && unicode.IsUpper(r)):
			c = 'X'
		case r >= 'a' && r <= 'z' || (r > 127 && unicode.IsLower(r)):
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < 128:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
		} else {
			run = 1
			if ns < len(short) {
				short[ns] = c
				ns++
			}
		}
		last = c
		if run <= 3 && nl < len(long) {
			long[nl] = c
			nl++
		}
	}
	return string(long[:nl]), string(short[:ns])
}

// labelTypes are the entity types, in class order.
var labelTypes = [...]string{"PER", "ORG", "LOC", "MISC"}

// staticFeatures are the features of token i that do not depend on labels.
func staticFeatures(f *featureSet, toks []tok, i int) {
	k := &toks[i]
	word := func(j int) string {
		if j < 0 {
			return "<s>"
		}
		if j >= len(toks) {
			return "</s>"
		}
		return toks[j].lower
	}
	shape := func(j int) string {
		if j < 0 || j >= len(toks) {
			return "_"
		}
		return toks[j].short
	}
	f.add(tBias, "")
	f.add(tWord, k.word)
	f.add(tLower, k.lower)
	f.add(tShape, k.shape)
	f.add2(tShort, k.short, boolStr(k.initial))
	f.add2(tCapsSent, k.short, boolStr(k.capsSent))
	n := len(k.lower)
	for l := 1; l <= 4 && l < n; l++ {
		f.add2(tPrefix, k.lower[:l], "")
		f.add2(tSuffix, k.lower[n-l:], "")
	}
	f.add(tWordM2, word(i-2))
	f.add(tWordM1, word(i-1))
	f.add(tWordP1, word(i+1))
	f.add(tWordP2, word(i+2))
	f.add(tShapeM1, shape(i-1))
	f.add(tShapeP1, shape(i+1))
	f.add2(tBigramM, word(i-1), k.lower)
	f.add2(tBigramP, k.lower, word(i+1))
	f.add3(tShapeTri, shape(i-1), k.short, shape(i+1))
	f.add2(tInitial, boolStr(k.initial), k.lower)
	f.add2(tPrefixWord, word(i-1), k.short)
	if k.upper {
		f.add2(tLowerInDoc, boolStr(k.lowerInDoc), boolStr(k.initial))
	}
	if k.capRatio != "" {
		f.add3(tCapRatio, k.capRatio, boolStr(k.initial || k.capsSent), k.short)
	}
	if i > 0 && toks[i-1].capRatio != "" {
		f.add(tCapRatioM1, toks[i-1].capRatio)
	}
	for _, c := range k.clusters {
		f.add(tCluster, c)
		f.add2(tClusterShape, c, k.short)
	}
	if i > 0 {
		for _, c := range toks[i-1].clusters {
			f.add(tClusterM1, c)
		}
	}
	if i+1 < len(toks) {
		for _, c := range toks[i+1].clusters {
			f.add(tClusterP1, c)
		}
	}
	for _, g := range k.gaz {
		f.add(tGaz, g)
		f.add2(tGazWord, g, k.short)
	}
	if i > 0 {
		for _, g := range toks[i-1].gaz {
			f.add(tGazM1, g)
		}
	}
	if i+1 < len(toks) {
		for _, g := range toks[i+1].gaz {
			f.add(tGazP1, g)
		}
	}
}

// dynamicFeatures are the features that read the labels already given:
// the previous two in the sentence and, for capitalised words, the types
// the same word was given earlier in the document (Ratinov & Roth's
// prediction history).
func dynamicFeatures(f *featureSet, k *tok, p1, p2 string, hist *[len(labelTypes)]int32) {
	f.add(tPrev1, p1)
	f.add2(tPrev2, p2, p1)
	f.add2(tPrevWord, p1, k.lower)
	f.add2(tPrevShape, p1, k.short)
	if hist != nil {
		total := int32(0)
		for _, c := range hist {
			total += c
		}
		if total == 0 {
			f.add(tHistory, "none")
			return
		}
		for ti, c := range hist {
			if c == 0 {
				continue
			}
			share := "some"
			if c == total {
				share = "all"
			} else if 2*c > total {
				share = "most"
			}
			f.add2(tHistory, labelTypes[ti], share)
		}
	}
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
