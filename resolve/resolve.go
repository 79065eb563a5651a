// Package resolve finds entities of different documents that are one
// entity, and records each such merge in the graph (graph.Store.Merge), so
// that it can be listed and undone. Within a document, ingest already joins
// "Ambassador James Jeffrey", "Jeffrey" and "he"; across documents an
// article that only says "Jeffrey" gets its own node, and this package links
// it to "James Jeffrey" when that is the only Jeffrey it could be.
package resolve

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Rules, as recorded on each merge.
const (
	// RuleAlias: one entity's canonical name is an alias another entity of
	// the same class carries, and no other entity carries it ("HTS" in one
	// article, "Hayat Tahrir al-Sham" aliased HTS in another).
	RuleAlias = "alias"
	// RuleSurname: a one-word person name is the surname of exactly one
	// person with a full name ("Jeffrey" → "James Jeffrey"). Two full-named
	// people with that surname make it ambiguous, and nothing is merged.
	RuleSurname = "surname"
)

// Candidate is a proposed merge.
type Candidate struct {
	From, Into         string // entity IRIs
	FromName, IntoName string
	Rule               string
}

// Store is what resolution needs of the graph.
type Store interface {
	QuadStore() cgraph.QuadStore
	Merge(ctx context.Context, from, into, rule string) (graph.Merge, error)
	Merges(ctx context.Context) ([]graph.Merge, error)
}

type entity struct {
	iri     string
	name    string
	aliases map[string]bool // NameKey of every alias, the name included
}

// Propose reads every entity's name and aliases and returns the merges the
// rules support, sorted for reproducible output.
func Propose(ctx context.Context, qs cgraph.QuadStore) ([]Candidate, error) {
	ents := map[string]*entity{}
	get := func(iri string) *entity {
		e := ents[iri]
		if e == nil {
			e = &entity{iri: iri, aliases: map[string]bool{}}
			ents[iri] = e
		}
		return e
	}
	err := eachWithPredicate(ctx, qs, schema.PredName, func(q quad.Quad) error {
		e := get(iriOf(q.Subject))
		e.name = stringOf(q.Object)
		e.aliases[schema.NameKey(e.name)] = true
		return nil
	})
	if err == nil {
		err = eachWithPredicate(ctx, qs, schema.PredAlias, func(q quad.Quad) error {
			get(iriOf(q.Subject)).aliases[schema.NameKey(stringOf(q.Object))] = true
			return nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("resolve: reading names: %w", err)
	}

	// Who carries each alias and each surname, per top class.
	holders := map[string][]*entity{}
	surnames := map[string][]*entity{}
	for _, e := range ents {
		top := schema.EntityTop(e.iri)
		if top == "" || top == "statement" || top == "role" || e.name == "" {
			continue
		}
		for a := range e.aliases {
			holders[top+"\x00"+a] = append(holders[top+"\x00"+a], e)
		}
		if words := strings.Fields(e.name); top == "person" && len(words) > 1 {
			last := schema.NameKey(words[len(words)-1])
			surnames[last] = append(surnames[last], e)
		}
	}

	var out []Candidate
	for _, e := range ents {
		top := schema.EntityTop(e.iri)
		if top == "" || top == "statement" || top == "role" || e.name == "" {
			continue
		}
		key := schema.NameKey(e.name)
		// Alias: exactly one other entity knows this name, under a longer
		// canonical name.
		var others []*entity
		for _, h := range holders[top+"\x00"+key] {
			if h != e {
				others = append(others, h)
			}
		}
		if len(others) == 1 && len(others[0].name) > len(e.name) {
			out = append(out, Candidate{From: e.iri, Into: others[0].iri, FromName: e.name, IntoName: others[0].name, Rule: RuleAlias})
			continue
		}
		if len(others) > 1 {
			continue // ambiguous
		}
		if top == "person" && len(strings.Fields(e.name)) == 1 {
			if full := surnames[key]; len(full) == 1 {
				out = append(out, Candidate{From: e.iri, Into: full[0].iri, FromName: e.name, IntoName: full[0].name, Rule: RuleSurname})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out, nil
}

// Apply proposes merges and records each new one, using only the given
// rules (all when none are given). An entity already merged is left alone.
// A merge a user undid is proposed again by the next Apply with the same
// rule: to keep it apart, run with that rule off.
func Apply(ctx context.Context, st Store, rules ...string) ([]graph.Merge, error) {
	cands, err := Propose(ctx, st.QuadStore())
	if err != nil {
		return nil, err
	}
	allowed := map[string]bool{}
	for _, r := range rules {
		allowed[r] = true
	}
	existing, err := st.Merges(ctx)
	if err != nil {
		return nil, fmt.Errorf("resolve: listing merges: %w", err)
	}
	done := map[string]bool{}
	for _, m := range existing {
		done[m.From] = true
	}
	var made []graph.Merge
	for _, c := range cands {
		if (len(allowed) > 0 && !allowed[c.Rule]) || done[c.From] {
			continue
		}
		m, err := st.Merge(ctx, c.From, c.Into, c.Rule)
		if errors.Is(err, graph.ErrMergeConflict) {
			continue // e.g. the reverse merge exists
		}
		if err != nil {
			return made, fmt.Errorf("resolve: merging %s into %s: %w", c.From, c.Into, err)
		}
		made = append(made, m)
	}
	return made, nil
}

func eachWithPredicate(ctx context.Context, qs cgraph.QuadStore, pred string, fn func(quad.Quad) error) error {
	return graph.EachQuadAt(ctx, qs, quad.Predicate, quad.IRI(pred), fn)
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
