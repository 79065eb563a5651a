package graph

import (
	"fmt"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	if os.Getenv(postgresEnv) == "" && os.Getenv(crashChildEnv) == "" {
		fmt.Fprintf(os.Stderr, "graph: PostgreSQL tests SKIPPED (set %s to a connection string to run them)\n", postgresEnv)
	}
	os.Exit(m.Run())
}
