// Command benchrun runs bench.Run from the command line until
// `newsgraph bench` is wired; BENCHMARKS.md was produced with it:
//
//	go run ./bench/internal/benchrun --docs 10000 --json report.json
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/newsgraph/newsgraph/bench"
)

func main() {
	var o bench.Options
	jsonOut := flag.String("json", "", "also write the JSON report to this file")
	flag.IntVar(&o.Docs, "docs", 1000, "articles to generate and ingest")
	flag.IntVar(&o.Workers, "workers", 0, "extraction workers (0: GOMAXPROCS)")
	flag.Int64Var(&o.Seed, "seed", 1, "corpus seed")
	flag.StringVar(&o.Dir, "dir", "", "work directory (default: a temporary one)")
	flag.BoolVar(&o.Keep, "keep", false, "keep the corpus and store")
	flag.IntVar(&o.QueryRuns, "query-runs", 0, "runs per saved query and parameter set (0: 50)")
	flag.IntVar(&o.RatioDocs, "ratio-docs", 0, "articles the ratios are measured on (0: min(docs, 500))")
	flag.IntVar(&o.RatioRounds, "ratio-rounds", 0, "alternations of each comparison (0: 2)")
	flag.BoolVar(&o.ProseNER, "prose-ner", false, "turn prose's NER on in ingest and the NLP baseline")
	flag.DurationVar(&o.IngestTimeout, "ingest-timeout", 0, "stop the main ingest after this long and go on with what is stored")
	flag.BoolVar(&o.SkipRatios, "skip-ratios", false, "ingest and queries only")
	flag.BoolVar(&o.SkipAPI, "skip-api", false, "no REST vs Cayley comparison")
	flag.Parse()
	o.Log = os.Stderr
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := bench.Run(ctx, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	if werr := rep.WriteText(os.Stdout); werr != nil && err == nil {
		err = werr
	}
	if *jsonOut != "" {
		if werr := writeJSON(*jsonOut, rep); werr != nil && err == nil {
			err = werr
		}
	}
	if err != nil {
		os.Exit(1)
	}
}

func writeJSON(path string, rep bench.Report) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := rep.WriteJSON(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
