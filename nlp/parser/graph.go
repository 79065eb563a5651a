package parser

import (
	"bytes"
	"context"
	"fmt"
	"math"

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

// arcFeatures appends the features of the arc h → d (h == n for the root):
// McDonald et al.'s unigram, bigram and surrounding-tag templates, each with
// the arc's direction, and the core ones again with its length.
func arcFeatures(s *sentence, n, h, d int, out []perceptron.Feature) []perceptron.Feature {
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
	wh, th, uh := s.words[h], s.tags[h], s.upos[h]
	wd, td, ud := s.words[d], s.tags[d], s.upos[d]
	k := dir*16 + dd
	return append(out,
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
	)
}

// arcScores fills score[h][d] (n is the root) with the model's arc scores;
// arcs into the root and self-loops score -Inf.
func arcScores(s *sentence, n int, sum func([]perceptron.Feature) float64, score [][]float64, feats []perceptron.Feature) []perceptron.Feature {
	for h := 0; h <= n; h++ {
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

// parseGraph returns the head of each word (n for the root) of the tree the
// arc model scores best.
func (m *Model) parseGraph(sent *sentence, n int) []int {
	score := newScoreMatrix(n)
	arcScores(sent, n, func(f []perceptron.Feature) float64 { return float64(m.arcs.sum(f)) }, score, make([]perceptron.Feature, 0, 48))
	return bestTree(score, n)
}

// trainGraphOne trains the arc model as a structured perceptron: each
// sentence is decoded with the current weights, the gold tree's arcs gain
// and the predicted tree's wrong arcs lose (Collins 2002; McDonald et al.
// 2005 with one-best updates). Gold trees stay non-projective.
func trainGraphOne(ctx context.Context, data []example, epochs int, seed uint64, logf func(string, ...any)) (*perceptron.Trainer, error) {
	tr := perceptron.NewTrainer([]string{"arc"})
	shuffle, _ := newShuffler(len(data), seed)
	one := make([]float32, 1)
	sum := func(f []perceptron.Feature) float64 {
		tr.Scores(f, one)
		return float64(one[0])
	}
	feats := make([]perceptron.Feature, 0, 48)
	for epoch := range epochs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("parser: training: %w", err)
		}
		right, total := 0, 0
		for _, ei := range shuffle() {
			ex := &data[ei]
			n := len(ex.heads)
			score := newScoreMatrix(n)
			feats = arcScores(ex.sent, n, sum, score, feats)
			pred := bestTree(score, n)
			tr.Tick()
			for d := range n {
				total++
				g, p := ex.gold[d], pred[d]
				if g == p {
					right++
					continue
				}
				feats = arcFeatures(ex.sent, n, g, d, feats[:0])
				tr.Add(0, 1, feats)
				feats = arcFeatures(ex.sent, n, p, d, feats[:0])
				tr.Add(0, -1, feats)
			}
		}
		logf("parser: epoch %d: heads %.4f right", epoch+1, float64(right)/float64(max(total, 1)))
	}
	return tr, nil
}
