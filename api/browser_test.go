package api

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// chromiumPath is Debian's chromium package, installed by .ci/run.
const chromiumPath = "/usr/bin/chromium"

// TestBrowserConsole opens the console in headless Chromium as served by
// `newsgraph serve` (built from ./cmd/newsgraph, over a bolt store seeded
// with the test documents, on a random loopback port): a Gizmo query in the Query tab shows its result, the Visualize
// tab draws a saved query's graph (screenshots in the test's output
// folder), and no request leaves 127.0.0.1. It needs node, chromium and
// the browser driver (npm ci in api/console); the console's own assets are
// the committed api/assets/dist, so no generate step is involved.
func TestBrowserConsole(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("SKIPPED: browser test needs node (apt-get install nodejs npm)")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("SKIPPED: browser test needs %s (apt-get install chromium)", chromiumPath)
	}
	consoleDir, err := filepath.Abs("console")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(consoleDir, "node_modules", "playwright-core")); err != nil {
		t.Skip("SKIPPED: browser test needs playwright-core (cd api/console && npm ci, or go generate ./api/...)")
	}

	base := startBinary(t)
	prog := getText(t, base+"/api/queries/relations?entity=SDF&format=gizmo")

	out := t.ArtifactDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(consoleDir, "browser-test.js"))
	cmd.Dir = consoleDir
	cmd.Env = append(os.Environ(),
		"BASE_URL="+base,
		"OUT_DIR="+out,
		"CHROMIUM="+chromiumPath,
		`QUERY=g.V("<ent:location/raqqa>").In("<ng:controls>").Out("<ng:name>").Unique().All()`,
		"EXPECT=Syrian Democratic Forces",
		"VIS_QUERY="+prog,
		"VIS_EXPECT_NODES=2",
	)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	t.Logf("browser test output:\n%s%s", stdout.String(), stderr.String())
	if err != nil {
		t.Fatalf("browser test failed: %v", err)
	}
	for _, f := range []string{"query.png", "visualize.png"} {
		st, err := os.Stat(filepath.Join(out, f))
		if err != nil || st.Size() < 5000 {
			t.Errorf("screenshot %s missing or empty: %v", f, err)
		}
	}
	if !strings.Contains(stdout.String(), "no request left 127.0.0.1") {
		t.Error("the script did not confirm that every request stayed local")
	}
	t.Logf("screenshots in %s", (&url.URL{Scheme: "file", Path: out}).String())
}

// startBinary builds newsgraph, seeds a bolt store, runs `newsgraph serve`
// on a free loopback port until the test ends, and returns its base URL.
func startBinary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("SKIPPED: browser test needs the go tool to build newsgraph")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/newsgraph")
	build.Dir = root
	if outb, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/newsgraph: %v\n%s", err, outb)
	}

	db := filepath.Join(dir, "store")
	store, err := graph.Open(context.Background(), graph.Config{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	var exts []schema.Extraction
	for _, d := range seedDocs {
		ext, err := testExtractor{}.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		exts = append(exts, ext)
	}
	if _, err := store.WriteDocuments(context.Background(), exts); err != nil {
		t.Fatal(err)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}

	// A free port: the kernel picks one, we release it for the server.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	var logs bytes.Buffer
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", addr)
	cmd.Dir = dir // no newsgraph.yaml here
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		// SIGINT: the server shuts down gracefully and exits 0.
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("newsgraph serve exited with %v\n%s", err, logs.String())
			}
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("newsgraph serve did not stop on SIGINT\n%s", logs.String())
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(90 * time.Second)
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base
			}
		}
		select {
		case err := <-exited:
			t.Fatalf("newsgraph serve exited early: %v\n%s", err, logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("newsgraph serve not healthy after 90s\n%s", logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func getText(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %v %s", u, resp.StatusCode, err, short(b))
	}
	return string(b)
}
