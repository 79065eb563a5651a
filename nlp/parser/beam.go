package parser

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// Beam search (Zhang and Clark 2008) keeps the k best move sequences instead
// of one, and a globally trained model scores whole sequences, so an early
// attachment can be revised by what comes after it. Every sequence of the
// arc-hybrid system takes 2n moves, so the beam's items finish together.

// candidate is one way to extend a beam item.
type candidate struct {
	item, move int
	score      float32
}

// rank orders candidates best first; ties go to the earlier item and move,
// which keeps parsing deterministic.
func rank(a, b candidate) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	if c := cmp.Compare(a.item, b.item); c != 0 {
		return c
	}
	return cmp.Compare(a.move, b.move)
}

// parseBeam parses with a beam of k items and returns the best final state.
func (m *Model) parseBeam(sent *sentence, n, k int) *state {
	cur := []*state{newState(n)}
	curScore := []float32{0}
	var spare []*state
	feats := make([]perceptron.Feature, 0, 128)
	lsums := make([]int32, len(m.labelTable.classes))
	cands := make([]candidate, 0, numMoves*k)
	var scores [numMoves]float32
	next, nextScore := make([]*state, 0, k), make([]float32, 0, k)
	for !cur[0].done() {
		cands = cands[:0]
		for i, st := range cur {
			feats = moveFeatures(sent, st, feats[:0])
			m.table.scores(feats, &scores)
			for mv := range numMoves {
				if st.valid(mv) {
					cands = append(cands, candidate{i, mv, curScore[i] + scores[mv]})
				}
			}
		}
		slices.SortFunc(cands, rank)
		next, nextScore = next[:0], nextScore[:0]
		for _, c := range cands[:min(k, len(cands))] {
			var st *state
			if len(spare) > 0 {
				st, spare = spare[len(spare)-1], spare[:len(spare)-1]
			} else {
				st = newState(n)
			}
			st.copyFrom(cur[c.item])
			st.apply(c.move, m.label(sent, st, c.move, feats[:0], lsums))
			next, nextScore = append(next, st), append(nextScore, c.score)
		}
		spare = append(spare, cur...)
		cur, next = next, cur[:0]
		curScore, nextScore = nextScore, curScore[:0]
	}
	return cur[0]
}

// staticOracle returns the move of the canonical gold sequence: reduce as
// soon as a word has all its children and its head is at hand, else shift.
func (s *state) staticOracle(gold []int) int {
	var cost [numMoves]int
	s.costs(gold, &cost)
	for _, mv := range [...]int{left, right, shift} {
		if s.valid(mv) && cost[mv] == 0 {
			return mv
		}
	}
	// Unreachable on a projective tree from a gold state; fall back to
	// the cheapest move.
	best := -1
	for mv := range numMoves {
		if s.valid(mv) && (best < 0 || cost[mv] < cost[best]) {
			best = mv
		}
	}
	return best
}

// path is a move sequence as a linked list from its last move back, with
// the features each move was scored with, for the structured update.
type path struct {
	prev  *path
	move  int
	feats []perceptron.Feature
}

func (p *path) steps() []*path {
	var out []*path
	for ; p != nil; p = p.prev {
		out = append(out, p)
	}
	slices.Reverse(out)
	return out
}

type beamItem struct {
	st    *state
	score float32
	path  *path
	gold  bool // the item's moves are the gold sequence's
}

// trainBeamOne trains a move perceptron as a structured perceptron over
// whole move sequences, decoding with a beam of k and updating at the
// prefix where the best item beats the gold sequence by most (max-violation,
// Huang et al. 2012). The label perceptron learns the gold sequence's arcs
// as in greedy training; within a sentence its weights stay fixed, so the
// gold sequence and a beam item with the same moves have the same labels.
func trainBeamOne(ctx context.Context, data []example, classes []string, rootLabel, epochs, k int, seed uint64,
	logf func(string, ...any)) (moves, labeller *perceptron.Trainer, err error) {
	moves, labeller = perceptron.NewTrainer(moveNames), perceptron.NewTrainer(classes)
	shuffle, _ := newShuffler(len(data), seed)
	scores := make([]float32, numMoves)
	lscores := make([]float32, len(classes))
	type labelled struct {
		feats []perceptron.Feature
		truth int
		guess int
	}
	var lex []labelled
	predictLabel := func(ex *example, st *state, move int) (int, []perceptron.Feature) {
		if move == shift {
			return 0, nil
		}
		h, d := st.arc(move)
		if h == st.n {
			return rootLabel, nil
		}
		lf := labelFeatures(ex.sent, st, h, d, nil)
		labeller.Scores(lf, lscores)
		return perceptron.Best(lscores, func(c int) bool { return c != rootLabel }), lf
	}
	var cands []candidate
	for epoch := range epochs {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("parser: training: %w", err)
		}
		order := shuffle()
		updates, exact, lright, ltotal := 0, 0, 0, 0
		for _, ei := range order {
			ex := &data[ei]
			n := len(ex.heads)
			gold := newState(n)
			var goldPath *path
			var goldScore float32
			items := []beamItem{{st: newState(n), gold: true}}
			maxViol := float32(math.Inf(-1))
			var violGold, violPred *path
			lex = lex[:0]
			for !gold.done() {
				gf := moveFeatures(ex.sent, gold, nil)
				moves.Scores(gf, scores)
				gm := gold.staticOracle(ex.heads)
				goldScore += scores[gm]
				goldPath = &path{goldPath, gm, gf}
				label, lf := predictLabel(ex, gold, gm)
				if lf != nil {
					_, d := gold.arc(gm)
					lex = append(lex, labelled{lf, ex.labels[d], label})
				}
				gold.apply(gm, label)

				cands = cands[:0]
				feats := make([][]perceptron.Feature, len(items))
				for i, it := range items {
					feats[i] = moveFeatures(ex.sent, it.st, nil)
					moves.Scores(feats[i], scores)
					for mv := range numMoves {
						if it.st.valid(mv) {
							cands = append(cands, candidate{i, mv, it.score + scores[mv]})
						}
					}
				}
				slices.SortFunc(cands, rank)
				next := make([]beamItem, 0, k)
				for _, c := range cands[:min(k, len(cands))] {
					parent := items[c.item]
					st := newState(n)
					st.copyFrom(parent.st)
					l, _ := predictLabel(ex, st, c.move)
					st.apply(c.move, l)
					next = append(next, beamItem{st: st, score: c.score,
						path: &path{parent.path, c.move, feats[c.item]}, gold: parent.gold && c.move == gm})
				}
				items = next
				if best := items[0]; !best.gold && best.score-goldScore > maxViol {
					maxViol, violGold, violPred = best.score-goldScore, goldPath, best.path
				}
			}
			moves.Tick()
			if violPred != nil {
				updates++
				g, p := violGold.steps(), violPred.steps()
				i := 0
				for i < len(g) && g[i].move == p[i].move {
					i++ // the shared prefix cancels out
				}
				for ; i < len(g); i++ {
					moves.Add(g[i].move, 1, g[i].feats)
					moves.Add(p[i].move, -1, p[i].feats)
				}
			} else {
				exact++
			}
			for _, l := range lex {
				labeller.Tick()
				labeller.Update(l.truth, l.guess, l.feats)
				ltotal++
				if l.truth == l.guess {
					lright++
				}
			}
		}
		logf("parser: epoch %d: beam %d: %.4f of sentences without update, labels %.4f right", epoch+1, k,
			float64(exact)/float64(max(len(order), 1)), float64(lright)/float64(max(ltotal, 1)))
		_ = updates
	}
	return moves, labeller, nil
}
