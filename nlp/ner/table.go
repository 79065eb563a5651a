package ner

import (
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// table is a perceptron's weights in an open-addressing hash table keyed by
// the feature hashes themselves (already uniformly random), which looks a
// feature up several times faster than a Go map: labelling spends most of
// its time there.
type table struct {
	keys    []uint64 // 0 marks an empty slot
	weights []float32
	mask    uint64
	n       int // classes
}

func newTable(m *perceptron.Model) *table {
	size := 1
	for size < 2*m.NumFeatures()+1 {
		size <<= 1
	}
	t := &table{keys: make([]uint64, size), weights: make([]float32, size*m.NumClasses()), mask: uint64(size - 1), n: m.NumClasses()}
	m.Each(func(f perceptron.Feature, w []float32) {
		k := uint64(f)
		if k == 0 {
			k = 1 // 0 marks empty slots; one feature in 2^64 shares a key
		}
		i := k & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i] = k
		copy(t.weights[int(i)*t.n:], w)
	})
	return t
}

// Scores adds each class's score for the features into scores (zeroed first).
func (t *table) Scores(feats []perceptron.Feature, scores []float32) {
	clear(scores)
	n := t.n
	for _, f := range feats {
		k := uint64(f)
		if k == 0 {
			k = 1
		}
		i := k & t.mask
		for {
			key := t.keys[i]
			if key == k {
				w := t.weights[int(i)*n : int(i)*n+n]
				for c := range scores {
					scores[c] += w[c]
				}
				break
			}
			if key == 0 {
				break
			}
			i = (i + 1) & t.mask
		}
	}
}
