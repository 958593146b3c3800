package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzParams sends any raw query string to every endpoint that reads
// parameters: the answer is never a 5xx, and a 400 from the API names the
// parameter it refused.
func FuzzParams(f *testing.F) {
	for _, s := range []string{
		"q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91&page=2&size=10",
		"page=1000000000&size=1000000",
		"from=2024-13-01&to=2023-01-01",
		"q=%ff%fe&person=%C3",
		"type=person&q=" + strings.Repeat("a", 400),
		"cursor=-1&limit=0",
		"page=-1&size=0&q=&q=x",
		"%zz=1&;&=&page=1e9",
	} {
		f.Add(s)
	}
	fx := newFixture(f)
	paths := []string{"/api/articles", "/api/entities", "/api/export", "/search", "/feeds/north-male.rss"}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, p := range paths {
			req := httptest.NewRequest(http.MethodGet, p, nil)
			req.URL.RawQuery = raw
			rec := httptest.NewRecorder()
			fx.h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("GET %s?%s: status %d: %s", p, raw, rec.Code, rec.Body)
			}
			if rec.Code == http.StatusBadRequest && strings.HasPrefix(p, "/api/") {
				var e struct {
					Error string `json:"error"`
				}
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || !strings.Contains(e.Error, `"`) {
					t.Fatalf("GET %s?%s: 400 without a named parameter: %s", p, raw, rec.Body)
				}
			}
		}
	})
}
