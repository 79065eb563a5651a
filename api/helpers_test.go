package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/schema"
)

// testToken is long enough for New's minimum.
const testToken = "test-token-0123456789abcdef"

// gazetteer is what testExtractor recognises: a deterministic stand-in for
// the NLP extractor, so assertions can name exact facts. Everything it
// produces goes through the real graph store and schema validation.
var gazetteer = []struct {
	name    string
	class   schema.Class
	aliases []string
}{
	{"Syrian Democratic Forces", schema.ArmedGroup, []string{"SDF"}},
	{"Hayat Tahrir al-Sham", schema.ArmedGroup, []string{"HTS"}},
	{"Raqqa", schema.City, nil},
	{"Idlib", schema.Province, nil},
	{"Amira Haddad", schema.Person, []string{"Haddad"}},
	{"Northern Desk", schema.MediaOutlet, nil},
}

// testExtractor finds gazetteer names and one relation: "<A> controls <B>"
// within a sentence (sentences end with ". "). "since <year>" becomes a
// time qualifier; "reportedly" a hedge.
type testExtractor struct{}

func (testExtractor) Extract(ctx context.Context, doc schema.Document) (schema.Extraction, error) {
	ext := schema.Extraction{Document: doc}
	if strings.Contains(doc.Text, "EXTRACTOR-FAIL") {
		return ext, errors.New("extractor refused the text")
	}
	byIRI := map[string]int{}
	for _, g := range gazetteer {
		iri := schema.EntityIRI(g.class, g.name)
		for _, form := range append([]string{g.name}, g.aliases...) {
			if !containsWord(doc.Text, form) {
				continue
			}
			i, ok := byIRI[iri]
			if !ok {
				i = len(ext.Entities)
				byIRI[iri] = i
				ext.Entities = append(ext.Entities, schema.Entity{IRI: iri, Name: g.name, Class: g.class})
			}
			ext.Entities[i].Aliases = append(ext.Entities[i].Aliases, form)
		}
	}
	find := func(s string) string {
		for _, g := range gazetteer {
			for _, form := range append([]string{g.name}, g.aliases...) {
				if containsWord(s, form) {
					return schema.EntityIRI(g.class, g.name)
				}
			}
		}
		return ""
	}
	start := 0 // in code points
	for _, sent := range strings.SplitAfter(doc.Text, ". ") {
		n := utf8.RuneCountInString(sent)
		trimmed := strings.TrimSpace(sent)
		if left, right, ok := strings.Cut(trimmed, " controls "); ok {
			f := schema.Fact{Subject: find(left), Predicate: "controls", Object: find(right), Evidence: schema.Evidence{
				DocID: doc.ID, Sentence: trimmed, Start: start, End: start + utf8.RuneCountInString(trimmed),
				Rule: "test-controls", Confidence: 0.75,
			}}
			if i := strings.Index(trimmed, "since "); i >= 0 {
				f.Evidence.Qualifiers = map[string]string{schema.QualTime: strings.TrimRight(trimmed[i:], ". ")}
			}
			if strings.Contains(trimmed, "reportedly") {
				if f.Evidence.Qualifiers == nil {
					f.Evidence.Qualifiers = map[string]string{}
				}
				f.Evidence.Qualifiers[schema.QualHedge] = "reportedly"
			}
			if err := schema.Validate(f, ext.ClassOf); err != nil {
				ext.Rejected = append(ext.Rejected, schema.Rejection{Fact: f, Reason: err.Error()})
			} else {
				ext.Facts = append(ext.Facts, f)
			}
		}
		start += n
	}
	return ext, ctx.Err()
}

func containsWord(text, w string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(w)
		if (a == 0 || !isWordByte(text[a-1])) && (b == len(text) || !isWordByte(text[b])) {
			return true
		}
		i = a + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Seed documents: two articles that both say the SDF controls Raqqa, one
// about Idlib.
var seedDocs = []schema.Document{
	{ID: "raqqa-1", Title: "Raqqa after the battle", Source: "Northern Desk", URL: "https://example.org/raqqa-1",
		Published: time.Date(2019, 3, 2, 0, 0, 0, 0, time.UTC),
		Text:      "The Syrian Democratic Forces controls Raqqa since 2017. Amira Haddad reported from the city. "},
	{ID: "raqqa-2", Title: "A year in Raqqa",
		Text: "Residents said the SDF controls Raqqa. Haddad visited the market. "},
	{ID: "idlib-1", Title: "Idlib under HTS",
		Text: "Hayat Tahrir al-Sham reportedly controls Idlib. The group is known as HTS. "},
}

// testEnv is a running server over a real bolt store.
type testEnv struct {
	t     *testing.T
	URL   string
	Store *graph.Store
	Srv   *Server
	stop  func() error
	logs  *syncWriter
}

type envOpt func(*Deps)

// startServer opens a bolt store in a temp dir, seeds it, and serves on a
// random loopback port until the test ends.
func startServer(t *testing.T, cfg Config, opts ...envOpt) *testEnv {
	t.Helper()
	return startServerOn(t, cfg, graph.Config{Path: t.TempDir()}, opts...)
}

// startServerOn is startServer on the store storeCfg opens (graphtest
// gives a bolt or a PostgreSQL one).
func startServerOn(t *testing.T, cfg Config, storeCfg graph.Config, opts ...envOpt) *testEnv {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, storeCfg)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	var exts []schema.Extraction
	for _, d := range seedDocs {
		ext, err := testExtractor{}.Extract(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		exts = append(exts, ext)
	}
	res, err := store.WriteDocuments(ctx, exts)
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	for _, r := range res {
		if r.Status != graph.StatusAdded {
			t.Fatalf("seed %s: %s %v", r.DocID, r.Status, r.Err)
		}
	}
	reg, err := queries.Load("")
	if err != nil {
		t.Fatalf("load queries: %v", err)
	}
	logs := &syncWriter{w: &bytes.Buffer{}}
	deps := Deps{Store: store, Queries: reg, Extractor: testExtractor{}, ReadDocuments: ingest.ReadOne, ParseTime: ingest.ParseTime,
		Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	for _, o := range opts {
		o(&deps)
	}
	srv, err := New(cfg, deps)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, ln) }()
	env := &testEnv{t: t, URL: "http://" + ln.Addr().String(), Store: store, Srv: srv, logs: logs}
	stopped := false
	env.stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(30 * time.Second):
			return errors.New("server did not stop within 30s")
		}
	}
	t.Cleanup(func() {
		if err := env.stop(); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
	return env
}

// syncWriter lets the server log from many goroutines into one buffer.
type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.String()
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}

// response is a finished HTTP exchange.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

func (r response) JSON(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("response is not a JSON object: %v\n%s", err, r.Body)
	}
	return m
}

// noRedirect shows redirects to the test instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// do sends a request; headers are name, value pairs.
func (e *testEnv) do(method, path string, body string, headers ...string) response {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
		if headers[i] == "Host" {
			req.Host = headers[i+1]
		}
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, data}
}

// expectError checks an error response's status, code and (if given) param.
func expectError(t *testing.T, r response, status int, code, param string) map[string]any {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, short(r.Body))
	}
	m := r.JSON(t)
	if m["code"] != code {
		t.Fatalf("code %v, want %s: %s", m["code"], code, r.Body)
	}
	if msg, _ := m["message"].(string); msg == "" {
		t.Fatalf("error without message: %s", r.Body)
	}
	if param != "" && m["param"] != param {
		t.Fatalf("param %v, want %s: %s", m["param"], param, r.Body)
	}
	return m
}

func expectStatus(t *testing.T, r response, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, short(r.Body))
	}
}

// short keeps failure messages readable.
func short(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}
