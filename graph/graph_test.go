package graph

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

const (
	textA  = "Mara Voss, the mayor of Lindqvist, opened the station. Lindqvist, a city of about 42,000 people, is home to Northern Rail."
	textA2 = "Mara Voss, the mayor of Lindqvist, opened the new station on Monday. Lindqvist, a city of about 42,000 people, is home to Northern Rail."
	textB  = "Daniel Okafor, a reporter for the Lindqvist Herald, lives in Lindqvist."
)

func TestDocumentQuadsLayout(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 678, time.FixedZone("x", 3600))
	ext := extractionA(textA)
	qs := DocumentQuads(ext, at)
	got := keys(qs)
	doc := "<doc:article-a>"
	for _, l := range got {
		if !strings.HasSuffix(l, " "+doc) {
			t.Errorf("quad not labelled with its document: %s", l)
		}
	}
	if len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("duplicate quads in %v", got)
	}
	ev := fact("article-a", lindqvist, "population", "42000", "", 55, "population-of", nil)
	ev.Evidence.Sentence = "Lindqvist, a city of about 42,000 people, is home to Northern Rail."
	ev.Evidence.End = 55 + len([]rune(ev.Evidence.Sentence))
	evIRI := "<" + ev.EvidenceIRI() + ">"
	sen := schema.SentenceIRI("article-a", 55, ev.Evidence.End)
	want := []string{
		doc + " <rdf:type> <ng:Document> " + doc,
		doc + ` <ng:title> "Station opens" ` + doc,
		doc + ` <ng:published> "2025-03-04T10:30:00Z"^^<xsd:dateTime> ` + doc,
		doc + ` <ng:ingested_at> "2026-01-02T02:04:05Z"^^<xsd:dateTime> ` + doc,
		doc + ` <ng:hash> "` + ext.Document.Hash() + `" ` + doc,
		"<ent:location/lindqvist> <rdf:type> <ng:City> " + doc,
		`<ent:person/mara-voss> <ng:name> "Mara Voss" ` + doc,
		`<ent:person/mara-voss> <ng:key> "mara voss" ` + doc,
		`<ent:person/mara-voss> <ng:alias> "Voss" ` + doc,
		`<ent:person/mara-voss> <ng:key> "voss" ` + doc,
		"<ent:person/mara-voss> <ng:role> <ent:role/mayor> " + doc,
		"<ent:organization/northern-rail-company> <rdf:type> <ng:Company> " + doc,
		`<ent:location/lindqvist> <ng:population> "42000"^^<xsd:decimal> ` + doc,
		evIRI + " <ng:subject> <ent:location/lindqvist> " + doc,
		evIRI + " <ng:predicate> <ng:population> " + doc,
		evIRI + ` <ng:object> "42000"^^<xsd:decimal> ` + doc,
		evIRI + " <ng:sentence> <" + sen + "> " + doc,
		evIRI + ` <ng:prov> "55|` + strconv.Itoa(ev.Evidence.End) + `|population-of|0.75|approximate" ` + doc,
		"<" + sen + `> <ng:text> "` + ev.Evidence.Sentence + `" ` + doc,
	}
	// The lean layout (docs/graph-model.md): no ancestors, no alias
	// repeating the name, no quads repeating the label, no evidence type.
	for _, l := range got {
		for _, gone := range []string{"<ng:Location>", "<ng:Organization>", `<ng:alias> "Mara Voss"`,
			"<ng:mentioned_in>", "<ng:Evidence>", "<ng:document>", "<ng:start>", "<ng:confidence>", "<ng:q_"} {
			if strings.Contains(l, gone) {
				t.Errorf("quad %s has %s, which the layout leaves out", l, gone)
			}
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing quad %s", w)
		}
	}
	// Five facts, one repeated: four evidence nodes.
	_, facts := buildQuads(ext, at)
	if facts != 4 {
		t.Errorf("facts = %d, want 4", facts)
	}
	n := 0
	for _, l := range got {
		if strings.Contains(l, "<ng:ingested_at>") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d ingested_at quads, want 1 (on the document node only)", n)
	}
}

func TestValidateExtraction(t *testing.T) {
	good := extractionA(textA)
	if err := ValidateExtraction(good); err != nil {
		t.Fatalf("valid extraction rejected: %v", err)
	}
	cases := map[string]func(x *schema.Extraction){
		"no id":             func(x *schema.Extraction) { x.Document.ID = " " },
		"unknown predicate": func(x *schema.Extraction) { x.Facts[0].Predicate = "befriends" },
		"subject not in document": func(x *schema.Extraction) {
			x.Facts[0].Subject = "ent:person/nobody"
		},
		"domain violated": func(x *schema.Extraction) { x.Facts[0].Subject = lindqvist.IRI },
		"bad IRI":         func(x *schema.Extraction) { x.Entities[0].IRI = "ent:person/a b>" },
		"unknown class":   func(x *schema.Extraction) { x.Entities[1].Class = "Wizard" },
		"other document":  func(x *schema.Extraction) { x.Facts[0].Evidence.DocID = "elsewhere" },
		"bad offsets":     func(x *schema.Extraction) { x.Facts[0].Evidence.End = -1 },
		"invalid utf8":    func(x *schema.Extraction) { x.Document.Title = "a\xffb" },
	}
	for name, mutate := range cases {
		x := extractionA(textA)
		x.Entities = slices.Clone(x.Entities)
		x.Facts = slices.Clone(x.Facts)
		mutate(&x)
		if err := ValidateExtraction(x); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestOpenCreatesStoreWithSchema(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		ctx := context.Background()
		s, err := Open(ctx, cfg())
		if err != nil {
			t.Fatal(err)
		}
		want := keys(SchemaQuads())
		if d := diffLines(storeQuads(t, s), want); d != "" {
			t.Fatalf("new store:\n%s", d)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st != (Stats{Quads: int64(len(want))}) {
			t.Errorf("stats of a new store = %+v", st)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		// Reopening writes nothing twice.
		s = openStore(t, cfg())
		if d := diffLines(storeQuads(t, s), want); d != "" {
			t.Fatalf("reopened store:\n%s", d)
		}
	})
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, Config{Backend: "nosuchdb", Path: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "not registered") {
		t.Errorf("unknown backend: %v", err)
	}
	if _, err := Open(ctx, Config{Backend: "cockroach", Address: "postgresql://h:26257/db"}); err == nil || !strings.Contains(err.Error(), "no longer supported") {
		t.Errorf("cockroach: %v", err)
	}
	if _, err := Open(ctx, Config{}); err == nil || !strings.Contains(err.Error(), "path") {
		t.Errorf("bolt without path: %v", err)
	}
	if _, err := Open(ctx, Config{Backend: BackendPostgres}); err == nil || !strings.Contains(err.Error(), "address") {
		t.Errorf("postgres without address: %v", err)
	}
	// A store already open is refused at once instead of waiting on the lock.
	dir := t.TempDir()
	first := openStore(t, Config{Path: dir})
	done := make(chan error, 1)
	go func() {
		s, err := Open(ctx, Config{Path: dir})
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "in use") {
			t.Errorf("second open of a bolt store: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("second open of a bolt store waits for the lock")
	}
	first.Close()

	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o600)
	if _, err := Open(ctx, Config{Path: file}); err == nil {
		t.Errorf("a file as store path was accepted")
	}
}

func TestWriteAddUnchangedReplace(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		ctx := context.Background()
		s := openStore(t, cfg())
		a, b := extractionA(textA), extractionB(textB)
		res := write(t, s, a, b)
		for i, r := range res {
			if r.Status != StatusAdded || r.Err != nil {
				t.Fatalf("result %d = %+v", i, r)
			}
		}
		qa, qb := DocumentQuads(a, time.Now()), DocumentQuads(b, time.Now())
		if res[0].Quads != len(qa) || res[0].Facts != 4 || res[1].Facts != 2 || res[0].DocID != "article-a" {
			t.Errorf("results = %+v, want %d quads and 4 facts for a", res, len(qa))
		}
		want := union(keys(SchemaQuads()), keys(qa), keys(qb))
		if d := diffLines(withoutIngestedAt(storeQuads(t, s)), withoutIngestedAt(want)); d != "" {
			t.Fatalf("after first write:\n%s", d)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// voss, mayor, lindqvist (in both), rail, okafor, herald.
		wantStats := Stats{Documents: 2, Entities: 6, Facts: 6, Quads: int64(len(want))}
		if st != wantStats {
			t.Errorf("stats = %+v, want %+v", st, wantStats)
		}
		before := storeQuads(t, s)

		// Same text again: nothing written, timestamps included.
		time.Sleep(1100 * time.Millisecond) // a new ingested_at second, were it written
		res = write(t, s, a, b)
		for i, r := range res {
			if r.Status != StatusUnchanged || r.Err != nil {
				t.Fatalf("rewrite result %d = %+v", i, r)
			}
		}
		if res[0].Quads != len(qa) {
			t.Errorf("unchanged quads = %d, want %d", res[0].Quads, len(qa))
		}
		if d := diffLines(storeQuads(t, s), before); d != "" {
			t.Fatalf("unchanged rewrite changed the store:\n%s", d)
		}

		// A changed text replaces exactly that document's quads.
		a2 := extractionA(textA2)
		a2.Facts = a2.Facts[:2] // the new version has fewer facts
		res = write(t, s, a2)
		if res[0].Status != StatusReplaced {
			t.Fatalf("changed text: %+v", res[0])
		}
		qa2 := DocumentQuads(a2, time.Now())
		want = union(keys(SchemaQuads()), keys(qa2), keys(qb))
		got := storeQuads(t, s)
		if d := diffLines(withoutIngestedAt(got), withoutIngestedAt(want)); d != "" {
			t.Fatalf("after replace:\n%s", d)
		}
		if len(got) != len(want) {
			t.Fatalf("after replace: %d quads, want %d (old timestamps left?)", len(got), len(want))
		}
		st, _ = s.Stats(ctx)
		wantStats = Stats{Documents: 2, Entities: 6, Facts: 4, Quads: int64(len(want))}
		if st != wantStats {
			t.Errorf("stats after replace = %+v, want %+v", st, wantStats)
		}
	})
}

func TestFailedDocumentIsExcluded(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		s := openStore(t, cfg())
		bad := extractionB(textB)
		bad.Facts = slices.Clone(bad.Facts)
		bad.Facts[1].Object = "ent:location/atlantis" // not an entity of the document
		res := write(t, s, extractionA(textA), bad)
		if res[0].Status != StatusAdded {
			t.Errorf("good document: %+v", res[0])
		}
		if res[1].Status != StatusFailed || res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "atlantis") {
			t.Errorf("bad document: %+v", res[1])
		}
		want := union(keys(SchemaQuads()), keys(DocumentQuads(extractionA(textA), time.Now())))
		if d := diffLines(withoutIngestedAt(storeQuads(t, s)), withoutIngestedAt(want)); d != "" {
			t.Fatalf("store after a failed document:\n%s", d)
		}
		// Fixing the document and sending it again stores it.
		res = write(t, s, extractionB(textB))
		if res[0].Status != StatusAdded {
			t.Errorf("fixed document: %+v", res[0])
		}
	})
}

func TestSameDocumentTwiceInOneBatch(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		s := openStore(t, cfg())
		res := write(t, s, extractionA(textA), extractionB(textB), extractionA(textA2))
		if res[0].Status != StatusAdded || res[1].Status != StatusAdded || res[2].Status != StatusReplaced {
			t.Fatalf("results = %+v", res)
		}
		want := union(keys(SchemaQuads()), keys(DocumentQuads(extractionA(textA2), time.Now())), keys(DocumentQuads(extractionB(textB), time.Now())))
		if d := diffLines(withoutIngestedAt(storeQuads(t, s)), withoutIngestedAt(want)); d != "" {
			t.Fatalf("the later version must win:\n%s", d)
		}
	})
}

func TestDeleteDocument(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		ctx := context.Background()
		s := openStore(t, cfg())
		a, b := extractionA(textA), extractionB(textB)
		write(t, s, a, b)
		n, err := s.DeleteDocument(ctx, a.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(DocumentQuads(a, time.Now())); n != want {
			t.Errorf("removed %d quads, want %d", n, want)
		}
		// What b says about the shared city stays.
		want := union(keys(SchemaQuads()), keys(DocumentQuads(b, time.Now())))
		if d := diffLines(withoutIngestedAt(storeQuads(t, s)), withoutIngestedAt(want)); d != "" {
			t.Fatalf("after delete:\n%s", d)
		}
		st, _ := s.Stats(ctx)
		if st.Documents != 1 || st.Entities != 3 || st.Facts != 2 {
			t.Errorf("stats after delete = %+v", st)
		}
		if _, err := s.DeleteDocument(ctx, a.Document.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("second delete: %v, want ErrNotFound", err)
		}
		if _, err := s.DeleteDocument(ctx, "never-seen"); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown id: %v, want ErrNotFound", err)
		}
		// The document can come back.
		if res := write(t, s, a); res[0].Status != StatusAdded {
			t.Errorf("re-add after delete: %+v", res[0])
		}
		if n, err := s.DeleteDocument(ctx, b.Document.ID); err != nil || n == 0 {
			t.Errorf("delete id with a space and slash: %d, %v", n, err)
		}
	})
}

func TestDocuments(t *testing.T) {
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		ctx := context.Background()
		s := openStore(t, cfg())
		before := time.Now().Add(-time.Second)
		a, b := extractionA(textA), extractionB(textB)
		write(t, s, a, b)
		docs, err := s.Documents(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 2 {
			t.Fatalf("documents = %+v", docs)
		}
		if docs[0].ID != "article b/2" || docs[1].ID != "article-a" {
			t.Fatalf("documents not sorted by id: %q, %q", docs[0].ID, docs[1].ID)
		}
		da, db := docs[1], docs[0]
		if da.ID != "article-a" || da.Title != "Station opens" || da.URL != "https://example.org/a" || da.Source != "Example Wire" ||
			!da.Published.Equal(a.Document.Published) || da.Hash != a.Document.Hash() || da.Quads != len(DocumentQuads(a, time.Now())) {
			t.Errorf("document a = %+v", da)
		}
		if da.IngestedAt.Before(before) || da.IngestedAt.After(time.Now()) {
			t.Errorf("ingested_at = %v", da.IngestedAt)
		}
		if db.Title != "Reporter profile" || !db.Published.IsZero() || db.URL != "" {
			t.Errorf("document b = %+v", db)
		}
		if hs, err := s.DocumentHashes(ctx); err != nil || len(hs) != 2 || hs["article-a"] != a.Document.Hash() || hs["article b/2"] != b.Document.Hash() {
			t.Errorf("DocumentHashes = %v, %v", hs, err)
		}
		if ids, err := s.DocumentIDs(ctx); err != nil || !slices.Equal(ids, []string{"article b/2", "article-a"}) {
			t.Errorf("DocumentIDs = %q, %v", ids, err)
		}
		if one, err := s.Document(ctx, "article-a"); err != nil || one != da {
			t.Errorf("Document(article-a) = %+v, %v; Documents has %+v", one, err, da)
		}
		if _, err := s.Document(ctx, "nope"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Document(nope) = %v", err)
		}
	})
}

func TestReopenKeepsData(t *testing.T) {
	cfg := Config{Path: filepath.Join(t.TempDir(), "db")}
	s := openStore(t, cfg)
	write(t, s, extractionA(textA))
	want := storeQuads(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, cfg)
	if d := diffLines(storeQuads(t, s), want); d != "" {
		t.Fatalf("after reopen:\n%s", d)
	}
	if res := write(t, s, extractionA(textA)); res[0].Status != StatusUnchanged {
		t.Errorf("after reopen: %+v", res[0])
	}
	if !s.labelIndex {
		t.Errorf("new bolt store has no label index")
	}
}

func TestContextCancelled(t *testing.T) {
	s := openStore(t, Config{Path: t.TempDir()})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := s.WriteDocuments(ctx, []schema.Extraction{extractionA(textA)})
	if !errors.Is(err, context.Canceled) || res[0].Status != StatusFailed {
		t.Fatalf("cancelled write: %+v, %v", res, err)
	}
	if got := storeQuads(t, s); len(got) != len(SchemaQuads()) {
		t.Errorf("cancelled write stored %d quads", len(got)-len(SchemaQuads()))
	}
}

func TestHandleWritesInvalidateStats(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, Config{Path: t.TempDir()})
	st1, _ := s.Stats(ctx)
	q := quad.Make(quad.IRI("ent:person/x"), quad.IRI("ng:name"), "X", quad.IRI("doc:manual"))
	if err := s.Handle().AddQuad(q); err != nil {
		t.Fatal(err)
	}
	st2, _ := s.Stats(ctx)
	if st2.Quads != st1.Quads+1 {
		t.Errorf("stats not refreshed after a handle write: %+v then %+v", st1, st2)
	}
	var _ cgraph.QuadStore = s.QuadStore()
}

// Names are indexed by key for case-insensitive lookups, and a negated fact
// is evidence without an edge.
func TestKeysAndNegatedFacts(t *testing.T) {
	ext := extractionA(textA)
	neg := fact("article-a", voss, "works_for", rail.IRI, "Mara Voss does not work for Northern Rail.", 0, "negated-test", map[string]string{schema.QualNegated: "true"})
	ext.Facts = append(ext.Facts, neg)
	got := keys(DocumentQuads(ext, time.Time{}))
	doc := "<doc:article-a>"
	if !slices.Contains(got, `<ent:person/mara-voss> <ng:key> "mara voss" `+doc) || !slices.Contains(got, `<ent:person/mara-voss> <ng:key> "voss" `+doc) {
		t.Errorf("name keys missing: %v", got)
	}
	edge := "<" + voss.IRI + "> <ng:works_for> <" + rail.IRI + "> " + doc
	if slices.Contains(got, edge) {
		t.Errorf("a negated fact must not be an edge: %s", edge)
	}
	if !slices.Contains(got, "<"+neg.EvidenceIRI()+`> <ng:prov> "0|42|negated-test|0.75|negated" `+doc) {
		t.Errorf("a negated fact keeps its evidence node")
	}
}
