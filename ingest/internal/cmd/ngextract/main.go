// Command ngextract runs the extractor over files and prints TSV or JSONL:
// the measuring tool for docs/extraction.md until `newsgraph extract` is wired.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
)

func main() {
	format := flag.String("format", "tsv", "tsv or jsonl")
	minConf := flag.Float64("min-confidence", 0, "drop facts below this confidence")
	proseNER := flag.Bool("prose-ner", false, "add prose's statistical NER")
	rules := flag.Bool("rules", false, "append the rule name to each TSV fact row (for calibration)")
	stats := flag.Bool("stats", false, "print speed to stderr")
	preds := flag.String("predicates", "", "comma-separated predicates to keep (default all)")
	all := flag.Bool("all-rules", false, "keep the facts of rules the gates leave off")
	flag.Parse()
	var keep []string
	if *preds != "" {
		keep = strings.Split(*preds, ",")
	}
	ctx := context.Background()
	ex, err := ingest.NewExtractor(ingest.Options{MinConfidence: *minConf, ProseNER: *proseNER, Predicates: keep, AllRules: *all})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var docs []schema.Document
	err = ingest.Read(ctx, flag.Args(), func(d schema.Document, err error) error {
		if err != nil {
			fmt.Fprintln(os.Stderr, "skip:", err)
			return nil
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	t0 := time.Now()
	exts := make([]schema.Extraction, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				exts[i], _ = ex.Extract(ctx, docs[i])
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	el := time.Since(t0)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	words := 0
	for _, x := range exts {
		words += len(strings.Fields(x.Document.Text))
		switch {
		case *format == "jsonl":
			ingest.WriteJSONL(out, x)
		case *rules:
			for _, f := range x.Facts {
				s, _ := x.Entity(f.Subject)
				o, ok := x.Entity(f.Object)
				obj := f.Object
				if ok {
					obj = o.Name
				}
				fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", x.Document.ID, s.Name, f.Predicate, strings.ReplaceAll(obj, "\t", " "), f.Evidence.Rule, f.Evidence.Confidence, strings.ReplaceAll(f.Evidence.Sentence, "\n", " "))
			}
		default:
			ingest.WriteTSV(out, x)
		}
	}
	if *stats {
		fmt.Fprintf(os.Stderr, "%d docs, %d words in %v: %.0f words/s\n", len(docs), words, el, float64(words)/el.Seconds())
	}
}
