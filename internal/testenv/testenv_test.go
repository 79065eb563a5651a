package testenv

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestMain here reports every component the repository's tests need, so
// that `go test ./...` says once what the whole run left untested.
func TestMain(m *testing.M) { Main(m, "", All...) }

// TestNotCached keeps this package's run out of go test's cache, so the
// summary shows on every run, not only the first after a change: go test
// does not cache a run that read a file of the module modified within the
// last two seconds. The stamp is git-ignored.
func TestNotCached(t *testing.T) {
	if err := os.WriteFile(".uncached.stamp", []byte(time.Now().String()), 0o600); err != nil {
		t.Logf("summary may be cached: %v", err)
	}
}

func TestSummary(t *testing.T) {
	have := Component{Name: "Here", Missing: func() string { return "" }}
	gone := Component{Name: "Gone", Missing: func() string { return "gone-binary" }, Get: "apt-get install gone", Packages: []string{"a", "b"}}
	if line, missing := Summary("api", []Component{have}); missing || line != "" {
		t.Errorf("nothing missing: %q %v", line, missing)
	}
	line, missing := Summary("api", []Component{have, gone})
	if !missing || line != "api: SKIPPED tests of Gone (missing gone-binary: apt-get install gone); .ci/run installs and starts all of them" {
		t.Errorf("package line: %q", line)
	}
	line, _ = Summary("", []Component{gone})
	if !strings.HasPrefix(line, "newsgraph: SKIPPED tests of Gone in a, b (missing gone-binary") {
		t.Errorf("repository line: %q", line)
	}
}
