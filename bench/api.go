package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// measureAPIRatio serves the store with api.New on 127.0.0.1 and, for every
// saved Gizmo query, compares the throughput of GET /api/queries/{name}
// with that of the same program (queries.Program: the query with its
// parameters, the vocabulary and the helper library inlined) POSTed to
// Cayley's /api/v2/query on the same server. Both sides run with
// opt.Workers concurrent clients, alternately, RatioRounds times.
func measureAPIRatio(ctx context.Context, opt *Options, st *graph.Store, reg *queries.Registry, sets []paramSet) (APIRatio, error) {
	out := APIRatio{Clients: opt.Workers, Rounds: opt.RatioRounds, Requests: opt.APIRequests}
	srv, err := api.New(api.Config{Addr: "127.0.0.1:0"}, api.Deps{Store: st, Queries: reg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return out, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return out, err
	}
	baseline := runtime.NumGoroutine()
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, ln) }()
	base := "http://" + ln.Addr().String()
	client := newClient(opt.Workers)
	defer func() {
		stop()
		<-done
		client.CloseIdleConnections()
		// A Gizmo script whose request failed or timed out can outlive the
		// request and the server (queries/gizmo runs it on its own
		// goroutine); closing the store under it crashes the process in
		// bolt. Wait for such stragglers before the caller closes the store.
		for deadline := time.Now().Add(time.Minute); runtime.NumGoroutine() > baseline && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
	}()

	var oursTotal, theirsTotal time.Duration
	var set paramSet
	for _, s := range sets {
		if s.Variant == "typical" {
			set = s
		}
	}
	for _, q := range reg.List() {
		if q.Lang != "gizmo" {
			continue
		}
		params, ok := bind(q, set)
		if !ok {
			continue
		}
		prog, err := queries.Program(q, params)
		if err != nil {
			return out, err
		}
		v := url.Values{}
		for k, val := range params {
			v.Set(k, val)
		}
		ours := func() error {
			return get(ctx, client, base+"/api/queries/"+url.PathEscape(q.Name)+"?"+v.Encode())
		}
		// Our route returns its default page; Cayley gets the same row cap.
		theirs := func() error {
			return post(ctx, client, base+"/api/v2/query?lang=gizmo&limit="+strconv.Itoa(queries.DefaultPageSize), prog)
		}
		// Both must work before their speed means anything.
		if err := ours(); err != nil {
			out.Queries = append(out.Queries, APIQueryStat{Name: q.Name, Err: "REST: " + err.Error()})
			continue
		}
		if err := theirs(); err != nil {
			out.Queries = append(out.Queries, APIQueryStat{Name: q.Name, Err: "Cayley: " + err.Error()})
			continue
		}
		var to, tt time.Duration
		var failed string
		for range opt.RatioRounds {
			d, err := hammer(opt.Workers, opt.APIRequests, ours)
			if err != nil {
				failed = "REST: " + err.Error()
				break
			}
			to += d
			d, err = hammer(opt.Workers, opt.APIRequests, theirs)
			if err != nil {
				failed = "Cayley: " + err.Error()
				break
			}
			tt += d
		}
		if failed != "" {
			opt.logf("api %s: %s", q.Name, failed)
			out.Queries = append(out.Queries, APIQueryStat{Name: q.Name, Params: params, Err: failed})
			continue
		}
		n := float64(opt.APIRequests * opt.RatioRounds)
		qs := APIQueryStat{Name: q.Name, Params: params, OursPerSec: n / to.Seconds(), CayleyPerSec: n / tt.Seconds()}
		qs.Ratio = qs.OursPerSec / qs.CayleyPerSec
		oursTotal += to
		theirsTotal += tt
		opt.logf("api %s: REST %.1f req/s, Cayley %.1f req/s, ratio %.2f", q.Name, qs.OursPerSec, qs.CayleyPerSec, qs.Ratio)
		out.Queries = append(out.Queries, qs)
	}
	if oursTotal > 0 {
		out.Measured = true
		// Each query counts once (geometric mean of the per-query
		// ratios); the time-weighted ratio is dominated by the slowest.
		logSum, n := 0.0, 0
		for _, q := range out.Queries {
			if q.Err == "" && q.Ratio > 0 {
				logSum += math.Log(q.Ratio)
				n++
			}
		}
		if n > 0 {
			out.Ratio = math.Exp(logSum / float64(n))
		}
		out.TimeWeightedRatio = theirsTotal.Seconds() / oursTotal.Seconds()
	}
	return out, nil
}

// newClient keeps a connection per concurrent caller alive.
func newClient(conns int) *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conns * 2}, Timeout: time.Minute}
}

// hammer runs n calls of fn on c goroutines and returns the wall time.
func hammer(c, n int, fn func() error) (time.Duration, error) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	next := make(chan struct{}, n)
	for range n {
		next <- struct{}{}
	}
	close(next)
	t0 := time.Now()
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				if err := fn(); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	return time.Since(t0), first
}

func get(ctx context.Context, c *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	return do(c, req)
}

func post(ctx context.Context, c *http.Client, u, body string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/javascript")
	return do(c, req)
}

// do sends a request and reads the whole answer: a non-200 status or a
// JSON body with an "error" member is an error.
func do(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", resp.Status, truncate(oneLine(string(body)), 300))
	}
	var probe struct {
		Error any `json:"error"`
	}
	if json.Unmarshal(body, &probe) == nil && probe.Error != nil {
		return fmt.Errorf("error in body: %v", truncate(oneLine(fmt.Sprint(probe.Error)), 300))
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
