package api

import (
	"context"
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
	// DocumentCount: all documents that mention it; search results list
	// the first 100 in Documents.
	DocumentCount int64 `json:"document_count"`
}

func toEntityJSON(e entityNode) entityJSON {
	return entityJSON{ID: e.IRI, Name: e.Name, Class: e.Class(), Classes: nonNil(e.Classes), Aliases: nonNil(e.Aliases), Documents: nonNil(e.Documents), DocumentCount: e.DocumentCount}
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
	var from entityCursor
	if c := v.Get("cursor"); c != "" {
		var ok bool
		if from, ok = parseEntityCursor(c); !ok {
			return paramError(CodeInvalidParameter, "cursor", "cursor %q is not one this server gave out", c)
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	page, err := s.searchEntities(ctx, q, class, limit, from)
	if err != nil {
		return queryError(ctx, err)
	}
	out := make([]entityJSON, 0, len(page.rows))
	for _, e := range page.rows {
		out = append(out, toEntityJSON(e))
	}
	resp := map[string]any{"entities": out, "count": len(out)}
	if page.next != "" {
		resp["next_cursor"] = page.next
	}
	if page.partial {
		resp["partial"] = true
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

// Evidence read per direction on an entity's page (evidence_limit).
const (
	defaultEvidenceLimit = 500
	maxEvidenceLimit     = 10_000
)

// handleEntity answers an entity's page: the entity, and the facts out
// of and into it with their evidence. Every part is bounded, so a hub
// named in every article answers as fast as a rare name: the first
// entityDetailDocs documents (document_count has them all) and the first
// evidence_limit evidence sentences per direction ("partial": true when
// an entity has more; the saved queries relations and sources page
// through all of them).
func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) error {
	iri := entityIRI(r.PathValue("id"))
	limit := defaultEvidenceLimit
	if l := r.URL.Query().Get("evidence_limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxEvidenceLimit {
			return paramError(CodeInvalidParameter, "evidence_limit", "evidence_limit %q must be an integer from 1 to %d", l, maxEvidenceLimit)
		}
		limit = n
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	qs := s.deps.Store.QuadStore()
	e, ok, err := readEntitySummary(ctx, qs, iri, entityDetailDocs)
	if err != nil {
		return queryError(ctx, err)
	}
	if !ok {
		return errorf(http.StatusNotFound, CodeNotFound, "no entity %q", iri)
	}
	out, partialOut, err := factsVia(ctx, s.deps.Store, quad.IRI(iri), schema.PredEvSubject, limit)
	if err != nil {
		return queryError(ctx, err)
	}
	in, partialIn, err := factsVia(ctx, s.deps.Store, quad.IRI(iri), schema.PredEvObject, limit)
	if err != nil {
		return queryError(ctx, err)
	}
	resp := map[string]any{
		"entity":    toEntityJSON(e),
		"facts_out": out,
		"facts_in":  in,
	}
	if partialOut || partialIn {
		resp["partial"] = true
		resp["evidence_limit"] = limit
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// mentionedEntities lists the entities a document mentions.
func mentionedEntities(ctx context.Context, s *Server, docID string) ([]entityJSON, error) {
	qs := s.deps.Store.QuadStore()
	var ids []string
	seen := map[string]bool{}
	// Each entity of the document has an ng:name quad under its label.
	err := eachQuad(ctx, qs, quad.Label, quad.IRI(schema.DocIRI(docID)), func(q quad.Quad) error {
		if iriString(q.Predicate) == schema.PredName {
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
		e, ok, err := readEntitySummary(ctx, qs, id, entityListDocs)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, toEntityJSON(e))
		}
	}
	return out, nil
}
