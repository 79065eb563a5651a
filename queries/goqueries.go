package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// goFunc is a saved query written in Go. emit returns false when the
// runner wants no more rows (row limit reached); the function should then
// return nil promptly. ctx carries the runner's deadline.
type goFunc func(ctx context.Context, qs cgraph.QuadStore, params map[string]any, emit func(map[string]any) bool) error

// goQueries are the saved queries that Gizmo cannot say well.
func goQueries() []Query {
	return []Query{{
		Name: "shortest-path",
		Description: "Shortest paths between two entities over fact edges (either direction), " +
			"breadth first from both names; one row per edge, grouped by path number.",
		Params: []Param{
			{Name: "from", Type: "string", Required: true, Description: "Name, alias or entity IRI of one end"},
			{Name: "to", Type: "string", Required: true, Description: "Name, alias or entity IRI of the other end"},
			{Name: "max", Type: "int", Default: "6", Description: "Longest path searched, in edges (1 to 10)"},
			{Name: "paths", Type: "int", Default: "10", Description: "At most this many shortest paths"},
		},
		Lang:    "go",
		Source:  "// Go: queries.shortestPath (queries/goqueries.go)",
		Tags:    []string{TagGraph, "paths"},
		Columns: []string{"path", "hops", "step", "subject", "predicate", "object", "source", "target"},
		Origin:  "builtin",
		run:     shortestPath,
	}}
}

// ResolveName finds the entities a reader means by name, the way the saved
// Gizmo queries do (lib.js ng.resolve): an entity IRI given as such if the
// store has it; else entities whose ng:name or ng:alias equals the text;
// else, only if none does, those equal ignoring case and runs of spaces.
// The result is sorted; empty means no match.
func ResolveName(ctx context.Context, qs cgraph.QuadStore, text string) ([]string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	if strings.HasPrefix(text, entityPrefix) {
		v, err := path.StartPath(qs, quad.IRI(text)).Out(quad.IRI(schema.PredType)).Iterate(ctx).FirstValue(qs)
		if err != nil {
			return nil, fmt.Errorf("queries: resolve %q: %w", text, err)
		}
		if v != nil {
			return []string{text}, nil
		}
	}
	via := []interface{}{quad.IRI(schema.PredName), quad.IRI(schema.PredAlias)}
	found := map[string]bool{}
	collect := func(p *path.Path) error {
		return p.In(via...).Unique().Iterate(ctx).EachValue(qs, func(v quad.Value) error {
			if iri, ok := v.(quad.IRI); ok {
				found[string(iri)] = true
			}
			return nil
		})
	}
	if err := collect(path.StartPath(qs, quad.String(text))); err != nil {
		return nil, fmt.Errorf("queries: resolve %q: %w", text, err)
	}
	if len(found) == 0 {
		// Case-insensitive pass: walk the distinct name and alias strings.
		want := strings.Join(strings.Fields(text), " ")
		var matches []quad.Value
		err := path.StartPath(qs).Out(via...).Unique().Iterate(ctx).EachValue(qs, func(v quad.Value) error {
			if s, ok := v.(quad.String); ok && strings.EqualFold(strings.Join(strings.Fields(string(s)), " "), want) {
				matches = append(matches, s)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("queries: resolve %q: %w", text, err)
		}
		if len(matches) > 0 {
			if err := collect(path.StartPath(qs, matches...)); err != nil {
				return nil, fmt.Errorf("queries: resolve %q: %w", text, err)
			}
		}
	}
	out := make([]string, 0, len(found))
	for k := range found {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

type edge struct {
	subject, pred, object string // as stored
	node                  string // the far end from where we stand
}

// neighbours lists the fact edges at a node in both directions, one per
// distinct (direction, predicate, node), sorted for stable output.
func neighbours(ctx context.Context, qs cgraph.QuadStore, n string, rel []interface{}) ([]edge, error) {
	seen := map[edge]bool{}
	var out []edge
	for _, outgoing := range []bool{true, false} {
		p := path.StartPath(qs, quad.IRI(n))
		if outgoing {
			p = p.OutWithTags([]string{"p"}, rel...)
		} else {
			p = p.InWithTags([]string{"p"}, rel...)
		}
		err := p.Tag("n").Iterate(ctx).TagValues(qs, func(t map[string]quad.Value) error {
			other, ok1 := t["n"].(quad.IRI)
			pred, ok2 := t["p"].(quad.IRI)
			if !ok1 || !ok2 {
				return nil
			}
			e := edge{subject: n, pred: string(pred), object: string(other), node: string(other)}
			if !outgoing {
				e.subject, e.object = string(other), n
			}
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.node != b.node {
			return a.node < b.node
		}
		if a.pred != b.pred {
			return a.pred < b.pred
		}
		return a.subject < b.subject
	})
	return out, nil
}

// shortestPath runs a breadth-first search from the "from" entities,
// recording every predecessor at the shortest distance, then enumerates the
// shortest paths back from the "to" entities.
func shortestPath(ctx context.Context, qs cgraph.QuadStore, params map[string]any, emit func(map[string]any) bool) error {
	maxHops := int(params["max"].(int64))
	if maxHops < 1 || maxHops > 10 {
		return &ParamError{"shortest-path", "max", "must be between 1 and 10"}
	}
	limit := int(params["paths"].(int64))
	if limit < 1 {
		return &ParamError{"shortest-path", "paths", "must be at least 1"}
	}
	from, err := ResolveName(ctx, qs, params["from"].(string))
	if err != nil {
		return err
	}
	if len(from) == 0 {
		return &ParamError{"shortest-path", "from", fmt.Sprintf("no entity named %q", params["from"])}
	}
	to, err := ResolveName(ctx, qs, params["to"].(string))
	if err != nil {
		return err
	}
	if len(to) == 0 {
		return &ParamError{"shortest-path", "to", fmt.Sprintf("no entity named %q", params["to"])}
	}
	var rel []interface{}
	for _, p := range schema.Predicates() {
		if !p.Literal() {
			rel = append(rel, quad.IRI(p.IRI()))
		}
	}
	target := map[string]bool{}
	for _, t := range to {
		target[t] = true
	}
	dist := map[string]int{}
	preds := map[string][]edge{} // node → edges arriving at it on a shortest path (edge.node = predecessor)
	frontier := append([]string(nil), from...)
	for _, f := range from {
		dist[f] = 0
	}
	found := false
	for d := 1; d <= maxHops && len(frontier) > 0 && !found; d++ {
		var next []string
		for _, n := range frontier {
			if err := ctx.Err(); err != nil {
				return err
			}
			es, err := neighbours(ctx, qs, n, rel)
			if err != nil {
				return fmt.Errorf("queries: shortest-path: %w", err)
			}
			for _, e := range es {
				if dd, ok := dist[e.node]; ok && dd < d {
					continue
				}
				if _, ok := dist[e.node]; !ok {
					dist[e.node] = d
					next = append(next, e.node)
				}
				back := e
				back.node = n
				preds[e.node] = append(preds[e.node], back)
				if target[e.node] {
					found = true
				}
			}
		}
		frontier = next
	}
	// Enumerate paths backwards from each reached target, shortest only.
	best := -1
	for _, t := range to {
		if d, ok := dist[t]; ok && d > 0 && (best < 0 || d < best) {
			best = d
		}
	}
	if best < 0 {
		return nil
	}
	var paths [][]edge
	var back func(n string, suffix []edge) bool
	back = func(n string, suffix []edge) bool {
		if dist[n] == 0 {
			p := append([]edge(nil), suffix...)
			paths = append(paths, p)
			return len(paths) < limit
		}
		for _, e := range preds[n] {
			if dist[e.node] != dist[n]-1 {
				continue
			}
			if !back(e.node, append([]edge{e}, suffix...)) {
				return false
			}
		}
		return true
	}
	for _, t := range to {
		if dist[t] == best && !back(t, nil) {
			break
		}
	}
	names := map[string]string{}
	nameOf := func(n string) (string, error) {
		if s, ok := names[n]; ok {
			return s, nil
		}
		v, err := path.StartPath(qs, quad.IRI(n)).Out(quad.IRI(schema.PredName)).Iterate(ctx).FirstValue(qs)
		if err != nil {
			return "", err
		}
		s := n
		if v != nil {
			s = quad.ToString(v)
		}
		names[n] = s
		return s, nil
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
			if !emit(map[string]any{
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
