package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/lib/pq"
)

// Bulk writes on PostgreSQL, beside Cayley's SQL layer.
//
// Cayley's PostgreSQL backend sends one prepared INSERT per node and per
// quad and one DELETE per removed quad: a round trip per row, which capped
// ingest at ~9k quads/s (BENCHMARKS.md). sqlApplyDeltas writes the same
// rows to the same tables (Cayley reads them back unchanged) in a few
// statements per transaction: nodes by COPY into a staging table and one
// INSERT … SELECT … ON CONFLICT (their reference counts add up, as in
// Cayley), quads by COPY, removed
// quads and reference decrements as multi-row statements joined on a
// VALUES list. It keeps Cayley's semantics: one transaction, every step
// in Cayley's order (nodes up, quads in, quads out, nodes down, nodes
// without references deleted), a duplicate quad fails the transaction
// (unique violation, retried by WriteDocuments) and a missing one too
// (cgraph.ErrQuadNotExist).

// maxSQLParams keeps one statement under PostgreSQL's 65 535 bind
// parameters.
const maxSQLParams = 60_000

// nodeColumns are the columns of Cayley's nodes table a row sets; a value
// fills the ones its type uses (csql.NodeValues) and leaves the rest NULL.
var nodeColumns = []string{"hash", "refs", "value", "value_string", "datatype", "language", "iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

// sqlApplyDeltas applies adds and removes atomically in one transaction.
func (s *Store) sqlApplyDeltas(ctx context.Context, in []cgraph.Delta) error {
	d := graphlog.SplitDeltas(in)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := insertNodes(ctx, tx, d.IncNode); err != nil {
		return err
	}
	if err := copyQuads(ctx, tx, d.QuadAdd); err != nil {
		return err
	}
	if err := deleteQuads(ctx, tx, d.QuadDel); err != nil {
		return err
	}
	if len(d.DecNode) > 0 {
		if err := decrementNodes(ctx, tx, d.DecNode); err != nil {
			return err
		}
		// Served by the partial index ng_nodes_unreferenced (sql.go).
		if _, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE refs <= 0`); err != nil {
			return fmt.Errorf("delete unreferenced nodes: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// insertNodes adds the nodes that are new and adds to the reference count
// of those that exist. Rows come sorted by hash (SplitDeltas), and are
// inserted in that order, so two writers lock shared nodes in the same
// order instead of deadlocking.
//
// The rows go by COPY into a session-local staging table and then into
// nodes by one INSERT … SELECT … ON CONFLICT. Sent as one multi-row
// INSERT of twelve bind parameters a row (before session 12), PostgreSQL
// spent 1.17 of the statement's 1.58 CPU-seconds parsing and binding the
// parameters, not inserting (200 articles, 45 000 rows; log_statement_stats,
// BENCHMARKS.md). COPY's text form of each value is the one lib/pq sends
// as a parameter (its encode), so the stored rows are the same.
func insertNodes(ctx context.Context, tx *sql.Tx, nodes []graphlog.NodeUpdate) error {
	if len(nodes) == 0 {
		return nil
	}
	// ON COMMIT DELETE ROWS empties it at the end of every transaction
	// that used it (and a rollback takes its rows too); IF NOT EXISTS
	// creates it once per connection. LIKE nodes: the same column types,
	// so COPY parses each value as the INSERT's cast did.
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS `+nodeStage+` (LIKE nodes) ON COMMIT DELETE ROWS`); err != nil {
		return fmt.Errorf("insert nodes: staging table: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, pq.CopyInSchema("pg_temp", nodeStageName, nodeColumns...))
	if err != nil {
		return fmt.Errorf("insert nodes: %w", err)
	}
	defer stmt.Close()
	row := make([]any, len(nodeColumns))
	for _, n := range nodes {
		typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return fmt.Errorf("node %v: %w", n.Val, err)
		}
		clear(row)
		row[0], row[1] = vals[0], int64(n.RefInc)
		for i, col := range typ.Columns() {
			row[nodeColumn(col)] = vals[i+1]
		}
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return fmt.Errorf("insert nodes: %w", err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return fmt.Errorf("insert nodes: %w", err)
	}
	cols := strings.Join(nodeColumns, ", ")
	if _, err := tx.ExecContext(ctx, `INSERT INTO nodes (`+cols+`) SELECT `+cols+` FROM `+nodeStage+` ORDER BY hash
		ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`); err != nil {
		return fmt.Errorf("insert nodes: %w", err)
	}
	return nil
}

// nodeStage is the staging table of insertNodes, named in the session's
// own temporary schema (pg_temp) everywhere, so a table of that name
// elsewhere on the search path is never written.
const (
	nodeStageName = "ng_stage_nodes"
	nodeStage     = "pg_temp." + nodeStageName
)

func nodeColumn(name string) int {
	for i, c := range nodeColumns {
		if c == name {
			return i
		}
	}
	panic("graph: Cayley node column " + name + " unknown") // a Cayley upgrade changed its schema
}

// copyQuads inserts quads with COPY. A quad already stored fails the COPY
// with a unique violation, which aborts the transaction.
func copyQuads(ctx context.Context, tx *sql.Tx, quads []graphlog.QuadUpdate) error {
	if len(quads) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn("quads", "subject_hash", "predicate_hash", "object_hash", "label_hash", "ts"))
	if err != nil {
		return fmt.Errorf("copy quads: %w", err)
	}
	defer stmt.Close()
	now := time.Now()
	for _, q := range quads {
		if _, err := stmt.ExecContext(ctx, hashValue(q.Quad.Subject), hashValue(q.Quad.Predicate), hashValue(q.Quad.Object), hashValue(q.Quad.Label), now); err != nil {
			return fmt.Errorf("copy quads: %w", err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return fmt.Errorf("copy quads: %w", err)
	}
	return nil
}

// deleteQuads removes quads, failing with cgraph.ErrQuadNotExist when one
// is not stored (another writer removed it first).
func deleteQuads(ctx context.Context, tx *sql.Tx, quads []graphlog.QuadUpdate) error {
	var labelled, bare [][]any
	for _, q := range quads {
		if q.Quad.Label.Valid() {
			labelled = append(labelled, []any{hashValue(q.Quad.Subject), hashValue(q.Quad.Predicate), hashValue(q.Quad.Object), hashValue(q.Quad.Label)})
		} else {
			bare = append(bare, []any{hashValue(q.Quad.Subject), hashValue(q.Quad.Predicate), hashValue(q.Quad.Object)})
		}
	}
	var n int64
	m, err := execValues(ctx, tx, `DELETE FROM quads q USING (VALUES `,
		`) AS d(s, p, o, l) WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o AND q.label_hash = d.l`,
		[]string{"bytea", "bytea", "bytea", "bytea"}, labelled)
	if err != nil {
		return fmt.Errorf("delete quads: %w", err)
	}
	n += m
	m, err = execValues(ctx, tx, `DELETE FROM quads q USING (VALUES `,
		`) AS d(s, p, o) WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o AND q.label_hash IS NULL`,
		[]string{"bytea", "bytea", "bytea"}, bare)
	if err != nil {
		return fmt.Errorf("delete quads: %w", err)
	}
	n += m
	if n != int64(len(quads)) {
		return &cgraph.DeltaError{Err: cgraph.ErrQuadNotExist}
	}
	return nil
}

// decrementNodes takes the references of removed quads off their nodes.
func decrementNodes(ctx context.Context, tx *sql.Tx, nodes []graphlog.NodeUpdate) error {
	rows := make([][]any, len(nodes))
	for i, n := range nodes {
		rows[i] = []any{hashValue(n.Hash), n.RefInc}
	}
	_, err := execValues(ctx, tx, `UPDATE nodes n SET refs = n.refs + d.inc FROM (VALUES `,
		`) AS d(hash, inc) WHERE n.hash = d.hash`, []string{"bytea", "int"}, rows)
	if err != nil {
		return fmt.Errorf("update node references: %w", err)
	}
	return nil
}

// execValues runs head + "(row), (row), …" + tail over rows, as many
// statements as the parameter limit needs, and returns the rows affected.
// casts type the first row's parameters, which types the VALUES list.
func execValues(ctx context.Context, tx *sql.Tx, head, tail string, casts []string, rows [][]any) (int64, error) {
	per := maxSQLParams / len(casts)
	var total int64
	for len(rows) > 0 {
		chunk := rows
		if len(chunk) > per {
			chunk = rows[:per]
		}
		rows = rows[len(chunk):]
		var b strings.Builder
		b.WriteString(head)
		args := make([]any, 0, len(chunk)*len(casts))
		for i, row := range chunk {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, v := range row {
				if j > 0 {
					b.WriteString(", ")
				}
				args = append(args, v)
				b.WriteByte('$')
				b.WriteString(strconv.Itoa(len(args)))
				if i == 0 {
					b.WriteString("::" + casts[j])
				}
			}
			b.WriteByte(')')
		}
		b.WriteString(tail)
		res, err := tx.ExecContext(ctx, b.String(), args...)
		if err != nil {
			return total, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, err
		}
		total += n
	}
	return total, nil
}

// hashValue is a node hash as Cayley stores it (NULL for no label).
func hashValue(h refs.ValueHash) any {
	return csql.NodeHash{ValueHash: h}.SQLValue()
}
