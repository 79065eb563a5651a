// Package tagger assigns part-of-speech tags (Penn Treebank XPOS and
// Universal UPOS) and lemmas to the tokens of a sentence, with averaged
// perceptrons trained on the UD English Web Treebank (see Train).
//
// XPOS is tagged left to right from the words around each token and the two
// tags before it, then again reading the first pass's tags to the right; UPOS
// is tagged next, reading the XPOS tags on both sides.
// Frequent words that always carry one tag take it from a tag dictionary.
// Lemmas come from suffix rules and exceptions learned from the same data.
//
// The embedded model (tagger.model) is rebuilt, deterministically, from the
// Universal Dependencies English Web Treebank (Silveira et al. 2014; UD
// project, CC BY-SA 4.0), which is not part of the repository:
//
//	newsgraph train tagger --train ../shared/nlp/ud-english-ewt/train.conllu \
//	    --dev ../shared/nlp/ud-english-ewt/dev.conllu --out nlp/tagger/tagger.model
package tagger

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // the trained model
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/lemma"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

//go:embed tagger.model
var embedded []byte

const magic = "ngtagger1\n"

// Model is a trained tagger. It is read-only once loaded and safe for
// concurrent use by any number of goroutines.
type Model struct {
	xpos, upos   *perceptron.Model
	refine       *perceptron.Model // the second XPOS pass; nil in models without one
	xtab, utab   *perceptron.Table // the same, laid out for speed
	rtab         *perceptron.Table
	xdict, udict map[string]string // word → its only tag, for frequent unambiguous words
	usual        map[string]string // lowercased word → its most frequent XPOS
	lemmas       *lemma.Model
}

// Load decodes the model embedded in the binary. Decoding takes a moment and
// memory, so callers load it once and share it.
func Load() (*Model, error) { return Read(bytes.NewReader(embedded)) }

// Tag fills Tag, UPOS and Lemma of every token of s.
func (m *Model) Tag(s *nlp.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	forms := make([]string, n)
	for i := range s.Tokens {
		forms[i] = s.Tokens[i].Text
	}
	ws := prepare(forms, m.usual)
	t := newTagging(ws, max(m.xpos.NumClasses(), m.upos.NumClasses()))
	xpos := make([]string, n)
	t.pass(m.xdict, m.xpos, m.xtab, xpos, func(i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
		return history(ws, i, t1, t2, out)
	})
	if m.refine != nil {
		first := xpos
		xpos = make([]string, n)
		t.pass(m.xdict, m.refine, m.rtab, xpos, func(i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
			return firstPass(ws, first, i, t1, history(ws, i, t1, t2, out))
		})
	}
	upos := make([]string, n)
	t.pass(m.udict, m.upos, m.utab, upos, func(i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
		return xposContext(ws, xpos, i, history(ws, i, t1, t2, out))
	})
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Tag, t.UPOS = xpos[i], upos[i]
		t.Lemma = m.lemmas.Lemma(t.Text, t.UPOS)
	}
}

// tagging is one sentence being tagged, with its buffers.
type tagging struct {
	ws     []word
	lex    [][]perceptron.Feature
	feats  []perceptron.Feature
	scores []float32
}

// newTagging builds the words' own features, which are the same in every
// pass, once.
func newTagging(ws []word, classes int) *tagging {
	t := &tagging{ws: ws, lex: make([][]perceptron.Feature, len(ws)),
		feats: make([]perceptron.Feature, 0, 64), scores: make([]float32, classes)}
	all := make([]perceptron.Feature, 0, 32*len(ws)) // one allocation for all words
	for i := range ws {
		start := len(all)
		all = lexical(ws, i, all)
		t.lex[i] = all[start:len(all):len(all)]
	}
	return t
}

// pass tags the words left to right with one model: a dictionary word takes
// its tag, any other the model's best class for its lexical features plus
// those extra adds, which see the two tags before.
func (t *tagging) pass(dict map[string]string, model *perceptron.Model, tab *perceptron.Table, out []string,
	extra func(i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature) {
	t1, t2 := "-START-", "-START2-"
	for i := range t.ws {
		tag, ok := dict[t.ws[i].form]
		if !ok {
			t.feats = extra(i, t1, t2, append(t.feats[:0], t.lex[i]...))
			tag = model.Classes[tab.Predict(t.feats, t.scores[:model.NumClasses()], nil)]
		}
		out[i] = tag
		t1, t2 = tag, t1
	}
}

// The features each model scores, as training builds them.

func xposFeatures(ws []word, i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
	return history(ws, i, t1, t2, lexical(ws, i, out))
}

func refineFeatures(ws []word, first []string, i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
	return firstPass(ws, first, i, t1, xposFeatures(ws, i, t1, t2, out))
}

func uposFeatures(ws []word, xpos []string, i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
	return xposContext(ws, xpos, i, xposFeatures(ws, i, t1, t2, out))
}

// Write saves the model: the two perceptrons, then the tag dictionaries and
// lemma rules as gzip'd text. The same model always writes the same bytes.
func (m *Model) Write(w io.Writer) error {
	var x, u, tables bytes.Buffer
	if err := m.xpos.Write(&x); err != nil {
		return fmt.Errorf("tagger: %w", err)
	}
	if err := m.upos.Write(&u); err != nil {
		return fmt.Errorf("tagger: %w", err)
	}
	lem, err := m.lemmas.MarshalText()
	if err != nil {
		return fmt.Errorf("tagger: %w", err)
	}
	zw, _ := gzip.NewWriterLevel(&tables, gzip.BestCompression)
	zw.Write([]byte("#tables\n")) // so the dictionaries never start with the blank line
	writeDict(zw, "X", m.xdict)
	writeDict(zw, "U", m.udict)
	writeDict(zw, "F", m.usual)
	zw.Write([]byte("\n"))
	zw.Write(lem)
	if err := zw.Close(); err != nil {
		return fmt.Errorf("tagger: %w", err)
	}
	parts := [][]byte{x.Bytes(), u.Bytes(), tables.Bytes()}
	if m.refine != nil {
		var r bytes.Buffer
		if err := m.refine.Write(&r); err != nil {
			return fmt.Errorf("tagger: %w", err)
		}
		parts = append(parts, r.Bytes())
	}
	return perceptron.WriteBundle(w, magic, parts...)
}

func writeDict(w io.Writer, kind string, d map[string]string) {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%s\t%s\n", kind, k, d[k])
	}
}

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	parts, err := perceptron.ReadBundle(data, magic)
	if err != nil || len(parts) < 3 || len(parts) > 4 {
		return nil, fmt.Errorf("tagger: not a tagger model (%v)", err)
	}
	m := &Model{xdict: map[string]string{}, udict: map[string]string{}, usual: map[string]string{}}
	if m.xpos, err = perceptron.Read(bytes.NewReader(parts[0])); err != nil {
		return nil, fmt.Errorf("tagger: XPOS model: %w", err)
	}
	if m.upos, err = perceptron.Read(bytes.NewReader(parts[1])); err != nil {
		return nil, fmt.Errorf("tagger: UPOS model: %w", err)
	}
	if len(parts) == 4 {
		if m.refine, err = perceptron.Read(bytes.NewReader(parts[3])); err != nil {
			return nil, fmt.Errorf("tagger: second XPOS model: %w", err)
		}
	}
	zr, err := gzip.NewReader(bytes.NewReader(parts[2]))
	if err != nil {
		return nil, fmt.Errorf("tagger: tables: %w", err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("tagger: tables: %w", err)
	}
	dicts, lem, _ := bytes.Cut(text, []byte("\n\n"))
	sc := bufio.NewScanner(bytes.NewReader(dicts))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 3 {
			return nil, fmt.Errorf("tagger: tables: malformed line %q", sc.Text())
		}
		switch fields[0] {
		case "X":
			m.xdict[fields[1]] = fields[2]
		case "U":
			m.udict[fields[1]] = fields[2]
		case "F":
			m.usual[fields[1]] = fields[2]
		}
	}
	if m.lemmas, err = lemma.Parse(lem); err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	m.compile()
	return m, nil
}

// compile lays out the perceptrons for tagging.
func (m *Model) compile() {
	if m.xpos != nil {
		m.xtab = m.xpos.Table()
	}
	if m.upos != nil {
		m.utab = m.upos.Table()
	}
	if m.refine != nil {
		m.rtab = m.refine.Table()
	}
}
