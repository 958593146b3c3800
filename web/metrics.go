package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Registry is where the web layer registers its metrics and what /metrics
// serves; *prometheus.Registry is one.
type Registry interface {
	prometheus.Registerer
	prometheus.Gatherer
}

// NewRegistry returns a registry holding the standard Go runtime
// (go_goroutines, go_memstats_*) and process (process_open_fds,
// process_resident_memory_bytes, …) collectors.
func NewRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return reg
}

// metrics counts requests by route, method and status, and their durations
// by route. Routes are the mux patterns, so label values stay bounded.
type metrics struct {
	requests  *prometheus.CounterVec
	durations *prometheus.HistogramVec
	handler   http.Handler

	// series holds the counter and histogram of each route, method and
	// code seen, so a request costs one map look-up, not two label
	// look-ups and a status formatted. The label values are bounded, so
	// is the map.
	mu     sync.RWMutex
	series map[seriesKey]series
}

type seriesKey struct {
	route, method string
	code          int
}

type series struct {
	requests prometheus.Counter
	duration prometheus.Observer
}

func newMetrics(reg Registry, idx Searcher, log *slog.Logger) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dxnews_http_requests_total",
			Help: "HTTP requests served, by route, method and status code.",
		}, []string{"route", "method", "code"}),
		durations: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "dxnews_http_request_duration_seconds",
			Help:    "Time to serve HTTP requests, by route.",
			Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		series: map[seriesKey]series{},
	}
	for _, c := range []prometheus.Collector{m.requests, m.durations, indexedCollector{idx}} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("web: registering metrics: %w", err)
		}
	}
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{
		ErrorLog:      slog.NewLogLogger(log.Handler(), slog.LevelError),
		ErrorHandling: promhttp.ContinueOnError,
	})
	return m, nil
}

func (m *metrics) observe(route, method string, code int, d time.Duration) {
	k := seriesKey{route, method, code}
	m.mu.RLock()
	s, ok := m.series[k]
	m.mu.RUnlock()
	if !ok {
		s = series{m.requests.WithLabelValues(route, method, strconv.Itoa(code)), m.durations.WithLabelValues(route)}
		m.mu.Lock()
		m.series[k] = s
		m.mu.Unlock()
	}
	s.requests.Inc()
	s.duration.Observe(d.Seconds())
}

// indexedCollector reports the number of articles in the search index at
// each scrape.
type indexedCollector struct{ idx Searcher }

var indexedDesc = prometheus.NewDesc("dxnews_articles", "Articles in the search index.", nil, nil)

func (c indexedCollector) Describe(ch chan<- *prometheus.Desc) { ch <- indexedDesc }

func (c indexedCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	n, err := c.idx.Count(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(indexedDesc, fmt.Errorf("counting articles: %w", err))
		return
	}
	ch <- prometheus.MustNewConstMetric(indexedDesc, prometheus.GaugeValue, float64(n))
}

func (s *server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	s.metrics.handler.ServeHTTP(w, r)
}
