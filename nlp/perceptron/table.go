package perceptron

import "math/bits"

// Table is a read-only copy of a Model laid out for scoring speed: keys in an
// open-addressing array probed linearly, each key's weights in one row of a
// flat array. A tagger or parser scores dozens of features per word, and a
// map lookup per feature was most of its time.
type Table struct {
	keys    []uint64 // 0 marks an empty slot
	weights []float32
	mask    uint64
	n       int
	zero    []float32 // the weights of the feature whose key is 0, if any
	keyMask uint64    // as Model's
}

// Table builds the model's Table.
func (m *Model) Table() *Table {
	n := len(m.Classes)
	size := 1 << bits.Len(uint(2*len(m.index)+1)) // load factor at most 1/2
	t := &Table{keys: make([]uint64, size), weights: make([]float32, size*n), mask: uint64(size - 1), n: n, keyMask: m.keyMask}
	for f, off := range m.index {
		w := m.weights[off : int(off)+n]
		key := uint64(f)
		if key == 0 {
			t.zero = append([]float32(nil), w...)
			continue
		}
		// Keys are hashes already: their low bits spread well.
		i := key & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i] = key
		copy(t.weights[int(i)*n:], w)
	}
	return t
}

// Scores adds each class's score for the features into scores, which must
// have one entry per class and is zeroed first; as Model.Scores.
func (t *Table) Scores(feats []Feature, scores []float32) {
	clear(scores)
	scores = scores[:t.n]
	for _, f := range feats {
		key := uint64(f)
		if t.keyMask != 0 {
			key &= t.keyMask
		}
		if key == 0 {
			if t.zero != nil {
				for c, w := range t.zero {
					scores[c] += w
				}
			}
			continue
		}
		for i := key & t.mask; ; i = (i + 1) & t.mask {
			k := t.keys[i]
			if k == key {
				addRow(scores, t.weights[int(i)*t.n:int(i+1)*t.n])
				break
			}
			if k == 0 {
				break
			}
		}
	}
}

// Predict returns the best-scoring class among those allowed, as
// Model.Predict.
func (t *Table) Predict(feats []Feature, scores []float32, allowed func(int) bool) int {
	t.Scores(feats, scores)
	return Best(scores, allowed)
}

// addRow adds w into scores (of the same length), four at a time: this loop
// is where a tagger spends its time.
func addRow(scores, w []float32) {
	w = w[:len(scores)]
	c := 0
	for ; c+4 <= len(scores); c += 4 {
		s, v := scores[c:c+4:c+4], w[c:c+4:c+4]
		s[0] += v[0]
		s[1] += v[1]
		s[2] += v[2]
		s[3] += v[3]
	}
	for ; c < len(scores); c++ {
		scores[c] += w[c]
	}
}
