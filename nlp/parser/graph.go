package parser

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// A graph-based member (McDonald et al. 2005): a first-order, arc-factored
// model scores every possible arc of a sentence at once, and the tree is the
// maximum spanning tree over those scores (Chu–Liu/Edmonds, non-projective).
// It reads the sentence whole rather than move by move, so its mistakes
// differ most from the transition parsers', which is what the ensemble's
// votes gain from (Nivre and McDonald 2008; Surdeanu and Manning 2010). It
// gives no labels: in an ensemble the others' votes label its arcs.

// arcTable holds the arc model's weights (one class) inline with their keys.
type arcTable struct {
	slots   []arcSlot
	mask    uint64
	keyMask uint64 // as moveTable's
}

type arcSlot struct {
	key uint64 // 0 marks an empty slot
	w   int16
}

func readArcTable(file []byte) (*arcTable, error) {
	t := &arcTable{}
	err := perceptron.Scan(bytes.NewReader(file), func(h perceptron.Header) error {
		if len(h.Classes) != 1 {
			return fmt.Errorf("parser: arc model has %d classes, want 1", len(h.Classes))
		}
		size := tableSize(h.Features)
		t.slots, t.mask, t.keyMask = make([]arcSlot, size), uint64(size-1), perceptron.KeyMask(h.KeyBits)
		return nil
	}, func(f perceptron.Feature, q []int16) {
		key := uint64(f)
		if key == 0 {
			return
		}
		i := key & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = arcSlot{key, q[0]}
	})
	if err != nil {
		return nil, fmt.Errorf("parser: arc model: %w", err)
	}
	return t, nil
}

func (t *arcTable) sum(feats []perceptron.Feature) int32 {
	var s int32
	for _, f := range feats {
		key := uint64(f) & t.keyMask
		for i := key & t.mask; ; i = (i + 1) & t.mask {
			sl := &t.slots[i]
			if sl.key == key {
				s += int32(sl.w)
				break
			}
			if sl.key == 0 {
				break
			}
		}
	}
	return s
}

// distBucket groups arc lengths as first-order models do: the short ones
// one by one, the long ones in ranges.
func distBucket(h, d int) uint64 {
	x := h - d
	if x < 0 {
		x = -x
	}
	switch {
	case x <= 4:
		return uint64(x)
	case x <= 6:
		return 5
	case x <= 10:
		return 6
	}
	return 7
}

// arcSent is what the arc features read beyond the sentence's hashed words
// and tags: each word's 5-letter prefix (McDonald et al. 2005's backoff for
// rare words) and, for every universal tag, how many words before each
// position carry it, so an arc's features can name each tag that lies
// between its two words at the cost of one subtraction a tag.
type arcSent struct {
	*sentence
	pre []uint64
	cnt []int32 // cnt[i*numUPOS+u]: words before i tagged u
	// gh and gl, in a stacked model, are another parser's head (n for
	// the root) and hashed label of each word: its guide (see
	// Options.Guide).
	gh []int
	gl []uint64
}

// uposIndex numbers the universal tags; unknown ones share the last slot.
var uposIndex = func() map[uint64]int {
	m := map[uint64]int{}
	for i, u := range []string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"} {
		m[hashString(u)] = i
	}
	return m
}()

const numUPOS = 17

func newArcSent(s *sentence, forms []string, n int) *arcSent {
	a := &arcSent{sentence: s, pre: make([]uint64, n+2), cnt: make([]int32, (n+1)*numUPOS)}
	for i := range n + 2 {
		a.pre[i] = s.words[i]
	}
	for i := range n {
		if w := normWord(forms[i]); len(w) > 5 {
			a.pre[i] = hashString(w[:5] + "~")
		}
		copy(a.cnt[(i+1)*numUPOS:(i+2)*numUPOS], a.cnt[i*numUPOS:(i+1)*numUPOS])
		u, ok := uposIndex[s.upos[i]]
		if !ok {
			u = numUPOS - 1
		}
		a.cnt[(i+1)*numUPOS+u]++
	}
	return a
}

// arcFeatures appends the features of the arc h → d (h == n for the root):
// McDonald et al.'s unigram, bigram, in-between and surrounding-tag
// templates, each with the arc's direction, the core ones again with its
// length, and the word ones again with 5-letter prefixes.
func arcFeatures(s *arcSent, n, h, d int, out []perceptron.Feature) []perceptron.Feature {
	dir := uint64(0)
	if d > h {
		dir = 1
	}
	dd := uint64(9)
	pb, vb := uint64(9), uint64(9)
	hp, hn := n+1, n+1 // the words before and after the head; none for the root
	if h < n {
		dd = distBucket(h, d)
		pb, vb = s.between(h, d)
		if h > 0 {
			hp = h - 1
		}
		if h+1 < n {
			hn = h + 1
		}
	} else {
		dir = 2
	}
	dp, dn := n+1, n+1
	if d > 0 {
		dp = d - 1
	}
	if d+1 < n {
		dn = d + 1
	}
	wh, th, uh, ph := s.words[h], s.tags[h], s.upos[h], s.pre[h]
	wd, td, ud, pd := s.words[d], s.tags[d], s.upos[d], s.pre[d]
	k := dir*16 + dd
	out = append(out,
		mix(400, dir, wh, th), mix(401, dir, wh), mix(402, dir, th),
		mix(403, dir, wd, td), mix(404, dir, wd), mix(405, dir, td),
		mix(406, dir, wh, th, wd, td), mix(407, dir, th, wd, td), mix(408, dir, wh, wd, td),
		mix(409, dir, wh, th, td), mix(410, dir, wh, th, wd), mix(411, dir, wh, wd), mix(412, dir, th, td),
		mix(413, dir, uh, ud),
		mix(414, dir, th, s.tags[hn], s.tags[dp], td), mix(415, dir, s.tags[hp], th, s.tags[dp], td),
		mix(416, dir, th, s.tags[hn], td, s.tags[dn]), mix(417, dir, s.tags[hp], th, td, s.tags[dn]),
		mix(418, dir, uh, s.upos[hn], s.upos[dp], ud), mix(419, dir, s.upos[hp], uh, ud, s.upos[dn]),
		mix(420, dir, th, td, pb, vb), mix(421, dir, uh, ud, pb, vb, dd),
		// with the arc's length
		mix(430, k), mix(431, k, th, td), mix(432, k, wh, td), mix(433, k, th, wd), mix(434, k, uh, ud),
		mix(435, k, th), mix(436, k, td), mix(437, k, wh, wd), mix(438, k, wh, th, wd, td),
		mix(439, k, th, s.tags[hn], s.tags[dp], td), mix(440, k, s.tags[hp], th, td, s.tags[dn]),
		// prefixes, which rare words share with common ones
		mix(460, dir, ph, th), mix(461, dir, pd, td), mix(462, dir, ph, th, pd, td), mix(463, dir, ph, pd),
		mix(464, dir, ph, td), mix(465, dir, th, pd), mix(466, dir, ph, th, td), mix(467, dir, th, pd, td),
		mix(468, k, ph, pd), mix(469, dir, wh, ud), mix(470, dir, uh, wd),
	)
	if s.gh != nil {
		out = stackedFeatures(s, n, h, d, dir, k, out)
	}
	if h < n {
		// each universal tag between the two words (McDonald et al.'s
		// in-between templates, one feature a tag however often it occurs)
		lo, hi := min(h, d), max(h, d)
		if hi-lo > 1 {
			a, b := s.cnt[(lo+1)*numUPOS:(lo+2)*numUPOS], s.cnt[hi*numUPOS:(hi+1)*numUPOS]
			for u := range numUPOS {
				if b[u] > a[u] {
					out = append(out, mix(450, dir, th, uint64(u), td), mix(451, k, uh, uint64(u), ud))
				}
			}
		}
	}
	return out
}

// stackedFeatures appends what the guide parser says of the arc h → d
// (Nivre and McDonald 2008's guide features): whether it chose the arc, with
// its label and the words' tags; whether it chose the reverse arc, made h
// d's grandparent or d's sibling; and, where it chose another head, that
// head's tag. The model learns where the guide is to be trusted.
func stackedFeatures(s *arcSent, n, h, d int, dir, k uint64, out []perceptron.Feature) []perceptron.Feature {
	th, td, uh, ud := s.tags[h], s.tags[d], s.upos[h], s.upos[d]
	g := d2b(s.gh[d] == h)
	gld := s.gl[d]
	glh, rev, sib := none, uint64(2), uint64(2)
	if h < n {
		glh, rev, sib = s.gl[h], d2b(s.gh[h] == d), d2b(s.gh[h] == s.gh[d])
	}
	gp := uint64(2)
	if g == 0 && s.gh[d] < n {
		gp = d2b(s.gh[s.gh[d]] == h)
	}
	return append(out,
		mix(480, dir, g), mix(481, dir, g, th, td), mix(482, dir, g, gld), mix(483, k, g),
		mix(484, dir, g, uh, ud, gld), mix(485, dir, rev, th, td), mix(486, dir, gp, th, td),
		mix(487, dir, g, glh, gld), mix(488, dir, g, s.tags[s.gh[d]], th, td), mix(489, dir, g, sib, uh, ud),
	)
}

func d2b(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// arcScores fills score[h][d] (n is the root) with the model's arc scores;
// arcs into the root and self-loops score -Inf.
func arcScores(s *arcSent, n int, sum func([]perceptron.Feature) float64, score [][]float64, feats []perceptron.Feature) []perceptron.Feature {
	return arcScoreRows(s, n, 0, n+1, sum, score, feats)
}

// arcScoreRows fills the rows from ≤ h < to of score as arcScores does.
func arcScoreRows(s *arcSent, n, from, to int, sum func([]perceptron.Feature) float64, score [][]float64, feats []perceptron.Feature) []perceptron.Feature {
	for h := from; h < to; h++ {
		for d := 0; d < n; d++ {
			if h == d {
				score[h][d] = math.Inf(-1)
				continue
			}
			feats = arcFeatures(s, n, h, d, feats[:0])
			score[h][d] = sum(feats)
		}
		score[h][n] = math.Inf(-1)
	}
	return feats
}

// bestTree returns the heads (n for the root) of the maximum spanning tree
// over score with exactly one word attached to the root. score is changed.
func bestTree(score [][]float64, n int) []int {
	heads := bestHeads(score, n)
	if isTree(heads, n) {
		return heads
	}
	// Every root arc pays more than any tree could gain, so the best tree
	// has one root arc.
	lo, hi := math.Inf(1), math.Inf(-1)
	for h := range score {
		for _, v := range score[h] {
			if !math.IsInf(v, 0) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	penalty := (hi-lo+1)*float64(n+1) + 1
	for d := range n {
		score[n][d] -= penalty
	}
	return maxSpanningTree(score, n)
}

func newScoreMatrix(n int) [][]float64 {
	score := make([][]float64, n+1)
	cells := make([]float64, (n+1)*(n+1))
	for h := range score {
		score[h], cells = cells[:n+1:n+1], cells[n+1:]
	}
	return score
}

// arcSentOf returns what the arc features of a sentence read, with the
// guide's parse of it if the model is stacked.
func (m *Model) arcSentOf(s *nlp.Sentence, sent *sentence, forms []string, n int) *arcSent {
	a := newArcSent(sent, forms, n)
	if m.guide != nil {
		heads, labels := m.guide.parse(s)
		a.gh, a.gl = heads, make([]uint64, n)
		for i, l := range labels {
			a.gl[i] = m.guide.labelHash[l]
		}
	}
	return a
}

// graphScores returns the arc model's score matrix of a sentence (see
// arcScores).
func (m *Model) graphScores(a *arcSent, n int) [][]float64 {
	score := newScoreMatrix(n)
	arcScores(a, n, func(f []perceptron.Feature) float64 { return float64(m.arcs.sum(f)) }, score, make([]perceptron.Feature, 0, 96))
	return score
}

// softVotes adds to votes[h][d] weight times the share of word d's
// probability mass that the arc model gives head h (a softmax of its arc
// scores over the heads, at temperature m.soft): a graph member's whole
// opinion, not only its best tree, so that where the transition parsers
// split it says which of their heads it finds likelier. The model reads
// left to right (WithSoftVotes).
func (m *Model) softVotes(s *nlp.Sentence, weight float64, votes [][]float64) {
	n := len(s.Tokens)
	forms, tags, upos := make([]string, n), make([]string, n), make([]string, n)
	for i, t := range s.Tokens {
		forms[i], tags[i], upos[i] = t.Text, t.Tag, t.UPOS
	}
	score := m.graphScores(m.arcSentOf(s, newSentence(forms, tags, upos, m.labelHash), forms, n), n)
	for d := range n {
		best := math.Inf(-1)
		for h := range n + 1 {
			best = max(best, score[h][d])
		}
		z := 0.0
		for h := range n + 1 {
			z += math.Exp((score[h][d] - best) / m.soft)
		}
		for h := range n + 1 {
			if !math.IsInf(score[h][d], -1) {
				votes[h][d] += weight * math.Exp((score[h][d]-best)/m.soft) / z
			}
		}
	}
}

// WithSoftVotes returns a copy of a graph model that votes in an ensemble
// with its softmax over each word's heads at temperature t (in the model's
// score units) instead of with its best tree; t <= 0 votes with the tree.
func (m *Model) WithSoftVotes(t float64) (*Model, error) {
	if m.arcs == nil || m.rtl {
		return nil, fmt.Errorf("parser: only a left-to-right graph model votes softly")
	}
	c := *m
	c.soft = t
	return &c, nil
}

// graphScorers is how many goroutines score a training sentence's arcs.
const graphScorers = 4

// trainGraphOne trains the arc model as a structured perceptron: each
// sentence is decoded with the current weights, the gold tree's arcs gain
// and the predicted tree's wrong arcs lose (Collins 2002; McDonald et al.
// 2005 with one-best updates). Gold trees stay non-projective.
func trainGraphOne(ctx context.Context, data []example, epochs int, seed uint64, logf func(string, ...any)) (*perceptron.Trainer, error) {
	tr := perceptron.NewTrainer([]string{"arc"})
	shuffle, _ := newShuffler(len(data), seed)
	// Scoring a sentence's arcs, most of the work, only reads the weights:
	// goroutines share it by rows, each with its own buffers, and the
	// updates follow in one. The scores, and so the model, do not depend
	// on it.
	type scorer struct {
		one   []float32
		feats []perceptron.Feature
		sum   func([]perceptron.Feature) float64
	}
	var scorers [graphScorers]scorer
	for i := range scorers {
		sc := &scorers[i]
		sc.one, sc.feats = make([]float32, 1), make([]perceptron.Feature, 0, 96)
		sc.sum = func(f []perceptron.Feature) float64 {
			tr.Scores(f, sc.one)
			return float64(sc.one[0])
		}
	}
	feats := make([]perceptron.Feature, 0, 96)
	for epoch := range epochs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("parser: training: %w", err)
		}
		right, total := 0, 0
		for _, ei := range shuffle() {
			ex := &data[ei]
			n := len(ex.heads)
			score := newScoreMatrix(n)
			as := newArcSent(ex.sent, ex.forms, n)
			as.gh, as.gl = ex.guideHeads, ex.guideLabels
			if n < 12 {
				feats = arcScores(as, n, scorers[0].sum, score, feats)
			} else {
				var wg sync.WaitGroup
				for i := range scorers {
					from, to := i*(n+1)/len(scorers), (i+1)*(n+1)/len(scorers)
					wg.Go(func() {
						scorers[i].feats = arcScoreRows(as, n, from, to, scorers[i].sum, score, scorers[i].feats)
					})
				}
				wg.Wait()
			}
			pred := bestTree(score, n)
			tr.Tick()
			for d := range n {
				total++
				g, p := ex.gold[d], pred[d]
				if g == p {
					right++
					continue
				}
				feats = arcFeatures(as, n, g, d, feats[:0])
				tr.Add(0, 1, feats)
				feats = arcFeatures(as, n, p, d, feats[:0])
				tr.Add(0, -1, feats)
			}
		}
		logf("parser: epoch %d: heads %.4f right", epoch+1, float64(right)/float64(max(total, 1)))
	}
	return tr, nil
}
