package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// standbyEnv names a hot standby streaming from NEWSGRAPH_TEST_POSTGRES.
const standbyEnv = "NEWSGRAPH_TEST_POSTGRES_STANDBY"

// The deployment of docs/deployment.md on one machine: ingest processes
// write to the primary; `serve --read-only` runs on the hot standby. A
// document ingested on the primary becomes answerable by the replica's
// server, /api/stats shows the lag, and the replica refuses writes.
func TestReplicaServerAnswersPrimaryIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED: builds the binary; run without -short")
	}
	primary := graphtest.Postgres(t).Address // skips loudly without PostgreSQL
	standbyAddr := os.Getenv(standbyEnv)
	if standbyAddr == "" {
		t.Skipf("SKIPPED: replica tests not run: set %s to a hot standby of %s", standbyEnv, graphtest.PostgresEnv)
	}
	u, err := url.Parse(primary)
	if err != nil {
		t.Fatal(err)
	}
	su, err := url.Parse(standbyAddr)
	if err != nil {
		t.Fatal(err)
	}
	q := su.Query()
	q.Set("search_path", u.Query().Get("search_path"))
	su.RawQuery = q.Encode()
	standby := su.String()
	bin := buildBinary(t)

	// Two ingest processes (as on two machines) write to the primary.
	docs := t.TempDir()
	writeFile(t, filepath.Join(docs, "a.txt"), []byte("Mara Voss, the mayor of Lindqvist, opened the new station on Monday.\n"))
	writeFile(t, filepath.Join(docs, "b.txt"), []byte("The Harbor Council controls the port of Selby Ford, officials said.\n"))
	runBin := func(args ...string) (string, error) {
		out, err := exec.Command(bin, args...).CombinedOutput()
		return string(out), err
	}
	errs := make(chan error, 2)
	for _, f := range []string{"a.txt", "b.txt"} {
		go func() {
			out, err := runBin(append(storeFlags(primary), "ingest", "--no-progress", filepath.Join(docs, f))...)
			if err != nil {
				err = fmt.Errorf("ingest %s on the primary: %w\n%s", f, err, out)
			}
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}

	// The replica's server, on the standby (it waits for the tables to
	// arrive: serve fails until they have).
	port := freePort(t)
	base := "http://127.0.0.1:" + port
	var srv *exec.Cmd
	var exited chan struct{}
	var srvOut syncBuffer
	start := func() {
		srv = exec.Command(bin, append(storeFlags(standby), "serve", "--addr", "127.0.0.1:"+port)...)
		srv.Stdout, srv.Stderr = &srvOut, &srvOut
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		exited = make(chan struct{})
		go func(c *exec.Cmd, done chan struct{}) { c.Wait(); close(done) }(srv, exited)
	}
	start()
	t.Cleanup(func() { srv.Process.Kill(); <-exited })
	waitFor(t, "the replica's server to start", func() error {
		select {
		case <-exited:
			start() // the tables had not reached the standby yet
			return fmt.Errorf("serve exited: %s", srvOut.String())
		default:
		}
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			return err
		}
		resp.Body.Close()
		return nil
	})

	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatalf("GET %s: %v (server output: %s)", path, err, srvOut.String())
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	waitFor(t, "both documents on the replica", func() error {
		for _, id := range []string{"a", "b"} {
			if code, body := get("/api/documents/" + id); code != http.StatusOK {
				return fmt.Errorf("document %s: %d %s", id, code, body)
			}
		}
		return nil
	})

	// A document ingested while the replica serves reaches it too, and is
	// answered by a saved query.
	writeFile(t, filepath.Join(docs, "c.txt"), []byte("Daniel Okafor, the governor of Arvana, met the Northern Brigade on Tuesday.\n"))
	if out, err := runBin(append(storeFlags(primary), "ingest", "--no-progress", filepath.Join(docs, "c.txt"))...); err != nil {
		t.Fatalf("ingest c.txt: %v\n%s", err, out)
	}
	waitFor(t, "the new document on the replica", func() error {
		if code, body := get("/api/documents/c"); code != http.StatusOK {
			return fmt.Errorf("%d %s", code, body)
		}
		return nil
	})
	if code, body := get("/api/queries/roles?person=" + url.QueryEscape("Daniel Okafor")); code != http.StatusOK || !strings.Contains(body, "Arvana") {
		t.Errorf("roles of Daniel Okafor on the replica: %d %s", code, body)
	}

	// /api/stats says it is a standby, and how far behind.
	code, body := get("/api/stats")
	var st struct {
		Documents   int64 `json:"documents"`
		ReadOnly    bool  `json:"read_only"`
		Replication *struct {
			Role       string   `json:"role"`
			LagSeconds *float64 `json:"lag_seconds"`
			Receiving  bool     `json:"receiving"`
		} `json:"replication"`
	}
	if err := json.Unmarshal([]byte(body), &st); code != http.StatusOK || err != nil {
		t.Fatalf("stats: %d %s %v", code, body, err)
	}
	if st.Documents != 3 || !st.ReadOnly || st.Replication == nil || st.Replication.Role != "standby" || st.Replication.LagSeconds == nil || !st.Replication.Receiving {
		t.Errorf("replica's /api/stats: %s", body)
	}

	// Writes are refused: by the server (read-only on a standby even
	// without --read-only) and by the CLI pointed at the standby.
	resp, err := http.Post(base+"/api/documents?id=d", "text/plain", strings.NewReader("Leyla Haddad visited Kessel."))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST /api/documents on the replica: %d, want 403", resp.StatusCode)
	}
	out, err := runBin(append(storeFlags(standby), "delete", "a")...)
	if err == nil || !strings.Contains(out, "hot standby") || !strings.Contains(out, "primary") {
		t.Errorf("delete on the standby: %v\n%s", err, out)
	}
}

// syncBuffer is a strings.Builder a child process may write to while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// waitFor retries fn until it succeeds; the deadline only bounds a broken
// replication, it asserts no timing.
func waitFor(t *testing.T, what string, fn func() error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	for {
		err := fn()
		if err == nil {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v", what, err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
