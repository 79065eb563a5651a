package parser

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/nlp"
)

// Reparsing (Sagae and Lavie 2006; Surdeanu and Manning 2010): parsers that
// read a sentence differently (left to right and right to left, greedily
// and with a beam) make different mistakes. Each votes for the head of every
// word with its weight (its development accuracy); the tree is the maximum
// spanning tree over the votes (Chu–Liu/Edmonds, so non-projective), and each
// arc takes the label its voters gave most weight.

// member is one parser of an ensemble and the weight of its votes.
type member struct {
	model  *Model
	weight float64
}

// NewEnsemble makes a parser that combines the given parsers, each voting
// with its weight (weights[i] > 0, typically the parser's UAS on
// development data). Ties between arcs go to the parser listed first.
func NewEnsemble(models []*Model, weights []float64) (*Model, error) {
	if len(models) == 0 || len(models) != len(weights) {
		return nil, fmt.Errorf("parser: ensemble of %d models with %d weights", len(models), len(weights))
	}
	e := &Model{labelTable: models[0].labelTable, rootLabel: models[0].rootLabel, beam: 1}
	for i, m := range models {
		if len(m.members) > 0 {
			return nil, fmt.Errorf("parser: an ensemble cannot be a member of an ensemble")
		}
		if !(weights[i] > 0) {
			return nil, fmt.Errorf("parser: ensemble weight %v is not positive", weights[i])
		}
		// Earlier members win ties: a small tilt, far below any vote.
		e.members = append(e.members, member{model: m, weight: weights[i] * (1 + 1e-4*float64(len(models)-i))})
	}
	return e, nil
}

// vote is one member's arc into a word.
type vote struct {
	head   int
	label  string
	weight float64
}

// maxVotedWords bounds the sentences whose tree comes from the votes: the
// spanning tree's contractions cost up to n³ (1.6 s at 300 words of filler
// text, where the members disagree everywhere), so a longer sentence, which
// is no prose anyway, takes the tree of the first member alone.
const maxVotedWords = 100

// parseEnsemble fills Head and Rel of s from the members' votes.
//
// It returns, for each word, whether every member voted for its head with
// the same label: those labels the label pass keeps.
func (m *Model) parseEnsemble(s *nlp.Sentence) (agreed []bool) {
	n := len(s.Tokens)
	agreed = make([]bool, n)
	if n > maxVotedWords {
		m.members[0].model.Parse(s)
		return agreed
	}
	votes := make([][]vote, n)
	score := make([][]float64, n+1) // score[h][d]; n is the root
	for h := range score {
		score[h] = make([]float64, n+1)
	}
	total := 0.0
	labelVoters := 0 // members that vote for labels: not graph ones
	for _, mb := range m.members {
		if mb.model.arcs == nil {
			labelVoters++
		}
		if mb.model.soft > 0 {
			mb.model.softVotes(s, mb.weight, score)
			total += mb.weight
			continue
		}
		heads, labels := mb.model.parse(s)
		for d, h := range heads {
			score[h][d] += mb.weight
			if mb.model.arcs == nil { // a graph member gives no labels
				votes[d] = append(votes[d], vote{h, mb.model.labelTable.classes[labels[d]], mb.weight})
			}
		}
		total += mb.weight
	}
	// Arcs nobody voted for break cycles; among them prefer short ones.
	for h := range n + 1 {
		for d := range n {
			switch {
			case h == d:
				score[h][d] = math.Inf(-1)
			case h < n:
				score[h][d] -= 1e-6 * float64(abs(h-d)) / float64(n)
			}
		}
		score[h][n] = math.Inf(-1)
	}
	// Most often each word's best-voted head already makes a tree with one
	// root, which is then the best tree.
	heads := bestHeads(score, n)
	if !isTree(heads, n) {
		// The root takes exactly one word: every root arc pays more than
		// any tree could gain, so the best tree has one root arc, the
		// best-voted.
		penalty := total*float64(n+1) + 1
		for d := range n {
			score[n][d] -= penalty
		}
		heads = maxSpanningTree(score, n)
	}
	for d := range n {
		h := heads[d]
		t := &s.Tokens[d]
		if h == n {
			t.Head, t.Rel = -1, "root"
			continue
		}
		t.Head, t.Rel = h, votedLabel(votes[d], h)
		agreed[d] = len(votes[d]) == labelVoters
		for _, v := range votes[d] {
			agreed[d] = agreed[d] && v.head == h && v.label == t.Rel
		}
	}
	return agreed
}

// votedLabel is the label with most weight among the votes for head h, or
// among all the word's votes when none chose h; never "root", which only
// the root's arc carries.
func votedLabel(votes []vote, h int) string {
	weights := map[string]float64{}
	var labels []string
	for pass := range 2 {
		for _, v := range votes {
			if (pass == 1 || v.head == h) && v.label != "root" {
				if _, ok := weights[v.label]; !ok {
					labels = append(labels, v.label)
				}
				weights[v.label] += v.weight
			}
		}
		if len(labels) > 0 {
			break
		}
	}
	if len(labels) == 0 {
		return "dep" // every voter made the word the root
	}
	// Labels are in the order of the votes, so ties go to the first voter.
	best := labels[0]
	for _, l := range labels[1:] {
		if weights[l] > weights[best] {
			best = l
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// bestHeads gives each node but the root its best-scoring head.
func bestHeads(score [][]float64, root int) []int {
	nn := len(score)
	head := make([]int, nn)
	for d := range nn {
		head[d] = -1
		if d == root {
			continue
		}
		for h := range nn {
			if h != d && (head[d] < 0 || score[h][d] > score[head[d]][d]) {
				head[d] = h
			}
		}
	}
	return head
}

// isTree reports whether head links make a tree with exactly one node
// attached to the root.
func isTree(head []int, root int) bool {
	children := 0
	for d, h := range head {
		if d != root && h == root {
			children++
		}
	}
	return children == 1 && findCycle(head, root) == nil
}

// maxSpanningTree returns the head of every node of the maximum spanning
// arborescence rooted at root over score[h][d] (Chu–Liu/Edmonds, with
// contraction of cycles); the root's head is -1. Unusable arcs score -Inf.
func maxSpanningTree(score [][]float64, root int) []int {
	nn := len(score)
	head := bestHeads(score, root)
	cycle := findCycle(head, root)
	if cycle == nil {
		return head
	}
	// Contract the cycle into one node c and solve the smaller problem.
	inCycle := make([]bool, nn)
	for _, v := range cycle {
		inCycle[v] = true
	}
	id := make([]int, nn) // old node → new node
	var orig []int        // new node → old node (not c)
	for v := range nn {
		if !inCycle[v] {
			id[v] = len(orig)
			orig = append(orig, v)
		}
	}
	c := len(orig)
	for _, v := range cycle {
		id[v] = c
	}
	sub := make([][]float64, c+1)
	for i := range sub {
		sub[i] = make([]float64, c+1)
		for j := range sub[i] {
			sub[i][j] = math.Inf(-1)
		}
	}
	enter := make([]int, nn) // for u outside: the cycle node its best arc into c reaches
	exit := make([]int, nn)  // for v outside: the cycle node its best arc from c leaves
	for _, u := range orig {
		for _, v := range orig {
			if u != v {
				sub[id[u]][id[v]] = score[u][v]
			}
		}
		best, bestV := math.Inf(-1), -1
		for _, v := range cycle {
			if s := score[u][v] - score[head[v]][v]; bestV < 0 || s > best {
				best, bestV = s, v
			}
		}
		sub[id[u]][c], enter[u] = best, bestV
		best, bestU := math.Inf(-1), -1
		for _, w := range cycle {
			if bestU < 0 || score[w][u] > best {
				best, bestU = score[w][u], w
			}
		}
		sub[c][id[u]], exit[u] = best, bestU
	}
	subHead := maxSpanningTree(sub, id[root])
	out := slices.Clone(head) // the cycle's arcs stay but one
	for _, v := range orig {
		if v == root {
			continue
		}
		if h := subHead[id[v]]; h == c {
			out[v] = exit[v]
		} else {
			out[v] = orig[h]
		}
	}
	u := orig[subHead[c]]
	out[enter[u]] = u
	return out
}

// findCycle returns the nodes of a cycle of head links, or nil.
func findCycle(head []int, root int) []int {
	mark := make([]int, len(head)) // 0 unseen, k+1 seen from start k
	for start := range head {
		if mark[start] != 0 || start == root {
			continue
		}
		v := start
		for v >= 0 && v != root && mark[v] == 0 {
			mark[v] = start + 1
			v = head[v]
		}
		if v >= 0 && v != root && mark[v] == start+1 {
			cycle := []int{v}
			for w := head[v]; w != v; w = head[w] {
				cycle = append(cycle, w)
			}
			slices.SortFunc(cycle, cmp.Compare)
			return cycle
		}
	}
	return nil
}
