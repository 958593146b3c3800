package crawler

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"dxnews/article"
)

// benchSite serves n generated article pages listed in a sitemap index of
// sitemaps with 1,000 URLs each. Every other article is about digital
// transformation. Pages carry site furniture (menus, related links) so
// parsing costs what it costs on real pages.
func benchSite(n int) *httptest.Server {
	var nav strings.Builder
	for i := range 60 {
		fmt.Fprintf(&nav, `<li><a href="/chuyen-muc/muc-%d.html">Chuyên mục %d</a></li>`, i, i)
	}
	menu := nav.String()
	para := []string{
		"Ủy ban nhân dân tỉnh vừa ban hành kế hoạch triển khai nhiệm vụ năm nay, trong đó giao các sở, ngành rà soát quy trình nội bộ và báo cáo kết quả định kỳ.",
		"Theo đại diện cơ quan chuyên môn, việc thực hiện đã đạt nhiều kết quả tích cực, tuy nhiên vẫn còn khó khăn về nhân lực và kinh phí ở cấp cơ sở.",
		"Người dân và doanh nghiệp được khuyến khích đóng góp ý kiến qua cổng thông tin điện tử và đường dây nóng của tỉnh.",
	}
	dx := "Chương trình chuyển đổi số của tỉnh tập trung vào chính quyền số, kinh tế số và xã hội số, lấy người dân làm trung tâm."
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\nSitemap: http://%s/sitemap-index.xml\n", r.Host)
	})
	mux.HandleFunc("/sitemap-index.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := 0; i*1000 < n; i++ {
			fmt.Fprintf(w, "<sitemap><loc>http://%s/sitemap-%d.xml</loc></sitemap>", r.Host, i)
		}
		fmt.Fprint(w, "</sitemapindex>")
	})
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		// Each response is built in memory and written at once, as a
		// caching front server would.
		w := &bytes.Buffer{}
		defer func() {
			rw.Header().Set("Content-Length", strconv.Itoa(w.Len()))
			rw.Write(w.Bytes())
		}()
		p := r.URL.Path
		switch {
		case strings.HasPrefix(p, "/sitemap-"):
			k, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(p, "/sitemap-"), ".xml"))
			rw.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			for i := k * 1000; i < min(n, (k+1)*1000); i++ {
				fmt.Fprintf(w, "<url><loc>http://%s/tin/bai-%d.html</loc><lastmod>2024-05-01T08:00:00+07:00</lastmod></url>", r.Host, i)
			}
			fmt.Fprint(w, "</urlset>")
		case strings.HasPrefix(p, "/tin/bai-"):
			i, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(p, "/tin/bai-"), ".html"))
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			title := fmt.Sprintf("Tin địa phương số %d: tỉnh triển khai nhiệm vụ trọng tâm", i)
			if i%2 == 0 {
				title = fmt.Sprintf("Bài %d: đẩy mạnh chuyển đổi số ở cấp xã", i)
			}
			fmt.Fprintf(w, `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>%s</title><meta property="og:type" content="article">
<script type="application/ld+json">{"@type":"NewsArticle","headline":%q,"datePublished":"2024-05-01T08:00:00+07:00"}</script></head>
<body><header><ul class="menu">%s</ul></header><article><h1>%s</h1><p class="sapo">Mã bài %d. %s</p><div class="content">`, title, title, menu, title, i, para[i%3])
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			for k := range 8 {
				fmt.Fprint(w, "<p>")
				for range 40 {
					fmt.Fprintf(w, " %s", benchWords[rng.IntN(len(benchWords))])
				}
				fmt.Fprintf(w, ". Đoạn %d.</p>", k)
			}
			if i%2 == 0 {
				fmt.Fprintf(w, "<p>%s</p>", dx)
			}
			fmt.Fprintf(w, `</div></article><aside class="related"><a href="/tin/bai-%d.html">Bài trước</a></aside><footer>%s</footer></body></html>`, (i+1)%n, menu)
		case strings.HasPrefix(p, "/chuyen-muc/"):
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Chuyên mục</title><meta property="og:type" content="website"></head><body><ul>%s</ul></body></html>`, menu)
		default:
			rw.WriteHeader(http.StatusNotFound)
		}
	})
	return httptest.NewServer(mux)
}

var benchWords = strings.Fields("người dân doanh nghiệp tỉnh thành phố huyện xã cán bộ công chức hồ sơ thủ tục hành chính kế hoạch năm quý tháng báo cáo kết quả triển khai thực hiện nhiệm vụ giải pháp nguồn lực ngân sách đầu tư hạ tầng giao thông y tế giáo dục nông nghiệp du lịch môi trường an ninh trật tự lao động việc làm thu nhập sản xuất kinh doanh xuất khẩu thị trường giá cả chất lượng dịch vụ phục vụ hỗ trợ chính sách quy định văn bản hướng dẫn kiểm tra giám sát đánh giá tổng kết hội nghị lãnh đạo chỉ đạo yêu cầu đề nghị kiến nghị phản ánh tiếp nhận xử lý giải quyết đúng hạn trễ hạn mục tiêu chỉ tiêu phấn đấu hoàn thành vượt tăng giảm so với cùng kỳ")

// cpuTime is the process's user plus system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCrawl5000 crawls a 5,000-page local site with politeness off,
// parsing every page and storing state on disk; it reports pages per second
// and the peak heap in use.
func BenchmarkCrawl5000(b *testing.B) { benchCrawl(b, 0) }

// BenchmarkCrawlKnown20k and BenchmarkCrawlKnown200k crawl the same site
// with a state that already knows 20,000 or 200,000 other article URLs (as
// after months of crawling), to show how memory grows with history.
func BenchmarkCrawlKnown20k(b *testing.B)  { benchCrawl(b, 20_000) }
func BenchmarkCrawlKnown200k(b *testing.B) { benchCrawl(b, 200_000) }

// seedState records known article URLs in the state under dir, as earlier
// runs would have.
func seedState(b *testing.B, dir string, known int) {
	b.Helper()
	st, err := openState(dir)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range known {
		u := fmt.Sprintf("https://bao-cu.example.vn/chuyen-muc-%d/bai-viet-lich-su-so-%d.html", i%50, 1000000+i)
		if err := st.append(record{Kind: "seen", URL: u}); err != nil {
			b.Fatal(err)
		}
		rec := record{Kind: "done", URL: u, Article: true, Kept: i%2 == 0,
			ID: fmt.Sprintf("%016x", rng.Uint64()), Hash: fmt.Sprintf("%016x%016x", rng.Uint64(), rng.Uint64()), Sim: rng.Uint64(),
			ETag: fmt.Sprintf(`W/"%x"`, rng.Uint64()), LastModified: "Wed, 01 May 2024 01:00:00 GMT",
			Fetched: time.Date(2024, 5, 1, 1, 0, 0, 0, time.UTC)}
		if err := st.append(rec); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.close(); err != nil {
		b.Fatal(err)
	}
}

func benchCrawl(b *testing.B, known int) {
	const pages = 5000
	srv := benchSite(pages)
	defer srv.Close()
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		if known > 0 {
			seedState(b, dir, known)
		}
		// Two collections and a return to the OS, so that nothing of the
		// seeding (pools keep objects for one more cycle) counts.
		runtime.GC()
		runtime.GC()
		debug.FreeOSMemory()
		b.StartTimer()
		var peak atomic.Uint64
		stop := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}()
		cfg := testConfig(srv.URL+"/sitemap-index.xml", dir)
		cfg.Parallelism = 8
		cfg.Timeout = 10 * time.Second
		cfg.MaxBodyBytes = 0
		c, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		var kept atomic.Int64
		cpu0 := cpuTime()
		start := time.Now()
		stats, err := c.Run(context.Background(), func(context.Context, article.Article) error { kept.Add(1); return nil })
		elapsed := time.Since(start)
		cpu := cpuTime() - cpu0
		close(stop)
		if err != nil {
			b.Fatal(err)
		}
		if stats.Articles != pages || int(kept.Load()) != pages/2 {
			b.Fatalf("articles %d kept %d, want %d and %d (%+v)", stats.Articles, kept.Load(), pages, pages/2, stats)
		}
		b.ReportMetric(float64(stats.Fetched)/elapsed.Seconds(), "pages/s")
		b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
		// CPU seconds include the test server's; on a shared machine this is
		// the steadier figure.
		b.ReportMetric(float64(stats.Fetched)/cpu.Seconds(), "pages/cpu-s")
	}
}
