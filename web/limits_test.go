package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"dxnews/index/bleve"
	"dxnews/store"
)

// limitValues are parameter values at and beyond every limit: huge numbers,
// a 10 kB string, invalid UTF-8, control characters.
var limitValues = map[string]string{
	"page 10^9":      "1000000000",
	"size 10^6":      "1000000",
	"negative":       "-1",
	"overflow":       "99999999999999999999999999",
	"exponent":       "1e9",
	"10 kB":          strings.Repeat("chuyển đổi số ", 10<<10/len("chuyển đổi số ")),
	"invalid UTF-8":  "\xff\xfe\xc3",
	"NUL and escape": "a\x00\x1b[2J",
}

// TestParametersAtTheirLimits sends every parameter of the API and the
// search page every value in limitValues, against the fakes and against a
// real Bleve index and article store, and checks the answer is never a 500:
// a value that is not acceptable gets a 400 naming its parameter.
func TestParametersAtTheirLimits(t *testing.T) {
	params := []struct {
		path, param string
		// numeric parameters reject every limit value; text ones accept
		// short valid strings.
		numeric bool
	}{
		{"/api/articles", "q", false}, {"/api/articles", "person", false}, {"/api/articles", "org", false},
		{"/api/articles", "decision", false}, {"/api/articles", "location", false}, {"/api/articles", "source", false},
		{"/api/articles", "from", true}, {"/api/articles", "to", true},
		{"/api/articles", "page", true}, {"/api/articles", "size", true},
		{"/api/entities?type=person", "q", false}, {"/api/entities?type=person", "size", true},
		{"/api/entities", "type", true},
		{"/api/export", "since", true}, {"/api/export", "limit", true},
		{"/search", "q", false}, {"/search", "page", true}, {"/search", "size", true}, {"/search", "from", true},
	}
	for _, backend := range []string{"fakes", "bleve"} {
		h := limitsHandler(t, backend)
		for _, p := range params {
			for name, val := range limitValues {
				sep := "?"
				if strings.Contains(p.path, "?") {
					sep = "&"
				}
				target := p.path + sep + p.param + "=" + url.QueryEscape(val)
				req, _ := http.NewRequest(http.MethodGet, target, nil)
				rec := newRecorder()
				h.ServeHTTP(rec, req)
				code, body := rec.code, rec.body.String()
				if code >= 500 {
					t.Errorf("%s: %s %s=%s: status %d: %.200s", backend, p.path, p.param, name, code, body)
					continue
				}
				// Numbers at or past their limits and strings too long or
				// not UTF-8 are refused, naming the parameter.
				mustRefuse := p.numeric && !(p.param == "since" && name == "negative") ||
					name == "10 kB" || name == "invalid UTF-8"
				if p.param == "since" && (name == "page 10^9" || name == "size 10^6") {
					mustRefuse = false // a cursor past the end is a cursor with nothing after it
				}
				if mustRefuse && (code != http.StatusBadRequest || !strings.Contains(body, p.param)) {
					t.Errorf("%s: %s %s=%s: status %d, want 400 naming %q: %.200s", backend, p.path, p.param, name, code, p.param, body)
				}
			}
		}
		// Path parameters at their limits.
		for _, target := range []string{
			"/api/articles/" + strings.Repeat("a", 10<<10), "/api/articles/%FF%FE", "/api/articles/%00",
			"/api/audio/" + strings.Repeat("b", 10<<10) + "/north-female.mp3", "/api/audio/%FF/north-female.mp3",
			"/api/audio/0123456789abcdef/" + strings.Repeat("v", 10<<10) + ".mp3", "/api/audio/0123456789abcdef/%FF.json",
			"/feeds/" + strings.Repeat("f", 10<<10) + ".xml", "/feeds/%FF.xml",
			"/articles/" + strings.Repeat("c", 10<<10), "/articles/%FF",
			"/entities/person/" + strings.Repeat("Lê ", 4<<10), "/entities/person/%FF%FE", "/entities/" + strings.Repeat("t", 10<<10) + "/x",
		} {
			req, _ := http.NewRequest(http.MethodGet, target, nil)
			rec := newRecorder()
			h.ServeHTTP(rec, req)
			if rec.code >= 500 || rec.code == http.StatusOK && strings.Contains(target, "%FF") {
				t.Errorf("%s: %.80s: status %d: %.200s", backend, target, rec.code, rec.body.String())
			}
		}
	}
}

// limitsHandler serves the fixture articles from the fakes or from a real
// Bleve index and article store.
func limitsHandler(t *testing.T, backend string) http.Handler {
	t.Helper()
	if backend == "fakes" {
		return newFixture(t).h
	}
	idx, err := bleve.Open("", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	for _, a := range fixtureArticles() {
		if _, err := st.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := idx.Index(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	h, err := New(Config{Index: idx, Store: st})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// recorder is a minimal ResponseWriter that keeps the status and body.
type recorder struct {
	header http.Header
	code   int
	body   strings.Builder
}

func newRecorder() *recorder { return &recorder{header: http.Header{}} }

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
}
