package api

import (
	"context"
	"encoding/base64"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Paging of GET /api/entities.
const (
	defaultEntityLimit = 50
	maxEntityLimit     = 500
)

// entityJSON is an entity in search results.
type entityJSON struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Class     string   `json:"class"`
	Classes   []string `json:"classes"`
	Aliases   []string `json:"aliases"`
	Documents []string `json:"documents"`
}

func toEntityJSON(e entityNode) entityJSON {
	return entityJSON{ID: e.IRI, Name: e.Name, Class: e.Class(), Classes: nonNil(e.Classes), Aliases: nonNil(e.Aliases), Documents: nonNil(e.Documents)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Server) handleSearchEntities(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	q := strings.ToLower(strings.TrimSpace(v.Get("q")))
	var class string
	if c := v.Get("class"); c != "" {
		info, ok := schema.LookupClass(c)
		if !ok {
			names := []string{}
			for _, ci := range schema.Classes() {
				names = append(names, string(ci.Name))
			}
			return paramError(CodeInvalidParameter, "class", "unknown class %q (known: %s)", c, strings.Join(names, ", "))
		}
		class = string(info.Name)
	}
	limit := defaultEntityLimit
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxEntityLimit {
			return paramError(CodeInvalidParameter, "limit", "limit %q must be an integer from 1 to %d", l, maxEntityLimit)
		}
		limit = n
	}
	after := ""
	if c := v.Get("cursor"); c != "" {
		b, err := base64.RawURLEncoding.DecodeString(c)
		if err != nil || !strings.HasPrefix(string(b), "ent:") {
			return paramError(CodeInvalidParameter, "cursor", "cursor %q is not one this server gave out", c)
		}
		after = string(b)
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	qs := s.deps.Store.QuadStore()

	// Every entity has its name among its aliases (graph-model.md), so one
	// pass over ng:alias finds matches by name and by alias.
	cands := map[string]bool{}
	err := eachQuad(ctx, qs, quad.Predicate, quad.IRI(schema.PredAlias), func(qd quad.Quad) error {
		iri := iriString(qd.Subject)
		if iri == "" || cands[iri] || iri <= after {
			return nil
		}
		if q != "" {
			alias, _ := qd.Object.(quad.String)
			if !strings.Contains(strings.ToLower(string(alias)), q) {
				return nil
			}
		}
		cands[iri] = true
		return nil
	})
	if err != nil {
		return queryError(ctx, err)
	}
	// IRIs sort by top class, then by the slug of the name: a stable order
	// that a cursor can resume.
	ids := sortedKeys(cands)
	out := []entityJSON{}
	next := ""
	for _, id := range ids {
		e, ok, err := readEntity(ctx, qs, id)
		if err != nil {
			return queryError(ctx, err)
		}
		if !ok || (class != "" && !containsString(e.Classes, class)) {
			continue
		}
		if len(out) == limit {
			next = base64.RawURLEncoding.EncodeToString([]byte(out[len(out)-1].ID))
			break
		}
		out = append(out, toEntityJSON(e))
	}
	resp := map[string]any{"entities": out, "count": len(out)}
	if next != "" {
		resp["next_cursor"] = next
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// entityIRI accepts "ent:person/x", "person/x" (the IRI without its prefix,
// convenient in URLs) or a full https://newsgraph.dev/entity/ IRI.
func entityIRI(id string) string {
	id = schema.CompactIRI(strings.TrimSpace(id))
	if !strings.HasPrefix(id, "ent:") {
		id = "ent:" + id
	}
	return id
}

func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) error {
	iri := entityIRI(r.PathValue("id"))
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	qs := s.deps.Store.QuadStore()
	e, ok, err := readEntity(ctx, qs, iri)
	if err != nil {
		return queryError(ctx, err)
	}
	if !ok {
		return errorf(http.StatusNotFound, CodeNotFound, "no entity %q", iri)
	}
	out, err := factsVia(ctx, qs, quad.IRI(iri), schema.PredEvSubject)
	if err != nil {
		return queryError(ctx, err)
	}
	in, err := factsVia(ctx, qs, quad.IRI(iri), schema.PredEvObject)
	if err != nil {
		return queryError(ctx, err)
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"entity":    toEntityJSON(e),
		"facts_out": out,
		"facts_in":  in,
	})
	return nil
}

// mentionedEntities lists the entities a document mentions.
func mentionedEntities(ctx context.Context, s *Server, docID string) ([]entityJSON, error) {
	qs := s.deps.Store.QuadStore()
	var ids []string
	seen := map[string]bool{}
	err := eachQuad(ctx, qs, quad.Object, quad.IRI(schema.DocIRI(docID)), func(q quad.Quad) error {
		if iriString(q.Predicate) == schema.PredMentionedIn {
			if id := iriString(q.Subject); id != "" && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(ids)
	out := []entityJSON{}
	for _, id := range ids {
		e, ok, err := readEntity(ctx, qs, id)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, toEntityJSON(e))
		}
	}
	return out, nil
}
