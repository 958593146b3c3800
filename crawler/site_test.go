package crawler

import (
	"fmt"
	"html"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// testArticle is one article page of the test site.
type testArticle struct {
	path      string
	title     string
	sapo      string
	body      []string
	published string
	canonical string // path; "" = own path
	relevant  bool
}

var siteArticles = []testArticle{
	{path: "/tin/ha-noi-day-manh-chuyen-doi-so-101.html", title: "Hà Nội đẩy mạnh chuyển đổi số trong dịch vụ công", sapo: "Thành phố đặt mục tiêu đưa toàn bộ thủ tục hành chính đủ điều kiện lên môi trường số.", body: []string{"Ủy ban nhân dân thành phố vừa ban hành kế hoạch chuyển đổi số năm nay, trong đó ưu tiên dịch vụ công trực tuyến toàn trình.", "Các sở, ngành được giao rà soát quy trình, kết nối cơ sở dữ liệu dân cư và tăng cường định danh điện tử cho người dân.", "Lãnh đạo thành phố yêu cầu báo cáo kết quả hằng quý để kịp thời tháo gỡ vướng mắc."}, published: "2024-03-12T08:30:00+07:00", relevant: true},
	{path: "/tin/da-nang-do-thi-thong-minh-102.html", title: "Đà Nẵng mở rộng trung tâm điều hành đô thị thông minh", sapo: "Trung tâm mới kết nối camera giao thông, dữ liệu môi trường và phản ánh của người dân.", body: []string{"Sau ba năm vận hành, trung tâm điều hành đô thị thông minh đã xử lý hàng chục nghìn phản ánh của người dân.", "Giai đoạn tới, thành phố bổ sung nền tảng số dùng chung và kho dữ liệu mở cho doanh nghiệp khởi nghiệp.", "Đại diện sở chuyên ngành cho biết chính quyền số chỉ hiệu quả khi dữ liệu được chia sẻ thông suốt."}, published: "2024-04-02T15:05:00+07:00", relevant: true},
	{path: "/tin/kinh-te-so-dong-bang-103.html", title: "Kinh tế số vùng đồng bằng tăng trưởng nhanh", sapo: "Tỷ trọng kinh tế số trong tổng sản phẩm của vùng tiếp tục tăng so với cùng kỳ.", body: []string{"Thương mại điện tử, thanh toán không dùng tiền mặt và logistics thông minh là những động lực chính của kinh tế số.", "Nhiều hợp tác xã đã đưa nông sản lên sàn giao dịch trực tuyến với sự hỗ trợ của tổ công nghệ số cộng đồng.", "Các chuyên gia khuyến nghị đầu tư hạ tầng số tại vùng nông thôn để thu hẹp khoảng cách."}, published: "2024-05-20T09:00:00+07:00", relevant: true},
	{path: "/tin/xa-hoi-so-104.html", title: "Xây dựng xã hội số từ kỹ năng số của người dân", sapo: "Phong trào bình dân học vụ số giúp hàng nghìn người cao tuổi dùng được dịch vụ công trực tuyến.", body: []string{"Tổ công nghệ số cộng đồng đến từng khu dân cư hướng dẫn cài đặt ứng dụng định danh điện tử VNeID.", "Xã hội số chỉ hình thành khi mọi người dân đều có kỹ năng số cơ bản và được bảo vệ an toàn thông tin.", "Địa phương đặt chỉ tiêu mỗi hộ gia đình có ít nhất một người sử dụng thành thạo thanh toán số."}, published: "2024-06-01T07:45:00+07:00", relevant: true},
	{path: "/tin/chinh-phu-so-105.html", title: "Chính phủ số: dữ liệu là tài nguyên mới", sapo: "Hội nghị bàn giải pháp hoàn thiện cơ sở dữ liệu quốc gia phục vụ chính phủ số.", body: []string{"Các bộ, ngành thống nhất lộ trình chuẩn hóa dữ liệu, bảo đảm đúng, đủ, sạch, sống.", "Chuyển đổi số trong cơ quan nhà nước phải lấy người dân và doanh nghiệp làm trung tâm phục vụ.", "Hội nghị cũng thảo luận cơ chế chia sẻ dữ liệu số giữa trung ương và địa phương."}, published: "2024-07-15T14:20:00+07:00", relevant: true},
	{path: "/tin/flaky-106.html", title: "Tỉnh miền núi hoàn thành chuyển đổi số cấp xã", sapo: "Toàn bộ xã đã có điểm truy cập internet công cộng và bộ phận một cửa số.", body: []string{"Chương trình chuyển đổi số cấp xã được triển khai đồng bộ từ đầu năm.", "Người dân có thể nộp hồ sơ qua dịch vụ công trực tuyến ngay tại nhà văn hóa thôn."}, published: "2024-08-09T10:10:00+07:00", relevant: true},
	{path: "/tin/han-che-107.html", title: "Doanh nghiệp nhỏ tiếp cận chuyển đổi số nhờ nền tảng dùng chung", sapo: "Chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số giới thiệu thêm nhiều nền tảng số.", body: []string{"Doanh nghiệp được dùng thử miễn phí phần mềm kế toán, hóa đơn điện tử và quản trị nhân sự.", "Hiệp hội doanh nghiệp kiến nghị mở rộng chương trình tới các làng nghề."}, published: "2024-09-03T16:00:00+07:00", relevant: true},
	{path: "/tin/bong-da-201.html", title: "Đội tuyển bóng đá giành chiến thắng trên sân nhà", sapo: "Trận đấu diễn ra sôi nổi với hai bàn thắng trong hiệp hai.", body: []string{"Huấn luyện viên hài lòng với tinh thần thi đấu của các cầu thủ trẻ.", "Khán giả lấp kín khán đài và cổ vũ suốt chín mươi phút."}, published: "2024-03-20T21:00:00+07:00"},
	{path: "/tin/ha-noi-day-manh-chuyen-doi-so-101-amp.html", title: "Hà Nội đẩy mạnh chuyển đổi số trong dịch vụ công", sapo: "Thành phố đặt mục tiêu đưa toàn bộ thủ tục hành chính đủ điều kiện lên môi trường số.", body: []string{"Ủy ban nhân dân thành phố vừa ban hành kế hoạch chuyển đổi số năm nay, trong đó ưu tiên dịch vụ công trực tuyến toàn trình.", "Các sở, ngành được giao rà soát quy trình, kết nối cơ sở dữ liệu dân cư và tăng cường định danh điện tử cho người dân.", "Lãnh đạo thành phố yêu cầu báo cáo kết quả hằng quý để kịp thời tháo gỡ vướng mắc."}, published: "2024-03-12T08:30:00+07:00", canonical: "/tin/ha-noi-day-manh-chuyen-doi-so-101.html"},
	{path: "/private/noi-bo-301.html", title: "Tài liệu nội bộ về chuyển đổi số", sapo: "Trang này bị robots.txt cấm.", body: []string{"Không được phép thu thập trang này."}, published: "2024-01-01T00:00:00+07:00"},
}

// renderArticle writes an article page with JSON-LD and OpenGraph meta.
func renderArticle(a testArticle) string {
	canon := a.canonical
	if canon == "" {
		canon = a.path
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>%s - Báo Thử</title>
<link rel="canonical" href="%s"><meta property="og:type" content="article"><meta property="og:title" content="%s">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%q,"datePublished":%q,"author":{"@type":"Person","name":"Minh An"}}</script>
</head><body><header><a href="/">Trang chủ</a> <a href="/chuyen-muc/so-hoa.html">Số hóa</a></header>
<article><h1>%s</h1><p class="sapo">%s</p><div class="content">`, html.EscapeString(a.title), canon, html.EscapeString(a.title), a.title, a.published, html.EscapeString(a.title), html.EscapeString(a.sapo))
	for _, p := range a.body {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString(`</div></article><div class="related"><a href="/tin/xa-hoi-so-104.html">Xã hội số</a></div></body></html>`)
	return b.String()
}

// cp1258Article is served encoded in windows-1258 with a meta charset only.
var cp1258Article = testArticle{path: "/cu/trang-cu-401.html", title: "Tỉnh đồng bằng ứng dụng chữ ký số và chuyển đổi số", sapo: "Trang thông tin cũ dùng bảng mã Windows-1258.", body: []string{"Sở Thông tin và Truyền thông hướng dẫn cán bộ sử dụng chữ ký số trên điện thoại.", "Việc chuyển đổi số giúp rút ngắn thời gian xử lý hồ sơ từ năm ngày xuống còn một ngày."}, published: "2023-11-04T17:12:00+07:00", relevant: true}

// encode1258 encodes NFC text in windows-1258: letters the code page lacks
// are written as a base letter plus a combining tone mark.
func encode1258(t testing.TB, s string) []byte {
	enc := charmap.Windows1258.NewEncoder()
	var out []byte
	for _, r := range s {
		if b, err := enc.Bytes([]byte(string(r))); err == nil {
			out = append(out, b...)
			continue
		}
		var base []rune
		var tones []rune
		for _, m := range norm.NFD.String(string(r)) {
			switch m {
			case 0x300, 0x301, 0x303, 0x309, 0x323:
				tones = append(tones, m)
			default:
				base = append(base, m)
			}
		}
		b, err := enc.Bytes([]byte(norm.NFC.String(string(base)) + string(tones)))
		if err != nil {
			t.Fatalf("cannot encode %q in windows-1258: %v", r, err)
		}
		out = append(out, b...)
	}
	return out
}

// testSite is a test server with a small news site and misbehaving
// routes. It counts the requests for each path.
type testSite struct {
	*hitServer
	mu sync.Mutex
	// ok counts 200 answers per path.
	ok map[string]int
	// After gateAfter article answers, article requests wait for gate to
	// close; gated is closed when the first one waits.
	gate      chan struct{}
	gated     chan struct{}
	gateAfter int
	served    int
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (s *testSite) count(path string) int { return s.counts(false)[path] }

var siteModTime = time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC)

// siteRedirects are the test site's redirects: into a robots-disallowed
// path, off the site, and a loop.
var siteRedirects = map[string]struct {
	url  string
	code int
}{
	"/vao-trong": {"/private/noi-bo-301.html", http.StatusFound},
	"/ra-ngoai":  {"https://example.invalid/bai.html", http.StatusMovedPermanently},
	"/vong-1":    {"/vong-2", http.StatusFound},
	"/vong-2":    {"/vong-1", http.StatusFound},
}

func newTestSite(t testing.TB) *testSite {
	s := &testSite{ok: map[string]int{}}
	pages := map[string]string{}
	for _, a := range siteArticles {
		pages[a.path] = renderArticle(a)
	}
	links := func(paths ...string) string {
		var b strings.Builder
		for _, p := range paths {
			fmt.Fprintf(&b, `<li><a href="%s?utm_source=home">%s</a></li>`, p, p)
		}
		return b.String()
	}
	pages["/"] = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Báo Thử</title><meta property="og:type" content="website">
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body><nav><a href="/chuyen-muc/so-hoa.html">Số hóa</a>
<a href="/private/noi-bo-301.html">Nội bộ</a> <a href="https://example.invalid/ngoai-trang.html">Trang ngoài</a> <a href="/vong-1">Vòng</a>
<a href="/qua-lon.html">Lớn</a> <a href="/ra-ngoai">Ra ngoài</a> <a href="/vao-trong">Vào trong</a> <a href="/cham.html">Chậm</a> <a href="/cu/trang-cu-401.html">Cũ</a></nav></body></html>`
	pages["/chuyen-muc/so-hoa.html"] = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Số hóa</title><meta property="og:type" content="website">
<link rel="next" href="/chuyen-muc/so-hoa.html?trang=2"></head><body><ul>` + links(siteArticles[0].path, siteArticles[1].path, siteArticles[8].path) + `</ul></body></html>`
	pages["/chuyen-muc/so-hoa.html?trang=2"] = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Số hóa - trang 2</title><meta property="og:type" content="website">
</head><body><ul>` + links(siteArticles[2].path, siteArticles[7].path) + `</ul></body></html>`

	s.hitServer = newHitServer(t, func(rw http.ResponseWriter, r *http.Request) {
		w := &statusWriter{ResponseWriter: rw, status: http.StatusOK}
		defer func() {
			if w.status == http.StatusOK {
				s.mu.Lock()
				s.ok[r.URL.Path]++
				s.mu.Unlock()
			}
		}()
		key := r.URL.Path
		if r.URL.RawQuery != "" {
			key += "?" + r.URL.RawQuery
		}
		n := s.count(r.URL.Path)
		if to, ok := siteRedirects[r.URL.Path]; ok {
			http.Redirect(w, r, to.url, to.code)
			return
		}
		base := "http://" + r.Host
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\nCrawl-delay: 5\n\nSitemap: %s/sitemap.xml\n", base)
			return
		case "/sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%s%s</loc><lastmod>2024-07-15</lastmod></url><url><loc>%s%s</loc></url><url><loc>%s/private/noi-bo-301.html</loc></url></urlset>`, base, siteArticles[4].path, base, siteArticles[5].path, base)
			return
		case "/rss.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Thử</title>
<item><title>a</title><link>%s%s</link></item><item><title>b</title><link>%s%s</link></item><item><title>c</title><link>%s%s</link></item></channel></rss>`, base, siteArticles[3].path, base, siteArticles[0].path, base, siteArticles[6].path)
			return
		case "/qua-lon.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<html><body>"))
			chunk := []byte(strings.Repeat("<p>chuyển đổi số chuyển đổi số</p>", 100))
			for range 100 {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
			return
		case "/cham.html":
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
			return
		case siteArticles[5].path:
			if n == 1 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
		case siteArticles[6].path:
			if n == 1 {
				w.Header().Set("Retry-After", "1")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
		case cp1258Article.path:
			w.Header().Set("Last-Modified", siteModTime.Format(http.TimeFormat))
			page := strings.Replace(renderArticle(cp1258Article), `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">`, 1)
			if r.Header.Get("If-Modified-Since") != "" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			w.Write(encode1258(t, page))
			return
		}
		page, ok := pages[key]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/tin/") {
			s.mu.Lock()
			gate, gated := s.gate, s.gated
			wait := gate != nil && s.served >= s.gateAfter
			if wait && gated != nil {
				close(gated)
				s.gated = nil
			}
			s.served++
			s.mu.Unlock()
			if wait {
				select {
				case <-gate:
				case <-r.Context().Done():
					return
				}
			}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if strings.HasPrefix(r.URL.Path, "/tin/") {
			w.Header().Set("ETag", fmt.Sprintf(`"%x"`, len(page)))
		}
		http.ServeContent(w, r, "", siteModTime, strings.NewReader(page))
	})
	return s
}
