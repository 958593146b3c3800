package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
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
	body := rec.Body.String()
	for _, want := range []string{
		`dxnews_http_requests_total{route="/api/articles",method="GET",code="200"} 2`,
		`dxnews_http_requests_total{route="/api/articles",method="GET",code="400"} 1`,
		`dxnews_http_requests_total{route="/api/articles/{id}",method="GET",code="200"} 1`,
		`dxnews_http_requests_total{route="/api/articles/{id}",method="GET",code="404"} 1`,
		`dxnews_http_request_duration_seconds_bucket{route="/api/articles",le="+Inf"} 3`,
		`dxnews_http_request_duration_seconds_count{route="/api/articles/{id}"} 2`,
		"# TYPE dxnews_http_request_duration_seconds histogram",
		"# TYPE dxnews_articles gauge\ndxnews_articles 3\n",
		"# TYPE go_goroutines gauge\ngo_goroutines ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
	// Every sample line is well formed.
	sample := regexp.MustCompile(`^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [0-9.e+-]+$`)
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		if !strings.HasPrefix(line, "#") && !sample.MatchString(line) {
			t.Errorf("bad sample line %q", line)
		}
	}
	// The scrape itself is counted next time.
	if !strings.Contains(f.get("/metrics").Body.String(), `route="/metrics",method="GET",code="200"} 1`) {
		t.Error("metrics scrape not counted")
	}
}

func TestLabelValueEscapes(t *testing.T) {
	if got := labelValue("a\"b\\c\nd"); got != `"a\"b\\c\nd"` {
		t.Fatalf("labelValue = %s", got)
	}
}
