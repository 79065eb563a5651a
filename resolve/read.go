package resolve

import (
	"context"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// entity is what resolution knows of one node.
type entity struct {
	iri, top string
	name     string
	aliases  map[string]bool // schema.NameKey of every alias, the name included
	docs     map[string]bool // document IRIs
	spheres  map[string]bool // spheres of its roles and titles (names.Table)
	roles    []string        // role names, for evidence
	names    map[string]int  // ng:name values, each with the documents that gave it
}

// world is the store's entities, documents and recorded decisions, read
// once per Propose.
type world struct {
	tb       *names.Table
	ents     map[string]*entity
	docEnts  map[string][]string        // document IRI → entity IRIs it mentions
	parent   map[string]string          // union-find over ng:same_as
	merged   map[string]bool            // entities with a same_as edge out
	rejected map[[2]string]bool         // both orders
	df       map[string]int             // documents per cluster root
	members  map[string][]*entity       // cluster root → its entities
	acronyms map[string][]*entity       // top + acronym → entities, built on first use
	order    []*entity                  // named entities by IRI (sorted)
	neigh    map[string]map[string]bool // cluster root → neighbours, per clustering
}

func readWorld(ctx context.Context, qs cgraph.QuadStore, tb *names.Table) (*world, error) {
	w := &world{tb: tb, ents: map[string]*entity{}, docEnts: map[string][]string{}, parent: map[string]string{},
		merged: map[string]bool{}, rejected: map[[2]string]bool{}}
	get := func(v quad.Value) *entity {
		iri := iriOf(v)
		top := schema.EntityTop(iri)
		if top == "" || top == "statement" || top == "role" {
			return nil
		}
		e := w.ents[iri]
		if e == nil {
			e = &entity{iri: iri, top: top, aliases: map[string]bool{}, docs: map[string]bool{}, spheres: map[string]bool{}, names: map[string]int{}}
			w.ents[iri] = e
		}
		return e
	}
	roleNames := map[string]string{}
	var roleEdges [][2]string
	steps := []struct {
		pred string
		fn   func(quad.Quad)
	}{
		{schema.PredName, func(q quad.Quad) {
			if iri := iriOf(q.Subject); schema.EntityTop(iri) == "role" {
				roleNames[iri] = stringOf(q.Object)
				return
			}
			if e := get(q.Subject); e != nil {
				n := stringOf(q.Object)
				e.names[n]++
				e.aliases[schema.NameKey(n)] = true
				// The name quad's label is a document that mentions the
				// entity (docs/graph-model.md: no ng:mentioned_in).
				if d := iriOf(q.Label); strings.HasPrefix(d, "doc:") && !e.docs[d] {
					e.docs[d] = true
					w.docEnts[d] = append(w.docEnts[d], e.iri)
				}
			}
		}},
		{schema.PredAlias, func(q quad.Quad) {
			if e := get(q.Subject); e != nil {
				e.aliases[schema.NameKey(stringOf(q.Object))] = true
			}
		}},
		{rolePredicate(), func(q quad.Quad) {
			roleEdges = append(roleEdges, [2]string{iriOf(q.Subject), iriOf(q.Object)})
		}},
		{schema.PredSameAs, func(q quad.Quad) {
			from, into := iriOf(q.Subject), iriOf(q.Object)
			w.merged[from] = true
			w.union(from, into)
		}},
		{schema.PredNotSameAs, func(q quad.Quad) {
			a, b := iriOf(q.Subject), iriOf(q.Object)
			w.rejected[[2]string{a, b}] = true
			w.rejected[[2]string{b, a}] = true
		}},
	}
	for _, s := range steps {
		err := graph.EachQuadAt(ctx, qs, quad.Predicate, quad.IRI(s.pred), func(q quad.Quad) error {
			s.fn(q)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("resolve: reading %s: %w", s.pred, err)
		}
	}
	// Each document names a node its own way ("Treasury", "Treasury
	// Department"): the name most documents give is the node's, so the
	// rules read the same name whatever order the store lists them in.
	for _, e := range w.ents {
		for n, c := range e.names {
			best := e.names[e.name]
			if e.name == "" || c > best || c == best && (len(n) > len(e.name) || len(n) == len(e.name) && n < e.name) {
				e.name = n
			}
		}
	}
	for _, re := range roleEdges {
		e := w.ents[re[0]]
		name := roleNames[re[1]]
		if e == nil || name == "" {
			continue
		}
		e.roles = append(e.roles, name)
		if s, ok := tb.IsTitle(name); ok {
			e.spheres[s] = true
		}
	}
	for _, e := range w.ents {
		if e.top != "person" {
			continue
		}
		titles, _ := tb.StripTitles(e.name)
		for _, t := range titles {
			if s, ok := tb.IsTitle(t.Text); ok {
				e.spheres[s] = true
			}
		}
	}
	w.recluster()
	return w, ctx.Err()
}

// recluster derives what depends on the clusters: each cluster's members
// and the documents that name any of them.
func (w *world) recluster() {
	w.neigh = map[string]map[string]bool{}
	w.members = map[string][]*entity{}
	for _, e := range w.ents {
		r := w.find(e.iri)
		w.members[r] = append(w.members[r], e)
	}
	w.df = map[string]int{}
	for _, iris := range w.docEnts {
		seen := map[string]bool{}
		for _, iri := range iris {
			if r := w.find(iri); !seen[r] {
				seen[r] = true
				w.df[r]++
			}
		}
	}
}

func rolePredicate() string {
	p, _ := schema.LookupPredicate("role")
	return p.IRI()
}

// find is the cluster root of an entity: merged entities are one.
func (w *world) find(x string) string {
	for {
		p, ok := w.parent[x]
		if !ok || p == x {
			return x
		}
		if gp, ok := w.parent[p]; ok && gp != p {
			w.parent[x] = gp
		}
		x = p
	}
}

func (w *world) union(a, b string) {
	ra, rb := w.find(a), w.find(b)
	if ra != rb {
		w.parent[ra] = rb
	}
}

func iriOf(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	return ""
}

func stringOf(v quad.Value) string {
	if v == nil {
		return ""
	}
	if s, ok := v.Native().(string); ok {
		return s
	}
	return fmt.Sprint(v.Native())
}
