package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/eval"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// TrainOptions steer training. The zero value trains with the defaults.
type TrainOptions struct {
	Epochs int     // passes over the training documents (default 12)
	Prune  float32 // drop features whose averaged weights are all below this (default 0.5)
	Seed   int64   // seeds the order of documents in each pass
	// Dev, if given, is scored after each pass with the averaged weights
	// and reported to Log.
	Dev []*nlp.Doc
	Log io.Writer
}

// Train learns a model from documents whose tokens carry gold IOB2 labels
// in Token.Ent. The same documents, options and resources always give the
// same model.
func Train(ctx context.Context, docs []*nlp.Doc, res *Resources, opt TrainOptions) (*Model, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 12
	}
	if opt.Prune == 0 {
		opt.Prune = 0.5
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("ner: no training documents")
	}
	m := &Model{Resources: res}
	type example struct {
		doc    *nlp.Doc
		toks   [][]tok
		static [][][]perceptron.Feature
		gold   [][]int
	}
	exs := make([]example, len(docs))
	for di, doc := range docs {
		ex := example{doc: doc, toks: m.prepare(doc)}
		for si, s := range doc.Sentences {
			ents := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				ents[i] = t.Ent
			}
			g, err := toBILOU(ents)
			if err != nil {
				return nil, fmt.Errorf("ner: training document %d sentence %d: %w", di, si, err)
			}
			ex.gold = append(ex.gold, g)
			per := make([][]perceptron.Feature, len(s.Tokens))
			var fs featureSet
			for i := range s.Tokens {
				fs = fs[:0]
				staticFeatures(&fs, ex.toks[si], i)
				per[i] = append([]perceptron.Feature(nil), fs...)
			}
			ex.static = append(ex.static, per)
		}
		exs[di] = ex
	}
	tr := perceptron.NewTrainer(classes)
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("ner: training: %w", err)
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, di := range order {
			ex := &exs[di]
			d := &decoder{toks: ex.toks, static: ex.static, history: map[string]*[len(labelTypes)]int32{}, scores: make([]float32, len(classes))}
			for si := range ex.toks {
				gold := ex.gold[si]
				d.sentence(tr, si, func(i, guess int, feats []perceptron.Feature) {
					tr.Tick()
					total++
					if guess != gold[i] {
						wrong++
						tr.Update(gold[i], guess, feats)
					}
				})
			}
		}
		fmt.Fprintf(opt.Log, "epoch %d: %d of %d tokens wrong (%.2f%%)", epoch, wrong, total, 100*float64(wrong)/float64(total))
		if len(opt.Dev) > 0 && (epoch%3 == 0 || epoch == opt.Epochs) {
			m.weights = tr.Average(opt.Prune)
			r, err := Evaluate(m, opt.Dev)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(opt.Log, "; dev F1 %.4f (%d features)", r.Overall.F1, m.weights.NumFeatures())
		}
		fmt.Fprintln(opt.Log)
	}
	m.weights = tr.Average(opt.Prune)
	return m, nil
}

// Evaluate labels copies of documents whose tokens carry gold IOB2 labels
// and scores the predictions as conlleval does.
func Evaluate(m *Model, docs []*nlp.Doc) (eval.EntityResult, error) {
	var s eval.EntityScorer
	for _, doc := range docs {
		cp := &nlp.Doc{Text: doc.Text, Sentences: make([]nlp.Sentence, len(doc.Sentences))}
		for i, sent := range doc.Sentences {
			cp.Sentences[i] = sent
			cp.Sentences[i].Tokens = append([]nlp.Token(nil), sent.Tokens...)
		}
		m.Label(cp)
		for i, sent := range doc.Sentences {
			gold := make([]string, len(sent.Tokens))
			guess := make([]string, len(sent.Tokens))
			for j := range sent.Tokens {
				gold[j] = orO(sent.Tokens[j].Ent)
				guess[j] = cp.Sentences[i].Tokens[j].Ent
			}
			if err := s.AddSentence(gold, guess); err != nil {
				return eval.EntityResult{}, err
			}
		}
	}
	return s.Result(), nil
}

func orO(l string) string {
	if l == "" {
		return "O"
	}
	return l
}
