package parser

// Moves of the arc-hybrid system (Kuhlmann et al. 2011). The buffer ends in
// a virtual root token at index n; a word attached to it is the sentence's
// root.
const (
	shift = iota // push the buffer's front
	left         // the buffer's front becomes the head of s0; pop s0
	right        // s1 becomes the head of s0; pop s0
	numMoves
)

// state is a parser configuration with what the features read of the partial
// tree: for each token its nearest and second-nearest children on each side,
// how many children it has on each side and which labels they carry.
type state struct {
	n      int
	stack  []int
	b      int
	heads  []int // -1 until attached; n for the root
	labels []int // label class of the arc to the head
	l1, l2 []int // leftmost and second-leftmost child, -1 if none
	r1, r2 []int // rightmost and second-rightmost child
	nl, nr []int // number of left and right children
	ls, rs []uint64
	// ints and masks back the per-token slices above, so that a beam
	// copies a state with two copies.
	ints  []int
	masks []uint64
}

func newState(n int) *state {
	s := &state{n: n, stack: make([]int, 0, n)}
	ints := make([]int, 8*(n+1))
	s.ints = ints
	s.heads, ints = ints[:n+1], ints[n+1:]
	s.labels, ints = ints[:n+1], ints[n+1:]
	s.l1, ints = ints[:n+1], ints[n+1:]
	s.l2, ints = ints[:n+1], ints[n+1:]
	s.r1, ints = ints[:n+1], ints[n+1:]
	s.r2, ints = ints[:n+1], ints[n+1:]
	s.nl, s.nr = ints[:n+1], ints[n+1:]
	masks := make([]uint64, 2*(n+1))
	s.masks = masks
	s.ls, s.rs = masks[:n+1], masks[n+1:]
	for i := range s.heads {
		s.heads[i], s.l1[i], s.l2[i], s.r1[i], s.r2[i] = -1, -1, -1, -1, -1
	}
	return s
}

// copyFrom makes s a copy of o, a state of the same sentence.
func (s *state) copyFrom(o *state) {
	s.stack = append(s.stack[:0], o.stack...)
	s.b = o.b
	copy(s.ints, o.ints)
	copy(s.masks, o.masks)
}

func (s *state) done() bool { return s.b == s.n && len(s.stack) == 0 }

// valid reports whether a move may be made. Exactly one word attaches to the
// root: the root takes a left arc only from the last word on the stack.
func (s *state) valid(move int) bool {
	switch move {
	case shift:
		return s.b < s.n
	case left:
		if len(s.stack) == 0 {
			return false
		}
		return s.b < s.n || len(s.stack) == 1
	case right:
		return len(s.stack) >= 2
	}
	return false
}

// apply makes a move; label is the arc's label class for left and right.
func (s *state) apply(move, label int) {
	switch move {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left:
		s.addArc(s.b, s.pop(), label)
	case right:
		d := s.pop()
		s.addArc(s.stack[len(s.stack)-1], d, label)
	}
}

func (s *state) pop() int {
	d := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	return d
}

// arc returns the head and dependent a left or right move would join.
func (s *state) arc(move int) (head, dep int) {
	d := s.stack[len(s.stack)-1]
	if move == left {
		return s.b, d
	}
	return s.stack[len(s.stack)-2], d
}

func (s *state) addArc(h, d, label int) {
	s.heads[d], s.labels[d] = h, label
	bit := uint64(1) << (label & 63)
	if d < h {
		s.nl[h]++
		s.ls[h] |= bit
		if s.l1[h] < 0 || d < s.l1[h] {
			s.l2[h], s.l1[h] = s.l1[h], d
		} else if s.l2[h] < 0 || d < s.l2[h] {
			s.l2[h] = d
		}
		return
	}
	s.nr[h]++
	s.rs[h] |= bit
	if d > s.r1[h] {
		s.r2[h], s.r1[h] = s.r1[h], d
	} else if d > s.r2[h] {
		s.r2[h] = d
	}
}

// costs fills the number of gold arcs each move makes unreachable (the
// dynamic oracle of Goldberg and Nivre 2013 for arc-hybrid), given gold
// heads (n for the root) of a projective tree.
func (s *state) costs(gold []int, out *[numMoves]int) {
	*out = [numMoves]int{}
	k := len(s.stack)
	if s.b < s.n {
		c := 0
		for i, x := range s.stack {
			if gold[x] == s.b {
				c++ // x can no longer take b as its head
			}
			if gold[s.b] == x && i < k-1 {
				c++ // b can only take s0 from the stack as head once pushed
			}
		}
		out[shift] = c
	}
	if k == 0 {
		return
	}
	s0 := s.stack[k-1]
	deps := 0 // children of s0 still in the buffer
	for j := s.b; j < s.n; j++ {
		if gold[j] == s0 {
			deps++
		}
	}
	g := gold[s0]
	out[left], out[right] = deps, deps
	// left gives s0 the head b: wrong when its gold head is s1 or later in the buffer.
	if (k >= 2 && g == s.stack[k-2]) || (g > s.b) {
		out[left]++
	}
	// right gives s0 the head s1: wrong when its gold head is in the buffer.
	if g >= s.b {
		out[right]++
	}
}

// projectivize lifts non-projective arcs (shortest first) to the head's
// head until the tree is projective (Nivre and Nilsson 2005, without
// encoding the lifts in the labels). heads use n for the root.
func projectivize(heads []int) []int {
	h := append([]int(nil), heads...)
	n := len(h)
	for {
		best, bestLen := -1, n+1
		for d := range h {
			if h[d] == n {
				continue
			}
			lo, hi := min(d, h[d]), max(d, h[d])
			if hi-lo < bestLen && !projectiveArc(h, h[d], lo, hi) {
				best, bestLen = d, hi-lo
			}
		}
		if best < 0 {
			return h
		}
		h[best] = h[h[best]]
	}
}

// projectiveArc reports whether head dominates every word strictly between lo and hi.
func projectiveArc(h []int, head, lo, hi int) bool {
	n := len(h)
	for k := lo + 1; k < hi; k++ {
		x, steps := k, 0
		for x != head && x != n && steps <= n {
			x = h[x]
			steps++
		}
		if x != head {
			return false
		}
	}
	return true
}
