package crawler

import (
	"context"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

// mustCrawl runs a crawler with cfg and returns its stats and the articles
// it emitted; an error from New or Run fails the test.
func mustCrawl(t testing.TB, cfg Config) (Stats, *collected) {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got collected
	stats, err := c.Run(context.Background(), got.emit)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return stats, &got
}

// readTestdata returns the file at elem under testdata; a file that cannot
// be read fails the test.
func readTestdata(t testing.TB, elem ...string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(append([]string{"testdata"}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// serve starts a loopback test server for h that closes when the test
// ends.
func serve(t testing.TB, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// hitServer is a test site that counts the requests for each path.
type hitServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

// newHitServer serves handle, counting requests, until the test ends.
func newHitServer(t testing.TB, handle http.HandlerFunc) *hitServer {
	s := &hitServer{hits: map[string]int{}}
	s.Server = serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		handle(w, r)
	}))
	return s
}

// counts returns the requests per path so far and, with reset, starts
// counting again from zero.
func (s *hitServer) counts(reset bool) map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := maps.Clone(s.hits)
	if reset {
		clear(s.hits)
	}
	return out
}

// deadHost accepts connections and closes them at once, like a site whose
// server is down behind its load balancer.
func deadHost(t *testing.T) (string, *atomic.Int32) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	var accepts atomic.Int32
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			accepts.Add(1)
			conn.Close()
		}
	}()
	return "http://" + ln.Addr().String(), &accepts
}
