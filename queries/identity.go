package queries

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Stable codes of the errors a user's input can cause: the CLI prints them
// in --format json errors and scripts may test them.
const (
	CodeBadParam       = "bad_param"
	CodeEntityNotFound = "entity_not_found"
	CodeAmbiguous      = "ambiguous_entity"
)

// Candidate is one entity an ambiguous name may mean, with what tells the
// entities apart.
type Candidate struct {
	IRI       string `json:"iri"`
	Name      string `json:"name"`
	Class     string `json:"class"`
	Documents int64  `json:"documents"` // documents that mention it
}

func (c Candidate) String() string {
	docs := "documents"
	if c.Documents == 1 {
		docs = "document"
	}
	return fmt.Sprintf("%s (%s %s, %d %s)", c.Name, c.Class, c.IRI, c.Documents, docs)
}

// maxCandidates bounds the candidates an ambiguity lists.
const maxCandidates = 10

// ResolveEntity finds the one entity a reader means: like ResolveName
// (name, alias, slug or IRI; then merged entities), but the matches must
// be one entity, i.e. one cluster of merged entities. It returns that
// cluster (sorted), or no IRIs and the candidates when the text names
// several entities (sorted by documents, most first), or neither when
// nothing matches.
//
// top, when not empty, is the top class the caller wants ("person",
// "location", "organization", as entity IRIs spell it): when the text
// names several entities and exactly one of them is of that class, that
// one is meant. The class is the query's, not a guess: "Drava" as a place
// is the city even when a person is also called Drava.
func ResolveEntity(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, text, top string) ([]string, []Candidate, error) {
	base, err := resolveName(ctx, qs, keys, text)
	if err != nil || len(base) == 0 {
		return nil, nil, err
	}
	covered := map[string]bool{}
	var groups [][]string
	var reps []string
	for _, b := range base {
		if covered[b] {
			continue
		}
		cl, err := sameAsCluster(ctx, qs, []string{b})
		if err != nil {
			return nil, nil, fmt.Errorf("queries: resolve %q: %w", text, err)
		}
		for _, c := range cl {
			covered[c] = true
		}
		groups = append(groups, cl)
		reps = append(reps, b)
	}
	if len(groups) > 1 {
		// A name may match a node merged into another ("Mueller" into
		// Robert Mueller): a group is shown by its most mentioned member,
		// the node the reader knows, not by the one the name matched.
		for i, cl := range groups {
			if len(cl) < 2 {
				continue
			}
			cands, err := describeAll(ctx, qs, keys, cl)
			if err != nil {
				return nil, nil, fmt.Errorf("queries: resolve %q: %w", text, err)
			}
			reps[i] = cands[0].IRI
		}
	}
	if len(groups) == 1 {
		return groups[0], nil, nil
	}
	if top != "" {
		var kept []int
		for i, rep := range reps {
			if schema.EntityTop(rep) == top {
				kept = append(kept, i)
			}
		}
		if len(kept) == 1 {
			return groups[kept[0]], nil, nil
		}
	}
	cands, err := describeAll(ctx, qs, keys, reps)
	if err != nil {
		return nil, nil, fmt.Errorf("queries: resolve %q: %w", text, err)
	}
	return nil, cands, nil
}

// LookupEntity finds the one entity node a reader means, for commands
// that act on a node rather than on what it stands for (a merge): the
// text's matches before following merges (ResolveName's steps 1–4) must
// be one entity. It returns it, or the candidates when there are several
// (sorted by documents, most first), or neither when nothing matches.
func LookupEntity(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, text string) (string, []Candidate, error) {
	base, err := resolveName(ctx, qs, keys, text)
	if err != nil || len(base) == 0 {
		return "", nil, err
	}
	if len(base) == 1 {
		return base[0], nil, nil
	}
	cands, err := describeAll(ctx, qs, keys, base)
	if err != nil {
		return "", nil, fmt.Errorf("queries: resolve %q: %w", text, err)
	}
	return "", cands, nil
}

// EntityError is the error of a text that names no single entity, for
// commands that take an entity outside a saved query's parameters.
func EntityError(text string, cands []Candidate) *ParamError {
	return entityError("", "", text, cands)
}

// describeAll describes entities, most mentioned first, at most
// maxCandidates.
func describeAll(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, iris []string) ([]Candidate, error) {
	cands := make([]Candidate, 0, len(iris))
	for _, iri := range iris {
		c, err := describe(ctx, qs, keys, iri)
		if err != nil {
			return nil, err
		}
		cands = append(cands, c)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Documents > cands[j].Documents })
	if len(cands) > maxCandidates {
		cands = cands[:maxCandidates]
	}
	return cands, nil
}

// describe reads an entity's first name, class and document count, each
// from one index entry where the store has them.
func describe(ctx context.Context, qs cgraph.QuadStore, keys KeyReader, iri string) (Candidate, error) {
	c := Candidate{IRI: iri, Name: iri}
	if v, err := valueAt(ctx, qs, quad.IRI(iri), schema.PredName); err != nil {
		return c, err
	} else if s, ok := v.(quad.String); ok {
		c.Name = string(s)
	}
	if v, err := valueAt(ctx, qs, quad.IRI(iri), schema.PredType); err != nil {
		return c, err
	} else if t, ok := v.(quad.IRI); ok {
		c.Class = strings.TrimPrefix(string(t), classPrefix)
	}
	sub, err := qs.ValueOf(quad.IRI(iri))
	if err != nil || sub == nil {
		return c, err
	}
	// One ng:name quad per document that mentions the entity.
	pred, err := qs.ValueOf(quad.IRI(schema.PredName))
	if err != nil || pred == nil {
		return c, err
	}
	if keys != nil {
		n, ok, err := keys.CountKey(sub, pred, nil)
		if err != nil {
			return c, err
		}
		if ok {
			c.Documents = n
			return c, nil
		}
	}
	c.Documents, err = graph.CountQuads(ctx, qs, map[quad.Direction]cgraph.Ref{quad.Subject: sub, quad.Predicate: pred})
	return c, err
}

// entityError is the ParamError of a name that is no single entity: one
// sentence saying what matched and what to give instead.
func entityError(query, param, text string, cands []Candidate) *ParamError {
	if len(cands) == 0 {
		return &ParamError{Query: query, Param: param, Code: CodeEntityNotFound,
			Reason: fmt.Sprintf("no entity named %q (by name, alias, slug or IRI); look it up with `newsgraph query entities --param class=Person` (or Organization, Location) or GET /api/entities?q=%s", text, url.QueryEscape(text))}
	}
	parts := make([]string, len(cands))
	for i, c := range cands {
		parts[i] = c.String()
	}
	return &ParamError{Query: query, Param: param, Code: CodeAmbiguous, Candidates: cands,
		Reason: fmt.Sprintf("%q names %d entities: %s; give the IRI of the one you mean", text, len(cands), strings.Join(parts, "; "))}
}

// iriForms reads the ways a user writes an entity's IRI: "ent:x/y" and
// the REST path form "x/y". Gizmo's "<ent:x/y>" is not one: a parameter is
// text, never Gizmo syntax.
func iriForms(t string) []string {
	if strings.HasPrefix(t, entityPrefix) {
		return []string{t}
	}
	if i := strings.IndexByte(t, '/'); i > 0 && !strings.ContainsAny(t, " \t") && i < len(t)-1 {
		return []string{entityPrefix + t}
	}
	return nil
}

// slugIRIs are the IRIs EntityIRI would give the text under each top
// class: "United Nations" is ent:organization/united-nations even when
// the store's name for it is "UN".
func slugIRIs(text string) []string {
	slug := schema.Slug(text)
	if slug == "" {
		return nil
	}
	var out []string
	for _, c := range schema.Classes() {
		if c.Parent == schema.Thing {
			out = append(out, schema.EntityIRI(c.Name, slug))
		}
	}
	return out
}

// existing keeps the IRIs that are typed entities in the store.
func existing(ctx context.Context, qs cgraph.QuadStore, iris []string, found map[string]bool) error {
	for _, iri := range iris {
		v, err := valueAt(ctx, qs, quad.IRI(iri), schema.PredType)
		if err != nil {
			return err
		}
		if v != nil {
			found[iri] = true
		}
	}
	return nil
}
