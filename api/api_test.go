package api

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/ingest"
)

func TestQueriesList(t *testing.T) {
	e := startServer(t, Config{})
	m := e.do("GET", "/api/queries", "").JSON(t)
	qs := m["queries"].([]any)
	var roles map[string]any
	for _, q := range qs {
		if q.(map[string]any)["name"] == "relations" {
			roles = q.(map[string]any)
		}
	}
	if roles == nil {
		t.Fatalf("no relations query in %v", m)
	}
	if roles["graph"] != true {
		t.Errorf("relations should be a graph query: %v", roles)
	}
	params := roles["params"].([]any)
	if len(params) == 0 || params[0].(map[string]any)["name"] != "entity" || params[0].(map[string]any)["required"] != true {
		t.Errorf("relations params: %v", params)
	}
	expectError(t, e.do("GET", "/api/queries?x=1", ""), 400, CodeUnknownParameter, "x")
}

func TestRunSavedQuery(t *testing.T) {
	e := startServer(t, Config{})

	r := e.do("GET", "/api/queries/relations?entity=SDF", "")
	expectStatus(t, r, 200)
	m := r.JSON(t)
	if m["count"].(float64) != 2 || m["truncated"] != false {
		t.Fatalf("relations of SDF: %s", r.Body)
	}
	rows := m["rows"].([]any)
	sentences := []string{}
	for _, row := range rows {
		sentences = append(sentences, row.(map[string]any)["sentence"].(string))
	}
	sort.Strings(sentences)
	want := []string{"Residents said the SDF controls Raqqa.", "The Syrian Democratic Forces controls Raqqa since 2017."}
	if !slices.Equal(sentences, want) {
		t.Errorf("sentences %q, want %q", sentences, want)
	}

	// POST with a JSON body gives the same rows.
	r2 := e.do("POST", "/api/queries/relations", `{"entity": "SDF"}`, "Content-Type", "application/json")
	expectStatus(t, r2, 200)
	if r2.JSON(t)["count"] != m["count"] {
		t.Errorf("POST rows differ: %s", r2.Body)
	}

	// CSV by ?format= and by Accept; TSV by Accept.
	for _, c := range []struct{ path, accept, ct string }{
		{"/api/queries/relations?entity=SDF&format=csv", "", "text/csv"},
		{"/api/queries/relations?entity=SDF", "text/csv", "text/csv"},
		{"/api/queries/relations?entity=SDF", "text/tab-separated-values", "text/tab-separated-values"},
		{"/api/queries/relations?entity=SDF&format=tsv", "application/json", "text/tab-separated-values"},
	} {
		r := e.do("GET", c.path, "", "Accept", c.accept)
		expectStatus(t, r, 200)
		if !strings.HasPrefix(r.Header.Get("Content-Type"), c.ct) {
			t.Fatalf("%s Accept %q: Content-Type %q, want %s", c.path, c.accept, r.Header.Get("Content-Type"), c.ct)
		}
		cr := csv.NewReader(strings.NewReader(string(r.Body)))
		if c.ct != "text/csv" {
			cr.Comma = '\t'
		}
		recs, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.path, err, r.Body)
		}
		if len(recs) != 3 || recs[0][0] != "entity" || !slices.Contains(recs[0], "sentence") {
			t.Fatalf("%s: %d records, header %v", c.path, len(recs), recs[0])
		}
	}

	// The bound program for the console.
	r = e.do("GET", "/api/queries/relations?entity=SDF&format=gizmo", "")
	expectStatus(t, r, 200)
	if !strings.Contains(string(r.Body), `JSON.parse("{\"entity\":\"SDF\"}")`) || !strings.Contains(string(r.Body), "// name: relations") {
		t.Errorf("gizmo program: %.300s", r.Body)
	}

	// Errors name the parameter.
	expectError(t, e.do("GET", "/api/queries/relations", ""), 400, CodeMissingParameter, "entity")
	expectError(t, e.do("GET", "/api/queries/relations?entity=SDF&bogus=1", ""), 400, CodeUnknownParameter, "bogus")
	expectError(t, e.do("GET", "/api/queries/connections?from=SDF&to=Raqqa&hops=three", ""), 400, CodeInvalidParameter, "hops")
	expectError(t, e.do("GET", "/api/queries/relations?entity=SDF&entity=HTS", ""), 400, CodeInvalidParameter, "entity")
	expectError(t, e.do("GET", "/api/queries/relations?entity=SDF&format=xml", ""), 400, CodeInvalidParameter, "format")
	expectError(t, e.do("GET", "/api/queries/relations?entity=SDF", "", "Accept", "application/xml"), 406, CodeNotAcceptable, "")
	expectError(t, e.do("POST", "/api/queries/relations?entity=SDF", `{"entity": "HTS"}`), 400, CodeInvalidParameter, "entity")
	expectError(t, e.do("POST", "/api/queries/relations", `{"entity": {"x": 1}}`), 400, CodeInvalidParameter, "entity")
	expectError(t, e.do("POST", "/api/queries/relations", `[1,2]`), 400, CodeBadRequest, "")
	expectError(t, e.do("GET", "/api/queries/no-such-query", ""), 404, CodeNotFound, "")
	// An unknown entity is the parameter's fault: 400 naming it.
	m = expectError(t, e.do("GET", "/api/queries/relations?entity=Nobody+Known", ""), 400, CodeInvalidParameter, "entity")
	if !strings.Contains(m["message"].(string), "no entity named") {
		t.Errorf("message: %v", m["message"])
	}
}

func TestParameterInjection(t *testing.T) {
	e := startServer(t, Config{QueryTimeout: 5 * time.Second})
	// Values that would be code if pasted into the script are only data:
	// the query finds no such entity and says so.
	for _, v := range []string{`"); while(true){} ("`, `'+g.V().All()+'`, "\u2028x", `\"); throw 1; //`} {
		r := e.do("GET", "/api/queries/relations?entity="+url.QueryEscape(v), "")
		m := expectError(t, r, 400, CodeInvalidParameter, "entity")
		if !strings.Contains(m["message"].(string), "no entity named") {
			t.Errorf("%q: %v", v, m["message"])
		}
	}
}

func TestAdHocQuery(t *testing.T) {
	e := startServer(t, Config{RowLimit: 3, QueryTimeout: 2 * time.Second})
	r := e.do("POST", "/api/query?lang=gizmo", `g.V("<ent:location/raqqa>").In("<ng:controls>").Unique().All()`)
	expectStatus(t, r, 200)
	m := r.JSON(t)
	if m["count"].(float64) != 1 || !strings.Contains(string(r.Body), "ent:organization/syrian-democratic-forces") {
		t.Fatalf("gizmo: %s", r.Body)
	}
	// lang defaults to gizmo; a JSON body carries the query in "query".
	r = e.do("POST", "/api/query", `{"query": "g.V(\"<ent:location/idlib>\").In(\"<ng:controls>\").All()"}`, "Content-Type", "application/json")
	expectStatus(t, r, 200)
	if !strings.Contains(string(r.Body), "hayat-tahrir-al-sham") {
		t.Fatalf("JSON body: %s", r.Body)
	}
	r = e.do("POST", "/api/query?lang=graphql", `{ nodes(id: <ent:location/raqqa>) { id name: <ng:name> } }`)
	expectStatus(t, r, 200)
	if !strings.Contains(string(r.Body), `"name":"Raqqa"`) {
		t.Fatalf("graphql: %s", r.Body)
	}
	r = e.do("POST", "/api/query?lang=mql", `[{"id": null, "<ng:name>": "Idlib"}]`)
	expectStatus(t, r, 200)
	if !strings.Contains(string(r.Body), "ent:location/idlib") {
		t.Fatalf("mql: %s", r.Body)
	}
	// The row limit stops a query that walks the whole graph.
	r = e.do("POST", "/api/query?lang=gizmo", `g.V().All()`)
	expectStatus(t, r, 200)
	m = r.JSON(t)
	if m["count"].(float64) != 3 || m["truncated"] != true {
		t.Fatalf("row limit: %s", r.Body)
	}
	// So does a script that emits rows without end.
	r = e.do("POST", "/api/query?lang=gizmo", `for(;;){ g.V().All(); }`)
	expectStatus(t, r, 200)
	if m := r.JSON(t); m["truncated"] != true || m["count"].(float64) != 3 {
		t.Fatalf("endless rows: %s", short(r.Body))
	}
	r = e.do("POST", "/api/query?lang=mql", `[{"id": null}]`)
	expectStatus(t, r, 200)
	if m := r.JSON(t); m["count"].(float64) != 3 || m["truncated"] != true {
		t.Fatalf("mql row limit: %s", r.Body)
	}
	expectError(t, e.do("POST", "/api/query?lang=sparql", "x"), 400, CodeInvalidParameter, "lang")
	expectError(t, e.do("POST", "/api/query?lang=gizmo&limit=3", "g.V().All()"), 400, CodeUnknownParameter, "limit")
	expectError(t, e.do("POST", "/api/query", ""), 400, CodeBadRequest, "")
	expectError(t, e.do("POST", "/api/query", "g.V(.All("), 400, CodeQueryError, "")
	expectError(t, e.do("POST", "/api/query", `{"q": "x"}`, "Content-Type", "application/json"), 400, CodeBadRequest, "")
	expectError(t, e.do("GET", "/api/query", ""), 405, CodeMethodNotAllowed, "")
}

// TestHostileQueries: loops and whole-graph walks end at the limits and
// the server keeps serving.
func TestHostileQueries(t *testing.T) {
	e := startServer(t, Config{QueryTimeout: 500 * time.Millisecond})
	for _, src := range []string{
		`while(true){}`,
		`for(;;){ g.V().ToArray(); }`,
		`var a = []; while(true) { a = [a, a]; }`,
	} {
		start := time.Now()
		r := e.do("POST", "/api/query?lang=gizmo", src)
		took := time.Since(start)
		expectError(t, r, 504, CodeQueryTimeout, "")
		// Not a timing assertion: a query the limit failed to stop would
		// hang for the test's whole timeout instead of returning.
		t.Logf("%q stopped after %v", src, took)
	}
	// Cayley's own query API runs under the same limit.
	start := time.Now()
	r := e.do("POST", "/api/v2/query?lang=gizmo", `while(true){}`)
	// Cayley's handler reports the context's own error: the deadline, or
	// "canceled" when the query's time limit cancelled it first.
	if r.Status != 400 || !strings.Contains(string(r.Body), "deadline") && !strings.Contains(string(r.Body), "context canceled") {
		t.Fatalf("cayley while(true): %d %s", r.Status, r.Body)
	}
	t.Logf("cayley while(true) stopped after %v", time.Since(start))
	// A native function given bad arguments is a query error, not a crash
	// (upstream Cayley's Gizmo panics in a goroutine and takes the process).
	for _, path := range []string{"/api/v2/query?lang=gizmo", "/api/query?lang=gizmo"} {
		r = e.do("POST", path, `g.V({}).All()`)
		if r.Status != 400 {
			t.Fatalf("%s g.V({}): %d %s", path, r.Status, short(r.Body))
		}
	}
	// And the server still answers.
	expectStatus(t, e.do("GET", "/healthz", ""), 200)
	r = e.do("POST", "/api/v2/query?lang=gizmo", `g.V("<ent:location/raqqa>").Out("<ng:name>").All()`)
	if r.Status != 200 || !strings.Contains(string(r.Body), "Raqqa") {
		t.Fatalf("cayley query: %d %s", r.Status, r.Body)
	}
	metrics := string(e.do("GET", "/metrics", "").Body)
	if !regexp.MustCompile(`newsgraph_queries_total\{kind="adhoc",outcome="timeout"\} 3`).MatchString(metrics) {
		t.Errorf("metrics do not count 3 timeouts:\n%s", grepLines(metrics, "newsgraph_queries"))
	}
}

// TestMemoryLimit: a script that allocates without end is stopped by the
// heap backstop before the time limit.
func TestMemoryLimit(t *testing.T) {
	// The limit is on the whole process heap: set it a little above now.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	e := startServer(t, Config{QueryTimeout: 20 * time.Second, MaxHeapBytes: ms.HeapAlloc + 64<<20})
	// Doubling strings reach the ceiling in a few dozen steps even under
	// the race detector; the time limit is far away.
	r := e.do("POST", "/api/query", `var s = "xy", a = []; while (true) { s = s + s; a.push(s); }`)
	expectError(t, r, 503, CodeQueryMemory, "")
	expectStatus(t, e.do("GET", "/healthz", ""), 200)
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestClientDisconnectCancels: a client that goes away stops its query
// long before the time limit.
func TestClientDisconnectCancels(t *testing.T) {
	e := startServer(t, Config{QueryTimeout: time.Minute})
	for _, path := range []string{"/api/query?lang=gizmo", "/api/v2/query?lang=gizmo"} {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		req, _ := http.NewRequestWithContext(ctx, "POST", e.URL+path, strings.NewReader(`while(true){}`))
		_, err := http.DefaultClient.Do(req)
		cancel()
		if err == nil {
			t.Fatalf("%s: the query returned although it loops", path)
		}
	}
	// Both queries must leave the in-flight gauge; poll, since the server
	// notices the closed connection asynchronously.
	deadline := time.Now().Add(10 * time.Second)
	var metrics string
	for time.Now().Before(deadline) {
		metrics = string(e.do("GET", "/metrics", "").Body)
		if strings.Contains(metrics, "newsgraph_queries_in_flight 0") &&
			strings.Contains(metrics, `newsgraph_queries_total{kind="adhoc",outcome="cancelled"} 1`) &&
			strings.Contains(metrics, `newsgraph_queries_total{kind="cayley",outcome="cancelled"} 1`) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("queries still running after the clients left:\n%s", grepLines(metrics, "newsgraph_queries"))
}

// TestEntities runs on bolt (entities listed from index keys) and, when
// configured, PostgreSQL (listed by quad scans): the same answers.
func TestEntities(t *testing.T) {
	graphtest.ForEachBackend(t, func(t *testing.T, storeCfg graph.Config) {
		testEntities(t, startServerOn(t, Config{}, storeCfg))
	})
}

func testEntities(t *testing.T, e *testEnv) {
	// By alias, case-insensitive.
	m := e.do("GET", "/api/entities?q=sdf", "").JSON(t)
	ents := m["entities"].([]any)
	if len(ents) != 1 || ents[0].(map[string]any)["id"] != "ent:organization/syrian-democratic-forces" {
		t.Fatalf("q=sdf: %v", m)
	}
	ent := ents[0].(map[string]any)
	if ent["class"] != "ArmedGroup" || fmt.Sprint(ent["aliases"]) != "[SDF Syrian Democratic Forces]" || fmt.Sprint(ent["documents"]) != "[raqqa-1 raqqa-2]" {
		t.Errorf("entity: %v", ent)
	}
	// Class filter with subclasses: Location finds the city and the province.
	m = e.do("GET", "/api/entities?class=location", "").JSON(t)
	if got := ids(m); fmt.Sprint(sorted(got)) != "[ent:location/idlib ent:location/raqqa]" {
		t.Errorf("class=location: %v", got)
	}
	// By a part of the name (its slug), and by the name of another class.
	m = e.do("GET", "/api/entities?q=Tahrir%20al", "").JSON(t)
	if got := ids(m); fmt.Sprint(got) != "[ent:organization/hayat-tahrir-al-sham]" {
		t.Errorf("q=Tahrir al: %v", got)
	}
	if got := ids(e.do("GET", "/api/entities?q=tahrir&class=Person", "").JSON(t)); len(got) != 0 {
		t.Errorf("q=tahrir&class=Person: %v", got)
	}
	m = e.do("GET", "/api/entities?class=ArmedGroup&q=h", "").JSON(t)
	if got := ids(m); fmt.Sprint(got) != "[ent:organization/hayat-tahrir-al-sham]" {
		t.Errorf("class=ArmedGroup&q=h: %v", got)
	}
	// Paging: limit=2 walks all five entities once, in the order of one
	// big page (store order within each top class).
	whole := ids(e.do("GET", "/api/entities?limit=500", "").JSON(t))
	all, _ := entityPages(t, e, "/api/entities?limit=2", 5)
	want := []string{"ent:location/idlib", "ent:location/raqqa", "ent:organization/hayat-tahrir-al-sham", "ent:organization/syrian-democratic-forces", "ent:person/amira-haddad"}
	if !slices.Equal(sorted(all), want) || !slices.Equal(all, whole) {
		t.Errorf("paged: %v, want %v in the order of %v", all, want, whole)
	}
	// A search bounded to 2 entities per request answers partial pages
	// with a cursor and finds every match by following them.
	e.Srv.entityScan.Store(2)
	found, partial := entityPages(t, e, "/api/entities?q=a", 10)
	e.Srv.entityScan.Store(0)
	full := ids(e.do("GET", "/api/entities?q=a&limit=500", "").JSON(t))
	if !partial || !slices.Equal(found, full) || len(full) < 3 {
		t.Errorf("bounded search: partial %v, found %v, want %v", partial, found, full)
	}
	expectError(t, e.do("GET", "/api/entities?class=Dragon", ""), 400, CodeInvalidParameter, "class")
	expectError(t, e.do("GET", "/api/entities?limit=0", ""), 400, CodeInvalidParameter, "limit")
	expectError(t, e.do("GET", "/api/entities?limit=ten", ""), 400, CodeInvalidParameter, "limit")
	expectError(t, e.do("GET", "/api/entities?limit=501", ""), 400, CodeInvalidParameter, "limit")
	expectError(t, e.do("GET", "/api/entities?cursor=!!", ""), 400, CodeInvalidParameter, "cursor")
	expectError(t, e.do("GET", "/api/entities?cursor=ZW50OmxvY2F0aW9uL2lkbGli", ""), 400, CodeInvalidParameter, "cursor")
	expectError(t, e.do("GET", "/api/entities?name=x", ""), 400, CodeUnknownParameter, "name")

	// One entity: facts in with every evidence, qualifiers included.
	for _, p := range []string{"/api/entities/location/raqqa", "/api/entities/ent:location%2Fraqqa", "/api/entities/" + url.PathEscape("https://newsgraph.dev/entity/location/raqqa")} {
		r := e.do("GET", p, "")
		expectStatus(t, r, 200)
		var got struct {
			Entity   entityJSON `json:"entity"`
			FactsIn  []factJSON `json:"facts_in"`
			FactsOut []factJSON `json:"facts_out"`
		}
		if err := json.Unmarshal(r.Body, &got); err != nil {
			t.Fatal(err)
		}
		if got.Entity.Name != "Raqqa" || len(got.FactsOut) != 0 || len(got.FactsIn) != 1 {
			t.Fatalf("%s: %s", p, r.Body)
		}
		f := got.FactsIn[0]
		if f.Subject != "ent:organization/syrian-democratic-forces" || f.SubjectName != "Syrian Democratic Forces" || f.Predicate != "controls" || len(f.Evidence) != 2 {
			t.Fatalf("fact: %+v", f)
		}
		ev := f.Evidence[0]
		if ev.Document != "raqqa-1" || ev.Sentence != "The Syrian Democratic Forces controls Raqqa since 2017." || ev.Start != 0 || ev.End != 55 ||
			ev.Confidence != 0.75 || ev.Rule != "test-controls" || ev.Qualifiers["time"] != "since 2017" {
			t.Errorf("evidence: %+v", ev)
		}
		if f.Evidence[1].Document != "raqqa-2" || f.Evidence[1].Start != 0 {
			t.Errorf("second evidence: %+v", f.Evidence[1])
		}
	}
	r := e.do("GET", "/api/entities/organization/hayat-tahrir-al-sham", "")
	m = r.JSON(t)
	out := m["facts_out"].([]any)
	if len(out) != 1 || !strings.Contains(string(r.Body), `"hedge":"reportedly"`) {
		t.Errorf("HTS facts out: %s", r.Body)
	}
	expectError(t, e.do("GET", "/api/entities/person/nobody", ""), 404, CodeNotFound, "")
	expectError(t, e.do("GET", "/api/entities/location/raqqa?full=1", ""), 400, CodeUnknownParameter, "full")

	// The page is bounded: Raqqa's one fact in has two evidence sentences;
	// reading one says partial and keeps one.
	r = e.do("GET", "/api/entities/location/raqqa?evidence_limit=1", "")
	expectStatus(t, r, 200)
	var cut struct {
		FactsIn       []factJSON `json:"facts_in"`
		Partial       bool       `json:"partial"`
		EvidenceLimit int        `json:"evidence_limit"`
	}
	if err := json.Unmarshal(r.Body, &cut); err != nil {
		t.Fatal(err)
	}
	if !cut.Partial || cut.EvidenceLimit != 1 || len(cut.FactsIn) != 1 || len(cut.FactsIn[0].Evidence) != 1 || !strings.HasPrefix(cut.FactsIn[0].Evidence[0].Document, "raqqa-") {
		t.Errorf("evidence_limit=1: %s", r.Body)
	}
	if r := e.do("GET", "/api/entities/location/raqqa?evidence_limit=2", ""); strings.Contains(string(r.Body), `"partial"`) {
		t.Errorf("evidence_limit=2 reads all of Raqqa's evidence, yet: %s", r.Body)
	}
	for _, bad := range []string{"0", "10001", "many"} {
		expectError(t, e.do("GET", "/api/entities/location/raqqa?evidence_limit="+bad, ""), 400, CodeInvalidParameter, "evidence_limit")
	}

	// A cursor resuming after an entity deleted since: bolt's listing goes
	// on after its node id; a scanning store (PostgreSQL) cannot place it
	// and says to search again.
	first := e.do("GET", "/api/entities?class=Location&limit=1", "").JSON(t)
	firstIDs := ids(first)
	if len(firstIDs) != 1 || first["next_cursor"] == nil {
		t.Fatalf("class=Location&limit=1: %v", first)
	}
	docsOf := map[string][]string{"ent:location/idlib": {"idlib-1"}, "ent:location/raqqa": {"raqqa-1", "raqqa-2"}}
	for _, d := range docsOf[firstIDs[0]] {
		if _, err := e.Store.DeleteDocument(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	next := e.do("GET", "/api/entities?class=Location&limit=1&cursor="+first["next_cursor"].(string), "")
	// A class's entities are the listings of it and its subclasses (a
	// mention is typed with its finest class): when the next match is in
	// a later listing the cursor points at that listing's start, and a
	// scanning store resumes it as well as bolt does.
	if e.Store.Backend() == graph.BackendBolt || next.Status == 200 {
		if got := ids(next.JSON(t)); len(got) != 1 || got[0] == firstIDs[0] || docsOf[got[0]] == nil {
			t.Errorf("after deleting %s, the next page: %s", firstIDs[0], next.Body)
		}
	} else {
		expectError(t, next, 400, CodeInvalidParameter, "cursor")
	}
}

func ids(m map[string]any) []string {
	var out []string
	for _, e := range m["entities"].([]any) {
		out = append(out, e.(map[string]any)["id"].(string))
	}
	return out
}

func TestDocumentsRead(t *testing.T) {
	graphtest.ForEachBackend(t, func(t *testing.T, storeCfg graph.Config) {
		testDocumentsRead(t, startServerOn(t, Config{}, storeCfg))
	})
}

func testDocumentsRead(t *testing.T, e *testEnv) {
	m := e.do("GET", "/api/documents", "").JSON(t)
	if m["count"].(float64) != 3 {
		t.Fatalf("documents: %v", m)
	}
	r := e.do("GET", "/api/documents/raqqa-1", "")
	expectStatus(t, r, 200)
	var got struct {
		Document documentJSON `json:"document"`
		Entities []entityJSON `json:"entities"`
		Facts    []factJSON   `json:"facts"`
	}
	if err := json.Unmarshal(r.Body, &got); err != nil {
		t.Fatal(err)
	}
	d := got.Document
	if d.Title != "Raqqa after the battle" || d.Source != "Northern Desk" || d.Published != "2019-03-02T00:00:00Z" || d.Quads == 0 || len(d.Hash) != 64 {
		t.Errorf("document: %+v", d)
	}
	if len(got.Entities) != 3 || len(got.Facts) != 1 || len(got.Facts[0].Evidence) != 1 || got.Facts[0].Evidence[0].Document != "raqqa-1" {
		t.Errorf("entities %d, facts %+v", len(got.Entities), got.Facts)
	}
	expectError(t, e.do("GET", "/api/documents/nope", ""), 404, CodeNotFound, "")
	expectError(t, e.do("GET", "/api/documents?page=2", ""), 400, CodeUnknownParameter, "page")
	expectError(t, e.do("PUT", "/api/documents/raqqa-1", "x"), 405, CodeMethodNotAllowed, "")
}

func TestIngestAndDelete(t *testing.T) {
	e := startServer(t, Config{Token: testToken, MaxBodyBytes: 4096})
	auth := []string{"Authorization", "Bearer " + testToken}
	post := func(path, ct, body string) response {
		return e.do("POST", path, body, append([]string{"Content-Type", ct}, auth...)...)
	}

	// Plain text with metadata in the URL.
	r := post("/api/documents?id=idlib-2&title=Idlib+today&published=2024-05-01", "text/plain",
		"HTS controls Idlib since 2019. Haddad wrote this. ")
	expectStatus(t, r, 200)
	m := r.JSON(t)
	if m["facts_added"].(float64) != 1 || m["failed"].(float64) != 0 {
		t.Fatalf("text ingest: %s", r.Body)
	}
	doc := e.do("GET", "/api/documents/idlib-2", "").JSON(t)["document"].(map[string]any)
	if doc["title"] != "Idlib today" || doc["published"] != "2024-05-01T00:00:00Z" {
		t.Errorf("metadata: %v", doc)
	}
	// The same text again is unchanged; new facts are queryable.
	r = post("/api/documents?id=idlib-2", "text/plain", "HTS controls Idlib since 2019. Haddad wrote this. ")
	if !strings.Contains(string(r.Body), `"status":"unchanged"`) {
		t.Errorf("re-ingest: %s", r.Body)
	}
	q := e.do("GET", "/api/queries/relations?entity=HTS", "").JSON(t)
	if q["count"].(float64) != 2 {
		t.Errorf("HTS relations after ingest: %v", q)
	}

	// One JSON object, an array, and JSON Lines.
	r = post("/api/documents", "application/json", `{"id": "j1", "title": "J", "text": "The SDF controls Raqqa. "}`)
	expectStatus(t, r, 200)
	r = post("/api/documents", "application/json", `[{"id": "j2", "text": "Idlib is quiet."}, {"id": "j3", "text": "Raqqa is busy."}]`)
	expectStatus(t, r, 200)
	if m := r.JSON(t); m["count"].(float64) != 2 {
		t.Errorf("array: %s", r.Body)
	}
	r = post("/api/documents", "application/x-ndjson", "{\"id\": \"n1\", \"text\": \"Raqqa.\"}\n{\"id\": \"n2\", \"text\": \"Idlib.\"}\n")
	expectStatus(t, r, 200)
	// A batch with a bad line stores the good documents and reports the bad.
	r = post("/api/documents", "application/x-ndjson", "{\"id\": \"n3\", \"text\": \"Raqqa again.\"}\n{broken\n")
	expectStatus(t, r, 200)
	if m := r.JSON(t); m["failed"].(float64) != 1 || m["count"].(float64) != 1 || m["read_errors"] == nil {
		t.Errorf("bad line: %s", r.Body)
	}
	// An extractor failure fails that document only; all failed is 422.
	r = post("/api/documents", "application/json", `{"id": "bad", "text": "EXTRACTOR-FAIL"}`)
	if r.Status != 422 || r.JSON(t)["code"] != CodeIngestFailed {
		t.Errorf("extractor failure: %d %s", r.Status, r.Body)
	}
	expectError(t, e.do("GET", "/api/documents/bad", ""), 404, CodeNotFound, "")
	listed := e.do("GET", "/api/documents", "").JSON(t)
	if listed["count"].(float64) != 3+1+3+2+1 {
		t.Errorf("documents after ingest: %v", listed["count"])
	}

	// Bad uploads.
	expectError(t, post("/api/documents", "text/plain", "No id given."), 400, CodeMissingParameter, "id")
	expectError(t, post("/api/documents?id=a/b", "text/plain", "x"), 400, CodeInvalidParameter, "id")
	expectError(t, post("/api/documents?id=x&published=yesterday", "text/plain", "Raqqa."), 400, CodeInvalidParameter, "published")
	expectError(t, post("/api/documents?id=x", "application/json", `{"id": "x", "text": "y"}`), 400, CodeInvalidParameter, "id")
	expectError(t, post("/api/documents?lang=en", "application/json", `{}`), 400, CodeUnknownParameter, "lang")
	expectError(t, post("/api/documents", "application/json", `{"id": "x", "text": `), 400, CodeInvalidDocument, "")
	expectError(t, post("/api/documents", "application/pdf", "%PDF"), 415, CodeUnsupportedMedia, "")
	expectError(t, post("/api/documents?id=big", "text/plain", strings.Repeat("Raqqa. ", 1000)), 413, CodePayloadTooLarge, "")
	expectError(t, e.do("POST", "/api/documents?id=x", "Raqqa.", append([]string{}, auth...)...), 415, CodeUnsupportedMedia, "")

	// Delete removes the document and its facts; a second delete is 404.
	r = e.do("DELETE", "/api/documents/idlib-2", "", auth...)
	expectStatus(t, r, 200)
	if m := r.JSON(t); m["quads_removed"].(float64) == 0 {
		t.Errorf("delete: %s", r.Body)
	}
	expectError(t, e.do("DELETE", "/api/documents/idlib-2", "", auth...), 404, CodeNotFound, "")
	expectError(t, e.do("GET", "/api/documents/idlib-2", ""), 404, CodeNotFound, "")
	q = e.do("GET", "/api/queries/relations?entity=HTS", "").JSON(t)
	if q["count"].(float64) != 1 {
		t.Errorf("HTS relations after delete: %v", q)
	}
}

func TestWriteAuth(t *testing.T) {
	type call struct{ method, path, ct, body string }
	writes := []call{
		{"POST", "/api/documents?id=w1", "text/plain", "Raqqa. "},
		{"DELETE", "/api/documents/raqqa-2", "", ""},
		{"POST", "/api/v2/write", "application/n-quads", "<ent:x> <ng:name> \"X\" .\n"},
		{"POST", "/api/v2/delete", "application/n-quads", "<ent:location/raqqa> <ng:name> \"Raqqa\" <doc:raqqa-1> .\n"},
		{"POST", "/api/v2/node/delete", "application/n-quads", "<ent:location/raqqa>"},
	}
	run := func(e *testEnv, c call, headers ...string) response {
		if c.ct != "" {
			headers = append(headers, "Content-Type", c.ct)
		}
		return e.do(c.method, c.path, c.body, headers...)
	}
	quads := func(e *testEnv) float64 {
		return e.do("GET", "/api/stats", "").JSON(t)["quads"].(float64)
	}

	t.Run("no token configured", func(t *testing.T) {
		e := startServer(t, Config{})
		before := quads(e)
		for _, c := range writes {
			expectError(t, run(e, c, "Authorization", "Bearer anything-at-all-here"), 403, CodeWritesDisabled, "")
		}
		if quads(e) != before {
			t.Error("a refused write changed the store")
		}
	})
	t.Run("token", func(t *testing.T) {
		e := startServer(t, Config{Token: testToken})
		before := quads(e)
		for _, c := range writes {
			expectError(t, run(e, c), 401, CodeUnauthorized, "")
			expectError(t, run(e, c, "Authorization", "Bearer wrong-token-0123456789"), 401, CodeUnauthorized, "")
			expectError(t, run(e, c, "Authorization", "Basic "+testToken), 401, CodeUnauthorized, "")
		}
		if quads(e) != before {
			t.Error("a refused write changed the store")
		}
		for _, c := range writes {
			r := run(e, c, "Authorization", "Bearer "+testToken)
			if r.Status != 200 {
				t.Errorf("%s %s with the token: %d %s", c.method, c.path, r.Status, r.Body)
			}
		}
		// With a token configured, ad-hoc queries need one too.
		r := e.do("POST", "/api/v2/query?lang=gizmo", `g.V("<ent:x>").Out("<ng:name>").All()`, "Authorization", "Bearer "+testToken)
		if !strings.Contains(string(r.Body), `"X"`) {
			t.Errorf("cayley write did not land: %s", r.Body)
		}
	})
	t.Run("read-only", func(t *testing.T) {
		e := startServer(t, Config{Token: testToken, ReadOnly: true})
		before := quads(e)
		for _, c := range writes {
			expectError(t, run(e, c, "Authorization", "Bearer "+testToken), 403, CodeReadOnly, "")
		}
		if quads(e) != before {
			t.Error("a refused write changed the store")
		}
		// Reads still work, Cayley's included.
		expectStatus(t, e.do("GET", "/api/v2/read?format=nquads", ""), 200)
		expectStatus(t, e.do("GET", "/api/documents", ""), 200)
		if m := e.do("GET", "/api/stats", "").JSON(t); m["read_only"] != true || m["writes"] != false {
			t.Errorf("stats: %v", m)
		}
	})
}

func TestNoExtractor(t *testing.T) {
	e := startServer(t, Config{Token: testToken}, func(d *Deps) { d.Extractor = nil })
	expectError(t, e.do("POST", "/api/documents?id=x", "Raqqa.", "Content-Type", "text/plain", "Authorization", "Bearer "+testToken), 501, CodeNotImplemented, "")
}

func TestBodyLimit(t *testing.T) {
	e := startServer(t, Config{Token: testToken, MaxBodyBytes: 1024})
	big := strings.Repeat("x", 2048)
	expectError(t, e.do("POST", "/api/query", "g.V().All() //"+big, "Authorization", "Bearer "+testToken), 413, CodePayloadTooLarge, "")
	expectError(t, e.do("POST", "/api/queries/relations", `{"entity": "`+big+`"}`), 413, CodePayloadTooLarge, "")
	before := e.do("GET", "/api/stats", "").JSON(t)["quads"]
	var nq strings.Builder
	for i := 0; nq.Len() < 4096; i++ {
		fmt.Fprintf(&nq, "<ent:n%d> <ng:name> \"N\" .\n", i)
	}
	r := e.do("POST", "/api/v2/write", nq.String(), "Content-Type", "application/n-quads", "Authorization", "Bearer "+testToken)
	expectError(t, r, 413, CodePayloadTooLarge, "")
	if after := e.do("GET", "/api/stats", "").JSON(t)["quads"]; after != before {
		// Cayley writes in batches; a cut-off body must not leave a part.
		t.Errorf("quads %v → %v after a refused write", before, after)
	}
}

func TestCORS(t *testing.T) {
	off := startServer(t, Config{})
	r := off.do("GET", "/api/stats", "", "Origin", "https://evil.example")
	if r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS header without configuration: %v", r.Header)
	}
	r = off.do("OPTIONS", "/api/stats", "", "Origin", "https://evil.example", "Access-Control-Request-Method", "GET")
	if r.Header.Get("Access-Control-Allow-Origin") != "" || r.Status == 204 {
		t.Errorf("preflight answered without configuration: %d %v", r.Status, r.Header)
	}

	on := startServer(t, Config{CORSOrigins: []string{"https://newsroom.example"}})
	r = on.do("GET", "/api/stats", "", "Origin", "https://newsroom.example")
	if r.Header.Get("Access-Control-Allow-Origin") != "https://newsroom.example" {
		t.Errorf("allowed origin: %v", r.Header)
	}
	r = on.do("OPTIONS", "/api/documents", "", "Origin", "https://newsroom.example", "Access-Control-Request-Method", "POST")
	if r.Status != 204 || !strings.Contains(r.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight: %d %v", r.Status, r.Header)
	}
	r = on.do("GET", "/api/stats", "", "Origin", "https://evil.example")
	if r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("other origin allowed: %v", r.Header)
	}
}

func TestConfigValidation(t *testing.T) {
	e := startServer(t, Config{})
	for _, c := range []Config{
		{Token: "short"},
		{QueryTimeout: -1},
		{RowLimit: -5},
		{CORSOrigins: []string{"evil.example"}},
	} {
		if _, err := New(c, Deps{Store: e.Store}); err == nil {
			t.Errorf("New(%+v) accepted", c)
		}
	}
	if _, err := New(Config{}, Deps{}); err == nil {
		t.Error("New without a store accepted")
	}
	s, err := New(Config{}, Deps{Store: e.Store})
	if err != nil {
		t.Fatal(err)
	}
	c := s.Config()
	if c.Addr != "127.0.0.1:8080" || c.QueryTimeout != DefaultQueryTimeout || c.RowLimit != DefaultRowLimit || c.MaxBodyBytes != DefaultMaxBodyBytes {
		t.Errorf("defaults: %+v", c)
	}
}

func TestStatsHealthMetrics(t *testing.T) {
	e := startServer(t, Config{})
	m := e.do("GET", "/api/stats", "").JSON(t)
	if m["documents"].(float64) != 3 || m["entities"].(float64) != 5 || m["facts"].(float64) != 3 || m["saved_queries"].(float64) < 1 {
		t.Errorf("stats: %v", m)
	}
	expectStatus(t, e.do("GET", "/healthz", ""), 200)
	expectError(t, e.do("GET", "/healthz?x=1", ""), 400, CodeUnknownParameter, "x")
	e.do("GET", "/api/nope", "")
	r := e.do("GET", "/metrics", "")
	expectStatus(t, r, 200)
	body := string(r.Body)
	for _, want := range []string{
		`newsgraph_http_requests_total{code="200",method="GET",route="GET /api/stats"} 1`,
		`newsgraph_http_requests_total{code="404",method="GET",route="/api/"} 1`,
		"go_goroutines", "newsgraph_http_request_duration_seconds_bucket",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// TestGracefulShutdown: a request in flight when the server is told to
// stop still gets its answer, and Serve returns cleanly.
func TestGracefulShutdown(t *testing.T) {
	e := startServer(t, Config{QueryTimeout: 10 * time.Second})
	type result struct {
		status int
		body   string
		err    error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Post(e.URL+"/api/query", "text/plain",
			strings.NewReader(`var t = new Date().getTime(); while (new Date().getTime() - t < 700) {} g.V("<ent:location/raqqa>").All()`))
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- result{resp.StatusCode, string(b), err}
	}()
	time.Sleep(200 * time.Millisecond) // let the query start
	if err := e.stop(); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	r := <-got
	if r.err != nil || r.status != 200 || !strings.Contains(r.body, "raqqa") {
		t.Fatalf("in-flight request: %d %q %v", r.status, r.body, r.err)
	}
	if _, err := http.Get(e.URL + "/healthz"); err == nil {
		t.Error("server still accepts connections after shutdown")
	}
}

// openAPIDoc is the part of the OpenAPI document the checks read.
type openAPIDoc struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]json.RawMessage
}

type openAPIOp struct {
	Parameters []struct {
		Name string `json:"name"`
		In   string `json:"in"`
		Ref  string `json:"$ref"`
	} `json:"parameters"`
}

// TestOpenAPIMatchesRoutes checks /api/openapi.json against the route table
// (same paths, methods and query parameters) and against the running
// server (every documented operation is routed, not a 404/405 fallback).
func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := startServer(t, Config{Token: testToken})
	r := e.do("GET", "/api/openapi.json", "")
	expectStatus(t, r, 200)
	var doc openAPIDoc
	if err := json.Unmarshal(r.Body, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	documented := map[string]openAPIOp{}
	for path, item := range doc.Paths {
		var shared openAPIOp
		if raw, ok := item["parameters"]; ok {
			if err := json.Unmarshal(raw, &shared.Parameters); err != nil {
				t.Fatal(err)
			}
		}
		for method, raw := range item {
			if method == "parameters" {
				continue
			}
			var op openAPIOp
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
			op.Parameters = append(op.Parameters, shared.Parameters...)
			documented[strings.ToUpper(method)+" "+path] = op
		}
	}
	routes := map[string]route{}
	for _, rt := range e.Srv.restRoutes() {
		routes[rt.method+" "+strings.ReplaceAll(rt.path, "...}", "}")] = rt
	}
	routes["GET /metrics"] = route{}
	for k, rt := range routes {
		op, ok := documented[k]
		if !ok {
			t.Errorf("route %s is not in openapi.json", k)
			continue
		}
		var query []string
		for _, p := range op.Parameters {
			if p.In == "query" {
				query = append(query, p.Name)
			}
		}
		sort.Strings(query)
		want := append([]string(nil), rt.params...)
		sort.Strings(want)
		if !slices.Equal(query, want) && !(len(query) == 0 && len(want) == 0) {
			t.Errorf("%s: openapi query parameters %v, route takes %v", k, query, want)
		}
	}
	for k := range documented {
		if _, ok := routes[k]; !ok {
			t.Errorf("openapi.json documents %s, which is not a route", k)
		}
		// The live server routes it: no JSON 404/405 from the fallback.
		method, path, _ := strings.Cut(k, " ")
		path = strings.NewReplacer("{name}", "relations", "{id}", "raqqa-1").Replace(path)
		if strings.HasPrefix(path, "/api/entities/") {
			path = "/api/entities/location/raqqa"
		}
		r := e.do(method, path, "", "Authorization", "Bearer "+testToken)
		var body struct{ Code string }
		_ = json.Unmarshal(r.Body, &body)
		if r.Status == 405 || (r.Status == 404 && strings.HasPrefix(body.Code+"", CodeNotFound) && strings.Contains(string(r.Body), "no route")) {
			t.Errorf("%s: not routed: %d %s", k, r.Status, r.Body)
		}
	}
	t.Logf("%d documented operations, %d routes", len(documented), len(routes))
}

// TestIngestRealExtractor posts an article through the real NLP extractor
// and reads back what it stored.
func TestIngestRealExtractor(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the NLP model")
	}
	ex, err := ingest.NewExtractor(ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := startServer(t, Config{Token: testToken}, func(d *Deps) { d.Extractor = ex })
	text := "Rebels seize the north\n\nHayat Tahrir al-Sham controls Idlib, the group said on Monday. " +
		"Its leader Abu Mohammad al-Jolani spoke in Idlib city.\n"
	r := e.do("POST", "/api/documents?id=real-1", text, "Content-Type", "text/plain", "Authorization", "Bearer "+testToken)
	expectStatus(t, r, 200)
	var res struct {
		Documents []ingestResultJSON `json:"documents"`
	}
	if err := json.Unmarshal(r.Body, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Documents) != 1 || res.Documents[0].Status != "added" || res.Documents[0].Entities == 0 {
		t.Fatalf("ingest: %s", r.Body)
	}
	t.Logf("real extractor: %+v", res.Documents[0])
	d := e.do("GET", "/api/documents/real-1", "")
	expectStatus(t, d, 200)
	var got struct {
		Document documentJSON `json:"document"`
		Entities []entityJSON `json:"entities"`
		Facts    []factJSON   `json:"facts"`
	}
	if err := json.Unmarshal(d.Body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Document.Title != "Rebels seize the north" || len(got.Entities) != res.Documents[0].Entities || len(got.Facts) > res.Documents[0].Facts {
		t.Errorf("stored document: %s", short(d.Body))
	}
	for _, f := range got.Facts {
		for _, ev := range f.Evidence {
			if ev.Document != "real-1" || ev.Sentence == "" || ev.End <= ev.Start {
				t.Errorf("evidence: %+v", ev)
			}
		}
	}
}

func TestExport(t *testing.T) {
	e := startServer(t, Config{})
	r := e.do("GET", "/api/export?format=nquads", "")
	expectStatus(t, r, 200)
	if ct := r.Header.Get("Content-Type"); ct != "application/n-quads" || !bytes.Contains(r.Body, []byte("https://newsgraph.dev/doc/raqqa-1")) {
		t.Fatalf("nquads export: %s\n%.300s", ct, r.Body)
	}
	r = e.do("GET", "/api/export?format=gexf&class=Person", "")
	expectStatus(t, r, 200)
	if !bytes.Contains(r.Body, []byte("<gexf")) {
		t.Fatalf("gexf export: %.300s", r.Body)
	}
	r = e.do("GET", "/api/export?format=csv", "")
	expectStatus(t, r, 200)
	zr, err := zip.NewReader(bytes.NewReader(r.Body), int64(len(r.Body)))
	if err != nil {
		t.Fatalf("csv export is not a zip: %v", err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	if strings.Join(names, ",") != "csv/edges.csv,csv/export.json,csv/nodes.csv" {
		t.Fatalf("zip holds %v", names)
	}
	expectError(t, e.do("GET", "/api/export?format=pdf", ""), 400, CodeInvalidParameter, "format")
	expectError(t, e.do("GET", "/api/export?min_confidence=high", ""), 400, CodeInvalidParameter, "min_confidence")
	expectError(t, e.do("GET", "/api/export?colour=red", ""), 400, CodeUnknownParameter, "colour")
}

// entityPages follows next_cursor from path (at most maxPages pages) and
// returns the entity ids of every page, and whether any page was partial.
func entityPages(t *testing.T, e *testEnv, path string, maxPages int) (found []string, partial bool) {
	t.Helper()
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > maxPages {
			t.Fatalf("%s: paging does not end", path)
		}
		p := path
		if cursor != "" {
			p += "&cursor=" + cursor
		}
		m := e.do("GET", p, "").JSON(t)
		found = append(found, ids(m)...)
		if m["partial"] == true {
			partial = true
		}
		next, _ := m["next_cursor"].(string)
		if next == "" {
			return found, partial
		}
		cursor = next
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
