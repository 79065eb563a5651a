// Package ner is newsgraph's named-entity recogniser: a greedy left-to-right
// tagger over BILOU labels for PER, ORG, LOC and MISC, scored by an averaged
// perceptron with the features of Ratinov & Roth (2009): word forms, shapes,
// affixes, a window of context, previous labels, the labels the same word
// got earlier in the document, gazetteer matches and word clusters derived
// from unlabelled news. It is trained on CoNLL-2003 by `newsgraph train ner`.
package ner

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"slices"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

//go:embed data/model.gz data/gazetteer.txt.gz data/clusters.txt.gz
var data embed.FS

// Model labels named entities. It is read-only once loaded and may be shared
// by any number of goroutines.
type Model struct {
	weights *perceptron.Model
	*Resources
}

// Load reads the model compiled into the binary. Load it once and share it.
func Load() (*Model, error) {
	res, err := DefaultResources()
	if err != nil {
		return nil, err
	}
	b, err := data.ReadFile("data/model.gz")
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return ReadModel(bytes.NewReader(b), res)
}

// ReadModel reads a model file written by Model.Write; its features read
// the given gazetteer and clusters, which must be those it was trained with.
func ReadModel(r io.Reader, res *Resources) (*Model, error) {
	w, err := perceptron.Read(r)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	if !slices.Equal(w.Classes, classes) {
		return nil, fmt.Errorf("ner: model file has classes %v, want %v", w.Classes, classes)
	}
	return &Model{weights: w, Resources: res}, nil
}

// Write stores the model's weights (gzip'd, deterministic).
func (m *Model) Write(w io.Writer) error { return m.weights.Write(w) }

// NumFeatures is the number of weighted features in the model.
func (m *Model) NumFeatures() int { return m.weights.NumFeatures() }

// Label fills Token.Ent of every token of the document with an IOB2 label.
// Labelling a whole document at once lets a name's earlier labels inform
// its later mentions.
func (m *Model) Label(doc *nlp.Doc) {
	d := m.newDecoder(doc, nil)
	for si := range doc.Sentences {
		labels := d.sentence(m.weights, si, nil)
		for i, c := range labels {
			doc.Sentences[si].Tokens[i].Ent = iob2(c)
		}
	}
}

// scorer is what decoding needs of a perceptron: the trainer while
// training, the averaged model after.
type scorer interface {
	Scores(feats []perceptron.Feature, scores []float32)
}

// decoder labels one document's sentences in order, carrying the prediction
// history across them.
type decoder struct {
	toks    [][]tok
	static  [][][]perceptron.Feature // optional precomputed static features per token
	history map[string]*[len(labelTypes)]int32
	fs      featureSet
	scores  []float32
	labels  []int
}

func (m *Model) newDecoder(doc *nlp.Doc, static [][][]perceptron.Feature) *decoder {
	return &decoder{
		toks:    m.prepare(doc),
		static:  static,
		history: map[string]*[len(labelTypes)]int32{},
		scores:  make([]float32, len(classes)),
	}
}

// sentence labels sentence si greedily under BILOU constraints. While
// training, learn is called at each token with its index, the guess and the
// token's features (which it must not keep).
func (d *decoder) sentence(sc scorer, si int, learn func(i, guess int, feats []perceptron.Feature)) []int {
	toks := d.toks[si]
	d.labels = d.labels[:0]
	p1, p2 := 0, 0
	for i := range toks {
		k := &toks[i]
		d.fs = d.fs[:0]
		if d.static != nil {
			d.fs = append(d.fs, d.static[si][i]...)
		} else {
			staticFeatures(&d.fs, toks, i)
		}
		var hist *[len(labelTypes)]int32
		if k.upper {
			hist = d.history[k.lower]
			if hist == nil {
				hist = &[len(labelTypes)]int32{}
				d.history[k.lower] = hist
			}
		}
		dynamicFeatures(&d.fs, k, classes[p1], classes[p2], hist)
		sc.Scores(d.fs, d.scores)
		last := i == len(toks)-1
		guess, best := -1, float32(0)
		for c, s := range d.scores {
			if allowed(p1, c, last) && (guess < 0 || s > best) {
				guess, best = c, s
			}
		}
		if learn != nil {
			learn(i, guess, d.fs)
		}
		if hist != nil && guess > 0 {
			hist[typ(guess)]++
		}
		d.labels = append(d.labels, guess)
		p2, p1 = p1, guess
	}
	return d.labels
}
