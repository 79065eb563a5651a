package api

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/schema"
)

// Entity search (GET /api/entities) walks the entities of the requested
// class, or of each top class in turn, in store order, reading each
// entity's IRI: one index key and one value per entity, whatever the size
// of the store. It used to scan every ng:alias quad (one per document and
// alias), which at 10k articles took seconds and then failed on the scan
// bound. A text matches an entity whose name slug contains the text's
// slug ("tahrir" finds ent:organization/hayat-tahrir-al-sham) or whose
// name or alias is the text (as saved queries resolve names: "HTS").

// maxEntityScan bounds the entities one search request examines; a search
// that has not filled its page by then answers what it found with a
// cursor to go on from and "partial": true.
const maxEntityScan = 50_000

// entityListDocs bounds the document ids listed per entity in a search
// result or a document's entity list, entityDetailDocs on an entity's own
// page (document_count says how many there are).
const (
	entityListDocs   = 100
	entityDetailDocs = 1000
)

// entityCursor is where a search resumes: the class being walked (an index
// into the walk) and the listing's mark of the last entity examined
// (graph.SubjectIter.Mark: a node id on bolt, as cursors of earlier
// versions held).
type entityCursor struct {
	class int
	after string // "": from the start of the class
}

const entityCursorPrefix = "ents:"

func (c entityCursor) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%s%d:%s", entityCursorPrefix, c.class, c.after)))
}

func parseEntityCursor(s string) (entityCursor, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return entityCursor{}, false
	}
	rest, ok := strings.CutPrefix(string(b), entityCursorPrefix)
	if !ok {
		return entityCursor{}, false
	}
	cls, after, ok := strings.Cut(rest, ":")
	if !ok {
		return entityCursor{}, false
	}
	c, err := strconv.Atoi(cls)
	if err != nil || c < 0 {
		return entityCursor{}, false
	}
	return entityCursor{class: c, after: after}, true
}

// entityPage is one page of a search.
type entityPage struct {
	rows    []entityNode
	next    string
	partial bool // the scan bound stopped the walk before the page filled
}

// searchClasses is what a search walks: the class asked for and its
// subclasses, else every class, in schema order. A mention is typed with
// its finest class only (docs/graph-model.md), so a class's entities are
// the union of these listings; an entity listed under an earlier one is
// passed over in the later ones.
func searchClasses(class string) []string {
	var out []string
	for _, c := range schema.Classes() {
		if class == "" || strings.EqualFold(string(c.Name), class) {
			out = append(out, string(c.Name))
		}
	}
	if class != "" {
		if c, ok := schema.LookupClass(class); ok {
			for _, sub := range schema.Classes() {
				if sub.Name != c.Name && sub.Name.IsA(c.Name) {
					out = append(out, string(sub.Name))
				}
			}
		}
	}
	return out
}

func (s *Server) searchEntities(ctx context.Context, text, class string, limit int, from entityCursor) (entityPage, error) {
	qs := s.deps.Store.QuadStore()
	w := entityWalk{qs: qs, text: text, textSlug: schema.Slug(text), exact: map[string]bool{}, limit: limit, last: from}
	if text != "" {
		found, err := queries.ResolveName(ctx, qs, s.deps.Store, text)
		if err != nil {
			return entityPage{}, err
		}
		for _, iri := range found {
			w.exact[iri] = true
		}
	}
	typ, err := qs.ValueOf(quad.IRI(schema.PredType))
	if err != nil || typ == nil {
		return entityPage{}, err
	}
	classes := searchClasses(class)
	w.typ = typ
	for _, c := range classes {
		r, err := qs.ValueOf(quad.IRI(schema.Class(c).IRI()))
		if err != nil {
			return entityPage{}, err
		}
		w.classRefs = append(w.classRefs, r)
	}
	w.budget = int(s.entityScan.Load())
	if w.budget <= 0 {
		w.budget = maxEntityScan
	}
	for ci := from.class; ci < len(classes); ci++ {
		if ci != from.class {
			w.last = entityCursor{class: ci}
		}
		cls, err := qs.ValueOf(quad.IRI(schema.Class(classes[ci]).IRI()))
		if err != nil {
			return w.page, err
		}
		if cls == nil {
			continue
		}
		it, err := s.deps.Store.Subjects(typ, cls)
		if err != nil {
			return w.page, err
		}
		done, err := w.class(ctx, it, ci)
		it.Close()
		if err != nil || done {
			return w.page, err
		}
	}
	return w.page, nil
}

// entityWalk is one search request walking class listings.
type entityWalk struct {
	qs       cgraph.QuadStore
	text     string
	textSlug string
	exact    map[string]bool // entities the text names exactly
	limit    int
	budget   int // entities one request may examine
	scanned  int
	last     entityCursor // the last entity examined: where a cut walk resumes
	page     entityPage
	// typ is rdf:type and classRefs the listings' classes: an entity of
	// an earlier listing is not repeated.
	typ       cgraph.Ref
	classRefs []cgraph.Ref
}

// listedBefore reports whether entity sub is typed with a class listed
// before listing ci (and so was given there).
func (w *entityWalk) listedBefore(ctx context.Context, sub cgraph.Ref, ci int) (bool, error) {
	for _, c := range w.classRefs[:ci] {
		if c == nil {
			continue
		}
		n, err := graph.CountQuads(ctx, w.qs, map[quad.Direction]cgraph.Ref{quad.Subject: sub, quad.Predicate: w.typ, quad.Object: c})
		if err != nil || n > 0 {
			return n > 0, err
		}
	}
	return false, nil
}

// class walks the entities of one class listing (resuming after the
// cursor's mark when it is the cursor's class); done when the page is
// complete: full, or cut by the budget.
func (w *entityWalk) class(ctx context.Context, it *graph.SubjectIter, ci int) (done bool, err error) {
	if ci == w.last.class && w.last.after != "" {
		if err := it.AfterMark(w.last.after); err != nil {
			if errors.Is(err, graph.ErrBadMark) {
				return false, paramError(CodeInvalidParameter, "cursor", "cursor is not one this server gave out")
			}
			return false, err
		}
	}
	for {
		ok, err := it.Next(ctx)
		if errors.Is(err, graph.ErrSubjectGone) {
			return false, paramError(CodeInvalidParameter, "cursor", "the entity this cursor resumes after is no longer stored: search again")
		}
		if err != nil || !ok {
			return false, err
		}
		if w.scanned == w.budget {
			w.page.next, w.page.partial = w.last.String(), true
			return true, nil
		}
		w.scanned++
		here := entityCursor{class: ci, after: it.Mark()}
		iri := iriString(it.Value())
		if !strings.HasPrefix(iri, "ent:") || (w.text != "" && !w.exact[iri] && !strings.Contains(slugOf(iri), w.textSlug)) {
			w.last = here
			continue
		}
		if before, err := w.listedBefore(ctx, it.Subject(), ci); err != nil {
			return false, err
		} else if before {
			w.last = here
			continue
		}
		if len(w.page.rows) == w.limit {
			// A match beyond the page: the next page starts after the
			// last row.
			w.page.next = w.last.String()
			return true, nil
		}
		w.last = here
		e, ok, err := readEntitySummary(ctx, w.qs, iri, entityListDocs)
		if err != nil {
			return false, err
		}
		if ok {
			w.page.rows = append(w.page.rows, e)
		}
	}
}

// slugOf is the name part of an entity IRI: "hayat-tahrir-al-sham" of
// "ent:organization/hayat-tahrir-al-sham".
func slugOf(iri string) string { return iri[strings.IndexByte(iri, '/')+1:] }

// readEntitySummary reads an entity's own quads, bounded whatever the
// number of documents that mention it (a country in every article of a
// 100k corpus has hundreds of thousands): its classes from index counts,
// the least of its first names, the aliases of its first alias quads, the
// first docs documents, and how many documents there are. ok is false
// when the store has no entity of that IRI.
func readEntitySummary(ctx context.Context, qs cgraph.QuadStore, iri string, docs int) (entityNode, bool, error) {
	e := entityNode{IRI: iri}
	sub, err := qs.ValueOf(quad.IRI(iri))
	if err != nil || sub == nil {
		return e, false, err
	}
	refs := map[string]cgraph.Ref{}
	classSet := map[string]bool{}
	for _, p := range []string{schema.PredType, schema.PredName, schema.PredAlias} {
		r, err := qs.ValueOf(quad.IRI(p))
		if err != nil {
			return e, false, err
		}
		refs[p] = r
	}
	for _, c := range schema.Classes() {
		cr, err := qs.ValueOf(quad.IRI(c.Name.IRI()))
		if err != nil {
			return e, false, err
		}
		if cr == nil || refs[schema.PredType] == nil {
			continue
		}
		n, err := graph.CountQuads(ctx, qs, map[quad.Direction]cgraph.Ref{quad.Subject: sub, quad.Predicate: refs[schema.PredType], quad.Object: cr})
		if err != nil {
			return e, false, err
		}
		if n > 0 {
			// A mention is typed with its finest class: the ancestors
			// are implied (docs/graph-model.md).
			for _, a := range c.Name.Ancestors() {
				classSet[string(a)] = true
			}
		}
	}
	if len(classSet) == 0 {
		return e, false, nil
	}
	e.Classes = sortedKeys(classSet)
	sortClasses(e.Classes)
	objects := func(pred string, max int, fn func(quad.Value)) error {
		return firstObjects(ctx, qs, sub, refs[pred], max, fn)
	}
	if e.Name, err = entityName(ctx, qs, iri); err != nil {
		return e, false, err
	}
	aliases, docSet := map[string]bool{}, map[string]bool{}
	if err := objects(schema.PredAlias, 10*entityListDocs, func(v quad.Value) {
		if s, ok := v.(quad.String); ok {
			aliases[string(s)] = true
		}
	}); err != nil {
		return e, false, err
	}
	// Each document that mentions the entity labels one of its name
	// quads; the names are aliases too (no alias quad repeats them).
	if err := firstQuads(ctx, qs, sub, refs[schema.PredName], docs, func(name quad.Value, label quad.Value) {
		if s, ok := name.(quad.String); ok {
			aliases[string(s)] = true
		}
		if d := docIDOf(iriString(label)); d != "" {
			docSet[d] = true
		}
	}); err != nil {
		return e, false, err
	}
	e.Aliases, e.Documents = sortedKeys(aliases), sortedKeys(docSet)
	e.DocumentCount = int64(len(docSet))
	if refs[schema.PredName] != nil {
		n, err := graph.CountQuads(ctx, qs, map[quad.Direction]cgraph.Ref{quad.Subject: sub, quad.Predicate: refs[schema.PredName]})
		if err != nil {
			return e, false, err
		}
		e.DocumentCount = n
	}
	return e, true, nil
}

// firstQuads calls fn with the object and label of the first max quads
// (sub, pred, ?) in store order.
func firstQuads(ctx context.Context, qs cgraph.QuadStore, sub, pred cgraph.Ref, max int, fn func(obj, label quad.Value)) error {
	if pred == nil {
		return nil
	}
	sc := graph.ScanQuads(ctx, qs, map[quad.Direction]cgraph.Ref{quad.Subject: sub, quad.Predicate: pred})
	defer sc.Close()
	for i := 0; i < max && sc.Next(ctx); i++ {
		var vs [2]quad.Value
		for j, d := range []quad.Direction{quad.Object, quad.Label} {
			r, err := qs.QuadDirection(sc.Result(), d)
			if err != nil {
				return err
			}
			if vs[j], err = qs.NameOf(r); err != nil {
				return err
			}
		}
		fn(vs[0], vs[1])
	}
	return sc.Err()
}

// leastString keeps the least of the string values seen: two documents
// may spell a canonical name differently, and the least is a stable pick.
func leastString(cur string, v quad.Value) string {
	if s, ok := v.(quad.String); ok && (cur == "" || string(s) < cur) {
		return string(s)
	}
	return cur
}

// entityName is the name readEntitySummary gives iri ("" when it has
// none), read from its first name quads only.
func entityName(ctx context.Context, qs cgraph.QuadStore, iri string) (string, error) {
	sub, err := qs.ValueOf(quad.IRI(iri))
	if err != nil || sub == nil {
		return "", err
	}
	pred, err := qs.ValueOf(quad.IRI(schema.PredName))
	if err != nil || pred == nil {
		return "", err
	}
	name := ""
	err = firstObjects(ctx, qs, sub, pred, entityListDocs, func(v quad.Value) { name = leastString(name, v) })
	return name, err
}

// firstObjects calls fn with the objects of the first max quads
// (sub, pred, ?) in store order; nothing when pred is nil.
func firstObjects(ctx context.Context, qs cgraph.QuadStore, sub, pred cgraph.Ref, max int, fn func(quad.Value)) error {
	if pred == nil {
		return nil
	}
	sc := graph.ScanQuads(ctx, qs, map[quad.Direction]cgraph.Ref{quad.Subject: sub, quad.Predicate: pred})
	defer sc.Close()
	for i := 0; i < max && sc.Next(ctx); i++ {
		o, err := qs.QuadDirection(sc.Result(), quad.Object)
		if err != nil {
			return err
		}
		v, err := qs.NameOf(o)
		if err != nil {
			return err
		}
		fn(v)
	}
	return sc.Err()
}
