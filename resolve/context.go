package resolve

import (
	"fmt"
	"math"
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
	minShared = 2
	// minScore is the least sum of the shared entities' idf (natural log).
	minScore = 7.0
	// maxSharedDF: entities in more documents than this fraction are not
	// specific enough to count as shared context.
	maxSharedDF = 0.1
	// dominance: the best of several candidates must score this many times
	// the next one.
	dominance = 2.0
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

// neighbours are the cluster roots named in an entity's documents, the
// entity's own cluster excepted.
func (w *world) neighbours(e *entity) map[string]bool {
	self := w.find(e.iri)
	n := map[string]bool{}
	for d := range e.docs {
		for _, o := range w.docEnts[d] {
			if r := w.find(o); r != self {
				n[r] = true
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
