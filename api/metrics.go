package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics live in a registry per server, so two servers in one process
// (tests) do not share counters.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	queries  *prometheus.CounterVec
	inFlight prometheus.Gauge
	ingested *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_http_requests_total",
			Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsgraph_http_request_duration_seconds",
			Help:    "HTTP request latency by route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		queries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_queries_total",
			Help: "Queries run, by kind (saved, adhoc, cayley) and outcome (ok, error, timeout, cancelled).",
		}, []string{"kind", "outcome"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsgraph_queries_in_flight",
			Help: "Queries running now.",
		}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_ingested_documents_total",
			Help: "Documents posted to the API, by write status (added, replaced, unchanged, failed).",
		}, []string{"status"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.queries, m.inFlight, m.ingested,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

func (m *metrics) observe(r *http.Request, status int, d time.Duration) {
	route := r.Pattern
	if route == "" {
		route = "unmatched"
	}
	m.requests.WithLabelValues(route, r.Method, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

// queryStarted counts a query in flight; the returned func records its end
// with the query's error (nil for success).
func (m *metrics) queryStarted(kind string) func(err error) {
	m.inFlight.Inc()
	return func(err error) {
		m.inFlight.Dec()
		outcome := "ok"
		switch {
		case err == nil:
		case errors.Is(err, context.DeadlineExceeded):
			outcome = "timeout"
		case errors.Is(err, context.Canceled):
			outcome = "cancelled"
		default:
			var e *Error
			if errors.As(err, &e) && e.Code == CodeQueryTimeout {
				outcome = "timeout"
			} else if errors.As(err, &e) && e.Code == CodeClientClosed {
				outcome = "cancelled"
			} else {
				outcome = "error"
			}
		}
		m.queries.WithLabelValues(kind, outcome).Inc()
	}
}
