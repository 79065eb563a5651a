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
	// Stages is 1 for the first stage alone or 2 (the default) to add the
	// second, trained on first-stage labels of held-out folds.
	Stages int
	Folds  int // folds for the second stage's training labels (default 4)
	// Bags is how many models, each trained on its own order of the
	// documents, are averaged into each stage (default 1).
	Bags int
	// Dev, if given, is scored after every third pass with the averaged
	// weights and reported to Log.
	Dev []*nlp.Doc
	Log io.Writer
}

// example is a training document with what training reads of it, computed
// once.
type example struct {
	toks   [][]tok
	static [][][]perceptron.Feature
	gold   [][]int
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
	if opt.Stages == 0 {
		opt.Stages = 2
	}
	if opt.Folds == 0 {
		opt.Folds = 4
	}
	if opt.Bags == 0 {
		opt.Bags = 1
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Stages < 1 || opt.Stages > 2 || opt.Folds < 2 {
		return nil, fmt.Errorf("ner: %d stages and %d folds: want 1 or 2 stages and at least 2 folds", opt.Stages, opt.Folds)
	}
	if len(docs) < opt.Folds {
		return nil, fmt.Errorf("ner: %d training documents, want at least %d", len(docs), opt.Folds)
	}
	m := &Model{Resources: res, beam: beamWidth, temp: beamTemp}
	exs := make([]example, len(docs))
	for di, doc := range docs {
		ex := example{toks: m.prepare(doc)}
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
	all := make([]int, len(exs))
	for i := range all {
		all[i] = i
	}
	devF1 := func(stages ...*perceptron.Model) string {
		if len(opt.Dev) == 0 {
			return ""
		}
		r, err := Evaluate(&Model{stages: stages, Resources: res, beam: beamWidth, temp: beamTemp}, opt.Dev)
		if err != nil {
			return err.Error()
		}
		return fmt.Sprintf("dev F1 %.4f", r.Overall.F1)
	}
	first, err := trainStage(ctx, exs, all, nil, opt, "stage 1", func(w *perceptron.Model) string { return devF1(w) })
	if err != nil {
		return nil, err
	}
	m.stages = []*perceptron.Model{first}
	if opt.Stages == 1 {
		return m, nil
	}
	// The second stage must learn from first-stage labels as good as those
	// on unseen text, so each document's come from a first stage trained
	// without it.
	firsts := make([][][]int, len(exs))
	for fold := range opt.Folds {
		var in []int
		for i := range exs {
			if i%opt.Folds != fold {
				in = append(in, i)
			}
		}
		w, err := trainStage(ctx, exs, in, nil, opt, fmt.Sprintf("fold %d", fold+1), nil)
		if err != nil {
			return nil, err
		}
		for i := range exs {
			if i%opt.Folds == fold {
				firsts[i] = labelStage(w, exs[i].toks, exs[i].static, nil, beamWidth, beamTemp)
			}
		}
	}
	second, err := trainStage(ctx, exs, all, firsts, opt, "stage 2", func(w *perceptron.Model) string { return devF1(first, w) })
	if err != nil {
		return nil, err
	}
	m.stages = append(m.stages, second)
	return m, nil
}

// trainStage trains one stage's perceptron on the examples named by idx;
// firsts holds first-stage labels when training the second stage. dev, if
// not nil, reports on the averaged weights every third pass.
func trainStage(ctx context.Context, exs []example, idx []int, firsts [][][]int, opt TrainOptions, name string, dev func(*perceptron.Model) string) (*perceptron.Model, error) {
	if opt.Bags > 1 {
		bags := make([]*perceptron.Model, opt.Bags)
		for b := range bags {
			o := opt
			o.Bags, o.Seed = 1, opt.Seed+int64(b)*7919
			w, err := trainStage(ctx, exs, idx, firsts, o, fmt.Sprintf("%s bag %d", name, b+1), nil)
			if err != nil {
				return nil, err
			}
			bags[b] = w
		}
		w, err := perceptron.Mean(bags...)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		if dev != nil {
			fmt.Fprintf(opt.Log, "%s: mean of %d bags: %s (%d features)\n", name, opt.Bags, dev(w), w.NumFeatures())
		}
		return w, nil
	}
	tr := perceptron.NewTrainer(classes)
	rng := rand.New(rand.NewSource(opt.Seed))
	order := append([]int(nil), idx...)
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("ner: training: %w", err)
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, di := range order {
			ex := &exs[di]
			var first [][]int
			if firsts != nil {
				first = firsts[di]
			}
			d := newDecoder(ex.toks, ex.static, first)
			for si := range ex.toks {
				gold := ex.gold[si]
				prev := 0
				d.sentence(tr, si, func(i, guess int, feats []perceptron.Feature) {
					tr.Tick()
					total++
					if i == 0 {
						prev = 0
					}
					last := i == len(gold)-1
					if guess != gold[i] {
						wrong++
						// After a wrong label the gold one may be out of
						// reach (L-PER after O): raising it would teach
						// weights no decoding can use and lower a guess that
						// was the best allowed, so only reachable gold
						// labels are learnt from.
						if allowed(prev, gold[i], last) {
							tr.Update(gold[i], guess, feats)
						}
					}
					prev = guess
				})
			}
		}
		fmt.Fprintf(opt.Log, "%s epoch %d: %d of %d tokens wrong (%.2f%%)", name, epoch, wrong, total, 100*float64(wrong)/float64(total))
		if dev != nil && (epoch%3 == 0 || epoch == opt.Epochs) {
			w := tr.Average(opt.Prune)
			fmt.Fprintf(opt.Log, "; %s (%d features)", dev(w), w.NumFeatures())
		}
		fmt.Fprintln(opt.Log)
	}
	return tr.Average(opt.Prune), nil
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
