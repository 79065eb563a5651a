package graph

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/schema"
)

// boltConfig is a fresh bolt store's config. Unless keep, mapped pages
// are released after every write (a limit of 1 byte).
func boltConfig(t testing.TB, keep bool) Config {
	return Config{Path: t.TempDir() + "/db", Options: map[string]any{"nosync": true}, KeepMapped: keep, MappedLimit: 1}
}

// TestReleaseMappedKeepsContents writes, replaces and deletes the same
// documents in a store that releases its mapped pages after every write
// (and explicitly in between) and in one that keeps them: both must hold
// the same quads.
func TestReleaseMappedKeepsContents(t *testing.T) {
	ctx := context.Background()
	rel := openStore(t, boltConfig(t, false))
	keep := openStore(t, boltConfig(t, true))
	if rel.mapped == nil || rel.mapped.auto != releaseSupported || keep.mapped == nil || keep.mapped.auto {
		t.Fatalf("mapped: release store %+v, keep store %+v", rel.mapped, keep.mapped)
	}
	apply := func(fn func(s *Store)) {
		fn(rel)
		if err := rel.ReleaseMapped(); err != nil {
			t.Fatalf("ReleaseMapped: %v", err)
		}
		fn(keep)
	}
	corpus := synthCorpus(0, 150, 0)
	for i := 0; i < len(corpus); i += 25 {
		apply(func(s *Store) { write(t, s, corpus[i:i+25]...) })
	}
	// Replacements shrink and grow documents: removals and additions.
	apply(func(s *Store) { write(t, s, synthCorpus(20, 30, 1)...) })
	for _, id := range []string{"syn-000003", "syn-000077", "syn-000149"} {
		apply(func(s *Store) {
			if _, err := s.DeleteDocument(ctx, id); err != nil {
				t.Fatalf("DeleteDocument %s: %v", id, err)
			}
		})
	}
	got := withoutIngestedAt(storeQuads(t, rel))
	want := withoutIngestedAt(storeQuads(t, keep))
	if len(want) < 1000 {
		t.Fatalf("only %d quads stored", len(want))
	}
	if d := diffLines(got, want); d != "" {
		t.Fatalf("store with releases differs from store without:\n%s", d)
	}
	if releaseSupported {
		// Automatic ones after each write plus the explicit ones.
		if n := rel.mapped.releases.Load(); n < 20 {
			t.Errorf("%d releases, want at least 20", n)
		}
		if n := keep.mapped.releases.Load(); n != 0 {
			t.Errorf("KeepMapped store released %d times", n)
		}
	}
}

// TestReleaseMappedConcurrentReaders reads documents while a writer grows
// the store and pages are released after every write and in a loop of
// their own. With bolt's own map growth ("remaps") the writer remaps the
// file under the readers; those then read with one transaction at a time,
// because bolt deadlocks a reader nesting two of them against a remap
// (see Config.MmapSize). With the default map ("no remaps") readers nest,
// as Cayley's iterators and graph's own reads do. Run it with
// go test -race -gcflags=all=-d=checkptr=0 (bolt fails checkptr).
func TestReleaseMappedConcurrentReaders(t *testing.T) {
	ctx := context.Background()
	corpus := synthCorpus(0, 240, 0)
	for _, c := range []struct {
		name     string
		mmapSize int64
		read     func(s *Store, doc schema.Document) error
	}{
		{"remaps", -1, func(s *Store, doc schema.Document) error {
			ref, err := s.qs.ValueOf(iri(schema.DocIRI(doc.ID)))
			if err != nil || ref == nil {
				return fmt.Errorf("ValueOf %s: %v, %v", doc.ID, ref, err)
			}
			v, err := s.qs.NameOf(ref)
			if err != nil || v != iri(schema.DocIRI(doc.ID)) {
				return fmt.Errorf("NameOf %s: %v, %v", doc.ID, v, err)
			}
			return nil
		}},
		{"no remaps", 0, func(s *Store, doc schema.Document) error {
			info, err := s.Document(ctx, doc.ID)
			if err != nil {
				return fmt.Errorf("Document %s: %w", doc.ID, err)
			}
			if info.Title != doc.Title || info.Quads == 0 {
				return fmt.Errorf("Document %s: title %q, %d quads; want %q", doc.ID, info.Title, info.Quads, doc.Title)
			}
			return nil
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := boltConfig(t, false)
			cfg.MmapSize = c.mmapSize
			s := openStore(t, cfg)
			startBefore, lenBefore := s.mapped.db.Info().Data, mappingLen(t, s)

			var written atomic.Int64 // documents of corpus stored so far
			stop := make(chan struct{})
			var wg sync.WaitGroup
			var readErr atomic.Value
			fail := func(err error) { readErr.CompareAndSwap(nil, err) }
			reads := make([]int, 2)
			for r := range reads {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := r; ; i += 7 {
						select {
						case <-stop:
							return
						default:
						}
						n := int(written.Load())
						if n == 0 {
							runtime.Gosched()
							continue
						}
						if err := c.read(s, corpus[i%n].Document); err != nil {
							fail(err)
							return
						}
						reads[r]++
						if i%5 == 0 {
							if st, err := s.Stats(ctx); err != nil || st.Documents < int64(n) {
								fail(fmt.Errorf("Stats with %d written: %+v, %v", n, st, err))
								return
							}
						}
					}
				}()
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					if err := s.ReleaseMapped(); err != nil {
						fail(err)
						return
					}
				}
			}()
			for i := 0; i < len(corpus); i += 12 {
				write(t, s, corpus[i:i+12]...)
				written.Store(int64(i + 12))
			}
			close(stop)
			wg.Wait()
			if err, _ := readErr.Load().(error); err != nil {
				t.Fatal(err)
			}
			if reads[0]+reads[1] < 10 {
				t.Errorf("readers only read %v times", reads)
			}
			startAfter, lenAfter := s.mapped.db.Info().Data, mappingLen(t, s)
			t.Logf("%d reads; mapping %#x+%d → %#x+%d", reads[0]+reads[1], startBefore, lenBefore, startAfter, lenAfter)
			if releaseSupported {
				if c.mmapSize < 0 && lenAfter <= lenBefore {
					t.Errorf("bolt's mapping did not grow (%d → %d bytes): no remap was exercised", lenBefore, lenAfter)
				}
				if c.mmapSize == 0 && (startAfter != startBefore || lenAfter != lenBefore || lenBefore != DefaultMmapSize) {
					t.Errorf("default map %#x+%d became %#x+%d: bolt remapped", startBefore, lenBefore, startAfter, lenAfter)
				}
			}
			storeQuads(t, s) // counts agree with a scan
		})
	}
}

// TestMappedLimit: below the limit nothing is released after writes; above
// it the watcher releases without any write.
func TestMappedLimit(t *testing.T) {
	if !releaseSupported {
		t.Skip("SKIPPED: releasing mapped pages is Linux only")
	}
	cfg := boltConfig(t, false)
	cfg.MappedLimit = 1 << 50
	s := openStore(t, cfg)
	write(t, s, synthCorpus(0, 30, 0)...)
	storeQuads(t, s)
	if n := s.mapped.releases.Load(); n != 0 {
		t.Errorf("%d releases under the limit", n)
	}
	s.Close()

	cfg.MappedLimit = 1
	s = openStore(t, cfg)
	n0 := s.mapped.releases.Load()
	deadline := time.Now().Add(10 * time.Second)
	for s.mapped.releases.Load() == n0 {
		if time.Now().After(deadline) {
			t.Fatalf("the watcher did not release within 10 s (limit 1 byte)")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
