package crawler

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/internal/golden"
)

// sitesDir holds one page per site profile, <profile>.html, more cases of
// a profile as <profile>-<case>.html and pages of no profile as
// generic-<case>.html; each starts with a comment giving the URL it is
// parsed as, and has its expected article beside it in .golden.json.
var sitesDir = filepath.Join("testdata", "sites")

// goldenPage is one page of sitesDir.
type goldenPage struct{ file, url string }

// urlComment is the first line of every page of sitesDir.
var urlComment = regexp.MustCompile(`^<!-- url: (\S+) -->`)

// goldenPages lists the pages of sitesDir with their URLs.
func goldenPages(t *testing.T) []goldenPage {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sitesDir, "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages in %s: %v", sitesDir, err)
	}
	var out []goldenPage
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := urlComment.FindSubmatch(raw)
		if m == nil {
			t.Fatalf("%s does not start with <!-- url: URL -->", f)
		}
		out = append(out, goldenPage{filepath.Base(f), string(m[1])})
	}
	return out
}

// goldenArticle is the part of an article a golden file pins down.
type goldenArticle struct {
	ID            string   `json:"id"`
	CanonicalURL  string   `json:"canonical_url"`
	Source        string   `json:"source"`
	Title         string   `json:"title"`
	Sapo          string   `json:"sapo"`
	Body          []string `json:"body"`
	Authors       []string `json:"authors"`
	Published     string   `json:"published"`
	PublishedFrom string   `json:"published_from"`
	Section       string   `json:"section"`
	Tags          []string `json:"tags"`
	Images        []string `json:"images"`
	IsArticle     bool     `json:"is_article"`
	Relevant      bool     `json:"relevant"`
	Terms         []string `json:"terms"`
}

func parseGolden(t *testing.T, file, pageURL string) goldenArticle {
	t.Helper()
	doc, err := readHTML(bytes.NewReader(readTestdata(t, "sites", file)), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	base := mustURL(t, pageURL)
	p := parseDocument(doc, base, nil)
	a := p.article
	rel := Score(a)
	g := goldenArticle{
		ID: a.ID, CanonicalURL: a.CanonicalURL, Source: a.Source, Title: a.Title, Sapo: a.Sapo,
		Body: strings.Split(a.Body, "\n\n"), Authors: a.Authors, PublishedFrom: a.PublishedFrom,
		Section: a.Section, Tags: a.Tags, Images: a.Images, IsArticle: p.isArticle,
		Relevant: rel.Score >= DefaultThreshold, Terms: rel.Terms,
	}
	if !a.Published.IsZero() {
		g.Published = a.Published.Format("2006-01-02T15:04:05Z07:00")
	}
	return g
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenPages(t) {
		t.Run(tc.file, func(t *testing.T) {
			got := parseGolden(t, tc.file, tc.url)
			golden.JSON(t, filepath.Join(sitesDir, strings.TrimSuffix(tc.file, ".html")+".golden.json"), got)
		})
	}
}

// TestEveryProfileHasAGoldenPage: each built-in site profile has its page,
// parsed with its own rule, and lists hosts no other profile lists.
func TestEveryProfileHasAGoldenPage(t *testing.T) {
	owner := map[string]string{}
	for _, s := range DefaultSources() {
		if s.Rule == nil {
			t.Errorf("profile %s has no rule", s.Name)
		}
		for _, h := range s.Hosts {
			if o, dup := owner[hostKey(h)]; dup {
				t.Errorf("host %s is in profiles %s and %s", h, o, s.Name)
			}
			owner[hostKey(h)] = s.Name
		}
		page := filepath.Join(sitesDir, s.Name+".html")
		raw, err := os.ReadFile(page)
		if err != nil {
			t.Errorf("profile %s has no golden page: %v", s.Name, err)
			continue
		}
		m := urlComment.FindSubmatch(raw)
		if m == nil || owner[sourceName(string(m[1]))] != s.Name {
			t.Errorf("%s is not parsed as a page of %s's hosts", page, s.Name)
		}
	}
}

// TestProfileRulesMatchTheirPage: one row per selector of each profile's
// rule — each finds something on the profile's golden page, so a rule that
// no longer matches the site's markup fails here before it fails silently
// in a crawl. Remove is furniture a page may lack.
func TestProfileRulesMatchTheirPage(t *testing.T) {
	for _, s := range DefaultSources() {
		raw, err := os.ReadFile(filepath.Join(sitesDir, s.Name+".html"))
		if err != nil {
			continue // TestEveryProfileHasAGoldenPage reports it
		}
		doc, err := readHTML(bytes.NewReader(raw), "text/html")
		if err != nil {
			t.Fatal(err)
		}
		r := s.Rule
		for _, sel := range []struct{ field, css string }{
			{"title", r.Title}, {"sapo", r.Sapo}, {"body", r.Body}, {"published", r.Published},
			{"authors", r.Authors}, {"section", r.Section}, {"tags", r.Tags},
		} {
			t.Run(s.Name+"/"+sel.field, func(t *testing.T) {
				if sel.css == "" {
					t.Skip("no selector: the fallback reads it")
				}
				if doc.Find(sel.css).Length() == 0 {
					t.Errorf("%s matches nothing on %s.html", sel.css, s.Name)
				}
			})
		}
	}
}

// parseMarkupPage parses a page of testdata (markup/ or sites/) as the URL
// in its first line.
func parseMarkupPage(t *testing.T, file string) (article.Article, Provenance) {
	t.Helper()
	raw := readTestdata(t, file)
	m := urlComment.FindSubmatch(raw)
	if m == nil {
		t.Fatalf("%s does not start with <!-- url: URL -->", file)
	}
	a, from, err := ExplainArticle(bytes.NewReader(raw), string(m[1]), "text/html; charset=utf-8", nil)
	if err != nil {
		t.Fatal(err)
	}
	return a, from
}

// TestMarkupSeenOnRealSites: one row per kind of markup met on outlets'
// pages in 2025–2026, in pages of our own (testdata/markup).
func TestMarkupSeenOnRealSites(t *testing.T) {
	const at1821 = "2026-01-08T18:21:00+07:00"
	for _, tc := range []struct {
		file, why string
		body      []string
		bodyFrom  string // a part of the body's provenance
		published string
		pubFrom   string
		canonical string // "" = the page URL
	}{
		{"markup/dantri-2026.html", "Dân trí 2026: body in div[data-slot=content], related links in <article>s",
			[]string{"Mỗi sáng thứ bảy, hai cán bộ xã mang máy tính bảng đến nhà văn hóa bản để giúp bà con làm thủ tục trên cổng dịch vụ công.",
				"Những hồ sơ phổ biến nhất là đăng ký khai sinh, xác nhận cư trú và xin cấp giấy phép xây dựng nhà ở nông thôn.",
				"Chủ tịch xã cho biết sau ba tháng, số hồ sơ nộp trực tuyến đã nhiều hơn số hồ sơ nộp giấy tại bộ phận một cửa."},
			"rule dantri", at1821, "json-ld", ""},
		{"markup/tuoitre-boxes.html", "Tuổi Trẻ: last sections in div[type=content]; og:url is a share link; the rule's element shows the update time",
			[]string{"Các hộ sản xuất được hướng dẫn chụp ảnh sản phẩm, viết mô tả và nhận thanh toán qua mã QR.",
				"Giao hàng trong ngày", "Bưu điện tỉnh nhận hàng tại nhà và giao trong ngày cho khách ở thành phố.",
				"Mở rộng sang các tỉnh lân cận", "Năm tới, sàn sẽ kết nối với chợ trực tuyến của ba tỉnh lân cận để mở rộng thị trường."},
			"rule tuoitre", at1821, "json-ld", "https://tuoitre.vn/cho-nong-san-truc-tuyen-cua-tinh-20260108182100456.htm"},
		{"sites/nld.html", "Người Lao Động: a section in div[type=content], offset +0700",
			[]string{"Công nhân mở ứng dụng để chấm công, xem ca làm việc và xin nghỉ phép mà không phải chờ ở phòng nhân sự.",
				"Phiếu lương điện tử", "Cuối tháng, phiếu lương được gửi vào ứng dụng, công nhân có thể hỏi lại bộ phận kế toán ngay trên đó."},
			"rule nld", at1821, "rule", "https://nld.com.vn/cong-nhan-cham-cong-bang-ung-dung-196260108182100789.htm"},
		{"markup/generic-div-paragraphs.html", "paragraphs written as <div>s; og:url on a short-link host",
			[]string{"Thư viện tỉnh vừa đưa vào sử dụng kho sách điện tử với hơn hai mươi nghìn đầu sách, bạn đọc mượn sách bằng tài khoản định danh điện tử.",
				"Học sinh ở các huyện xa có thể đọc tài liệu tham khảo trên điện thoại mà không phải đến thư viện, kể cả vào buổi tối.",
				"Giám đốc thư viện cho biết đơn vị sẽ số hóa thêm các tài liệu địa chí quý để giới thiệu lịch sử, văn hóa của địa phương."},
			"readability", at1821, "meta", ""},
		{"markup/generic-visible-time.html", "the time only in visible text: 08/01/2026 - 18:21",
			[]string{"Hệ thống loa thông minh của xã phát bản tin bằng giọng đọc máy, cán bộ soạn nội dung trên điện thoại, tiết kiệm nhiều thời gian so với trước.",
				"Người dân cũng nghe lại các bản tin cũ qua ứng dụng, nhất là thông báo về lịch tiêm chủng và lịch thu phí, lệ phí của xã."},
			"readability", at1821, "text", ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			a, from := parseMarkupPage(t, tc.file)
			if got := strings.Split(a.Body, "\n\n"); strings.Join(got, "\n") != strings.Join(tc.body, "\n") {
				t.Errorf("%s: body\n got %q\nwant %q", tc.why, got, tc.body)
			}
			if !strings.Contains(from["body"], tc.bodyFrom) {
				t.Errorf("%s: body from %q, want %q", tc.why, from["body"], tc.bodyFrom)
			}
			if got := a.Published.Format(time.RFC3339); got != tc.published || a.PublishedFrom != tc.pubFrom {
				t.Errorf("%s: published %s from %q (%s), want %s from %q", tc.why, got, a.PublishedFrom, from["published"], tc.published, tc.pubFrom)
			}
			want := tc.canonical
			if want == "" {
				want = a.URL
			}
			if a.CanonicalURL != want {
				t.Errorf("%s: canonical %q (from %s), want %q", tc.why, a.CanonicalURL, from["canonical_url"], want)
			}
		})
	}
}
