package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/cayleygraph/quad/nquads"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/resolve"
	"github.com/newsgraph/newsgraph/schema"
)

func (a *app) extractor() (*ingest.Extractor, error) {
	rules := a.v.GetString("ingest.rules")
	if rules != "default" && rules != "all" {
		return nil, fmt.Errorf("unknown --rules %q (default or all)", rules)
	}
	ex, err := ingest.NewExtractor(ingest.Options{
		MinConfidence: a.v.GetFloat64("ingest.min_confidence"),
		Predicates:    a.v.GetStringSlice("ingest.predicates"),
		ProseNER:      a.v.GetBool("ingest.prose_ner"),
		AllRules:      rules == "all",
	})
	if err != nil {
		return nil, fmt.Errorf("loading the extractor: %w", err)
	}
	return ex, nil
}

func (a *app) extractCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "extract [--format tsv|jsonl|nquads] PATH...",
		Short: "Print the facts found in articles without storing them",
		Long: `Reads .txt, .html and .jsonl files (or folders of them) and prints facts.
TSV columns: doc, subject, predicate, object, confidence, sentence; besides the
relation facts, one 'type' row per entity and its 'alias' rows.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			ctx := cmd.Context()
			ex, err := a.extractor()
			if err != nil {
				return err
			}
			var write func(schema.Extraction) error
			switch format {
			case "tsv":
				fmt.Fprintln(a.stdout, "doc\tsubject\tpredicate\tobject\tconfidence\tsentence")
				write = func(x schema.Extraction) error { return ingest.WriteTSV(a.stdout, x) }
			case "jsonl":
				write = func(x schema.Extraction) error { return ingest.WriteJSONL(a.stdout, x) }
			case "nquads":
				w := nquads.NewWriter(a.stdout)
				write = func(x schema.Extraction) error {
					_, err := w.WriteQuads(graph.DocumentQuads(x, timeNowUTC()))
					return err
				}
			default:
				return fmt.Errorf("unknown --format %q (tsv, jsonl or nquads)", format)
			}
			failed, err := a.extractAll(ctx, ex, paths, write)
			if err != nil {
				return err
			}
			if failed > 0 {
				return &exitError{code: 1, err: fmt.Errorf("%d documents failed", failed)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "tsv", "tsv, jsonl or nquads")
	a.extractionFlags(cmd.Flags())
	return cmd
}

// extractAll extracts in parallel but prints in input order, so output is
// reproducible run to run.
func (a *app) extractAll(ctx context.Context, ex *ingest.Extractor, paths []string, write func(schema.Extraction) error) (int, error) {
	type job struct {
		doc  schema.Document
		err  error
		done chan struct{}
		ext  schema.Extraction
	}
	jobs := make(chan *job, 64)
	ordered := make(chan *job, 64)
	var wg sync.WaitGroup
	workers := a.v.GetInt("ingest.workers")
	if workers <= 0 {
		workers = numCPU()
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.err == nil {
					j.ext, j.err = ex.Extract(ctx, j.doc)
				}
				close(j.done)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(ordered)
		defer close(jobs)
		readErr = ingest.Read(ctx, paths, func(d schema.Document, err error) error {
			j := &job{doc: d, err: err, done: make(chan struct{})}
			select {
			case ordered <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			jobs <- j
			return nil
		})
	}()
	failed := 0
	var writeErr error
	for j := range ordered {
		<-j.done
		if j.err != nil {
			failed++
			fmt.Fprintln(a.stderr, pipeline.Failure{Name: nameOf(j.doc), Err: j.err})
			continue
		}
		if writeErr == nil {
			writeErr = write(j.ext)
		}
	}
	wg.Wait()
	if writeErr != nil {
		return failed, fmt.Errorf("writing output: %w", writeErr)
	}
	if readErr != nil {
		return failed, fmt.Errorf("reading input: %w", readErr)
	}
	return failed, nil
}

func nameOf(d schema.Document) string {
	if d.Path != "" {
		return d.Path
	}
	if d.ID != "" {
		return d.ID
	}
	return "(input)"
}

func (a *app) ingestCommand() *cobra.Command {
	var noProgress, reextract, followSymlinks, compact bool
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract facts from articles and store them in the graph",
		Long: `Reads .txt, .html and .jsonl files (or folders of them), extracts facts and
stores each document atomically. A document already stored with the same text
is skipped, so running ingest again after an interruption resumes it; a
changed text replaces the stored document. Exit code 1 if any document failed.
In folders, symlinks that lead out of the folder and anything that is not a
regular file (FIFOs, devices) are skipped with a reason.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			ctx := cmd.Context()
			ex, err := a.extractor()
			if err != nil {
				return err
			}
			// Compaction is on by default for bolt and runs when the ingest
			// grew the file enough to pay (graph.WorthCompacting).
			cfg, err := a.storeConfig()
			if err != nil {
				return err
			}
			isBolt := cfg.Backend == "" || cfg.Backend == graph.BackendBolt
			if compact && cmd.Flags().Changed("compact") && !isBolt {
				return a.checkCompactable()
			}
			var sizeBefore int64
			if isBolt {
				sizeBefore = graph.StoreDataSize(cfg.Path)
			}
			err = a.withStore(ctx, func(st *graph.Store) error {
				opt := pipeline.Options{
					Workers:       a.v.GetInt("ingest.workers"),
					BatchQuads:    a.v.GetInt("ingest.batch_quads"),
					SkipUnchanged: !reextract,
				}
				opt.Progress = func(p pipeline.Progress) {
					a.log.Debug("batch stored", "documents", p.Documents, "bytes", p.Bytes)
				}
				var bar *progressBar
				if !noProgress && isTerminal(a.stderr) {
					bar = newProgressBar(a.stderr, time.Now)
					countCtx, stopCount := context.WithCancel(ctx)
					defer stopCount()
					go func() {
						// A failed count only leaves the total unknown.
						if n, err := countDocuments(countCtx, paths); err == nil {
							bar.setTotal(n)
						}
					}()
					opt.Progress = func(p pipeline.Progress) {
						a.log.Debug("batch stored", "documents", p.Documents, "bytes", p.Bytes)
						bar.set(p.Documents)
					}
				}
				read := ingest.Reader{FollowSymlinks: followSymlinks}.Read
				sum, runErr := pipeline.Run(ctx, read, paths, ex, st, opt)
				if bar != nil {
					bar.finish() // the summary gets a line of its own
				}
				for _, f := range sum.Failures {
					fmt.Fprintf(a.stderr, "failed: %v\n", f)
				}
				fmt.Fprintf(a.stdout, "documents %d (added %d, replaced %d, unchanged %d, failed %d)  facts %d  quads %d  rejected %d  time %s\n",
					sum.Documents, sum.Added, sum.Replaced, sum.Unchanged, sum.Failed, sum.Facts, sum.Quads, sum.Rejected, sum.Elapsed.Round(1e6))
				if len(sum.Duplicates) > 0 {
					fmt.Fprintf(a.stdout, "%d duplicates stored once (listed on the document with the same text as ng:copy)\n", len(sum.Duplicates))
				}
				for _, n := range sum.NearDuplicates {
					fmt.Fprintf(a.stdout, "near-duplicate: %s ~ %s (%.2f)\n", n.A, n.B, n.Similarity)
				}
				if runErr != nil {
					return runErr
				}
				if a.v.GetBool("ingest.resolve") && sum.Added+sum.Replaced > 0 {
					made, err := resolve.Apply(ctx, st)
					if err != nil {
						return fmt.Errorf("resolving entities across documents: %w", err)
					}
					if len(made) > 0 {
						fmt.Fprintf(a.stdout, "merged %d entities across documents (see `newsgraph entities merges`)\n", len(made))
					}
				}
				if sum.Failed > 0 {
					return &exitError{code: 1, err: fmt.Errorf("%d of %d documents failed", sum.Failed, sum.Documents)}
				}
				return nil
			})
			if err != nil || !compact || !isBolt || !graph.WorthCompacting(sizeBefore, graph.StoreDataSize(cfg.Path)) {
				return err
			}
			return a.compact(ctx) // the store is closed: nothing else holds it
		},
	}
	f := cmd.Flags()
	f.BoolVar(&noProgress, "no-progress", false, "no progress bar even on a terminal")
	f.BoolVar(&reextract, "reextract", false, "extract documents again even when their text is already stored")
	f.BoolVar(&followSymlinks, "follow-symlinks", false, "follow symlinks that lead out of the input folders")
	f.BoolVar(&compact, "compact", true, "compact the bolt store afterwards, as `newsgraph compact`, when the ingest created it or grew it by half or more (not when a document failed; --compact=false to skip)")
	f.Int("workers", 0, "extraction workers (default: one per core; config ingest.workers)")
	f.Bool("resolve", true, "link entities to the same entity in other documents afterwards (config ingest.resolve)")
	a.bind(f, "ingest.workers", "workers")
	a.bind(f, "ingest.resolve", "resolve")
	a.extractionFlags(f)
	return cmd
}

// extractionFlags are the extractor settings extract and ingest share.
func (a *app) extractionFlags(f *pflag.FlagSet) {
	f.Float64("min-confidence", 0, "drop facts below this confidence (config ingest.min_confidence)")
	f.StringSlice("predicates", nil, "keep only these predicates, e.g. controls,backs (config ingest.predicates)")
	f.Bool("prose-ner", false, "ignored: tags and entities come from the trained language layer (config ingest.prose_ner)")
	f.String("rules", "default", "default: only rules precise on real news (docs/extraction.md); all: every rule (config ingest.rules)")
	a.bind(f, "ingest.rules", "rules")
	a.bind(f, "ingest.min_confidence", "min-confidence")
	a.bind(f, "ingest.predicates", "predicates")
	a.bind(f, "ingest.prose_ner", "prose-ner")
}
