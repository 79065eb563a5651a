// Package testenv tells, in one line, which components' tests a test run
// skipped for lack of them (PostgreSQL, Chromium, the Python readers...),
// so that a plain `go test ./...` does not pass quietly with parts
// untested. A test package calls Main from its TestMain; this package's
// own test reports every component for the whole repository.
//
// go test shows a passing package's output only with -v, so the line also
// goes to the terminal (/dev/tty) when there is one. With
// NEWSGRAPH_TEST_REQUIRE=all (.ci/run sets it) a missing component fails
// the run instead: CI installs everything, and a skip there is a bug.
package testenv

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Component is something some tests need from outside Go.
type Component struct {
	Name string
	// Missing says what is missing ("" when present).
	Missing func() string
	// Get says how to get it.
	Get string
	// Packages are the packages whose tests need it (for the summary).
	Packages []string
}

// RequireEnv is the variable that turns skips into failures.
const RequireEnv = "NEWSGRAPH_TEST_REQUIRE"

// PostgresEnv names the scratch PostgreSQL database of the tests (as
// graph/graphtest reads it).
const PostgresEnv = "NEWSGRAPH_TEST_POSTGRES"

// ChromiumPath is Debian's chromium, as api's browser test runs it.
const ChromiumPath = "/usr/bin/chromium"

// The components the repository's tests skip without.
var (
	PostgreSQL = Component{
		Name: "PostgreSQL",
		Missing: func() string {
			if os.Getenv(PostgresEnv) == "" {
				return PostgresEnv
			}
			return ""
		},
		Get:      "set " + PostgresEnv + " to a scratch database's connection string",
		Packages: []string{"graph", "api", "cmd/newsgraph"},
	}
	Chromium = Component{
		Name: "Chromium (console browser test)",
		Missing: func() string {
			var miss []string
			if _, err := os.Stat(ChromiumPath); err != nil {
				miss = append(miss, ChromiumPath)
			}
			if _, err := exec.LookPath("node"); err != nil {
				miss = append(miss, "node")
			}
			if _, err := os.Stat(filepath.Join(repoRoot(), "api", "console", "node_modules", "playwright-core")); err != nil {
				miss = append(miss, "playwright-core")
			}
			return strings.Join(miss, ", ")
		},
		Get:      "apt-get install chromium nodejs npm; cd api/console && npm ci --ignore-scripts",
		Packages: []string{"api"},
	}
	PythonReaders = Component{
		Name: "Python readers (rdflib, networkx)",
		Missing: func() string {
			// The export tests run Debian's python3, where apt installs
			// the readers; a python3 earlier in PATH (pyenv) may lack them.
			py := "/usr/bin/python3"
			if _, err := os.Stat(py); err != nil {
				return py
			}
			var miss []string
			for _, m := range []string{"rdflib", "networkx"} {
				if exec.Command(py, "-c", "import "+m).Run() != nil {
					miss = append(miss, m)
				}
			}
			return strings.Join(miss, ", ")
		},
		Get:      "apt-get install python3-rdflib python3-networkx",
		Packages: []string{"export"},
	}
)

// TrainEnv names the annotated corpus the relation classifier's
// retraining test reads (as ingest's TestTrainRelModel does).
const TrainEnv = "NEWSGRAPH_TRAIN_RELMODEL"

// TrainRanEnv is set by .ci/run once it has run the retraining test on
// its own, before the suite: the test rewrites ingest/relmodel.json, which
// other packages embed, so it must not run while they are being built.
const TrainRanEnv = "NEWSGRAPH_TRAIN_RELMODEL_RAN"

// Retraining is the data of the retraining tests.
var Retraining = Component{
	Name: "relation-model retraining",
	Missing: func() string {
		if os.Getenv(TrainEnv) == "" && os.Getenv(TrainRanEnv) == "" {
			return TrainEnv
		}
		return ""
	},
	Get:      "set " + TrainEnv + " to the CoNLL04 folder (../shared/eval/conll04)",
	Packages: []string{"ingest"},
}

// ShellTools are what the README's commands use besides newsgraph: its
// walkthrough test (cmd/newsgraph TestREADME) runs them.
var ShellTools = Component{
	Name: "README walkthrough",
	Missing: func() string {
		var miss []string
		for _, tool := range []string{"bash", "curl", "openssl"} {
			if _, err := exec.LookPath(tool); err != nil {
				miss = append(miss, tool)
			}
		}
		return strings.Join(miss, ", ")
	},
	Get:      "apt-get install curl openssl",
	Packages: []string{"cmd/newsgraph"},
}

// All are every component, for the repository-wide summary.
var All = []Component{PostgreSQL, Chromium, PythonReaders, Retraining, ShellTools}

// Main runs the package's tests, then reports the components among
// needs that are missing: one line naming them, on stdout (shown by
// go test -v) and on the terminal. Under NEWSGRAPH_TEST_REQUIRE=all a
// missing component fails the package.
func Main(m *testing.M, pkg string, needs ...Component) {
	code := m.Run()
	if line, missing := Summary(pkg, needs); missing {
		fmt.Println(line)
		toTerminal(line)
		if os.Getenv(RequireEnv) == "all" {
			fmt.Printf("%s=all: a missing component is a failure\n", RequireEnv)
			if code == 0 {
				code = 1
			}
		}
	}
	os.Exit(code)
}

// Summary is the line naming the missing components among needs, and
// whether any is missing.
func Summary(pkg string, needs []Component) (string, bool) {
	var parts []string
	for _, c := range needs {
		if why := c.Missing(); why != "" {
			part := fmt.Sprintf("%s (missing %s: %s)", c.Name, why, c.Get)
			if pkg == "" {
				part = fmt.Sprintf("%s in %s (missing %s: %s)", c.Name, strings.Join(c.Packages, ", "), why, c.Get)
			}
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 {
		return "", false
	}
	where := pkg
	if where == "" {
		where = "newsgraph"
	}
	return fmt.Sprintf("%s: SKIPPED tests of %s; .ci/run installs and starts all of them", where, strings.Join(parts, "; ")), true
}

// toTerminal writes line to the controlling terminal, if any: go test
// keeps a passing package's output to itself unless run with -v.
func toTerminal(line string) {
	if runtime.GOOS == "windows" {
		return
	}
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	defer tty.Close()
	_, _ = io.WriteString(tty, line+"\n")
}

// repoRoot is the module root: the folder above this file's package.
func repoRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
