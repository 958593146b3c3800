package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"dxnews/resolve"
)

// BenchmarkAnalysis20k serves the analysis API and pages over 20,000
// generated articles, resolved once before timing.
//
//	go test -run '^$' -bench Analysis20k ./web/
func BenchmarkAnalysis20k(b *testing.B) {
	arts := resolve.SampleArticles(20_000)
	r := resolve.NewResolver()
	r.Load(arts)
	if _, err := r.Graph(context.Background()); err != nil {
		b.Fatal(err)
	}
	h, err := New(Config{Index: newTestIndex(b), Store: &memStore{dir: b.TempDir()}, Resolver: r})
	if err != nil {
		b.Fatal(err)
	}
	for _, u := range []string{
		"/api/entities?type=organization&q=thong+tin",
		"/api/entities?type=person&q=nguyen+van",
		"/api/targets?family=digital-economy-share&year=2025&place=TP.HCM",
		"/api/roles?q=Gi%C3%A1m+%C4%91%E1%BB%91c+S%E1%BB%9F+TT%26TT+H%C3%A0+N%E1%BB%99i",
		"/targets?family=digital-economy-share&year=2025",
		"/decisions/101/Q%C4%90-UBND",
		"/entities/organization/organization-bo-thong-tin-truyen-thong",
	} {
		b.Run(u, func(b *testing.B) {
			var bytes int
			for range b.N {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
				if rec.Code != 200 {
					b.Fatalf("%s: %d %.200s", u, rec.Code, rec.Body)
				}
				bytes = rec.Body.Len()
			}
			b.ReportMetric(float64(bytes)/1024, "KiB")
		})
	}
}
