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

	"github.com/lib/pq"

	"github.com/newsgraph/newsgraph/schema"

	// Cayley's PostgreSQL backend (driver lib/pq), registered in init
	// like the KV ones.
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
)

// sqlDriver is the database/sql driver of Cayley's PostgreSQL flavour.
const sqlDriver = "postgres"

// openSQL opens our own connection beside Cayley's (which it keeps
// private) for bulk writes, exact counts and the schema changes below. On
// a hot standby (a streaming replica in recovery) it changes nothing: the
// primary's changes arrive by replication, and the store is read-only.
func (s *Store) openSQL(ctx context.Context, addr string) error {
	if !isSQL(s.backend) {
		return nil
	}
	db, err := sql.Open(sqlDriver, withoutJIT(addr))
	if err != nil {
		return fmt.Errorf("graph: connect %s: %w", redactAddr(addr), err)
	}
	db.SetMaxOpenConns(2)
	s.db = db
	if err := db.QueryRowContext(ctx, `SELECT pg_is_in_recovery()`).Scan(&s.standby); err != nil {
		return fmt.Errorf("graph: connect %s: %w", redactAddr(addr), err)
	}
	if s.standby {
		return nil
	}
	for _, ix := range sqlIndexes {
		if _, err := db.ExecContext(ctx, ix.ddl); err != nil {
			// Another process creating it at the same moment is fine.
			var n int
			if err2 := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1`, ix.name).Scan(&n); err2 != nil || n == 0 {
				return fmt.Errorf("graph: create index %s: %w", ix.name, err)
			}
		}
	}
	if err := dropForeignKeys(ctx, db); err != nil {
		return err
	}
	// Cayley's (object, predicate, subject) index duplicates two others
	// for every lookup: (predicate, object, …) serves object and
	// predicate, (object, subject, …) serves object alone, and
	// PostgreSQL's planner picked them (pg_stat_user_indexes: 0 scans of
	// ops_index over ingest and every saved query, BENCHMARKS.md). Each
	// index costs every inserted quad a B-tree insert at a random place.
	if _, err := db.ExecContext(ctx, `DROP INDEX IF EXISTS ops_index`); err != nil {
		return fmt.Errorf("graph: drop Cayley's ops_index: %w", err)
	}
	return nil
}

// sqlIndexes are added to Cayley's schema.
var sqlIndexes = []struct{ name, ddl string }{
	// Cayley indexes quads by subject, predicate and object but not by
	// label; deleting or replacing a document looks its quads up by label.
	{"ng_label_index", `CREATE INDEX IF NOT EXISTS ng_label_index ON quads (label_hash)`},
	// After every transaction that removes quads Cayley runs
	// "DELETE FROM nodes WHERE refs <= 0", a scan of the whole nodes table
	// unless a partial index matches it; this one is empty almost always.
	{"ng_nodes_unreferenced", `CREATE INDEX IF NOT EXISTS ng_nodes_unreferenced ON nodes (hash) WHERE refs <= 0`},
	// ListQuads reads a listing in write order, a LIMITed stretch at a
	// time, along these (sqllist.go): an entity's evidence and a class's
	// members by (predicate, object), a node's quads of one predicate (an
	// entity's documents) by (subject, predicate). Cayley's pos and spo
	// indexes end in the other node's hash instead, whose order is no
	// listing's. A store made before they existed gets them when a
	// primary opens it (a build of each over the whole table, which
	// blocks writes meanwhile: docs/deployment.md says how to build them
	// beforehand without blocking).
	{"ng_pos_horizon", `CREATE INDEX IF NOT EXISTS ng_pos_horizon ON quads (predicate_hash, object_hash, horizon)`},
	{"ng_sp_horizon", `CREATE INDEX IF NOT EXISTS ng_sp_horizon ON quads (subject_hash, predicate_hash, horizon)`},
}

// cayleyForeignKeys are the constraints Cayley puts on quads (each
// direction references nodes). Checking them is a trigger and an index
// lookup per direction per inserted quad: 880 of 2 046 ms when 20 000
// quads go into a store of 157 000 (EXPLAIN ANALYZE, BENCHMARKS.md). Every
// write keeps nodes and quads consistent without them: a node's row is
// inserted or its reference count raised in the same transaction as the
// quads naming it, and it is deleted only when its count reaches zero
// under the row lock every writer that changes the count takes.
var cayleyForeignKeys = []string{"subject_hash_fk", "predicate_hash_fk", "object_hash_fk", "label_hash_fk"}

// dropForeignKeys drops cayleyForeignKeys where they still exist.
func dropForeignKeys(ctx context.Context, db *sql.DB) error {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_constraint WHERE conrelid = 'quads'::regclass AND conname = ANY($1)`, pq.Array(cayleyForeignKeys)).Scan(&n)
	if err != nil || n == 0 {
		return err
	}
	stmt := `ALTER TABLE quads`
	for i, fk := range cayleyForeignKeys {
		if i > 0 {
			stmt += ","
		}
		stmt += ` DROP CONSTRAINT IF EXISTS ` + fk
	}
	if _, err := db.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("graph: drop Cayley's foreign keys: %w", err)
	}
	return nil
}

// sqlTablesExist reports whether Cayley's tables are already there. On a
// hot standby, where they cannot be created, their absence is an error.
func sqlTablesExist(ctx context.Context, addr string) (bool, error) {
	db, err := sql.Open(sqlDriver, addr)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var n int
	var standby bool
	err = db.QueryRowContext(ctx, `SELECT count(*), pg_is_in_recovery() FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('nodes', 'quads')`).Scan(&n, &standby)
	if err == nil && n != 2 && standby {
		return false, errNoStoreOnStandby
	}
	return n == 2, err
}

// errNoStoreOnStandby: the tables are made on the primary and replicated.
var errNoStoreOnStandby = fmt.Errorf("%w; it has no newsgraph store yet: run any newsgraph command (e.g. newsgraph stats) against the primary first, which creates it", ErrReadOnly)

// isSQLConflict reports whether err is a conflict another transaction
// caused: a unique violation (two writers inserting the same quad), a
// deadlock or a serialisation failure. Such transactions are retried.
func isSQLConflict(err error) bool {
	var pqe *pq.Error
	if errors.As(err, &pqe) {
		return conflictCode(string(pqe.Code))
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

// oneRoundTrip turns on lib/pq's binary_parameters unless the connection
// string sets it: a statement with parameters is then sent in one round
// trip (parse, bind and execute together) instead of two (prepare, then
// execute). Cayley's SQL iterators send one such statement per node a
// query visits (hundreds for a page of a hub query, BENCHMARKS.md), so
// their latency is mostly round trips. The only change on the wire is
// that []byte parameters travel as binary: every one sent to newsgraph's
// tables is a bytea (hashes, Cayley's value column).
func oneRoundTrip(addr string) string {
	return withConnParam(addr, "binary_parameters", "yes", "binary_parameters=yes")
}

// withoutJIT turns PostgreSQL's JIT compilation off on newsgraph's own
// connections (not Cayley's) unless the connection string passes server
// options itself: the batched reads (sqlbatch.go) are index lookups whose
// planned cost passes jit_above_cost when the planner cannot tell a busy
// node's lookups from others, and compiling took 0.9 s of a 1.3 s
// statement that ran in 0.1 s (EXPLAIN ANALYZE, 10 000 articles).
func withoutJIT(addr string) string {
	return withConnParam(addr, "options", "-c jit=off", "options='-c jit=off'")
}

// withConnParam sets a connection parameter in either form of connection
// string (URL or key=value) unless the string already mentions it.
func withConnParam(addr, key, urlValue, keyValue string) string {
	if strings.Contains(addr, key) {
		return addr
	}
	if strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://") {
		u, err := url.Parse(addr)
		if err != nil {
			return addr // Open reports it
		}
		q := u.Query()
		q.Set(key, urlValue)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return addr + " " + keyValue
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
	// One ng:prov quad per evidence node.
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM quads WHERE predicate_hash = $1`, h(iri(schema.PredProv))).Scan(&st.Facts); err != nil {
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

// sqlPlanChunk is planChunk in a few queries per chunk instead of a few
// per document: each document's stored hash, and whether it has quads.
func (s *Store) sqlPlanChunk(ctx context.Context, chunk []*pending) error {
	const maxParams = 1000
	for len(chunk) > maxParams {
		if err := s.sqlPlanChunk(ctx, chunk[:maxParams]); err != nil {
			return err
		}
		chunk = chunk[maxParams:]
	}
	h := func(v quad.Value) any { return csql.HashOf(v).SQLValue() }
	labels := make([][]byte, len(chunk))
	byHash := make(map[string]*pending, len(chunk))
	for i, p := range chunk {
		p.old, p.oldCount, p.status = nil, 0, StatusAdded
		labels[i] = csql.HashOf(p.doc).SQLValue().([]byte)
		byHash[string(labels[i])] = p
	}
	// Quads per document label, and the document's ng:hash if any: one
	// probe of ng_label_index and one of (subject, predicate) per label.
	// As a join of all the labels' quads with their objects, grouped
	// (before session 12), these reads of documents not yet stored took
	// 0.1–1 000 ms each, 18 s in all of a 1 000-article ingest
	// (pg_stat_statements); this form took 0.06 CPU-s in all
	// (log_statement_stats, BENCHMARKS.md).
	rows, err := s.db.QueryContext(ctx, `SELECT l.h, c.n, d.v, d.k FROM unnest($2::bytea[]) AS l(h)
		CROSS JOIN LATERAL (SELECT count(*) AS n FROM quads q WHERE q.label_hash = l.h) c
		CROSS JOIN LATERAL (SELECT max(n.value_string) AS v, count(*) AS k
			FROM quads q JOIN nodes n ON n.hash = q.object_hash
			WHERE q.subject_hash = l.h AND q.predicate_hash = $1 AND q.label_hash = l.h) d
		WHERE c.n > 0`, h(iri(schema.PredHash)), pq.ByteaArray(labels))
	if err != nil {
		return fmt.Errorf("graph: read documents: %w", err)
	}
	defer rows.Close()
	type state struct {
		quads, hashes int
		hash          sql.NullString
	}
	found := map[*pending]state{}
	for rows.Next() {
		var label []byte
		var st state
		if err := rows.Scan(&label, &st.quads, &st.hash, &st.hashes); err != nil {
			return fmt.Errorf("graph: read documents: %w", err)
		}
		if p := byHash[string(label)]; p != nil {
			found[p] = st
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("graph: read documents: %w", err)
	}
	rows.Close()
	for _, p := range chunk {
		st, ok := found[p]
		if !ok || st.quads == 0 {
			continue // a new document
		}
		if st.hashes == 1 && st.hash.Valid && str(st.hash.String) == hashOf(p.doc, p.quads) {
			p.status, p.oldCount = StatusUnchanged, st.quads
			continue
		}
		if err := s.loadOld(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// sqlDocumentHashes is DocumentHashes in one query.
func (s *Store) sqlDocumentHashes(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.value_string, h.value_string
		FROM quads q JOIN nodes d ON d.hash = q.subject_hash JOIN nodes h ON h.hash = q.object_hash
		WHERE q.predicate_hash = $1 AND q.label_hash = q.subject_hash`, csql.HashOf(iri(schema.PredHash)).SQLValue())
	if err != nil {
		return nil, fmt.Errorf("graph: list documents: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var doc, hash sql.NullString
		if err := rows.Scan(&doc, &hash); err != nil {
			return nil, fmt.Errorf("graph: list documents: %w", err)
		}
		if doc.Valid && hash.Valid && strings.HasPrefix(doc.String, "doc:") {
			out[docID(iri(doc.String))] = hash.String
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("graph: list documents: %w", err)
	}
	return out, nil
}
