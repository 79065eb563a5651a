package main

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/testenv"
)

// TestMain names the components whose tests this run skipped.
func TestMain(m *testing.M) { testenv.Main(m, "cmd/newsgraph", testenv.PostgreSQL) }
