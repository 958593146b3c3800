package crawler

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func testTransport() *transport {
	return &transport{
		base: http.DefaultTransport.(*http.Transport).Clone(), timeout: time.Second, retries: 2,
		backoff: 5 * time.Millisecond, maxRetryAfter: 2 * time.Second, maxBody: 1000,
		logger: slog.New(slog.DiscardHandler),
	}
}

func TestTransport(t *testing.T) {
	var calls atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/503", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok")
	})
	mux.HandleFunc("/always-500", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.Error(w, "broken", http.StatusInternalServerError)
	})
	mux.HandleFunc("/429", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		io.WriteString(w, "ok")
	})
	mux.HandleFunc("/404", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.NotFound(w, r)
	})
	mux.HandleFunc("/big-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "5000")
		io.WriteString(w, strings.Repeat("x", 5000))
	})
	mux.HandleFunc("/big-streamed", func(w http.ResponseWriter, r *http.Request) {
		for range 50 {
			io.WriteString(w, strings.Repeat("y", 100))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/cp1258", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1258")
		w.Write(encode1258(t, "<p>Chuyển đổi số</p>"))
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		io.WriteString(w, "User-agent: *\nDisallow: /x\n")
	})
	srv := serve(t, mux)
	client := &http.Client{Transport: testTransport()}
	get := func(path string) (string, int, error) {
		calls.Store(0)
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			return "", 0, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), resp.StatusCode, err
	}

	if body, code, err := get("/503"); err != nil || code != 200 || body != "ok" || calls.Load() != 3 {
		t.Errorf("/503: %q %d %v after %d calls", body, code, err, calls.Load())
	}
	if _, code, _ := get("/always-500"); code != 500 || calls.Load() != 3 {
		t.Errorf("/always-500: status %d after %d calls, want 500 after 3", code, calls.Load())
	}
	if _, code, _ := get("/404"); code != 404 || calls.Load() != 1 {
		t.Errorf("/404 retried: %d calls", calls.Load())
	}
	start := time.Now()
	if body, _, err := get("/429"); err != nil || body != "ok" || time.Since(start) < 900*time.Millisecond {
		t.Errorf("/429: %q %v after %v, want ok after Retry-After 1s", body, err, time.Since(start))
	}
	if _, _, err := get("/big-declared"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("/big-declared: %v, want ErrTooLarge", err)
	}
	if _, _, err := get("/big-streamed"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("/big-streamed: %v, want ErrTooLarge", err)
	}
	// Decoded to UTF-8 here; windows-1258 tone marks stay combining until
	// the parser NFC-normalises.
	if body, _, err := get("/cp1258"); err != nil || norm.NFC.String(body) != "<p>Chuyển đổi số</p>" {
		t.Errorf("/cp1258: %q %v", body, err)
	}
	get("/robots.txt")
	get("/robots.txt")
	if body, _, _ := get("/robots.txt"); calls.Load() != 0 || !strings.Contains(body, "Disallow: /x") {
		t.Errorf("robots.txt fetched again (%d calls) or changed: %q", calls.Load(), body)
	}
}

// One row per body cap: a page has the page cap, a body whose first KiB is
// a sitemap or feed the larger document cap, declared or streamed.
func TestBodyCaps(t *testing.T) {
	const pageCap, docCap = 1000, 4000
	urlset := func(n int) string {
		return `<?xml version="1.0"?><urlset>` + strings.Repeat(" ", n) + `</urlset>`
	}
	for _, tc := range []struct {
		name, contentType, body string
		declared, tooLarge      bool
	}{
		{"page under the page cap", "text/html", "<html>" + strings.Repeat("a", 900) + "</html>", false, false},
		{"page over the page cap", "text/html", "<html>" + strings.Repeat("a", 2000) + "</html>", false, true},
		{"page over the page cap, declared", "text/html", "<html>" + strings.Repeat("a", 2000) + "</html>", true, true},
		{"sitemap between the caps", "application/xml", urlset(3000), false, false},
		{"sitemap between the caps, declared", "application/xml", urlset(3000), true, false},
		{"sitemap served as HTML, streamed", "text/html", urlset(3000), false, false},
		{"sitemap over the document cap", "application/xml", urlset(5000), false, true},
		{"sitemap over the document cap, declared", "application/xml", urlset(5000), true, true},
		{"feed between the caps", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel>` + strings.Repeat(" ", 3000) + `</channel></rss>`, false, false},
		{"other XML over the page cap", "application/xml", `<?xml version="1.0"?><kml>` + strings.Repeat(" ", 3000) + `</kml>`, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.contentType)
				if tc.declared {
					w.Header().Set("Content-Length", strconv.Itoa(len(tc.body)))
				}
				io.WriteString(w, tc.body[:len(tc.body)/2])
				w.(http.Flusher).Flush() // streamed unless declared
				io.WriteString(w, tc.body[len(tc.body)/2:])
			}))
			tr := testTransport()
			tr.maxBody, tr.maxDoc = pageCap, docCap
			resp, err := (&http.Client{Transport: tr}).Get(srv.URL + "/")
			var body []byte
			if err == nil {
				body, err = io.ReadAll(resp.Body)
				resp.Body.Close()
			}
			switch {
			case tc.tooLarge && !errors.Is(err, ErrTooLarge):
				t.Errorf("got %d bytes, %v; want ErrTooLarge", len(body), err)
			case !tc.tooLarge && (err != nil || string(body) != tc.body):
				t.Errorf("got %d of %d bytes, %v", len(body), len(tc.body), err)
			}
		})
	}
}
