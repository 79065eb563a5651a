package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/schema"
)

// The go test benchmarks run each stage of `newsgraph bench` on a small
// corpus (benchDocs articles), so that `go test -bench . ./bench/` takes
// a minute, not an hour. The side-by-side ratios at scale come from Run.

const benchDocs = 50

func benchCorpus(n int) ([]schema.Document, int) {
	var docs []schema.Document
	words := 0
	for d := range Corpus(1, n) {
		docs = append(docs, d)
		words += Words(d.Text)
	}
	return docs, words
}

func benchExtractor(b *testing.B) *ingest.Extractor {
	b.Helper()
	ex, err := ingest.NewExtractor(ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return ex
}

func benchExtractions(b *testing.B, n int) []schema.Extraction {
	b.Helper()
	docs, _ := benchCorpus(n)
	exts, _, err := extractAll(context.Background(), benchExtractor(b), docs, 2)
	if err != nil {
		b.Fatal(err)
	}
	return exts
}

func reportWords(b *testing.B, words int) {
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkCorpus measures the generator alone.
func BenchmarkCorpus(b *testing.B) {
	g := NewGenerator(1)
	words := 0
	for i := 0; i < b.N; i++ {
		words += Words(g.Article(i).Text)
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkAnnotate is ingest's NLP stage alone (Extractor.Annotate:
// sentences, tokens, tags, entity mentions) on GOMAXPROCS goroutines: the
// denominator of the ingest / NLP-only ratio.
func BenchmarkAnnotate(b *testing.B) {
	docs, words := benchCorpus(benchDocs)
	ex, err := ingest.NewExtractor(ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := annotateAll(context.Background(), ex, docs, maxProcs()); err != nil {
			b.Fatal(err)
		}
	}
	reportWords(b, words)
}

// BenchmarkNLPOnly is prose alone (tokenise + tag, and with its NER) over
// the corpus on GOMAXPROCS goroutines, for reference.
func BenchmarkNLPOnly(b *testing.B) {
	for _, ner := range []bool{false, true} {
		name := "tag"
		if ner {
			name = "tag+ner"
		}
		b.Run(name, func(b *testing.B) {
			docs, words := benchCorpus(benchDocs)
			nlp, err := NewNLP(ner)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, _, err := nlp.ProcessAll(context.Background(), docs, 0+maxProcs()); err != nil {
					b.Fatal(err)
				}
			}
			reportWords(b, words)
		})
	}
}

// BenchmarkExtract is ingest's whole extraction (no store), in parallel.
func BenchmarkExtract(b *testing.B) {
	docs, words := benchCorpus(benchDocs)
	ex := benchExtractor(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := extractAll(context.Background(), ex, docs, maxProcs()); err != nil {
			b.Fatal(err)
		}
	}
	reportWords(b, words)
}

// BenchmarkIngest is the end-to-end pipeline (JSONL file → extract →
// group-committed writes) into a fresh bolt store each iteration.
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "corpus.jsonl")
	cs, err := writeCorpusFile(path, 1, benchDocs)
	if err != nil {
		b.Fatal(err)
	}
	ex := benchExtractor(b)
	quads := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := graph.Open(context.Background(), graph.Config{Path: filepath.Join(dir, "s", strings.Repeat("x", i%5+1), time.Now().Format("150405.000000000"))})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := pipeline.Run(context.Background(), ingest.Read, []string{path}, ex, st, pipeline.Options{})
		b.StopTimer()
		st.Close()
		if err != nil || sum.Failed > 0 {
			b.Fatalf("%v %+v", err, sum.Failures)
		}
		quads += sum.Quads
		b.StartTimer()
	}
	reportWords(b, cs.Words)
	b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkWrite stores the corpus's extractions with WriteDocuments (the
// pipeline's batches) and the same quads with Cayley's AddQuadSet (10k per
// call), each on a fresh bolt store.
func BenchmarkWrite(b *testing.B) {
	exts := benchExtractions(b, benchDocs)
	now := time.Now()
	var all []quad.Quad
	for _, x := range exts {
		all = append(all, graph.DocumentQuads(x, now)...)
	}
	open := func(b *testing.B) *graph.Store {
		b.StopTimer()
		defer b.StartTimer()
		st, err := graph.Open(context.Background(), graph.Config{Path: filepath.Join(b.TempDir(), "s")})
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	b.Run("WriteDocuments", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			st := open(b)
			for _, batch := range pipelineBatches(exts) {
				if _, err := st.WriteDocuments(context.Background(), batch); err != nil {
					b.Fatal(err)
				}
			}
			st.Close()
		}
		b.ReportMetric(float64(len(all)*b.N)/b.Elapsed().Seconds(), "quads/s")
	})
	b.Run("AddQuadSet", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			st := open(b)
			w, err := cgraph.NewQuadWriter("single", st.QuadStore(), cgraph.Options{"ignore_duplicate": true})
			if err != nil {
				b.Fatal(err)
			}
			for j := 0; j < len(all); j += 10_000 {
				if err := w.AddQuadSet(all[j:min(j+10_000, len(all))]); err != nil {
					b.Fatal(err)
				}
			}
			w.Close()
			st.Close()
		}
		b.ReportMetric(float64(len(all)*b.N)/b.Elapsed().Seconds(), "quads/s")
	})
}

// benchStore is a bolt store holding the small corpus.
func benchStore(b *testing.B) (*graph.Store, []schema.Extraction) {
	b.Helper()
	exts := benchExtractions(b, benchDocs)
	st, err := graph.Open(context.Background(), graph.Config{Path: filepath.Join(b.TempDir(), "s")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := st.WriteDocuments(context.Background(), exts); err != nil {
		b.Fatal(err)
	}
	return st, exts
}

// BenchmarkSavedQueries runs every saved query with hub and typical
// parameters on the small corpus's store.
func BenchmarkSavedQueries(b *testing.B) {
	st, exts := benchStore(b)
	reg, err := queries.Load("")
	if err != nil {
		b.Fatal(err)
	}
	r := &queries.Runner{QS: st.QuadStore()}
	for _, q := range reg.List() {
		for _, set := range paramSets(exts) {
			params, ok := bind(q, set)
			if !ok {
				continue
			}
			b.Run(q.Name+"/"+set.Variant, func(b *testing.B) {
				rows := 0
				for i := 0; i < b.N; i++ {
					res, err := r.Run(context.Background(), q, params)
					if err != nil {
						b.Fatal(err)
					}
					rows = len(res.Rows)
				}
				b.ReportMetric(float64(rows), "rows")
			})
		}
	}
}

// BenchmarkAPI compares GET /api/queries/{name} with the same program sent
// to Cayley's /api/v2/query on one server, per saved Gizmo query.
func BenchmarkAPI(b *testing.B) {
	st, exts := benchStore(b)
	reg, err := queries.Load("")
	if err != nil {
		b.Fatal(err)
	}
	srv, err := api.New(api.Config{}, api.Deps{Store: st, Queries: reg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	b.Cleanup(func() { stop(); <-done })
	base := "http://" + ln.Addr().String()
	client := newClient(2)
	set := paramSets(exts)[1]
	for _, q := range reg.List() {
		params, ok := bind(q, set)
		if q.Lang != "gizmo" || !ok {
			continue
		}
		prog, err := queries.Program(q, params)
		if err != nil {
			b.Fatal(err)
		}
		v := url.Values{}
		for k, val := range params {
			v.Set(k, val)
		}
		b.Run(q.Name+"/rest", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := get(ctx, client, base+"/api/queries/"+url.PathEscape(q.Name)+"?"+v.Encode()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(q.Name+"/cayley", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := post(ctx, client, base+"/api/v2/query?lang=gizmo", prog); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCorpusDeterministic: the same seed gives the same articles whatever
// the order and however the world was built; another seed differs.
func TestCorpusDeterministic(t *testing.T) {
	var first []schema.Document
	for d := range Corpus(7, 20) {
		first = append(first, d)
	}
	if len(first) != 20 {
		t.Fatalf("got %d articles", len(first))
	}
	fresh := &Generator{seed: 7, w: newWorld(7)}
	fresh.index()
	ids := map[string]bool{}
	for i := 19; i >= 0; i-- {
		d := fresh.Article(i)
		if d != first[i] {
			t.Fatalf("article %d differs between runs:\n%q\n%q", i, d.Text[:80], first[i].Text[:80])
		}
		ids[d.ID] = true
		body := strings.SplitN(d.Text, "\n\n", 2)[1]
		if w := Words(body); w < 300 || w > 960 {
			t.Errorf("article %d has %d words, want 300–900 (+ the last sentence)", i, w)
		}
		if d.Title == "" || d.Source == "" || d.Published.IsZero() || !strings.Contains(body, " — ") {
			t.Errorf("article %d lacks title, source, date or dateline: %+v", i, d.Title)
		}
	}
	if len(ids) != 20 {
		t.Fatalf("ids are not unique: %d", len(ids))
	}
	other := NewGenerator(8).Article(0)
	if other.Text == first[0].Text {
		t.Fatal("seed 8 gave seed 7's article")
	}
}

// TestJSONLIngestible: what WriteJSONL writes, ingest.Read reads back.
func TestJSONLIngestible(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.jsonl")
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, 3, 20); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	want := NewGenerator(3)
	n := 0
	err := ingest.Read(context.Background(), []string{path}, func(d schema.Document, err error) error {
		if err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		w := want.Article(n)
		if d.ID != w.ID || d.Text != w.Text || d.Title != w.Title || !d.Published.Equal(w.Published) {
			t.Fatalf("document %d read back as %q/%q", n, d.ID, d.Title)
		}
		n++
		return nil
	})
	if err != nil || n != 20 {
		t.Fatalf("read %d documents, err %v", n, err)
	}
}

// TestExtractionFindsFacts: the corpus exercises the relation rules the
// way conflict news does — roles, control, backing, quotes, populations.
func TestExtractionFindsFacts(t *testing.T) {
	ex, err := ingest.NewExtractor(ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	preds := map[string]int{}
	words, facts := 0, 0
	for d := range Corpus(1, 20) {
		x, err := ex.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		words += Words(d.Text)
		facts += len(x.Facts)
		for _, f := range x.Facts {
			preds[f.Predicate]++
		}
	}
	for _, p := range []string{"role", "controls", "backs", "said", "population", "works_for", "located_in"} {
		if preds[p] == 0 {
			t.Errorf("no %s fact in 20 articles (found %v)", p, preds)
		}
	}
	// Conflict reporting names a fact every few sentences.
	if per := float64(facts) / float64(words) * 1000; per < 10 {
		t.Errorf("%.1f facts per 1000 words, want ≥ 10", per)
	}
}

func TestSplitSentences(t *testing.T) {
	got := splitSentences("HEADLINE here\n\nOne, said Mr. Dar. “Two?” he asked. three. Four! “Five.”")
	want := []string{"HEADLINE here", "One, said Mr.", "Dar.", "“Two?” he asked. three.", "Four!", "“Five.”"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q", got)
	}
}

func TestPercentiles(t *testing.T) {
	var d []time.Duration
	for i := 100; i >= 1; i-- {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	p50, p99, worst := percentiles(d)
	if p50 != 50 || p99 != 99 || worst != 100 {
		t.Fatalf("p50 %v p99 %v max %v", p50, p99, worst)
	}
}

// TestRunSmall runs the whole harness on a handful of articles: every
// stage must produce numbers, every saved query must answer.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole harness (a few seconds)")
	}
	dir := t.TempDir()
	rep, err := Run(context.Background(), Options{Docs: 6, Workers: 2, Dir: dir, Keep: true, QueryRuns: 1, RatioDocs: 3, RatioRounds: 1, APIRequests: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Ingest.Added != 6 || rep.Ingest.Quads == 0 || rep.Store.Bytes == 0 || rep.Ingest.PeakRSS == 0 {
		t.Fatalf("ingest: %+v store %+v", rep.Ingest, rep.Store)
	}
	if rep.NLP.Ratio <= 0 || rep.Write.Ratio <= 0 || !rep.API.Measured {
		t.Fatalf("ratios not measured: %+v %+v %+v", rep.NLP, rep.Write, rep.API)
	}
	for _, q := range rep.Queries {
		if q.Err != "" {
			t.Errorf("query %s/%s: %s", q.Name, q.Variant, q.Err)
		}
	}
	for _, q := range rep.API.Queries {
		if q.Err != "" {
			t.Errorf("api %s: %s", q.Name, q.Err)
		}
	}
	var text, js bytes.Buffer
	if err := rep.WriteText(&text); err != nil || !strings.Contains(text.String(), "store vs AddQuadSet") {
		t.Fatalf("text report: %v\n%s", err, text.String())
	}
	// Query latencies are of the default page, and the report says so.
	if !strings.Contains(text.String(), fmt.Sprintf("the default page (the first %d rows", queries.DefaultPageSize)) {
		t.Errorf("text report does not name the page measured:\n%s", text.String())
	}
	for _, q := range rep.Queries {
		if q.PageSize != queries.DefaultPageSize || q.Rows > q.PageSize {
			t.Errorf("query %s/%s: %d rows, page size %d", q.Name, q.Variant, q.Rows, q.PageSize)
		}
	}
	// The kept store can be measured again, queries only.
	st, err := graph.Open(context.Background(), graph.Config{Path: filepath.Join(dir, "store")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	again, err := RunQueries(context.Background(), st, Options{Docs: 6, Workers: 2, QueryRuns: 1, RatioDocs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(rep.Queries) {
		t.Errorf("RunQueries: %d stats, Run had %d", len(again), len(rep.Queries))
	}
	for i, q := range again {
		if q.Err != "" || q.Name != rep.Queries[i].Name || q.Rows != rep.Queries[i].Rows {
			t.Errorf("RunQueries %s/%s: %d rows %s; Run: %d rows", q.Name, q.Variant, q.Rows, q.Err, rep.Queries[i].Rows)
		}
	}
	if err := rep.WriteJSON(&js); err != nil || !strings.Contains(js.String(), `"words_per_sec"`) {
		t.Fatalf("json report: %v", err)
	}
}
