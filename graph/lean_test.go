package graph

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/schema"
)

// layout1Quads is what the layout-1 writer (graph/layout.go at 753fbd1)
// stored for ext, so that migration is tested against what old stores
// really hold. The quads both layouts share (the document node, names,
// keys, aliases, statements' texts, relation edges) come from the layout
// function itself, DocumentQuads; only what layout 2 no longer writes is
// spelled here: every ancestor class of a mention, the alias repeating
// the name, ng:mentioned_in, and each evidence's quads in full.
// (TestDocumentQuadsLayout checks the current format against a list
// written by hand.)
func layout1Quads(ext schema.Extraction, ingestedAt time.Time) []quad.Quad {
	d := ext.Document
	doc := iri(d.IRI())
	b := quadBuilder{label: doc, seen: map[quad.Quad]struct{}{}}
	// The nodes of layout 2's evidence: layout 1 wrote evidence its own way.
	layout2Evidence := map[quad.Value]bool{}
	for _, f := range ext.Facts {
		layout2Evidence[iri(f.EvidenceIRI())] = true
		layout2Evidence[iri(schema.SentenceIRI(d.ID, f.Evidence.Start, f.Evidence.End))] = true
	}
	for _, q := range DocumentQuads(ext, ingestedAt) {
		if layout2Evidence[q.Subject] || (q.Predicate == iri(schema.PredType) && q.Subject != doc) {
			continue // evidence, and the finest class only: written below
		}
		b.add(q.Subject, q.Predicate, q.Object)
	}
	for _, e := range ext.Entities {
		ent := iri(e.IRI)
		for _, c := range e.Class.Ancestors() {
			b.add(ent, iri(schema.PredType), iri(c.IRI()))
		}
		b.add(ent, iri(schema.PredAlias), str(e.Name))
		b.add(ent, iri(schema.Layout1MentionedIn), doc)
	}
	for _, f := range ext.Facts {
		p, _ := schema.LookupPredicate(f.Predicate)
		subj, pred, obj := iri(f.Subject), iri(p.IRI()), objectValue(p, f.Object)
		ev := iri(f.EvidenceIRI())
		b.add(ev, iri(schema.PredType), iri(schema.Layout1ClassEvidence))
		b.add(ev, iri(schema.PredEvSubject), subj)
		b.add(ev, iri(schema.PredEvPredicate), pred)
		b.add(ev, iri(schema.PredEvObject), obj)
		b.add(ev, iri(schema.Layout1Document), doc)
		b.add(ev, iri(schema.PredEvSentence), str(f.Evidence.Sentence))
		b.add(ev, iri(schema.Layout1Start), quad.Int(f.Evidence.Start))
		b.add(ev, iri(schema.Layout1End), quad.Int(f.Evidence.End))
		if f.Evidence.Rule != "" {
			b.add(ev, iri(schema.PredEvRule), str(f.Evidence.Rule))
		}
		b.add(ev, iri(schema.Layout1Confidence), quad.Float(f.Evidence.Confidence))
		for k, v := range f.Evidence.Qualifiers {
			b.add(ev, iri(schema.Layout1QualifierPrefix+k), str(v))
		}
	}
	return b.quads
}

func quadSet(qs []quad.Quad) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		q.Label = nil
		out[i] = q.String()
	}
	sort.Strings(out)
	return out
}

// A layout-1 document rewritten by MigrateQuads is exactly what the
// current writer gives for the same extraction.
func TestMigrateQuadsGivesTheCurrentLayout(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	neg := fact("article-a", voss, "works_for", rail.IRI, "Mara Voss does not work for Northern Rail | for now.", 200, "negated=rule|x", map[string]string{
		schema.QualNegated: "true", schema.QualTime: "in 2024 | 2025 = 100%"})
	a := extractionA(textA)
	a.Facts = append(a.Facts, neg)
	for _, ext := range []schema.Extraction{a, extractionB(textB)} {
		old := layout1Quads(ext, at)
		if !HasLayout1(old) {
			t.Fatal("the layout-1 writer wrote no layout-1 quads")
		}
		got := quadSet(MigrateQuads(ext.Document.ID, old))
		want := quadSet(DocumentQuads(ext, at))
		if !slices.Equal(got, want) {
			t.Errorf("%s: migrated quads differ from the current layout:\n got  %v\n want %v", ext.Document.ID, got, want)
		}
		if HasLayout1(MigrateQuads(ext.Document.ID, old)) {
			t.Errorf("%s: migration left layout-1 quads", ext.Document.ID)
		}
		if len(want) >= len(old) {
			t.Errorf("%s: %d quads in the lean layout, %d before", ext.Document.ID, len(want), len(old))
		}
	}
}

// An old store is refused until migrated; migrate rewrites it (resumably)
// and then reads like a store written by today's ingest.
func TestOldStoreRefusedThenMigrated(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	exts := []schema.Extraction{extractionA(textA), extractionB(textB)}
	forEachBackend(t, func(t *testing.T, cfg func() Config) {
		// A layout-1 store: its documents' quads, and no version quad.
		s, err := Open(ctx, cfg())
		if err != nil {
			t.Fatal(err)
		}
		for _, ext := range exts {
			if err := s.PutLabel(ctx, iri(ext.Document.IRI()), layout1Quads(ext, at), true); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.qs.ApplyDeltas([]cgraph.Delta{{Quad: LayoutQuad(), Action: cgraph.Delete}}, cgraph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
		s.Close()

		if _, err := Open(ctx, cfg()); !errors.Is(err, ErrOldLayout) {
			t.Fatalf("old store opened: %v", err)
		}
		c := cfg()
		c.Migrate = true
		m, err := Open(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		// Interrupted after the first document: its label is rewritten,
		// the store still refused.
		if err := m.PutLabel(ctx, iri(exts[0].Document.IRI()), MigrateQuads(exts[0].Document.ID, layout1Quads(exts[0], at)), true); err != nil {
			t.Fatal(err)
		}
		m.Close()
		if _, err := Open(ctx, cfg()); !errors.Is(err, ErrOldLayout) {
			t.Fatalf("half-migrated store opened: %v", err)
		}
		m, err = Open(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		n, err := m.Migrate(ctx, nil)
		if err != nil || n != 1 {
			t.Fatalf("resumed migration rewrote %d documents (%v), want 1", n, err)
		}
		m.Close()

		s = openStore(t, cfg())
		fresh := openStore(t, backendLike(t, cfg()))
		if _, err := fresh.WriteDocuments(ctx, exts); err != nil {
			t.Fatal(err)
		}
		for _, ext := range exts {
			got, err := s.labelQuads(ctx, iri(ext.Document.IRI()))
			if err != nil {
				t.Fatal(err)
			}
			want := DocumentQuads(ext, at)
			if !slices.Equal(quadSet(got), quadSet(want)) {
				t.Errorf("%s after migration:\n got  %v\n want %v", ext.Document.ID, quadSet(got), quadSet(want))
			}
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want, err := fresh.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// ingested_at differs (a fresh write's time); everything else counts the same.
		if st.Documents != want.Documents || st.Entities != want.Entities || st.Facts != want.Facts || st.Quads != want.Quads {
			t.Errorf("stats after migration %+v, fresh ingest %+v", st, want)
		}
		if n, err := s.Migrate(ctx, nil); err != nil || n != 0 {
			t.Errorf("migrating a current store rewrote %d documents (%v)", n, err)
		}
	})
}

// backendLike is a fresh, empty store of the same backend as c.
func backendLike(t *testing.T, c Config) Config {
	for _, b := range backends() {
		if (b.name == "postgres") == (c.Backend == BackendPostgres) {
			return b.open(t)
		}
	}
	t.Fatalf("no backend like %s", c.Backend)
	return Config{}
}

// Restoring a backup of a layout-1 store restores it and marks the store
// for migration: it is refused until `newsgraph migrate`.
func TestRestoreOfLayout1BackupNeedsMigration(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	ext := extractionA(textA)
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf)
	for _, q := range append(layout1Quads(ext, at), SchemaQuads()[1:]...) { // a layout-1 store had no version quad
		if err := w.WriteQuad(q); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	cfg := Config{Path: filepath.Join(t.TempDir(), "db")}
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(ctx, &buf); !errors.Is(err, ErrOldLayout) {
		t.Errorf("restore of a layout-1 backup: %v", err)
	}
	s.Close()
	if _, err := Open(ctx, cfg); !errors.Is(err, ErrOldLayout) {
		t.Fatalf("restored layout-1 store opened: %v", err)
	}
	cfg.Migrate = true
	m, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := m.Migrate(ctx, nil); err != nil || n != 1 {
		t.Fatalf("migrate: %d documents, %v", n, err)
	}
	m.Close()
	cfg.Migrate = false
	s = openStore(t, cfg)
	got, err := s.labelQuads(ctx, iri(ext.Document.IRI()))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(quadSet(got), quadSet(DocumentQuads(ext, at))) {
		t.Errorf("after restore and migrate:\n got  %v\n want %v", quadSet(got), quadSet(DocumentQuads(ext, at)))
	}
}
