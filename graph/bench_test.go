package graph

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// benchDocs is the corpus size of the write benchmarks (≈190 quads each).
const benchDocs = 1000

// batchByQuads splits a corpus into WriteDocuments calls of about n quads,
// the size Cayley's bulk loads are measured with.
func batchByQuads(exts []schema.Extraction, n int) [][]schema.Extraction {
	var out [][]schema.Extraction
	start, size := 0, 0
	for i, x := range exts {
		size += len(DocumentQuads(x, time.Time{}))
		if size >= n {
			out = append(out, exts[start:i+1])
			start, size = i+1, 0
		}
	}
	if start < len(exts) {
		out = append(out, exts[start:])
	}
	return out
}

// quadBatches are the same documents' quads in batches of n for AddQuadSet.
func quadBatches(exts []schema.Extraction, n int) ([][]quad.Quad, int) {
	var all []quad.Quad
	for _, x := range exts {
		all = append(all, DocumentQuads(x, time.Now())...)
	}
	var out [][]quad.Quad
	for i := 0; i < len(all); i += n {
		out = append(out, all[i:min(i+n, len(all))])
	}
	return out, len(all)
}

func benchOpen(b *testing.B) *Store {
	return benchOpenOpts(b, nil)
}

func benchOpenOpts(b *testing.B, opts map[string]any) *Store {
	b.Helper()
	s, err := Open(context.Background(), Config{Path: b.TempDir(), Options: opts})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func writeCorpus(b *testing.B, s *Store, batches [][]schema.Extraction) {
	for _, batch := range batches {
		res, err := s.WriteDocuments(context.Background(), batch)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if r.Status != StatusAdded {
				b.Fatalf("%s: %s %v", r.DocID, r.Status, r.Err)
			}
		}
	}
}

func addQuadSets(b *testing.B, s *Store, batches [][]quad.Quad) {
	w, err := cgraph.NewQuadWriter("single", s.QuadStore(), nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, batch := range batches {
		if err := w.AddQuadSet(batch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteDocuments stores benchDocs synthetic documents through
// WriteDocuments in calls of ~10k quads, on a fresh bolt store each time.
func BenchmarkWriteDocuments(b *testing.B) {
	exts := synthCorpus(0, benchDocs, 0)
	batches := batchByQuads(exts, 10_000)
	_, n := quadBatches(exts, 10_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := benchOpen(b)
		b.StartTimer()
		writeCorpus(b, s, batches)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "quads/s")
	b.ReportMetric(float64(benchDocs*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkCayleyAddQuadSet writes the same quads with Cayley's own bulk
// path (AddQuadSet, 10k per call) on the same kind of store.
func BenchmarkCayleyAddQuadSet(b *testing.B) {
	exts := synthCorpus(0, benchDocs, 0)
	batches, n := quadBatches(exts, 10_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := benchOpen(b)
		b.StartTimer()
		addQuadSets(b, s, batches)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkWriteRatio runs both write paths alternately in one benchmark
// (machines here are noisy) and reports ours/Cayley's throughput; issue 6
// asks for ≥ 0.8.
func BenchmarkWriteRatio(b *testing.B) {
	exts := synthCorpus(0, benchDocs, 0)
	docBatches := batchByQuads(exts, 10_000)
	quadSets, n := quadBatches(exts, 10_000)
	// nosync takes the disk (shared and noisy here) out of the comparison.
	for _, opts := range []map[string]any{nil, {"nosync": true}} {
		b.Run(fmt.Sprintf("bolt/nosync=%v", opts != nil), func(b *testing.B) {
			open := func() *Store { return benchOpenOpts(b, opts) }
			writeRatio(b, open, docBatches, quadSets, n)
		})
	}
	// PostgreSQL (when NEWSGRAPH_TEST_POSTGRES is set): a smaller corpus,
	// Cayley inserts SQL rows one by one.
	b.Run("postgres", func(b *testing.B) {
		exts := exts[:200]
		quadSets, n := quadBatches(exts, 10_000)
		open := func() *Store {
			s, err := Open(context.Background(), postgresConfig(b))
			if err != nil {
				b.Fatal(err)
			}
			return s
		}
		writeRatio(b, open, batchByQuads(exts, 10_000), quadSets, n)
	})
}

func writeRatio(b *testing.B, open func() *Store, docBatches [][]schema.Extraction, quadSets [][]quad.Quad, n int) {
	var ours, theirs time.Duration
	for i := 0; i < b.N; i++ {
		s := open()
		t0 := time.Now()
		writeCorpus(b, s, docBatches)
		ours += time.Since(t0)
		s.Close()

		s = open()
		t0 = time.Now()
		addQuadSets(b, s, quadSets)
		theirs += time.Since(t0)
		s.Close()
	}
	b.ReportMetric(float64(n*b.N)/ours.Seconds(), "ours-quads/s")
	b.ReportMetric(float64(n*b.N)/theirs.Seconds(), "cayley-quads/s")
	b.ReportMetric(theirs.Seconds()/ours.Seconds(), "ratio")
}

// BenchmarkStats measures Stats (uncached) on a store of statsDocs documents.
func BenchmarkStats(b *testing.B) {
	for _, docs := range []int{1000, 10_000} {
		b.Run(fmt.Sprintf("docs=%d", docs), func(b *testing.B) {
			s := benchOpenOpts(b, map[string]any{"nosync": true}) // setup speed only
			defer s.Close()
			for i := 0; i < docs; i += 500 {
				writeCorpus(b, s, [][]schema.Extraction{synthCorpus(i, min(500, docs-i), 0)})
			}
			ctx := context.Background()
			b.ResetTimer()
			var st Stats
			for i := 0; i < b.N; i++ {
				var err error
				if st, err = s.Stats(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(st.Quads), "quads")
			b.StopTimer()
			t0 := time.Now()
			if _, err := s.scanStats(ctx); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(time.Since(t0).Microseconds())/1000, "scan-ms")
		})
	}
}

// BenchmarkStatsPostgres measures Stats (SQL counts) on a PostgreSQL store
// of 1000 documents, when NEWSGRAPH_TEST_POSTGRES is set.
func BenchmarkStatsPostgres(b *testing.B) {
	s, err := Open(context.Background(), postgresConfig(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	writeCorpus(b, s, batchByQuads(synthCorpus(0, 1000, 0), 10_000))
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Stats(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReplaceDocument measures re-ingesting changed documents (delete
// old + add new quads in one transaction) in a store of 2000 documents.
func BenchmarkReplaceDocument(b *testing.B) {
	s := benchOpen(b)
	defer s.Close()
	writeCorpus(b, s, batchByQuads(synthCorpus(0, 2000, 0), 10_000))
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		batch := synthCorpus((i*50)%2000, 50, i+1)
		res, err := s.WriteDocuments(ctx, batch)
		if err != nil || res[0].Status != StatusReplaced {
			b.Fatalf("%+v %v", res[0], err)
		}
	}
	b.ReportMetric(float64(50*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkDocuments lists a store of 1000 documents with details.
func BenchmarkDocuments(b *testing.B) {
	s := benchOpenOpts(b, map[string]any{"nosync": true})
	defer s.Close()
	writeCorpus(b, s, batchByQuads(synthCorpus(0, 1000, 0), 10_000))
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if docs, err := s.Documents(ctx); err != nil || len(docs) != 1000 {
			b.Fatal(len(docs), err)
		}
	}
	b.StopTimer()
	t0 := time.Now()
	if ids, err := s.DocumentIDs(ctx); err != nil || len(ids) != 1000 {
		b.Fatal(err)
	}
	b.ReportMetric(float64(time.Since(t0).Microseconds())/1000, "ids-ms")
	t0 = time.Now()
	if hs, err := s.DocumentHashes(ctx); err != nil || len(hs) != 1000 {
		b.Fatal(err)
	}
	b.ReportMetric(float64(time.Since(t0).Microseconds())/1000, "hashes-ms")
}

// BenchmarkBackupRestore backs up and restores a store of 1000 documents.
func BenchmarkBackupRestore(b *testing.B) {
	src := benchOpenOpts(b, map[string]any{"nosync": true})
	defer src.Close()
	writeCorpus(b, src, batchByQuads(synthCorpus(0, 1000, 0), 10_000))
	ctx := context.Background()
	st, _ := src.Stats(ctx)
	var backup, restore time.Duration
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		t0 := time.Now()
		if err := src.Backup(ctx, &buf); err != nil {
			b.Fatal(err)
		}
		backup += time.Since(t0)
		dst := benchOpen(b)
		t0 = time.Now()
		if err := dst.Restore(ctx, &buf); err != nil {
			b.Fatal(err)
		}
		restore += time.Since(t0)
		dst.Close()
	}
	b.ReportMetric(float64(st.Quads)*float64(b.N)/backup.Seconds(), "backup-quads/s")
	b.ReportMetric(float64(st.Quads)*float64(b.N)/restore.Seconds(), "restore-quads/s")
}

// BenchmarkEachQuad reads every quad of a 2000-document store: with
// Cayley's all-quads iterator and a Quad lookup per quad (what EachQuad
// did), and with EachQuad's own log cursor and value cache.
func BenchmarkEachQuad(b *testing.B) {
	s := benchOpen(b)
	defer s.Close()
	writeCorpus(b, s, batchByQuads(synthCorpus(0, 2000, 0), 10_000))
	ctx := context.Background()
	b.Run("cayley-iterator", func(b *testing.B) {
		n := 0
		for b.Loop() {
			it := s.qs.QuadsAllIterator().Iterate()
			for it.Next(ctx) {
				if _, err := s.qs.Quad(it.Result()); err != nil {
					b.Fatal(err)
				}
				n++
			}
			it.Close()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/quad")
	})
	b.Run("log-cursor", func(b *testing.B) {
		n := 0
		for b.Loop() {
			if err := s.EachQuad(ctx, func(quad.Quad) error { n++; return nil }); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/quad")
	})
}

// BenchmarkListingIndexCost measures on PostgreSQL (when
// NEWSGRAPH_TEST_POSTGRES is set) what the two listing indexes
// (ng_pos_horizon, ng_sp_horizon; sqllist.go) cost writes: the same 1000
// documents written into a store that has them and into one whose open
// dropped them, alternately, in batches as ingest writes. Each store
// first gets 1000 other documents, so that inserts land in indexes that
// are not empty.
func BenchmarkListingIndexCost(b *testing.B) {
	pre := batchByQuads(synthCorpus(0, 1000, 0), 20_000)
	batches := batchByQuads(synthCorpus(1000, 1000, 0), 20_000)
	_, n := quadBatches(synthCorpus(1000, 1000, 0), 20_000)
	var with, without time.Duration
	for i := 0; i < b.N; i++ {
		for _, drop := range []bool{false, true} {
			s, err := Open(context.Background(), postgresConfig(b))
			if err != nil {
				b.Fatal(err)
			}
			if drop {
				if _, err := s.db.Exec(`DROP INDEX ng_pos_horizon, ng_sp_horizon`); err != nil {
					b.Fatal(err)
				}
			}
			writeCorpus(b, s, pre)
			t0 := time.Now()
			writeCorpus(b, s, batches)
			if drop {
				without += time.Since(t0)
			} else {
				with += time.Since(t0)
			}
			s.Close()
		}
	}
	b.ReportMetric(float64(n*b.N)/with.Seconds(), "with-quads/s")
	b.ReportMetric(float64(n*b.N)/without.Seconds(), "without-quads/s")
	b.ReportMetric(without.Seconds()/with.Seconds(), "ratio")
}
