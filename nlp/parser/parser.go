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
//
// Two more embedded parsers, a beam model and a right-to-left one, join the
// default in an ensemble that votes (LoadNamed("ensemble"), NewEnsemble;
// ensemble.txt lists them, docs/nlp.md gives their commands).
package parser

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// The embedded models: parser.model, the default greedy parser, and the
// other members of the ensemble that ensemble.txt lists.
//
//go:embed *.model ensemble.txt
var embedded embed.FS

// defaultName is the embedded parser Load returns. It is a variable only so
// that a build can choose another for a comparison
// (-ldflags "-X github.com/newsgraph/newsgraph/nlp/parser.defaultName=ensemble").
var defaultName = "greedy"

const magic = "ngparser1\n"

// Model is a trained parser. It is read-only once loaded and safe for
// concurrent use by any number of goroutines.
type Model struct {
	table      *moveTable  // the move model, laid out for speed
	labelTable *labelTable // the label model, likewise
	labelHash  []uint64
	rootLabel  int
	beam       int // items kept by the beam search; 1 parses greedily
	// rtl models were trained on reversed sentences and parse them so
	// (see readingOrder): a right-to-left parser errs elsewhere than a
	// left-to-right one, which is what an ensemble of both gains from.
	rtl bool
	// arcs, in a graph-based model, scores arcs instead of moves (see
	// parseGraph); table is then nil.
	arcs *arcTable
	// soft, above 0, makes a graph model vote in an ensemble with a
	// softmax of its arc scores at this temperature (see softVotes).
	soft float64
	// guide, in a stacked graph model, is the parser whose tree its
	// features read (the embedded greedy parser; see Options.Guide).
	guide *Model
	// parts are the model file's parts (move model, label model), kept
	// for Write; when loaded they are the embedded bytes.
	parts [][]byte
	// members, when present, make the model an ensemble: they parse and
	// vote, and the model's own tables are unused (see NewEnsemble).
	members []member
	// relabel, when set, labels the finished tree again (see Relabeller).
	relabel *Relabeller
}

// Load decodes the default parser embedded in the binary. Callers load it
// once and share it.
func Load() (*Model, error) { return LoadNamed(defaultName) }

// Names lists the embedded parsers LoadNamed knows: each model that
// ensemble.txt lists, by its name, and "ensemble", all of them voting; and
// each of those with the label pass ("greedy+labels"; see Relabeller).
func Names() []string {
	entries, err := ensembleEntries()
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.name)
	}
	names = append(names, "ensemble")
	for _, n := range slices.Clone(names) {
		names = append(names, n+labelPassSuffix)
	}
	return names
}

// labelPassSuffix names a parser whose trees the label pass labels again.
const labelPassSuffix = "+labels"

// guideFile is the embedded parser whose trees a stacked graph model reads.
const guideFile = "parser.model"

// labelPassFile is the embedded label pass.
const labelPassFile = "parser-labels.model"

// LoadLabelPass decodes the embedded label pass.
func LoadLabelPass() (*Relabeller, error) {
	data, err := embedded.ReadFile(labelPassFile)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	rl, err := ReadRelabeller(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", labelPassFile, err)
	}
	return rl, nil
}

// LoadNamed decodes an embedded parser by name (see Names).
func LoadNamed(name string) (*Model, error) {
	if base, ok := strings.CutSuffix(name, labelPassSuffix); ok {
		m, err := LoadNamed(base)
		if err != nil {
			return nil, err
		}
		rl, err := LoadLabelPass()
		if err != nil {
			return nil, err
		}
		return m.WithLabelPass(rl), nil
	}
	entries, err := ensembleEntries()
	if err != nil {
		return nil, err
	}
	if name == "ensemble" {
		var models []*Model
		var weights []float64
		for _, e := range entries {
			m, err := loadEmbedded(e.file)
			if err != nil {
				return nil, err
			}
			if e.soft > 0 {
				if m, err = m.WithSoftVotes(e.soft); err != nil {
					return nil, fmt.Errorf("%s: %w", e.file, err)
				}
			}
			models, weights = append(models, m), append(weights, e.weight)
		}
		return NewEnsemble(models, weights)
	}
	for _, e := range entries {
		if e.name == name {
			return loadEmbedded(e.file)
		}
	}
	return nil, fmt.Errorf("parser: no embedded parser %q (have %s)", name, strings.Join(Names(), ", "))
}

func loadEmbedded(file string) (*Model, error) {
	data, err := embedded.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	m, err := readBytes(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return m, nil
}

// ensembleEntry is a line of ensemble.txt: a member's name, model file and
// the weight of its votes (its EWT dev UAS).
type ensembleEntry struct {
	name, file string
	weight     float64
	soft       float64 // a graph member's softmax temperature ("soft=T"), or 0
}

func ensembleEntries() ([]ensembleEntry, error) {
	data, err := embedded.ReadFile("ensemble.txt")
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	var entries []ensembleEntry
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) != 3 && len(f) != 4 {
			return nil, fmt.Errorf("parser: ensemble.txt: bad line %q", line)
		}
		w, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("parser: ensemble.txt: %w", err)
		}
		e := ensembleEntry{name: f[0], file: f[1], weight: w}
		if len(f) == 4 {
			t, ok := strings.CutPrefix(f[3], "soft=")
			if e.soft, err = strconv.ParseFloat(t, 64); !ok || err != nil || e.soft <= 0 {
				return nil, fmt.Errorf("parser: ensemble.txt: bad line %q (want soft=T, T > 0)", line)
			}
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// newModel builds the scoring tables from the model file's parts; training
// goes through the same bytes, so a trained model parses as its file does.
func newModel(parts [][]byte) (*Model, error) {
	if len(parts) != 2 && len(parts) != 3 {
		return nil, fmt.Errorf("parser: model has %d parts, want 2 or 3", len(parts))
	}
	// A third part, present only in models trained for it, holds how the
	// moves were trained, which parsing must follow: the beam width
	// ("beam 4") and the direction ("rtl"), one setting a line.
	beam, rtl, graph, stacked := 1, false, false, false
	if len(parts) == 3 {
		for _, line := range strings.Split(string(parts[2]), "\n") {
			switch f := strings.Fields(line); {
			case len(f) == 2 && f[0] == "beam":
				b, err := strconv.Atoi(f[1])
				if err != nil || b < 1 || b > 64 {
					return nil, fmt.Errorf("parser: bad beam setting %q", line)
				}
				beam = b
			case len(f) == 1 && f[0] == "rtl":
				rtl = true
			case len(f) == 1 && f[0] == "graph":
				graph = true
			case len(f) == 1 && f[0] == "stacked":
				stacked = true
			default:
				return nil, fmt.Errorf("parser: bad setting %q", line)
			}
		}
	}
	labels, err := readLabelTable(parts[1])
	if err != nil {
		return nil, err
	}
	m := &Model{labelTable: labels, rootLabel: slices.Index(labels.classes, "root"), beam: beam, rtl: rtl, parts: parts}
	if graph {
		if m.arcs, err = readArcTable(parts[0]); err != nil {
			return nil, err
		}
		if stacked {
			if m.rtl {
				return nil, fmt.Errorf("parser: a stacked model reads left to right")
			}
			if m.guide, err = loadEmbedded(guideFile); err != nil {
				return nil, fmt.Errorf("parser: the stacked model's guide: %w", err)
			}
		}
	} else if m.table, err = readMoveTable(parts[0]); err != nil {
		return nil, err
	}
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
	var agreed []bool
	if len(m.members) > 0 {
		agreed = m.parseEnsemble(s)
	} else {
		heads, labels := m.parse(s)
		for i := range s.Tokens {
			t := &s.Tokens[i]
			t.Head, t.Rel = heads[i], m.labelTable.classes[labels[i]]
			if t.Head == n {
				t.Head = -1
			}
		}
	}
	if m.relabel != nil {
		m.relabel.relabel(s, agreed)
	}
}

// parse returns the head of each token of s (n for the root) and the label
// class of its arc, in the sentence's order whatever the model's direction.
func (m *Model) parse(s *nlp.Sentence) (heads, labels []int) {
	n := len(s.Tokens)
	upos := make([]string, n)
	for i, t := range s.Tokens {
		upos[i] = t.UPOS
	}
	perm := readingOrder(upos, m.rtl)
	forms, tags := make([]string, n), make([]string, n)
	for j, i := range perm {
		forms[j], tags[j], upos[j] = s.Tokens[i].Text, s.Tokens[i].Tag, s.Tokens[i].UPOS
	}
	sent := newSentence(forms, tags, upos, m.labelHash)
	if m.arcs != nil {
		// The graph model gives no labels: each arc takes the root's
		// label class or the first other; an ensemble or the label pass
		// labels its trees.
		heads = bestTree(m.graphScores(m.arcSentOf(s, sent, forms, n), n), n)[:n]
		labels = make([]int, n)
		other := 0
		if other == m.rootLabel {
			other = 1
		}
		for i, h := range heads {
			labels[i] = other
			if h == n {
				labels[i] = m.rootLabel
			}
		}
		if !m.rtl {
			return heads, labels
		}
		st := &state{heads: heads, labels: labels}
		return unpermute(st, perm, n)
	}
	var st *state
	if m.beam > 1 {
		st = m.parseBeam(sent, n, m.beam)
	} else {
		st = m.parseGreedy(sent, n)
	}
	if !m.rtl {
		return st.heads[:n], st.labels[:n]
	}
	return unpermute(st, perm, n)
}

// unpermute returns a right-to-left parse's heads and labels in the
// sentence's order.
func unpermute(st *state, perm []int, n int) (heads, labels []int) {
	heads, labels = make([]int, n), make([]int, n)
	for j, i := range perm {
		h := st.heads[j]
		if h != n {
			h = perm[h]
		}
		heads[i], labels[i] = h, st.labels[j]
	}
	return heads, labels
}

// readingOrder returns the order in which a parser reads the words of a
// sentence with these UPOS tags: perm[j] is the word read j-th. Left to
// right it is the sentence's order. Right to left it is reversed, except
// for the closing punctuation, which stays last: the root takes its
// sentence-final mark best when the whole clause has been read, and
// reading the mark first would make the parser decide where it attaches
// before it has seen the main verb.
func readingOrder(upos []string, rtl bool) []int {
	n := len(upos)
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	if !rtl {
		return perm
	}
	end := n // the closing punctuation is upos[end:]
	for end > 0 && upos[end-1] == "PUNCT" {
		end--
	}
	slices.Reverse(perm[:end])
	return perm
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
	if len(m.members) > 0 {
		return fmt.Errorf("parser: an ensemble is written as its members")
	}
	return perceptron.WriteBundle(w, magic, m.parts...)
}

// fromTrained makes the model of trained perceptrons; beam > 1 records the
// beam width the moves were trained for, rtl that they read sentences
// backwards; enc, when not nil, writes the perceptrons in the compact
// encoding instead of 16 bits.
func fromTrained(moves, labels *perceptron.Model, beam int, rtl, graph, stacked bool, enc *perceptron.Compact) (*Model, error) {
	var mv, lb bytes.Buffer
	write := func(p *perceptron.Model, w io.Writer) error {
		if enc != nil {
			return p.WriteCompact(w, *enc)
		}
		return p.Write(w)
	}
	if err := write(moves, &mv); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	if err := write(labels, &lb); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	parts := [][]byte{mv.Bytes(), lb.Bytes()}
	var settings []string
	if beam > 1 {
		settings = append(settings, fmt.Sprintf("beam %d", beam))
	}
	if rtl {
		settings = append(settings, "rtl")
	}
	if graph {
		settings = append(settings, "graph")
	}
	if stacked {
		settings = append(settings, "stacked")
	}
	if len(settings) > 0 {
		parts = append(parts, []byte(strings.Join(settings, "\n")))
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

// Pruned returns the model without the move and label features whose
// weights are all below threshold in magnitude (see Options.Prune), written
// in the compact encoding enc unless it is nil: a smaller file, so that an
// ensemble's members fit the size budget.
func (m *Model) Pruned(threshold float32, enc *perceptron.Compact) (*Model, error) {
	if len(m.members) > 0 {
		return nil, fmt.Errorf("parser: prune an ensemble's members")
	}
	mv, err := perceptron.Read(bytes.NewReader(m.parts[0]))
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	lb, err := perceptron.Read(bytes.NewReader(m.parts[1]))
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	return fromTrained(mv.Prune(threshold), lb.Prune(threshold), m.beam, m.rtl, m.arcs != nil, m.guide != nil, enc)
}
