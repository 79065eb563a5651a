package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/schema"
)

// Options configure Run. Zero values pick the defaults noted.
type Options struct {
	Docs    int   // articles to generate and ingest; default 1000
	Workers int   // extraction workers and NLP goroutines; default GOMAXPROCS
	Seed    int64 // corpus seed; default 1
	// Dir holds the corpus file and the stores; default a temporary
	// directory, removed at the end unless Keep.
	Dir  string
	Keep bool
	// Backend, Address: the main store (graph.Config). Default bolt under
	// Dir. A SQL database must be empty. The side-by-side write ratios need
	// fresh stores and are measured on bolt only.
	Backend string
	Address string
	// QueryRuns is how often each saved query runs per parameter set;
	// default 50.
	QueryRuns int
	// RatioDocs is the sample (the corpus's first articles) on which the
	// ratios are measured; default min(Docs, 500). RatioRounds alternates
	// the compared paths that many times; default 2.
	RatioDocs   int
	RatioRounds int
	// APIRequests is how many requests each door gets per query and
	// round in the REST vs Cayley comparison; default 20.
	APIRequests int
	// ProseNER turns prose's statistical NER on in both ingest and the
	// NLP-only stage (ingest.Options.ProseNER; off by default in ingest).
	ProseNER bool
	// IngestTimeout, when > 0, stops the main ingest at a batch boundary
	// after that long; the run goes on with what was stored (the report
	// notes how far it got). For growth runs that cannot finish in time.
	IngestTimeout time.Duration
	SkipRatios    bool // ingest and queries only
	SkipAPI       bool // no REST vs Cayley comparison
	// Log receives progress lines; nil is silent.
	Log io.Writer
}

func maxProcs() int { return runtime.GOMAXPROCS(0) }

func (o *Options) defaults() {
	if o.Docs <= 0 {
		o.Docs = 1000
	}
	if o.Workers <= 0 {
		o.Workers = maxProcs()
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Backend == "" {
		o.Backend = graph.BackendBolt
	}
	if o.QueryRuns <= 0 {
		o.QueryRuns = 50
	}
	if o.RatioDocs <= 0 {
		o.RatioDocs = min(o.Docs, 500)
	}
	o.RatioDocs = min(o.RatioDocs, o.Docs)
	if o.RatioRounds <= 0 {
		o.RatioRounds = 2
	}
	if o.APIRequests <= 0 {
		o.APIRequests = 20
	}
}

func (o *Options) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, "bench: "+format+"\n", args...)
	}
}

// Run generates opt.Docs articles, ingests them with pipeline.Run into a
// fresh store, runs every saved query, measures the ratios of issue 6, and
// returns the report. A failure of one comparison is recorded in the report
// (Notes) rather than failing the run; the error is for what stops it.
func Run(ctx context.Context, opt Options) (Report, error) {
	opt.defaults()
	rep := Report{Date: time.Now().UTC(), Machine: machine(), Options: reportOptions(opt)}
	dir := opt.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "newsgraph-bench-")
		if err != nil {
			return rep, fmt.Errorf("bench: %w", err)
		}
		dir = d
		if !opt.Keep {
			defer os.RemoveAll(dir)
		}
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return rep, fmt.Errorf("bench: %w", err)
	}

	// 1. The corpus, as the JSONL file a user would ingest.
	corpus := filepath.Join(dir, "corpus.jsonl")
	t0 := time.Now()
	cs, err := writeCorpusFile(corpus, opt.Seed, opt.Docs)
	if err != nil {
		return rep, err
	}
	cs.Seconds = time.Since(t0).Seconds()
	rep.Corpus = cs
	opt.logf("corpus: %d articles, %d words, %s in %.1fs", cs.Docs, cs.Words, human(cs.Bytes), cs.Seconds)
	if !opt.Keep && opt.Dir != "" {
		defer os.Remove(corpus)
	}

	ex, err := ingest.NewExtractor(ingest.Options{ProseNER: opt.ProseNER})
	if err != nil {
		return rep, fmt.Errorf("bench: %w", err)
	}

	// 2. End-to-end ingest into a fresh store, RSS sampled throughout.
	storeDir := filepath.Join(dir, "store")
	if opt.Backend == graph.BackendBolt {
		if _, err := os.Stat(storeDir); err == nil {
			return rep, fmt.Errorf("bench: %s exists: the store must be fresh (remove it or pick another --dir)", storeDir)
		}
		if !opt.Keep && opt.Dir != "" {
			defer os.RemoveAll(storeDir)
		}
	}
	st, err := graph.Open(ctx, graph.Config{Backend: opt.Backend, Path: storeDir, Address: opt.Address})
	if err != nil {
		return rep, fmt.Errorf("bench: %w", err)
	}
	defer st.Close()
	sampler := startRSSSampler(100 * time.Millisecond)
	opt.logf("ingest: %d workers", opt.Workers)
	lastLog := time.Now()
	ingestStart := lastLog
	ictx, cancelIngest := ctx, context.CancelFunc(func() {})
	if opt.IngestTimeout > 0 {
		ictx, cancelIngest = context.WithTimeout(ctx, opt.IngestTimeout)
	}
	defer cancelIngest()
	sum, err := pipeline.Run(ictx, ingest.Read, []string{corpus}, ex, st, pipeline.Options{
		Workers: opt.Workers,
		Progress: func(p pipeline.Progress) {
			if opt.Log != nil && time.Since(lastLog) > 10*time.Second {
				lastLog = time.Now()
				v := procStatus("RssAnon", "RssFile")
				size := int64(0)
				if opt.Backend == graph.BackendBolt {
					size = dirSize(storeDir)
				}
				opt.logf("ingest: %d/%d documents, %.1f s, %s read, RSS anon %s file %s, store %s", p.Documents, opt.Docs,
					time.Since(ingestStart).Seconds(), human(p.Bytes), human(v["RssAnon"]), human(v["RssFile"]), human(size))
			}
		},
	})
	peak := sampler.stop()
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		rep.Ingest.Partial = true
		rep.note("ingest stopped by the %v time limit after %d of %d articles; everything below is on that store", opt.IngestTimeout, sum.Documents, opt.Docs)
		err = nil
	}
	if err != nil {
		return rep, fmt.Errorf("bench: ingest: %w", err)
	}
	partial := rep.Ingest.Partial
	rep.Ingest = ingestStats(sum)
	rep.Ingest.Partial = partial
	rep.Ingest.PeakRSS, rep.Ingest.PeakRSSAnon, rep.Ingest.PeakRSSFile = peak.hwm, peak.anon, peak.file
	if sum.Failed > 0 {
		rep.note("ingest: %d of %d documents failed, first: %v", sum.Failed, sum.Documents, sum.Failures[0])
	}
	if stats, err := st.Stats(ctx); err == nil {
		rep.Store = StoreStats{Documents: stats.Documents, Entities: stats.Entities, Facts: stats.Facts, Quads: stats.Quads}
	} else {
		rep.note("stats: %v", err)
	}
	if opt.Backend == graph.BackendBolt {
		rep.Store.Bytes = dirSize(storeDir)
	}
	opt.logf("ingest: %.0f words/s, %.1f docs/s, %.0f quads/s, peak RSS %s, store %s",
		rep.Ingest.WordsPerSec, rep.Ingest.DocsPerSec, rep.Ingest.QuadsPerSec, human(rep.Ingest.PeakRSS), human(rep.Store.Bytes))

	// 3. The ratios, on the corpus's first RatioDocs articles.
	sample := make([]schema.Document, 0, opt.RatioDocs)
	for d := range Corpus(opt.Seed, opt.RatioDocs) {
		sample = append(sample, d)
	}
	var exts []schema.Extraction
	if !opt.SkipRatios {
		if opt.Backend != graph.BackendBolt {
			rep.note("ratios: measured only on bolt (they need fresh stores); backend is %s", opt.Backend)
		} else {
			exts, err = measureNLPRatio(ctx, &opt, &rep, dir, ex, sample)
			if err != nil {
				return rep, err
			}
			if err := measureWriteRatio(ctx, &opt, &rep, dir, exts); err != nil {
				return rep, err
			}
		}
	}
	if exts == nil {
		exts, _, err = extractAll(ctx, ex, sample, opt.Workers)
		if err != nil {
			return rep, err
		}
	}

	// 4. Saved queries on the main store, opened as `serve` and `query`
	// open it: on bolt with its mapped pages kept (the ingest above
	// released them to bound RSS; re-reading them would cost the queries).
	if opt.Backend == graph.BackendBolt {
		if err := st.Close(); err != nil {
			return rep, fmt.Errorf("bench: %w", err)
		}
		if st, err = graph.Open(ctx, graph.Config{Path: storeDir, KeepMapped: true}); err != nil {
			return rep, fmt.Errorf("bench: reopen for queries: %w", err)
		}
		defer st.Close()
	}
	reg, err := queries.Load("")
	if err != nil {
		return rep, fmt.Errorf("bench: %w", err)
	}
	sets := paramSets(exts)
	rep.Queries = runQueries(ctx, &opt, st, reg, sets)

	// 5. REST vs Cayley's API on one server.
	if !opt.SkipAPI {
		api, err := measureAPIRatio(ctx, &opt, st, reg, sets)
		if err != nil {
			rep.note("api ratio: %v", err)
		}
		rep.API = api
	}
	rep.Targets = targets(rep)
	return rep, nil
}

// RunQueries times every saved query on an existing store (say one kept
// by an earlier Run with Keep): the parameter sets are picked as Run picks
// them, from ingest's extraction of the first opt.RatioDocs articles of
// corpus opt.Seed, which must be the corpus the store holds. Only
// opt.Seed, opt.Docs, opt.RatioDocs, opt.Workers, opt.QueryRuns,
// opt.ProseNER and opt.Log are used.
func RunQueries(ctx context.Context, st *graph.Store, opt Options) ([]QueryStat, error) {
	opt.defaults()
	ex, err := ingest.NewExtractor(ingest.Options{ProseNER: opt.ProseNER})
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	sample := make([]schema.Document, 0, opt.RatioDocs)
	for d := range Corpus(opt.Seed, opt.RatioDocs) {
		sample = append(sample, d)
	}
	exts, _, err := extractAll(ctx, ex, sample, opt.Workers)
	if err != nil {
		return nil, err
	}
	reg, err := queries.Load("")
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	return runQueries(ctx, &opt, st, reg, paramSets(exts)), nil
}

// writeCorpusFile writes the corpus and counts what it wrote.
func writeCorpusFile(path string, seed int64, n int) (CorpusStats, error) {
	f, err := os.Create(path)
	if err != nil {
		return CorpusStats{}, fmt.Errorf("bench: %w", err)
	}
	cw := &countingWriter{w: f}
	err = WriteJSONL(cw, seed, n)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return CorpusStats{}, err
	}
	words := 0
	for d := range Corpus(seed, n) {
		words += Words(d.Text)
	}
	return CorpusStats{Docs: n, Words: words, Bytes: cw.n, Path: path}, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func ingestStats(sum pipeline.Summary) IngestStats {
	s := sum.Elapsed.Seconds()
	return IngestStats{
		Seconds: s, Documents: sum.Documents, Added: sum.Added, Failed: sum.Failed,
		Words: sum.Words, Facts: sum.Facts, Rejected: sum.Rejected, Quads: sum.Quads,
		WordsPerSec: float64(sum.Words) / s, DocsPerSec: float64(sum.Documents) / s, QuadsPerSec: float64(sum.Quads) / s,
	}
}

// parallel calls fn for every index below n on workers goroutines and
// returns the wall time and every error.
func parallel(n, workers int, fn func(i int) error) (time.Duration, error) {
	idx := make(chan int)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	t0 := time.Now()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				if err := fn(i); err != nil && errs[w] == nil {
					errs[w] = err
				}
			}
		}()
	}
	for i := range n {
		idx <- i
	}
	close(idx)
	wg.Wait()
	return time.Since(t0), errors.Join(errs...)
}

// annotateAll runs ingest's NLP stage alone (Extractor.Annotate: sentences,
// tokens, tags, entity mentions) over docs.
func annotateAll(ctx context.Context, ex *ingest.Extractor, docs []schema.Document, workers int) (time.Duration, error) {
	el, err := parallel(len(docs), workers, func(i int) error {
		_, err := ex.Annotate(ctx, docs[i])
		return err
	})
	if err != nil {
		return el, fmt.Errorf("bench: annotate: %w", err)
	}
	return el, nil
}

// extractAll runs ingest's full extraction (no store) over docs.
func extractAll(ctx context.Context, ex *ingest.Extractor, docs []schema.Document, workers int) ([]schema.Extraction, time.Duration, error) {
	out := make([]schema.Extraction, len(docs))
	el, err := parallel(len(docs), workers, func(i int) error {
		x, err := ex.Extract(ctx, docs[i])
		out[i] = x
		return err
	})
	if err != nil {
		return nil, el, fmt.Errorf("bench: extract: %w", err)
	}
	return out, el, nil
}

// measureNLPRatio times, alternately, the NLP stage alone, ingest's
// extraction alone, and the end-to-end pipeline into a fresh store, over
// the same sample on the same workers.
func measureNLPRatio(ctx context.Context, opt *Options, rep *Report, dir string, ex *ingest.Extractor, sample []schema.Document) ([]schema.Extraction, error) {
	samplePath := filepath.Join(dir, "sample.jsonl")
	if _, err := writeCorpusFile(samplePath, opt.Seed, len(sample)); err != nil {
		return nil, err
	}
	defer os.Remove(samplePath)
	words := 0
	for _, d := range sample {
		words += Words(d.Text)
	}
	r := &rep.NLP
	r.Docs, r.Rounds = len(sample), opt.RatioRounds
	r.Method = "NLP-only = ingest's own NLP stage, Extractor.Annotate (sentences, tokens, prose POS tags, entity mentions and their classes; no resolution, rules or classifier), prose NER " +
		map[bool]string{true: "on", false: "off"}[opt.ProseNER] + " as in ingest; same documents, same number of goroutines; also, once, prose's tagger called directly (ProseWordsPerSec)"
	var nlpT, extT, e2eT, nlpC, extC, e2eC time.Duration
	var exts []schema.Extraction
	for round := range opt.RatioRounds {
		c0 := cpuTime()
		nlpOnce, err := annotateAll(ctx, ex, sample, opt.Workers)
		if err != nil {
			return nil, err
		}
		nlpT += nlpOnce
		nlpC += cpuTime() - c0

		c0 = cpuTime()
		x, el, err := extractAll(ctx, ex, sample, opt.Workers)
		if err != nil {
			return nil, err
		}
		extT += el
		extC += cpuTime() - c0
		exts = x

		sdir := filepath.Join(dir, fmt.Sprintf("ratio-e2e-%d", round))
		s, err := graph.Open(ctx, graph.Config{Path: sdir})
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		c0 = cpuTime()
		sum, err := pipeline.Run(ctx, ingest.Read, []string{samplePath}, ex, s, pipeline.Options{Workers: opt.Workers})
		e2eC += cpuTime() - c0
		s.Close()
		os.RemoveAll(sdir)
		if err != nil {
			return nil, fmt.Errorf("bench: ratio ingest: %w", err)
		}
		e2eT += sum.Elapsed
		r.RoundRatios = append(r.RoundRatios, nlpOnce.Seconds()/sum.Elapsed.Seconds())
		opt.logf("ratio round %d: NLP-only %.0f words/s, extract %.0f words/s, end-to-end %.0f words/s", round+1,
			float64(words)/nlpT.Seconds()*float64(round+1), float64(words)/extT.Seconds()*float64(round+1), float64(words)/e2eT.Seconds()*float64(round+1))
	}
	{
		// prose's tagger alone, called directly: what the NLP stage is
		// built on, for reference.
		prose, err := NewNLP(false)
		if err != nil {
			return nil, err
		}
		t0 := time.Now()
		if _, _, err := prose.ProcessAll(ctx, sample, opt.Workers); err != nil {
			return nil, err
		}
		r.ProseWordsPerSec = float64(words) / time.Since(t0).Seconds()
		opt.logf("prose tagger alone: %.0f words/s", r.ProseWordsPerSec)
	}
	if !opt.ProseNER {
		// The "tokenise + tag + entities" with prose's own
		// entities: ingest leaves prose NER off and finds names itself, so
		// this is a second, slower baseline, measured once.
		ner, err := NewNLP(true)
		if err != nil {
			return nil, err
		}
		// prose's NER is ~10× slower than its tagger: a 100-article
		// sample gives its rate.
		sub := sample[:min(len(sample), 100)]
		subWords := 0
		for _, d := range sub {
			subWords += Words(d.Text)
		}
		t0 := time.Now()
		if _, _, err := ner.ProcessAll(ctx, sub, opt.Workers); err != nil {
			return nil, err
		}
		r.NLPNERWordsPerSec = float64(subWords) / time.Since(t0).Seconds()
		opt.logf("NLP-only with prose NER: %.0f words/s", r.NLPNERWordsPerSec)
	}
	n := float64(words * opt.RatioRounds)
	r.Words = words
	r.NLPWordsPerSec = n / nlpT.Seconds()
	r.ExtractWordsPerSec = n / extT.Seconds()
	r.EndToEndWordsPerSec = n / e2eT.Seconds()
	r.Ratio = r.EndToEndWordsPerSec / r.NLPWordsPerSec
	r.ExtractRatio = r.ExtractWordsPerSec / r.NLPWordsPerSec
	r.NLPCPUSeconds, r.ExtractCPUSeconds, r.EndToEndCPUSeconds = nlpC.Seconds(), extC.Seconds(), e2eC.Seconds()
	r.CPURatio = nlpC.Seconds() / e2eC.Seconds()
	return exts, nil
}

// measureWriteRatio stores the same extractions with WriteDocuments (in the
// pipeline's batches) and with Cayley's AddQuadSet (10k quads per call) on
// fresh bolt stores, alternately.
func measureWriteRatio(ctx context.Context, opt *Options, rep *Report, dir string, exts []schema.Extraction) error {
	r := &rep.Write
	r.Docs, r.CayleyBatch = len(exts), 10_000
	batches := pipelineBatches(exts)
	r.Batches = len(batches)
	// The quads Cayley gets: the very same, built outside its timing.
	now := time.Now()
	var all []quad.Quad
	for _, x := range exts {
		all = append(all, graph.DocumentQuads(x, now)...)
	}
	r.Quads = len(all)
	var oursCPU, cayleyCPU time.Duration
	oursOnce := func(round int) (time.Duration, error) {
		sdir := filepath.Join(dir, fmt.Sprintf("ratio-ours-%d", round))
		defer os.RemoveAll(sdir)
		s, err := graph.Open(ctx, graph.Config{Path: sdir})
		if err != nil {
			return 0, fmt.Errorf("bench: %w", err)
		}
		defer s.Close()
		t0, c0 := time.Now(), cpuTime()
		quads := 0
		for _, b := range batches {
			res, err := s.WriteDocuments(ctx, b)
			if err != nil {
				return 0, fmt.Errorf("bench: write ratio: %w", err)
			}
			for _, w := range res {
				quads += w.Quads
			}
		}
		el := time.Since(t0)
		oursCPU += cpuTime() - c0
		if quads != len(all) {
			rep.note("write ratio: WriteDocuments reported %d quads, DocumentQuads gives %d", quads, len(all))
		}
		r.OursBytes = dirSize(sdir)
		return el, nil
	}
	cayleyOnce := func(round int) (time.Duration, error) {
		sdir := filepath.Join(dir, fmt.Sprintf("ratio-cayley-%d", round))
		defer os.RemoveAll(sdir)
		s, err := graph.Open(ctx, graph.Config{Path: sdir})
		if err != nil {
			return 0, fmt.Errorf("bench: %w", err)
		}
		defer s.Close()
		w, err := cgraph.NewQuadWriter("single", s.QuadStore(), cgraph.Options{"ignore_duplicate": true})
		if err != nil {
			return 0, fmt.Errorf("bench: %w", err)
		}
		defer w.Close()
		t0, c0 := time.Now(), cpuTime()
		for i := 0; i < len(all); i += r.CayleyBatch {
			if err := w.AddQuadSet(all[i:min(i+r.CayleyBatch, len(all))]); err != nil {
				return 0, fmt.Errorf("bench: AddQuadSet: %w", err)
			}
		}
		el := time.Since(t0)
		cayleyCPU += cpuTime() - c0
		r.CayleyBytes = dirSize(sdir)
		return el, nil
	}
	// Writes are cheap to repeat and disk-bound, so noisier than the
	// CPU-bound stages: twice the rounds, and the order alternates so that
	// neither side always runs on the other's dirty pages.
	r.Rounds = 2 * opt.RatioRounds
	var ours, theirs time.Duration
	for round := range r.Rounds {
		var o, t time.Duration
		var err error
		if round%2 == 0 {
			if o, err = oursOnce(round); err == nil {
				t, err = cayleyOnce(round)
			}
		} else {
			if t, err = cayleyOnce(round); err == nil {
				o, err = oursOnce(round)
			}
		}
		if err != nil {
			return err
		}
		ours, theirs = ours+o, theirs+t
		r.RoundRatios = append(r.RoundRatios, t.Seconds()/o.Seconds())
		opt.logf("write ratio round %d: ours %.0f quads/s, Cayley %.0f quads/s", round+1,
			float64(r.Quads)/o.Seconds(), float64(r.Quads)/t.Seconds())
	}
	n := float64(r.Quads * r.Rounds)
	r.OursQuadsPerSec = n / ours.Seconds()
	r.CayleyQuadsPerSec = n / theirs.Seconds()
	r.Ratio = r.OursQuadsPerSec / r.CayleyQuadsPerSec
	r.OursCPUSeconds, r.CayleyCPUSeconds = oursCPU.Seconds(), cayleyCPU.Seconds()
	r.CPURatio = cayleyCPU.Seconds() / oursCPU.Seconds()
	return nil
}

// pipelineBatches groups extractions the way pipeline.Run does by default
// (about 20k quads or 500 documents per group commit).
func pipelineBatches(exts []schema.Extraction) [][]schema.Extraction {
	var out [][]schema.Extraction
	start, q := 0, 0
	for i, x := range exts {
		q += 4*len(x.Entities) + 12*len(x.Facts) + 8
		if q >= 20000 || i+1-start >= 500 {
			out = append(out, exts[start:i+1])
			start, q = i+1, 0
		}
	}
	if start < len(exts) {
		out = append(out, exts[start:])
	}
	return out
}

// dirSize is the bytes of the files under dir (0 if it does not exist).
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// paramSet is one value for each kind of saved-query parameter.
type paramSet struct {
	Variant string
	Values  map[string]string // parameter name → value
}

// paramSets picks query parameters among entities that exist: the most
// mentioned ("hub") and a median one ("typical") of each kind, counted over
// the sample's extractions (the sample is the head of the ingested corpus).
func paramSets(exts []schema.Extraction) []paramSet {
	type cand struct {
		name string
		docs int
	}
	kinds := map[string]map[string]int{} // kind → name → documents
	add := func(kind, name string) {
		if kinds[kind] == nil {
			kinds[kind] = map[string]int{}
		}
		kinds[kind][name]++
	}
	// A name several entities share makes a query ask which one is meant
	// (an error, not a timing): such names are never picked.
	iris := map[string]map[string]bool{}
	for _, x := range exts {
		for _, e := range x.Entities {
			if iris[e.Name] == nil {
				iris[e.Name] = map[string]bool{}
			}
			iris[e.Name][e.IRI] = true
		}
	}
	for _, x := range exts {
		seen := map[string]bool{}
		once := func(kind, iri string) {
			if seen[kind+iri] {
				return
			}
			seen[kind+iri] = true
			if e, ok := x.Entity(iri); ok {
				add(kind, e.Name)
			}
		}
		for _, f := range x.Facts {
			switch f.Predicate {
			case "role":
				once("person", f.Subject)
			case "controls":
				once("place", f.Object)
				once("actor", f.Subject)
			case "said":
				once("speaker", f.Subject)
			}
		}
		for _, e := range x.Entities {
			if e.Class.IsA(schema.Organization) {
				once("org", e.IRI)
			}
		}
	}
	pick := func(kind string, typical bool) string {
		var cs []cand
		for n, d := range kinds[kind] {
			if len(iris[n]) <= 1 {
				cs = append(cs, cand{n, d})
			}
		}
		if len(cs) == 0 {
			return ""
		}
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].docs != cs[j].docs {
				return cs[i].docs > cs[j].docs
			}
			return cs[i].name < cs[j].name
		})
		if typical {
			return cs[len(cs)/2].name
		}
		return cs[0].name
	}
	var out []paramSet
	for _, v := range []string{"hub", "typical"} {
		t := v == "typical"
		vals := map[string]string{
			"person": pick("person", t), "place": pick("place", t), "speaker": pick("speaker", t),
			"entity": pick("org", t), "class": "Person", "from": pick("person", t), "to": pick("place", t),
		}
		if t {
			vals["class"] = "City"
		}
		for k, val := range vals {
			if val == "" {
				delete(vals, k)
			}
		}
		out = append(out, paramSet{Variant: v, Values: vals})
	}
	return out
}

// bind gives a query the values of its declared parameters from a set;
// ok is false when a required one has none.
func bind(q queries.Query, set paramSet) (map[string]string, bool) {
	p := map[string]string{}
	for _, d := range q.Params {
		if v, ok := set.Values[d.Name]; ok {
			p[d.Name] = v
		} else if d.Required {
			return nil, false
		}
	}
	return p, true
}

// runQueries runs every saved query once cold and then opt.QueryRuns times
// per parameter set, and times its default page (Runner.Run: the first DefaultPageSize rows),
// which is what a client gets without asking for a page size.
func runQueries(ctx context.Context, opt *Options, st *graph.Store, reg *queries.Registry, sets []paramSet) []QueryStat {
	runner := &queries.Runner{QS: st.QuadStore(), Keys: st}
	var out []QueryStat
	for _, q := range reg.List() {
		for _, set := range sets {
			params, ok := bind(q, set)
			qs := QueryStat{Name: q.Name, Lang: q.Lang, Variant: set.Variant, Params: params, PageSize: queries.DefaultPageSize}
			if !ok {
				qs.Err = "no value for a required parameter"
				out = append(out, qs)
				continue
			}
			// The first run is reported apart (First): it fills the page
			// cache, bolt's mapped pages and the runner's name cache that a
			// running server has warm, so it says what a cold start costs
			// and the percentiles say what the server answers after.
			t0 := time.Now()
			_, err := runner.Run(ctx, q, params)
			for tries := 0; tries < len(params); tries++ {
				iri, ok := mostMentioned(err)
				if !ok {
					break
				}
				// The sample is the corpus's head: on a bigger store a
				// picked name may be shared by entities the sample never
				// saw ("Tesfaye Kovalenko" in 17 083 documents and an
				// Organization of that name in one). The query then asks
				// which is meant; the bench answers as a user would, with
				// the IRI of the one in most documents, and times that.
				var pe *queries.ParamError
				errors.As(err, &pe)
				params[pe.Param] = iri
				qs.Params = params
				t0 = time.Now()
				_, err = runner.Run(ctx, q, params)
			}
			if err != nil {
				qs.Err = err.Error()
				out = append(out, qs)
				continue
			}
			qs.First = float64(time.Since(t0).Microseconds()) / 1000
			var lat []time.Duration
			deadline := time.Now().Add(30 * time.Second)
			for i := 0; i < opt.QueryRuns && (i < 5 || time.Now().Before(deadline)); i++ {
				t0 := time.Now()
				res, err := runner.Run(ctx, q, params)
				lat = append(lat, time.Since(t0))
				if err != nil {
					qs.Err = err.Error()
					break
				}
				qs.Rows = len(res.Rows)
				qs.Truncated = res.Truncated
				qs.Notes = res.Notes
			}
			qs.Runs = len(lat)
			qs.P50, qs.P99, qs.Max = percentiles(lat)
			opt.logf("query %s/%s: %d rows, first %.1f ms, p50 %.1f ms, p99 %.1f ms %s", q.Name, set.Variant, qs.Rows, qs.First, qs.P50, qs.P99, qs.Err)
			out = append(out, qs)
		}
	}
	return out
}

// mostMentioned returns the IRI of the candidate mentioned in most
// documents when err says a parameter's name is ambiguous.
func mostMentioned(err error) (string, bool) {
	var pe *queries.ParamError
	if !errors.As(err, &pe) || pe.Code != queries.CodeAmbiguous || len(pe.Candidates) == 0 {
		return "", false
	}
	best := pe.Candidates[0]
	for _, c := range pe.Candidates[1:] {
		if c.Documents > best.Documents {
			best = c
		}
	}
	return best.IRI, true
}

// percentiles returns p50, p99 and max in milliseconds (nearest rank).
func percentiles(d []time.Duration) (p50, p99, worst float64) {
	if len(d) == 0 {
		return 0, 0, 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := func(p float64) float64 {
		i := int(p*float64(len(s))+0.999999) - 1
		i = max(0, min(i, len(s)-1))
		return ms(s[i])
	}
	return rank(0.50), rank(0.99), ms(s[len(s)-1])
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func human(b int64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%d B", b)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
