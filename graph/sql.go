package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/lib/pq"

	"github.com/newsgraph/newsgraph/schema"

	// Cayley's SQL backends: PostgreSQL (driver lib/pq) and CockroachDB
	// (driver pgx), registered in init like the KV ones.
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
)

// sqlDriver is the database/sql driver Cayley registers each flavour with.
func sqlDriver(backend string) string {
	if backend == BackendCockroach {
		return "pgx"
	}
	return "postgres"
}

// openSQL opens our own connection beside Cayley's (which it keeps
// private) for the label index and exact counts.
func (s *Store) openSQL(ctx context.Context, addr string) error {
	if !isSQL(s.backend) {
		return nil
	}
	db, err := sql.Open(sqlDriver(s.backend), addr)
	if err != nil {
		return fmt.Errorf("graph: connect %s: %w", redactAddr(addr), err)
	}
	db.SetMaxOpenConns(2)
	s.db = db
	// Cayley indexes quads by subject, predicate and object but not by
	// label; deleting or replacing a document looks its quads up by label.
	if _, err := db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS ng_label_index ON quads (label_hash)`); err != nil {
		return fmt.Errorf("graph: create label index: %w", err)
	}
	return nil
}

// sqlTablesExist reports whether Cayley's tables are already there.
func sqlTablesExist(ctx context.Context, backend, addr string) (bool, error) {
	db, err := sql.Open(sqlDriver(backend), addr)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('nodes', 'quads')`).Scan(&n)
	return n == 2, err
}

// isSQLConflict reports whether err is a conflict another transaction
// caused: a unique violation (two writers inserting the same quad), a
// deadlock or a serialisation failure. Such transactions are retried.
func isSQLConflict(err error) bool {
	var pqe *pq.Error
	if errors.As(err, &pqe) {
		return conflictCode(string(pqe.Code))
	}
	var pge *pgconn.PgError
	if errors.As(err, &pge) {
		return conflictCode(pge.Code)
	}
	return false
}

func conflictCode(code string) bool {
	switch code {
	case "23505", // unique_violation
		"40001", // serialization_failure
		"40P01": // deadlock_detected
		return true
	}
	return false
}

var passwordRE = regexp.MustCompile(`(?i)(password=)\S+`)

// redactAddr hides the password of a connection string in messages.
func redactAddr(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
		return addr
	}
	return passwordRE.ReplaceAllString(addr, "${1}xxxxx")
}

// sqlStats counts with SQL in one snapshot: Cayley's own Stats caches the
// quad count per process, which is stale when several processes write.
func (s *Store) sqlStats(ctx context.Context) (Stats, error) {
	var st Stats
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return st, err
	}
	defer tx.Rollback()
	h := func(v quad.Value) any { return csql.HashOf(v).SQLValue() }
	typ := h(iri(schema.PredType))
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&st.Quads); err != nil {
		return st, err
	}
	q := `SELECT count(*) FROM quads WHERE predicate_hash = $1 AND object_hash = $2`
	if err := tx.QueryRowContext(ctx, q, typ, h(iri(schema.ClassDocument))).Scan(&st.Documents); err != nil {
		return st, err
	}
	if err := tx.QueryRowContext(ctx, q, typ, h(iri(schema.ClassEvidence))).Scan(&st.Facts); err != nil {
		return st, err
	}
	args := []any{typ}
	var ph []string
	for _, c := range topClasses() {
		args = append(args, h(c))
		ph = append(ph, fmt.Sprintf("$%d", len(args)))
	}
	q = `SELECT count(DISTINCT subject_hash) FROM quads WHERE predicate_hash = $1 AND object_hash IN (` + strings.Join(ph, ", ") + `)`
	if err := tx.QueryRowContext(ctx, q, args...).Scan(&st.Entities); err != nil {
		return st, err
	}
	return st, tx.Commit()
}
