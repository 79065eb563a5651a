package export

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// synthetic is a Source that generates a large store document by document
// (graph.DocumentQuads on the fly), so a benchmark measures the export's
// memory, not the source's.
type synthetic struct {
	docs, factsPerDoc, entities int
}

var benchClasses = []schema.Class{schema.Person, schema.ArmedGroup, schema.City, schema.Government, schema.Country}

func (s synthetic) entity(i int) schema.Entity {
	c := benchClasses[i%len(benchClasses)]
	return ent(c, fmt.Sprintf("%s number %d", c, i))
}

func (s synthetic) extraction(d int) schema.Extraction {
	id := fmt.Sprintf("bench-%05d", d)
	ext := schema.Extraction{Document: schema.Document{ID: id, Title: "Bench " + id, Source: "Bench Wire",
		Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d%365), Text: id}}
	seen := map[string]bool{}
	for f := 0; f < s.factsPerDoc; f++ {
		// person → armed group (member_of) or armed group → city (controls)
		k := (d*s.factsPerDoc + f) * 7
		var subj, obj schema.Entity
		pred := "member_of"
		if f%2 == 0 {
			subj, obj = s.entity((k/5*5)%s.entities), s.entity((k/5*5+1)%s.entities)
		} else {
			subj, obj, pred = s.entity((k/5*5+1)%s.entities), s.entity((k/5*5+2)%s.entities), "controls"
		}
		for _, e := range []schema.Entity{subj, obj} {
			if !seen[e.IRI] {
				seen[e.IRI] = true
				ext.Entities = append(ext.Entities, e)
			}
		}
		sentence := fmt.Sprintf("Sentence %d of %s, where %s is said to deal with %s, according to officials.", f, id, subj.Name, obj.Name)
		ext.Facts = append(ext.Facts, fct(id, subj, pred, obj.IRI, sentence, f*120, "bench-rule", 0.5+float64(f%5)/10, nil))
	}
	return ext
}

func (s synthetic) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	for _, q := range graph.SchemaQuads() {
		if err := fn(q); err != nil {
			return err
		}
	}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := 0; d < s.docs; d++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, q := range graph.DocumentQuads(s.extraction(d), at) {
			if err := fn(q); err != nil {
				return err
			}
		}
	}
	return nil
}

// peakHeap samples the live heap while fn runs.
func peakHeap(fn func()) uint64 {
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				mu.Lock()
				peak = max(peak, ms.HeapInuse)
				mu.Unlock()
			}
		}
	}()
	fn()
	close(done)
	mu.Lock()
	defer mu.Unlock()
	return peak
}

func maxRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // KiB on Linux
}

// BenchmarkExport exports synthetic stores of 10k and 100k facts over the
// same 5,000 entities in every format: peak heap should track entities,
// not facts. Run one size per process for a meaningful max RSS:
//
//	go test ./export -run '^$' -bench 'Export/100k' -benchtime 1x
func BenchmarkExport(b *testing.B) {
	for _, size := range []struct {
		name string
		src  synthetic
	}{
		{"10k", synthetic{docs: 100, factsPerDoc: 100, entities: 5000}},
		{"100k", synthetic{docs: 1000, factsPerDoc: 100, entities: 5000}},
	} {
		b.Run(size.name+"/source-only", func(b *testing.B) {
			// The generator's own cost, to subtract from the formats' allocations.
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				n := 0
				size.src.EachQuad(context.Background(), func(quad.Quad) error { n++; return nil })
				b.ReportMetric(float64(n), "quads/pass")
			}
		})
		for _, format := range Formats() {
			b.Run(size.name+"/"+string(format), func(b *testing.B) {
				dir := b.TempDir()
				out := filepath.Join(dir, "out")
				b.ReportAllocs()
				var peak uint64
				for i := 0; i < b.N; i++ {
					runtime.GC()
					peak = max(peak, peakHeap(func() {
						if _, err := Write(context.Background(), size.src, Options{Format: format, Out: out}); err != nil {
							b.Fatal(err)
						}
					}))
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
				b.ReportMetric(maxRSS(), "maxrss-MiB")
			})
		}
	}
}

// BenchmarkExportFiltered is the filtered path (index, fact pass, write).
func BenchmarkExportFiltered(b *testing.B) {
	src := synthetic{docs: 1000, factsPerDoc: 100, entities: 5000}
	for _, format := range []Format{NQuads, CSV} {
		b.Run("100k/"+string(format), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "out")
			b.ReportAllocs()
			var peak uint64
			for i := 0; i < b.N; i++ {
				runtime.GC()
				peak = max(peak, peakHeap(func() {
					_, err := Write(context.Background(), src, Options{Format: format, Out: out,
						Filters: Filters{Predicates: []string{"controls"}, MinConfidence: 0.6}})
					if err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(maxRSS(), "maxrss-MiB")
		})
	}
}

// BenchmarkExportBolt exports 100k facts from a real bolt store (loading it
// takes minutes; the timer covers the export only). With
// NEWSGRAPH_BENCH_STORE=DIR the store is kept there and reused, so a second
// run's max RSS is the export's alone:
//
//	NEWSGRAPH_BENCH_STORE=/tmp/ngbench go test ./export -run '^$' -bench ExportBolt -benchtime 1x
func BenchmarkExportBolt(b *testing.B) {
	src := synthetic{docs: 1000, factsPerDoc: 100, entities: 5000}
	ctx := context.Background()
	var s *graph.Store
	if dir := os.Getenv("NEWSGRAPH_BENCH_STORE"); dir != "" {
		var err error
		if s, err = graph.Open(ctx, graph.Config{Path: dir}); err != nil {
			b.Fatal(err)
		}
		defer s.Close()
	} else {
		s = openStore(b)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for d := 0; st.Documents == 0 && d < src.docs; d += 50 {
		var batch []schema.Extraction
		for i := d; i < d+50 && i < src.docs; i++ {
			batch = append(batch, src.extraction(i))
		}
		if _, err := s.WriteDocuments(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	for _, format := range []Format{NQuads, CSV, GEXF} {
		b.Run(string(format), func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "out")
			b.ReportAllocs()
			b.ResetTimer()
			var peak uint64
			for i := 0; i < b.N; i++ {
				runtime.GC()
				peak = max(peak, peakHeap(func() {
					if _, err := Write(ctx, s, Options{Format: format, Out: out}); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(maxRSS(), "maxrss-MiB")
		})
	}
}
