package web

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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

// BenchmarkAudioRange serves a 64 KiB range of an MP3 through the server's
// handler and, as the baseline, through net/http's file server over the
// same file: the difference is what routing, checks and metrics cost.
func BenchmarkAudioRange(b *testing.B) {
	f := newFixture(b)
	id, voice := f.arts[0].ID, "north-female"
	p := f.store.AudioPath(id, voice)
	big := make([]byte, 2<<20)
	if err := os.WriteFile(p, big, 0o644); err != nil {
		b.Fatal(err)
	}
	plain := http.FileServer(http.Dir(filepath.Dir(p)))
	for _, c := range []struct {
		name string
		h    http.Handler
		u    string
	}{
		{"server", f.h, "/api/audio/" + id + "/" + voice + ".mp3"},
		{"fileserver", plain, "/" + filepath.Base(p)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				req := httptest.NewRequest(http.MethodGet, c.u, nil)
				req.Header.Set("Range", "bytes=65536-131071")
				c.h.ServeHTTP(rec, req)
				if rec.Code != http.StatusPartialContent {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
