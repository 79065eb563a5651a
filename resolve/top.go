package resolve

import (
	"context"
	"slices"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/names"
)

// Cluster is one entity as queries see it: a node and every node merged
// with it (ng:same_as), with the documents that name any of them.
type Cluster struct {
	IRI       string   `json:"iri"`       // the node the others were merged into
	Name      string   `json:"name"`      // its name
	Members   []string `json:"members"`   // every node of the cluster, IRI included, sorted
	Names     []string `json:"names"`     // the members' names, sorted
	Documents int      `json:"documents"` // documents naming any member
}

// Top lists the n clusters named in the most documents (all when n <= 0),
// most first, ties by IRI: the entities a reader meets most, to check
// that none is split over two nodes or is not an entity at all.
func Top(ctx context.Context, qs cgraph.QuadStore, n int) ([]Cluster, error) {
	w, err := readWorld(ctx, qs, names.Default())
	if err != nil {
		return nil, err
	}
	byRoot := map[string]*Cluster{}
	docs := map[string]map[string]bool{}
	for _, e := range w.sorted() {
		r := w.find(e.iri)
		c := byRoot[r]
		if c == nil {
			c = &Cluster{IRI: r}
			byRoot[r] = c
			docs[r] = map[string]bool{}
		}
		c.Members = append(c.Members, e.iri)
		if !slices.Contains(c.Names, e.name) {
			c.Names = append(c.Names, e.name)
		}
		if e.iri == r {
			c.Name = e.name
		}
		for d := range e.docs {
			docs[r][d] = true
		}
	}
	out := make([]Cluster, 0, len(byRoot))
	for r, c := range byRoot {
		c.Documents = len(docs[r])
		sort.Strings(c.Members)
		sort.Strings(c.Names)
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Documents != out[j].Documents {
			return out[i].Documents > out[j].Documents
		}
		return out[i].IRI < out[j].IRI
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out, nil
}
