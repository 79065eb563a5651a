package tagger

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/lemma"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// Options control training. The zero value gives the defaults.
type Options struct {
	Epochs int    // passes over the data (default 10)
	Folds  int    // jackknife folds for the XPOS tags the UPOS model learns from (default 4; 1 = gold tags)
	Seed   uint64 // shuffling seed
	// DictMinCount and DictMinShare choose the tag dictionary: words seen at
	// least this often with one tag at least this share of the time (default 20, 0.97).
	DictMinCount int
	DictMinShare float64
	// UsualMinCount is how often a word is seen before its most frequent
	// tag becomes a feature (default 3).
	UsualMinCount int
	Prune         float32   // features whose averaged weights are all below this are dropped (default 1: half the size, twice the speed, -0.05 UPOS)
	Log           io.Writer // progress lines, or nil
}

func (o *Options) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 10
	}
	if o.Folds == 0 {
		o.Folds = 4
	}
	if o.DictMinCount == 0 {
		o.DictMinCount = 20
	}
	if o.DictMinShare == 0 {
		o.DictMinShare = 0.97
	}
	if o.UsualMinCount == 0 {
		o.UsualMinCount = 3
	}
	if o.Prune == 0 {
		o.Prune = 1
	}
}

// Train learns a tagger from gold sentences (Text, Tag, UPOS and Lemma of
// each token). The same data and options give the same model.
func Train(ctx context.Context, sents []nlp.Sentence, opt Options) (*Model, error) {
	opt.defaults()
	if len(sents) == 0 {
		return nil, fmt.Errorf("tagger: no training sentences")
	}
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	m := &Model{
		xdict: tagDict(sents, func(t *nlp.Token) string { return t.Tag }, opt),
		udict: tagDict(sents, func(t *nlp.Token) string { return t.UPOS }, opt),
		usual: usualTags(sents, opt.UsualMinCount),
	}
	var examples []lemma.Example
	for _, s := range sents {
		for _, t := range s.Tokens {
			examples = append(examples, lemma.Example{Form: t.Text, UPOS: t.UPOS, Lemma: t.Lemma})
		}
	}
	m.lemmas = lemma.Train(examples, 3)

	data := make([]sentence, len(sents))
	for i, s := range sents {
		data[i] = newSentence(s, m.usual)
	}
	// The UPOS model learns from XPOS tags as good as those it will see:
	// each fold is tagged by an XPOS model trained on the other folds.
	if opt.Folds > 1 {
		for k := range opt.Folds {
			var train []sentence
			for i := range data {
				if i%opt.Folds != k {
					train = append(train, data[i])
				}
			}
			full := opt
			full.Prune = 1e-6 // fold models are never saved: keep every feature
			xm, err := trainXPOS(ctx, train, m.xdict, full)
			if err != nil {
				return nil, err
			}
			tab := xm.Table()
			for i := k; i < len(data); i += opt.Folds {
				s := &data[i]
				newTagging(s.words, xm.NumClasses()).pass(m.xdict, xm, tab, s.predX, func(i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
					return history(s.words, i, t1, t2, out)
				})
			}
			logf("tagger: jackknife fold %d/%d done", k+1, opt.Folds)
		}
	} else {
		for i := range data {
			copy(data[i].predX, data[i].xpos)
		}
	}
	var err error
	if m.xpos, err = trainXPOS(ctx, data, m.xdict, opt); err != nil {
		return nil, err
	}
	logf("tagger: XPOS model: %d features, %d classes", m.xpos.NumFeatures(), m.xpos.NumClasses())
	if opt.Folds > 1 {
		// The second pass learns from first-pass tags as good as those it
		// will see: the jackknifed ones.
		if m.refine, err = trainRefine(ctx, data, m.xdict, opt); err != nil {
			return nil, err
		}
		logf("tagger: second XPOS model: %d features", m.refine.NumFeatures())
	}
	if m.upos, err = trainUPOS(ctx, data, m.udict, opt); err != nil {
		return nil, err
	}
	logf("tagger: UPOS model: %d features, %d classes", m.upos.NumFeatures(), m.upos.NumClasses())
	m.compile()
	return m, nil
}

// sentence is a training sentence prepared once.
type sentence struct {
	words      []word
	xpos, upos []string
	predX      []string // XPOS tags from a model that did not see the sentence
}

func newSentence(s nlp.Sentence, usual map[string]string) sentence {
	forms := make([]string, len(s.Tokens))
	out := sentence{xpos: make([]string, len(s.Tokens)), upos: make([]string, len(s.Tokens)), predX: make([]string, len(s.Tokens))}
	for i, t := range s.Tokens {
		forms[i], out.xpos[i], out.upos[i] = t.Text, t.Tag, t.UPOS
	}
	out.words = prepare(forms, usual)
	return out
}

// tagDict keeps the words seen often enough with one tag nearly always.
func tagDict(sents []nlp.Sentence, tag func(*nlp.Token) string, opt Options) map[string]string {
	dict := map[string]string{}
	for w, tags := range countTags(sents, func(t *nlp.Token) string { return t.Text }, tag) {
		best, bestN, total := majority(tags)
		if total >= opt.DictMinCount && float64(bestN)/float64(total) >= opt.DictMinShare {
			dict[w] = best
		}
	}
	return dict
}

// usualTags maps each lowercased word seen at least minCount times to its
// most frequent XPOS.
func usualTags(sents []nlp.Sentence, minCount int) map[string]string {
	out := map[string]string{}
	lower := func(t *nlp.Token) string { return strings.ToLower(t.Text) }
	for w, tags := range countTags(sents, lower, func(t *nlp.Token) string { return t.Tag }) {
		if best, _, total := majority(tags); total >= minCount {
			out[w] = best
		}
	}
	return out
}

// countTags counts the tags seen with each word.
func countTags(sents []nlp.Sentence, word, tag func(*nlp.Token) string) map[string]map[string]int {
	counts := map[string]map[string]int{}
	for _, s := range sents {
		for i := range s.Tokens {
			w := word(&s.Tokens[i])
			if counts[w] == nil {
				counts[w] = map[string]int{}
			}
			counts[w][tag(&s.Tokens[i])]++
		}
	}
	return counts
}

// majority returns the most frequent tag (ties to the smaller name, so
// training is deterministic), its count and the total.
func majority(tags map[string]int) (best string, bestN, total int) {
	for t, n := range tags {
		total += n
		if n > bestN || (n == bestN && t < best) {
			best, bestN = t, n
		}
	}
	return best, bestN, total
}

func classesOf(data []sentence, tags func(*sentence) []string) []string {
	seen := map[string]bool{}
	for i := range data {
		for _, t := range tags(&data[i]) {
			seen[t] = true
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// epochs runs the perceptron over the sentences in a seeded shuffled order,
// tagging left to right with its own guesses as history.
func epochs(ctx context.Context, data []sentence, classes []string, dict map[string]string, gold func(*sentence) []string,
	feats func(s *sentence, i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature, opt Options) (*perceptron.Model, error) {
	tr := perceptron.NewTrainer(classes)
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7a66))
	fs := make([]perceptron.Feature, 0, 64)
	scores := make([]float32, len(classes))
	for range opt.Epochs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("tagger: training: %w", err)
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := &data[si]
			g := gold(s)
			t1, t2 := "-START-", "-START2-"
			for i := range s.words {
				guess, ok := dict[s.words[i].form]
				if !ok {
					fs = feats(s, i, t1, t2, fs[:0])
					tr.Scores(fs, scores)
					best := perceptron.Best(scores, nil)
					tr.Tick()
					tr.Update(index[g[i]], best, fs)
					guess = classes[best]
				}
				t1, t2 = guess, t1
			}
		}
	}
	return tr.Average(opt.Prune), nil
}

func trainXPOS(ctx context.Context, data []sentence, dict map[string]string, opt Options) (*perceptron.Model, error) {
	classes := classesOf(data, func(s *sentence) []string { return s.xpos })
	return epochs(ctx, data, classes, dict, func(s *sentence) []string { return s.xpos },
		func(s *sentence, i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
			return xposFeatures(s.words, i, t1, t2, out)
		}, opt)
}

func trainUPOS(ctx context.Context, data []sentence, dict map[string]string, opt Options) (*perceptron.Model, error) {
	classes := classesOf(data, func(s *sentence) []string { return s.upos })
	return epochs(ctx, data, classes, dict, func(s *sentence) []string { return s.upos },
		func(s *sentence, i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
			return uposFeatures(s.words, s.predX, i, t1, t2, out)
		}, opt)
}

func trainRefine(ctx context.Context, data []sentence, dict map[string]string, opt Options) (*perceptron.Model, error) {
	classes := classesOf(data, func(s *sentence) []string { return s.xpos })
	return epochs(ctx, data, classes, dict, func(s *sentence) []string { return s.xpos },
		func(s *sentence, i int, t1, t2 string, out []perceptron.Feature) []perceptron.Feature {
			return refineFeatures(s.words, s.predX, i, t1, t2, out)
		}, opt)
}
