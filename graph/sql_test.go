package graph

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestSQLIndexes checks that the indexes graph adds to Cayley's schema are
// there and usable by the statements they exist for.
func TestSQLIndexes(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, postgresConfig(t))
	write(t, s, extractionA(textA))
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// The tables are tiny: tell the planner to use an index if it can.
	if _, err := conn.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	for stmt, index := range map[string]string{
		`EXPLAIN DELETE FROM nodes WHERE refs <= 0`:                    "ng_nodes_unreferenced",
		`EXPLAIN SELECT * FROM quads WHERE label_hash = '\x00'::bytea`: "ng_label_index",
		// With Cayley's ops_index dropped, its lookups use these.
		`EXPLAIN SELECT * FROM quads WHERE object_hash = '\x00'::bytea AND predicate_hash = '\x01'::bytea`: "pos_index|ng_pos_horizon",
		`EXPLAIN SELECT * FROM quads WHERE object_hash = '\x00'::bytea`:                                    "osp_index",
		// ListQuads' stretches walk these from the last horizon read.
		`EXPLAIN SELECT * FROM quads WHERE predicate_hash = '\x01'::bytea AND object_hash = '\x00'::bytea AND horizon > 5 ORDER BY horizon LIMIT 128`:  "ng_pos_horizon",
		`EXPLAIN SELECT * FROM quads WHERE predicate_hash = '\x01'::bytea AND subject_hash = '\x00'::bytea AND horizon > 5 ORDER BY horizon LIMIT 128`: "ng_sp_horizon",
	} {
		rows, err := conn.QueryContext(ctx, stmt)
		if err != nil {
			t.Fatal(err)
		}
		var plan strings.Builder
		for rows.Next() {
			var line string
			rows.Scan(&line)
			plan.WriteString(line + "\n")
		}
		rows.Close()
		if !slices.ContainsFunc(strings.Split(index, "|"), func(ix string) bool { return strings.Contains(plan.String(), ix) }) {
			t.Errorf("%s does not use %s:\n%s", stmt, index, plan.String())
		}
	}
	var ops int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'ops_index'`).Scan(&ops); err != nil || ops != 0 {
		t.Errorf("Cayley's ops_index: %d (%v), want dropped", ops, err)
	}
	var fks int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'`).Scan(&fks); err != nil || fks != 0 {
		t.Errorf("Cayley's foreign keys on quads: %d left (%v)", fks, err)
	}
	if got := redactAddr("postgres://u:secret@h/db"); strings.Contains(got, "secret") {
		t.Errorf("password shown: %s", got)
	}
	if got := redactAddr("host=h password=secret dbname=x"); strings.Contains(got, "secret") {
		t.Errorf("password shown: %s", got)
	}
}

// oneRoundTrip adds binary_parameters to both connection string forms
// and leaves a string that sets it alone.
func TestOneRoundTrip(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u@h:5432/db?sslmode=disable":                 "postgres://u@h:5432/db?binary_parameters=yes&sslmode=disable",
		"postgresql://u@h/db":                                    "postgresql://u@h/db?binary_parameters=yes",
		"host=h dbname=db":                                       "host=h dbname=db binary_parameters=yes",
		"postgres://u@h/db?binary_parameters=no&sslmode=disable": "postgres://u@h/db?binary_parameters=no&sslmode=disable",
	} {
		if got := oneRoundTrip(in); got != want {
			t.Errorf("oneRoundTrip(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWithoutJIT(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u@h/db?sslmode=disable":           "postgres://u@h/db?options=-c+jit%3Doff&sslmode=disable",
		"host=h dbname=db":                            "host=h dbname=db options='-c jit=off'",
		"postgres://u@h/db?options=-c%20work_mem%3D1": "postgres://u@h/db?options=-c%20work_mem%3D1",
	} {
		if got := withoutJIT(in); got != want {
			t.Errorf("withoutJIT(%q) = %q, want %q", in, got, want)
		}
	}
}
