package graph

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// restoreBatch is the number of quads Restore writes per transaction:
// Cayley's KV store loads batches of 10k+ quads about twice as fast as 1k.
const restoreBatch = 10_000

// maxRestoreBatch cuts even inside a label, bounding memory.
const maxRestoreBatch = 20 * restoreBatch

// Backup writes every quad of the store, labels included, as N-Quads to w.
// Wrap w in a gzip.Writer for a compressed backup; Restore detects gzip.
// Writes from this process wait until the backup is done, so it is a
// consistent snapshot on bolt (which no other process can open).
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	enc := nquads.NewWriter(w)
	err := s.EachQuad(ctx, func(q quad.Quad) error {
		return enc.WriteQuad(q)
	})
	if err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	return nil
}

// Restore reads N-Quads (plain or gzip-compressed) from r and adds every
// quad the store does not already hold, so restoring into a new store
// gives the backed-up quad set, and running Restore again after an
// interruption completes it. Quads are written in transactions of about
// 10k, cut between labels.
func (s *Store) Restore(ctx context.Context, r io.Reader) error {
	if err := s.checkWritable(); err != nil {
		return err
	}
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("graph: restore: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	dec := nquads.NewReader(br, false)
	defer dec.Close()

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	// Restored quads are not counted as they are written: drop the running
	// counts; the next Stats recounts.
	if err := s.dropCounts(ctx); err != nil {
		return err
	}
	batch := make([]quad.Quad, 0, restoreBatch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		tx := cgraph.NewTransactionN(len(batch))
		for _, q := range batch {
			tx.AddQuad(q)
		}
		batch = batch[:0]
		defer s.autoRelease()
		return s.qs.ApplyDeltas(tx.Deltas, cgraph.IgnoreOpts{IgnoreDup: true})
	}
	line := 0
	layout1 := false
	for {
		q, err := dec.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		line++
		if err != nil {
			return fmt.Errorf("graph: restore: quad %d: %w", line, err)
		}
		if !q.IsValid() {
			return fmt.Errorf("graph: restore: quad %d is incomplete: %v", line, q)
		}
		// Cut batches between labels, not inside one: a document's quads,
		// contiguous in a backup of documents written whole, land in one
		// transaction.
		if q.Label == iri(countsLabel) || q.Label == iri(ballastLabel) {
			return fmt.Errorf("graph: restore: quad %d: label %s is reserved for the store's bookkeeping", line, q.Label)
		}
		if len(batch) >= restoreBatch && q.Label != batch[len(batch)-1].Label || len(batch) >= maxRestoreBatch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := flush(); err != nil {
				return fmt.Errorf("graph: restore: %w", err)
			}
		}
		if isLayout1(q) {
			layout1 = true
		}
		batch = append(batch, q)
	}
	if err := flush(); err != nil {
		return fmt.Errorf("graph: restore: %w", err)
	}
	if layout1 {
		// A backup of a layout-1 store: its documents are restored as they
		// were, and the store is marked as needing migration, so no reader
		// answers from it before `newsgraph migrate`.
		err := s.qs.ApplyDeltas([]cgraph.Delta{{Quad: LayoutQuad(), Action: cgraph.Delete}}, cgraph.IgnoreOpts{IgnoreMissing: true})
		if err != nil {
			return fmt.Errorf("graph: restore: %w", err)
		}
		return fmt.Errorf("graph: restore: %w: the backup's documents are restored; run `newsgraph migrate` on the store before using it", ErrOldLayout)
	}
	return nil
}
