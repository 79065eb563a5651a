package parser

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp/perceptron"
)

// Feature values are hashed once per token and combined numerically, which
// keeps the many conjunctions of the parser's templates cheap.
func mix(template uint64, vs ...uint64) perceptron.Feature {
	h := template*0x9E3779B97F4A7C15 + 1
	for _, v := range vs {
		h ^= v
		h *= 0xbf58476d1ce4e5b9
		h ^= h >> 31
	}
	return perceptron.Feature(h)
}

func hashString(s string) uint64 { return uint64(perceptron.Start(s)) }

// none stands for a missing token (an empty stack slot, no child).
var none = hashString("<none>")

// sentence is what features read of the words: hashed forms and tags, with
// the virtual root at index n.
type sentence struct {
	words, tags []uint64
	upos        []uint64
	// punct[i] and verbs[i] count the punctuation marks and verbs before
	// word i, so the features can ask what lies between two words.
	punct, verbs []int
	labelHash    []uint64 // hashed label names, by label class
}

func newSentence(forms, tags, upos []string, labelHash []uint64) *sentence {
	n := len(forms)
	s := &sentence{words: make([]uint64, n+2), tags: make([]uint64, n+2), upos: make([]uint64, n+2), labelHash: labelHash,
		punct: make([]int, n+2), verbs: make([]int, n+2)}
	for i := range forms {
		s.words[i] = hashString(normWord(forms[i]))
		s.tags[i] = hashString(tags[i])
		s.upos[i] = hashString(upos[i])
		s.punct[i+1], s.verbs[i+1] = s.punct[i], s.verbs[i]
		switch upos[i] {
		case "PUNCT":
			s.punct[i+1]++
		case "VERB":
			s.verbs[i+1]++
		}
	}
	s.punct[n+1], s.verbs[n+1] = s.punct[n], s.verbs[n]
	root := hashString("<root>")
	s.words[n], s.tags[n], s.upos[n] = root, root, root
	s.words[n+1], s.tags[n+1], s.upos[n+1] = none, none, none
	return s
}

// normWord lowercases and folds digits, so numbers share their features.
func normWord(w string) string {
	if strings.ContainsAny(w, "0123456789") {
		var b strings.Builder
		for _, r := range strings.ToLower(w) {
			if r >= '0' && r <= '9' {
				r = '0'
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	return strings.ToLower(w)
}

// view reads a token's values, with none for -1.
type view struct {
	s  *sentence
	st *state
}

func (v view) idx(i int) int {
	if i < 0 {
		return len(v.s.words) - 1
	}
	return i
}
func (v view) w(i int) uint64 { return v.s.words[v.idx(i)] }
func (v view) t(i int) uint64 { return v.s.tags[v.idx(i)] }
func (v view) u(i int) uint64 { return v.s.upos[v.idx(i)] }
func (v view) l(i int) uint64 {
	if i < 0 || v.st.heads[i] < 0 {
		return none
	}
	return v.s.labelHash[v.st.labels[i]]
}
func child(c []int, i int) int {
	if i < 0 {
		return -1
	}
	return c[i]
}
func count(c []int, i int) uint64 {
	if i < 0 {
		return 99
	}
	return uint64(min(c[i], 4))
}
func mask(c []uint64, i int) uint64 {
	if i < 0 {
		return 0
	}
	return c[i]
}

// between counts, capped at 2, the punctuation marks and the verbs strictly
// between words a and b; 9 when either is missing.
func (s *sentence) between(a, b int) (punct, verbs uint64) {
	if a < 0 || b < 0 {
		return 9, 9
	}
	lo, hi := min(a, b), max(a, b)
	if hi-lo < 2 {
		return 0, 0
	}
	return uint64(min(s.punct[hi]-s.punct[lo+1], 2)), uint64(min(s.verbs[hi]-s.verbs[lo+1], 2))
}

func dist(a, b int) uint64 {
	if a < 0 || b < 0 {
		return 99
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	return uint64(min(d, 6))
}

// moveFeatures appends the features the move model scores (Zhang and Nivre
// 2011's templates, read for arc-hybrid: s0, s1, s2 on the stack, n0, n1, n2
// in the buffer, and the outer children of s0, s1 and n0).
func moveFeatures(s *sentence, st *state, out []perceptron.Feature) []perceptron.Feature {
	v := view{s, st}
	k := len(st.stack)
	s0, s1, s2 := -1, -1, -1
	if k > 0 {
		s0 = st.stack[k-1]
	}
	if k > 1 {
		s1 = st.stack[k-2]
	}
	if k > 2 {
		s2 = st.stack[k-3]
	}
	n0, n1, n2 := st.b, -1, -1
	if st.b+1 <= st.n {
		n1 = st.b + 1
	}
	if st.b+2 <= st.n {
		n2 = st.b + 2
	}
	if n1 > st.n {
		n1 = -1
	}
	s0l, s0l2, s0r, s0r2 := child(st.l1, s0), child(st.l2, s0), child(st.r1, s0), child(st.r2, s0)
	n0l, n0l2 := child(st.l1, n0), child(st.l2, n0)
	s1r, s1l := child(st.r1, s1), child(st.l1, s1)

	ws0, ts0, wn0, tn0 := v.w(s0), v.t(s0), v.w(n0), v.t(n0)
	ws1, ts1, wn1, tn1 := v.w(s1), v.t(s1), v.w(n1), v.t(n1)
	wn2, tn2, ws2, ts2 := v.w(n2), v.t(n2), v.w(s2), v.t(s2)
	d := dist(s0, n0)
	d1 := dist(s1, s0)
	pb, vb := s.between(s0, n0)
	pb1, vb1 := s.between(s1, s0)
	return append(out,
		mix(0),
		// single tokens
		mix(1, ws0), mix(2, ts0), mix(3, ws0, ts0),
		mix(4, wn0), mix(5, tn0), mix(6, wn0, tn0),
		mix(7, wn1), mix(8, tn1), mix(9, wn1, tn1),
		mix(10, wn2), mix(11, tn2),
		mix(12, ws1), mix(13, ts1), mix(14, ws1, ts1),
		mix(15, ws2), mix(16, ts2),
		// pairs across s0 and n0, and s1 and s0
		mix(20, ws0, ts0, wn0, tn0), mix(21, ws0, ts0, wn0), mix(22, ws0, wn0, tn0),
		mix(23, ws0, ts0, tn0), mix(24, ts0, wn0, tn0), mix(25, ws0, wn0), mix(26, ts0, tn0),
		mix(27, tn0, tn1),
		mix(28, ws1, ts1, ws0, ts0), mix(29, ws1, ws0), mix(30, ts1, ts0), mix(31, ts1, ws0), mix(32, ws1, ts0),
		// tag trigrams
		mix(40, tn0, tn1, tn2), mix(41, ts0, tn0, tn1), mix(42, ts1, ts0, tn0), mix(43, ts2, ts1, ts0),
		mix(44, ts0, v.t(s0l), tn0), mix(45, ts0, v.t(s0r), tn0), mix(46, ts0, tn0, v.t(n0l)),
		mix(47, ts0, v.t(s0l), v.t(s0l2)), mix(48, ts0, v.t(s0r), v.t(s0r2)), mix(49, tn0, v.t(n0l), v.t(n0l2)),
		mix(50, ts1, v.t(s1r), ts0), mix(51, ts1, v.t(s1l), ts0), mix(52, ts1, ts0, tn1),
		// distance
		mix(60, d, ws0), mix(61, d, ts0), mix(62, d, wn0), mix(63, d, tn0), mix(64, d, ts0, tn0), mix(65, d, ws0, wn0),
		mix(66, d1, ts1, ts0), mix(67, d1, ws1, ws0),
		// valency
		mix(70, ws0, count(st.nl, s0)), mix(71, ts0, count(st.nl, s0)),
		mix(72, ws0, count(st.nr, s0)), mix(73, ts0, count(st.nr, s0)),
		mix(74, wn0, count(st.nl, n0)), mix(75, tn0, count(st.nl, n0)),
		mix(76, ts1, count(st.nr, s1)),
		// children and their labels
		mix(80, v.w(s0l)), mix(81, v.t(s0l)), mix(82, v.l(s0l)),
		mix(83, v.w(s0r)), mix(84, v.t(s0r)), mix(85, v.l(s0r)),
		mix(86, v.w(n0l)), mix(87, v.t(n0l)), mix(88, v.l(n0l)),
		mix(89, v.l(s0l2)), mix(90, v.l(s0r2)), mix(91, v.l(n0l2)),
		mix(92, v.l(s1r)), mix(93, v.w(s1r)), mix(94, v.l(s0)),
		mix(95, ws0, mask(st.ls, s0)), mix(96, ts0, mask(st.ls, s0)),
		mix(97, ws0, mask(st.rs, s0)), mix(98, ts0, mask(st.rs, s0)),
		mix(99, wn0, mask(st.ls, n0)), mix(100, tn0, mask(st.ls, n0)),
		mix(101, ts1, mask(st.rs, s1)),
		// universal tags: a second tagger's view, coarser and sometimes right where XPOS is wrong
		mix(110, v.u(s0)), mix(111, v.u(n0)), mix(112, v.u(s0), v.u(n0)), mix(113, v.u(s1), v.u(s0)),
		mix(114, v.u(s0), v.u(n0), v.u(n1)), mix(115, v.u(s1), v.u(s0), v.u(n0)), mix(116, ws0, v.u(n0)), mix(117, v.u(s0), wn0),
		// what lies between: commas and clauses separate what rarely attaches across them
		mix(120, pb, ts0, tn0), mix(121, vb, ts0, tn0), mix(122, pb, vb, d),
		mix(123, pb1, ts1, ts0), mix(124, vb1, ts1, ts0), mix(125, pb1, vb1, d1),
		// more context around s0 and n0
		mix(130, ts0, v.l(s0l), v.l(s0r), tn0), mix(131, ws0, tn0, tn1), mix(132, ts1, ts0, v.t(s0l), tn0),
		mix(133, tn0, wn1), mix(134, ws0, v.l(s0r), tn0), mix(135, ts0, wn0, v.l(n0l)),
	)
}

// labelFeatures appends the features the label model scores for the arc
// head → dep a move is about to make. dep is complete; head has the
// children attached so far.
func labelFeatures(s *sentence, st *state, head, dep int, out []perceptron.Feature) []perceptron.Feature {
	v := view{s, st}
	dir := uint64(0)
	if dep < head {
		dir = 1
	}
	if head == st.n {
		dir = 2
	}
	d := dist(head, dep)
	pb, vb := s.between(head, dep)
	wh, th, wd, td := v.w(head), v.t(head), v.w(dep), v.t(dep)
	dl, dr := child(st.l1, dep), child(st.r1, dep)
	prev, next := dep-1, dep+1
	if next >= st.n {
		next = -1
	}
	return append(out,
		mix(200, dir), mix(201, dir, d),
		mix(202, dir, th), mix(203, dir, td), mix(204, dir, wd), mix(205, dir, wh),
		mix(206, dir, th, td), mix(207, dir, wh, td), mix(208, dir, th, wd), mix(209, dir, wh, wd),
		mix(210, dir, th, td, d),
		mix(211, dir, td, v.w(dl), v.l(dl)), mix(212, dir, td, v.t(dl)), mix(213, dir, td, v.w(dr), v.l(dr)),
		mix(214, dir, th, td, mask(st.ls, dep)), mix(215, dir, th, td, mask(st.rs, dep)),
		mix(216, dir, th, td, mask(st.ls, head)), mix(217, dir, th, td, mask(st.rs, head)),
		mix(218, dir, th, td, v.t(prev)), mix(219, dir, th, td, v.t(next)),
		mix(220, dir, td, v.w(prev)), mix(221, dir, th, v.w(dl)),
		mix(222, dir, th, td, v.t(dl), v.t(dr)),
		mix(223, dir, wd, count(st.nl, dep), count(st.nr, dep)),
		mix(224, dir, v.u(head), v.u(dep)), mix(225, dir, v.u(head), wd), mix(226, dir, wh, v.u(dep)),
		mix(227, dir, v.u(head), v.u(dep), v.w(dl)), mix(228, dir, v.u(dep), v.w(dl), v.w(child(st.l2, dep))),
		mix(229, dir, v.u(head), v.u(dep), d),
		mix(230, dir, v.u(head), v.u(dep), pb, vb),
	)
}
