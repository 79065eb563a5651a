// Package resolve decides which entity nodes of different documents are
// one real-world entity, and records each such merge in the graph
// (graph.Store.Merge) with its rule and evidence, so that it can be listed,
// judged and undone. Within a document, ingest already joins "Ambassador
// James Jeffrey", "Jeffrey" and "he"; across documents each name is its own
// node until a rule here links it.
//
// A merge needs evidence, not a shared word. The rules, in order:
//
//   - family: both names belong to one organisation or place family of
//     the names table ("Tories", "Conservative Party"); the table is the
//     evidence. Ambiguous variants (demonyms, "Commission") are proposed.
//   - full-name: both are one full name once titles are taken off
//     ("Special Counsel Robert Mueller", "Robert Mueller").
//   - surname: a one-word person name ("Manafort", "Mr Blair") and a
//     full-named person with that surname, when the documents that name
//     them share context (the same specific other entities) and no other
//     holder of the surname comes close. A surname without that context is
//     proposed, never merged.
//   - chamber: a committee or caucus of the U.S. Congress under several
//     spellings of its chamber ("U.S. House of Representatives Intelligence
//     Committee", "House Intelligence Committee").
//   - alias: an entity's name is an alias of exactly one other entity that
//     spells it out (an acronym, a company suffix), and their documents
//     share context; otherwise proposed.
//
// Nothing is merged, or even proposed, across top classes, against a
// user's refusal, between people with different given names or
// generational suffixes, or between people whose roles lie in incompatible
// spheres (names.Table.Conflict: a coach is not a senator).
package resolve

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/names"
	"github.com/newsgraph/newsgraph/schema"
)

// Rules, as recorded on each merge.
const (
	RuleFamily   = "family"
	RuleFullName = "full-name"
	RuleSurname  = "surname"
	RuleAlias    = "alias"
	RuleChamber  = "chamber"
	// RuleAccepted prefixes the rule of a proposal a user accepted
	// ("accepted:surname"); RuleManual is a merge a user made unprompted.
	RuleAccepted = "accepted:"
	RuleManual   = "manual"
)

// Candidate is a merge a rule supports: applied by Apply, or, when
// Proposed, only listed for a user to accept or refuse.
type Candidate struct {
	From, Into         string // entity IRIs
	FromName, IntoName string
	Rule               string
	Evidence           []string // what the rule found, one reason each
	Proposed           bool     // evidence too weak to merge without a user
}

// Store is what resolution needs of the graph.
type Store interface {
	QuadStore() cgraph.QuadStore
	Merge(ctx context.Context, from, into, rule string, evidence ...string) (graph.Merge, error)
	Merges(ctx context.Context) ([]graph.Merge, error)
	Unmerge(ctx context.Context, id string) error
	PutLabel(ctx context.Context, label quad.Value, quads []quad.Quad, replace bool) error
}

// Propose reads the store's entities and returns the merges and proposals
// the rules support that are not yet recorded, sorted for reproducible
// output. Entities already merged into one are not proposed again.
func Propose(ctx context.Context, qs cgraph.QuadStore) ([]Candidate, error) {
	w, err := readWorld(ctx, qs, names.Default())
	if err != nil {
		return nil, err
	}
	return w.propose(ctx)
}

func (w *world) propose(ctx context.Context) ([]Candidate, error) {
	var out []Candidate
	claimed := map[string]bool{} // From of an applied candidate: one merge each
	for _, rule := range []func() []Candidate{w.family, w.chamber, w.fullName, w.surname, w.alias} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, c := range rule() {
			if w.merged[c.From] || w.find(c.From) == w.find(c.Into) || w.rejected[[2]string{c.From, c.Into}] {
				continue
			}
			if !c.Proposed {
				if claimed[c.From] {
					continue
				}
				claimed[c.From] = true
			}
			out = append(out, c)
		}
	}
	// A proposal for an entity a rule merges anyway is moot.
	kept := out[:0]
	for _, c := range out {
		if !c.Proposed || !claimed[c.From] {
			kept = append(kept, c)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Proposed != kept[j].Proposed {
			return !kept[i].Proposed
		}
		if kept[i].From != kept[j].From {
			return kept[i].From < kept[j].From
		}
		return kept[i].Into < kept[j].Into
	})
	return kept, nil
}

// Apply records every merge Propose supports that is not a proposal, using
// only the given rules (all when none are given). An entity already merged
// is left alone, and so is a pair a user refused or unmerged (Reject).
// Merges make clusters that later rules see as one ("Special Counsel Robert
// Mueller" joins "Robert Mueller", after which "Mueller" has one candidate),
// so Apply proposes again until a pass adds nothing (at most maxPasses).
func Apply(ctx context.Context, st Store, rules ...string) ([]graph.Merge, error) {
	allowed := map[string]bool{}
	for _, r := range rules {
		allowed[r] = true
	}
	// The store is read once: each pass's merges join the clusters in
	// memory, as the store now records them.
	w, err := readWorld(ctx, st.QuadStore(), names.Default())
	if err != nil {
		return nil, err
	}
	var made []graph.Merge
	for pass := 0; pass < maxPasses; pass++ {
		cands, err := w.propose(ctx)
		if err != nil {
			return made, err
		}
		before := len(made)
		for _, c := range cands {
			if c.Proposed || (len(allowed) > 0 && !allowed[c.Rule]) {
				continue
			}
			m, err := st.Merge(ctx, c.From, c.Into, c.Rule, c.Evidence...)
			if errors.Is(err, graph.ErrMergeConflict) {
				continue // e.g. the reverse merge exists
			}
			if err != nil {
				return made, fmt.Errorf("resolve: merging %s into %s: %w", c.From, c.Into, err)
			}
			made = append(made, m)
			w.merged[c.From] = true
			w.union(c.From, c.Into)
		}
		if len(made) == before {
			break
		}
		w.recluster()
	}
	return made, nil
}

// maxPasses bounds Apply's rounds; two usually reach the fixpoint.
const maxPasses = 4

// Accept records the merge of from into into that a user confirmed. When a
// rule proposed it, the merge keeps that rule (as "accepted:rule") and its
// evidence; otherwise its rule is "manual".
func Accept(ctx context.Context, st Store, from, into string) (graph.Merge, error) {
	cands, err := Propose(ctx, st.QuadStore())
	if err != nil {
		return graph.Merge{}, err
	}
	for _, c := range cands {
		if c.From == from && c.Into == into {
			return st.Merge(ctx, from, into, RuleAccepted+c.Rule, c.Evidence...)
		}
	}
	return st.Merge(ctx, from, into, RuleManual, "merged by hand")
}

// Reject records that a and b are not one entity: no rule merges or
// proposes the pair again. It does not undo a merge (see Unmerge).
func Reject(ctx context.Context, st Store, a, b string) error {
	if schema.EntityTop(a) == "" || schema.EntityTop(b) == "" {
		return fmt.Errorf("resolve: reject %s, %s: both must be entity IRIs (ent:…)", a, b)
	}
	q := quad.Quad{Subject: quad.IRI(a), Predicate: quad.IRI(schema.PredNotSameAs), Object: quad.IRI(b)}
	if err := st.PutLabel(ctx, quad.IRI(schema.LabelRejections), []quad.Quad{q}, false); err != nil {
		return fmt.Errorf("resolve: reject %s, %s: %w", a, b, err)
	}
	return nil
}

// Unmerge undoes a recorded merge and, unless allowAgain, records the pair
// as refused so that the next resolution does not make it again. It
// returns the merge it undid.
func Unmerge(ctx context.Context, st Store, id string, allowAgain bool) (graph.Merge, error) {
	ms, err := st.Merges(ctx)
	if err != nil {
		return graph.Merge{}, fmt.Errorf("resolve: listing merges: %w", err)
	}
	for _, m := range ms {
		if m.ID != id {
			continue
		}
		if err := st.Unmerge(ctx, id); err != nil {
			return m, err
		}
		if allowAgain {
			return m, nil
		}
		return m, Reject(ctx, st, m.From, m.Into)
	}
	return graph.Merge{}, fmt.Errorf("resolve: merge %q: %w", id, graph.ErrNotFound)
}

func (w *world) candidate(from, into *entity, rule string, proposed bool, evidence ...string) Candidate {
	return Candidate{From: from.iri, Into: into.iri, FromName: from.name, IntoName: into.name, Rule: rule, Proposed: proposed, Evidence: evidence}
}

// sorted lists the named entities by IRI, so rules run in a reproducible
// order; built once per world.
func (w *world) sorted() []*entity {
	if w.order == nil {
		w.order = make([]*entity, 0, len(w.ents))
		for _, k := range slices.Sorted(maps.Keys(w.ents)) {
			if e := w.ents[k]; e.name != "" {
				w.order = append(w.order, e)
			}
		}
	}
	return w.order
}
