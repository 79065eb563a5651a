// Package deppat reads relations between entity mentions from a sentence's
// dependency tree. Each relation pattern is data: a row of the table in
// table.go names the dependency path between two mention heads, in a small
// Semgrex-like notation, the predicate the path yields, and the precision and
// support measured for the row on real news. One matcher walks every row.
//
// The package knows the schema's predicate names but nothing of the store or
// of ingest: a caller hands it a parsed nlp.Sentence and the mentions it found
// (NER spans, gazetteer hits) and gets candidate facts back.
package deppat

import (
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
)

// Mention is a name in a sentence: tokens [Start, End) and a coarse class
// (PER, ORG, LOC, MISC) or a finer one the caller maps with Classes.
type Mention struct {
	Start, End int
	Class      string
}

// Candidate is one fact a pattern read: Subject Predicate Object, where
// Object is a mention, or nil for a role whose title is in ObjectText.
type Candidate struct {
	Subject    Mention
	Predicate  string
	Object     *Mention
	ObjectText string   // the title for role; the object mention's text otherwise
	Rule       string   // the pattern's name
	Qualifiers []string // former, ex, then, acting, shadow, designate, negated
	Precision  float64  // the pattern's measured precision on Reuters dev (0: unmeasured)
}

// Match runs every pattern of the table over a parsed sentence and returns
// the candidates, deduplicated, in sentence order. Mentions whose span is
// outside the sentence are ignored.
func Match(s *nlp.Sentence, mentions []Mention) []Candidate {
	return MatchWith(Table(), s, mentions)
}

// MatchWith runs the given patterns; a fact several rows read is kept once,
// from the first row of the table that reads it. Callers gate rows by their figures
// (Pattern.Precision) before passing them.
func MatchWith(pats []*Pattern, s *nlp.Sentence, mentions []Mention) []Candidate {
	g := newGraph(s, mentions)
	var out []Candidate
	seen := map[string]bool{}
	for _, p := range pats {
		for _, c := range p.match(g) {
			k := c.key()
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Subject.Start < out[j].Subject.Start })
	return out
}

func (c Candidate) key() string {
	o := c.ObjectText
	return strings.Join([]string{strconv.Itoa(c.Subject.Start), c.Predicate, o}, "\x00")
}

// graph indexes a sentence for the matcher: children of each token, and the
// mention each token heads.
type graph struct {
	s        *nlp.Sentence
	children [][]int
	headOf   map[int]int // token index → index into mentions, for mention heads
	inside   []int       // token index → index into mentions covering it, or -1
	mentions []Mention
}

func newGraph(s *nlp.Sentence, mentions []Mention) *graph {
	n := len(s.Tokens)
	g := &graph{s: s, children: make([][]int, n), headOf: map[int]int{}, inside: make([]int, n)}
	for i := range g.inside {
		g.inside[i] = -1
	}
	for i, t := range s.Tokens {
		if t.Head >= 0 && t.Head < n && t.Head != i {
			g.children[t.Head] = append(g.children[t.Head], i)
		}
	}
	for _, m := range mentions {
		if m.Start < 0 || m.End > n || m.Start >= m.End {
			continue
		}
		// A recogniser that took the article into the name (A Justice
		// Department) would make the article the name's head.
		for m.End-m.Start > 1 && s.Tokens[m.Start].UPOS == "DET" {
			m.Start++
		}
		for m.End-m.Start > 1 && s.Tokens[m.End-1].UPOS == "PUNCT" {
			m.End--
		}
		mi := len(g.mentions)
		g.mentions = append(g.mentions, m)
		for i := m.Start; i < m.End; i++ {
			g.inside[i] = mi
		}
		g.headOf[spanHead(s, m.Start, m.End)] = mi
	}
	return g
}

// spanHead is the token of [start, end) whose head lies outside the span
// (the first such, when the parse splits a name).
func spanHead(s *nlp.Sentence, start, end int) int {
	for i := start; i < end; i++ {
		h := s.Tokens[i].Head
		if h < start || h >= end {
			return i
		}
	}
	return start
}

// text joins the tokens [start, end) with the spaces the document had.
func (g *graph) text(start, end int) string {
	var b strings.Builder
	for i := start; i < end; i++ {
		if i > start && g.s.Tokens[i].Start > g.s.Tokens[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(g.s.Tokens[i].Text)
	}
	return b.String()
}

// MentionText is the text of a mention in a sentence, as Candidate.ObjectText gives it.
func MentionText(s *nlp.Sentence, m Mention) string {
	g := &graph{s: s}
	return g.text(m.Start, m.End)
}
