package web

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/internal/metricstest"
)

// readerFromRecorder is a ResponseRecorder that, like the server's own
// writer, has ReadFrom; it counts the calls and whether the source was a
// file (what sendfile needs).
type readerFromRecorder struct {
	*httptest.ResponseRecorder
	calls    int
	fromFile bool
}

func (r *readerFromRecorder) ReadFrom(src io.Reader) (int64, error) {
	r.calls++
	inner := src
	if lr, ok := src.(*io.LimitedReader); ok {
		inner = lr.R
	}
	_, r.fromFile = inner.(*os.File)
	return io.Copy(r.ResponseRecorder, src)
}

func TestAudioReachesReadFrom(t *testing.T) {
	f := newFixture(t)
	for _, rng := range []string{"", "bytes=100-199"} {
		req := httptest.NewRequest(http.MethodGet, article.AudioURL(f.arts[0].ID, "north-male"), nil)
		if rng != "" {
			req.Header.Set("Range", rng)
		}
		rec := &readerFromRecorder{ResponseRecorder: httptest.NewRecorder()}
		f.h.ServeHTTP(rec, req)
		want := fakeMP3()
		if rng != "" {
			want = want[100:200]
		}
		if rec.Code/100 != 2 || !bytes.Equal(rec.Body.Bytes(), want) {
			t.Fatalf("Range %q: status %d, %d bytes", rng, rec.Code, rec.Body.Len())
		}
		if rec.calls != 1 || !rec.fromFile {
			t.Errorf("Range %q: ReadFrom calls %d, from a file %v: the wrappers hide sendfile", rng, rec.calls, rec.fromFile)
		}
	}
	// The request is still counted with its status.
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	m, ok := metricstest.Sample(metricstest.Scrape(t, rec.Body.String()), "dxnews_http_requests_total", map[string]string{"route": "/api/audio/{id}/{file}", "method": "GET", "code": "206"})
	if !ok || m.GetCounter().GetValue() != 1 {
		t.Errorf("metrics lack the 206:\n%s", rec.Body)
	}
}

func TestETagAndNotModified(t *testing.T) {
	f := newFixture(t)
	for _, target := range []string{"/api/articles?q=chuyen", "/api/entities?type=person", "/api/articles/" + f.arts[0].ID, "/search?q=chuyen", "/"} {
		rec := f.get(target)
		etag := rec.Header().Get("ETag")
		if rec.Code != http.StatusOK || etag == "" || rec.Header().Get("Cache-Control") != cacheControl {
			t.Fatalf("%s: status %d, ETag %q, Cache-Control %q", target, rec.Code, etag, rec.Header().Get("Cache-Control"))
		}
		if again := f.get(target); again.Header().Get("ETag") != etag || !bytes.Equal(again.Body.Bytes(), rec.Body.Bytes()) {
			t.Errorf("%s: a second response differs", target)
		}
		if nm := f.get(target, "If-None-Match", `"other", `+etag); nm.Code != http.StatusNotModified || nm.Body.Len() != 0 {
			t.Errorf("%s: If-None-Match: status %d, %d bytes", target, nm.Code, nm.Body.Len())
		}
		if m := f.get(target, "If-None-Match", `"other"`); m.Code != http.StatusOK {
			t.Errorf("%s: other ETag: status %d", target, m.Code)
		}
	}
	// Errors carry no ETag.
	if rec := f.get("/api/articles?page=-1"); rec.Code != http.StatusBadRequest || rec.Header().Get("ETag") != "" {
		t.Errorf("bad request: status %d, ETag %q", rec.Code, rec.Header().Get("ETag"))
	}
}

// versionedIndex counts searches and passes on the Bleve index's
// version, which changes whenever articles are indexed.
type versionedIndex struct {
	*testIndex
	searches atomic.Int64
}

func (v *versionedIndex) Version() uint64 { return v.ix.Version() }

func (v *versionedIndex) Search(ctx context.Context, q index.Query) (index.Results, error) {
	v.searches.Add(1)
	return v.testIndex.Search(ctx, q)
}

func TestCacheUntilIndexChanges(t *testing.T) {
	f := newFixture(t)
	vi := &versionedIndex{testIndex: f.index}
	h, err := New(Config{Index: vi, Store: f.store})
	if err != nil {
		t.Fatal(err)
	}
	f.h = h
	first := f.get("/api/articles?q=chuyen")
	f.get("/api/articles?q=chuyen")
	if n := vi.searches.Load(); n != 1 {
		t.Fatalf("two identical requests searched %d times, want 1", n)
	}
	f.get("/api/articles?q=chuyen&size=1")
	if n := vi.searches.Load(); n != 2 {
		t.Fatalf("another query searched %d times in all, want 2", n)
	}
	// A change to the index drops what was kept.
	f.arts[1].Title = "Tiêu đề mới về chuyển đổi số"
	f.reindex()
	after := f.get("/api/articles?q=chuyen")
	if n := vi.searches.Load(); n != 3 {
		t.Fatalf("after the index changed, searches = %d, want 3", n)
	}
	if bytes.Equal(first.Body.Bytes(), after.Body.Bytes()) || after.Header().Get("ETag") == first.Header().Get("ETag") {
		t.Fatal("the response did not change with the index")
	}
	// Failed requests are not kept.
	f.get("/api/articles?page=-1")
	f.get("/api/articles?page=-1")
	if n := vi.searches.Load(); n != 3 {
		t.Fatalf("bad requests reached the index: %d searches", n)
	}
}

func TestResponseCacheBounds(t *testing.T) {
	c := newResponseCache()
	now := time.Now()
	for i := range cacheEntries + 10 {
		c.put(&cachedResponse{key: strconv.Itoa(i), at: now, body: []byte("x")})
	}
	if c.order.Len() != cacheEntries || c.get("0", 0, now) != nil || c.get(strconv.Itoa(cacheEntries+9), 0, now) == nil {
		t.Fatalf("LRU holds %d entries; oldest kept %v", c.order.Len(), c.get("0", 0, now) != nil)
	}
	if c.get("20", 0, now.Add(cacheTTL+time.Second)) != nil {
		t.Error("an entry older than cacheTTL was served")
	}
	c.put(&cachedResponse{key: "big", at: now, body: make([]byte, cacheBytes)})
	if c.get("big", 0, now) != nil {
		t.Error("an oversized body was kept")
	}
	if c.get("30", 1, now) != nil || c.order.Len() != 0 {
		t.Error("a new version did not empty the cache")
	}
}

func TestHexIDMatchesValidID(t *testing.T) {
	for _, s := range []string{"", "0", "abc123", "ABC", "g1", "4c9cdee8ec142c50", strings.Repeat("a", 64), strings.Repeat("a", 65), "a-b", "é"} {
		if hexID(s) != validID.MatchString(s) {
			t.Errorf("hexID(%q) = %v, validID says %v", s, hexID(s), validID.MatchString(s))
		}
	}
}

// warmCounter is an index that reports when it is warmed.
type warmCounter struct {
	*testIndex
	warmed chan struct{}
}

func (w warmCounter) Warm(ctx context.Context) error {
	close(w.warmed)
	return nil
}

// The index is warmed in the background, once WarmAfter is closed.
func TestWarmWaitsForWarmAfter(t *testing.T) {
	ix := warmCounter{newTestIndex(t, fixtureArticles()...), make(chan struct{})}
	after := make(chan struct{})
	if _, err := New(Config{Index: ix, Store: &memStore{dir: t.TempDir()}, WarmAfter: after}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ix.warmed:
		t.Fatal("warmed before WarmAfter was closed")
	case <-time.After(50 * time.Millisecond):
	}
	close(after)
	select {
	case <-ix.warmed:
	case <-time.After(5 * time.Second):
		t.Fatal("not warmed 5 s after WarmAfter was closed")
	}
}

// slowIndex holds every search until n searches have arrived or a while
// has passed, so that requests made at once all reach it unless the
// server makes one response for them all.
type slowIndex struct {
	*versionedIndex
	n       int64
	arrived chan struct{}
}

func (s *slowIndex) Search(ctx context.Context, q index.Query) (index.Results, error) {
	if s.versionedIndex.searches.Load()+1 == s.n {
		close(s.arrived)
	}
	res, err := s.versionedIndex.Search(ctx, q)
	select {
	case <-s.arrived:
	case <-time.After(500 * time.Millisecond):
	}
	return res, err
}

func TestConcurrentMissesMakeOneResponse(t *testing.T) {
	f := newFixture(t)
	const n = 8
	si := &slowIndex{versionedIndex: &versionedIndex{testIndex: f.index}, n: n, arrived: make(chan struct{})}
	h, err := New(Config{Index: si, Store: f.store})
	if err != nil {
		t.Fatal(err)
	}
	bodies := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/articles?q=chuyen", nil))
			if rec.Code != http.StatusOK {
				t.Errorf("request %d: status %d", i, rec.Code)
			}
			bodies[i] = rec.Body.String()
		})
	}
	wg.Wait()
	if got := si.searches.Load(); got != 1 {
		t.Errorf("%d requests at once searched %d times, want 1", n, got)
	}
	for i := range bodies {
		if bodies[i] != bodies[0] || !strings.Contains(bodies[i], `"total"`) {
			t.Fatalf("response %d differs: %.80q", i, bodies[i])
		}
	}
}
