// Package pipeline runs the ingest path end to end: documents are read as a
// stream, extracted in parallel (one worker per core, sharing one read-only
// NLP model), and written to the graph in group commits that keep each
// document all-or-nothing. It is the only package that knows both ingest and
// graph, so that neither has to know the other.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// ReadFunc streams documents; a document that cannot be read is passed with
// a non-nil error and the stream goes on. ingest.Read has this shape.
type ReadFunc func(ctx context.Context, paths []string, fn func(schema.Document, error) error) error

// Extractor turns a document into facts. It must be safe for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, doc schema.Document) (schema.Extraction, error)
}

// Store is what the pipeline needs of the graph.
type Store interface {
	WriteDocuments(ctx context.Context, exts []schema.Extraction) ([]graph.WriteResult, error)
	DocumentHashes(ctx context.Context) (map[string]string, error)
	// DocumentTextKeys and AddDocumentCopies store a story once: see
	// Summary.Duplicates.
	DocumentTextKeys(ctx context.Context) (map[string]string, error)
	AddDocumentCopies(ctx context.Context, id string, copies []schema.Document) error
}

// Options tune a run. Zero values pick sensible defaults.
type Options struct {
	Workers int // extraction workers; default GOMAXPROCS
	// BatchQuads closes a group commit once it holds about this many quads;
	// Cayley's KV stores load 10k+ quad batches about twice as fast as 1k.
	BatchQuads int
	// BatchDocs caps the documents of one group commit.
	BatchDocs int
	// MaxDelay bounds how long an extracted document waits for its batch
	// to fill, so a slow trickle of documents is still stored promptly.
	MaxDelay time.Duration
	// SkipUnchanged skips extraction for documents whose id and text hash are
	// already stored: a re-run after an interruption resumes where it stopped.
	SkipUnchanged bool
	// Progress, if set, is called after every written batch.
	Progress func(Progress)
}

// Progress is reported after each batch.
type Progress struct {
	Documents int // documents finished (written, unchanged, skipped or failed)
	Bytes     int64
}

// Failure names a document or file that could not be read, extracted or
// written, with why.
type Failure struct {
	Name string
	Err  error
}

func (f Failure) Error() string {
	// Readers often name the file in their errors already.
	if f.Err != nil && strings.Contains(f.Err.Error(), f.Name) {
		return f.Err.Error()
	}
	return fmt.Sprintf("%s: %v", f.Name, f.Err)
}

// Summary is the outcome of a run.
type Summary struct {
	Documents int // documents read
	Added     int
	Replaced  int
	Unchanged int // same id and text as stored: nothing written
	Failed    int
	Facts     int // facts written
	Rejected  int // facts the schema refused
	Quads     int // quads written
	Words     int // words of text extracted
	Elapsed   time.Duration
	Failures  []Failure
	// Duplicates are documents whose text, white space normalised, is a
	// document's already stored or read before them: they are not stored
	// again but listed on that document (ng:copy, with their source and
	// URL), so an answer never repeats for copies of one story.
	Duplicates []Duplicate
	// NearDuplicates are pairs of this run's documents with nearly the
	// same text; both are stored.
	NearDuplicates []NearDuplicate
}

// Duplicate is a document stored as a copy of another.
type Duplicate struct {
	ID string // the copy's id
	Of string // the id of the document stored with its text
}

type extracted struct {
	ext   schema.Extraction
	name  string
	err   error
	skip  bool
	dupOf string // id of the document with the same text
	size  int
}

// Run reads paths, extracts and stores every document, and returns what
// happened. Per-document problems are collected in the summary; the error
// is for failures that stop the whole run (the store is unwritable, or ctx
// was cancelled). On cancellation the documents already extracted are still
// written, so an interrupted run stops at a batch boundary.
func Run(ctx context.Context, read ReadFunc, paths []string, ex Extractor, st Store, opt Options) (Summary, error) {
	start := time.Now()
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.BatchQuads <= 0 {
		opt.BatchQuads = 20000
	}
	if opt.BatchDocs <= 0 {
		opt.BatchDocs = 500
	}
	if opt.MaxDelay <= 0 {
		opt.MaxDelay = 2 * time.Second
	}
	// First id of each text key: the stored documents', then this run's.
	firstOf, err := st.DocumentTextKeys(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("listing stored documents: %w", err)
	}
	storedCopyTargets := map[string]bool{}
	for _, id := range firstOf {
		storedCopyTargets[id] = true
	}
	near := newNearDups()
	stored := map[string]string{}
	if opt.SkipUnchanged {
		var err error
		if stored, err = st.DocumentHashes(ctx); err != nil {
			return Summary{}, fmt.Errorf("listing stored documents: %w", err)
		}
	}

	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	docs := make(chan extracted, opt.Workers*2)
	var readErr error
	go func() {
		defer close(docs)
		readErr = read(readCtx, paths, func(d schema.Document, err error) error {
			item := extracted{ext: schema.Extraction{Document: d}, name: docName(d), err: err, size: len(d.Text)}
			if err == nil {
				k := d.TextKey()
				if first, ok := firstOf[k]; ok && first != d.ID {
					item.dupOf = first
				} else if !ok {
					firstOf[k] = d.ID
				}
				if sig, ok := minhash(d.Text); ok && item.dupOf == "" {
					near.add(item.name, sig)
				}
			}
			if err == nil && item.dupOf == "" && opt.SkipUnchanged && stored[d.ID] == d.Hash() {
				item.skip = true
			}
			select {
			case docs <- item:
				return nil
			case <-readCtx.Done():
				return readCtx.Err()
			}
		})
	}()

	results := make(chan extracted, opt.Workers*2)
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for item := range docs {
				if item.err == nil && !item.skip && item.dupOf == "" {
					// Extraction is not interrupted by ctx: a document
					// already started finishes, so the last batch is whole.
					x, err := ex.Extract(context.WithoutCancel(ctx), item.ext.Document)
					if err != nil {
						item.err = fmt.Errorf("extracting: %w", err)
					} else {
						item.ext = x
					}
				}
				results <- item
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var sum Summary
	copies := map[string][]schema.Document{} // document id → its copies
	written := map[string]bool{}             // ids stored by this run or unchanged

	// Group commits run on a goroutine of their own, one at a time and in
	// order, while this loop goes on collecting the next batch from the
	// workers: on PostgreSQL a commit takes about as long as extracting
	// the batch, and waiting for it kept the workers idle (they block
	// once results is full). Each batch is still one WriteDocuments call
	// (one transaction per group commit, each document all or nothing),
	// and batches are written in the order they were collected, so a
	// resumed run sees every document of a written batch or none. The
	// writer owns sum's write counts, written and writeErr until it is
	// done; sent is unbuffered, so at most one batch waits while another
	// commits.
	type pending struct {
		exts  []schema.Extraction
		bytes int64 // bytes read when the batch was closed (Progress)
	}
	sent := make(chan pending)
	var writeErr error
	var wsum Summary               // the writer's counts, merged into sum when it is done
	wwritten := map[string]bool{}  // the writer's written ids, merged likewise
	var doneElsewhere atomic.Int64 // documents this loop finished (Progress)
	var failedWrite atomic.Bool
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for p := range sent {
			if writeErr != nil {
				continue // as before: nothing more is written after a failed commit
			}
			// A batch that has been extracted is written even after a
			// cancel: a clean shutdown finishes the current batch.
			res, err := st.WriteDocuments(context.WithoutCancel(ctx), p.exts)
			if err != nil {
				writeErr = fmt.Errorf("writing %d documents: %w", len(p.exts), err)
				failedWrite.Store(true)
				for _, x := range p.exts {
					wsum.Failed++
					wsum.Failures = append(wsum.Failures, Failure{Name: docName(x.Document), Err: err})
				}
				stopReading()
			}
			for i, r := range res {
				switch r.Status {
				case "added":
					wsum.Added++
					wwritten[r.DocID] = true
				case "replaced":
					wsum.Replaced++
					wwritten[r.DocID] = true
				case "unchanged":
					wsum.Unchanged++
					wwritten[r.DocID] = true
					continue
				default:
					wsum.Failed++
					name := r.DocID
					if i < len(p.exts) {
						name = docName(p.exts[i].Document)
					}
					wsum.Failures = append(wsum.Failures, Failure{Name: name, Err: r.Err})
					continue
				}
				wsum.Facts += r.Facts
				wsum.Quads += r.Quads
			}
			if opt.Progress != nil {
				opt.Progress(Progress{Documents: wsum.Added + wsum.Replaced + wsum.Unchanged + wsum.Failed + int(doneElsewhere.Load()), Bytes: p.bytes})
			}
		}
	}()

	var batch []schema.Extraction
	batchQuads := 0
	var bytes int64
	var batchStart time.Time
	flush := func() {
		if len(batch) == 0 || failedWrite.Load() {
			return
		}
		sent <- pending{exts: batch, bytes: bytes}
		batch, batchQuads = nil, 0
	}
	for item := range results {
		bytes += int64(item.size)
		if item.err != nil {
			sum.Documents++
			sum.Failed++
			sum.Failures = append(sum.Failures, Failure{Name: failureName(item), Err: item.err})
			doneElsewhere.Add(1)
			continue
		}
		sum.Documents++
		if item.dupOf != "" {
			d := item.ext.Document
			sum.Duplicates = append(sum.Duplicates, Duplicate{ID: d.ID, Of: item.dupOf})
			copies[item.dupOf] = append(copies[item.dupOf], schema.Document{ID: d.ID, Source: d.Source, URL: d.URL})
			doneElsewhere.Add(1)
			continue
		}
		if item.skip {
			sum.Unchanged++
			written[item.ext.Document.ID] = true
			doneElsewhere.Add(1)
			continue
		}
		sum.Words += len(strings.Fields(item.ext.Document.Text))
		sum.Rejected += len(item.ext.Rejected)
		batch = append(batch, item.ext)
		// Entities cost about four quads each, facts about twelve.
		batchQuads += 4*len(item.ext.Entities) + 12*len(item.ext.Facts) + 8
		if len(batch) == 1 {
			batchStart = time.Now()
		}
		if batchQuads >= opt.BatchQuads || len(batch) >= opt.BatchDocs || time.Since(batchStart) >= opt.MaxDelay {
			flush()
		}
	}
	flush()
	close(sent)
	<-writerDone
	sum.Added, sum.Replaced = wsum.Added, wsum.Replaced
	sum.Unchanged += wsum.Unchanged
	sum.Failed += wsum.Failed
	sum.Failures = append(sum.Failures, wsum.Failures...)
	sum.Facts, sum.Quads = wsum.Facts, wsum.Quads
	for id := range wwritten {
		written[id] = true
	}
	if writeErr == nil {
		writeErr = addCopies(context.WithoutCancel(ctx), st, copies, func(id string) bool { return written[id] || storedCopyTargets[id] }, &sum)
	}
	sum.NearDuplicates = near.result()
	sort.Slice(sum.Duplicates, func(i, j int) bool {
		a, b := sum.Duplicates[i], sum.Duplicates[j]
		return a.Of < b.Of || a.Of == b.Of && a.ID < b.ID
	})
	sum.Elapsed = time.Since(start)
	if writeErr != nil {
		return sum, writeErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return sum, fmt.Errorf("reading: %w", readErr)
	}
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("ingest interrupted: %w", err)
	}
	return sum, nil
}

// addCopies lists each duplicate on the document stored with its text. A
// duplicate of a document that failed is a failure too: its text was not
// stored.
func addCopies(ctx context.Context, st Store, copies map[string][]schema.Document, stored func(string) bool, sum *Summary) error {
	ids := make([]string, 0, len(copies))
	for id := range copies {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !stored(id) {
			for _, c := range copies[id] {
				sum.Failed++
				sum.Failures = append(sum.Failures, Failure{Name: c.ID, Err: fmt.Errorf("same text as %s, which was not stored", id)})
			}
			continue
		}
		if err := st.AddDocumentCopies(ctx, id, copies[id]); err != nil {
			return fmt.Errorf("listing copies: %w", err)
		}
	}
	return nil
}

func docName(d schema.Document) string {
	if d.Path != "" && d.ID != "" && !strings.Contains(d.Path, d.ID) {
		return d.Path + "#" + d.ID
	}
	if d.Path != "" {
		return d.Path
	}
	return d.ID
}

func failureName(item extracted) string {
	if item.name != "" {
		return item.name
	}
	return "(unnamed document)"
}
