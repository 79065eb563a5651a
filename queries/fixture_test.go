package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// The fixture is two invented news items about an invented valley, built by
// hand as ingest would hand them to the graph.

type fx struct {
	ext  schema.Extraction
	text string
}

func ent(c schema.Class, name string, aliases ...string) schema.Entity {
	return schema.Entity{IRI: schema.EntityIRI(c, name), Name: name, Class: c, Aliases: append([]string{name}, aliases...)}
}

var (
	quill   = ent(schema.Person, "Mara Quill", "Quill", "Envoy Quill")
	envoy   = ent(schema.Role, "Special Envoy for Varna")
	nsf     = ent(schema.ArmedGroup, "Northern Shield Front", "NSF")
	varna   = ent(schema.Province, "Varna", "Varna province")
	ostland = ent(schema.Country, "Ostland")
	dorn    = ent(schema.City, "Dorn")
	lume    = ent(schema.Camp, "Lume camp")
	brook   = ent(schema.Person, "Ilan Brook", "Brook")
	harbor  = ent(schema.MediaOutlet, "Harbor Times")
	quote1  = schema.Entity{IRI: schema.StatementIRI(quill.IRI, "We will not negotiate under fire"), Name: "We will not negotiate under fire", Class: schema.Statement}
	quote2  = schema.Entity{IRI: schema.StatementIRI(quill.IRI, "Dorn must stay open"), Name: "Dorn must stay open", Class: schema.Statement}
)

// doc builds an extraction whose sentences are found in its text.
func doc(id, title string, published time.Time, ents []schema.Entity, sentences []string, facts ...schema.Fact) schema.Extraction {
	text := strings.Join(sentences, " ")
	for i := range facts {
		s := sentences[facts[i].Evidence.Start] // Start holds the sentence index until here
		start := len([]rune(text[:strings.Index(text, s)]))
		facts[i].Evidence.DocID = id
		facts[i].Evidence.Sentence = s
		facts[i].Evidence.Start, facts[i].Evidence.End = start, start+len([]rune(s))
		if facts[i].Evidence.Rule == "" {
			facts[i].Evidence.Rule = "hand"
		}
	}
	return schema.Extraction{
		Document: schema.Document{ID: id, Title: title, Source: "Example Wire", URL: "https://example.org/" + id, Published: published, Text: text},
		Entities: ents,
		Facts:    facts,
	}
}

func fact(s schema.Entity, pred string, o string, sentence int, conf float64, quals ...string) schema.Fact {
	q := map[string]string{}
	for _, kv := range quals {
		k, v, _ := strings.Cut(kv, "=")
		q[k] = v
	}
	if len(q) == 0 {
		q = nil
	}
	return schema.Fact{Subject: s.IRI, Predicate: pred, Object: o, Evidence: schema.Evidence{Start: sentence, Confidence: conf, Qualifiers: q}}
}

func fixtureExtractions() []schema.Extraction {
	d1 := doc("valley-1", "Militia tightens grip on Varna", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
		[]schema.Entity{quill, envoy, nsf, varna, ostland, dorn, lume, quote1},
		[]string{
			"Mara Quill, the Special Envoy for Varna, spoke on Monday.",
			"The Northern Shield Front (NSF) controls Varna province.",
			"Ostland backs the NSF.",
			`"We will not negotiate under fire," Quill said.`,
			"Lume camp, in Varna, shelters around 12,000 people.",
			"Dorn, the largest town of Varna, was calm.",
			"Quill opposes the NSF.",
		},
		fact(quill, "role", envoy.IRI, 0, 0.9),
		fact(nsf, "controls", varna.IRI, 1, 0.8),
		fact(ostland, "backs", nsf.IRI, 2, 0.7),
		fact(quill, "said", quote1.IRI, 3, 0.9),
		fact(lume, "located_in", varna.IRI, 4, 0.9),
		fact(lume, "population", "12000", 4, 0.6, "approximate=true"),
		fact(dorn, "located_in", varna.IRI, 5, 0.9),
		fact(quill, "opposes", nsf.IRI, 6, 0.6),
	)
	d2 := doc("valley-2", "Envoy visits Dorn", time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC),
		[]schema.Entity{quill, envoy, nsf, varna, ostland, dorn, brook, harbor, quote2},
		[]string{
			"Envoy Quill, who was Special Envoy for Varna until May, visited Dorn.",
			"Ostland does not control Varna, officials said.",
			"The NSF holds Dorn.",
			`"Dorn must stay open," Quill said, Ilan Brook of the Harbor Times reported.`,
		},
		fact(quill, "role", envoy.IRI, 0, 0.85, "former=true"),
		fact(ostland, "controls", varna.IRI, 1, 0.5, "negated=true"),
		fact(nsf, "controls", dorn.IRI, 2, 0.75),
		fact(quill, "said", quote2.IRI, 3, 0.9),
		fact(brook, "works_for", harbor.IRI, 3, 0.8),
	)
	return []schema.Extraction{d1, d2}
}

// openFixture writes the fixture into a fresh bolt store.
func openFixture(tb testing.TB, extra ...schema.Extraction) *graph.Store {
	tb.Helper()
	return openFixtureIn(tb, graph.Config{Backend: "bolt", Path: tb.TempDir() + "/db"}, extra...)
}

// openFixtureIn writes the fixture into a new store of cfg.
func openFixtureIn(tb testing.TB, cfg graph.Config, extra ...schema.Extraction) *graph.Store {
	tb.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	res, err := st.WriteDocuments(ctx, append(fixtureExtractions(), extra...))
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil || r.Status == graph.StatusFailed {
			tb.Fatalf("write %s: %s %v", r.DocID, r.Status, r.Err)
		}
	}
	return st
}

// table renders rows as "a | b | c" lines over the given columns, for
// compact expectations.
func table(res *Result, cols ...string) []string {
	var out []string
	for _, row := range res.Rows {
		var cells []string
		for _, c := range cols {
			cells = append(cells, fmt.Sprint(row[c]))
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}

// sortedTable is table in sorted order, for queries whose rows come in
// store order (which depends on how the fixture was written).
func sortedTable(res *Result, cols ...string) []string {
	out := table(res, cols...)
	sort.Strings(out)
	return out
}
