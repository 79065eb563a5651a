package main

import (
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/bench"
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
Cayley's AddQuadSet, and the REST API vs Cayley's /api/v2/query.`,
		Example: `  newsgraph bench --docs 1000
  newsgraph bench --docs 100000 --skip-ratios --json > bench-100k.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if progress {
				opt.Log = a.stderr
			}
			if opt.Backend == "" {
				opt.Backend = a.v.GetString("store.backend")
				if opt.Backend != "bolt" {
					opt.Address = a.v.GetString("store.address")
				}
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
	f.BoolVar(&opt.SkipRatios, "skip-ratios", false, "ingest and queries only")
	f.BoolVar(&opt.SkipAPI, "skip-api", false, "no REST vs Cayley comparison")
	f.DurationVar(&opt.IngestTimeout, "ingest-timeout", 0, "stop the ingest at a batch boundary after this long")
	f.BoolVar(&jsonOut, "json", false, "print the report as JSON")
	f.BoolVar(&progress, "progress", true, "progress lines on stderr")
	return cmd
}
