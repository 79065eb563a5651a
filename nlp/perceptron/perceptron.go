// Package perceptron is the averaged multiclass perceptron that every trained
// component of package nlp learns with (Collins 2002; Honnibal's "A good POS
// tagger in about 200 lines"). Features are hashed to 64-bit keys, so a model
// is a table of keys and per-class weights, which is compact after pruning
// and quick to look up.
package perceptron

import (
	"errors"
	"hash/fnv"
	"math"
	"slices"
)

// Feature is a hashed feature key. Build one with Hash.
type Feature uint64

// Hash hashes a feature's parts (a template name and its values) into a key.
func Hash(parts ...string) Feature {
	h := fnv.New64a()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	return Feature(h.Sum64())
}

// Model holds per-class weights for each feature. A Model is read-only once
// trained or loaded and may be shared by any number of goroutines.
type Model struct {
	Classes []string
	index   map[Feature]int32 // feature → offset of its weights in weights
	weights []float32         // len(Classes) weights per feature
	// keyMask, when not 0, is the mask of the key bits a compact file
	// kept: features are looked up by those bits.
	keyMask uint64
	// fileScale is the scale of the file the model was read from, or 0
	// (see quantize16).
	fileScale float32
}

// key is the key a feature is looked up by.
func (m *Model) key(f Feature) Feature {
	if m.keyMask != 0 {
		return f & Feature(m.keyMask)
	}
	return f
}

// NumClasses is the number of classes the model scores.
func (m *Model) NumClasses() int { return len(m.Classes) }

// NumFeatures is the number of features with weights.
func (m *Model) NumFeatures() int { return len(m.index) }

// ClassIndex returns the index of a class name, or -1.
func (m *Model) ClassIndex(name string) int {
	for i, c := range m.Classes {
		if c == name {
			return i
		}
	}
	return -1
}

// Scores adds each class's score for the features into scores, which must
// have NumClasses entries and is zeroed first.
func (m *Model) Scores(feats []Feature, scores []float32) {
	clear(scores)
	n := len(m.Classes)
	for _, f := range feats {
		off, ok := m.index[m.key(f)]
		if !ok {
			continue
		}
		w := m.weights[off : int(off)+n]
		for c := range scores {
			scores[c] += w[c]
		}
	}
}

// Predict returns the best-scoring class among those allowed (nil allows all).
func (m *Model) Predict(feats []Feature, scores []float32, allowed func(int) bool) int {
	m.Scores(feats, scores)
	return Best(scores, allowed)
}

// Best returns the index of the highest score among the allowed classes; ties
// go to the lower index, so prediction is deterministic. It returns -1 when
// nothing is allowed.
func Best(scores []float32, allowed func(int) bool) int {
	best, bestScore := -1, float32(math.Inf(-1))
	for c, s := range scores {
		if allowed != nil && !allowed(c) {
			continue
		}
		if best < 0 || s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}

// Prune returns a copy of the model without the features whose weights are
// all below threshold in magnitude: a smaller file for a little accuracy.
func (m *Model) Prune(threshold float32) *Model {
	n := len(m.Classes)
	out := &Model{Classes: m.Classes, index: make(map[Feature]int32, len(m.index)), keyMask: m.keyMask, fileScale: m.fileScale}
	for f, off := range m.index {
		w := m.weights[off : int(off)+n]
		for _, x := range w {
			if x > threshold || x < -threshold {
				out.index[f] = int32(len(out.weights))
				out.weights = append(out.weights, w...)
				break
			}
		}
	}
	return out
}

// Each calls fn with every feature and its weights, one per class, in no
// particular order, so a component can copy them into a layout of its own.
// fn must not change or keep weights.
func (m *Model) Each(fn func(f Feature, weights []float32)) {
	n := len(m.Classes)
	for f, off := range m.index {
		fn(f, m.weights[off:int(off)+n])
	}
}

// Mean returns the model whose weights are the mean of the given models'
// (a feature missing from a model counts as zero there): averaging models
// trained on different orders of the data smooths each one's quirks at no
// cost at prediction time. The models must have the same classes.
func Mean(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, errors.New("perceptron: Mean of no models")
	}
	classes := models[0].Classes
	for _, m := range models[1:] {
		if !slices.Equal(m.Classes, classes) {
			return nil, errors.New("perceptron: Mean of models with different classes")
		}
		if m.keyMask != models[0].keyMask {
			return nil, errors.New("perceptron: Mean of models with different key bits")
		}
	}
	n := len(classes)
	out := &Model{Classes: slices.Clone(classes), index: map[Feature]int32{}, keyMask: models[0].keyMask}
	scale := 1 / float32(len(models))
	for _, m := range models {
		for f, off := range m.index {
			o, ok := out.index[f]
			if !ok {
				o = int32(len(out.weights))
				out.index[f] = o
				out.weights = append(out.weights, make([]float32, n)...)
			}
			for c, w := range m.weights[off : int(off)+n] {
				out.weights[int(o)+c] += w * scale
			}
		}
	}
	return out, nil
}
