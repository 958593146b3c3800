package main

import (
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"dxnews/crawler"
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

// counterVec returns a counter called name, with its help, by labels.
func counterVec(name, help string, labels ...string) *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
}

func newPipelineMetrics() *pipelineMetrics {
	m := &pipelineMetrics{
		reg: web.NewRegistry(),
		pages: counterVec("dxnews_crawl_pages_total",
			"Pages requested by the crawler, by host and outcome (ok, not_modified, http_4xx, http_5xx, robots, too_large, off_site, blocked_address, error).",
			"host", "outcome"),
		articles: counterVec("dxnews_crawl_articles_total",
			"Article pages parsed, by outcome: kept, dropped (off-topic), unchanged, duplicate, near_duplicate.",
			"outcome"),
		extraction: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "dxnews_extraction_duration_seconds",
			Help:    "Time to extract the entities of one article.",
			Buckets: []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1},
		}),
		speechRequests: counterVec("dxnews_speech_requests_total",
			"Articles read aloud, by backend and voice (cache hits included).",
			"backend", "voice"),
		speechFailures: counterVec("dxnews_speech_failures_total",
			"Readings that failed, by backend and voice.",
			"backend", "voice"),
		audioSeconds: counterVec("dxnews_speech_audio_seconds_total",
			"Seconds of audio synthesised by the backend (cache hits excluded), by backend and voice.",
			"backend", "voice"),
		queue: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "dxnews_queue_depth",
			Help: "Work waiting, by queue: crawl (URLs on the frontier), speech (article readings).",
		}, []string{"queue"}),
		webhooks: counterVec("dxnews_webhook_requests_total",
			"Webhook POSTs, by webhook URL (credentials and query removed) and outcome (ok, http_error, error).",
			"webhook", "outcome"),
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
