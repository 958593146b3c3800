package crawler

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// A source that is down is backed off, run after run, with a growing
// backoff kept in the state, while the other source is crawled in full.
func TestDownHostIsBackedOffOthersUnaffected(t *testing.T) {
	site := newTestSite(t)
	dead, accepts := deadHost(t)
	dir := t.TempDir()
	clock := &fakeClock{t: time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC)}
	cfg := testConfig(site.URL+"/", dir)
	for i := range 6 {
		cfg.Seeds = append(cfg.Seeds, fmt.Sprintf("%s/tin/bai-%d.html", dead, 100001+i))
	}
	cfg.now = clock.now
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	run := func() (Stats, *collected, int32, error) {
		t.Helper()
		before := accepts.Load()
		var got collected
		stats, err := c.Run(context.Background(), got.emit)
		return stats, &got, accepts.Load() - before, err
	}
	deadKey := strings.TrimPrefix(dead, "http://")

	// First run: the dead host fails hostFailLimit times and is left
	// alone; the other site gives all its articles.
	stats, got, conns, err := run()
	if err == nil || !strings.Contains(err.Error(), "unreachable seed") {
		t.Errorf("first run error = %v, want the dead seeds named", err)
	}
	if want := 8; len(got.all) != want {
		t.Errorf("live site: %d articles emitted, want %d: %v", len(got.all), want, got.paths())
	}
	until, ok := stats.HostsDown[deadKey]
	if !ok || !until.Equal(clock.now().Add(hostBackoffMin)) {
		t.Errorf("hosts down = %v, want %s until +%v", stats.HostsDown, deadKey, hostBackoffMin)
	}
	if stats.Skipped["host-down"] == 0 {
		t.Errorf("no URL of the dead host was left for later: %+v", stats)
	}
	// Robots.txt with its retries, then nothing.
	if maxConns := int32(cfg.Retries + 1); conns > maxConns {
		t.Errorf("dead host got %d connections, want ≤ %d", conns, maxConns)
	}

	// Within the backoff: not a single connection, and no error.
	clock.add(hostBackoffMin / 2)
	stats, _, conns, err = run()
	if err != nil || conns != 0 || stats.Skipped["host-down"] != 6 {
		t.Errorf("run in backoff: err %v, %d connections, host-down %d (want nil, 0, 6)", err, conns, stats.Skipped["host-down"])
	}

	// After it: the host is tried again, fails, and the backoff doubles.
	clock.add(hostBackoffMin)
	stats, _, conns, _ = run()
	if conns == 0 {
		t.Errorf("host not tried again after its backoff")
	}
	if until := stats.HostsDown[deadKey]; !until.Equal(clock.now().Add(2 * hostBackoffMin)) {
		t.Errorf("second backoff ends %v, want +%v", until, 2*hostBackoffMin)
	}

	// The live site's articles were unchanged all along.
	if n := site.count(siteArticles[0].path); n != 3 {
		t.Errorf("live article requested %d times in 3 runs, want 3", n)
	}
}

func TestBackoffGrowsToCap(t *testing.T) {
	prev := time.Duration(0)
	for level := 1; level < 20; level++ {
		d := backoff(level)
		if d < prev || d > hostBackoffMax {
			t.Fatalf("backoff(%d) = %v after %v", level, d, prev)
		}
		prev = d
	}
	if prev != hostBackoffMax || backoff(1) != hostBackoffMin {
		t.Fatalf("backoff ends at %v, starts at %v", prev, backoff(1))
	}
}

// brokenSite serves one good article and four that break mid-way: a body
// shorter than its Content-Length, a chunked body cut off, a body that
// trickles forever, and a connection reset before any answer. It returns the
// site's URL.
func brokenSite(t *testing.T) string {
	good, part := siteArticles[0], renderArticle(siteArticles[1])
	hijack := func(w http.ResponseWriter) (net.Conn, *bufio.ReadWriter) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
		}
		return conn, buf
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><meta property="og:type" content="website"></head><body><a href="%s">a</a>
<a href="/tin/cat-ngang-500001.html">b</a><a href="/tin/chunk-dut-500002.html">c</a><a href="/tin/nho-giot-500003.html">d</a><a href="/tin/reset-500004.html">e</a></body></html>`, good.path)
		case good.path:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, renderArticle(good))
		case "/tin/cat-ngang-500001.html":
			conn, buf := hijack(w)
			defer conn.Close()
			fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(part), part[:len(part)*2/3])
			buf.Flush()
		case "/tin/chunk-dut-500002.html":
			conn, buf := hijack(w)
			defer conn.Close()
			half := part[:len(part)*2/3]
			fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n", len(half), half)
			buf.Flush()
		case "/tin/nho-giot-500003.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, part[:len(part)/2])
			for i := 0; r.Context().Err() == nil; i++ {
				w.Write([]byte(" "))
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
				case <-time.After(20 * time.Millisecond):
				}
			}
		case "/tin/reset-500004.html":
			conn, _ := hijack(w)
			if tc, ok := conn.(*net.TCPConn); ok {
				tc.SetLinger(0) // RST, not FIN
			}
			conn.Close()
		default:
			http.NotFound(w, r)
		}
	})
	return serve(t, mux).URL
}

// Truncated, cut-off, endless and reset answers are failures: nothing
// partial is emitted, the URLs stay pending for the next run, and the host
// is not taken for down.
func TestBrokenBodiesAreNotArticles(t *testing.T) {
	site := brokenSite(t)
	dir := t.TempDir()
	stats, got := mustCrawl(t, testConfig(site+"/", dir))
	if p := got.paths(); len(got.all) != 1 || p[siteArticles[0].path] != 1 {
		t.Fatalf("emitted %v, want only the whole article", p)
	}
	// The four broken pages, and two pages the article links to that the
	// site does not have (404).
	if stats.Errors != 6 || len(stats.HostsDown) != 0 {
		t.Errorf("errors %d, hosts down %v; want 6 and none", stats.Errors, stats.HostsDown)
	}
	st := mustOpenState(t, dir)
	defer st.close()
	for _, p := range []string{"/tin/cat-ngang-500001.html", "/tin/chunk-dut-500002.html", "/tin/nho-giot-500003.html", "/tin/reset-500004.html"} {
		if r, ok := st.get(site + p); !ok || r.Kind != "seen" {
			t.Errorf("%s: state %+v, want pending", p, r)
		}
	}
}

// Sitemaps and feeds are bounded in entries, nesting and bytes.
func TestSitemapsAndFeedsAreBounded(t *testing.T) {
	old := maxDocLinks
	maxDocLinks = 100
	defer func() { maxDocLinks = old }()
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		p := r.URL.Path
		switch {
		case p == "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/idx-0.xml\nSitemap: %s/lon.xml\nSitemap: %s/vo-tan.xml\nSitemap: %s/rss-vo-tan.xml\nSitemap: %s/nhieu.xml\nSitemap: %s/rss-0.xml\n", base, base, base, base, base, base)
		case strings.HasPrefix(p, "/rss-") && p != "/rss-vo-tan.xml":
			// Each feed's item is the next feed, for ever.
			var k int
			fmt.Sscanf(p, "/rss-%d.xml", &k)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>i</title><link>%s/rss-%d.xml</link></item></channel></rss>`, base, k+1)
		case strings.HasPrefix(p, "/idx-"):
			// Each index names the next one, for ever.
			var k int
			fmt.Sscanf(p, "/idx-%d.xml", &k)
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex><sitemap><loc>%s/idx-%d.xml</loc></sitemap></sitemapindex>`, base, k+1)
		case p == "/nhieu.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, `<?xml version="1.0"?><urlset>`)
			for i := range 250 {
				fmt.Fprintf(w, "<url><loc>%s/p/%d</loc></url>", base, i)
			}
			fmt.Fprint(w, `</urlset>`)
		case p == "/lon.xml":
			w.Header().Set("Content-Type", "application/xml")
			w.Header().Set("Content-Length", fmt.Sprint(1<<30))
			fmt.Fprint(w, `<?xml version="1.0"?><urlset>`)
		case p == "/vo-tan.xml" || p == "/rss-vo-tan.xml":
			w.Header().Set("Content-Type", "application/xml")
			if p == "/vo-tan.xml" {
				fmt.Fprint(w, `<?xml version="1.0"?><urlset>`)
			} else {
				fmt.Fprint(w, `<?xml version="1.0"?><rss><channel>`)
			}
			// Written in 32 KB chunks, so that reaching the cap does
			// not depend on how fast a loaded machine makes small writes.
			var chunk []byte
			for i := 0; r.Context().Err() == nil; i++ {
				chunk = fmt.Appendf(chunk, "<url><loc>%s/v/%d</loc></url><item><link>%s/v/%d</link></item>", base, i, base, i)
				if len(chunk) < 32<<10 {
					continue
				}
				if _, err := w.Write(chunk); err != nil {
					return
				}
				chunk = chunk[:0]
			}
		case p == "/":
			fmt.Fprint(w, `<html><body>Trang chủ</body></html>`)
		default:
			http.NotFound(w, r)
		}
	})
	cfg := testConfig(srv.URL+"/", t.TempDir())
	// The endless documents must end at the size cap, not at the
	// per-request timeout, however slow the machine.
	cfg.Timeout = 20 * time.Second
	stats, _ := mustCrawl(t, cfg)
	hits := srv.counts(false)
	for k := 0; k <= maxSitemapDepth; k++ {
		if hits[fmt.Sprintf("/idx-%d.xml", k)] != 1 {
			t.Errorf("index %d fetched %d times, want 1", k, hits[fmt.Sprintf("/idx-%d.xml", k)])
		}
	}
	// The chain of feeds stops one step further: a feed's items are
	// pages, which may be feeds, so the feed beyond the depth is fetched
	// and not followed.
	for k := 0; k <= maxSitemapDepth+1; k++ {
		if hits[fmt.Sprintf("/rss-%d.xml", k)] != 1 {
			t.Errorf("feed %d fetched %d times, want 1", k, hits[fmt.Sprintf("/rss-%d.xml", k)])
		}
	}
	n, m := hits[fmt.Sprintf("/idx-%d.xml", maxSitemapDepth+1)], hits[fmt.Sprintf("/rss-%d.xml", maxSitemapDepth+2)]
	if n != 0 || m != 0 || stats.Skipped["sitemap-depth"] != 2 {
		t.Errorf("beyond depth %d: index fetched %d times, feed %d times, sitemap-depth %d (want 0, 0, 2)", maxSitemapDepth, n, m, stats.Skipped["sitemap-depth"])
	}
	pages := 0
	for p := range hits {
		if strings.HasPrefix(p, "/p/") {
			pages++
		}
	}
	if pages != 100 || stats.Skipped["sitemap-entries"] != 150 {
		t.Errorf("%d sitemap entries fetched, %d skipped; want 100 and 150", pages, stats.Skipped["sitemap-entries"])
	}
	if stats.Skipped["too-large"] != 3 {
		t.Errorf("too-large = %d, want the huge and the two endless documents", stats.Skipped["too-large"])
	}
	for p := range hits {
		if strings.HasPrefix(p, "/v/") {
			t.Errorf("entry of an endless document fetched: %s", p)
		}
	}
}

// A sitemap its index dates no later than our last reading is not fetched
// again; one whose date moves is.
func TestUnchangedSitemapsAreSkipped(t *testing.T) {
	var mu sync.Mutex
	newDate := "2020-02-01"
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		nd := newDate
		mu.Unlock()
		base := "http://" + r.Host
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/index.xml\n", base)
		case "/index.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex><sitemap><loc>%s/sm-2020-01.xml</loc><lastmod>2020-01-31</lastmod></sitemap><sitemap><loc>%s/sm-moi.xml</loc><lastmod>%s</lastmod></sitemap><sitemap><loc>%s/sm-khong-ngay.xml</loc></sitemap></sitemapindex>`, base, base, nd, base)
		case "/sm-2020-01.xml", "/sm-moi.xml", "/sm-khong-ngay.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, `<?xml version="1.0"?><urlset></urlset>`)
		case "/":
			fmt.Fprint(w, `<html><body>Trang chủ</body></html>`)
		default:
			http.NotFound(w, r)
		}
	})
	dir := t.TempDir()
	run := func() Stats {
		t.Helper()
		stats, _ := mustCrawl(t, testConfig(srv.URL+"/", dir))
		return stats
	}
	run()
	before := readState(t, dir)
	stats := run()
	after := readState(t, dir)
	hits := srv.counts(false)
	if hits["/sm-2020-01.xml"] != 1 || hits["/sm-moi.xml"] != 1 || hits["/sm-khong-ngay.xml"] != 2 || stats.Skipped["unchanged-sitemap"] != 2 {
		t.Errorf("second run: hits %v, skipped %v; dated sitemaps must be read once, the undated one each run", hits, stats.Skipped)
	}
	if before != after {
		t.Errorf("second run changed the state:\n%s\n%s", before, after)
	}
	mu.Lock()
	newDate = time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	mu.Unlock()
	run()
	if hits := srv.counts(false); hits["/sm-moi.xml"] != 2 || hits["/sm-2020-01.xml"] != 1 {
		t.Errorf("after a new lastmod: hits %v", hits)
	}
}

// A sitemap or feed larger than the page cap is read in full up to its own
// cap, whether its length is declared or streamed; a page that large, and
// a sitemap over the sitemap cap, are skipped as too large.
func TestLargeSitemapsAndFeedsAreRead(t *testing.T) {
	cfg := testConfig("", t.TempDir())
	pad := strings.Repeat(" ", int(cfg.MaxBodyBytes)*2) // over the page cap, under the sitemap cap
	huge := strings.Repeat(" ", int(cfg.MaxDocBytes))   // over the sitemap cap
	a1, a2, a3 := siteArticles[0], siteArticles[1], siteArticles[2]
	srv := newHitServer(t, func(w http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		xml := func(body string) {
			w.Header().Set("Content-Type", "application/xml")
			w.Header().Set("Content-Length", fmt.Sprint(len(body)))
			fmt.Fprint(w, body)
		}
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/lon.xml\nSitemap: %s/rss-lon.xml\nSitemap: %s/qua-lon.xml\n", base, base, base)
		case "/lon.xml": // declared length, entry after the padding
			xml(`<?xml version="1.0"?><urlset>` + pad + `<url><loc>` + base + a1.path + `</loc></url></urlset>`)
		case "/rss-lon.xml": // streamed, no length
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`+pad+`<item><title>i</title><link>`+base+a2.path+`</link></item></channel></rss>`)
		case "/qua-lon.xml":
			xml(`<?xml version="1.0"?><urlset>` + huge + `<url><loc>` + base + a3.path + `</loc></url></urlset>`)
		case "/":
			fmt.Fprint(w, `<html><head><meta property="og:type" content="website"></head><body><a href="/trang-lon.html">lớn</a></body></html>`)
		case "/trang-lon.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body>`+pad+`</body></html>`)
		case a1.path, a2.path, a3.path:
			fmt.Fprint(w, renderArticle(map[string]testArticle{a1.path: a1, a2.path: a2, a3.path: a3}[r.URL.Path]))
		default:
			http.NotFound(w, r)
		}
	})
	cfg.Seeds = []string{srv.URL + "/"}
	stats, got := mustCrawl(t, cfg)
	if p := got.paths(); len(got.all) != 2 || p[a1.path] != 1 || p[a2.path] != 1 {
		t.Errorf("emitted %v, want the entries of the large sitemap and feed", p)
	}
	if hits := srv.counts(false); hits[a3.path] != 0 || hits["/trang-lon.html"] != 1 {
		t.Errorf("hits %v: the entry of the sitemap over its cap must not be fetched", hits)
	}
	if stats.Skipped["too-large"] != 2 {
		t.Errorf("too-large = %d, want the large page and the sitemap over its cap (%v)", stats.Skipped["too-large"], stats.Skipped)
	}
}
