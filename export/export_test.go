package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// A hand-built, invented news world: three short dispatches.

func ent(c schema.Class, name string) schema.Entity {
	return schema.Entity{IRI: schema.EntityIRI(c, name), Name: name, Class: c, Aliases: []string{name}}
}

var (
	marren   = ent(schema.Person, "Ilse Marren")
	governor = ent(schema.Role, "Governor")
	tarsin   = ent(schema.Province, "Tarsin Province")
	velka    = ent(schema.City, "Velka")
	brigade  = ent(schema.ArmedGroup, "Red Ridge Brigade")
	osteria  = ent(schema.Country, "Osteria")
	ek       = ent(schema.Person, "Tomas Ek")
	army     = ent(schema.Government, "Osterian Army")
	walker   = ent(schema.Person, "Lone Walker")
	quote    = "We hold the bridge, <for now> & \"forever\".\nNobody leaves."
	said     = schema.Entity{IRI: schema.StatementIRI(ek.IRI, quote), Name: quote, Class: schema.Statement, Aliases: []string{quote}}
)

func fct(doc string, s schema.Entity, pred, obj, sentence string, start int, rule string, conf float64, quals map[string]string) schema.Fact {
	return schema.Fact{Subject: s.IRI, Predicate: pred, Object: obj, Evidence: schema.Evidence{
		DocID: doc, Sentence: sentence, Start: start, End: start + len([]rune(sentence)), Rule: rule, Confidence: conf, Qualifiers: quals}}
}

func fixtures() []schema.Extraction {
	const d1, d2, d3 = "dispatch-1", "dispatch 2", "notes"
	s1 := "Governor Ilse Marren, who leads Tarsin Province, visited Velka."
	s2 := "Velka, a city of some 120,000 people in Tarsin Province, is held by the Red Ridge Brigade."
	s3 := "The brigade allegedly opposes Osteria."
	t1 := "Tomas Ek leads the Red Ridge Brigade, which has controlled Velka since June."
	t2 := "The Osterian Army attacked the Red Ridge Brigade; the brigade has about 3,000 fighters."
	n1 := "Ek said: \"" + quote + "\""
	return []schema.Extraction{
		{
			Document: schema.Document{ID: d1, Title: "Governor visits Velka", URL: "https://example.org/1", Source: "Example Wire",
				Published: time.Date(2025, 5, 2, 9, 0, 0, 0, time.UTC), Text: s1 + " " + s2 + " " + s3},
			Entities: []schema.Entity{marren, governor, tarsin, velka, brigade, osteria},
			Facts: []schema.Fact{
				fct(d1, marren, "role", governor.IRI, s1, 0, "title-name", 0.9, nil),
				fct(d1, marren, "leads", tarsin.IRI, s1, 0, "who-leads", 0.7, nil),
				fct(d1, brigade, "controls", velka.IRI, s2, 64, "passive-held-by", 0.8, map[string]string{schema.QualFormer: "true"}),
				fct(d1, velka, "located_in", tarsin.IRI, s2, 64, "in-place", 0.95, nil),
				fct(d1, velka, "population", "120000", s2, 64, "city-of-people", 0.6, map[string]string{schema.QualApproximate: "true"}),
				fct(d1, brigade, "opposes", osteria.IRI, s3, 155, "opposes", 0.5, map[string]string{schema.QualHedge: "allegedly"}),
			},
		},
		{
			Document: schema.Document{ID: d2, Title: "Brigade holds Velka", Source: "Example Wire",
				Published: time.Date(2025, 7, 10, 18, 30, 0, 0, time.UTC), Text: t1 + " " + t2},
			Entities: []schema.Entity{ek, brigade, velka, army},
			Facts: []schema.Fact{
				fct(d2, brigade, "controls", velka.IRI, t1, 0, "has-controlled", 0.85, map[string]string{schema.QualTime: "since June"}),
				fct(d2, ek, "leads", brigade.IRI, t1, 0, "name-leads", 0.75, nil),
				fct(d2, army, "attacked", brigade.IRI, t2, 77, "attacked", 0.65, nil),
				fct(d2, brigade, "strength", "3000", t2, 77, "fighters", 0.55, nil),
			},
		},
		{
			Document: schema.Document{ID: d3, Title: "Field notes", Text: n1 + " Lone Walker was there."},
			Entities: []schema.Entity{ek, said, walker},
			Facts:    []schema.Fact{fct(d3, ek, "said", said.IRI, n1, 0, "said-quote", 0.8, nil)},
		},
	}
}

// Counts of the fixture, by hand.
const (
	fixtureFacts      = 11 // evidence nodes
	fixtureEdgeFacts  = 9  // facts between nodes (population and strength are literals)
	fixtureEntities   = 10 // every entity is mentioned in some document
	fixtureDocuments  = 3
	fixtureSentencesN = 6 // distinct sentences
)

func openStore(t testing.TB) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Config{Path: filepath.Join(t.TempDir(), "db")})
	if err != nil {
		t.Fatalf("graph.Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func fixtureStore(t testing.TB) *graph.Store {
	t.Helper()
	s := openStore(t)
	res, err := s.WriteDocuments(context.Background(), fixtures())
	if err != nil {
		t.Fatalf("WriteDocuments: %v", err)
	}
	for _, r := range res {
		if r.Err != nil || r.Status != graph.StatusAdded {
			t.Fatalf("write %s: %s %v", r.DocID, r.Status, r.Err)
		}
	}
	return s
}

// storeKeys is the store's quad set, each quad in expanded N-Quads form.
func storeKeys(t testing.TB, src Source) []string {
	t.Helper()
	var out []string
	if err := src.EachQuad(context.Background(), func(q quad.Quad) error {
		out = append(out, quadKey(q))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

var pinned = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func export(t testing.TB, src Source, format Format, out string, f Filters) *Result {
	t.Helper()
	res, err := Write(context.Background(), src, Options{Format: format, Out: out, Filters: f, Version: "test-1.0",
		Command: []string{"newsgraph", "export", "--format", string(format)}, Now: pinned})
	if err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return res
}

// python runs the consumer script with Debian's python3 and decodes its
// summary; it skips loudly when the modules are missing.
func python(t *testing.T, format, path string, modules ...string) map[string]any {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skipf("SKIP: %s not found; install python3-rdflib python3-networkx (Debian) to check exports with real consumers", py)
	}
	for _, m := range modules {
		if err := exec.Command(py, "-c", "import "+m).Run(); err != nil {
			t.Skipf("SKIP: python module %s missing: apt-get install -y python3-rdflib python3-networkx", m)
		}
	}
	cmd := exec.Command(py, "testdata/consume.py", format, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("consume.py %s %s: %v\n%s", format, path, err, stderr.String())
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("consume.py output: %v\n%s", err, out)
	}
	return m
}

func num(t *testing.T, m map[string]any, key string) int {
	t.Helper()
	v, ok := m[key].(float64)
	if !ok {
		t.Fatalf("%s missing in %v", key, m)
	}
	return int(v)
}

func readManifest(t *testing.T, path string) Manifest {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	return m
}

func checkManifest(t *testing.T, path string, facts int64) {
	t.Helper()
	m := readManifest(t, path)
	if m.Version != "test-1.0" || !m.Created.Equal(pinned) || len(m.Command) == 0 {
		t.Errorf("manifest header: %+v", m)
	}
	if len(m.Documents) != fixtureDocuments {
		t.Fatalf("manifest lists %d documents, want %d", len(m.Documents), fixtureDocuments)
	}
	want := fixtures()
	for _, ext := range want {
		i := slices.IndexFunc(m.Documents, func(d ManifestDoc) bool { return d.ID == ext.Document.ID })
		if i < 0 {
			t.Fatalf("manifest misses document %q: %+v", ext.Document.ID, m.Documents)
		}
		if d := m.Documents[i]; d.Hash != ext.Document.Hash() || d.Quads == 0 || d.IRI != ext.Document.IRI() {
			t.Errorf("manifest document %+v, want hash %s", d, ext.Document.Hash())
		}
	}
	if m.Counts.Facts != facts {
		t.Errorf("manifest counts %d facts, want %d", m.Counts.Facts, facts)
	}
	if m.Counts.Predicates["controls"] != 2 || m.Counts.Predicates["population"] != 1 {
		t.Errorf("manifest predicate counts %v", m.Counts.Predicates)
	}
}

func TestRDFFormatsReadByRDFLib(t *testing.T) {
	s := fixtureStore(t)
	// What the RDF formats write: the store's quads with each evidence's
	// packed provenance unpacked (expandProv, checked below).
	var keys []string
	triples := map[string]bool{}
	provs := 0
	if err := s.EachQuad(context.Background(), func(q quad.Quad) error {
		if iriOf(q.Predicate) == schema.PredProv {
			provs++
		}
		qs, err := expandProv(q)
		for _, q := range qs {
			keys = append(keys, quadKey(q))
			q.Label = nil
			triples[quadKey(q)] = true
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if provs != fixtureFacts || len(keys) < len(storeKeys(t, s))+5*provs {
		t.Fatalf("%d evidence nodes, %d quads written for %d stored: provenance not unpacked", provs, len(keys), len(storeKeys(t, s)))
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		format Format
		file   string
	}{{NQuads, "g.nq"}, {JSONLD, "g.jsonld"}, {Turtle, "g.ttl"}} {
		t.Run(string(tc.format), func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			res := export(t, s, tc.format, path, Filters{})
			checkManifest(t, path+".export.json", fixtureFacts)
			if res.Manifest.Counts.Quads != int64(len(keys)) {
				t.Errorf("wrote %d quads, store has %d", res.Manifest.Counts.Quads, len(keys))
			}
			got := python(t, string(tc.format), path, "rdflib")
			if tc.format == Turtle {
				if n := num(t, got, "triples"); n != len(triples) {
					t.Errorf("rdflib reads %d triples, store has %d distinct", n, len(triples))
				}
				if n := num(t, got, "controls"); n != 1 {
					t.Errorf("rdflib finds %d brigade-controls-velka triples, want 1", n)
				}
			} else {
				if n := num(t, got, "quads"); n != len(keys) {
					t.Errorf("rdflib reads %d quads, store has %d", n, len(keys))
				}
				// every document plus the vocabulary graph
				if n := num(t, got, "graphs"); n != fixtureDocuments+1 {
					t.Errorf("rdflib reads %d graphs, want %d", n, fixtureDocuments+1)
				}
				if n := num(t, got, "controls"); n != 2 {
					t.Errorf("rdflib finds %d brigade-controls-velka quads, want 2 (one per document)", n)
				}
			}
			confs, _ := got["confidences"].([]any)
			if len(confs) != fixtureFacts || confs[0].(float64) != 0.5 || confs[len(confs)-1].(float64) != 0.95 {
				t.Errorf("confidences as rdflib reads them: %v", confs)
			}
			if st := got["start_types"].([]any); len(st) != 1 || st[0] != schema.XSDNS+"integer" {
				t.Errorf("ng:start datatypes %v, want xsd:integer", st)
			}
			pub := got["published"].([]any)
			if len(pub) != 2 || !strings.HasPrefix(pub[0].(string), "2025-05-02T09:00:00") {
				t.Errorf("published dates %v", pub)
			}
			found := false
			for _, s := range got["sentences"].([]any) {
				found = found || strings.Contains(s.(string), quote)
			}
			if !found {
				t.Errorf("the quote with newline, quotes and <&> did not survive: %v", got["sentences"])
			}
		})
	}
	ctx, err := os.ReadFile(filepath.Join(dir, "context.jsonld"))
	if err != nil {
		t.Fatalf("context.jsonld not written: %v", err)
	}
	var c map[string]map[string]any
	if err := json.Unmarshal(ctx, &c); err != nil {
		t.Fatalf("context.jsonld: %v", err)
	}
	if c["@context"]["ng"] != schema.NS || c["@context"]["City"] != "ng:City" {
		t.Errorf("context.jsonld: %v", c)
	}
}

func TestGraphFormatsReadByNetworkX(t *testing.T) {
	s := fixtureStore(t)
	dir := t.TempDir()
	for _, format := range []Format{GraphML, GEXF} {
		t.Run(string(format), func(t *testing.T) {
			path := filepath.Join(dir, "g."+string(format))
			res := export(t, s, format, path, Filters{})
			checkManifest(t, path+".export.json", fixtureFacts)
			if res.Manifest.Counts.Edges != fixtureEdgeFacts || res.Manifest.Counts.Nodes != fixtureEntities {
				t.Errorf("manifest counts %+v", res.Manifest.Counts)
			}
			got := python(t, string(format), path, "networkx")
			if n := num(t, got, "nodes"); n != fixtureEntities {
				t.Errorf("networkx reads %d nodes, want %d", n, fixtureEntities)
			}
			if n := num(t, got, "edges"); n != fixtureEdgeFacts {
				t.Errorf("networkx reads %d edges, want %d", n, fixtureEdgeFacts)
			}
			if got["multigraph"] != true {
				t.Errorf("two documents' controls edges should make a multigraph")
			}
			v := got["velka"].(map[string]any)
			if v["class"] != "City" || v["top_class"] != "Location" || v["population"] != 120000.0 || v["documents"] != 2.0 {
				t.Errorf("Velka's attributes as networkx reads them: %v", v)
			}
			attrs := got["edge_attrs"].([]any)
			for _, want := range []string{"predicate", "document", "sentence", "start", "end", "confidence", "rule", "q_former", "q_time", "q_hedge"} {
				if !slices.Contains(attrs, any(want)) {
					t.Errorf("edge attribute %s missing: %v", want, attrs)
				}
			}
			var controls []map[string]any
			for _, e := range got["edge_list"].([]any) {
				e := e.(map[string]any)
				if e["predicate"] == "controls" {
					controls = append(controls, e)
				}
				types := e["types"].(map[string]any)
				if types["confidence"] != "float" || types["start"] != "int" {
					t.Errorf("edge attribute types %v, want float confidence and int start", types)
				}
			}
			if len(controls) != 2 {
				t.Fatalf("controls edges: %v", controls)
			}
			formers := 0
			for _, e := range controls {
				if e["q_former"] == true {
					formers++
				}
			}
			if formers != 1 {
				t.Errorf("q_former should be a boolean true on one controls edge: %v", controls)
			}
		})
	}
}

func TestCSVAndNeo4jReadByPythonCSV(t *testing.T) {
	s := fixtureStore(t)
	dir := t.TempDir()

	out := filepath.Join(dir, "csv")
	export(t, s, CSV, out, Filters{})
	checkManifest(t, filepath.Join(out, "export.json"), fixtureFacts)
	got := python(t, "csv", out)
	nodes := got["nodes.csv"].(map[string]any)
	edges := got["edges.csv"].(map[string]any)
	if !equalCols(nodes["columns"], CSVNodeColumns()) || !equalCols(edges["columns"], CSVEdgeColumns()) {
		t.Errorf("csv columns: %v / %v", nodes["columns"], edges["columns"])
	}
	if n := len(nodes["rows"].([]any)); n != fixtureEntities {
		t.Errorf("nodes.csv has %d rows, want %d", n, fixtureEntities)
	}
	rows := edges["rows"].([]any)
	if len(rows) != fixtureFacts {
		t.Fatalf("edges.csv has %d rows, want one per fact (%d)", len(rows), fixtureFacts)
	}
	var pop, saidRow map[string]any
	for _, r := range rows {
		r := r.(map[string]any)
		switch r["predicate"] {
		case "population":
			pop = r
		case "said":
			saidRow = r
		}
	}
	if pop == nil || pop["target"] != "120000" || pop["target_is_literal"] != "true" || pop["q_approximate"] != "true" ||
		pop["document"] != "dispatch-1" || pop["published"] != "2025-05-02T09:00:00Z" || pop["confidence"] != "0.6" || pop["start"] != "64" {
		t.Errorf("population row: %v", pop)
	}
	if saidRow == nil || !strings.Contains(saidRow["sentence"].(string), quote) || saidRow["published"] != "" {
		t.Errorf("said row (sentence with newline and quotes): %v", saidRow)
	}

	out = filepath.Join(dir, "neo4j")
	export(t, s, Neo4j, out, Filters{})
	got = python(t, "neo4j", out)
	nodes = got["nodes.csv"].(map[string]any)
	rels := got["relationships.csv"].(map[string]any)
	if !equalCols(nodes["columns"], Neo4jNodeColumns()) || !equalCols(rels["columns"], Neo4jRelColumns()) {
		t.Errorf("neo4j headers: %v / %v", nodes["columns"], rels["columns"])
	}
	if n := len(rels["rows"].([]any)); n != fixtureEdgeFacts {
		t.Errorf("relationships.csv has %d rows, want %d", n, fixtureEdgeFacts)
	}
	for _, r := range nodes["rows"].([]any) {
		r := r.(map[string]any)
		if r["id:ID"] == velka.IRI && (r[":LABEL"] != "Entity;City;Location" || r["population:double"] != "120000") {
			t.Errorf("neo4j Velka row: %v", r)
		}
	}
	for _, r := range rels["rows"].([]any) {
		r := r.(map[string]any)
		if r[":TYPE"] == "CONTROLS" && r["document"] == "dispatch-1" && r["q_former:boolean"] != "true" {
			t.Errorf("neo4j controls row: %v", r)
		}
	}
}

func equalCols(got any, want []string) bool {
	g, _ := got.([]any)
	if len(g) != len(want) {
		return false
	}
	for i := range g {
		if g[i] != want[i] {
			return false
		}
	}
	return true
}

// csvFacts exports CSV with filters and returns the edge rows as
// "subject predicate object document" plus the node ids, read back with
// encoding/csv.
func csvFacts(t *testing.T, src Source, f Filters) (facts, nodes []string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "csv")
	export(t, src, CSV, out, f)
	for _, name := range []string{"edges.csv", "nodes.csv"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		recs := readCSV(t, b)
		for _, r := range recs[1:] {
			if name == "edges.csv" {
				facts = append(facts, strings.Join([]string{r[1], r[2], r[3], r[5]}, " "))
			} else {
				nodes = append(nodes, r[0])
			}
		}
	}
	sort.Strings(facts)
	sort.Strings(nodes)
	return facts, nodes
}

func TestFilters(t *testing.T) {
	s := fixtureStore(t)
	B, V, T := brigade.IRI, velka.IRI, tarsin.IRI
	cases := []struct {
		name  string
		f     Filters
		facts []string
		nodes []string
	}{
		{"class Location", Filters{Classes: []string{"Location"}},
			[]string{V + " located_in " + T + " dispatch-1", V + " population 120000 dispatch-1"},
			[]string{osteria.IRI, T, V}},
		{"predicate", Filters{Predicates: []string{"ng:controls"}},
			[]string{B + " controls " + V + " dispatch 2", B + " controls " + V + " dispatch-1"},
			[]string{B, V}},
		{"document", Filters{Documents: []string{"notes"}},
			[]string{ek.IRI + " said " + said.IRI + " notes"},
			[]string{said.IRI, ek.IRI, walker.IRI}},
		{"date range", Filters{From: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 7, 10, 0, 0, 0, 0, time.UTC)},
			[]string{army.IRI + " attacked " + B + " dispatch 2", B + " controls " + V + " dispatch 2", B + " strength 3000 dispatch 2", ek.IRI + " leads " + B + " dispatch 2"},
			[]string{army.IRI, B, V, ek.IRI}},
		{"min confidence", Filters{MinConfidence: 0.85},
			[]string{marren.IRI + " role " + governor.IRI + " dispatch-1", B + " controls " + V + " dispatch 2", V + " located_in " + T + " dispatch-1"},
			[]string{B, T, V, marren.IRI, governor.IRI}},
		{"entities (a saved query's result)", Filters{Entities: []string{B, "<" + schema.ExpandIRI(V) + ">"}},
			[]string{B + " controls " + V + " dispatch 2", B + " controls " + V + " dispatch-1",
				B + " strength 3000 dispatch 2", V + " population 120000 dispatch-1"}, // literal facts of selected entities
			[]string{B, V}},
		{"entities, any endpoint", Filters{Entities: []string{army.IRI}, AnyEndpoint: true},
			[]string{army.IRI + " attacked " + B + " dispatch 2"},
			[]string{army.IRI, B}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			facts, nodes := csvFacts(t, s, tc.f)
			sort.Strings(tc.facts)
			sort.Strings(tc.nodes)
			if !slices.Equal(facts, tc.facts) {
				t.Errorf("facts:\n got %q\nwant %q", facts, tc.facts)
			}
			if !slices.Equal(nodes, tc.nodes) {
				t.Errorf("nodes:\n got %q\nwant %q", nodes, tc.nodes)
			}
		})
	}

	// The RDF formats apply the same selection.
	path := filepath.Join(t.TempDir(), "f.nq")
	res := export(t, s, NQuads, path, Filters{Predicates: []string{"controls"}})
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if n := strings.Count(text, "<"+schema.NS+"controls>"); n != 4 { // 2 edges + 2 evidence ng:predicate
		t.Errorf("filtered N-Quads mention ng:controls %d times, want 4:\n%s", n, text)
	}
	if strings.Contains(text, schema.NS+"opposes") || strings.Contains(text, schema.ExpandIRI(ek.IRI)) || strings.Contains(text, schema.NS+"population") {
		t.Errorf("filtered N-Quads keep unselected facts or nodes:\n%s", text)
	}
	if res.Manifest.Counts.Facts != 2 || res.Manifest.Counts.Predicates["controls"] != 2 {
		t.Errorf("filtered manifest counts: %+v", res.Manifest.Counts)
	}

	for _, bad := range []Filters{{Classes: []string{"Planet"}}, {Predicates: []string{"owns"}}, {MinConfidence: 2},
		{Documents: []string{"no-such-doc"}}, {From: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}} {
		if _, err := Write(context.Background(), s, Options{Format: CSV, Out: t.TempDir(), Filters: bad}); err == nil {
			t.Errorf("filters %+v: no error", bad)
		}
	}
}

func TestStdoutAndErrors(t *testing.T) {
	s := fixtureStore(t)
	var buf bytes.Buffer
	res, err := Write(context.Background(), s, Options{Format: Turtle, Out: "-", Stdout: &buf})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "@prefix") || !strings.Contains(buf.String(), "ent:") || len(res.Files) != 0 {
		t.Errorf("turtle on stdout: files %v\n%.300s", res.Files, buf.String())
	}
	if _, err := Write(context.Background(), s, Options{Format: CSV, Out: "-"}); err == nil {
		t.Error("csv to stdout: no error")
	}
	if _, err := ParseFormat("xlsx"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestNQuadsAndJSONLDRoundTrip(t *testing.T) {
	src := fixtureStore(t)
	want := storeKeys(t, src)
	for _, tc := range []struct {
		format Format
		in     ImportFormat
	}{{NQuads, ImportNQuads}, {JSONLD, ImportJSONLD}} {
		t.Run(string(tc.format), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "dump")
			written := export(t, src, tc.format, path, Filters{}).Manifest.Counts.Quads
			// The destination holds an older version of dispatch-1, which
			// the import must replace, not merge with.
			dst := openStore(t)
			old := fixtures()[0]
			old.Document.Text += " An older version."
			old.Facts = old.Facts[:2]
			if _, err := dst.WriteDocuments(context.Background(), []schema.Extraction{old}); err != nil {
				t.Fatal(err)
			}
			for round := 0; round < 2; round++ { // the second import must change nothing
				f, err := os.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				res, err := Import(context.Background(), NewDestination(dst), f, tc.in, ImportOptions{})
				f.Close()
				if err != nil {
					t.Fatalf("Import: %v", err)
				}
				// The export unpacks each evidence's provenance; the import
				// packs it again, so the store's quads come back the same.
				if int64(res.Quads) != written || res.Quads <= len(want) {
					t.Errorf("read %d quads, exported %d (store %d)", res.Quads, written, len(want))
				}
				got := storeKeys(t, dst)
				if !slices.Equal(got, want) {
					t.Fatalf("round %d: quad sets differ:\n%s", round, diff(got, want))
				}
			}
			docs, err := dst.Documents(context.Background())
			if err != nil || len(docs) != fixtureDocuments {
				t.Errorf("imported store lists %d documents (%v)", len(docs), err)
			}
			// The store's own bookkeeping follows the import.
			got, err1 := dst.Stats(context.Background())
			want, err2 := src.Stats(context.Background())
			if err1 != nil || err2 != nil || got != want {
				t.Errorf("stats after import %+v (%v), source %+v (%v)", got, err1, want, err2)
			}
		})
	}
}

func diff(got, want []string) string {
	var b strings.Builder
	for _, g := range got {
		if !slices.Contains(want, g) {
			b.WriteString("+ " + g + "\n")
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			b.WriteString("- " + w + "\n")
		}
	}
	return b.String()
}

func TestCuratedCSVImport(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	dst := NewDestination(s)
	curated := "subject,predicate,object,source,subject_class,object_class,confidence\n" +
		"ent:organization/red-ridge-brigade,allied_with,Northern Front,\"Interview, Aug 2025\",,ArmedGroup,0.6\n" +
		"Ilse Marren,citizen_of,Osteria,https://example.org/registry,Person,Country,\n" +
		"<" + schema.ExpandIRI(velka.IRI) + ">,population,125000,Census 2024,,,0.9\n"
	res, err := Import(ctx, dst, strings.NewReader(curated), ImportCuratedCSV, ImportOptions{Name: "/tmp/My Facts.csv"})
	if err != nil {
		t.Fatalf("Import curated: %v", err)
	}
	if res.Facts != 3 || res.Status != graph.StatusAdded || res.Labels[0] != "doc:curated-my-facts" {
		t.Errorf("curated result %+v", res)
	}
	// Same file again: unchanged.
	res, err = Import(ctx, dst, strings.NewReader(curated), ImportCuratedCSV, ImportOptions{Name: "My Facts.csv"})
	if err != nil || res.Status != graph.StatusUnchanged {
		t.Errorf("re-import: %+v %v", res, err)
	}

	facts, nodes := csvFacts(t, s, Filters{Documents: []string{"curated-my-facts"}})
	front := schema.EntityIRI(schema.ArmedGroup, "Northern Front")
	want := []string{
		brigade.IRI + " allied_with " + front + " curated-my-facts",
		marren.IRI + " citizen_of " + osteria.IRI + " curated-my-facts",
		velka.IRI + " population 125000 curated-my-facts",
	}
	sort.Strings(want)
	if !slices.Equal(facts, want) {
		t.Errorf("curated facts:\n got %q\nwant %q", facts, want)
	}
	if !slices.Contains(nodes, front) || !slices.Contains(nodes, velka.IRI) {
		t.Errorf("curated nodes %v", nodes)
	}
	// The existing entity keeps its name and finest class.
	out := filepath.Join(t.TempDir(), "csv")
	export(t, s, CSV, out, Filters{Documents: []string{"curated-my-facts"}})
	b, _ := os.ReadFile(filepath.Join(out, "nodes.csv"))
	recs := readCSV(t, b)
	for _, r := range recs[1:] {
		if r[0] == brigade.IRI && (r[1] != "Red Ridge Brigade" || r[2] != "ArmedGroup") {
			t.Errorf("curated row for the brigade: %v", r)
		}
	}
	b, _ = os.ReadFile(filepath.Join(out, "edges.csv"))
	for _, r := range readCSV(t, b)[1:] {
		if r[2] == "allied_with" && (r[7] != "Interview, Aug 2025" || r[10] != "0.6" || r[11] != CuratedRule) {
			t.Errorf("curated edge row: %v", r)
		}
	}

	// A bad file is refused whole, with every problem named.
	before := storeKeys(t, s)
	bad := "subject,predicate,object,source\n" +
		"ent:person/ilse-marren,owns,ent:location/velka,x\n" +
		"ent:location/velka,leads,ent:location/tarsin-province,y\n" +
		"ent:person/tomas-ek,said,Something,\n"
	_, err = Import(ctx, dst, strings.NewReader(bad), ImportCuratedCSV, ImportOptions{Name: "bad.csv"})
	if err == nil {
		t.Fatal("bad curated CSV accepted")
	}
	for _, wantMsg := range []string{"line 2", "unknown predicate", "leads", "line 4"} {
		if !strings.Contains(err.Error(), wantMsg) {
			t.Errorf("error %q does not mention %q", err, wantMsg)
		}
	}
	if after := storeKeys(t, s); !slices.Equal(before, after) {
		t.Errorf("a refused file changed the store:\n%s", diff(after, before))
	}
	if _, err := Import(ctx, dst, strings.NewReader("a,b\n1,2\n"), ImportCuratedCSV, ImportOptions{Name: "x.csv"}); err == nil || !strings.Contains(err.Error(), "missing column") {
		t.Errorf("missing columns: %v", err)
	}
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	return recs
}

// A replaced document keeps its unchanged quads where they were and adds the
// new ones at the end of the store, so its quads interleave with other
// documents'. The export must assemble its evidence all the same.
func TestInterleavedDocuments(t *testing.T) {
	ctx := context.Background()
	changed := fixtures()[0]
	changed.Document.Text += " Later: the brigade backs Osteria."
	s4 := "Later: the brigade backs Osteria."
	changed.Facts = append(changed.Facts[:5:5], fct("dispatch-1", brigade, "backs", osteria.IRI, s4, 250, "backs", 0.4, nil))
	// Same evidence IRI, new confidence: this evidence node itself is split.
	changed.Facts[2].Evidence.Confidence = 0.82

	replaced := fixtureStore(t)
	res, err := replaced.WriteDocuments(ctx, []schema.Extraction{changed})
	if err != nil || res[0].Status != graph.StatusReplaced {
		t.Fatalf("replace: %+v %v", res, err)
	}
	fresh := openStore(t)
	exts := fixtures()
	exts[0] = changed
	if _, err := fresh.WriteDocuments(ctx, exts); err != nil {
		t.Fatal(err)
	}

	// Check the premise: dispatch-1's quads really are split in two runs.
	runs, last := 0, ""
	replaced.EachQuad(ctx, func(q quad.Quad) error {
		l := iriOf(q.Label)
		if l != last && l == "doc:dispatch-1" {
			runs++
		}
		last = l
		return nil
	})
	if runs < 2 {
		t.Fatalf("dispatch-1 comes in %d run(s); the test needs an interleaved store", runs)
	}

	tables := func(src Source) (string, string, Manifest) {
		out := filepath.Join(t.TempDir(), "csv")
		r := export(t, src, CSV, out, Filters{})
		var parts []string
		for _, name := range []string{"edges.csv", "nodes.csv"} {
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, r := range readCSV(t, b) {
				rows = append(rows, strings.Join(r, "|"))
			}
			sort.Strings(rows)
			parts = append(parts, strings.Join(rows, "\n"))
		}
		return parts[0], parts[1], r.Manifest
	}
	e1, n1, m := tables(replaced)
	e2, n2, _ := tables(fresh)
	if e1 != e2 {
		t.Errorf("edges differ between the interleaved and the fresh store:\n%s\n---\n%s", e1, e2)
	}
	if n1 != n2 {
		t.Errorf("nodes differ between the interleaved and the fresh store:\n%s\n---\n%s", n1, n2)
	}
	if !strings.Contains(e1, "|backs|") || strings.Contains(e1, "|opposes|") || !strings.Contains(e1, "|0.82|passive-held-by|") {
		t.Errorf("the replacement's facts are not what was exported:\n%s", e1)
	}
	if m.Counts.Facts != fixtureFacts {
		t.Errorf("facts %d, want %d", m.Counts.Facts, fixtureFacts)
	}
	if !strings.Contains(m.Streaming, "per document") {
		t.Errorf("manifest streaming note %q", m.Streaming)
	}
}

// failing streams some quads of a real store, then fails.
type failing struct {
	Source
	after int
}

func (f failing) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	n := 0
	return f.Source.EachQuad(ctx, func(q quad.Quad) error {
		if n++; n > f.after {
			return errors.New("disk on fire")
		}
		return fn(q)
	})
}

func TestFailedExportLeavesNoFile(t *testing.T) {
	s := fixtureStore(t)
	dir := t.TempDir()
	for _, format := range Formats() {
		out := filepath.Join(dir, string(format))
		_, err := Write(context.Background(), failing{s, 40}, Options{Format: format, Out: out})
		if err == nil || !strings.Contains(err.Error(), "disk on fire") {
			t.Errorf("%s: error %v", format, err)
		}
		var left []string
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				left = append(left, path)
			}
			return nil
		})
		if len(left) != 0 {
			t.Errorf("%s: a failed export left %v", format, left)
		}
	}
}

// quadKey identifies a quad by value, times at the store's precision.
func quadKey(q quad.Quad) string {
	var b strings.Builder
	for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if v == nil {
			b.WriteString("\x00")
			continue
		}
		b.WriteString(ExpandValue(v).String())
		b.WriteString("\x00")
	}
	return b.String()
}
