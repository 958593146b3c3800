package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"dxnews/crawler"
	"dxnews/internal/atomicfile"
	"dxnews/web"
)

// pipelineMetrics are the pipeline's Prometheus metrics. Stages report
// through plain callbacks (crawler.Config.OnPage) or the pipeline here; only
// the command knows Prometheus. A nil *pipelineMetrics records nothing.
type pipelineMetrics struct {
	reg            *prometheus.Registry
	pages          *prometheus.CounterVec
	articles       *prometheus.CounterVec
	extraction     prometheus.Histogram
	speechRequests *prometheus.CounterVec
	speechFailures *prometheus.CounterVec
	audioSeconds   *prometheus.CounterVec
	queue          *prometheus.GaugeVec
	webhooks       *prometheus.CounterVec

	mu sync.Mutex
	// success is the last successful fetch per source host in this process,
	// written to sourcesFile after each crawl.
	success map[string]time.Time
}

// sourcesFile keeps the last successful fetch per source host in the data
// folder, so the gauge survives restarts and a serve process reports the
// crawls of another.
const sourcesFile = "sources-last-success.json"

func newPipelineMetrics() *pipelineMetrics {
	m := &pipelineMetrics{
		reg: web.NewRegistry(),
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dxnews_crawl_pages_total",
			Help: "Pages requested by the crawler, by host and outcome (ok, not_modified, http_4xx, http_5xx, robots, too_large, off_site, blocked_address, error).",
		}, []string{"host", "outcome"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dxnews_crawl_articles_total",
			Help: "Article pages parsed, by outcome: kept, dropped (off-topic), unchanged, duplicate, near_duplicate.",
		}, []string{"outcome"}),
		extraction: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "dxnews_extraction_duration_seconds",
			Help:    "Time to extract the entities of one article.",
			Buckets: []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1},
		}),
		speechRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dxnews_speech_requests_total",
			Help: "Articles read aloud, by backend and voice (cache hits included).",
		}, []string{"backend", "voice"}),
		speechFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dxnews_speech_failures_total",
			Help: "Readings that failed, by backend and voice.",
		}, []string{"backend", "voice"}),
		audioSeconds: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dxnews_speech_audio_seconds_total",
			Help: "Seconds of audio synthesised by the backend (cache hits excluded), by backend and voice.",
		}, []string{"backend", "voice"}),
		queue: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "dxnews_queue_depth",
			Help: "Work waiting, by queue: crawl (URLs on the frontier), speech (article readings).",
		}, []string{"queue"}),
		webhooks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dxnews_webhook_requests_total",
			Help: "Webhook POSTs, by webhook URL (credentials and query removed) and outcome (ok, http_error, error).",
		}, []string{"webhook", "outcome"}),
		success: map[string]time.Time{},
	}
	m.reg.MustRegister(m.pages, m.articles, m.extraction, m.speechRequests, m.speechFailures, m.audioSeconds, m.queue, m.webhooks)
	m.queue.WithLabelValues("crawl").Set(0)
	m.queue.WithLabelValues("speech").Set(0)
	return m
}

// onPage counts one crawler request and remembers a successful one.
func (m *pipelineMetrics) onPage(ev crawler.PageEvent) {
	if m == nil {
		return
	}
	m.pages.WithLabelValues(ev.Host, ev.Outcome).Inc()
	m.queue.WithLabelValues("crawl").Set(float64(ev.Queued))
	if ev.Outcome == "ok" || ev.Outcome == "not_modified" {
		m.mu.Lock()
		m.success[ev.Host] = time.Now()
		m.mu.Unlock()
	}
}

// crawled adds a finished crawl's article outcomes and writes the sources'
// last successes to the data folder.
func (m *pipelineMetrics) crawled(dir string, s crawler.Stats) error {
	if m == nil {
		return nil
	}
	m.queue.WithLabelValues("crawl").Set(0)
	for outcome, n := range map[string]int{
		"kept": s.Kept, "dropped": s.Dropped, "unchanged": s.Unchanged,
		"duplicate": s.Skipped["duplicate"], "near_duplicate": s.Skipped["near-duplicate"],
	} {
		m.articles.WithLabelValues(outcome).Add(float64(n))
	}
	m.mu.Lock()
	fresh := make(map[string]time.Time, len(m.success))
	for h, t := range m.success {
		fresh[h] = t
	}
	m.mu.Unlock()
	return saveSourceSuccess(dir, fresh)
}

func (m *pipelineMetrics) extracted(d time.Duration) {
	if m != nil {
		m.extraction.Observe(d.Seconds())
	}
}

// spoke counts one reading; audio is counted only when the backend made it.
func (m *pipelineMetrics) spoke(backend, voice string, durationMS int64, cached bool, err error) {
	if m == nil {
		return
	}
	m.speechRequests.WithLabelValues(backend, voice).Inc()
	if err != nil {
		m.speechFailures.WithLabelValues(backend, voice).Inc()
		return
	}
	if !cached {
		m.audioSeconds.WithLabelValues(backend, voice).Add(float64(durationMS) / 1000)
	}
}

func (m *pipelineMetrics) webhookAttempt(hook, outcome string) {
	if m != nil {
		m.webhooks.WithLabelValues(hook, outcome).Inc()
	}
}

func (m *pipelineMetrics) speechQueue(n int) {
	if m != nil {
		m.queue.WithLabelValues("speech").Set(float64(n))
	}
}

// loadSourceSuccess reads sourcesFile; a missing file is an empty map.
func loadSourceSuccess(dir string) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	b, err := os.ReadFile(filepath.Join(dir, sourcesFile))
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, errors.New(sourcesFile + " is corrupt: " + err.Error())
	}
	return out, nil
}

// saveSourceSuccess merges fresh into sourcesFile, keeping the later time
// of each host, and replaces the file atomically.
func saveSourceSuccess(dir string, fresh map[string]time.Time) error {
	if len(fresh) == 0 {
		return nil
	}
	all, err := loadSourceSuccess(dir)
	if err != nil {
		all = map[string]time.Time{}
	}
	for h, t := range fresh {
		if t.After(all[h]) {
			all[h] = t.UTC()
		}
	}
	b, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, sourcesFile), b, 0o644)
}

// dataCollector reports, at each scrape, what the data folder holds: the
// articles stored, how far the index lags behind them, and the last
// successful fetch of each source (from sourcesFile and this process).
type dataCollector struct {
	d *data
	m *pipelineMetrics
}

var (
	storedDesc = prometheus.NewDesc("dxnews_articles_stored",
		"Articles in the store (the source of truth).", nil, nil)
	lagDesc = prometheus.NewDesc("dxnews_index_lag_articles",
		"Stored articles missing from the search index (stored minus indexed, at least 0).", nil, nil)
	lastSuccessDesc = prometheus.NewDesc("dxnews_source_last_success_timestamp_seconds",
		"Unix time of the last page a source's host answered with 2xx or 304.", []string{"source"}, nil)
)

func (c dataCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- storedDesc
	ch <- lagDesc
	ch <- lastSuccessDesc
}

func (c dataCollector) Collect(ch chan<- prometheus.Metric) {
	stored, err := countArticles(c.d.store.Dir())
	if err != nil {
		ch <- prometheus.NewInvalidMetric(storedDesc, err)
	} else {
		ch <- prometheus.MustNewConstMetric(storedDesc, prometheus.GaugeValue, float64(stored))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		indexed, err := c.d.index.Count(ctx)
		cancel()
		if err != nil {
			ch <- prometheus.NewInvalidMetric(lagDesc, err)
		} else {
			ch <- prometheus.MustNewConstMetric(lagDesc, prometheus.GaugeValue, float64(max(0, stored-indexed)))
		}
	}
	last, err := loadSourceSuccess(c.d.store.Dir())
	if err != nil {
		ch <- prometheus.NewInvalidMetric(lastSuccessDesc, err)
		return
	}
	if c.m != nil {
		c.m.mu.Lock()
		for h, t := range c.m.success {
			if t.After(last[h]) {
				last[h] = t
			}
		}
		c.m.mu.Unlock()
	}
	for h, t := range last {
		ch <- prometheus.MustNewConstMetric(lastSuccessDesc, prometheus.GaugeValue, float64(t.UnixNano())/1e9, h)
	}
}

// countArticles counts the article files of the store in dir.
func countArticles(dir string) (int, error) {
	ents, err := os.ReadDir(filepath.Join(dir, "articles"))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range ents {
		if name := e.Name(); strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".") {
			n++
		}
	}
	return n, nil
}
