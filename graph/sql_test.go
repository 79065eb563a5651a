package graph

import (
	"context"
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
		if !strings.Contains(plan.String(), index) {
			t.Errorf("%s does not use %s:\n%s", stmt, index, plan.String())
		}
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
