// Package ner is newsgraph's named-entity recogniser: a greedy left-to-right
// tagger over BILOU labels for PER, ORG, LOC and MISC, scored by an averaged
// perceptron with the features of Ratinov & Roth (2009): word forms, shapes,
// affixes, a window of context, previous labels, the labels the same word
// got earlier in the document, the contexts of its other mentions, gazetteer
// matches and word clusters derived from unlabelled news. A second stage
// relabels the document reading the first stage's labels of the words to
// the right and of every mention of the same word. It is trained on
// CoNLL-2003 by `newsgraph train ner`.
package ner

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

//go:embed data/model.bin data/gazetteer.txt.gz data/clusters.txt.gz
var data embed.FS

// Model labels named entities. It is read-only once loaded and may be shared
// by any number of goroutines.
type Model struct {
	stages []*perceptron.Model // the first stage, then optionally the second
	tables []*table            // the stages' weights, laid out for fast lookup
	beam   int                 // beam width when labelling; 1 is greedy
	temp   float32             // the beam's softmax temperature
	*Resources
}

// Load reads the model compiled into the binary. Load it once and share it.
func Load() (*Model, error) {
	res, err := DefaultResources()
	if err != nil {
		return nil, err
	}
	b, err := data.ReadFile("data/model.bin")
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return ReadModel(bytes.NewReader(b), res)
}

// modelMagic starts a model file: then the number of stages and each
// stage's gzip'd perceptron file, preceded by its length.
const modelMagic = "ngner1\n"

// ReadModel reads a model file written by Model.Write; its features read
// the given gazetteer and clusters, which must be those it was trained with.
func ReadModel(r io.Reader, res *Resources) (*Model, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("ner: not a model file (bad header)")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n < 1 || n > 2 {
		return nil, fmt.Errorf("ner: model file: %d stages (%v), want 1 or 2", n, err)
	}
	m := &Model{Resources: res, beam: beamWidth, temp: beamTemp}
	for range n {
		size, err := binary.ReadUvarint(br)
		if err != nil || size > 1<<30 {
			return nil, fmt.Errorf("ner: model file: stage size: %v", err)
		}
		w, err := perceptron.Read(io.LimitReader(br, int64(size)))
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		if !slices.Equal(w.Classes, classes) {
			return nil, fmt.Errorf("ner: model file has classes %v, want %v", w.Classes, classes)
		}
		m.stages = append(m.stages, w)
		m.tables = append(m.tables, newTable(w))
	}
	return m, nil
}

// Write stores the model: its stages' weights, gzip'd and deterministic.
func (m *Model) Write(w io.Writer) error {
	var out bytes.Buffer
	out.WriteString(modelMagic)
	out.Write(binary.AppendUvarint(nil, uint64(len(m.stages))))
	for _, s := range m.stages {
		var b bytes.Buffer
		if err := s.Write(&b); err != nil {
			return fmt.Errorf("ner: %w", err)
		}
		out.Write(binary.AppendUvarint(nil, uint64(b.Len())))
		out.Write(b.Bytes())
	}
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	return nil
}

// NumFeatures is the number of weighted features in the model's stages.
func (m *Model) NumFeatures() int {
	n := 0
	for _, s := range m.stages {
		n += s.NumFeatures()
	}
	return n
}

// Label fills Token.Ent of every token of the document with an IOB2 label.
// Labelling a whole document at once lets a name's mentions inform each
// other.
func (m *Model) Label(doc *nlp.Doc) {
	toks := m.prepare(doc)
	var sc [2]scorer
	for i, s := range m.stages {
		sc[i] = s
		if i < len(m.tables) {
			sc[i] = m.tables[i]
		}
	}
	// Both stages read the same static features: compute them once.
	static := make([][][]perceptron.Feature, len(toks))
	var all featureSet
	for si, ts := range toks {
		static[si] = make([][]perceptron.Feature, len(ts))
		for i := range ts {
			start := len(all)
			staticFeatures(&all, ts, i)
			static[si][i] = all[start:len(all):len(all)]
		}
	}
	first := labelStage(sc[0], toks, static, nil, m.beam, m.temp)
	final := first
	if len(m.stages) > 1 {
		final = labelStage(sc[1], toks, static, first, m.beam, m.temp)
	}
	for si, labels := range final {
		for i, c := range labels {
			doc.Sentences[si].Tokens[i].Ent = iob2(c)
		}
	}
}

// labelStage labels every sentence with one stage; prev is the first
// stage's labels when sc is the second stage.
func labelStage(sc scorer, toks [][]tok, static [][][]perceptron.Feature, prev [][]int, beam int, temp float32) [][]int {
	d := newDecoder(toks, static, prev)
	out := make([][]int, len(toks))
	for si := range toks {
		if beam > 1 {
			out[si] = slices.Clone(d.beamSentence(sc, si, beam, temp))
		} else {
			out[si] = slices.Clone(d.sentence(sc, si, nil))
		}
	}
	return out
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
	first   [][]int                  // the first stage's labels, when decoding the second
	firstBy map[string]*typeCounts
	spans   [][][]string // per token, first-stage entity names elsewhere in the document that cover it
	history map[string]*typeCounts
	fs      featureSet
	scores  []float32
	labels  []int
}

func newDecoder(toks [][]tok, static [][][]perceptron.Feature, first [][]int) *decoder {
	d := &decoder{
		toks:    toks,
		static:  static,
		first:   first,
		history: map[string]*typeCounts{},
		scores:  make([]float32, len(classes)),
	}
	if first != nil {
		d.firstBy = map[string]*typeCounts{}
		for si, ls := range first {
			for i, c := range ls {
				k := &toks[si][i]
				if !k.upper || c == 0 {
					continue
				}
				h := d.firstBy[k.lower]
				if h == nil {
					h = &typeCounts{}
					d.firstBy[k.lower] = h
				}
				h[typ(c)]++
			}
		}
		d.spans = firstStageSpans(toks, first)
	}
	return d
}

// firstStageSpans marks each token covered by a name the first stage found
// somewhere in the document, wherever that name occurs, with the name's
// types and the token's place in it ("ORG-B"): a name recognised once is
// likely the same thing where the first stage missed or mistyped it.
func firstStageSpans(toks [][]tok, first [][]int) [][][]string {
	names := map[string]*typeCounts{}
	longest := 0
	var key strings.Builder
	text := func(ts []tok) string {
		key.Reset()
		for j, t := range ts {
			if j > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(t.lower)
		}
		return key.String()
	}
	for si, ls := range first {
		start := -1
		for i, c := range ls {
			switch part(c) {
			case 'B', 'U':
				start = i
			}
			if (part(c) == 'L' || part(c) == 'U') && start >= 0 {
				name := text(toks[si][start : i+1])
				if names[name] == nil {
					names[name] = &typeCounts{}
				}
				names[name][typ(c)]++
				longest = max(longest, i+1-start)
				start = -1
			}
		}
	}
	out := make([][][]string, len(toks))
	for si, ts := range toks {
		out[si] = make([][]string, len(ts))
		for i := 0; i < len(ts); i++ {
			if !ts[i].upper {
				continue
			}
			for l := min(longest, len(ts)-i); l >= 1; l-- {
				counts := names[text(ts[i:i+l])]
				if counts == nil {
					continue
				}
				shares(counts, func(typ, share string) {
					for j := i; j < i+l; j++ {
						pos := "I"
						switch {
						case l == 1:
							pos = "U"
						case j == i:
							pos = "B"
						case j == i+l-1:
							pos = "L"
						}
						out[si][j] = append(out[si][j], typ+"-"+pos+"-"+share)
					}
				})
				break
			}
		}
	}
	return out
}

// Labelling keeps the beamWidth best partial labellings of a sentence,
// scoring each token's choices by a softmax of the perceptron's scores
// divided by beamTemp, over the classes allowed after the previous label.
// That local normalisation gives a token inside an entity (two choices, I
// or L) a larger share than one outside (nine), so a temperature too high
// for the weights' scale runs entities on: at 30, "Senate Majority Leader
// Mitch" came out one ORG; at 60 dev F1 falls to 0.64. Tuned on CoNLL-2003
// dev with the model trained before the title rule: greedy 0.9228, width 4
// at temperature 3: 0.9220, 5: 0.9222, 10: 0.9240. The stage-2 training labels are decoded with the
// same settings, so retrain after changing them.
const (
	beamWidth         = 4
	beamTemp  float32 = 10
)

// labelFree appends to d.fs the features of token i of sentence si that do
// not depend on the labels of this sentence: the static ones, the prediction
// history hist (for capitalised words; nil counts as none yet) and, in the
// second stage, the first stage's labels.
func (d *decoder) labelFree(si, i int, hist *typeCounts) {
	toks := d.toks[si]
	k := &toks[i]
	if d.static != nil {
		d.fs = append(d.fs, d.static[si][i]...)
	} else {
		staticFeatures(&d.fs, toks, i)
	}
	if k.upper {
		if hist == nil {
			hist = &typeCounts{}
		}
		historyFeatures(&d.fs, hist)
	}
	if d.first != nil {
		var own *typeCounts
		if k.upper {
			own = d.firstBy[k.lower]
		}
		secondStageFeatures(&d.fs, d.first[si], i, own)
		for _, sp := range d.spans[si][i] {
			d.fs.add(tFirstSpan, sp)
		}
	}
}

// beamItem is one partial labelling of a sentence in beam search.
type beamItem struct {
	score  float32
	class  int
	parent int // index of the item it extends at the previous token
}

// beamSentence labels sentence si with a small beam instead of greedily, so
// a name's end can revise how its start was read. The document's
// prediction history is read as it stood before the sentence.
func (d *decoder) beamSentence(sc scorer, si, width int, temp float32) []int {
	toks := d.toks[si]
	steps := make([][]beamItem, len(toks))
	flat := make([]beamItem, len(toks)*width)
	for i := range steps {
		steps[i] = flat[i*width : i*width : (i+1)*width]
	}
	prev := []beamItem{{class: 0, parent: -1}}
	base := make([]float32, len(classes))
	for i := range toks {
		k := &toks[i]
		d.fs = d.fs[:0]
		d.labelFree(si, i, d.history[k.lower])
		sc.Scores(d.fs, base)
		last := 0
		if i == len(toks)-1 {
			last = 1
		}
		// Keep the width best extensions, in order; ties keep the first
		// found, so labelling is deterministic.
		top := steps[i][:0:width]
		// A title may end no path that is inside an entity; if that ends
		// them all, the title is read as the ordinary word it may be.
		rules := &transitions
		if k.endsName {
			rules = &barred
		}
	extend:
		for pi, it := range prev {
			ok := &rules[last][it.class]
			p2 := 0
			if i > 1 {
				p2 = prev[pi].classAt(steps, i-1)
			}
			d.fs = d.fs[:0]
			labelFeatures(&d.fs, k, classes[it.class], classes[p2])
			sc.Scores(d.fs, d.scores)
			// Perceptron scores are only comparable within one token's
			// choice, so paths add up log-softmax shares instead.
			best := float32(math.Inf(-1))
			for c := range classes {
				d.scores[c] = (d.scores[c] + base[c]) / temp
				if ok[c] {
					best = max(best, d.scores[c])
				}
			}
			sum := 0.0
			for c := range classes {
				if ok[c] {
					sum += math.Exp(float64(d.scores[c] - best))
				}
			}
			norm := best + float32(math.Log(sum))
			for c := range classes {
				if !ok[c] {
					continue
				}
				cand := beamItem{score: it.score + d.scores[c] - norm, class: c, parent: pi}
				if len(top) == width && cand.score <= top[width-1].score {
					continue
				}
				j := len(top)
				if j < width {
					top = append(top, cand)
				} else {
					j = width - 1
				}
				for j > 0 && top[j-1].score < cand.score {
					top[j] = top[j-1]
					j--
				}
				top[j] = cand
			}
		}
		if len(top) == 0 && rules != &transitions {
			rules = &transitions
			goto extend
		}
		steps[i] = top
		prev = top
	}
	d.labels = d.labels[:0]
	for i, at := len(toks)-1, 0; i >= 0; i-- {
		it := steps[i][at]
		d.labels = append(d.labels, it.class)
		at = it.parent
	}
	slices.Reverse(d.labels)
	for i, c := range d.labels {
		if k := &toks[i]; k.upper && c > 0 {
			hist := d.history[k.lower]
			if hist == nil {
				hist = &typeCounts{}
				d.history[k.lower] = hist
			}
			hist[typ(c)]++
		}
	}
	return d.labels
}

// classAt is the class of the item's parent, the label two tokens back
// from the token being labelled.
func (it beamItem) classAt(steps [][]beamItem, i int) int {
	if it.parent < 0 || i == 0 {
		return 0
	}
	return steps[i-1][it.parent].class
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
		var hist *typeCounts
		if k.upper {
			hist = d.history[k.lower]
			if hist == nil {
				hist = &typeCounts{}
				d.history[k.lower] = hist
			}
		}
		d.fs = d.fs[:0]
		d.labelFree(si, i, hist)
		labelFeatures(&d.fs, k, classes[p1], classes[p2])
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
