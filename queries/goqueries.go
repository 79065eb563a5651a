package queries

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// goFunc is a saved query written in Go. env.emit returns false when the
// runner wants no more rows (the page is full); the function should then
// return nil promptly. ctx carries the runner's deadline.
type goFunc func(ctx context.Context, qs cgraph.QuadStore, params map[string]any, env *goEnv) error

// goEnv is what the runner hands a Go query.
type goEnv struct {
	// need is how many rows the page needs (its offset, its size and one
	// more; 0: all): a query may stop producing after that many.
	need int
	emit func(map[string]any) bool
	keys KeyReader // nil: scan quads
	// one is ResolveEntity, cached, as a parameter: the entity's cluster,
	// or a *ParamError when the text names no entity or several.
	one   func(ctx context.Context, query, param, text, top string) ([]string, error)
	notes []string
}

func (e *goEnv) note(s string) {
	for _, x := range e.notes {
		if x == s {
			return
		}
	}
	e.notes = append(e.notes, s)
}

// goQueries are the saved queries that Gizmo cannot say well.
func goQueries() []Query {
	return []Query{{
		Name: "shortest-path",
		Description: "Shortest paths between two entities over fact edges (either direction), " +
			"breadth first from both names; one row per edge, grouped by path number. " +
			"The search is bounded: by default " + strconv.Itoa(pathBudget) + " index reads, " + strconv.Itoa(maxEdgeQuads) +
			" edge reads per node, predicate and direction (raise budget for more); a note says when a bound cut it.",
		Params: []Param{
			{Name: "from", Type: "string", Required: true, Description: "Name, alias, slug or entity IRI of one end"},
			{Name: "to", Type: "string", Required: true, Description: "Name, alias, slug or entity IRI of the other end"},
			{Name: "max", Type: "int", Default: "6", Description: "Longest path searched, in edges (1 to 10)"},
			{Name: "paths", Type: "int", Default: "10", Description: "At most this many shortest paths"},
			budgetParam,
		},
		Lang:    "go",
		Source:  "// Go: queries.shortestPath (queries/goqueries.go)",
		Tags:    []string{TagGraph, "paths"},
		Columns: []string{"path", "hops", "step", "subject", "predicate", "object", "source", "target"},
		Order:   "path number (paths sorted by their nodes' IRIs), then step",
		Origin:  "builtin",
		run:     shortestPath,
	}}
}

// ResolveName finds the entities a reader means by a name, in Go; saved
// Gizmo queries use it too (the runner binds it as ngResolve, see lib.js):
//
//  1. text that is an entity IRI the store has ("ent:person/x", also
//     written as REST paths do, "person/x") is itself;
//  2. else every entity whose ng:name or ng:alias is exactly the text;
//  3. else, only if none is, every entity whose name or alias matches
//     ignoring case and runs of white space (schema.NameKey). Stores whose
//     layout has ng:key quads answer this by one index lookup; older ones
//     by a scan of all aliases;
//  4. else the entities whose IRI is the text's slug under a top class
//     (schema.EntityIRI): "United Nations" finds ent:organization/united-nations
//     even when the store names that entity "UN";
//  5. else steps 2–4 for the forms a reader types (readerForms), first
//     match wins: without a leading "the", without honorifics and titles
//     ("Mr Blair", "President Trump"), the name family's canonical name
//     and variants ("Tories", "the GOP").
//
// Then entities merged with those found (ng:same_as, graph.Merge) are
// added, both ways. The result is sorted and never nil; empty means no
// match.
//
// keys, when not nil, lists the entities of a name from index keys (one
// per entity) instead of a scan of the name's quads (one per document
// that gave the name: tens of thousands for a country at 100k articles).
func ResolveName(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, text string) ([]string, error) {
	found, err := resolveName(ctx, qs, keys, text)
	if err != nil || len(found) == 0 {
		return found, err
	}
	all, err := sameAsCluster(ctx, qs, found)
	if err != nil {
		return nil, fmt.Errorf("queries: resolve %q: %w", text, err)
	}
	return all, nil
}

// maxCluster bounds the entities one name can stand for through merges.
const maxCluster = 1000

// sameAsCluster adds every entity linked to the given ones by ng:same_as
// (graph.Merge), in either direction and transitively: a merged entity is
// the entity it was merged into. Sorted.
func sameAsCluster(ctx context.Context, qs cgraph.QuadStore, start []string) ([]string, error) {
	in := map[string]bool{}
	for _, s := range start {
		in[s] = true
	}
	sameAs, err := qs.ValueOf(quad.IRI(schema.PredSameAs))
	if err != nil {
		return nil, err
	}
	if sameAs != nil {
		queue := append([]string(nil), start...)
		for len(queue) > 0 && len(in) < maxCluster {
			n := queue[0]
			queue = queue[1:]
			nr, err := qs.ValueOf(quad.IRI(n))
			if err != nil {
				return nil, err
			}
			if nr == nil {
				continue
			}
			for _, d := range []quad.Direction{quad.Subject, quad.Object} {
				far := quad.Object
				if d == quad.Object {
					far = quad.Subject
				}
				// (node, same_as) is one index prefix: a hub's other
				// quads (a name and a mention per document) are not read.
				it := graph.ScanQuads(ctx, qs, map[quad.Direction]cgraph.Ref{d: nr, quad.Predicate: sameAs})
				for it.Next(ctx) {
					r, _ := qs.QuadDirection(it.Result(), far)
					if r == nil {
						continue
					}
					v, err := qs.NameOf(r)
					if err != nil {
						it.Close()
						return nil, err
					}
					if iri, ok := v.(quad.IRI); ok && !in[string(iri)] {
						in[string(iri)] = true
						queue = append(queue, string(iri))
					}
				}
				err = it.Err()
				it.Close()
				if err != nil {
					return nil, err
				}
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err // a cluster cut short must not be taken (and cached) as whole
	}
	out := make([]string, 0, len(in))
	for k := range in {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

// resolveExact is resolveName for the text as given, with no reader's
// forms tried.
func resolveExact(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, text string) ([]string, error) {
	text = strings.TrimSpace(text)
	found := map[string]bool{}
	list := func() []string {
		out := make([]string, 0, len(found))
		for k := range found {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	if text == "" {
		return list(), nil
	}
	wrap := func(err error) ([]string, error) { return nil, fmt.Errorf("queries: resolve %q: %w", text, err) }
	if forms := iriForms(text); forms != nil {
		if err := existing(ctx, qs, forms, found); err != nil {
			return wrap(err)
		}
		if len(found) > 0 {
			return list(), nil
		}
	}
	predRefs := func(preds ...string) (map[any]bool, error) {
		m := map[any]bool{}
		for _, p := range preds {
			r, err := qs.ValueOf(quad.IRI(p))
			if err != nil {
				return nil, err
			}
			if r != nil {
				m[r] = true
			}
		}
		return m, nil
	}
	// subjectsOf adds the subjects of quads (any of preds) whose object is
	// v, each once.
	subjectsOf := func(v quad.Value, preds map[any]bool) error {
		vr, err := qs.ValueOf(v)
		if err != nil || vr == nil {
			return err
		}
		for _, pr := range predList(preds) {
			// The set at once where the store can (PostgreSQL): found
			// is a set, so the listing's order does not matter here.
			if ss, ok := keys.(subjectSetter); ok {
				vs, ok, err := ss.SubjectSet(ctx, pr, vr)
				if err != nil {
					return err
				}
				if ok {
					for _, v := range vs {
						if iri, isIRI := v.(quad.IRI); isIRI {
							found[string(iri)] = true
						}
					}
					continue
				}
			}
			it, err := listSubjects(qs, keys, pr, vr)
			if err != nil {
				return err
			}
			for {
				ok, err := it.Next(ctx)
				if err != nil || !ok {
					it.Close()
					if err != nil {
						return err
					}
					break
				}
				if iri, isIRI := it.Value().(quad.IRI); isIRI {
					found[string(iri)] = true
				}
			}
		}
		return ctx.Err()
	}
	// bySlug is the last step: only when no name matched.
	bySlug := func() ([]string, error) {
		if len(found) == 0 {
			if err := existing(ctx, qs, slugIRIs(text), found); err != nil {
				return wrap(err)
			}
		}
		return list(), nil
	}
	names, err := predRefs(schema.PredName, schema.PredAlias)
	if err != nil {
		return wrap(err)
	}
	if err := subjectsOf(quad.String(text), names); err != nil {
		return wrap(err)
	}
	if len(found) > 0 {
		return list(), nil
	}
	want := schema.NameKey(text)
	keyPreds, err := predRefs(schema.PredKey)
	if err != nil {
		return wrap(err)
	}
	if len(keyPreds) > 0 {
		if err := subjectsOf(quad.String(want), keyPreds); err != nil {
			return wrap(err)
		}
		return bySlug()
	}
	// No key index: scan every alias (the name is always an alias too),
	// reading each distinct alias text once.
	match := map[any]bool{}
	err = graph.EachRef(ctx, qs, quad.Predicate, quad.IRI(schema.PredAlias), func(q cgraph.Ref) error {
		o, _ := qs.QuadDirection(q, quad.Object)
		if o == nil {
			return nil
		}
		ok, done := match[o.Key()]
		if !done {
			v, err := qs.NameOf(o)
			if err != nil {
				return err
			}
			s, isStr := v.(quad.String)
			ok = isStr && schema.NameKey(string(s)) == want
			match[o.Key()] = ok
		}
		if ok {
			return addSubject(qs, q, found)
		}
		return nil
	})
	if err != nil {
		return wrap(err)
	}
	return bySlug()
}

// predList lists the predicate refs of a predRefs set.
func predList(m map[any]bool) []cgraph.Ref {
	out := make([]cgraph.Ref, 0, len(m))
	for k := range m {
		out = append(out, k.(cgraph.Ref))
	}
	return out
}

// addSubject records the subject IRI of quad q.
func addSubject(qs cgraph.QuadStore, q cgraph.Ref, found map[string]bool) error {
	sr, _ := qs.QuadDirection(q, quad.Subject)
	if sr == nil {
		return nil
	}
	v, err := qs.NameOf(sr)
	if err != nil {
		return err
	}
	if iri, ok := v.(quad.IRI); ok {
		found[string(iri)] = true
	}
	return nil
}

var errStop = errors.New("stop")

// valueAt returns the object of the first quad (subject, pred, ?), or nil:
// one (subject, predicate) index scan, so a busy subject costs no more
// than a quiet one.
func valueAt(ctx context.Context, qs cgraph.QuadStore, subject quad.Value, pred string) (quad.Value, error) {
	rs := make([]cgraph.Ref, 2)
	for i, v := range []quad.Value{subject, quad.IRI(pred)} {
		r, err := qs.ValueOf(v)
		if err != nil || r == nil {
			return nil, err
		}
		rs[i] = r
	}
	it := graph.ScanQuads(ctx, qs, map[quad.Direction]cgraph.Ref{quad.Subject: rs[0], quad.Predicate: rs[1]})
	defer it.Close()
	if !it.Next(ctx) {
		return nil, it.Err()
	}
	o, err := qs.QuadDirection(it.Result(), quad.Object)
	if err != nil || o == nil {
		return nil, err
	}
	return qs.NameOf(o)
}

type edge struct {
	subject, pred, object string // as stored
	node                  string // the far end from where we stand
}

// Bounds of the path searches (connections, shortest-path), so that a hub
// with tens of thousands of facts costs a bounded amount of reading:
const (
	// pathBudget is the default of the budget parameter: the most index
	// reads (scans plus quads) of one path search; when it runs out the
	// search stops with what it found.
	pathBudget = 12000
	// maxEdgeQuads is the most quads read at one node for one predicate
	// and direction (the first ones in store order) at the default
	// budget; it grows with the budget (budget / edgeShare). A fact
	// stated by many documents is one quad per document, so this is far
	// more than the distinct neighbours of most nodes.
	maxEdgeQuads = pathBudget / edgeShare
	edgeShare    = 60
	// minBudget, maxBudget bound the budget parameter.
	minBudget, maxBudget = 1000, 1000000
)

// budgetParam is the budget parameter of the path queries (connections.js
// declares the same).
var budgetParam = Param{Name: "budget", Type: "int", Default: strconv.Itoa(pathBudget),
	Description: fmt.Sprintf("Most index reads of the search (%d to %d): more finds more paths through busy nodes, slower", minBudget, maxBudget)}

// checkBudget validates a budget parameter.
func checkBudget(query string, n int64) error {
	if n < minBudget || n > maxBudget {
		return &ParamError{Query: query, Param: "budget", Reason: fmt.Sprintf("must be between %d and %d", minBudget, maxBudget)}
	}
	return nil
}

// graphView reads fact edges with caches for one query run.
type graphView struct {
	qs      cgraph.QuadStore
	keys    KeyReader      // nil: scan quads
	rel     map[any]string // relation predicate ref key → IRI
	relRefs []cgraph.Ref   // the same, in IRI order
	// relNames[i] is the IRI of relRefs[i] (a NodeHash's Key allocates:
	// a link's predicate is named by its position where it can be).
	relNames []string
	relHeld  bool // heldRelations has dropped those the store lacks
	names    map[any]quad.Value
	display  map[string]string // node → ng.name
	values   map[[2]string]quad.Value
	adj      map[string][]edge
	// batch, when the store has it, reads many nodes' values at once;
	// fields holds the quads it read of nodes as subject (batch.go).
	batch  batchReader
	fields map[any][]graph.SubjectQuad
	// docFields: the same for documents, of the predicates openDocs
	// reads; typeFields for entities, their rdf:type quads; mentions,
	// their ng:name quads counted.
	docFields  map[any][]graph.SubjectQuad
	docPreds   map[any]bool // the predicates docFields holds all quads of
	typeFields map[any][]graph.SubjectQuad
	mentions   map[any]int64
	evPredOf   map[any]cgraph.Ref // evidence → its predicate, read ahead by openFacts
	// links holds nodes' links read ahead (readAhead), per direction
	// (subject, object), until keyEdges takes them.
	links map[string][2]graph.LinkLists
	// linkNodes and linkReads count the nodes keyEdges read and the reads
	// they spent: readAhead's guess of what the budget left will read.
	linkNodes, linkReads int
	// pathLimit replaces maxPaths when > 0 (tests of the cap).
	pathLimit int
	// mentioned is ng:name, whose count (one per document that mentions
	// the node) says how busy a node is.
	mentioned cgraph.Ref

	// budget is what is left of the reads allowed (limited only); capped
	// says that a bound cut what neighbours returned.
	limited bool
	budget  int
	total   int // the budget given to limit
	edgeCap int // edge reads (quads, or index keys of neighbours) per node, predicate and direction
	capped  bool
}

func newGraphView(qs cgraph.QuadStore) (*graphView, error) {
	g := &graphView{qs: qs, rel: map[any]string{}, names: map[any]quad.Value{}, adj: map[string][]edge{}, edgeCap: maxEdgeQuads}
	m, err := qs.ValueOf(quad.IRI(schema.PredName))
	if err != nil {
		return nil, err
	}
	g.mentioned = m
	rel := []string{schema.PredSameAs} // merges are edges too
	for _, p := range schema.Predicates() {
		if !p.Literal() {
			rel = append(rel, p.IRI())
		}
	}
	sort.Strings(rel)
	for _, p := range rel {
		r, err := qs.ValueOf(quad.IRI(p))
		if err != nil {
			return nil, err
		}
		if r != nil {
			g.rel[r.Key()] = p
			g.relRefs = append(g.relRefs, r)
			g.relNames = append(g.relNames, p)
		}
	}
	return g, nil
}

// heldRelations drops from rel and relRefs, once per view, the relation
// predicates the store holds no quad of. On bolt ValueOf gives no
// reference for such a predicate; on PostgreSQL a reference is a hash,
// which needs no row, so they stayed, and a bounded search spends one
// read per predicate it looks up: a search its budget cut spent more per
// node on PostgreSQL and found other paths than bolt from the same facts
// (hops 4, TestLinksAheadSameRows). One NodeValues statement where the
// store batches (a value per predicate otherwise).
func (g *graphView) heldRelations(ctx context.Context) error {
	if g.relHeld {
		return nil
	}
	g.relHeld = true
	if len(g.relRefs) == 0 {
		return nil
	}
	held := func(r cgraph.Ref) (bool, error) {
		v, err := g.qs.NameOf(r)
		return v != nil, err
	}
	if b, ok := g.keys.(batchReader); ok {
		vals, ok, err := b.NodeValues(ctx, g.relRefs)
		if err != nil {
			return err
		}
		if ok {
			held = func(r cgraph.Ref) (bool, error) {
				_, in := vals[r.Key()]
				return in, nil
			}
		}
	}
	kept := make([]cgraph.Ref, 0, len(g.relRefs))
	var names []string
	for i, r := range g.relRefs {
		in, err := held(r)
		if err != nil {
			return err
		}
		if in {
			kept = append(kept, r)
			names = append(names, g.relNames[i])
		} else {
			delete(g.rel, r.Key())
		}
	}
	g.relRefs, g.relNames = kept, names
	return nil
}

// limit bounds the reads of neighbours from now on.
func (g *graphView) limit(n int) {
	g.limited, g.budget, g.total = true, n, n
	g.edgeCap = max(n/edgeShare, 50)
}

// spend takes one read from the budget; false when none is left.
func (g *graphView) spend() bool {
	if !g.limited {
		return true
	}
	if g.budget <= 0 {
		g.capped = true
		return false
	}
	g.budget--
	return true
}

// boundNote is the note of a search that hit its bounds.
func (g *graphView) boundNote() string {
	return fmt.Sprintf("the path search stopped at its bound (%d index reads, %d edge reads per node, predicate and direction): "+
		"paths through the busiest nodes may be missing; a larger budget finds more", g.total, g.edgeCap)
}

func (g *graphView) nameOf(r cgraph.Ref) (quad.Value, error) {
	if v, ok := g.names[r.Key()]; ok {
		return v, nil
	}
	v, err := g.qs.NameOf(r)
	if err != nil {
		return nil, err
	}
	g.names[r.Key()] = v
	return v, nil
}

// neighbours lists the fact edges at a node in both directions, one per
// distinct (subject, predicate, object) whatever the number of documents
// stating it, sorted for stable output. With the store's KeyReader it
// reads them from index entries (keyEdges: outgoing quads, incoming
// neighbours' keys). Else it scans only what it must: a node few
// documents mention has few quads, read in one scan per direction; a
// busy one is read one relation predicate at a time (its mentions, names
// and evidence links are most of its quads). Either way at most edgeCap
// reads per predicate and direction, and every read counts against the
// view's budget (limit).
func (g *graphView) neighbours(ctx context.Context, n string) ([]edge, error) {
	if es, ok := g.adj[n]; ok {
		return es, nil
	}
	if err := g.heldRelations(ctx); err != nil {
		return nil, err
	}
	ref, err := g.qs.ValueOf(quad.IRI(n))
	if err != nil {
		return nil, err
	}
	if ref != nil && g.keys != nil {
		out, ok, err := g.keyEdges(ctx, n, ref)
		if err != nil {
			return nil, err
		}
		if ok {
			sortEdges(out)
			g.adj[n] = out
			return out, nil
		}
	}
	type key struct{ s, p, o any }
	seen := map[key]bool{}
	out := []edge{}
	// add records the edge of quad q read from direction d of n.
	add := func(q cgraph.Ref, d quad.Direction) error {
		pr, _ := g.qs.QuadDirection(q, quad.Predicate)
		if pr == nil {
			return nil
		}
		pred, ok := g.rel[pr.Key()]
		if !ok {
			return nil
		}
		far := quad.Object
		if d == quad.Object {
			far = quad.Subject
		}
		sr, _ := g.qs.QuadDirection(q, quad.Subject)
		or, _ := g.qs.QuadDirection(q, quad.Object)
		fr, _ := g.qs.QuadDirection(q, far)
		if sr == nil || or == nil || fr == nil {
			return nil
		}
		k := key{sr.Key(), pr.Key(), or.Key()}
		if seen[k] {
			return nil
		}
		seen[k] = true
		v, err := g.nameOf(fr)
		if err != nil {
			return err
		}
		other, ok := v.(quad.IRI)
		if !ok || string(other) == n {
			return nil
		}
		e := edge{subject: n, pred: pred, object: string(other), node: string(other)}
		if d == quad.Object {
			e.subject, e.object = string(other), n
		}
		out = append(out, e)
		return nil
	}
	// scan reads up to max quads of filter; false when a bound stopped it.
	scan := func(filter map[quad.Direction]cgraph.Ref, d quad.Direction, max int) (bool, error) {
		if !g.spend() {
			return false, nil
		}
		it := graph.ScanQuads(ctx, g.qs, filter)
		defer it.Close()
		read := 0
		for it.Next(ctx) {
			if read >= max {
				g.capped = true
				return false, nil
			}
			if !g.spend() {
				return false, nil
			}
			read++
			if err := add(it.Result(), d); err != nil {
				return false, err
			}
		}
		return true, it.Err()
	}
	if ref != nil {
		quiet := false
		if g.mentioned != nil {
			m, err := graph.CountQuads(ctx, g.qs, map[quad.Direction]cgraph.Ref{quad.Subject: ref, quad.Predicate: g.mentioned})
			if err != nil {
				return nil, err
			}
			quiet = m <= quietMentions
		}
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			if quiet {
				if _, err := scan(map[quad.Direction]cgraph.Ref{d: ref}, d, quietMentions*quadsPerMention); err != nil {
					return nil, err
				}
				continue
			}
			for _, pr := range g.relRefs {
				if _, err := scan(map[quad.Direction]cgraph.Ref{d: ref, quad.Predicate: pr}, d, g.edgeCap); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sortEdges(out)
	g.adj[n] = out
	return out, nil
}

// sortEdges orders a node's edges by the far node, then predicate, then
// subject: the order neighbours promises. No two edges of a node share
// all three (the far node and the subject say which end is the subject,
// and a node's links are distinct per predicate and direction), so any
// sort gives the same order.
func sortEdges(es []edge) {
	slices.SortFunc(es, func(a, b edge) int {
		if c := strings.Compare(a.node, b.node); c != 0 {
			return c
		}
		if c := strings.Compare(a.pred, b.pred); c != 0 {
			return c
		}
		return strings.Compare(a.subject, b.subject)
	})
}

// keyEdges is neighbours read from index entries (KeyReader.Links): one
// read transaction per direction instead of a planned scan per relation
// predicate. Reads count against the budget as the scans' do. ok is
// false when the store cannot; neighbours then scans.
func (g *graphView) keyEdges(ctx context.Context, n string, ref cgraph.Ref) (out []edge, ok bool, err error) {
	lists, ahead := g.links[n]
	defer delete(g.links, n)
	g.linkNodes++
	// add appends the edge of a link to far node v through predicate pred.
	add := func(d quad.Direction, pred string, v quad.Value) {
		other, isIRI := v.(quad.IRI)
		if !isIRI || string(other) == n {
			return
		}
		e := edge{subject: n, pred: pred, object: string(other), node: string(other)}
		if d == quad.Object {
			e.subject, e.object = string(other), n
		}
		out = append(out, e)
	}
	if ahead {
		// The lists read ahead, cut as Links cuts them with the budget
		// left now (LinkLists.Each), straight into one edge list: a
		// search between two hubs takes ~8 000 links a page this way.
		size := 0
		for _, l := range lists {
			for _, ls := range l {
				size += min(len(ls), g.edgeCap)
			}
		}
		if g.limited {
			size = min(size, max(g.budget, 0))
		}
		out = make([]edge, 0, size)
	} else {
		out = []edge{}
	}
	for i, d := range []quad.Direction{quad.Subject, quad.Object} {
		bounds := graph.LinkBounds{PerPred: g.edgeCap}
		if g.limited {
			if g.budget <= 0 {
				g.capped = true
				break
			}
			bounds.Reads = g.budget
		}
		var reads int
		var capped bool
		if ahead {
			// readAhead read lists[i] for g.relRefs, in their order.
			reads, capped = lists[i].Each(bounds, func(j int, kept []graph.Link) {
				pred := g.relNames[j]
				for _, l := range kept {
					add(d, pred, l.Value)
				}
			})
		} else {
			res, ok, err := g.keys.Links(ctx, ref, d, g.relRefs, bounds)
			if err != nil || !ok {
				return nil, false, err
			}
			reads, capped = res.Reads, res.Capped
			out = slices.Grow(out, len(res.Links)) // one allocation, not a doubling per hub's links
			for _, l := range res.Links {
				add(d, g.rel[l.Pred.Key()], l.Value)
			}
		}
		if g.limited {
			g.budget -= reads
		}
		g.linkReads += reads
		if capped {
			g.capped = true
		}
	}
	return out, true, ctx.Err()
}

// A node mentioned by at most quietMentions documents is read whole: its
// quads (about quadsPerMention per mention at most, names, types and
// evidence links included) cost less than one scan per relation predicate.
const (
	quietMentions   = 8
	quadsPerMention = 200
)

// shortestPath is the "shortest-path" query: see graphView.shortestPaths.
func shortestPath(ctx context.Context, qs cgraph.QuadStore, params map[string]any, env *goEnv) error {
	maxHops := int(params["max"].(int64))
	if maxHops < 1 || maxHops > 10 {
		return &ParamError{Query: "shortest-path", Param: "max", Reason: "must be between 1 and 10"}
	}
	limit := int(params["paths"].(int64))
	if limit < 1 {
		return &ParamError{Query: "shortest-path", Param: "paths", Reason: "must be at least 1"}
	}
	if err := checkBudget("shortest-path", params["budget"].(int64)); err != nil {
		return err
	}
	from, err := env.one(ctx, "shortest-path", "from", params["from"].(string), "")
	if err != nil {
		return err
	}
	to, err := env.one(ctx, "shortest-path", "to", params["to"].(string), "")
	if err != nil {
		return err
	}
	gv, err := newGraphView(qs)
	if err != nil {
		return fmt.Errorf("queries: shortest-path: %w", err)
	}
	gv.keys = env.keys
	gv.limit(int(params["budget"].(int64)))
	paths, err := gv.shortestPaths(ctx, from, to, maxHops, limit)
	if err != nil {
		return fmt.Errorf("queries: shortest-path: %w", err)
	}
	if gv.capped {
		env.note(gv.boundNote())
	}
	// Names as every other page reads them (graphView.displayName): one
	// probe for the first name, where a scan of a node's names read all of
	// them (a role node has one per document: 7 101 rows for
	// ent:role/member at 10k articles on PostgreSQL, 144-197 ms).
	nameOf := func(n string) (string, error) { return gv.displayName(ctx, n) }
	gv.batch, _ = env.keys.(batchReader)
	if err := gv.prefetchPathNames(ctx, paths, env.need); err != nil {
		return fmt.Errorf("queries: shortest-path: %w", err)
	}
	for i, p := range paths {
		for j, e := range p {
			sn, err := nameOf(e.subject)
			if err != nil {
				return fmt.Errorf("queries: shortest-path: %w", err)
			}
			on, err := nameOf(e.object)
			if err != nil {
				return fmt.Errorf("queries: shortest-path: %w", err)
			}
			if !env.emit(map[string]any{
				"path": int64(i + 1), "hops": int64(len(p)), "step": int64(j + 1),
				"subject": sn, "predicate": strings.TrimPrefix(e.pred, predicatePrefix), "object": on,
				"source": e.subject, "target": e.object,
			}) {
				return nil
			}
		}
	}
	return nil
}

var errNoGoFunc = errors.New("queries: Go query has no function (only built-in Go queries can run)")

// side is one half of a bidirectional search.
type side struct {
	dist     map[string]int
	preds    map[string][]edge // node → edges towards the side's start (edge.node = the nearer node)
	frontier []string
}

func newSide(starts []string) *side {
	s := &side{dist: map[string]int{}, preds: map[string][]edge{}}
	for _, n := range starts {
		s.dist[n] = 0
		s.frontier = append(s.frontier, n)
	}
	return s
}

// expand grows the side by one layer.
func (g *graphView) expand(ctx context.Context, s *side) error {
	var next []string
	d := s.dist[s.frontier[0]] + 1
	stretch := len(s.frontier)
	for k, n := range s.frontier {
		if err := g.aheadAt(ctx, s.frontier, k, &stretch); err != nil {
			return err
		}
		es, err := g.neighbours(ctx, n)
		if err != nil {
			return err
		}
		for _, e := range es {
			if dd, ok := s.dist[e.node]; ok && dd < d {
				continue
			}
			if _, ok := s.dist[e.node]; !ok {
				s.dist[e.node] = d
				next = append(next, e.node)
			}
			back := e
			back.node = n
			s.preds[e.node] = append(s.preds[e.node], back)
		}
	}
	s.frontier = next
	return nil
}

// walks lists the edge sequences from a side's start to n, nearest first
// when reversed; at most limit.
func (s *side) walks(n string, limit int) [][]edge {
	if s.dist[n] == 0 {
		return [][]edge{nil}
	}
	var out [][]edge
	for _, e := range s.preds[n] {
		if s.dist[e.node] != s.dist[n]-1 {
			continue
		}
		for _, w := range s.walks(e.node, limit-len(out)) {
			out = append(out, append(append([]edge(nil), w...), e))
			if len(out) >= limit {
				return out
			}
		}
	}
	return out
}

// shortestPaths searches from both ends at once, always growing the
// smaller frontier, so that a hub on one side does not make the search
// walk the whole graph. It returns up to limit shortest paths of at most
// maxHops edges, each from a "from" entity to a "to" entity.
func (g *graphView) shortestPaths(ctx context.Context, from, to []string, maxHops, limit int) ([][]edge, error) {
	fw, bw := newSide(from), newSide(to)
	best, meet := -1, []string(nil)
	check := func() {
		for n, df := range fw.dist {
			if db, ok := bw.dist[n]; ok && df+db <= maxHops && df+db > 0 {
				switch {
				case best < 0 || df+db < best:
					best, meet = df+db, []string{n}
				case df+db == best:
					meet = append(meet, n)
				}
			}
		}
	}
	check()
	for hops := 0; best < 0 && hops < maxHops; hops++ {
		if len(fw.frontier) == 0 || len(bw.frontier) == 0 {
			break
		}
		s := fw
		if len(bw.frontier) < len(fw.frontier) {
			s = bw
		}
		if err := g.expand(ctx, s); err != nil {
			return nil, err
		}
		check()
	}
	if best < 0 {
		return nil, nil
	}
	sort.Strings(meet)
	// A path through meeting node m is a forward walk to m and a backward
	// walk from m; with several meeting nodes on one path (both sides
	// overlap), keep each edge sequence once.
	seen := map[string]bool{}
	var paths [][]edge
	for _, m := range meet {
		if fw.dist[m]+bw.dist[m] != best {
			continue
		}
		for _, head := range fw.walks(m, limit) {
			for _, tail := range bw.walks(m, limit) {
				p := append([]edge(nil), head...)
				for i := len(tail) - 1; i >= 0; i-- {
					p = append(p, tail[i])
				}
				var k strings.Builder
				for _, e := range p {
					k.WriteString(e.subject + " " + e.pred + " " + e.object + "\n")
				}
				if seen[k.String()] {
					continue
				}
				seen[k.String()] = true
				paths = append(paths, p)
				if len(paths) >= limit {
					return paths, nil
				}
			}
		}
	}
	return paths, nil
}

// facts is lib.js ng.facts in Go: the evidence records of the facts where
// entity is the subject (dir "out") or object ("in"), optionally of one
// predicate IRI, sorted by evidence IRI. Keys and value types match the
// script version exactly (TestPlainGizmoFallback compares them).
func (g *graphView) facts(ctx context.Context, entity, dir, predIRI string) ([]map[string]any, error) {
	link := schema.PredEvSubject
	if dir == "in" {
		link = schema.PredEvObject
	}
	linkRef, err := g.qs.ValueOf(quad.IRI(link))
	if err != nil || linkRef == nil {
		return []map[string]any{}, err
	}
	var evs []cgraph.Ref
	seen := map[any]bool{}
	err = graph.EachRef(ctx, g.qs, quad.Object, quad.IRI(entity), func(q cgraph.Ref) error {
		if p, _ := g.qs.QuadDirection(q, quad.Predicate); p == nil || p.Key() != linkRef.Key() {
			return nil
		}
		ev, _ := g.qs.QuadDirection(q, quad.Subject)
		if ev != nil && !seen[ev.Key()] {
			seen[ev.Key()] = true
			evs = append(evs, ev)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for _, ev := range evs {
		rec, ok, err := g.evidence(ctx, ev, predIRI)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, rec)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i]["evidence"].(string) < out[j]["evidence"].(string) })
	return out, nil
}

// evidence reads one evidence node as a record of ng.facts (keys and value
// types of lib.js); ok is false when it is incomplete or of another
// predicate than predIRI (unless "").
func (g *graphView) evidence(ctx context.Context, ev cgraph.Ref, predIRI string) (map[string]any, bool, error) {
	fields := map[string]quad.Value{}
	field := func(pr, or cgraph.Ref, o quad.Value) error {
		if pr == nil || or == nil {
			return nil
		}
		p, err := g.nameOf(pr) // few distinct predicates: cached
		if err != nil {
			return err
		}
		pi, ok := p.(quad.IRI)
		if !ok {
			return nil
		}
		if _, dup := fields[string(pi)]; dup {
			return nil
		}
		if o == nil {
			if o, err = g.qs.NameOf(or); err != nil {
				return err
			}
		}
		fields[string(pi)] = o
		return nil
	}
	if fs, ok := g.fields[ev.Key()]; ok {
		// Read ahead (prefetchSubjects): the same quads in the same order.
		for _, f := range fs {
			if err := field(f.Pred, f.Object, f.Value); err != nil {
				return nil, false, err
			}
		}
	} else {
		err := graph.EachRefOf(ctx, g.qs, quad.Subject, ev, func(q cgraph.Ref) error {
			pr, _ := g.qs.QuadDirection(q, quad.Predicate)
			or, _ := g.qs.QuadDirection(q, quad.Object)
			return field(pr, or, nil)
		})
		if err != nil {
			return nil, false, err
		}
	}
	s, p, o := fields[schema.PredEvSubject], fields[schema.PredEvPredicate], fields[schema.PredEvObject]
	if s == nil || p == nil || o == nil {
		return nil, false, nil
	}
	if predIRI != "" && p != quad.IRI(predIRI) {
		return nil, false, nil
	}
	evName, err := g.nameOf(ev)
	if err != nil {
		return nil, false, err
	}
	pred := strings.TrimPrefix(text(p), predicatePrefix)
	info, known := schema.LookupPredicate(pred)
	literal := known && info.Literal()
	rec := map[string]any{
		"evidence": text(evName), "subject": text(s), "predicate": pred,
		"literal": literal, "document": "", "sentence": "", "confidence": nil, "start": int64(0),
	}
	if literal {
		rec["object"] = nativeValue(o)
		if ts, ok := o.(quad.TypedString); ok {
			rec["object"] = string(ts.Value) // as the script shows it, not converted
		}
	} else {
		rec["object"] = text(o)
	}
	// The document is the label, which the evidence IRI names.
	if d, ok := schema.DocIRIOfNode(text(evName)); ok {
		rec["document"] = d
	}
	if v := fields[schema.PredEvSentence]; v != nil {
		// Facts of one sentence share its node: read once per run.
		t, err := g.cachedValue(ctx, text(v), schema.PredText)
		if err != nil {
			return nil, false, err
		}
		if t != nil {
			rec["sentence"] = text(t)
		}
	}
	var quals []string
	if v := fields[schema.PredProv]; v != nil {
		ev, err := schema.DecodeProv(text(v))
		if err != nil {
			return nil, false, fmt.Errorf("evidence %s: %w", text(evName), err)
		}
		rec["confidence"], rec["start"] = ev.Confidence, int64(ev.Start)
		for _, k := range qualifierKeys {
			if q, ok := ev.Qualifiers[k]; ok {
				quals = append(quals, k+"="+q)
			}
		}
	}
	rec["qualifiers"] = strings.Join(quals, "; ")
	return rec, true, nil
}

// text is a value as scripts see it after ng.id/ng.literal: IRIs without
// brackets, literals as their plain text.
func text(v quad.Value) string {
	if x, ok := v.(quad.IRI); ok {
		return string(x)
	}
	if s, ok := schema.LiteralText(v); ok {
		return s
	}
	return quad.ToString(v)
}
