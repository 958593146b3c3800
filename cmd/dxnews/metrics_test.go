package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"dxnews/demosite"
	"dxnews/internal/metricstest"
	"dxnews/tts"
	"dxnews/tts/ttstest"
)

// scrape reads /metrics from h through metricstest.
func scrape(t *testing.T, h http.Handler) map[string]*dto.MetricFamily {
	t.Helper()
	rec := getFrom(h, "/metrics")
	if rec.Code != http.StatusOK {
		t.Fatalf("/metrics: %d %s", rec.Code, rec.Body)
	}
	return metricstest.Scrape(t, rec.Body.String())
}

// TestMetricsScrape crawls the sample site, reads one article aloud with a
// voice that fails, then scrapes /metrics with the client library's parser
// and checks the runtime, process and pipeline metrics.
func TestMetricsScrape(t *testing.T) {
	long(t)
	mp3 := ttstest.Audio(t, "sine.mp3")
	ctx := context.Background()
	dir := t.TempDir()
	hook := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer hook.Close()
	vars := map[string]string{"DXNEWS_WEBHOOK_URL": hook.URL + "/in?key=x", "DXNEWS_WEBHOOK_SECRET": "s"}
	// Crawl workers log and print progress at once: stderr must take
	// concurrent writes, as Main's does.
	e := newEnv("test", nil, &bytes.Buffer{}, io.Discard, func(k string) string { return vars[k] })
	d, err := openData(context.Background(), e, dir, modeOwn)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	site := httptest.NewServer(demosite.Handler())
	defer site.Close()
	before := time.Now()
	res, err := crawlOnce(ctx, e, d, crawlOptions{dir: dir, seeds: []string{site.URL + "/"}, impolite: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.stats.Kept == 0 {
		t.Fatalf("the sample site gave no articles: %s", res.summary())
	}
	p := &pipeline{
		data: d, logger: e.logger, metrics: e.metrics,
		speaker: &tts.Speaker{Backend: fakeSynth{mp3: mp3, fails: "south-male"}},
		voices:  []string{"north-female", "south-male"},
	}
	addArticle(t, p, "chuyen-doi-so-2.html", "Xã ra mắt trợ lý ảo", "Trợ lý ảo trả lời 300 câu hỏi về thủ tục hành chính.")
	// Every stored article is owed speech: the crawled ones and the one added.
	if err := p.speakOwed(ctx); err != nil {
		t.Fatal(err)
	}
	hooks, err := newWebhooks(e, d, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := hooks.Deliver(ctx); err != nil {
		t.Fatal(err)
	}

	h, err := newHandler(e, d)
	if err != nil {
		t.Fatal(err)
	}
	getFrom(h, "/api/articles")
	fams := scrape(t, h)
	host := mustParse(t, site.URL).Hostname()
	for _, tc := range []struct {
		name   string
		typ    dto.MetricType
		labels map[string]string
		check  func(m *dto.Metric) bool
	}{
		{"go_goroutines", dto.MetricType_GAUGE, nil, func(m *dto.Metric) bool { return m.GetGauge().GetValue() > 0 }},
		{"go_memstats_heap_alloc_bytes", dto.MetricType_GAUGE, nil, func(m *dto.Metric) bool { return m.GetGauge().GetValue() > 0 }},
		{"process_open_fds", dto.MetricType_GAUGE, nil, func(m *dto.Metric) bool { return m.GetGauge().GetValue() > 0 }},
		{"process_resident_memory_bytes", dto.MetricType_GAUGE, nil, func(m *dto.Metric) bool { return m.GetGauge().GetValue() > 0 }},
		{"dxnews_http_requests_total", dto.MetricType_COUNTER, map[string]string{"route": "/api/articles", "code": "200"}, func(m *dto.Metric) bool { return m.GetCounter().GetValue() == 1 }},
		{"dxnews_crawl_pages_total", dto.MetricType_COUNTER, map[string]string{"host": host, "outcome": "ok"}, func(m *dto.Metric) bool { return int(m.GetCounter().GetValue()) == res.stats.Fetched }},
		{"dxnews_crawl_articles_total", dto.MetricType_COUNTER, map[string]string{"outcome": "kept"}, func(m *dto.Metric) bool { return int(m.GetCounter().GetValue()) == res.stats.Kept }},
		{"dxnews_crawl_articles_total", dto.MetricType_COUNTER, map[string]string{"outcome": "dropped"}, func(m *dto.Metric) bool { return int(m.GetCounter().GetValue()) == res.stats.Dropped }},
		{"dxnews_extraction_duration_seconds", dto.MetricType_HISTOGRAM, nil, func(m *dto.Metric) bool { return int(m.GetHistogram().GetSampleCount()) == res.stats.Kept+1 }},
		{"dxnews_articles", dto.MetricType_GAUGE, nil, func(m *dto.Metric) bool { return int(m.GetGauge().GetValue()) == res.stats.Kept+1 }},
		{"dxnews_articles_stored", dto.MetricType_GAUGE, nil, func(m *dto.Metric) bool { return int(m.GetGauge().GetValue()) == res.stats.Kept+1 }},
		{"dxnews_index_lag_articles", dto.MetricType_GAUGE, nil, func(m *dto.Metric) bool { return m.GetGauge().GetValue() == 0 }},
		{"dxnews_speech_requests_total", dto.MetricType_COUNTER, map[string]string{"backend": "fake", "voice": "north-female"}, func(m *dto.Metric) bool { return int(m.GetCounter().GetValue()) == res.stats.Kept+1 }},
		{"dxnews_speech_failures_total", dto.MetricType_COUNTER, map[string]string{"backend": "fake", "voice": "south-male"}, func(m *dto.Metric) bool { return int(m.GetCounter().GetValue()) == res.stats.Kept+1 }},
		{"dxnews_speech_audio_seconds_total", dto.MetricType_COUNTER, map[string]string{"backend": "fake", "voice": "north-female"}, func(m *dto.Metric) bool { return m.GetCounter().GetValue() > 0 }},
		{"dxnews_webhook_requests_total", dto.MetricType_COUNTER, map[string]string{"webhook": hook.URL + "/in?…", "outcome": "ok"}, func(m *dto.Metric) bool { return int(m.GetCounter().GetValue()) == res.stats.Kept+1 }},
		{"dxnews_queue_depth", dto.MetricType_GAUGE, map[string]string{"queue": "crawl"}, func(m *dto.Metric) bool { return m.GetGauge().GetValue() == 0 }},
		{"dxnews_queue_depth", dto.MetricType_GAUGE, map[string]string{"queue": "speech"}, func(m *dto.Metric) bool { return m.GetGauge().GetValue() == 0 }},
		{"dxnews_source_last_success_timestamp_seconds", dto.MetricType_GAUGE, map[string]string{"source": host}, func(m *dto.Metric) bool {
			v := m.GetGauge().GetValue()
			return v >= float64(before.Unix()) && v <= float64(time.Now().Unix()+1)
		}},
	} {
		if fams[tc.name].GetType() != tc.typ {
			t.Errorf("%s: type %v, want %v", tc.name, fams[tc.name].GetType(), tc.typ)
			continue
		}
		m, _ := metricstest.Sample(fams, tc.name, tc.labels)
		if m == nil || !tc.check(m) {
			t.Errorf("%s%v = %v: unexpected (stats %+v)", tc.name, tc.labels, m, res.stats)
		}
	}

	// The last success is kept in the data folder, so a fresh process that
	// only serves still reports it.
	e2 := newEnv("serve", nil, &bytes.Buffer{}, io.Discard, func(string) string { return "" })
	h2, err := newHandler(e2, d)
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := metricstest.Sample(scrape(t, h2), "dxnews_source_last_success_timestamp_seconds", map[string]string{"source": host}); m == nil || m.GetGauge().GetValue() < float64(before.Unix()) {
		t.Errorf("a new process lost the last success of %s: %v", host, m)
	}
}

func mustParse(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
