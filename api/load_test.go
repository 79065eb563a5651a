package api

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLoad runs a bounded mixed workload on loopback: 16 clients run saved
// queries and entity lookups while one client ingests documents. It
// reports requests, errors and latency percentiles, requires zero errors,
// and checks that every ingested document is stored and queryable after.
// NEWSGRAPH_LOAD_SECONDS changes the duration (default 3).
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	dur := 3 * time.Second
	if s := os.Getenv("NEWSGRAPH_LOAD_SECONDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("NEWSGRAPH_LOAD_SECONDS=%q", s)
		}
		dur = time.Duration(n) * time.Second
	}
	e := startServer(t, Config{Token: testToken})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()

	reads := []string{
		"/api/queries/relations?entity=SDF",
		"/api/queries/relations?entity=Raqqa&format=csv",
		"/api/queries/sources?entity=Raqqa",
		"/api/queries/entities?class=Location",
		"/api/queries/roles?person=Haddad",
		"/api/queries/connections?from=SDF&to=Haddad&hops=2",
		"/api/entities?q=ra",
		"/api/entities/location/raqqa",
	}

	type sample struct {
		route string
		d     time.Duration
		err   string
	}
	var mu sync.Mutex
	var samples []sample
	record := func(route string, d time.Duration, err string) {
		mu.Lock()
		samples = append(samples, sample{route, d, err})
		mu.Unlock()
	}
	call := func(req *http.Request, route string) []byte {
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			record(route, time.Since(start), err.Error())
			return nil
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		d := time.Since(start)
		switch {
		case err != nil:
			record(route, d, err.Error())
		case resp.StatusCode != 200:
			record(route, d, fmt.Sprintf("%d %.200s", resp.StatusCode, body))
		default:
			record(route, d, "")
		}
		return body
	}

	deadline := time.Now().Add(dur)
	var wg sync.WaitGroup
	for c := 0; c < 16; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; time.Now().Before(deadline); i++ {
				p := reads[i%len(reads)]
				req, _ := http.NewRequest("GET", e.URL+p, nil)
				call(req, strings.SplitN(p, "?", 2)[0])
			}
		}(c)
	}
	var ingested []string
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; time.Now().Before(deadline); i++ {
			id := fmt.Sprintf("load-%04d", i)
			text := fmt.Sprintf("Report %d: the SDF controls Raqqa. Amira Haddad filed it. ", i)
			req, _ := http.NewRequest("POST", e.URL+"/api/documents?id="+id, strings.NewReader(text))
			req.Header.Set("Content-Type", "text/plain")
			req.Header.Set("Authorization", "Bearer "+testToken)
			body := call(req, "POST /api/documents")
			if strings.Contains(string(body), `"status":"added"`) {
				ingested = append(ingested, id)
			}
		}
	}()
	wg.Wait()

	var errs []string
	byRoute := map[string][]time.Duration{}
	var all []time.Duration
	for _, s := range samples {
		if s.err != "" {
			errs = append(errs, s.route+": "+s.err)
		}
		byRoute[s.route] = append(byRoute[s.route], s.d)
		all = append(all, s.d)
	}
	t.Logf("load: %v, 16 query clients + 1 ingester: %d requests (%.0f/s), %d errors, %d documents ingested",
		dur, len(samples), float64(len(samples))/dur.Seconds(), len(errs), len(ingested))
	t.Logf("latency all: p50 %v  p99 %v  max %v", pct(all, 50), pct(all, 99), pct(all, 100))
	routes := make([]string, 0, len(byRoute))
	for r := range byRoute {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		ds := byRoute[r]
		t.Logf("  %-40s n=%-5d p50 %-12v p99 %v", r, len(ds), pct(ds, 50), pct(ds, 99))
	}
	if len(errs) > 0 {
		if len(errs) > 10 {
			errs = errs[:10]
		}
		t.Errorf("errors under load:\n%s", strings.Join(errs, "\n"))
	}
	if len(ingested) == 0 {
		t.Fatal("no document was ingested during the run")
	}

	// Every ingested document is stored and found by a saved query, read
	// page by page: a fast run ingests more documents than one page holds.
	found := map[string]bool{}
	for path := "/api/queries/sources?entity=Raqqa"; path != ""; {
		r := e.do("GET", path, "")
		expectStatus(t, r, 200)
		var res struct {
			Rows []map[string]any `json:"rows"`
			Next string           `json:"next_cursor"`
		}
		if err := json.Unmarshal(r.Body, &res); err != nil {
			t.Fatal(err)
		}
		for _, row := range res.Rows {
			found[fmt.Sprint(row["document"])] = true
		}
		path = ""
		if res.Next != "" {
			path = "/api/queries/sources?entity=Raqqa&cursor=" + url.QueryEscape(res.Next)
		}
	}
	missing := 0
	for _, id := range ingested {
		if !found["doc:"+id] && !found[id] {
			missing++
			if missing < 5 {
				t.Errorf("ingested %s is not among the sources of Raqqa", id)
			}
		}
		if missing < 5 {
			expectStatus(t, e.do("GET", "/api/documents/"+id, ""), 200)
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d ingested documents not queryable", missing, len(ingested))
	}
	t.Logf("all %d ingested documents queryable after the run", len(ingested)-missing)
}

// pct is the p-th percentile (nearest rank); 100 is the maximum.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (p*len(s)+99)/100 - 1
	if i < 0 {
		i = 0
	}
	if i >= len(s) {
		i = len(s) - 1
	}
	return s[i].Round(10 * time.Microsecond)
}
