package ner

import (
	"slices"
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
	tAggregate
	tFirst
	tFirstP1
	tFirstP2
	tFirstM1
	tFirstDoc
	tTopic
	tCasedM1
	tCasedP1
	tFirstSpan
	tTitle
	tTitleM1
)

// maxAggregate bounds how many other mentions of a word lend it their
// context, so a name repeated all through a long document costs little.
const maxAggregate = 8

// tok is what the features read of one token, computed once per document.
type tok struct {
	word, lower, shape, short string
	clusters                  []string // the token's cluster path prefixes, coarse to fine
	gaz                       []string // gazetteer matches covering the token ("LOC-B")
	capRatio                  string   // how often the word is capitalised mid-sentence in unlabelled news
	initial, capsSent, upper  bool
	docCase                   string   // how the word is written mid-sentence elsewhere in the document
	truecased                 bool     // a word of a headline in capitals, written as the story writes it
	aggregate                 []string // the words around the word's other mentions in the document
	topic                     string   // the document's topic word ("SOCCER" of "SOCCER - ..."), or ""
	title                     bool     // a word of a person's title or office ("Governor", "Sen.")
	endsName                  bool     // a title no entity runs on past (endsName)
}

// docForm counts how a word is written mid-sentence in a document.
type docForm struct {
	caps, lower int
	form        string // the first capitalised form seen
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
	// How each word is written mid-sentence in running text elsewhere in
	// the document tells a name from a common word where capitals say
	// nothing: at the start of a sentence and in headlines in capitals.
	forms := map[string]*docForm{}
	for _, s := range doc.Sentences {
		if capsSentence(s.Tokens) {
			continue
		}
		for i, t := range s.Tokens {
			if i == 0 || isOpening(s.Tokens[i-1].Text) || !hasLetter(t.Text) {
				continue
			}
			lw := strings.ToLower(t.Text)
			f := forms[lw]
			if f == nil {
				f = &docForm{}
				forms[lw] = f
			}
			if hasUpper(t.Text) {
				f.caps++
				if f.form == "" {
					f.form = t.Text
				}
			} else {
				f.lower++
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
			f := forms[lw]
			k := &toks[i]
			if caps && f != nil {
				// Truecase a headline in capitals by how the story writes
				// the word, so "MADRID BOMB PLOT" reads as "Madrid bomb plot".
				if f.caps > f.lower {
					w = f.form
				} else {
					w = lw
				}
				k.truecased = true
			}
			k.word, k.lower = w, lw
			k.shape, k.short = shapes(w)
			k.capsSent = caps
			k.upper = hasUpper(w)
			k.initial = i == 0 || (i <= 2 && isOpening(s.Tokens[i-1].Text) && allOpening(s.Tokens[:i]))
			k.title = titleWords[lw]
			k.endsName = endsName(lw)
			k.docCase = "none"
			if f != nil {
				switch {
				case f.caps > 0 && f.lower > 0:
					k.docCase = "both"
				case f.caps > 0:
					k.docCase = "cap"
				default:
					k.docCase = "lower"
				}
			}
			if m.clusters != nil {
				k.clusters = m.clusters.lookup(w, caps && !k.truecased)
				k.capRatio = m.clusters.capRatio(lw)
			}
		}
		if m.gaz != nil {
			m.gaz.match(toks)
		}
		out[si] = toks
	}
	aggregateContexts(out)
	if t := topic(out); t != "" {
		for _, toks := range out {
			for i := range toks {
				toks[i].topic = t
			}
		}
	}
	return out
}

// topic returns the word that starts a document headed "SOCCER - ..." or
// "TENNIS - ...", as wire stories are: results tables read differently
// from politics (a town is mostly a team there).
func topic(doc [][]tok) string {
	if len(doc) == 0 || len(doc[0]) < 3 || !doc[0][0].capsSent {
		return ""
	}
	for i := 1; i < len(doc[0]) && i < 4; i++ {
		if doc[0][i].word == "-" {
			return doc[0][i-1].lower
		}
	}
	return ""
}

// aggregateContexts gives each capitalised token the words around its
// other mentions in the document (Ratinov & Roth's context aggregation):
// "Rotor" in "Rotor won" borrows "coach of Rotor" from elsewhere.
func aggregateContexts(doc [][]tok) {
	type at struct{ s, i int }
	mentions := map[string][]at{}
	for si, toks := range doc {
		for i := range toks {
			if toks[i].upper && len(toks[i].lower) > 1 {
				mentions[toks[i].lower] = append(mentions[toks[i].lower], at{si, i})
			}
		}
	}
	for _, ms := range mentions {
		if len(ms) < 2 {
			continue
		}
		for _, m := range ms {
			seen := map[string]bool{}
			n := 0
			for _, o := range ms {
				if o == m {
					continue
				}
				if n++; n > maxAggregate {
					break
				}
				toks := doc[o.s]
				if o.i > 0 {
					seen["<"+toks[o.i-1].lower] = true
				}
				if o.i+1 < len(toks) {
					seen[">"+toks[o.i+1].lower] = true
				}
			}
			agg := make([]string, 0, len(seen))
			for c := range seen {
				agg = append(agg, c)
			}
			slices.Sort(agg)
			doc[m.s][m.i].aggregate = agg
		}
	}
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
	for l := 1; l <= 5 && l < n; l++ {
		f.add2(tPrefix, k.lower[:l], "")
		f.add2(tSuffix, k.lower[n-l:], "")
	}
	if i > 0 {
		f.add2(tCasedM1, toks[i-1].word, k.short)
	}
	if i+1 < len(toks) {
		f.add2(tCasedP1, k.short, toks[i+1].word)
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
		f.add3(tLowerInDoc, k.docCase, boolStr(k.initial), boolStr(k.capsSent))
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
	// A title tells that a name follows and is not part of it: "Senate
	// Majority Leader Mitch McConnell" is an office and then a person, and
	// CoNLL's few titled names alone do not teach that for unseen titles.
	if k.title {
		f.add(tTitle, k.short)
	}
	if i > 0 && toks[i-1].title {
		f.add2(tTitleM1, k.short, boolStr(toks[i-1].upper))
	}
	if k.topic != "" {
		f.add3(tTopic, k.topic, k.short, shape(i+1))
	}
	for _, a := range k.aggregate {
		f.add(tAggregate, a)
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

// labelFeatures read the previous two labels in the sentence.
func labelFeatures(f *featureSet, k *tok, p1, p2 string) {
	f.add(tPrev1, p1)
	f.add2(tPrev2, p2, p1)
	f.add2(tPrevWord, p1, k.lower)
	f.add2(tPrevShape, p1, k.short)
}

// historyFeatures read the types a capitalised word was given earlier in
// the document (Ratinov & Roth's prediction history).
func historyFeatures(f *featureSet, hist *typeCounts) {
	if hist != nil {
		if total := shares(hist, func(typ, share string) { f.add2(tHistory, typ, share) }); total == 0 {
			f.add(tHistory, "none")
		}
	}
}

// typeCounts counts entity labels of each type of labelTypes.
type typeCounts = [len(labelTypes)]int32

// shares calls fn with each type that has labels in counts and its share
// of them ("all", "most" or "some"), and returns the total.
func shares(counts *typeCounts, fn func(typ, share string)) int32 {
	total := int32(0)
	for _, c := range counts {
		total += c
	}
	for ti, c := range counts {
		if c == 0 {
			continue
		}
		share := "some"
		if c == total {
			share = "all"
		} else if 2*c > total {
			share = "most"
		}
		fn(labelTypes[ti], share)
	}
	return total
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// secondStageFeatures read the first stage's labels: of this token and its
// neighbours on both sides (which a left-to-right tagger has not yet
// decided), and of all mentions of the same word in the document, counted
// in own (which includes this token's own first-stage label).
func secondStageFeatures(f *featureSet, first []int, i int, own *typeCounts) {
	at := func(j int) string {
		if j < 0 || j >= len(first) {
			return "_"
		}
		return classes[first[j]]
	}
	f.add(tFirst, at(i))
	f.add2(tFirstP1, at(i), at(i+1))
	f.add(tFirstP2, at(i+2))
	f.add2(tFirstM1, at(i-1), at(i))
	if own == nil {
		return
	}
	several := boolStr(own[0]+own[1]+own[2]+own[3] > 1)
	shares(own, func(typ, share string) { f.add3(tFirstDoc, typ, share, several) })
}
