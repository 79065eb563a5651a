package resolve

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
)

// Context thresholds. Two entities share context when the documents that
// name them also name the same specific other entities: each shared entity
// counts its inverse document frequency, so "United States" (in nine
// articles of ten) adds almost nothing and a name in three articles adds
// much. The figures are set on the Reuters 2017 sample (docs/graph-model.md).
const (
	// minShared specific entities (in at most maxSharedDF of the documents)
	// that both sides' documents name.
	minShared = 3
	// minScore is the least sum of the shared entities' idf (natural log).
	minScore = 12.0
	// maxSharedDF: entities in more documents than this fraction are not
	// specific enough to count as shared context.
	maxSharedDF = 0.1
	// dominance: the best of several candidates must score this many times
	// the next one.
	dominance = 2.0
	// minDocScore: what each document of a one-word name must share with
	// the person it is merged into (one entity in about 5% of documents).
	minDocScore = 3.0
)

// sharedContext is what two entities' documents have in common.
type sharedContext struct {
	score  float64
	shared []string // names of the shared specific entities, most specific first
}

func (c sharedContext) enough() bool { return len(c.shared) >= minShared && c.score >= minScore }

func (c sharedContext) String() string {
	if len(c.shared) == 0 {
		return "no shared context"
	}
	show := c.shared
	if len(show) > 6 {
		show = show[:6]
	}
	more := ""
	if len(c.shared) > len(show) {
		more = fmt.Sprintf(" and %d more", len(c.shared)-len(show))
	}
	return fmt.Sprintf("shared context (score %.1f): %s%s", c.score, strings.Join(show, ", "), more)
}

// neighbours are the cluster roots named in the documents of an entity's
// cluster, its own cluster excepted.
func (w *world) neighbours(e *entity) map[string]bool {
	self := w.find(e.iri)
	if n, ok := w.neigh[self]; ok {
		return n
	}
	n := map[string]bool{}
	defer func() { w.neigh[self] = n }()
	for _, m := range w.members[self] {
		for d := range m.docs {
			for _, o := range w.docEnts[d] {
				if r := w.find(o); r != self {
					n[r] = true
				}
			}
		}
	}
	return n
}

// context scores what a's and b's documents share, neither's own cluster
// counted.
func (w *world) context(a, b *entity) sharedContext {
	na, nb := w.neighbours(a), w.neighbours(b)
	if len(nb) < len(na) {
		na, nb = nb, na
	}
	ra, rb := w.find(a.iri), w.find(b.iri)
	total := float64(len(w.docEnts))
	type hit struct {
		name string
		idf  float64
	}
	var hits []hit
	var c sharedContext
	for x := range na {
		if !nb[x] || x == ra || x == rb {
			continue
		}
		df := float64(w.df[x])
		if df == 0 || df > maxSharedDF*total {
			continue
		}
		idf := math.Log(total / df)
		c.score += idf
		name := x
		if e := w.ents[x]; e != nil && e.name != "" {
			name = e.name
		}
		hits = append(hits, hit{name, idf})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].idf != hits[j].idf {
			return hits[i].idf > hits[j].idf
		}
		return hits[i].name < hits[j].name
	})
	for _, h := range hits {
		c.shared = append(c.shared, h.name)
	}
	return c
}

// unsupportedDoc returns a document of e whose own entities do not point
// to o, and why: they share less than minDocScore with o's documents, or no
// more than with one of the other candidates. "" when every document
// supports o.
func (w *world) unsupportedDoc(e, o *entity, others []*entity) (string, string) {
	no := w.neighbours(o)
	nothers := make([]map[string]bool, len(others))
	for i, x := range others {
		nothers[i] = w.neighbours(x)
	}
	for _, d := range slices.Sorted(maps.Keys(e.docs)) {
		s := w.docScore(d, e, o, no)
		if s < minDocScore {
			return d, fmt.Sprintf("shares too little with it (%.1f)", s)
		}
		// A rival the document points to more refuses the merge; a tie
		// says nothing of either, and the merge's overall context, which
		// must already dominate every rival's, decides ("Trump" in a story
		// whose specific names all occur with Donald and Ivanka Trump).
		for i, x := range others {
			if xs := w.docScore(d, e, x, nothers[i]); xs > s {
				return d, fmt.Sprintf("shares more with %s (%.1f, %.1f)", x.name, xs, s)
			}
		}
	}
	return "", ""
}

// docScore is the idf of the specific entities of document d that o's
// documents name too.
func (w *world) docScore(d string, e, o *entity, no map[string]bool) float64 {
	total := float64(len(w.docEnts))
	re, ro := w.find(e.iri), w.find(o.iri)
	score := 0.0
	seen := map[string]bool{}
	for _, x := range w.docEnts[d] {
		r := w.find(x)
		if seen[r] || r == re || r == ro || !no[r] {
			continue
		}
		seen[r] = true
		if df := float64(w.df[r]); df > 0 && df <= maxSharedDF*total {
			score += math.Log(total / df)
		}
	}
	return score
}
