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
// statements per transaction: nodes as multi-row INSERT … ON CONFLICT
// (their reference counts add up, as in Cayley), quads by COPY, removed
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
// of those that exist. Rows come sorted by hash (SplitDeltas), so two
// writers lock shared nodes in the same order instead of deadlocking.
func insertNodes(ctx context.Context, tx *sql.Tx, nodes []graphlog.NodeUpdate) error {
	rows := make([][]any, 0, len(nodes))
	for _, n := range nodes {
		row := make([]any, len(nodeColumns))
		typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return fmt.Errorf("node %v: %w", n.Val, err)
		}
		row[0], row[1] = vals[0], n.RefInc
		for i, col := range typ.Columns() {
			row[nodeColumn(col)] = vals[i+1]
		}
		rows = append(rows, row)
	}
	casts := []string{"bytea", "int", "bytea", "text", "text", "text", "boolean", "boolean", "bigint", "boolean", "double precision", "timestamptz"}
	head := `INSERT INTO nodes (` + strings.Join(nodeColumns, ", ") + `) VALUES `
	tail := ` ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`
	_, err := execValues(ctx, tx, head, tail, casts, rows)
	if err != nil {
		return fmt.Errorf("insert nodes: %w", err)
	}
	return nil
}

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
