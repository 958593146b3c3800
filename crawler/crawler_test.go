package crawler

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"dxnews/article"
)

// testConfig is a fast, impolite configuration for the test site.
func testConfig(seed, stateDir string) Config {
	return Config{
		Seeds:         []string{seed},
		StateDir:      stateDir,
		Impolite:      true,
		Timeout:       300 * time.Millisecond,
		Retries:       2,
		Backoff:       10 * time.Millisecond,
		MaxRetryAfter: 2 * time.Second,
		MaxBodyBytes:  64 << 10,
		MaxDocBytes:   256 << 10,
		Parallelism:   4,
	}
}

type collected struct {
	mu  sync.Mutex
	all []article.Article
}

func (c *collected) emit(_ context.Context, a article.Article) error {
	c.mu.Lock()
	c.all = append(c.all, a)
	c.mu.Unlock()
	return nil
}

func (c *collected) paths() map[string]int {
	out := map[string]int{}
	for _, a := range c.all {
		i := strings.Index(a.URL[len("http://"):], "/")
		out[a.URL[len("http://")+i:]]++
	}
	return out
}

func TestCrawlFindsEveryRelevantArticleOnce(t *testing.T) {
	site := newTestSite(t)
	dir := t.TempDir()
	var progress bytes.Buffer
	cfg := testConfig(site.URL+"/", dir)
	cfg.Progress = &progress
	stats, got := mustCrawl(t, cfg)
	want := []string{}
	for _, a := range siteArticles {
		if a.relevant {
			want = append(want, a.path)
		}
	}
	want = append(want, cp1258Article.path)
	paths := got.paths()
	for _, p := range want {
		if paths[p] != 1 {
			t.Errorf("%s emitted %d times, want 1", p, paths[p])
		}
	}
	if len(got.all) != len(want) {
		t.Errorf("emitted %d articles, want %d: %v", len(got.all), len(want), paths)
	}
	if n := site.count("/private/noi-bo-301.html"); n != 0 {
		t.Errorf("robots-disallowed page requested %d times", n)
	}
	if n := site.count(siteArticles[5].path); n != 2 {
		t.Errorf("flaky page requested %d times, want 2 (503 then 200)", n)
	}
	if n := site.count(siteArticles[6].path); n != 2 {
		t.Errorf("429 page requested %d times, want 2", n)
	}
	if stats.Dropped != 1 || stats.Skipped["off-topic"] != 1 {
		t.Errorf("dropped = %d, off-topic = %d, want 1", stats.Dropped, stats.Skipped["off-topic"])
	}
	if stats.Skipped["duplicate"] != 1 {
		t.Errorf("duplicate = %d, want 1 (canonical copy)", stats.Skipped["duplicate"])
	}
	if stats.Skipped["robots"] < 1 || stats.Skipped["too-large"] != 1 || stats.Skipped["off-site"] != 1 {
		t.Errorf("skipped = %v, want robots ≥ 1 and too-large 1", stats.Skipped)
	}
	if stats.Errors < 2 {
		t.Errorf("errors = %d, want the slow page and the redirect loop", stats.Errors)
	}
	for _, a := range got.all {
		if a.ID != article.IDFor(a.CanonicalURL) || a.ContentHash == "" || a.Relevance == nil || len(a.Relevance.Terms) == 0 {
			t.Errorf("%s: incomplete record: id %q hash %q relevance %v", a.URL, a.ID, a.ContentHash, a.Relevance)
		}
		if a.Published.IsZero() || a.Published.Format("-07:00") != "+07:00" {
			t.Errorf("%s: published %v", a.URL, a.Published)
		}
		if strings.HasSuffix(a.URL, cp1258Article.path) && a.Title != cp1258Article.title {
			t.Errorf("windows-1258 title = %q, want %q", a.Title, cp1258Article.title)
		}
		if strings.Contains(a.URL, "utm_") {
			t.Errorf("tracking parameter kept in %s", a.URL)
		}
	}
	if !strings.Contains(progress.String(), "crawl done") || !strings.Contains(progress.String(), "off-topic 1") {
		t.Errorf("progress summary missing: %q", progress.String())
	}

	// A second run makes only conditional requests for the articles, emits
	// nothing and leaves the state file unchanged.
	before := readState(t, dir)
	site.counts(true)
	site.mu.Lock()
	site.ok = map[string]int{}
	site.mu.Unlock()
	stats2, again := mustCrawl(t, cfg)
	if len(again.all) != 0 {
		t.Errorf("second run emitted %d articles: %v", len(again.all), again.paths())
	}
	if stats2.Unchanged < len(want) {
		t.Errorf("second run unchanged = %d, want ≥ %d (%+v)", stats2.Unchanged, len(want), stats2)
	}
	site.mu.Lock()
	for p, n := range site.ok {
		if strings.HasPrefix(p, "/tin/") || strings.HasPrefix(p, "/cu/") {
			t.Errorf("second run got %d full answers for unchanged article %s", n, p)
		}
	}
	site.mu.Unlock()
	if n := site.count(siteArticles[4].path); n != 0 {
		t.Errorf("article with an old sitemap lastmod requested %d times, want 0", n)
	}
	if after := readState(t, dir); after != before {
		t.Errorf("second run changed the state:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestUnreachableSeedIsAnError(t *testing.T) {
	addr, accepts := deadHost(t)
	cfg := testConfig(addr+"/", "")
	cfg.Retries = 2
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Run(context.Background(), func(context.Context, article.Article) error { return nil })
	if err == nil || !strings.Contains(err.Error(), addr+"/") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("Run error = %v, want one line naming %s/", err, addr)
	}
	// robots.txt is tried three times (two retries); the seed then fails at
	// once instead of repeating them.
	if n := accepts.Load(); n != 3 {
		t.Errorf("%d connections, want 3", n)
	}
}

func TestNewRejectsBadSeed(t *testing.T) {
	for _, seed := range []string{"ftp://example.vn/", "không phải url", "http://"} {
		if _, err := New(Config{Seeds: []string{seed}}); err == nil || !strings.Contains(err.Error(), "seed") {
			t.Errorf("New(%q) error = %v", seed, err)
		}
	}
}

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestMaxPagesThenResume stops a crawl after a few pages and lets the next
// run pick up the rest.
func TestMaxPagesThenResume(t *testing.T) {
	site := newTestSite(t)
	dir := t.TempDir()
	cfg := testConfig(site.URL+"/", dir)
	cfg.MaxPages = 4
	stats, first := mustCrawl(t, cfg)
	if stats.Fetched > 4 {
		t.Errorf("fetched %d pages with MaxPages 4", stats.Fetched)
	}
	cfg.MaxPages = 0
	_, rest := mustCrawl(t, cfg)
	paths := first.paths()
	maps.Copy(paths, rest.paths())
	if len(paths) != 8 {
		t.Errorf("after resuming, %d distinct articles, want 8: %v", len(paths), paths)
	}
}

// TestChangedArticleIsEmittedAgain edits an article between runs and
// expects one new emission with the new content hash, under the same ID.
func TestChangedArticleIsEmittedAgain(t *testing.T) {
	var mu sync.Mutex
	a := siteArticles[0]
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		page := renderArticle(a)
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case a.path:
			w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(page))))
			if r.Header.Get("If-None-Match") == w.Header().Get("ETag") {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			fmt.Fprint(w, page)
		default:
			fmt.Fprintf(w, `<html><head><meta property="og:type" content="website"></head><body><a href="%s">bài</a></body></html>`, a.path)
		}
	}))
	dir := t.TempDir()
	var got collected
	run := func() Stats {
		c, err := New(testConfig(srv.URL+"/", dir))
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.Run(context.Background(), got.emit)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	run()
	if s := run(); s.Unchanged != 1 || len(got.all) != 1 {
		t.Fatalf("unchanged second run: %+v, %d emitted", s, len(got.all))
	}
	mu.Lock()
	a.body = append([]string{"Đoạn mở đầu mới về chuyển đổi số được bổ sung sau khi đăng."}, a.body...)
	mu.Unlock()
	run()
	if len(got.all) != 2 || got.all[0].ID != got.all[1].ID || got.all[0].ContentHash == got.all[1].ContentHash {
		t.Fatalf("after the edit: %d emitted", len(got.all))
	}
	if !strings.HasPrefix(got.all[1].Body, "Đoạn mở đầu mới") {
		t.Errorf("new body not emitted: %q", got.all[1].Body)
	}
}
