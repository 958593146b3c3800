package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dxnews/article"
)

func TestLoadConfig(t *testing.T) {
	src, err := LoadConfig(filepath.Join("testdata", "config", "good.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(src) != 1 || src[0].DelayMS != 500 || src[0].Rule == nil || src[0].Rule.Title != "h1.tieu-de" {
		t.Fatalf("LoadConfig = %+v", src)
	}
	expectedErrors := map[string]string{
		"offsite.bad.json":       "not on the source's hosts",
		"unknown-field.bad.json": `unknown field "delay"`,
		"no-start.bad.json":      "no start, feeds or sitemaps",
		"bad-url.bad.json":       "scheme must be http or https",
		"syntax.bad.json":        "unexpected EOF",
	}
	for file, want := range expectedErrors {
		_, err := LoadConfig(filepath.Join("testdata", "config", file))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "crawler: ") {
			t.Errorf("%s: error %v, want one containing %q", file, err, want)
		}
	}
}

func TestDefaultSourcesCoverShippedProfiles(t *testing.T) {
	for _, h := range []string{"vnexpress.net", "tuoitre.vn", "thanhnien.vn", "vietnamnet.vn", "ictnews.vietnamnet.vn", "dantri.com.vn", "nhandan.vn", "baochinhphu.vn", "vneconomy.vn", "mst.gov.vn", "mic.gov.vn"} {
		if _, _, ok := ruleFor(h); !ok {
			t.Errorf("no site profile for %s", h)
		}
	}
	// The two ministry sites are one profile, and ICTNews is a part of
	// VietNamNet.
	for alias, profile := range map[string]string{"mic.gov.vn": "mst", "ictnews.vietnamnet.vn": "vietnamnet"} {
		if _, got, _ := ruleFor(alias); got != profile {
			t.Errorf("%s is read by profile %q, want %s", alias, got, profile)
		}
	}
}

// TestPoliteCrawl checks the per-host delay, the User-Agent and that a
// source's rule overrides extraction.
func TestPoliteCrawl(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	var agents []string
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\nCrawl-delay: 0.3\n")
		case "/so-hoa/":
			fmt.Fprint(w, `<html><head><meta property="og:type" content="website"></head><body><a href="/bai-1.html">1</a><a href="/bai-2.html">2</a></body></html>`)
		default:
			fmt.Fprintf(w, `<html><head><meta property="og:type" content="article"></head><body><h1 class="tieu-de">Chuyển đổi số %s</h1><div class="noi-dung"><p>Nội dung về chuyển đổi số.</p></div><p>Chân trang rất dài không thuộc bài.</p></body></html>`, r.URL.Path)
		}
	})
	srv := serve(t, mux)
	host := strings.TrimPrefix(srv.URL, "http://")
	src := Source{Name: "thu", SiteName: "Báo Thử", Hosts: []string{host}, Start: []string{srv.URL + "/so-hoa/"}, DelayMS: 100, Parallelism: 1,
		Rule: &Rule{Title: "h1.tieu-de", Body: "div.noi-dung"}}
	c, err := New(Config{Sources: []Source{src}, UserAgent: "dxnews-test/1", Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	var got []article.Article
	var gmu sync.Mutex
	_, err = c.Run(context.Background(), func(_ context.Context, a article.Article) error {
		gmu.Lock()
		got = append(got, a)
		gmu.Unlock()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Body != "Nội dung về chuyển đổi số." {
		t.Fatalf("articles = %+v", got)
	}
	if got[0].Source != "Báo Thử" || got[0].Host != hostKey(strings.Split(host, ":")[0]) {
		t.Errorf("source %q host %q: want the profile's site name and the host", got[0].Source, got[0].Host)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, ua := range agents {
		if ua != "dxnews-test/1" {
			t.Errorf("User-Agent %q", ua)
		}
	}
	// robots.txt, the category page and two articles; page requests are
	// spaced by the robots.txt Crawl-delay, longer than the source delay.
	if len(times) != 4 {
		t.Fatalf("%d requests, want 4", len(times))
	}
	for i := 2; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 280*time.Millisecond {
			t.Errorf("request %d came %v after the previous one, want ≥ the robots.txt Crawl-delay of 300ms", i, gap)
		}
	}
}

// TestRunStopsAtDeadline runs against a page that never answers in time.
func TestRunStopsAtDeadline(t *testing.T) {
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}))
	cfg := testConfig(srv.URL+"/cham", "")
	cfg.Timeout = 10 * time.Second
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.Run(ctx, func(context.Context, article.Article) error { return nil })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Run error = %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("Run took %v after the deadline", d)
	}
}

// TestNearDuplicateAcrossSites crawls two sites where the second carries a
// syndicated copy of the first's article with a different canonical URL.
func TestNearDuplicateAcrossSites(t *testing.T) {
	body := longArticle()
	copyArt := body
	copyArt.path = "/dong-bo/ban-sao.html"
	copyArt.body = append(append([]string(nil), body.body...), "Theo báo gốc.")
	site := func(a testArticle) string {
		return serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case "/robots.txt":
				http.NotFound(w, r)
			case a.path:
				fmt.Fprint(w, renderArticle(a))
			default:
				fmt.Fprintf(w, `<html><head><meta property="og:type" content="website"></head><body><a href="%s">bài</a></body></html>`, a.path)
			}
		})).URL
	}
	s1, s2 := site(body), site(copyArt)
	// The original is crawled first, in its own run, then the copy.
	var got collected
	dir := t.TempDir()
	var last Stats
	for _, seed := range []string{s1 + "/", s2 + "/"} {
		c, err := New(testConfig(seed, dir))
		if err != nil {
			t.Fatal(err)
		}
		if last, err = c.Run(context.Background(), got.emit); err != nil {
			t.Fatal(err)
		}
	}
	if len(got.all) != 1 || last.Skipped["near-duplicate"] != 1 {
		t.Fatalf("emitted %d, second run skipped %v; want the copy dropped as a near-duplicate", len(got.all), last.Skipped)
	}
}
