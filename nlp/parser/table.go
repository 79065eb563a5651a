package parser

import (
	"bytes"
	"fmt"
	"math/bits"

	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// The parser scores with its weights as the model file stores them, 16-bit
// integers against one scale per model: the best move or label is the same
// for sums of the integers as for sums of the weights they stand for, and
// the tables take half the memory of float32 ones and fit more of
// themselves in cache. (A sum of a few hundred int16 values is exact in a
// float32.)

// moveTable holds the move model's weights inline with their keys in an
// open-addressing table: scoring a move reads ~150 features, and one cache
// line per feature instead of a map lookup and a weight row is what makes
// the parser fast.
type moveTable struct {
	slots   []moveSlot
	mask    uint64
	keyMask uint64 // the key bits the model file kept (perceptron.KeyMask)
}

type moveSlot struct {
	key uint64 // 0 marks an empty slot
	w   [numMoves]int16
}

// tableSize is the power of two that keeps the load factor at most 1/2:
// short probe runs matter more than the memory of the empty slots.
func tableSize(n int) int { return 1 << bits.Len(uint(2*n+1)) }

// readMoveTable builds the move table from a perceptron model file.
func readMoveTable(file []byte) (*moveTable, error) {
	t := &moveTable{}
	err := perceptron.Scan(bytes.NewReader(file), func(h perceptron.Header) error {
		if len(h.Classes) != numMoves {
			return fmt.Errorf("parser: move model has %d classes, want %d", len(h.Classes), numMoves)
		}
		size := tableSize(h.Features)
		t.slots, t.mask, t.keyMask = make([]moveSlot, size), uint64(size-1), perceptron.KeyMask(h.KeyBits)
		return nil
	}, func(f perceptron.Feature, q []int16) {
		key := uint64(f)
		if key == 0 {
			return // the empty marker; one key in 2^64 is not worth a branch per lookup
		}
		i := key & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i].key = key
		copy(t.slots[i].w[:], q)
	})
	if err != nil {
		return nil, fmt.Errorf("parser: move model: %w", err)
	}
	return t, nil
}

// scores sums the weights of feats into scores (zeroed first).
func (t *moveTable) scores(feats []perceptron.Feature, scores *[numMoves]float32) {
	var s0, s1, s2 int32
	for _, f := range feats {
		key := uint64(f) & t.keyMask
		for i := key & t.mask; ; i = (i + 1) & t.mask {
			s := &t.slots[i]
			if s.key == key {
				s0 += int32(s.w[0])
				s1 += int32(s.w[1])
				s2 += int32(s.w[2])
				break
			}
			if s.key == 0 {
				break
			}
		}
	}
	scores[0], scores[1], scores[2] = float32(s0), float32(s1), float32(s2)
}

// labelTable holds the label model: keys in an open-addressing array, each
// with the index of its row of weights in a dense array, so the empty slots
// cost 16 bytes rather than a row of 48 weights.
type labelTable struct {
	classes []string
	slots   []labelSlot
	weights []int16 // len(classes) per row
	mask    uint64
	keyMask uint64 // as moveTable's
	sums    int    // len(classes)
}

type labelSlot struct {
	key uint64 // 0 marks an empty slot
	row int32
}

func readLabelTable(file []byte) (*labelTable, error) {
	t := &labelTable{}
	row := int32(0)
	err := perceptron.Scan(bytes.NewReader(file), func(h perceptron.Header) error {
		size := tableSize(h.Features)
		t.classes, t.sums = h.Classes, len(h.Classes)
		t.slots, t.mask, t.keyMask = make([]labelSlot, size), uint64(size-1), perceptron.KeyMask(h.KeyBits)
		t.weights = make([]int16, 0, h.Features*len(h.Classes))
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
		t.slots[i] = labelSlot{key, row}
		t.weights = append(t.weights, q...)
		row++
	})
	if err != nil {
		return nil, fmt.Errorf("parser: label model: %w", err)
	}
	return t, nil
}

// predict returns the best-scoring label among those allowed; sums is
// scratch space of one int32 per label.
func (t *labelTable) predict(feats []perceptron.Feature, sums []int32, allowed func(int) bool) int {
	clear(sums)
	n := t.sums
	sums = sums[:n]
	for _, f := range feats {
		key := uint64(f) & t.keyMask
		if key == 0 {
			continue // would match an empty slot, whose row 0 is another feature's
		}
		for i := key & t.mask; ; i = (i + 1) & t.mask {
			s := t.slots[i]
			if s.key == key {
				r := int(s.row) * n
				addRow(sums, t.weights[r:r+n:r+n])
				break
			}
			if s.key == 0 {
				break
			}
		}
	}
	best := -1
	for c, s := range sums {
		if allowed(c) && (best < 0 || s > sums[best]) {
			best = c
		}
	}
	return best
}

// addRow adds w into sums (of the same length), four at a time and without
// bounds checks in the loop: this is where labelling spends its time.
func addRow(sums []int32, w []int16) {
	w = w[:len(sums)]
	c := 0
	for ; c+4 <= len(sums); c += 4 {
		s, v := sums[c:c+4:c+4], w[c:c+4:c+4]
		s[0] += int32(v[0])
		s[1] += int32(v[1])
		s[2] += int32(v[2])
		s[3] += int32(v[3])
	}
	for ; c < len(sums); c++ {
		sums[c] += int32(w[c])
	}
}
