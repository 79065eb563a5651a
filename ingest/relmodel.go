package ingest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// The relation classifier is the last rule family: a logistic regression
// per predicate over pairs of names in one sentence that no hand-written
// rule connected. Rules read the constructions news uses most ("X, the
// spokesman of Y"); long sentences with several names defeat them, and
// there a model trained on annotated news (the CoNLL04 train split) over
// the words and tags between the two names recovers facts no single
// pattern covers. Its probability is the fact's confidence, so
// --min-confidence filters it like any rule. Training is reproducible:
// `NEWSGRAPH_TRAIN_RELMODEL=../shared/eval/conll04 go test ./ingest -run TestTrainRelModel`
// rewrites relmodel.json (docs/extraction.md).

//go:embed relmodel.json
var relModelJSON []byte

// relPreds are the predicates the classifier decides, each for one pair
// of top classes (subject, object).
var relPreds = []struct {
	pred     string
	subj, ob schema.Class
}{
	{"works_for", schema.Person, schema.Organization},
	{"based_in", schema.Organization, schema.Location},
	{"located_in", schema.Location, schema.Location},
	{"lives_in", schema.Person, schema.Location},
	{"killed", schema.Person, schema.Person},
}

// relModel is the trained classifier as stored in relmodel.json.
type relModel struct {
	// Preds names the predicate of each weight column, in relPreds order.
	Preds []string `json:"preds"`
	// Threshold is the probability a pair needs per predicate, chosen by
	// cross-validation on the training split.
	Threshold []float64 `json:"threshold"`
	// Weights maps a feature to one weight per predicate.
	Weights map[string][]float64 `json:"weights"`
	// Trained says on what and how, for the record.
	Trained string `json:"trained"`
}

// loadRelModel parses the embedded model; an empty file means no model.
func loadRelModel(data []byte) (*relModel, error) {
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, nil
	}
	var m relModel
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("relation model: %w", err)
	}
	if len(m.Preds) != len(relPreds) || len(m.Threshold) != len(relPreds) {
		return nil, fmt.Errorf("relation model: %d predicates and %d thresholds, want %d", len(m.Preds), len(m.Threshold), len(relPreds))
	}
	for k, p := range relPreds {
		if m.Preds[k] != p.pred {
			return nil, fmt.Errorf("relation model: predicate %d is %q, want %q", k, m.Preds[k], p.pred)
		}
	}
	for f, w := range m.Weights {
		if len(w) != len(relPreds) {
			return nil, fmt.Errorf("relation model: feature %q has %d weights", f, len(w))
		}
	}
	return &m, nil
}

// prob is the model's probability that the pair holds predicate p.
func (m *relModel) prob(p int, feats []string) float64 {
	z := 0.0
	for _, f := range feats {
		if w, ok := m.Weights[f]; ok {
			z += w[p]
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// maxRelGap is how many tokens may separate the two names of a candidate
// pair. Beyond it, in 5-fold cross-validation on the training split, fewer
// than one pair in three the model accepts is right, and in long news
// sentences (an article's dateline sentence, lists of places) it mostly
// links a person to every place of the sentence.
const maxRelGap = 10

// relCandidate is an ordered pair of name mentions in one sentence whose
// classes fit one classifier predicate.
type relCandidate struct {
	si       int
	sm, om   int // mention indices: subject, object
	pred     int // index into relPreds
	features []string
}

// relPredFor returns the classifier predicate for a pair of classes, -1.
func relPredFor(s, o schema.Class) int {
	for k, p := range relPreds {
		if s.Top() == p.subj && o.Top() == p.ob {
			return k
		}
	}
	return -1
}

// relCandidates lists the sentence's candidate pairs with their features.
// Only proper names and demonyms take part: pronouns and titles have rules
// of their own.
func (x *docState) relCandidates(si int, ruled map[[2]int][]string) []relCandidate {
	v := x.viewOf(si)
	var ms []int
	seen := map[int]bool{}
	for _, mi := range x.sentMents[si] {
		m := x.ments[mi]
		if m.ent < 0 || m.kind != kName && m.kind != kDemonym || seen[mi] {
			continue
		}
		seen[mi] = true
		ms = append(ms, mi)
	}
	var out []relCandidate
	for a := 0; a < len(ms); a++ {
		for b := 0; b < len(ms); b++ {
			if a == b {
				continue
			}
			sm, om := ms[a], ms[b]
			se, oe := x.ments[sm].ent, x.ments[om].ent
			if se == oe {
				continue
			}
			// Nested or overlapping spans ("Texas" in "University of Texas") are one name.
			if x.ments[sm].i < x.ments[om].j && x.ments[om].i < x.ments[sm].j {
				continue
			}
			lo, hi := min(x.ments[sm].j, x.ments[om].j), max(x.ments[sm].i, x.ments[om].i)
			if hi-lo > maxRelGap || v.crossesQuote(lo, hi) {
				continue
			}
			p := relPredFor(x.ents[se].class, x.ents[oe].class)
			if p < 0 || relPreds[p].pred == "located_in" && placeScale(x.ents[se].class) > placeScale(x.ents[oe].class) {
				continue
			}
			out = append(out, relCandidate{si: si, sm: sm, om: om, pred: p, features: v.relFeatures(sm, om, len(ms), ruled[[2]int{se, oe}], ruled[[2]int{oe, se}])})
		}
	}
	return out
}

// ruledPairs maps each entity pair the rules connected in the sentence to
// the predicates they gave it.
func (x *docState) ruledPairs(si int) map[[2]int][]string {
	out := map[[2]int][]string{}
	for _, f := range x.facts {
		if f.s0 <= si && si <= f.s1 && f.obj >= 0 {
			k := [2]int{f.subj, f.obj}
			out[k] = append(out[k], f.pred)
		}
	}
	return out
}

// crossesQuote reports whether a quotation opens or closes between tokens
// lo and hi: a speaker outside a quote and a name inside it are not
// linked by the sentence ("… down to Baghdad," Jeffrey said).
func (v *view) crossesQuote(lo, hi int) bool {
	marks := 0
	for i := lo; i < hi; i++ {
		switch v.t[i].Text {
		case "\"", "\u201c", "\u201d", "``", "''", "`", "'":
			marks++
		}
	}
	return marks%2 == 1
}

// relFeatures describes a pair: the words, tags and names between the two
// mentions and around them, conjoined with which comes first.
func (v *view) relFeatures(sm, om, names int, fwd, back []string) []string {
	s, o := v.m(sm), v.m(om)
	dir := "f:"
	l, r := s, o
	if o.i < s.i {
		dir, l, r = "r:", o, s
	}
	var fs []string
	add := func(f string) { fs = append(fs, dir+f) }
	add("bias")
	word := func(i int) string {
		if i < 0 {
			return "<s>"
		}
		if i >= len(v.t) {
			return "</s>"
		}
		w := v.t[i].Lower
		if strings.ContainsAny(w, "0123456789") {
			return "<num>"
		}
		return w
	}
	between := r.i - l.j
	add("n=" + bucket(between))
	var words, tags, shape []string
	var verbs []string
	others := 0
	for i := l.j; i < r.i; i++ {
		words = append(words, word(i))
		t := v.t[i].Tag
		if len(tags) == 0 || tags[len(tags)-1] != t {
			tags = append(tags, t)
		}
		if strings.HasPrefix(t, "VB") {
			verbs = append(verbs, stem(word(i)))
		}
		// The shape keeps function words and verbs and abstracts the rest
		// to their tags: ", a NN of" generalises over the nouns.
		sh := t
		if closedClass[word(i)] || strings.HasPrefix(t, "VB") {
			sh = stem(word(i))
		}
		if len(shape) == 0 || shape[len(shape)-1] != sh || sh != t {
			shape = append(shape, sh)
		}
		if mi := v.start[i]; mi >= 0 && mi != sm && mi != om && v.m(mi).kind == kName {
			others++
			add("bc=" + string(v.cls(mi).Top()))
		}
	}
	uniq := map[string]bool{}
	for _, w := range words {
		if w = stem(w); !uniq[w] {
			uniq[w] = true
			add("bw=" + w)
		}
	}
	if len(words) > 0 {
		add("bf=" + words[0])
		add("bl=" + words[len(words)-1])
		if len(words) > 1 {
			add("bf2=" + words[0] + "_" + words[1])
			add("bl2=" + words[len(words)-2] + "_" + words[len(words)-1])
		}
	}
	if len(words) <= 5 {
		add("bs=" + strings.Join(words, "_"))
	}
	if len(tags) <= 6 {
		add("bt=" + strings.Join(tags, "_"))
	}
	if len(shape) <= 6 {
		add("bp=" + strings.Join(shape, "_"))
	}
	for _, w := range verbs {
		add("v=" + w)
	}
	add("ne=" + bucket(others))
	add("l1=" + word(l.i-1))
	add("l2=" + word(l.i-2) + "_" + word(l.i-1))
	add("r1=" + word(r.j))
	add("r2=" + word(r.j) + "_" + word(r.j+1))
	switch ss, os := placeScale(v.cls(sm)), placeScale(v.cls(om)); {
	case ss == 0 || os == 0:
	case ss < os:
		add("scale=smaller")
	case ss == os:
		add("scale=same")
	}
	add("sc=" + string(v.cls(sm)))
	add("oc=" + string(v.cls(om)))
	add("sh=" + headWord(s.surface))
	add("oh=" + headWord(o.surface))
	// How sure the name's class is (3 gazetteer or head word … 1 guess):
	// a pair built on a guessed class is a weaker pair.
	add("ss=" + strconv.Itoa(min(v.x.ents[s.ent].strength, 3)))
	add("os=" + strconv.Itoa(min(v.x.ents[o.ent].strength, 3)))
	add("sk=" + strconv.Itoa(int(s.kind)))
	add("ok=" + strconv.Itoa(int(o.kind)))
	add("nm=" + bucket(names))
	for _, p := range fwd {
		add("rule=" + p)
	}
	for _, p := range back {
		add("rrule=" + p)
	}
	return fs
}

// closedClass words keep their identity in a pair's shape.
var closedClass = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`, . ; : ( ) " ' 's of in at on from for by to with near outside inside into
	who whom which that whose where when and or but the a an his her its their he she it they
	based native resident home headquarters born`) {
		closedClass[w] = true
	}
}

// stem strips common inflections so "killed", "kills" and "killing" meet.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// placeScale orders place classes by size (0: not a place of known size),
// so that a country is never read as inside a city.
func placeScale(c schema.Class) int {
	switch {
	case c.IsA(schema.Facility):
		return 1
	case c == schema.City:
		return 2
	case c.IsA(schema.Region):
		return 3
	case c == schema.Country:
		return 4
	}
	return 0
}

// headWord is the last word of a name, lower-cased ("corp", "university").
func headWord(s string) string {
	w := strings.Fields(strings.ToLower(s))
	if len(w) == 0 {
		return ""
	}
	return strings.Trim(w[len(w)-1], ".,'")
}

// bucket groups counts so that rare lengths share a feature.
func bucket(n int) string {
	switch {
	case n <= 3:
		return strconv.Itoa(n)
	case n <= 5:
		return "4-5"
	case n <= 9:
		return "6-9"
	case n <= 15:
		return "10-15"
	}
	return "16+"
}

// classifyRelations adds the classifier's facts for pairs no rule gave
// one of its predicates.
func (x *docState) classifyRelations(m *relModel) {
	if m == nil {
		return
	}
	type key struct{ s, o, p int }
	best := map[key]int{} // → index into x.facts
	for si := range x.sents {
		ruled := x.ruledPairs(si)
		for _, c := range x.relCandidates(si, ruled) {
			se, oe := x.ments[c.sm].ent, x.ments[c.om].ent
			if containsStr(ruled[[2]int{se, oe}], relPreds[c.pred].pred) {
				continue
			}
			pr := m.prob(c.pred, c.features)
			if pr < m.Threshold[c.pred] {
				continue
			}
			k := key{se, oe, c.pred}
			if at, ok := best[k]; ok && x.facts[at].s0 == si {
				if pr > x.facts[at].conf {
					x.facts[at].conf = pr
				}
				continue
			}
			v := x.viewOf(si)
			lo, hi := min(x.ments[c.sm].i, x.ments[c.om].i), max(x.ments[c.sm].j, x.ments[c.om].j)
			best[k] = len(x.facts)
			x.facts = append(x.facts, rawFact{subj: se, obj: oe, pred: relPreds[c.pred].pred, stmt: -1, rule: "classifier", conf: pr, s0: si, s1: si,
				qual: v.qualifiers(lo, hi, v.tenseQual(relPreds[c.pred].pred, lo, nil))})
		}
	}
}
