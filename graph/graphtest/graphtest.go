// Package graphtest gives tests of other packages real stores to run
// against: a bolt store in t.TempDir() always, and a PostgreSQL store when
// NEWSGRAPH_TEST_POSTGRES holds a connection string. Each PostgreSQL store
// lives in its own schema, dropped when the test ends, so packages whose
// tests run in parallel never see each other's quads.
package graphtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// PostgresEnv names the variable holding the test PostgreSQL's connection
// string, e.g. postgres://postgres@127.0.0.1:5432/newsgraph_test?sslmode=disable.
const PostgresEnv = "NEWSGRAPH_TEST_POSTGRES"

// Bolt returns the config of a new bolt store in t.TempDir().
func Bolt(t testing.TB) graph.Config {
	return graph.Config{Backend: graph.BackendBolt, Path: filepath.Join(t.TempDir(), "db")}
}

// Postgres returns the config of a new, empty PostgreSQL store (a schema
// of its own, dropped at the end of the test). It skips the test, saying
// why, when PostgresEnv is not set.
func Postgres(t testing.TB) graph.Config {
	t.Helper()
	addr := os.Getenv(PostgresEnv)
	if addr == "" {
		t.Skipf("SKIPPED: PostgreSQL backend not tested: set %s to a connection string", PostgresEnv)
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	name := "ng_test_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + name); err != nil {
		admin.Close()
		t.Fatalf("graphtest: create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + name + ` CASCADE`); err != nil {
			t.Errorf("graphtest: drop schema %s: %v", name, err)
		}
		admin.Close()
	})
	return graph.Config{Backend: graph.BackendPostgres, Address: withSearchPath(t, addr, name)}
}

func withSearchPath(t testing.TB, addr, schema string) string {
	if strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://") {
		u, err := url.Parse(addr)
		if err != nil {
			t.Fatalf("graphtest: %s: %v", PostgresEnv, err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return addr + " search_path=" + schema
}

// ForEachBackend runs fn as the subtests "bolt" and "postgres", each with
// the config of a new empty store.
func ForEachBackend(t *testing.T, fn func(t *testing.T, cfg graph.Config)) {
	t.Run("bolt", func(t *testing.T) { fn(t, Bolt(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}
