package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/newsgraph/newsgraph/queries"
)

// Report is the outcome of Run. Rates are per second, latencies in
// milliseconds, sizes in bytes.
type Report struct {
	Date    time.Time     `json:"date"`
	Machine Machine       `json:"machine"`
	Options ReportOptions `json:"options"`
	Corpus  CorpusStats   `json:"corpus"`
	Ingest  IngestStats   `json:"ingest"`
	Store   StoreStats    `json:"store"`
	Queries []QueryStat   `json:"queries"`
	NLP     NLPRatio      `json:"nlp_ratio"`
	Write   WriteRatio    `json:"write_ratio"`
	API     APIRatio      `json:"api_ratio"`
	Targets []Target      `json:"targets"`
	Notes   []string      `json:"notes,omitempty"`
}

func (r *Report) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// Machine is where the run happened.
type Machine struct {
	Hostname   string `json:"hostname"`
	CPU        string `json:"cpu"`
	NumCPU     int    `json:"num_cpu"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	MemTotal   int64  `json:"mem_total"`
	GoVersion  string `json:"go_version"`
	OS         string `json:"os"`
	Arch       string `json:"arch"`
	LoadAvg    string `json:"load_avg_at_start"`
}

// ReportOptions echoes the options of the run.
type ReportOptions struct {
	Docs        int    `json:"docs"`
	Workers     int    `json:"workers"`
	Seed        int64  `json:"seed"`
	Backend     string `json:"backend"`
	QueryRuns   int    `json:"query_runs"`
	RatioDocs   int    `json:"ratio_docs"`
	RatioRounds int    `json:"ratio_rounds"`
	ProseNER    bool   `json:"prose_ner"`
}

func reportOptions(o Options) ReportOptions {
	return ReportOptions{Docs: o.Docs, Workers: o.Workers, Seed: o.Seed, Backend: o.Backend, QueryRuns: o.QueryRuns,
		RatioDocs: o.RatioDocs, RatioRounds: o.RatioRounds, ProseNER: o.ProseNER}
}

// CorpusStats describes the generated corpus.
type CorpusStats struct {
	Docs    int     `json:"docs"`
	Words   int     `json:"words"`
	Bytes   int64   `json:"bytes"`
	Seconds float64 `json:"seconds"`
	Path    string  `json:"path"`
}

// IngestStats is the end-to-end ingest of the whole corpus.
type IngestStats struct {
	Seconds     float64 `json:"seconds"`
	Documents   int     `json:"documents"`
	Partial     bool    `json:"partial,omitempty"` // stopped by Options.IngestTimeout
	Added       int     `json:"added"`
	Failed      int     `json:"failed"`
	Words       int     `json:"words"`
	Facts       int     `json:"facts"`
	Rejected    int     `json:"rejected"`
	Quads       int     `json:"quads"`
	WordsPerSec float64 `json:"words_per_sec"`
	DocsPerSec  float64 `json:"docs_per_sec"`
	QuadsPerSec float64 `json:"quads_per_sec"`
	// PeakRSS is the process's VmHWM after ingest (includes the corpus
	// generation before it, which streams). PeakRSSAnon and PeakRSSFile
	// are sampled peaks during ingest: heap vs bolt's mapped file pages.
	PeakRSS     int64 `json:"peak_rss"`
	PeakRSSAnon int64 `json:"peak_rss_anon"`
	PeakRSSFile int64 `json:"peak_rss_file"`
}

// StoreStats is the store after ingest.
type StoreStats struct {
	Documents int64 `json:"documents"`
	Entities  int64 `json:"entities"`
	Facts     int64 `json:"facts"`
	Quads     int64 `json:"quads"`
	Bytes     int64 `json:"bytes"` // on disk (bolt)
}

// QueryStat is the latency of one saved query with one parameter set.
type QueryStat struct {
	Name    string            `json:"name"`
	Lang    string            `json:"lang"`
	Variant string            `json:"variant"` // hub: most-mentioned entities; typical: median ones
	Params  map[string]string `json:"params,omitempty"`
	Runs    int               `json:"runs"`
	Rows    int               `json:"rows"`
	// Truncated: more rows follow the page measured (the first page of
	// PageSize rows, what a client gets without ?limit=).
	Truncated bool     `json:"truncated,omitempty"`
	PageSize  int      `json:"page_size"`
	Notes     []string `json:"notes,omitempty"`
	// First is the first run's time (cold caches), left out of P50, P99
	// and Max, which are over the Runs after it.
	First float64 `json:"first_ms"`
	P50   float64 `json:"p50_ms"`
	P99   float64 `json:"p99_ms"`
	Max   float64 `json:"max_ms"`
	Err   string  `json:"error,omitempty"`
}

// NLPRatio compares end-to-end ingest with the NLP stage alone.
type NLPRatio struct {
	Docs           int     `json:"docs"`
	Words          int     `json:"words"`
	Rounds         int     `json:"rounds"`
	NLPWordsPerSec float64 `json:"nlp_words_per_sec"`
	// NLPNERWordsPerSec is the NLP stage with prose's NER on, when ingest
	// runs without it: the "tokenise + tag + entities" read literally.
	NLPNERWordsPerSec float64 `json:"nlp_ner_words_per_sec,omitempty"`
	// ProseWordsPerSec is prose's tokeniser and tagger alone, called
	// directly, without ingest's sentence splitter and entity stage.
	ProseWordsPerSec    float64   `json:"prose_words_per_sec"`
	ExtractWordsPerSec  float64   `json:"extract_words_per_sec"`
	EndToEndWordsPerSec float64   `json:"end_to_end_words_per_sec"`
	Ratio               float64   `json:"ratio"`         // end-to-end / NLP-only; target ≥ 0.75
	ExtractRatio        float64   `json:"extract_ratio"` // extraction (no store) / NLP-only
	RoundRatios         []float64 `json:"round_ratios"`
	// CPU seconds of this process per stage (all rounds): steadier than
	// wall time on a shared machine. CPURatio = NLP CPU / end-to-end CPU.
	NLPCPUSeconds      float64 `json:"nlp_cpu_seconds"`
	ExtractCPUSeconds  float64 `json:"extract_cpu_seconds"`
	EndToEndCPUSeconds float64 `json:"end_to_end_cpu_seconds"`
	CPURatio           float64 `json:"cpu_ratio"`
	Method             string  `json:"method"`
}

// WriteRatio compares WriteDocuments with Cayley's AddQuadSet.
type WriteRatio struct {
	Docs              int       `json:"docs"`
	Quads             int       `json:"quads"`
	Rounds            int       `json:"rounds"`
	Batches           int       `json:"our_batches"`
	CayleyBatch       int       `json:"cayley_batch"`
	OursQuadsPerSec   float64   `json:"ours_quads_per_sec"`
	CayleyQuadsPerSec float64   `json:"cayley_quads_per_sec"`
	Ratio             float64   `json:"ratio"` // target ≥ 0.8
	RoundRatios       []float64 `json:"round_ratios"`
	// CPU seconds of each side (all rounds); CPURatio = Cayley / ours.
	OursCPUSeconds   float64 `json:"ours_cpu_seconds"`
	CayleyCPUSeconds float64 `json:"cayley_cpu_seconds"`
	CPURatio         float64 `json:"cpu_ratio"`
	OursBytes        int64   `json:"ours_bytes"`
	CayleyBytes      int64   `json:"cayley_bytes"`
}

// APIRatio compares GET /api/queries/{name} with Cayley's /api/v2/query.
type APIRatio struct {
	Measured bool    `json:"measured"`
	Clients  int     `json:"clients"`
	Rounds   int     `json:"rounds"`
	Requests int     `json:"requests_per_round"`
	Ratio    float64 `json:"ratio"` // geometric mean over queries; target ≥ 0.9
	// TimeWeightedRatio is total Cayley time / total REST time.
	TimeWeightedRatio float64        `json:"time_weighted_ratio"`
	Queries           []APIQueryStat `json:"queries"`
}

// APIQueryStat is one query's throughput through both doors.
type APIQueryStat struct {
	Name         string            `json:"name"`
	Params       map[string]string `json:"params,omitempty"`
	OursPerSec   float64           `json:"rest_per_sec"`
	CayleyPerSec float64           `json:"cayley_per_sec"`
	Ratio        float64           `json:"ratio"`
	Err          string            `json:"error,omitempty"`
}

// Target is one goal of issue 6 and whether this run met it.
type Target struct {
	Name   string `json:"name"`
	Goal   string `json:"goal"`
	Value  string `json:"value"`
	Met    bool   `json:"met"`
	Scoped string `json:"scope,omitempty"` // why the check does not apply fully
}

func targets(r Report) []Target {
	var out []Target
	add := func(name, goal, value string, met bool, scope string) {
		out = append(out, Target{Name: name, Goal: goal, Value: value, Met: met, Scoped: scope})
	}
	add("ingest words/s", "≥ 20000 end to end on 2 cores", fmt.Sprintf("%.0f on %d workers", r.Ingest.WordsPerSec, r.Options.Workers), r.Ingest.WordsPerSec >= 20000, "")
	if r.NLP.Docs > 0 {
		add("ingest vs NLP-only", "≥ 0.75", fmt.Sprintf("%.2f", r.NLP.Ratio), r.NLP.Ratio >= 0.75, "")
	}
	if r.Write.Docs > 0 {
		add("store vs AddQuadSet", "≥ 0.8", fmt.Sprintf("%.2f", r.Write.Ratio), r.Write.Ratio >= 0.8, "")
	}
	if r.API.Measured {
		add("REST vs Cayley API", "≥ 0.9", fmt.Sprintf("%.2f", r.API.Ratio), r.API.Ratio >= 0.9, "")
	}
	scope := ""
	if r.Options.Docs < 100_000 {
		scope = fmt.Sprintf("target is for 100k articles; this run has %d", r.Options.Docs)
	}
	add("peak RSS", "< 1 GiB at 100k", human(r.Ingest.PeakRSS)+" (anon "+human(r.Ingest.PeakRSSAnon)+")", r.Ingest.PeakRSS < 1<<30, scope)
	worst, name := 0.0, ""
	for _, q := range r.Queries {
		if q.Err == "" && q.P99 > worst {
			worst, name = q.P99, q.Name+"/"+q.Variant
		}
	}
	add("query p99", "< 50 ms on bolt at 100k", fmt.Sprintf("worst %.1f ms (%s)", worst, name), worst < 50, scope)
	return out
}

// WriteJSON writes the report as indented JSON.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// WriteText writes the report as aligned tables for a terminal.
func (r Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format+"\n", args...) }
	m := r.Machine
	p("newsgraph bench — %s", r.Date.Format(time.RFC3339))
	p("machine\t%s, %d CPUs (GOMAXPROCS %d), %s RAM, %s %s/%s, load %s", m.CPU, m.NumCPU, m.GOMAXPROCS, human(m.MemTotal), m.GoVersion, m.OS, m.Arch, m.LoadAvg)
	p("corpus\t%d articles, %d words (%.0f/article), %s JSONL, seed %d", r.Corpus.Docs, r.Corpus.Words, float64(r.Corpus.Words)/float64(max(1, r.Corpus.Docs)), human(r.Corpus.Bytes), r.Options.Seed)
	in := r.Ingest
	p("")
	p("INGEST (read → extract → store, %d workers, %s)", r.Options.Workers, r.Options.Backend)
	p("time\t%.1f s", in.Seconds)
	p("words/s\t%.0f", in.WordsPerSec)
	p("documents/s\t%.1f", in.DocsPerSec)
	p("quads/s\t%.0f", in.QuadsPerSec)
	p("facts\t%d (rejected by schema: %d), quads %d, failed documents %d", in.Facts, in.Rejected, in.Quads, in.Failed)
	p("peak RSS\t%s (VmHWM); sampled peak anon %s, file-backed %s", human(in.PeakRSS), human(in.PeakRSSAnon), human(in.PeakRSSFile))
	p("store\t%s on disk; %d documents, %d entities, %d facts, %d quads", human(r.Store.Bytes), r.Store.Documents, r.Store.Entities, r.Store.Facts, r.Store.Quads)
	p("")
	p("RATIOS (measured side by side)")
	if r.NLP.Docs > 0 {
		n := r.NLP
		p("ingest vs NLP-only\t%.2f\t(rounds %s; end-to-end %.0f words/s, extraction without store %.0f (%.2f), NLP-only %.0f; %d docs × %d rounds)", n.Ratio, fmtRatios(n.RoundRatios), n.EndToEndWordsPerSec, n.ExtractWordsPerSec, n.ExtractRatio, n.NLPWordsPerSec, n.Docs, n.Rounds)
		if n.ProseWordsPerSec > 0 {
			p("  vs prose's tagger alone\t%.2f\t(prose tokenise+tag called directly %.0f words/s)", n.EndToEndWordsPerSec/n.ProseWordsPerSec, n.ProseWordsPerSec)
		}
		if n.NLPNERWordsPerSec > 0 {
			p("  vs NLP with prose NER\t%.2f\t(prose tokenise+tag+NER %.0f words/s; ingest runs with prose NER off)", n.EndToEndWordsPerSec/n.NLPNERWordsPerSec, n.NLPNERWordsPerSec)
		}
		p("  in CPU time\t%.2f\t(CPU s: NLP-only %.1f, extraction %.1f, end-to-end %.1f)", n.CPURatio, n.NLPCPUSeconds, n.ExtractCPUSeconds, n.EndToEndCPUSeconds)
		p("  method\t%s", n.Method)
	} else {
		p("ingest vs NLP-only\tnot measured")
	}
	if r.Write.Docs > 0 {
		x := r.Write
		p("store vs AddQuadSet\t%.2f\t(rounds %s; WriteDocuments %.0f quads/s in %d group commits, AddQuadSet %.0f quads/s in %d-quad calls; %d quads × %d rounds)", x.Ratio, fmtRatios(x.RoundRatios), x.OursQuadsPerSec, x.Batches, x.CayleyQuadsPerSec, x.CayleyBatch, x.Quads, x.Rounds)
		p("  in CPU time\t%.2f\t(CPU s: WriteDocuments %.1f, AddQuadSet %.1f)", x.CPURatio, x.OursCPUSeconds, x.CayleyCPUSeconds)
	} else {
		p("store vs AddQuadSet\tnot measured")
	}
	if r.API.Measured {
		p("REST vs Cayley API\t%.2f\t(geometric mean over queries, time-weighted %.2f; same Gizmo programs, %d clients, %d requests × %d rounds per query)", r.API.Ratio, r.API.TimeWeightedRatio, r.API.Clients, r.API.Requests, r.API.Rounds)
		for _, q := range r.API.Queries {
			if q.Err != "" {
				p("  %s\t-\t%s", q.Name, q.Err)
				continue
			}
			p("  %s\t%.2f\t(REST %.1f req/s, Cayley %.1f req/s)", q.Name, q.Ratio, q.OursPerSec, q.CayleyPerSec)
		}
	} else {
		p("REST vs Cayley API\tnot measured")
	}
	p("")
	writeQueryTable(p, r.Queries, r.Options.QueryRuns)
	p("")
	p("TARGETS (issue 6)")
	for _, t := range r.Targets {
		status := "MISSED"
		if t.Met {
			status = "met"
		}
		if t.Scoped != "" {
			status += " (" + t.Scoped + ")"
		}
		p("%s\t%s\t%s\t%s", t.Name, t.Goal, t.Value, status)
	}
	for _, n := range r.Notes {
		p("note\t%s", n)
	}
	return tw.Flush()
}

func fmtRatios(rs []float64) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%.2f", r)
	}
	return strings.Join(parts, " ")
}

func fmtParams(p map[string]string) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+truncate(p[k], 30))
	}
	return strings.Join(parts, " ")
}

// WriteQueryTable writes the saved-query timings as WriteText does.
func WriteQueryTable(w io.Writer, stats []QueryStat, runs int) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	writeQueryTable(func(format string, args ...any) { fmt.Fprintf(tw, format+"\n", args...) }, stats, runs)
	return tw.Flush()
}

func writeQueryTable(p func(string, ...any), stats []QueryStat, runs int) {
	pageSize := queries.DefaultPageSize
	for _, q := range stats {
		if q.PageSize > 0 {
			pageSize = q.PageSize
		}
	}
	p("SAVED QUERIES: the default page (the first %d rows, as GET /api/queries/{name} without ?limit=); one cold first run, then up to %d runs each (p50/p99/max over those), at most 30 s per query and parameter set", pageSize, runs)
	p("query\tparams\trows\tfirst ms\truns\tp50 ms\tp99 ms\tmax ms")
	for _, q := range stats {
		if q.Err != "" {
			p("%s/%s\t%s\t-\t-\t-\t-\t-\t-\t%s", q.Name, q.Variant, fmtParams(q.Params), truncate(q.Err, 100))
			continue
		}
		rows := fmt.Sprint(q.Rows)
		if q.Truncated {
			rows += " (page; more follow)"
		}
		p("%s/%s\t%s\t%s\t%.1f\t%d\t%.1f\t%.1f\t%.1f", q.Name, q.Variant, fmtParams(q.Params), rows, q.First, q.Runs, q.P50, q.P99, q.Max)
	}
}
