package parser

import (
	"math/bits"

	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// moveTable holds the move model's weights inline with their keys in an
// open-addressing table: scoring a move reads ~100 features, and one cache
// line per feature instead of a map lookup and a weight row is what makes
// the parser fast.
type moveTable struct {
	slots []moveSlot
	mask  uint64
}

type moveSlot struct {
	key uint64 // 0 marks an empty slot
	w   [numMoves]float32
}

func newMoveTable(m *perceptron.Model) *moveTable {
	size := 1 << bits.Len(uint(2*m.NumFeatures()+1)) // load factor at most 1/2
	t := &moveTable{slots: make([]moveSlot, size), mask: uint64(size - 1)}
	m.Each(func(f perceptron.Feature, w []float32) {
		key := uint64(f)
		if key == 0 {
			return // the empty marker; one key in 2^64 is not worth a branch per lookup
		}
		i := key & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i].key = key
		copy(t.slots[i].w[:], w)
	})
	return t
}

// scores sums the weights of feats into scores (zeroed first).
func (t *moveTable) scores(feats []perceptron.Feature, scores *[numMoves]float32) {
	*scores = [numMoves]float32{}
	for _, f := range feats {
		key := uint64(f)
		for i := key & t.mask; ; i = (i + 1) & t.mask {
			s := &t.slots[i]
			if s.key == key {
				scores[0] += s.w[0]
				scores[1] += s.w[1]
				scores[2] += s.w[2]
				break
			}
			if s.key == 0 {
				break
			}
		}
	}
}
