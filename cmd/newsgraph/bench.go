package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/bench"
	"github.com/newsgraph/newsgraph/graph"
)

func (a *app) benchCommand() *cobra.Command {
	var (
		opt      bench.Options
		jsonOut  bool
		progress bool
	)
	cmd := &cobra.Command{
		Use:   "bench [--docs N] [--json]",
		Short: "Generate a synthetic news corpus, ingest it, run every saved query, report speeds",
		Long: `Generates N deterministic synthetic articles, ingests them into a fresh store,
and reports words/s, documents/s, quads/s, peak RSS and store size; then runs
every saved query and reports p50/p99 latency; then measures side by side the
ratios BENCHMARKS.md tracks: ingest vs the NLP stage alone, our writes vs
Cayley's AddQuadSet, and the REST API vs Cayley's /api/v2/query. It never
touches the configured store: it measures on a fresh bolt store in --dir (or
an empty PostgreSQL database given with --postgres).`,
		Example: `  newsgraph bench --docs 1000
  newsgraph bench --docs 100000 --skip-ratios --json > bench-100k.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if progress {
				opt.Log = a.stderr
			}
			// The ingest it measures runs under the memory limit ingest has.
			if err := a.applyMemoryLimit(); err != nil {
				return err
			}
			rep, err := bench.Run(cmd.Context(), opt)
			if err != nil {
				return err
			}
			if jsonOut {
				return rep.WriteJSON(a.stdout)
			}
			return rep.WriteText(a.stdout)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opt.Docs, "docs", 1000, "articles to generate and ingest")
	f.IntVar(&opt.Workers, "workers", 0, "extraction workers (default: one per core)")
	f.Int64Var(&opt.Seed, "seed", 1, "corpus seed")
	f.StringVar(&opt.Dir, "dir", "", "folder for the corpus and stores (default: a temporary folder)")
	f.BoolVar(&opt.Keep, "keep", false, "keep --dir after the run")
	f.IntVar(&opt.QueryRuns, "query-runs", 50, "runs of each saved query")
	f.IntVar(&opt.RatioDocs, "ratio-docs", 0, "articles the ratios are measured on (default min(docs, 500))")
	f.IntVar(&opt.RatioRounds, "ratio-rounds", 0, "alternations of each comparison (default 2)")
	f.BoolVar(&opt.ProseNER, "prose-ner", false, "turn prose's NER on in ingest and the NLP baseline")
	f.BoolVar(&opt.SkipRatios, "skip-ratios", false, "ingest and queries only")
	f.BoolVar(&opt.SkipAPI, "skip-api", false, "no REST vs Cayley comparison")
	f.DurationVar(&opt.IngestTimeout, "ingest-timeout", 0, "stop the ingest at a batch boundary after this long")
	f.BoolVar(&jsonOut, "json", false, "print the report as JSON")
	f.BoolVar(&progress, "progress", true, "progress lines on stderr")
	f.StringVar(&opt.Address, "postgres", "", "measure on this empty PostgreSQL database instead of a fresh bolt store (never the configured store)")
	cmd.PreRun = func(*cobra.Command, []string) {
		if opt.Address != "" {
			opt.Backend = "postgres"
		}
	}
	cmd.AddCommand(a.benchCorpusCommand(), a.benchQueriesCommand())
	return cmd
}

func (a *app) benchQueriesCommand() *cobra.Command {
	var opt bench.Options
	var dir, address, cpuProfile string
	var jsonOut bool
	cmd := &cobra.Command{
		Use:   "queries --dir DIR | --postgres DSN [--docs N] [--seed S] [--query-runs R]",
		Short: "Time every saved query again on a store kept by bench --keep",
		Long: `Times every saved query on the store an earlier "newsgraph bench --keep --dir DIR"
left in DIR (opened as serve opens it), or on the PostgreSQL database a
"newsgraph bench --postgres DSN" run filled, with the parameter sets that run picked:
re-measure queries after a change without ingesting the corpus again. --docs and
--seed must be the ones the store was built with.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opt.Log = a.stderr
			a.tuneGCForQueries(cmd.Context()) // as serve does: the pages are timed as a server answers them
			cfg := graph.Config{Backend: graph.BackendPostgres, Address: address}
			if address == "" {
				if dir == "" {
					return errors.New("bench queries: give --dir (a bolt store kept by bench --keep) or --postgres")
				}
				storeDir := filepath.Join(dir, "store")
				if _, err := os.Stat(storeDir); err != nil {
					return fmt.Errorf("no store kept in %s (run newsgraph bench --keep --dir %s first): %w", dir, dir, err)
				}
				cfg = graph.Config{Path: storeDir, KeepMapped: true}
			}
			st, err := graph.Open(cmd.Context(), cfg)
			if err != nil {
				return fmt.Errorf("opening the kept store: %w", err)
			}
			defer st.Close()
			if cpuProfile != "" {
				// The whole run: the sample's extraction too, which a
				// profile tells apart by its functions.
				f, err := os.Create(cpuProfile)
				if err != nil {
					return fmt.Errorf("bench queries: %w", err)
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return fmt.Errorf("bench queries: %w", err)
				}
				defer pprof.StopCPUProfile()
			}
			stats, err := bench.RunQueries(cmd.Context(), st, opt)
			if err != nil {
				return err
			}
			if jsonOut {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(stats)
			}
			return bench.WriteQueryTable(a.stdout, stats, opt.QueryRuns)
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "dir", "", "the --dir of the bench run that kept its store")
	f.StringVar(&address, "postgres", "", "time the queries on this PostgreSQL database a bench --postgres run filled instead")
	f.IntVar(&opt.Docs, "docs", 1000, "articles the store was built from")
	f.Int64Var(&opt.Seed, "seed", 1, "corpus seed the store was built from")
	f.IntVar(&opt.QueryRuns, "query-runs", 50, "runs of each saved query")
	f.BoolVar(&jsonOut, "json", false, "print the timings as JSON")
	f.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	return cmd
}

func (a *app) benchCorpusCommand() *cobra.Command {
	var docs int
	var seed int64
	cmd := &cobra.Command{
		Use:   "corpus [--docs N] [--seed S] > corpus.jsonl",
		Short: "Write the deterministic synthetic corpus as JSON Lines",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return bench.WriteJSONL(a.stdout, seed, docs)
		},
	}
	cmd.Flags().IntVar(&docs, "docs", 1000, "articles")
	cmd.Flags().Int64Var(&seed, "seed", 1, "corpus seed")
	return cmd
}
