package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// benchmarkGet measures the handler serving one GET over the three
// fixture articles in an in-memory Bleve index.
func benchmarkGet(b *testing.B, target func(f *fixture) string) {
	f := newFixture(b)
	u := target(f)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

func BenchmarkArticlesAPI(b *testing.B) {
	benchmarkGet(b, func(*fixture) string { return "/api/articles?q=chuyen+doi+so" })
}

func BenchmarkArticlePage(b *testing.B) {
	benchmarkGet(b, func(f *fixture) string { return "/articles/" + f.arts[0].ID })
}

func BenchmarkSearchPage(b *testing.B) {
	benchmarkGet(b, func(*fixture) string { return "/search?q=chuyen+doi+so" })
}

func BenchmarkFeed(b *testing.B) {
	benchmarkGet(b, func(*fixture) string { return "/feeds/north-female.xml" })
}
