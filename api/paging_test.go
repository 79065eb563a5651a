package api

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

// addBusyDocs stores n more documents in which the SDF controls Raqqa, so
// that who-controls and the document list have more rows than a page.
func addBusyDocs(t *testing.T, e *testEnv, n int) {
	t.Helper()
	ctx := context.Background()
	var exts []schema.Extraction
	for i := range n {
		d := schema.Document{ID: fmt.Sprintf("busy-%03d", i), Title: fmt.Sprintf("Report %d", i),
			Text: fmt.Sprintf("Report %d says the SDF controls Raqqa. ", i)}
		ext, err := testExtractor{}.Extract(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		exts = append(exts, ext)
	}
	res, err := e.Store.WriteDocuments(ctx, exts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.DocID, r.Err)
		}
	}
}

// pages follows next_cursor (checking it against the Link header) and
// returns the items of every page.
func pages(t *testing.T, e *testEnv, path, key string) []any {
	t.Helper()
	var items []any
	next := path
	for n := 0; next != ""; n++ {
		if n > 500 {
			t.Fatalf("%s: no last page", path)
		}
		r := e.do("GET", next, "")
		expectStatus(t, r, 200)
		m := r.JSON(t)
		got := m[key].([]any)
		if int(m["count"].(float64)) != len(got) {
			t.Errorf("%s: count %v for %d items", next, m["count"], len(got))
		}
		if int(m["offset"].(float64)) != len(items) {
			t.Errorf("%s: offset %v after %d items", next, m["offset"], len(items))
		}
		items = append(items, got...)
		cursor, _ := m["next_cursor"].(string)
		link := r.Header.Get("Link")
		if (cursor == "") != (link == "") {
			t.Fatalf("%s: next_cursor %q, Link %q", next, cursor, link)
		}
		if cursor == "" {
			break
		}
		target, _, _ := strings.Cut(strings.TrimPrefix(link, "<"), ">")
		u, err := url.Parse(target)
		if err != nil || u.Query().Get("cursor") != cursor {
			t.Fatalf("Link %q does not carry cursor %q", link, cursor)
		}
		next = target
	}
	return items
}

// TestSavedQueryPages pages through a saved query over HTTP and gets the
// rows of one big page, each once.
func TestSavedQueryPages(t *testing.T) {
	e := startServer(t, Config{PageSize: 4})
	addBusyDocs(t, e, 17)
	base := "/api/queries/who-controls?place=Raqqa"
	all := e.do("GET", base+"&limit=1000", "").JSON(t)
	rows := all["rows"].([]any)
	if len(rows) != 19 || all["truncated"] != false || all["next_cursor"] != nil {
		t.Fatalf("one page: %d rows, truncated %v, next %v", len(rows), all["truncated"], all["next_cursor"])
	}
	if o, _ := all["order"].(string); !strings.Contains(o, "store order") {
		t.Errorf("order: %q", o)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		d := r.(map[string]any)["document"].(string)
		if seen[d] {
			t.Errorf("document %s twice", d)
		}
		seen[d] = true
	}
	for _, path := range []string{base, base + "&limit=5", base + "&limit=19", base + "&limit=1"} {
		got := pages(t, e, path, "rows")
		if !reflect.DeepEqual(got, rows) {
			t.Errorf("%s: %d rows by pages, %d in one", path, len(got), len(rows))
		}
	}
	// The default page is the configured page size.
	first := e.do("GET", base, "")
	m := first.JSON(t)
	if len(m["rows"].([]any)) != 4 || m["truncated"] != true || first.Header.Get("X-Newsgraph-Next-Cursor") != m["next_cursor"] {
		t.Errorf("default page: %v", m)
	}
	// CSV pages say where the next one is in headers.
	r := e.do("GET", base+"&format=csv&limit=2", "")
	if r.Header.Get("X-Newsgraph-Next-Cursor") == "" || !strings.Contains(r.Header.Get("Link"), `rel="next"`) {
		t.Errorf("csv headers: %v", r.Header)
	}
	// POST takes the page in the URL, the parameters in the body.
	r = e.do("POST", "/api/queries/who-controls?limit=3", `{"place": "Raqqa"}`, "Content-Type", "application/json")
	if m := r.JSON(t); len(m["rows"].([]any)) != 3 || m["next_cursor"] == nil {
		t.Errorf("POST page: %v", m)
	}
	// Bad pages are 400s naming the parameter.
	expectError(t, e.do("GET", base+"&limit=0", ""), 400, CodeInvalidParameter, "limit")
	expectError(t, e.do("GET", base+"&limit=999999", ""), 400, CodeInvalidParameter, "limit")
	expectError(t, e.do("GET", base+"&cursor=nonsense", ""), 400, CodeInvalidParameter, "cursor")
	cursor := m["next_cursor"].(string)
	expectError(t, e.do("GET", "/api/queries/who-controls?place=Idlib&cursor="+url.QueryEscape(cursor), ""), 400, CodeInvalidParameter, "cursor")
	// The catalogue says in what order rows come.
	var cat struct {
		Queries []queryJSON `json:"queries"`
	}
	if err := json.Unmarshal(e.do("GET", "/api/queries", "").Body, &cat); err != nil {
		t.Fatal(err)
	}
	for _, q := range cat.Queries {
		if q.Order == "" {
			t.Errorf("query %s has no order", q.Name)
		}
	}
}

// TestDocumentPages pages through GET /api/documents.
func TestDocumentPages(t *testing.T) {
	graphtest.ForEachBackend(t, func(t *testing.T, storeCfg graph.Config) {
		testDocumentPages(t, startServerOn(t, Config{PageSize: 6}, storeCfg))
	})
}

func testDocumentPages(t *testing.T, e *testEnv) {
	addBusyDocs(t, e, 20)
	first := e.do("GET", "/api/documents", "").JSON(t)
	if len(first["documents"].([]any)) != 6 || first["total"].(float64) != 23 || first["next_cursor"] == nil {
		t.Fatalf("first page: %v", first)
	}
	for _, limit := range []int{1, 7, 23, 100} {
		docs := pages(t, e, fmt.Sprintf("/api/documents?limit=%d", limit), "documents")
		ids := map[string]bool{}
		for _, d := range docs {
			doc := d.(map[string]any)
			id := doc["id"].(string)
			if ids[id] {
				t.Errorf("limit %d: %s twice", limit, id)
			}
			ids[id] = true
			if doc["quads"].(float64) < 5 || doc["hash"] == "" {
				t.Errorf("limit %d: %v", limit, doc)
			}
		}
		if len(ids) != 23 || !ids["raqqa-1"] || !ids["busy-019"] {
			t.Errorf("limit %d: %d documents", limit, len(ids))
		}
	}
	// The page's details match the single-document route.
	one := e.do("GET", "/api/documents?limit=1", "").JSON(t)["documents"].([]any)[0].(map[string]any)
	var single struct {
		Document map[string]any `json:"document"`
	}
	if err := json.Unmarshal(e.do("GET", "/api/documents/"+one["id"].(string), "").Body, &single); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, single.Document) {
		t.Errorf("list %v\nsingle %v", one, single.Document)
	}
	// A cursor resumes after the last document of its page, so deleting
	// a document of an earlier page shifts nothing. If the last one itself
	// was deleted, bolt's listing resumes after its node id all the same;
	// a scanning store (PostgreSQL) finds the page by its offset.
	all := pages(t, e, "/api/documents?limit=100", "documents")
	idOf := func(d any) string { return d.(map[string]any)["id"].(string) }
	p1 := e.do("GET", "/api/documents?limit=5", "").JSON(t)
	if _, err := e.Store.DeleteDocument(context.Background(), idOf(all[1])); err != nil {
		t.Fatal(err)
	}
	p2 := e.do("GET", "/api/documents?limit=5&cursor="+p1["next_cursor"].(string), "").JSON(t)
	if got, _ := p2["documents"].([]any); len(got) == 0 || idOf(got[0]) != idOf(all[5]) || p2["offset"].(float64) != 5 {
		t.Errorf("after deleting %s from page 1, page 2 is %v, want it to start at %s", idOf(all[1]), p2, idOf(all[5]))
	}
	if _, err := e.Store.DeleteDocument(context.Background(), idOf(all[9])); err != nil {
		t.Fatal(err)
	}
	want := all[10]
	if e.Store.Backend() != graph.BackendBolt {
		want = all[12] // 10 documents from the start, all[1] and all[9] gone
	}
	p3 := e.do("GET", "/api/documents?limit=5&cursor="+p2["next_cursor"].(string), "").JSON(t)
	if got, _ := p3["documents"].([]any); len(got) == 0 || idOf(got[0]) != idOf(want) {
		t.Errorf("after deleting page 2's last document, page 3 is %v, want it to start at %s", p3, idOf(want))
	}
	// A cursor of an earlier version (offset only) still pages.
	old := base64.RawURLEncoding.EncodeToString([]byte("docs:5"))
	if got, _ := e.do("GET", "/api/documents?limit=5&cursor="+old, "").JSON(t)["documents"].([]any); len(got) != 5 {
		t.Errorf("offset-only cursor: %v", got)
	}
	expectError(t, e.do("GET", "/api/documents?limit=0", ""), 400, CodeInvalidParameter, "limit")
	expectError(t, e.do("GET", "/api/documents?cursor=xyz", ""), 400, CodeInvalidParameter, "cursor")
	expectError(t, e.do("GET", "/api/documents?page=2", ""), 400, CodeUnknownParameter, "page")
}

// TestProgramMarker: the programs GET /api/queries/{name}?format=gizmo hands
// out start with the marker savedProgramAsJSON looks for.
func TestProgramMarker(t *testing.T) {
	e := startServer(t, Config{})
	r := e.do("GET", "/api/queries/relations?entity=SDF&format=gizmo", "")
	expectStatus(t, r, 200)
	if !strings.HasPrefix(string(r.Body), programMarker) {
		t.Errorf("program starts %q, marker %q", string(r.Body[:min(len(r.Body), 60)]), programMarker)
	}
}
