package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

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
