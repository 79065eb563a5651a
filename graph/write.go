package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Write statuses of a WriteResult.
const (
	StatusAdded     = "added"     // the document was new
	StatusReplaced  = "replaced"  // its text changed: old quads removed, new ones added
	StatusUnchanged = "unchanged" // same id and text hash: nothing written
	StatusFailed    = "failed"    // nothing written; see Err

	statusDeleted = "deleted" // internal: DeleteDocument's plan
)

// WriteResult reports what happened to one document of a WriteDocuments call.
type WriteResult struct {
	DocID  string
	Status string // added|replaced|unchanged|failed
	Quads  int    // quads the document now has in the store (0 when failed)
	Facts  int    // evidence nodes (one per fact and sentence)
	Err    error  // why it failed
}

// maxTxQuads bounds one transaction: larger batches are split between
// documents, never inside one. Cayley's KV store loads 10k+ quad batches
// about twice as fast as 1k ones; far larger ones only cost memory.
const maxTxQuads = 200_000

// maxRetries bounds how often a batch is re-planned after another process
// changed one of its documents between our read and our write (SQL backends).
const maxRetries = 3

// pending is one document planned for a transaction.
type pending struct {
	idx      int // index in the caller's slice
	doc      quad.IRI
	quads    []quad.Quad
	old      []quad.Quad // quads to remove (replacement)
	oldCount int         // quads stored when unchanged
	facts    int
	status   string
}

// WriteDocuments stores a batch of extractions. Each document is all or
// nothing: one whose quads fail validation is reported failed and the rest
// are written. Documents are grouped into as few transactions as possible
// (group commit). A document already stored with the same text hash is
// "unchanged"; one with a different hash has its quads replaced in the same
// transaction. The returned slice has one result per input, in order; a
// document that could not be written is "failed" with its error. The error
// is non-nil only when the context ended or the store could not be read;
// the results then say which documents were written before that.
//
// Several processes may write to one SQL store at once: each document's
// quads carry its own label, so writers only collide on the same document.
// Duplicate and missing quads are errors here (IgnoreDup/IgnoreMissing
// off), so the loser's transaction fails instead of silently skipping rows
// (which would also skew Cayley's node reference counts); it is then
// planned again from the store's new state (typically "unchanged"), up to
// three times, and finally document by document. Entities are single rows
// of Cayley's nodes table keyed by hash, shared by all writers.
func (s *Store) WriteDocuments(ctx context.Context, exts []schema.Extraction) ([]WriteResult, error) {
	results := make([]WriteResult, len(exts))
	now := time.Now()
	var plan []*pending
	for i, ext := range exts {
		results[i] = WriteResult{DocID: ext.Document.ID, Status: StatusFailed}
		if err := ValidateExtraction(ext); err != nil {
			results[i].Err = fmt.Errorf("document %q: %w", ext.Document.ID, err)
			continue
		}
		qs, facts := buildQuads(ext, now)
		plan = append(plan, &pending{idx: i, doc: iri(ext.Document.IRI()), quads: qs, facts: facts})
	}

	if err := s.checkWritable(); err != nil {
		markFailed(results, plan, err)
		return results, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.useCounts() && !s.haveCounts {
		if _, err := s.recount(ctx); err != nil {
			err = fmt.Errorf("graph: %w", err)
			markFailed(results, plan, err)
			return results, err
		}
	}

	// A batch naming one document twice is written in rounds, so that the
	// later version wins, as it would had the caller sent them one by one.
	for len(plan) > 0 {
		round, rest := splitRound(plan)
		plan = rest
		for len(round) > 0 {
			if err := ctx.Err(); err != nil {
				markFailed(results, round, err)
				markFailed(results, plan, err)
				return results, err
			}
			chunk, next := splitChunk(round)
			round = next
			err := s.writeChunk(ctx, chunk, results)
			// Per transaction, so resident pages are bounded by what one
			// transaction reads, not by the batch.
			s.autoRelease()
			if err != nil {
				markFailed(results, round, err)
				markFailed(results, plan, err)
				return results, err
			}
		}
	}
	return results, nil
}

// splitRound takes the longest prefix of plan with distinct documents.
func splitRound(plan []*pending) (round, rest []*pending) {
	seen := make(map[quad.IRI]bool, len(plan))
	for i, p := range plan {
		if seen[p.doc] {
			return plan[:i], plan[i:]
		}
		seen[p.doc] = true
	}
	return plan, nil
}

// splitChunk takes documents up to maxTxQuads quads (at least one document).
func splitChunk(round []*pending) (chunk, rest []*pending) {
	n := 0
	for i, p := range round {
		if i > 0 && n+len(p.quads) > maxTxQuads {
			return round[:i], round[i:]
		}
		n += len(p.quads)
	}
	return round, nil
}

func markFailed(results []WriteResult, ps []*pending, err error) {
	for _, p := range ps {
		results[p.idx].Status = StatusFailed
		results[p.idx].Quads, results[p.idx].Facts = 0, 0
		results[p.idx].Err = err
	}
}

// writeChunk writes a group of distinct documents in one transaction. If
// the transaction fails, it retries after re-reading the documents' state
// (another process may have written one of them), and finally writes them
// one by one so that one bad document cannot sink the others.
func (s *Store) writeChunk(ctx context.Context, chunk []*pending, results []WriteResult) error {
	var err error
	for attempt := 0; attempt < maxRetries; attempt++ {
		if err = s.planChunk(ctx, chunk); err != nil {
			return err
		}
		if err = s.apply(ctx, chunk); committed(err) {
			finish(chunk, results)
			return nil
		}
		if !retryable(err) {
			break
		}
		s.conflicts.Add(1)
	}
	if len(chunk) == 1 {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		markFailed(results, chunk, fmt.Errorf("document %s: write: %w", chunk[0].doc, err))
		return nil
	}
	for _, p := range chunk {
		if err := s.writeChunk(ctx, []*pending{p}, results); err != nil {
			return err
		}
	}
	return nil
}

// retryable reports whether a failed transaction may succeed when planned
// again: a concurrent writer added or removed quads we expected absent or
// present, or the database aborted us for a conflict.
func retryable(err error) bool {
	return errors.Is(err, cgraph.ErrQuadExists) || errors.Is(err, cgraph.ErrQuadNotExist) || isSQLConflict(err)
}

// planChunk reads each document's stored state and decides its status.
func (s *Store) planChunk(ctx context.Context, chunk []*pending) error {
	if s.db != nil {
		return s.sqlPlanChunk(ctx, chunk)
	}
	for _, p := range chunk {
		p.old, p.oldCount, p.status = nil, 0, StatusAdded
		ref, err := s.refOf(p.doc)
		if err != nil {
			return fmt.Errorf("graph: read %s: %w", p.doc, err)
		}
		if ref == nil {
			continue // the document node does not exist: a new document
		}
		stored, err := s.subjectValues(ctx, p.doc, iri(schema.PredHash), p.doc)
		if err != nil {
			return fmt.Errorf("graph: read %s: %w", p.doc, err)
		}
		if len(stored) == 1 && stored[0] == hashOf(p.doc, p.quads) {
			// Count, not load: re-ingesting a large corpus mostly lands here.
			n := 0
			if err := s.eachRef(ctx, quad.Label, p.doc, func(cgraph.Ref) error { n++; return nil }); err != nil {
				return fmt.Errorf("graph: read %s: %w", p.doc, err)
			}
			p.status, p.oldCount = StatusUnchanged, n
			continue
		}
		if err := s.loadOld(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// loadOld reads the quads p's document has stored, to be replaced: the
// planned state of a document whose text changed (or whose hash cannot be
// trusted). A label with no quads left stays a new document.
func (s *Store) loadOld(ctx context.Context, p *pending) error {
	old, err := s.labelQuads(ctx, p.doc)
	if err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	if len(old) > 0 {
		p.old, p.status = old, StatusReplaced
	}
	return nil
}

// hashOf finds the ng:hash value among a document's quads.
func hashOf(doc quad.IRI, qs []quad.Quad) quad.Value {
	for _, q := range qs {
		if q.Subject == doc && q.Predicate == iri(schema.PredHash) {
			return q.Object
		}
	}
	return nil
}

// apply writes the planned documents in one transaction. Duplicates and
// missing quads are errors here: with each document under its own label,
// they only occur when another writer changed the same document, and the
// caller then re-plans.
func (s *Store) apply(ctx context.Context, chunk []*pending) error {
	n := 0
	for _, p := range chunk {
		if p.status != StatusUnchanged {
			n += len(p.quads) + len(p.old)
		}
	}
	if n == 0 {
		return nil
	}
	tx := cgraph.NewTransactionN(n + 6)
	for _, p := range chunk {
		if p.status != StatusUnchanged {
			addReplacement(tx, p.old, p.quads)
		}
	}
	return s.commitCounted(ctx, tx, chunk)
}

// addReplacement adds to tx the removal of old and the addition of quads,
// leaving out the quads in both, so a replacement only touches what
// changed. Quads are compared in N-Quads form, as Cayley identifies
// values, not as Go values: a time read back from the store may differ in
// representation from the same time built here.
func addReplacement(tx *cgraph.Transaction, old, quads []quad.Quad) {
	if len(old) == 0 {
		for _, q := range quads {
			tx.AddQuad(q)
		}
		return
	}
	keep := make(map[string]bool, len(quads))
	for _, q := range quads {
		keep[q.String()] = true
	}
	stay := make(map[string]bool, len(old))
	for _, q := range old {
		k := q.String()
		if keep[k] {
			stay[k] = true
			continue
		}
		tx.RemoveQuad(q)
	}
	for _, q := range quads {
		if !stay[q.String()] {
			tx.AddQuad(q)
		}
	}
}

// commitCounted applies tx, with the update of the running counts for the
// planned documents in the same transaction on stores that keep them.
func (s *Store) commitCounted(ctx context.Context, tx *cgraph.Transaction, chunk []*pending) error {
	if !s.useCounts() {
		return s.applyDeltas(ctx, tx.Deltas)
	}
	d, err := s.chunkDelta(ctx, chunk)
	if err != nil {
		return fmt.Errorf("graph: count: %w", err)
	}
	n := countUpdate(tx, s.counts, d)
	// The labels' node ids before the write, which may delete the nodes.
	labels, err := s.labelIDs(labelsRemoving(tx.Deltas))
	if err != nil {
		return fmt.Errorf("graph: read labels: %w", err)
	}
	err = s.applyDeltas(ctx, tx.Deltas)
	if err != nil && !errors.Is(err, errBallast) {
		return err
	}
	s.statsMu.Lock()
	s.counts = n
	s.statsMu.Unlock()
	if perr := s.pruneLabels(ctx, labels); perr != nil && err == nil {
		// The write is committed and whole; only index entries keep dead
		// ids, as Cayley leaves them.
		err = fmt.Errorf("%w: %w", errCommittedUnpruned, perr)
	}
	return err
}

// committed reports whether a write's error still means the write is
// committed (and so not to be retried or reported failed).
func committed(err error) bool {
	return err == nil || errors.Is(err, errBallast) || errors.Is(err, errCommittedUnpruned)
}

// errCommittedUnpruned reports a committed write after which deleted
// quads' ids could not be taken out of the index entries.
var errCommittedUnpruned = errors.New("graph: write committed, but deleted quads stay listed in index entries")

// applyDeltas applies adds and removes atomically. On PostgreSQL it
// writes them in bulk (sqlwrite.go).
//
// Cayley's KV store loses the node ids of quads it adds when one of their
// nodes loses more references than it gains in the same call (it resolves
// ids only for nodes whose count goes up): the new quads come back with
// nil directions. A replacement that shrinks a document does exactly that
// to the document node. So for KV stores we add, in the same transaction,
// "ballast" quads that give each such node the missing references, and
// remove them right after. A crash in between leaves only ballast quads
// (label <ng:ballast>), which Open removes; the document itself is whole.
func (s *Store) applyDeltas(ctx context.Context, deltas []cgraph.Delta) error {
	if len(deltas) == 0 {
		return nil
	}
	if s.db != nil {
		return s.sqlApplyDeltas(ctx, deltas)
	}
	var ballast []quad.Quad
	if s.isKV() && hasDelete(deltas) {
		ballast = kvBallast(deltas)
		for _, q := range ballast {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		return err
	}
	if len(ballast) == 0 {
		return nil
	}
	rm := make([]cgraph.Delta, len(ballast))
	for i, q := range ballast {
		rm[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	if err := s.qs.ApplyDeltas(rm, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		// The write itself is committed; Open removes the leftovers.
		return fmt.Errorf("%w: %w", errBallast, err)
	}
	return nil
}

// errBallast reports a committed write whose ballast quads could not be
// removed afterwards.
var errBallast = errors.New("graph: write committed, but temporary quads remain until the store is reopened")

func hasDelete(deltas []cgraph.Delta) bool {
	for _, d := range deltas {
		if d.Action == cgraph.Delete {
			return true
		}
	}
	return false
}

// ballastLabel labels the temporary quads of applyDeltas.
const ballastLabel = "ng:ballast"

// kvBallast returns the quads that keep every node of an added quad from
// a net loss of references in one ApplyDeltas call. Only values of removed
// quads can lose references, so only those are tracked; values are keyed
// by their N-Quads form, which is what Cayley hashes to identify a node.
func kvBallast(deltas []cgraph.Delta) []quad.Quad {
	net := make(map[string]int)
	for _, d := range deltas {
		if d.Action != cgraph.Delete {
			continue
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil {
				net[v.String()]--
			}
		}
	}
	if len(net) == 0 {
		return nil
	}
	added := make(map[string]quad.Value)
	for _, d := range deltas {
		if d.Action != cgraph.Add {
			continue
		}
		for _, dir := range quad.Directions {
			v := d.Quad.Get(dir)
			if v == nil {
				continue
			}
			k := v.String()
			if _, tracked := net[k]; tracked {
				net[k]++
				added[k] = v
			}
		}
	}
	var out []quad.Quad
	for k, v := range added {
		// Each ballast quad references v twice (subject and object).
		for i := 0; i < (-net[k]+1)/2; i++ {
			out = append(out, quad.Quad{Subject: v, Predicate: iri(fmt.Sprintf("%s/%d", ballastLabel, i)), Object: v, Label: iri(ballastLabel)})
		}
	}
	return out
}

// removeBallast deletes ballast quads a crash left behind.
func (s *Store) removeBallast(ctx context.Context) error {
	old, err := s.labelQuads(ctx, iri(ballastLabel))
	if err != nil || len(old) == 0 {
		return err
	}
	rm := make([]cgraph.Delta, len(old))
	for i, q := range old {
		rm[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	return s.qs.ApplyDeltas(rm, cgraph.IgnoreOpts{IgnoreMissing: true})
}

func finish(chunk []*pending, results []WriteResult) {
	for _, p := range chunk {
		r := &results[p.idx]
		r.Status, r.Err = p.status, nil
		r.Facts = p.facts
		if p.status == StatusUnchanged {
			r.Quads = p.oldCount
		} else {
			r.Quads = len(p.quads)
		}
	}
}

// DeleteDocument removes exactly the quads labelled with the document and
// returns how many it removed. An unknown id gives an error wrapping
// ErrNotFound.
func (s *Store) DeleteDocument(ctx context.Context, id string) (int, error) {
	doc := iri(schema.DocIRI(id))
	if err := s.checkWritable(); err != nil {
		return 0, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	defer s.autoRelease()
	if s.useCounts() && !s.haveCounts {
		if _, err := s.recount(ctx); err != nil {
			return 0, fmt.Errorf("graph: %w", err)
		}
	}
	var err error
	for attempt := 0; attempt < maxRetries; attempt++ {
		var old []quad.Quad
		old, err = s.labelQuads(ctx, doc)
		if err != nil {
			return 0, fmt.Errorf("graph: delete %s: %w", id, err)
		}
		if len(old) == 0 {
			return 0, fmt.Errorf("graph: document %q: %w", id, ErrNotFound)
		}
		tx := cgraph.NewTransactionN(len(old) + 6)
		for _, q := range old {
			tx.RemoveQuad(q)
		}
		p := &pending{doc: doc, old: old, status: statusDeleted}
		if err = s.commitCounted(ctx, tx, []*pending{p}); committed(err) {
			return len(old), nil
		}
		if !retryable(err) {
			break
		}
		s.conflicts.Add(1)
	}
	return 0, fmt.Errorf("graph: delete %s: %w", id, err)
}

// PutLabel writes quads under one label in one transaction, for imports
// of quads that are not extractions (curated facts, another store's
// documents). With replace, the label's current quads are replaced by
// these (a document label: the document is replaced atomically); without,
// the quads are added to what the label holds. Each quad's own label is
// ignored. Running counts follow. The labels graph keeps for itself
// (<ng:stats>, <ng:ballast>) are refused.
func (s *Store) PutLabel(ctx context.Context, label quad.Value, quads []quad.Quad, replace bool) error {
	l, ok := label.(quad.IRI)
	if !ok || l == "" {
		return fmt.Errorf("graph: put label %v: a label must be an IRI", label)
	}
	if l == iri(countsLabel) || l == iri(ballastLabel) {
		return fmt.Errorf("graph: put label %s: reserved for the store's bookkeeping", l)
	}
	b := quadBuilder{label: l, seen: make(map[quad.Quad]struct{}, len(quads))}
	for i, q := range quads {
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			return fmt.Errorf("graph: put label %s: quad %d is incomplete: %v", l, i, q)
		}
		b.add(q.Subject, q.Predicate, q.Object)
	}
	if err := s.checkWritable(); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	defer s.autoRelease()
	if s.useCounts() && !s.haveCounts {
		if _, err := s.recount(ctx); err != nil {
			return fmt.Errorf("graph: %w", err)
		}
	}
	var err error
	for attempt := 0; attempt < maxRetries; attempt++ {
		var old []quad.Quad
		if old, err = s.labelQuads(ctx, l); err != nil {
			return fmt.Errorf("graph: put label %s: %w", l, err)
		}
		p := &pending{doc: l, old: old, quads: b.quads, status: StatusReplaced}
		if !replace {
			// Adding is replacing by the union: in the transaction the
			// quads already there cancel out.
			p.quads = append(slices.Clone(old), b.quads...)
			p.quads = dedupQuads(p.quads)
		}
		tx := cgraph.NewTransactionN(len(p.old) + len(p.quads) + 6)
		addReplacement(tx, p.old, p.quads)
		if err = s.commitCounted(ctx, tx, []*pending{p}); committed(err) {
			return nil
		}
		if !retryable(err) {
			break
		}
		s.conflicts.Add(1)
	}
	return fmt.Errorf("graph: put label %s: %w", l, err)
}

func dedupQuads(qs []quad.Quad) []quad.Quad {
	seen := make(map[string]bool, len(qs))
	out := qs[:0]
	for _, q := range qs {
		k := q.String()
		if !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	return out
}
