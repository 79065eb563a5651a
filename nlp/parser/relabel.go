package parser

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// A label pass (McDonald et al. 2006's second stage): once the tree is
// built, a classifier of its own labels every arc again. The transition
// parser labels an arc the moment it makes it, when the head has only some
// of its children and the words to the right are unread; here the whole
// tree is known: the head's other dependents and their labels (a verb that
// already has an nsubj), the dependent's own children (a "to" or an
// auxiliary under it), the head's head. Arcs are labelled top down, each
// head's children left to right, so every arc sees the labels already given
// to its head and to its left siblings.

const relabelMagic = "nglabels1\n"

// Relabeller labels the arcs of finished trees. It is read-only once
// loaded and safe for concurrent use.
type Relabeller struct {
	table     *labelTable
	labelHash []uint64
	rootLabel int
	part      []byte // the perceptron file, kept for Write
}

// RelabelOptions control the training of a label pass. The zero value gives
// the defaults.
type RelabelOptions struct {
	Epochs     int     // passes over the data (default 10)
	Seed       uint64  // shuffling seed
	MinSubtype int     // as Options.MinSubtype (default 100)
	Prune      float32 // as Options.Prune (default 1)
	Log        io.Writer
}

// relabelSent is what the label features read of a tagged tree: hashed
// words, tags and shapes (index n is the root, n+1 a missing token), each
// word's head (n for the root) and its children in order.
type relabelSent struct {
	*sentence
	suffix, shape []uint64
	heads         []int
	kids          [][]int
}

func newRelabelSent(s *nlp.Sentence, labelHash []uint64) *relabelSent {
	n := len(s.Tokens)
	forms, tags, upos := make([]string, n), make([]string, n), make([]string, n)
	for i, t := range s.Tokens {
		forms[i], tags[i], upos[i] = t.Text, t.Tag, t.UPOS
	}
	r := &relabelSent{sentence: newSentence(forms, tags, upos, labelHash),
		suffix: make([]uint64, n+2), shape: make([]uint64, n+2), heads: make([]int, n), kids: make([][]int, n+1)}
	r.suffix[n], r.suffix[n+1], r.shape[n], r.shape[n+1] = r.words[n], none, r.words[n], none
	for i, t := range s.Tokens {
		w := strings.ToLower(t.Text)
		if k := len(w) - 3; k > 0 {
			w = w[k:]
		}
		r.suffix[i] = hashString(w)
		r.shape[i] = shapeOf(t.Text)
		h := t.Head
		if h < 0 || h >= n {
			h = n
		}
		r.heads[i] = h
		r.kids[h] = append(r.kids[h], i)
	}
	return r
}

// shapeOf tells capitalised words (names), all-capital ones and numbers
// apart from the rest: a capitalised dependent of a name is flat or
// compound, a lower-case one rarely.
func shapeOf(w string) uint64 {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case strings.ToUpper(w) == w && strings.ToLower(w) != w && len(w) > 1:
		return 1
	case unicode.IsUpper(r):
		return 2
	case unicode.IsDigit(r):
		return 3
	}
	return 0
}

// closedClass reports whether a word's universal tag is of the small
// classes whose words themselves say which relation is near ("to", "that",
// "was", "by").
func closedClass(upos uint64) bool { return closedTags[upos] }

var closedTags = map[uint64]bool{}

func init() {
	for _, t := range []string{"ADP", "SCONJ", "PART", "AUX", "DET", "PRON", "CCONJ"} {
		closedTags[hashString(t)] = true
	}
}

// relabelFeatures appends the features of the arc into d. labels holds the
// label classes given so far (-1 for none yet); sibs is the set of labels
// given to d's head's children left of d.
func relabelFeatures(r *relabelSent, labels []int, d int, sibs uint64, prevSib int, out []perceptron.Feature) []perceptron.Feature {
	n := len(r.heads)
	h := r.heads[d]
	g := n + 1 // the head's head, none for the root
	lh := none
	if h < n {
		g = r.heads[h]
		if labels[h] >= 0 {
			lh = r.labelHash[labels[h]]
		}
	}
	lp := none
	if prevSib >= 0 && labels[prevSib] >= 0 {
		lp = r.labelHash[labels[prevSib]]
	}
	dir := uint64(0)
	switch {
	case h == n:
		dir = 2
	case d > h:
		dir = 1
	}
	dd := uint64(99)
	if h < n {
		dd = dist(h, d)
	}
	pb, vb := r.between(h, d)
	if h == n {
		pb, vb = 9, 9
	}
	wh, th, uh := r.words[h], r.tags[h], r.upos[h]
	wd, td, ud := r.words[d], r.tags[d], r.upos[d]
	tg := r.tags[g]
	prev, next := d-1, d+1
	if prev < 0 {
		prev = n + 1
	}
	if next >= n {
		next = n + 1
	}
	out = append(out,
		mix(300, dir), mix(301, dir, dd),
		mix(302, dir, td), mix(303, dir, ud), mix(304, dir, wd), mix(305, dir, wd, td), mix(306, dir, r.suffix[d], ud),
		mix(307, dir, th), mix(308, dir, wh), mix(309, dir, wh, th),
		mix(310, dir, th, td), mix(311, dir, wh, td), mix(312, dir, th, wd), mix(313, dir, wh, wd),
		mix(314, dir, uh, ud, dd), mix(315, dir, th, td, dd), mix(316, dir, uh, ud, pb, vb),
		mix(317, dir, lh, td), mix(318, dir, lh, ud, uh), mix(319, dir, lh, tg, th, td),
		mix(320, dir, sibs, ud), mix(321, dir, sibs, th, td), mix(322, dir, lp, ud, uh), mix(323, dir, lp, td),
		mix(324, dir, r.shape[d], r.shape[h], ud, uh),
		mix(325, dir, r.tags[prev], td, th), mix(326, dir, r.tags[next], td, th), mix(327, dir, r.words[prev], ud),
		mix(328, dir, r.words[next], ud),
		mix(329, uint64(min(len(r.kids[d]), 4)), ud, dir),
	)
	// The dependent's children: their tags, and the words of the closed
	// classes ("to" under a verb, "by" under a noun).
	var kidTags []uint64
	for _, c := range r.kids[d] {
		side := uint64(0)
		if c > d {
			side = 1
		}
		kidTags = append(kidTags, r.upos[c]*3+side)
		out = append(out, mix(330, dir, ud, r.upos[c], side), mix(331, dir, th, td, r.upos[c], side))
		if closedClass(r.upos[c]) {
			out = append(out, mix(332, dir, ud, r.words[c], side), mix(333, dir, uh, ud, r.words[c]))
		}
	}
	if len(kidTags) > 0 {
		out = append(out, mix(334, dir, ud, kidTags[0], kidTags[len(kidTags)-1]))
	}
	// The head's other children of the closed classes: a passive auxiliary,
	// a copula, a subordinator.
	if h < n {
		for _, c := range r.kids[h] {
			if c != d && closedClass(r.upos[c]) && (r.upos[c] != r.upos[d] || c > d) {
				side := uint64(0)
				if c > h {
					side = 1
				}
				out = append(out, mix(335, dir, uh, ud, r.words[c], side))
			}
		}
	}
	return out
}

// relabelOrder lists the words top down, each head's children left to right
// and together, with for each the closest earlier sibling (-1 for none).
func relabelOrder(r *relabelSent) (order, prevSib []int) {
	n := len(r.heads)
	prevSib = make([]int, n)
	queue := []int{n}
	for len(queue) > 0 {
		h := queue[0]
		queue = queue[1:]
		p := -1
		for _, c := range r.kids[h] {
			order = append(order, c)
			prevSib[c] = p
			p = c
			queue = append(queue, c)
		}
	}
	return order, prevSib
}

// label gives every arc of the tree its label class, in relabelOrder; at
// each arc choose picks the class from its features. A word whose head is
// the root takes the root label, and no other does.
func (r *relabelSent) label(rootLabel int, choose func(d int, feats []perceptron.Feature) int) []int {
	n := len(r.heads)
	labels := make([]int, n)
	for i := range labels {
		labels[i] = -1
	}
	order, prevSib := relabelOrder(r)
	sibs := make([]uint64, n+1)
	feats := make([]perceptron.Feature, 0, 96)
	for _, d := range order {
		h := r.heads[d]
		l := rootLabel
		if h != n {
			feats = relabelFeatures(r, labels, d, sibs[h], prevSib[d], feats[:0])
			l = choose(d, feats)
		}
		labels[d] = l
		sibs[h] |= uint64(1) << (l & 63)
	}
	return labels
}

// Relabel replaces the Rel of every token of a parsed sentence (Head set,
// Tag and UPOS set) with the label pass's. A cycle in the heads, which no
// parser here makes, leaves the words on it unlabelled by this pass.
func (rl *Relabeller) Relabel(s *nlp.Sentence) { rl.relabel(s, nil) }

// relabel is Relabel keeping the labels of the words keep marks (an
// ensemble's unanimous votes), which later arcs read as they are.
func (rl *Relabeller) relabel(s *nlp.Sentence, keep []bool) {
	if len(s.Tokens) == 0 {
		return
	}
	r := newRelabelSent(s, rl.labelHash)
	sums := make([]int32, len(rl.table.classes))
	allowed := func(c int) bool { return c != rl.rootLabel }
	labels := r.label(rl.rootLabel, func(d int, feats []perceptron.Feature) int {
		if keep != nil && keep[d] {
			if c := slices.Index(rl.table.classes, s.Tokens[d].Rel); c >= 0 {
				return c
			}
		}
		return rl.table.predict(feats, sums, allowed)
	})
	for i, l := range labels {
		if l >= 0 {
			s.Tokens[i].Rel = rl.table.classes[l]
		}
	}
}

// Labels returns the relations the label pass assigns.
func (rl *Relabeller) Labels() []string { return slices.Clone(rl.table.classes) }

// TrainRelabeller learns a label pass from sentences with Text, Tag, UPOS
// (predicted ones train it best), Head and Rel, on their gold trees. The
// same data and options give the same model.
func TrainRelabeller(ctx context.Context, sents []nlp.Sentence, opt RelabelOptions) (*Relabeller, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 10
	}
	if opt.MinSubtype == 0 {
		opt.MinSubtype = 100
	}
	if opt.Prune == 0 {
		opt.Prune = 1
	}
	labelOf, classes, index, labelHash, err := labelClasses(sents, opt.MinSubtype)
	if err != nil {
		return nil, fmt.Errorf("parser: label pass: %w", err)
	}
	rootLabel := index["root"]
	type example struct {
		r    *relabelSent
		gold []int
	}
	var data []example
	for _, s := range sents {
		n := len(s.Tokens)
		roots := 0
		gold := make([]int, n)
		for i, t := range s.Tokens {
			if t.Head < 0 {
				roots++
			}
			gold[i] = index[labelOf(t.Rel)]
		}
		if n == 0 || roots != 1 {
			continue
		}
		r := newRelabelSent(&s, labelHash)
		if order, _ := relabelOrder(r); len(order) != n {
			continue // a cycle: not a tree
		}
		data = append(data, example{r, gold})
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("parser: label pass: no training trees")
	}
	tr := perceptron.NewTrainer(classes)
	shuffle, _ := newShuffler(len(data), opt.Seed)
	scores := make([]float32, len(classes))
	allowed := func(c int) bool { return c != rootLabel }
	for epoch := range opt.Epochs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("parser: label pass: %w", err)
		}
		right, total := 0, 0
		for _, ei := range shuffle() {
			ex := data[ei]
			// Later arcs read the labels the model gave earlier ones, as
			// they will when labelling a parse.
			ex.r.label(rootLabel, func(d int, feats []perceptron.Feature) int {
				tr.Scores(feats, scores)
				guess := perceptron.Best(scores, allowed)
				tr.Tick()
				tr.Update(ex.gold[d], guess, feats)
				total++
				if guess == ex.gold[d] {
					right++
				}
				return guess
			})
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "label pass: epoch %d: %.4f right\n", epoch+1, float64(right)/float64(max(total, 1)))
		}
	}
	var buf bytes.Buffer
	if err := tr.Average(opt.Prune).Write(&buf); err != nil {
		return nil, fmt.Errorf("parser: label pass: %w", err)
	}
	return newRelabeller(buf.Bytes())
}

func newRelabeller(part []byte) (*Relabeller, error) {
	table, err := readLabelTable(part)
	if err != nil {
		return nil, fmt.Errorf("parser: label pass: %w", err)
	}
	rl := &Relabeller{table: table, rootLabel: slices.Index(table.classes, "root"), part: part}
	if rl.rootLabel < 0 {
		return nil, fmt.Errorf("parser: label pass has no root label")
	}
	for _, c := range table.classes {
		rl.labelHash = append(rl.labelHash, hashString(c))
	}
	return rl, nil
}

// Write saves the label pass. The same model always writes the same bytes.
func (rl *Relabeller) Write(w io.Writer) error {
	return perceptron.WriteBundle(w, relabelMagic, rl.part)
}

// ReadRelabeller loads a label pass written by Write.
func ReadRelabeller(r io.Reader) (*Relabeller, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	parts, err := perceptron.ReadBundle(data, relabelMagic)
	if err != nil || len(parts) != 1 {
		return nil, fmt.Errorf("parser: not a label pass model (%v)", err)
	}
	return newRelabeller(parts[0])
}

// WithLabelPass returns a parser that parses as m does and then labels the
// arcs with rl.
func (m *Model) WithLabelPass(rl *Relabeller) *Model {
	c := *m
	c.relabel = rl
	return &c
}
