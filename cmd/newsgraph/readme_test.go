package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/viper"
)

// fence is one fenced block of README.md.
type fence struct {
	lang string
	text string
	line int // of the opening fence
}

func readmeFences(t *testing.T) []fence {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []fence
	var cur *fence
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(l, "```"):
			cur = &fence{lang: strings.TrimSpace(strings.TrimPrefix(l, "```")), line: n}
		case cur != nil && strings.TrimSpace(l) == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.text += l + "\n"
		}
	}
	if cur != nil {
		t.Fatalf("README.md: the block opened on line %d is not closed", cur.line)
	}
	return out
}

// readmeShell maps the README's spellings of newsgraph onto the binary
// built from this tree: `go run ./cmd/newsgraph` is the binary (exec'd in
// a subshell, so that `kill %1` stops the server itself), `go install
// ./cmd/newsgraph` copies it into $GOBIN (a temporary folder on PATH), and
// `go test ./...` — which is what runs this test — is not run again.
const readmeShell = `set -e
go() {
  case "$1 $2" in
  "run ./cmd/newsgraph")
    shift 2
    if [ "$BASHPID" != "$$" ]; then exec "$NEWSGRAPH_BIN" "$@"; fi
    "$NEWSGRAPH_BIN" "$@" ;;
  "install ./cmd/newsgraph") cp "$NEWSGRAPH_BIN" "$GOBIN/newsgraph" ;;
  "test ./...") echo "(go test ./... is what runs this walkthrough)" ;;
  *) command go "$@" ;;
  esac
}
`

var spaces = regexp.MustCompile(`[ \t]+`)

func squeeze(s string) string { return spaces.ReplaceAllString(s, " ") }

// TestREADME runs every ```sh block of README.md in order, in one shell
// (exports and background jobs carry over, as in a reader's terminal) in
// a temporary working folder holding a copy of examples/ and no store,
// and checks that each exits 0 and that its output holds every line of
// the ```text block that follows it (runs of blanks count as one). The
// server's address is a free loopback port instead of 127.0.0.1:8080.
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED: the README walkthrough builds and runs newsgraph; run without -short")
	}
	for _, tool := range []string{"bash", "curl", "openssl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("SKIPPED: the README walkthrough needs %s", tool)
		}
	}
	fences := readmeFences(t)
	bin := buildBinary(t)
	work := t.TempDir()
	if out, err := exec.Command("cp", "-r", examplesDir(t), filepath.Join(work, "examples")).CombinedOutput(); err != nil {
		t.Fatalf("copying examples: %v %s", err, out)
	}
	gobin := filepath.Join(work, ".bin")
	if err := os.Mkdir(gobin, 0o755); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	type step struct {
		block  fence
		expect *fence
	}
	var steps []step
	var script strings.Builder
	script.WriteString(readmeShell)
	for i, f := range fences {
		if f.lang != "sh" {
			continue
		}
		s := step{block: f}
		if i+1 < len(fences) && fences[i+1].lang == "text" {
			s.expect = &fences[i+1]
		}
		n := len(steps)
		steps = append(steps, s)
		fmt.Fprintf(&script, "echo '@@begin %d'\n%s\necho '@@end %d'\n", n, strings.ReplaceAll(f.text, "127.0.0.1:8080", addr), n)
	}
	if len(steps) < 5 {
		t.Fatalf("README.md has %d sh blocks", len(steps))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", script.String())
	cmd.Dir = work
	cmd.Env = []string{
		"PATH=" + gobin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + work, "TMPDIR=" + os.TempDir(), "LANG=C.UTF-8",
		"GOBIN=" + gobin, "NEWSGRAPH_BIN=" + bin, "NEWSGRAPH_API_ADDR=" + addr,
	}
	// Its own process group: whatever a block leaves running is stopped
	// with it, and nothing else.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	runErr := cmd.Wait()

	outputs := map[int]string{}
	ended := map[int]bool{}
	cur := -1
	for _, l := range strings.SplitAfter(out.String(), "\n") {
		var n int
		if _, err := fmt.Sscanf(l, "@@begin %d", &n); err == nil {
			cur = n
			continue
		}
		if _, err := fmt.Sscanf(l, "@@end %d", &n); err == nil {
			ended[n] = true
			continue
		}
		if cur >= 0 {
			outputs[cur] += l
		}
	}
	for n, s := range steps {
		if !ended[n] {
			t.Fatalf("README.md block at line %d failed (%v):\n%s\noutput:\n%s", s.block.line, runErr, s.block.text, outputs[n])
		}
		if s.expect == nil {
			continue
		}
		got := squeeze(outputs[n])
		for _, want := range strings.Split(s.expect.text, "\n") {
			if w := strings.TrimSpace(squeeze(want)); w != "" && !strings.Contains(got, w) {
				t.Errorf("README.md block at line %d does not print %q (the text block at line %d says it does); it printed:\n%s", s.block.line, w, s.expect.line, outputs[n])
			}
		}
	}
	if runErr != nil {
		t.Errorf("the walkthrough ended with %v", runErr)
	}
	// Exports go where git ignores them (the README's example once wrote
	// nodes.csv into the source package export/).
	for _, s := range steps {
		for _, m := range regexp.MustCompile(`--out (\S+)`).FindAllStringSubmatch(s.block.text, -1) {
			if m[1] != "-" && !strings.HasPrefix(m[1], "out/") {
				t.Errorf("README.md block at line %d writes %s: export into out/, which git ignores", s.block.line, m[1])
			}
		}
	}
	if _, err := os.Stat(filepath.Join(work, "out")); err != nil {
		t.Errorf("no out/ after the walkthrough: %v", err)
	}
	ignore, err := os.ReadFile("../../.gitignore")
	if err != nil || !strings.Contains(string(ignore), "/out/") {
		t.Errorf(".gitignore does not ignore out/: %v", err)
	}
}

// TestREADMEConfig: the README's configuration block lists every key with
// its default, and the code reads no key without a default.
func TestREADMEConfig(t *testing.T) {
	var yml *fence
	for _, f := range readmeFences(t) {
		if f.lang == "yaml" {
			f := f
			yml = &f
		}
	}
	if yml == nil {
		t.Fatal("README.md has no yaml block")
	}
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(strings.NewReader(yml.text)); err != nil {
		t.Fatalf("README.md's yaml block: %v", err)
	}
	inREADME := map[string]bool{}
	for _, k := range v.AllKeys() {
		inREADME[k] = true
		want, ok := defaults[k]
		if !ok {
			t.Errorf("README.md lists %s, which is no config key", k)
			continue
		}
		if got := fmt.Sprint(v.Get(k)); got != fmt.Sprint(want) {
			t.Errorf("README.md gives %s the default %q; it is %q", k, got, fmt.Sprint(want))
		}
	}
	// store.options is a map: viper lists no key for an empty one.
	for k := range defaults {
		if !inREADME[k] && !strings.Contains(yml.text, "  "+k[strings.LastIndex(k, ".")+1:]+":") {
			t.Errorf("README.md does not list the config key %s", k)
		}
	}
	// Every key the commands read has a default (and so a README line).
	src, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	read := regexp.MustCompile(`a\.(?:v\.Get[A-Za-z0-9]*|duration)\("([a-z_]+\.[a-z_]+)"`)
	for _, f := range src {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range read.FindAllStringSubmatch(string(data), -1) {
			if _, ok := defaults[m[1]]; !ok {
				t.Errorf("%s reads config key %s, which has no default (add it to defaults and README.md)", f, m[1])
			}
		}
	}
}

// TestREADMECommandsTable: the commands table is one table (a blank line
// broke it) naming every command, and only commands that exist.
func TestREADMECommandsTable(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	sec := string(data)
	i := strings.Index(sec, "## Commands\n")
	if i < 0 {
		t.Fatal("README.md has no Commands section")
	}
	sec = sec[i:]
	start := strings.Index(sec, "\n|")
	if start < 0 {
		t.Fatal("no table under Commands")
	}
	end := strings.Index(sec[start+1:], "\n\n")
	table := sec[start+1 : start+1+end]
	for _, l := range strings.Split(table, "\n") {
		if !strings.HasPrefix(l, "|") {
			t.Errorf("the commands table is broken at %q", l)
		}
	}
	rest := sec[start+1+end:]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	if strings.Contains(rest, "\n| `newsgraph") {
		t.Error("a row of the commands table comes after a blank line: it renders as text, not as the table")
	}
	root := newRootCommand(nil, &bytes.Buffer{}, &bytes.Buffer{})
	var want []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && c.Name() != "help" && c.Name() != "completion" {
			want = append(want, c.Name())
		}
	}
	sort.Strings(want)
	named := regexp.MustCompile("`newsgraph ([a-z][a-z-]*)")
	seen := map[string]bool{}
	for _, m := range named.FindAllStringSubmatch(table, -1) {
		seen[m[1]] = true
		if c, _, err := root.Find([]string{m[1]}); err != nil || c == root {
			t.Errorf("the table names newsgraph %s, which is no command", m[1])
		}
	}
	for _, alt := range regexp.MustCompile("/ `([a-z-]+) ").FindAllStringSubmatch(table, -1) {
		seen[alt[1]] = true // "backup --out F / `restore F`"
	}
	for _, c := range want {
		if !seen[c] {
			t.Errorf("the commands table lacks newsgraph %s", c)
		}
	}
	if !strings.Contains(table, "`newsgraph --version`") {
		t.Error("the commands table lacks --version")
	}
}

// TestHelpExamplesUseTheExamples: --help examples named entities that are
// not in examples/ (issue 17); each saved-query example now runs on them.
func TestHelpExamplesUseTheExamples(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	mustCLI(t, db, "ingest", examplesDir(t))
	root := newRootCommand(nil, &bytes.Buffer{}, &bytes.Buffer{})
	ran := 0
	for _, c := range []string{"query", "export"} {
		cmd, _, err := root.Find([]string{c})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(cmd.Example, "\n") {
			args, err := splitArgs(strings.TrimSpace(l))
			if err != nil || len(args) < 2 || args[0] != "newsgraph" {
				continue
			}
			args = args[1:]
			for i, a := range args {
				if a == "--cursor" && i+1 < len(args) {
					args = append(args[:i:i], args[i+2:]...) // a cursor of another store
					break
				}
				if a == "--out" && i+1 < len(args) && args[i+1] != "-" {
					args[i+1] = filepath.Join(t.TempDir(), filepath.Base(args[i+1]))
				}
			}
			if code, out, errOut := cli(t, db, args...); code != 0 || strings.Contains(out, "(0 rows)") {
				t.Errorf("example %q: exit %d\n%s%s", l, code, out, errOut)
			}
			ran++
		}
	}
	if ran < 6 {
		t.Errorf("ran %d examples", ran)
	}
}

// splitArgs splits a shell line with "double" and 'single' quotes.
func splitArgs(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	in, quote, started := false, rune(0), false
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, started = r, true
		case r == ' ' || r == '\t':
			if started || in {
				out = append(out, cur.String())
				cur.Reset()
				in, started = false, false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed quote in %q", s)
	}
	if started || in {
		out = append(out, cur.String())
	}
	return out, nil
}
