package parser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// Options control training. The zero value gives the defaults.
type Options struct {
	Epochs int    // passes over the data (default 20)
	Seed   uint64 // shuffling seed (of the first model; the others take the next ones)
	Models int    // models trained on different orders of the data and averaged (default 1)
	// Explore is the share of moves, after the first epoch, that follow the
	// model's own guess rather than the oracle's best (default 1).
	Explore float64
	// MinSubtype keeps a relation subtype ("nsubj:pass") as its own label
	// when seen at least this often; rarer ones become their universal
	// relation (default 100).
	MinSubtype int
	Prune      float32 // features whose averaged weights are all below this are dropped (default 1)
	// Beam, above 1, trains the moves globally with a beam of that many
	// items (max-violation updates, static oracle) and parses with the
	// same beam; 0 or 1 trains and parses greedily.
	Beam int
	// RTL trains on reversed sentences: the model reads right to left
	// (and parses so; see readingOrder), a second opinion for an ensemble.
	RTL bool
	// Graph trains a first-order graph-based model instead of moves (see
	// parseGraph): it gives heads without labels, a member for the
	// ensemble.
	Graph bool
	// Guide, for a graph model, stacks it on another parser (Nivre and
	// McDonald 2008): Guide[i] is sentence i parsed by that parser (its
	// Head and Rel; jackknifed, so that its errors on the training data
	// are those it makes on new text), and the arc features read it. The
	// model then parses with the embedded greedy parser as its guide, so
	// that parser, or one like it, should give the guide parses.
	Guide []nlp.Sentence
	Log   io.Writer // progress lines, or nil
}

func (o *Options) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 20
	}
	if o.MinSubtype == 0 {
		o.MinSubtype = 100
	}
	if o.Explore == 0 {
		o.Explore = 1
	}
	if o.Prune == 0 {
		o.Prune = 1
	}
}

// example is a training sentence: its features' view, projective gold heads
// (n for the root) and gold label classes.
type example struct {
	sent   *sentence
	heads  []int
	labels []int
	gold   []int // the heads before projectivizing
	forms  []string
	// guideHeads and guideLabels: the guide's parse (Options.Guide)
	guideHeads  []int
	guideLabels []uint64
}

// Train learns a parser from sentences with Text, Tag (the tags the parser
// will see: predicted ones train it best), Head and Rel. Non-projective
// trees are made projective by lifting arcs. The same data and options give
// the same model.
func Train(ctx context.Context, sents []nlp.Sentence, opt Options) (*Model, error) {
	opt.defaults()
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	if opt.Guide != nil && (!opt.Graph || opt.RTL || len(opt.Guide) != len(sents)) {
		return nil, fmt.Errorf("parser: guide parses stack a left-to-right graph model, one a sentence")
	}
	labelOf, classes, index, labelHash, err := labelClasses(sents, opt.MinSubtype)
	if err != nil {
		return nil, err
	}
	var data []example
	for si, s := range sents {
		n := len(s.Tokens)
		if n == 0 {
			continue
		}
		upos := make([]string, n)
		for i, t := range s.Tokens {
			upos[i] = t.UPOS
		}
		perm := readingOrder(upos, opt.RTL)
		pos := make([]int, n) // where each word is read
		for j, i := range perm {
			pos[i] = j
		}
		forms, tags := make([]string, n), make([]string, n)
		heads, labels := make([]int, n), make([]int, n)
		roots := 0
		for j, i := range perm {
			t := s.Tokens[i]
			if t.Head >= n {
				return nil, fmt.Errorf("parser: sentence %d: head %d out of range", si+1, t.Head)
			}
			forms[j], tags[j], upos[j], labels[j] = t.Text, t.Tag, t.UPOS, index[labelOf(t.Rel)]
			if t.Head < 0 {
				heads[j] = n
				roots++
			} else {
				heads[j] = pos[t.Head]
			}
		}
		if roots != 1 {
			continue // not a tree the parser can build
		}
		ex := example{sent: newSentence(forms, tags, upos, labelHash), heads: projectivize(heads), labels: labels, gold: heads, forms: forms}
		if opt.Guide != nil {
			g := opt.Guide[si].Tokens
			if len(g) != n {
				return nil, fmt.Errorf("parser: sentence %d: guide parse of %d words, want %d", si+1, len(g), n)
			}
			ex.guideHeads, ex.guideLabels = make([]int, n), make([]uint64, n)
			for i, t := range g {
				ex.guideHeads[i], ex.guideLabels[i] = t.Head, hashString(labelOf(t.Rel))
				if t.Head < 0 || t.Head >= n {
					ex.guideHeads[i] = n
				}
			}
		}
		data = append(data, ex)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("parser: no training trees")
	}
	// Several models, each trained on its own order of the data, are
	// averaged into one: their mean smooths each one's quirks at no cost
	// when parsing. They train concurrently, each deterministically.
	k := max(opt.Models, 1)
	prune := opt.Prune
	if k > 1 {
		prune = 0 // prune the mean, not its parts
	}
	mvs, lbs, errs := make([]*perceptron.Model, k), make([]*perceptron.Model, k), make([]error, k)
	var wg sync.WaitGroup
	for i := range k {
		wg.Go(func() {
			logi := logf
			if k > 1 {
				logi = func(format string, args ...any) { logf("model %d: "+format, append([]any{i + 1}, args...)...) }
			}
			trainer := func() (*perceptron.Trainer, *perceptron.Trainer, error) {
				if opt.Graph {
					tr, err := trainGraphOne(ctx, data, opt.Epochs, opt.Seed+uint64(i), logi)
					return tr, perceptron.NewTrainer(classes), err
				}
				if opt.Beam > 1 {
					return trainBeamOne(ctx, data, classes, index["root"], opt.Epochs, opt.Beam, opt.Seed+uint64(i), logi)
				}
				return trainOne(ctx, data, classes, index["root"], opt.Epochs, opt.Explore, opt.Seed+uint64(i), logi)
			}
			moves, labeller, err := trainer()
			if err != nil {
				errs[i] = err
				return
			}
			mvs[i], lbs[i] = moves.Average(prune), labeller.Average(prune)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	mv, lb := mvs[0], lbs[0]
	if k > 1 {
		var err error
		if mv, err = perceptron.Mean(mvs...); err != nil {
			return nil, fmt.Errorf("parser: %w", err)
		}
		if lb, err = perceptron.Mean(lbs...); err != nil {
			return nil, fmt.Errorf("parser: %w", err)
		}
		mv, lb = mv.Prune(opt.Prune), lb.Prune(opt.Prune)
	}
	m, err := fromTrained(mv, lb, opt.Beam, opt.RTL, opt.Graph, opt.Guide != nil, nil)
	if err != nil {
		return nil, err
	}
	logf("parser: %d move features, %d label features, %d labels", mv.NumFeatures(), lb.NumFeatures(), len(classes))
	return m, nil
}

// trainOne trains a move and a label perceptron with the dynamic oracle.
func trainOne(ctx context.Context, data []example, classes []string, rootLabel, epochs int, explore float64, seed uint64,
	logf func(string, ...any)) (moves, labeller *perceptron.Trainer, err error) {
	moves, labeller = perceptron.NewTrainer(moveNames), perceptron.NewTrainer(classes)
	shuffle, rng := newShuffler(len(data), seed)
	feats := make([]perceptron.Feature, 0, 128)
	lfeats := make([]perceptron.Feature, 0, 64)
	scores := make([]float32, numMoves)
	lscores := make([]float32, len(classes))
	for epoch := range epochs {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("parser: training: %w", err)
		}
		order := shuffle()
		right, total, lright, ltotal := 0, 0, 0, 0
		for _, ei := range order {
			ex := &data[ei]
			n := len(ex.heads)
			st := newState(n)
			for !st.done() {
				feats = moveFeatures(ex.sent, st, feats[:0])
				moves.Scores(feats, scores)
				guess := perceptron.Best(scores, func(c int) bool { return st.valid(c) })
				var cost [numMoves]int
				st.costs(ex.heads, &cost)
				least := -1
				for mv := range numMoves {
					if st.valid(mv) && (least < 0 || cost[mv] < cost[least]) {
						least = mv
					}
				}
				best := perceptron.Best(scores, func(c int) bool { return st.valid(c) && cost[c] == cost[least] })
				moves.Tick()
				moves.Update(best, guess, feats)
				total++
				if cost[guess] == cost[least] {
					right++
				}
				// The first epoch follows the oracle; later ones explore
				// the model's own mistakes, which the dynamic oracle scores,
				// on the share of moves opt.Explore asks for.
				move := guess
				if epoch == 0 || (explore < 1 && rng.Float64() >= explore) {
					move = best
				}
				label := 0
				if move != shift {
					h, d := st.arc(move)
					switch {
					case h == n:
						label = rootLabel
					default:
						lfeats = labelFeatures(ex.sent, st, h, d, lfeats[:0])
						labeller.Scores(lfeats, lscores)
						label = perceptron.Best(lscores, func(c int) bool { return c != rootLabel })
						if ex.heads[d] == h {
							labeller.Tick()
							labeller.Update(ex.labels[d], label, lfeats)
							ltotal++
							if label == ex.labels[d] {
								lright++
							}
						}
					}
				}
				st.apply(move, label)
			}
		}
		logf("parser: epoch %d: moves %.4f right, labels %.4f right", epoch+1,
			float64(right)/float64(max(total, 1)), float64(lright)/float64(max(ltotal, 1)))
	}
	return moves, labeller, nil
}

var moveNames = []string{"shift", "left", "right"}

// newShuffler returns a function giving each epoch's order of n examples,
// and the random source it draws from, which greedy training's exploration
// shares; the same seed gives the same orders.
func newShuffler(n int, seed uint64) (func() []int, *rand.Rand) {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x9a45))
	return func() []int {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		return order
	}, rng
}

// labelClasses returns the label classes of the training data (relations,
// with their rare subtypes folded by relMapper) in sorted order, the class
// of each, their hashes, and the mapping from a relation to its class.
func labelClasses(sents []nlp.Sentence, minSubtype int) (labelOf func(string) string, classes []string, index map[string]int, labelHash []uint64, err error) {
	labelOf = relMapper(sents, minSubtype)
	seen := map[string]bool{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			if l := labelOf(t.Rel); !seen[l] {
				seen[l] = true
				classes = append(classes, l)
			}
		}
	}
	slices.Sort(classes)
	if !seen["root"] {
		return nil, nil, nil, nil, fmt.Errorf("parser: training data has no root relation")
	}
	index = map[string]int{}
	for i, c := range classes {
		index[c] = i
		labelHash = append(labelHash, hashString(c))
	}
	return labelOf, classes, index, labelHash, nil
}

// relMapper keeps frequent relation subtypes and folds the rest into their
// universal relation.
func relMapper(sents []nlp.Sentence, minSubtype int) func(string) string {
	counts := map[string]int{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			counts[t.Rel]++
		}
	}
	return func(rel string) string {
		if i := strings.IndexByte(rel, ':'); i >= 0 && counts[rel] < minSubtype {
			return rel[:i]
		}
		return rel
	}
}
