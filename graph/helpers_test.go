package graph

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// postgresEnv names the connection string of a PostgreSQL the tests may use.
const postgresEnv = "NEWSGRAPH_TEST_POSTGRES"

// backendCase is one store the tests run against.
type backendCase struct {
	name string
	open func(t testing.TB) Config // a fresh, empty store's config
}

// backends lists bolt always and PostgreSQL when NEWSGRAPH_TEST_POSTGRES
// is set; each test runs once per backend.
func backends() []backendCase {
	return []backendCase{
		// nosync: these tests are about content, not durability (the crash
		// test is), and fsync on a busy shared disk dominates their time.
		{"bolt", func(t testing.TB) Config {
			return Config{Path: t.TempDir() + "/db", Options: map[string]any{"nosync": true}}
		}},
		{"postgres", postgresConfig},
	}
}

// forEachBackend runs fn as a subtest per backend.
func forEachBackend(t *testing.T, fn func(t *testing.T, cfg func() Config)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			var cfg *Config
			fn(t, func() Config {
				if cfg == nil {
					c := b.open(t)
					cfg = &c
				}
				return *cfg
			})
		})
	}
}

// postgresConfig gives each test its own PostgreSQL schema (through
// search_path), dropped when the test ends, so tests never see each other's
// quads. It skips loudly when no PostgreSQL is configured.
func postgresConfig(t testing.TB) Config {
	addr := os.Getenv(postgresEnv)
	if addr == "" {
		t.Skipf("SKIPPED: PostgreSQL backend not tested: set %s to a connection string (e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable)", postgresEnv)
	}
	var b [6]byte
	rand.Read(b[:])
	name := "ng_test_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + name); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + name + ` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
		admin.Close()
	})
	return Config{Backend: BackendPostgres, Address: withSearchPath(t, addr, name)}
}

func withSearchPath(t testing.TB, addr, schemaName string) string {
	if strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://") {
		u, err := url.Parse(addr)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", schemaName)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return addr + " search_path=" + schemaName
}

func openStore(t testing.TB, cfg Config) *Store {
	t.Helper()
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Hand-built extractions: two short invented articles sharing a city.

func entity(c schema.Class, name string, aliases ...string) schema.Entity {
	return schema.Entity{IRI: schema.EntityIRI(c, name), Name: name, Class: c, Aliases: append([]string{name}, aliases...)}
}

func fact(doc string, s schema.Entity, pred string, o string, sentence string, start int, rule string, quals map[string]string) schema.Fact {
	return schema.Fact{Subject: s.IRI, Predicate: pred, Object: o, Evidence: schema.Evidence{
		DocID: doc, Sentence: sentence, Start: start, End: start + len([]rune(sentence)), Rule: rule, Confidence: 0.75, Qualifiers: quals,
	}}
}

var (
	voss      = entity(schema.Person, "Mara Voss", "Voss")
	mayor     = entity(schema.Role, "Mayor")
	lindqvist = entity(schema.City, "Lindqvist")
	rail      = entity(schema.Company, "Northern Rail Company", "Northern Rail")
	okafor    = entity(schema.Person, "Daniel Okafor", "Okafor")
	herald    = entity(schema.MediaOutlet, "Lindqvist Herald", "the Herald")
)

func extractionA(text string) schema.Extraction {
	const id = "article-a"
	s1 := "Mara Voss, the mayor of Lindqvist, opened the station."
	s2 := "Lindqvist, a city of about 42,000 people, is home to Northern Rail."
	return schema.Extraction{
		Document: schema.Document{ID: id, Title: "Station opens", URL: "https://example.org/a", Source: "Example Wire",
			Published: time.Date(2025, 3, 4, 10, 30, 0, 0, time.UTC), Text: text},
		Entities: []schema.Entity{voss, mayor, lindqvist, rail},
		Facts: []schema.Fact{
			fact(id, voss, "role", mayor.IRI, s1, 0, "appositive-title", nil),
			fact(id, voss, "lives_in", lindqvist.IRI, s1, 0, "title-of-place", map[string]string{schema.QualHedge: "reportedly"}),
			fact(id, lindqvist, "population", "42000", s2, 55, "population-of", map[string]string{schema.QualApproximate: "true"}),
			fact(id, rail, "based_in", lindqvist.IRI, s2, 55, "home-to", nil),
			// The same fact twice (two rules agreeing on one sentence span
			// and rule) must give one evidence node.
			fact(id, rail, "based_in", lindqvist.IRI, s2, 55, "home-to", nil),
		},
	}
}

func extractionB(text string) schema.Extraction {
	const id = "article b/2" // needs escaping in the IRI
	s1 := "Daniel Okafor, a reporter for the Lindqvist Herald, lives in Lindqvist."
	return schema.Extraction{
		Document: schema.Document{ID: id, Title: "Reporter profile", Text: text},
		Entities: []schema.Entity{okafor, herald, lindqvist},
		Facts: []schema.Fact{
			fact(id, okafor, "works_for", herald.IRI, s1, 0, "appositive-employer", nil),
			fact(id, okafor, "lives_in", lindqvist.IRI, s1, 0, "lives-in", map[string]string{schema.QualTime: "since 2019"}),
		},
	}
}

func write(t testing.TB, s *Store, exts ...schema.Extraction) []WriteResult {
	t.Helper()
	res, err := s.WriteDocuments(context.Background(), exts)
	if err != nil {
		t.Fatalf("WriteDocuments: %v", err)
	}
	if len(res) != len(exts) {
		t.Fatalf("got %d results for %d documents", len(res), len(exts))
	}
	return res
}

// quadKey is a quad in N-Quads notation.
func quadKey(q quad.Quad) string {
	l := ""
	if q.Label != nil {
		l = " " + q.Label.String()
	}
	return q.Subject.String() + " " + q.Predicate.String() + " " + q.Object.String() + l
}

// storeQuads returns the sorted N-Quads lines of every stored quad.
func storeQuads(t testing.TB, s *Store) []string {
	t.Helper()
	var out []string
	if err := s.EachQuad(context.Background(), func(q quad.Quad) error {
		out = append(out, quadKey(q))
		return nil
	}); err != nil {
		t.Fatalf("EachQuad: %v", err)
	}
	sort.Strings(out)
	checkCounts(t, s, len(out))
	return out
}

// checkCounts verifies the running counts against a full scan, and the
// quad count against EachQuad.
func checkCounts(t testing.TB, s *Store, quads int) {
	t.Helper()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if st.Quads != int64(quads) {
		t.Errorf("Stats.Quads = %d, EachQuad sees %d", st.Quads, quads)
	}
	if s.db != nil {
		return
	}
	scan, err := s.scanStats(ctx)
	if err != nil {
		t.Fatalf("scanStats: %v", err)
	}
	if st != scan {
		t.Errorf("running counts %+v, a scan counts %+v", st, scan)
	}
}

func keys(qs []quad.Quad) []string {
	out := make([]string, 0, len(qs))
	for _, q := range qs {
		out = append(out, quadKey(q))
	}
	sort.Strings(out)
	return out
}

// withoutIngestedAt drops the ingest timestamps, which differ per write.
func withoutIngestedAt(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, "<"+schema.PredIngestedAt+">") {
			out = append(out, l)
		}
	}
	return out
}

func union(sets ...[]string) []string {
	var out []string
	for _, s := range sets {
		out = append(out, s...)
	}
	sort.Strings(out)
	return out
}

func diffLines(got, want []string) string {
	g := map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	w := map[string]bool{}
	for _, l := range want {
		w[l] = true
	}
	var b strings.Builder
	for _, l := range want {
		if !g[l] {
			fmt.Fprintf(&b, "missing: %s\n", l)
		}
	}
	for _, l := range got {
		if !w[l] {
			fmt.Fprintf(&b, "extra:   %s\n", l)
		}
	}
	if len(got) != len(want) {
		fmt.Fprintf(&b, "got %d quads, want %d\n", len(got), len(want))
	}
	return b.String()
}
