package web

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"

	"dxnews/internal/metricstest"
)

func TestMetrics(t *testing.T) {
	f := newFixture(t)
	f.get("/api/articles")
	f.get("/api/articles")
	f.get("/api/articles?page=-1")
	f.get("/api/articles/" + f.arts[0].ID)
	f.get("/api/articles/0123456789abcdef")
	rec := f.get("/metrics")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("status %d, Content-Type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	fams := metricstest.Scrape(t, rec.Body.String())
	for _, tc := range []struct {
		route, code string
		want        float64
	}{
		{"/api/articles", "200", 2},
		{"/api/articles", "400", 1},
		{"/api/articles/{id}", "200", 1},
		{"/api/articles/{id}", "404", 1},
	} {
		m, ok := metricstest.Sample(fams, "dxnews_http_requests_total", map[string]string{"route": tc.route, "method": "GET", "code": tc.code})
		if !ok || m.GetCounter().GetValue() != tc.want {
			t.Errorf("dxnews_http_requests_total{route=%q,code=%q} = %v, want %v", tc.route, tc.code, m.GetCounter().GetValue(), tc.want)
		}
	}
	if fams["dxnews_http_request_duration_seconds"].GetType() != dto.MetricType_HISTOGRAM {
		t.Errorf("dxnews_http_request_duration_seconds is %v, want a histogram", fams["dxnews_http_request_duration_seconds"].GetType())
	}
	if m, ok := metricstest.Sample(fams, "dxnews_http_request_duration_seconds", map[string]string{"route": "/api/articles/{id}"}); !ok || m.GetHistogram().GetSampleCount() != 2 {
		t.Errorf("duration count of /api/articles/{id} = %v, want 2", m.GetHistogram().GetSampleCount())
	}
	if m, ok := metricstest.Sample(fams, "dxnews_articles", nil); !ok || fams["dxnews_articles"].GetType() != dto.MetricType_GAUGE || m.GetGauge().GetValue() != 3 {
		t.Errorf("dxnews_articles = %v, want a gauge of 3", m)
	}
	// The Go runtime and process collectors every dashboard graphs.
	for _, name := range []string{"go_goroutines", "go_memstats_alloc_bytes", "go_gc_duration_seconds", "process_open_fds", "process_resident_memory_bytes"} {
		if fams[name] == nil {
			t.Errorf("metrics lack %s", name)
		}
	}
	// The scrape itself is counted next time.
	fams = metricstest.Scrape(t, f.get("/metrics").Body.String())
	if m, ok := metricstest.Sample(fams, "dxnews_http_requests_total", map[string]string{"route": "/metrics", "code": "200"}); !ok || m.GetCounter().GetValue() != 1 {
		t.Error("metrics scrape not counted")
	}
}

// TestMetricsRegistryIsShared checks that metrics registered by the caller
// are served, and that one registry cannot back two handlers by accident.
func TestMetricsRegistryIsShared(t *testing.T) {
	f := newFixture(t)
	reg := NewRegistry()
	if _, err := New(Config{Index: f.index, Store: f.store, Metrics: reg}); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{Index: f.index, Store: f.store, Metrics: reg}); err == nil || !strings.Contains(err.Error(), "registering metrics") {
		t.Errorf("second handler on one registry: err = %v", err)
	}
}

// readerFromWriter is a ResponseWriter that records whether io.Copy went
// through ReadFrom (sendfile for files) and whether it was flushed.
type readerFromWriter struct {
	*httptest.ResponseRecorder
	readFrom bool
}

func (w *readerFromWriter) ReadFrom(r io.Reader) (int64, error) {
	w.readFrom = true
	return io.Copy(struct{ io.Writer }{w.ResponseRecorder}, r)
}

func TestStatusRecorderPassesReadFromAndFlush(t *testing.T) {
	under := &readerFromWriter{ResponseRecorder: httptest.NewRecorder()}
	rec := &statusRecorder{ResponseWriter: under}
	n, err := io.Copy(rec, struct{ io.Reader }{bytes.NewReader([]byte("audio bytes"))})
	if err != nil || n != 11 || !under.readFrom {
		t.Errorf("io.Copy: n %d, err %v, ReadFrom used %v", n, err, under.readFrom)
	}
	if rec.status != http.StatusOK || under.Body.String() != "audio bytes" {
		t.Errorf("status %d, body %q", rec.status, under.Body.String())
	}
	rec.Flush()
	if !under.Flushed {
		t.Error("Flush not passed through")
	}
	// Without ReadFrom underneath, io.Copy still writes everything.
	plain := httptest.NewRecorder()
	rec = &statusRecorder{ResponseWriter: plain}
	if _, err := io.Copy(rec, strings.NewReader("x")); err != nil || plain.Body.String() != "x" {
		t.Errorf("plain copy: %q %v", plain.Body.String(), err)
	}
}
