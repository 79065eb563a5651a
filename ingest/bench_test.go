package ingest

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// BenchmarkExtract measures end-to-end extraction speed on the example
// articles (words/s is reported as a custom metric).
func BenchmarkExtract(b *testing.B) {
	ex, err := NewExtractor(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []schema.Document
	words := 0
	if err := Read(context.Background(), []string{"../examples"}, func(d schema.Document, err error) error {
		if err == nil {
			docs = append(docs, d)
			words += len(strings.Fields(d.Text))
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	if p := os.Getenv("NEWSGRAPH_BENCH_FILE"); p != "" {
		docs, words = nil, 0
		Read(context.Background(), []string{p}, func(d schema.Document, err error) error {
			if err == nil {
				docs = append(docs, d)
				words += len(strings.Fields(d.Text))
			}
			return nil
		})
	}
	if len(docs) == 0 {
		b.Skip("no documents")
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			for _, d := range docs {
				if _, err := ex.Extract(context.Background(), d); err != nil {
					b.Error(err)
				}
			}
			i++
		}
	})
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
