package api

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

const queryToken = "query-token-0123456789abcdef"

func TestHostAndOriginChecks(t *testing.T) {
	e := startServer(t, Config{})
	port := e.URL[strings.LastIndex(e.URL, ":")+1:]
	// DNS rebinding: another site's name pointing at 127.0.0.1.
	expectError(t, e.do("GET", "/api/stats", "", "Host", "evil.example:"+port), 403, CodeHostNotAllowed, "")
	expectError(t, e.do("GET", "/", "", "Host", "evil.example"), 403, CodeHostNotAllowed, "")
	for _, h := range []string{"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port} {
		expectStatus(t, e.do("GET", "/api/stats", "", "Host", h), 200)
	}
	// Cross-site: another origin's page, or a no-cors request of one.
	expectError(t, e.do("POST", "/api/query", "g.V().All()", "Origin", "https://evil.example"), 403, CodeCrossSite, "")
	expectError(t, e.do("GET", "/api/export", "", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors"), 403, CodeCrossSite, "")
	expectError(t, e.do("GET", "/api/queries/entities?class=City", "", "Origin", "null"), 403, CodeCrossSite, "")
	// The console's own requests and a link to the console from elsewhere pass.
	expectStatus(t, e.do("POST", "/api/query", "g.V().Limit(1).All()", "Origin", e.URL), 200)
	expectStatus(t, e.do("GET", "/", "", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate"), 200)
	// Configured names and CORS origins pass.
	e2 := startServer(t, Config{AllowedHosts: []string{"graph.example"}, CORSOrigins: []string{"https://app.example"}})
	expectStatus(t, e2.do("GET", "/api/stats", "", "Host", "graph.example"), 200)
	expectStatus(t, e2.do("POST", "/api/query", "g.V().Limit(1).All()", "Origin", "https://app.example"), 200)
}

func TestAdHocQueriesNeedAToken(t *testing.T) {
	q := `g.V().Limit(1).All()`
	// The local default: loopback, no token at all: open.
	expectStatus(t, startServer(t, Config{}).do("POST", "/api/query", q), 200)

	e := startServer(t, Config{Token: testToken, QueryToken: queryToken})
	for _, path := range []string{"/api/query?lang=gizmo", "/api/v2/query?lang=gizmo", "/api/query?lang=graphql"} {
		expectError(t, e.do("POST", path, q), 401, CodeUnauthorized, "")
		expectError(t, e.do("POST", path, q, "Authorization", "Bearer wrong-token-0123456789"), 401, CodeUnauthorized, "")
	}
	expectStatus(t, e.do("POST", "/api/query", q, "Authorization", "Bearer "+queryToken), 200)
	expectStatus(t, e.do("POST", "/api/v2/query?lang=gizmo", q, "Authorization", "Bearer "+testToken), 200)
	// The query token does not write.
	expectError(t, e.do("DELETE", "/api/documents/doc1", "", "Authorization", "Bearer "+queryToken), 401, CodeUnauthorized, "")
	// Saved queries stay open.
	expectStatus(t, e.do("GET", "/api/queries/entities?class=City", ""), 200)
	// The console: /?token= sets the cookie, which then runs queries.
	r := e.do("GET", "/?token="+queryToken, "")
	if r.Status != http.StatusSeeOther || !strings.Contains(r.Header.Get("Set-Cookie"), "SameSite=Strict") {
		t.Fatalf("login: %d %v", r.Status, r.Header)
	}
	cookie := strings.Split(r.Header.Get("Set-Cookie"), ";")[0]
	expectStatus(t, e.do("POST", "/api/v2/query?lang=gizmo", q, "Cookie", cookie), 200)
	// but never writes.
	expectError(t, e.do("POST", "/api/v2/write", "<a> <b> <c> .", "Cookie", cookie), 401, CodeUnauthorized, "")
	expectError(t, e.do("GET", "/?token=wrong", ""), 401, CodeUnauthorized, "")

	// A public read-only deployment opens them on purpose.
	p := startServer(t, Config{Token: testToken, PublicQueries: true})
	expectStatus(t, p.do("POST", "/api/query", q), 200)
}

func TestQueryRoutesArePOSTOnly(t *testing.T) {
	e := startServer(t, Config{})
	expectError(t, e.do("GET", "/api/v2/query?lang=gizmo&qu=g.V().All()", ""), 405, CodeMethodNotAllowed, "")
	expectError(t, e.do("GET", "/api/query?lang=gizmo", ""), 405, CodeMethodNotAllowed, "")
}

func TestGraphQLRowLimit(t *testing.T) {
	e := startServer(t, Config{RowLimit: 3})
	for _, path := range []string{"/api/query?lang=graphql", "/api/v2/query?lang=graphql"} {
		r := e.do("POST", path, `{ nodes { id } }`)
		expectStatus(t, r, 200)
		if r.Header.Get("X-Newsgraph-Truncated") != "true" {
			t.Errorf("%s: not marked truncated", path)
		}
		if n := strings.Count(string(r.Body), `"id"`); n > 3 || n == 0 {
			t.Errorf("%s: %d ids under a row limit of 3: %s", path, n, r.Body)
		}
	}
}

func TestGzipBodyLimitAppliesDecompressed(t *testing.T) {
	e := startServer(t, Config{Token: testToken, MaxBodyBytes: 64 << 10})
	before := string(e.do("GET", "/api/v2/read?format=nquads", "").Body)
	var nq bytes.Buffer
	for i := 0; nq.Len() < 1<<20; i++ {
		fmt.Fprintf(&nq, "<bomb:%d> <bomb:p> \"x\" .\n", i%100)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(nq.Bytes())
	zw.Close()
	if gz.Len() > 64<<10 {
		t.Fatalf("compressed %d bytes: not a bomb", gz.Len())
	}
	expectError(t, e.do("POST", "/api/v2/write", gz.String(), "Content-Encoding", "gzip", "Authorization", "Bearer "+testToken), 413, CodePayloadTooLarge, "")
	if after := string(e.do("GET", "/api/v2/read?format=nquads", "").Body); after != before {
		t.Error("the refused write changed the store")
	}
	// A small gzip body still writes.
	gz.Reset()
	zw = gzip.NewWriter(&gz)
	zw.Write([]byte("<small:a> <small:p> \"y\" .\n"))
	zw.Close()
	expectStatus(t, e.do("POST", "/api/v2/write", gz.String(), "Content-Encoding", "gzip", "Authorization", "Bearer "+testToken), 200)
}

func TestSandboxLimitsAreQueryLimitErrors(t *testing.T) {
	e := startServer(t, Config{})
	expectError(t, e.do("POST", "/api/query", `"x".repeat(1e9)`), 422, CodeQueryLimit, "")
	expectError(t, e.do("POST", "/api/query", `function f(){f()} f()`), 422, CodeQueryLimit, "")
	r := e.do("POST", "/api/v2/query?lang=gizmo", `var a=[]; for (var i=0;i<100000;i++) a=[a]; g.Emit(String(a))`)
	if r.Status != 400 || !strings.Contains(string(r.Body), "call stack") {
		t.Errorf("v2: %d %s", r.Status, r.Body)
	}
}

// Odd ids and bad dates are clear errors the same way in a JSON upload
// and in the query string of a text upload.
func TestUploadIDsAndDatesAgree(t *testing.T) {
	e := startServer(t, Config{Token: testToken})
	auth := []string{"Authorization", "Bearer " + testToken}
	for _, c := range []struct{ json, query string }{
		{`{"id": "../../etc/passwd", "text": "Raqqa."}`, "?id=" + "..%2F..%2Fetc%2Fpasswd"},
		{`{"id": ".hidden", "text": "Raqqa."}`, "?id=.hidden"},
		{`{"id": "d1", "published": "not-a-date", "text": "Raqqa."}`, "?id=d1&published=not-a-date"},
	} {
		r := e.do("POST", "/api/documents", c.json, append([]string{"Content-Type", "application/json"}, auth...)...)
		if r.Status != 400 {
			t.Errorf("JSON %s: %d %s", c.json, r.Status, r.Body)
		}
		r = e.do("POST", "/api/documents"+c.query, "Raqqa.", append([]string{"Content-Type", "text/plain"}, auth...)...)
		if r.Status != 400 {
			t.Errorf("text %s: %d %s", c.query, r.Status, r.Body)
		}
	}
	// A date JSON takes, the query string takes too.
	expectStatus(t, e.do("POST", "/api/documents?id=d2&published=2024-05-01+10:00:00", "Raqqa.", append([]string{"Content-Type", "text/plain"}, auth...)...), 200)
}
