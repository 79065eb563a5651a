// Package parser builds labelled dependency trees (Universal Dependencies
// relations) over tagged sentences with a transition-based parser:
// arc-hybrid moves chosen by an averaged perceptron, and a second perceptron
// that labels each arc as it is made. The moves are either chosen greedily,
// by a model trained with a dynamic oracle (Goldberg and Nivre 2013), or
// searched with a beam, by a model trained globally on whole move sequences
// (Zhang and Clark 2008, Huang et al. 2012); the model file says which. See
// Train and Options.Beam.
//
// The embedded model (parser.model) is rebuilt, deterministically, from the
// Universal Dependencies English Web Treebank (Silveira et al. 2014; UD
// project, CC BY-SA 4.0), which is not part of the repository, after the
// tagger's model, whose tags it is scored with:
//
//	newsgraph train parser --train ../shared/nlp/ud-english-ewt/train.conllu \
//	    --dev ../shared/nlp/ud-english-ewt/dev.conllu --out nlp/parser/parser.model
package parser

import (
	"bytes"
	_ "embed" // the trained model
	"fmt"
	"io"
	"slices"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

//go:embed parser.model
var embedded []byte

const magic = "ngparser1\n"

// Model is a trained parser. It is read-only once loaded and safe for
// concurrent use by any number of goroutines.
type Model struct {
	table      *moveTable  // the move model, laid out for speed
	labelTable *labelTable // the label model, likewise
	labelHash  []uint64
	rootLabel  int
	beam       int // items kept by the beam search; 1 parses greedily
	// parts are the model file's parts (move model, label model), kept
	// for Write; when loaded they are the embedded bytes.
	parts [][]byte
}

// Load decodes the model embedded in the binary. Callers load it once and
// share it.
func Load() (*Model, error) { return readBytes(embedded) }

// newModel builds the scoring tables from the model file's parts; training
// goes through the same bytes, so a trained model parses as its file does.
func newModel(parts [][]byte) (*Model, error) {
	if len(parts) != 2 && len(parts) != 3 {
		return nil, fmt.Errorf("parser: model has %d parts, want 2 or 3", len(parts))
	}
	// A third part, present only in models trained for it, holds the
	// beam width the moves were trained with, which parsing must use.
	beam := 1
	if len(parts) == 3 {
		if _, err := fmt.Sscanf(string(parts[2]), "beam %d", &beam); err != nil || beam < 1 || beam > 64 {
			return nil, fmt.Errorf("parser: bad beam part %q", parts[2])
		}
	}
	table, err := readMoveTable(parts[0])
	if err != nil {
		return nil, err
	}
	labels, err := readLabelTable(parts[1])
	if err != nil {
		return nil, err
	}
	m := &Model{table: table, labelTable: labels, rootLabel: slices.Index(labels.classes, "root"), beam: beam, parts: parts}
	if m.rootLabel < 0 {
		return nil, fmt.Errorf("parser: model has no root label")
	}
	for _, l := range labels.classes {
		m.labelHash = append(m.labelHash, hashString(l))
	}
	return m, nil
}

// Labels returns the relations the model assigns.
func (m *Model) Labels() []string { return slices.Clone(m.labelTable.classes) }

// Parse fills Head and Rel of every token of s, which must be tagged (Tag
// and UPOS).
// Exactly one token gets Head -1 and Rel "root".
func (m *Model) Parse(s *nlp.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	forms, tags, upos := make([]string, n), make([]string, n), make([]string, n)
	for i, t := range s.Tokens {
		forms[i], tags[i], upos[i] = t.Text, t.Tag, t.UPOS
	}
	sent := newSentence(forms, tags, upos, m.labelHash)
	var st *state
	if m.beam > 1 {
		st = m.parseBeam(sent, n, m.beam)
	} else {
		st = m.parseGreedy(sent, n)
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Head, t.Rel = st.heads[i], m.labelTable.classes[st.labels[i]]
		if t.Head == n {
			t.Head = -1
		}
	}
}

// parseGreedy makes the best-scoring move at each step.
func (m *Model) parseGreedy(sent *sentence, n int) *state {
	st := newState(n)
	feats := make([]perceptron.Feature, 0, 128)
	var scores [numMoves]float32
	lsums := make([]int32, len(m.labelTable.classes))
	valid := func(c int) bool { return st.valid(c) }
	for !st.done() {
		feats = moveFeatures(sent, st, feats[:0])
		m.table.scores(feats, &scores)
		move := perceptron.Best(scores[:], valid)
		st.apply(move, m.label(sent, st, move, feats[:0], lsums))
	}
	return st
}

// label chooses the label of the arc a move makes; a word attached to the
// root is always "root", and only it.
func (m *Model) label(sent *sentence, st *state, move int, feats []perceptron.Feature, sums []int32) int {
	if move == shift {
		return 0
	}
	h, d := st.arc(move)
	if h == st.n {
		return m.rootLabel
	}
	feats = labelFeatures(sent, st, h, d, feats)
	return m.labelTable.predict(feats, sums, func(c int) bool { return c != m.rootLabel })
}

// Write saves the model: the move perceptron and the label perceptron. The
// same model always writes the same bytes.
func (m *Model) Write(w io.Writer) error {
	return perceptron.WriteBundle(w, magic, m.parts...)
}

// fromTrained makes the model of trained perceptrons; beam > 1 records the
// beam width the moves were trained for.
func fromTrained(moves, labels *perceptron.Model, beam int) (*Model, error) {
	var mv, lb bytes.Buffer
	if err := moves.Write(&mv); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	if err := labels.Write(&lb); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	parts := [][]byte{mv.Bytes(), lb.Bytes()}
	if beam > 1 {
		parts = append(parts, fmt.Appendf(nil, "beam %d", beam))
	}
	return newModel(parts)
}

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	return readBytes(data)
}

// readBytes loads a model from its file's bytes, which it keeps.
func readBytes(data []byte) (*Model, error) {
	parts, err := perceptron.ReadBundle(data, magic)
	if err != nil {
		return nil, fmt.Errorf("parser: not a parser model (%w)", err)
	}
	return newModel(parts)
}
