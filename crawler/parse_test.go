package crawler

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"dxnews/article"
)

// TestDateReaders: one row per form of date met on pages, for the reader of
// visible dates, the reader of machine dates and the reader of dates in
// article URLs; want "" = no date.
func TestDateReaders(t *testing.T) {
	visible, machine := parseVisibleDate, parseMachineDate
	fromURL := func(u string) (time.Time, bool) {
		d, _, ok := dateFromURL(u)
		return d, ok
	}
	for _, tc := range []struct {
		read     func(string) (time.Time, bool)
		in, want string
	}{
		{visible, "Thứ năm, 4/11/2021, 17:12 (GMT+7)", "2021-11-04T17:12:00+07:00"},
		{visible, "Thứ ba, 06/05/2025 - 06:02", "2025-05-06T06:02:00+07:00"},
		{visible, "06/05/2025 06:02 GMT+7", "2025-05-06T06:02:00+07:00"},
		{visible, "09:05 02/06/2025", "2025-06-02T09:05:00+07:00"},
		{visible, "Thứ Bảy, 22-03-2025, 09:15", "2025-03-22T09:15:00+07:00"},
		{visible, "15/03/2023 | 10:20", "2023-03-15T10:20:00+07:00"},
		{visible, "Cập nhật lúc 8h30 ngày 1.2.2024", "2024-02-01T08:30:00+07:00"},
		{visible, "12/05/2025 03:00 (GMT+0)", "2025-05-12T10:00:00+07:00"},
		{visible, "21/10/2022", "2022-10-21T00:00:00+07:00"},
		{visible, "08/01/2026 - 18:21", "2026-01-08T18:21:00+07:00"},
		{visible, "", ""},
		{visible, "không có ngày", ""},
		{visible, "31/02/2024 10:00", ""},
		{visible, "01/01/1890", ""},
		{visible, "01/01/2999 10:00", ""},
		{machine, "2025-05-06T06:02:00+07:00", "2025-05-06T06:02:00+07:00"},
		{machine, "2025-05-05T23:02:00Z", "2025-05-06T06:02:00+07:00"},
		{machine, "2025-05-06T06:02:00", "2025-05-06T06:02:00+07:00"},
		{machine, "2025-05-06 06:02", "2025-05-06T06:02:00+07:00"},
		{machine, "1741923120", "2025-03-14T10:32:00+07:00"},
		{machine, "Tue, 06 May 2025 06:02:00 +0700", "2025-05-06T06:02:00+07:00"},
		// Offsets without a colon, as some outlets write them.
		{machine, "2026-01-08T18:21:00+0700", "2026-01-08T18:21:00+07:00"},
		{machine, "2026-01-08T18:21:00.123+0700", "2026-01-08T18:21:00+07:00"},
		{machine, "2026-01-08T18:21+0700", "2026-01-08T18:21:00+07:00"},
		{machine, "2026-01-08T11:21:00 +0000", "2026-01-08T18:21:00+07:00"},
		{fromURL, "https://dantri.com.vn/du-lich/du-khach-bat-an-20250505192841801.htm", "2025-05-05T19:28:41+07:00"},
		{fromURL, "https://tuoitre.vn/tp-hcm-kich-hoat-20250506060200111.htm?utm_source=x", "2025-05-06T06:02:00+07:00"},
		{fromURL, "https://bao.example.vn/2024/11/18/benh-an-dien-tu.html", "2024-11-18T00:00:00+07:00"},
		{fromURL, "https://vnexpress.net/thu-truong-4381438.html", ""},
		{fromURL, "https://bao.example.vn/bai-20259999999999.htm", ""},
	} {
		got, ok := tc.read(tc.in)
		if tc.want == "" && ok || tc.want != "" && (!ok || got.Format(time.RFC3339) != tc.want) {
			t.Errorf("%q read as %v, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestNormalizeURL(t *testing.T) {
	base := mustURL(t, "https://VnExpress.net:443/khoa-hoc/")
	for _, tc := range []struct{ in, want string }{
		{"bai-1.html?utm_source=fb&id=2#top", "https://vnexpress.net/khoa-hoc/bai-1.html?id=2"},
		{"/a?fbclid=x&zarsrc=1", "https://vnexpress.net/a"},
		{"javascript:;", ""},
		{"mailto:a@b.vn", ""},
		{"#box_comment", ""},
		{"//cdn.vnexpress.net/x.jpg", "https://cdn.vnexpress.net/x.jpg"},
	} {
		if got := normalizeURL(base, tc.in); got != tc.want {
			t.Errorf("normalizeURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseArticleDecodesWindows1258(t *testing.T) {
	page := strings.Replace(renderArticle(cp1258Article), `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">`, 1)
	raw := encode1258(t, page)
	if bytes.Contains(raw, []byte("ổ")) {
		t.Fatal("fixture is not windows-1258")
	}
	for _, ct := range []string{"text/html", "text/html; charset=windows-1258"} {
		a, err := ParseArticle(bytes.NewReader(raw), "http://cu.example.vn/cu/trang-cu-401.html", ct)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != cp1258Article.title || a.Sapo != cp1258Article.sapo {
			t.Errorf("content-type %q: title %q sapo %q", ct, a.Title, a.Sapo)
		}
		if !strings.Contains(a.Body, "chuyển đổi số") {
			t.Errorf("body not NFC: %q", a.Body)
		}
	}
}

func TestParseArticleDecodesEntitiesAndStripsFurniture(t *testing.T) {
	page := `<html><head><meta property="og:type" content="article"></head><body>
<h1 class="title-detail">Chuy&#7875;n &#273;&#7893;i s&#7889; &amp; d&#7919; li&#7879;u</h1>
<p class="description">(D&acirc;n tr&iacute;) - L&#7901;i d&#7851;n.</p>
<article class="fck_detail"><p class="Normal">&#272;o&#7841;n m&#7897;t c&oacute;&nbsp;kho&#7843;ng tr&#7855;ng.</p>
<figure><img src="/a.jpg"><figcaption><p class="Image">Ch&uacute; th&iacute;ch. &#7842;nh: T&aacute;c gi&#7843;</p></figcaption></figure>
<div class="social"><a>Chia s&#7867;</a></div><p class="Normal">Nữ miền Bắc</p><p class="Normal">&#272;o&#7841;n hai.</p></article></body></html>`
	a, err := ParseArticle(strings.NewReader(page), "https://vnexpress.net/x-1.html", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Chuyển đổi số & dữ liệu" || a.Sapo != "Lời dẫn." {
		t.Errorf("title %q sapo %q", a.Title, a.Sapo)
	}
	if a.Body != "Đoạn một có khoảng trắng.\n\nĐoạn hai." {
		t.Errorf("body %q", a.Body)
	}
	if len(a.Images) != 1 || a.Images[0] != "https://vnexpress.net/a.jpg" {
		t.Errorf("images %q", a.Images)
	}
}

func TestScore(t *testing.T) {
	on := Score(articleFor("Hà Nội đẩy mạnh chuyển đổi số", "", "Người dân dùng định danh điện tử."))
	if on.Score < DefaultThreshold || len(on.Terms) != 2 || on.Terms[0] != "chuyển đổi số" {
		t.Errorf("DX article scored %+v", on)
	}
	off := Score(articleFor("Đội tuyển thắng trận", "Khán giả vui mừng.", "Số hóa đơn bán vé tăng."))
	if off.Score >= DefaultThreshold {
		t.Errorf("off-topic article scored %+v", off)
	}
	// Word boundaries: "kinh tế số" must not match inside "kinh tế sống".
	if s := Score(articleFor("Kinh tế sống còn", "", "")); s.Score != 0 {
		t.Errorf("partial word matched: %+v", s)
	}
}

func articleFor(title, sapo, body string) article.Article {
	return article.Article{Title: title, Sapo: sapo, Body: body}
}

// TestKnownMarkupOnOtherHost parses VnExpress markup served from an unknown
// host (a clone or the demo site) with the VnExpress rule.
func TestKnownMarkupOnOtherHost(t *testing.T) {
	a, err := ParseArticle(bytes.NewReader(readTestdata(t, "sites", "vnexpress.html")), "http://127.0.0.1:8080/bai.html", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if a.PublishedFrom != "rule" || len(a.Authors) != 1 || a.Authors[0] != "Hải Yến" || strings.Contains(a.Body, "Hà Nội tăng tốc") {
		t.Errorf("parsed without the rule: from %q authors %q body %q", a.PublishedFrom, a.Authors, a.Body)
	}
}

// TestNoDateInventedFromRunningText: a page whose only date is one the text
// mentions gets no publication date.
func TestNoDateInventedFromRunningText(t *testing.T) {
	page := `<html><body><h1>Tỉnh triển khai kế hoạch chuyển đổi số giai đoạn mới</h1><div class="content">
<p>Kế hoạch được ban hành theo Quyết định ngày 21/11/2014 và tiếp tục có hiệu lực, với nhiều nội dung về chuyển đổi số.</p>
<p>Các sở, ngành được giao rà soát, báo cáo kết quả thực hiện trước khi tổng kết.</p></div></body></html>`
	a, err := ParseArticle(strings.NewReader(page), "https://bao.example.vn/bai-viet.html", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Published.IsZero() {
		t.Errorf("published = %v from %q, want none", a.Published, a.PublishedFrom)
	}
}

func TestParseArticleSourceName(t *testing.T) {
	for _, tc := range []struct{ head, source string }{
		{`<meta property="og:site_name" content="Báo Sông Hồng">`, "Báo Sông Hồng"},
		{`<meta property="og:site_name" content="  ">`, "bao.example.vn"},
		{``, "bao.example.vn"},
	} {
		page := `<html><head><meta property="og:type" content="article">` + tc.head + `</head><body><h1>Chuyển đổi số</h1><article><p>Nội dung bài viết về chuyển đổi số.</p></article></body></html>`
		a, err := ParseArticle(strings.NewReader(page), "https://www.bao.example.vn/a-1.html", "text/html; charset=utf-8")
		if err != nil {
			t.Fatal(err)
		}
		if a.Source != tc.source || a.Host != "bao.example.vn" {
			t.Errorf("%s: source %q host %q, want %q and bao.example.vn", tc.head, a.Source, a.Host, tc.source)
		}
	}
}

// TestRuleDateLayout: a profile's date_layout reads what the usual reading
// of Vietnamese dates cannot (English month names, a 12-hour clock), from
// any word of the element's text on.
func TestRuleDateLayout(t *testing.T) {
	page := `<html><body><h1 class="tit">Province opens a digital public service centre</h1>
<p class="when">Thursday, January 8, 2026 6:21 PM</p><div class="txt"><p>The centre helps residents file applications online.</p></div></body></html>`
	rule := &Rule{Title: "h1.tit", Body: "div.txt", Published: "p.when", DateLayout: "January 2, 2006 3:04 PM"}
	a, err := ParseArticleWith(strings.NewReader(page), "https://en.example.vn/centre-1.html", "text/html; charset=utf-8", rule)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Published.Format(time.RFC3339); got != "2026-01-08T18:21:00+07:00" || a.PublishedFrom != "rule" {
		t.Errorf("published %s from %q, want 2026-01-08T18:21:00+07:00 from the rule", got, a.PublishedFrom)
	}
	rule.DateLayout = ""
	if a, _ := ParseArticleWith(strings.NewReader(page), "https://en.example.vn/centre-1.html", "", rule); a.PublishedFrom == "rule" {
		t.Errorf("without date_layout the rule read %v", a.Published)
	}
}

// TestCanonicalOgURL: og:url gives the canonical URL when it is on the
// page's site, not when it is a share link on another domain.
func TestCanonicalOgURL(t *testing.T) {
	for _, tc := range []struct{ page, ogURL, want string }{
		{"https://m.bao.example.vn/bai-1.html", "https://bao.example.vn/bai-1.html", "https://bao.example.vn/bai-1.html"},
		{"https://bao.example.vn/bai-1.html", "https://bao.example.vn/bai-1.html?utm_source=fb", "https://bao.example.vn/bai-1.html"},
		{"https://bao.example.vn/bai-1.html", "https://b.example/s/x1", "https://bao.example.vn/bai-1.html"},
		{"https://bao.example.vn/bai-2.html", "https://example.vn/bai-2.html", "https://example.vn/bai-2.html"},
	} {
		page := `<html><head><meta property="og:url" content="` + tc.ogURL + `"></head><body><h1>Tiêu đề</h1><p>Nội dung.</p></body></html>`
		a, from, err := ExplainArticle(strings.NewReader(page), tc.page, "text/html", nil)
		if err != nil {
			t.Fatal(err)
		}
		if a.CanonicalURL != tc.want {
			t.Errorf("page %s, og:url %s: canonical %s (from %s), want %s", tc.page, tc.ogURL, a.CanonicalURL, from["canonical_url"], tc.want)
		}
	}
}

// TestAgreedPublishedTimeWins: when JSON-LD and the page's meta date agree,
// no rule or text elsewhere on the page changes the time; when they
// disagree, the rule's element decides.
func TestAgreedPublishedTimeWins(t *testing.T) {
	rule := &Rule{Title: "h1", Body: "div.txt", Published: "p.when"}
	for _, tc := range []struct{ metaKey, metaTime, want, from string }{
		{"article:published_time", "2026-01-08T18:21:00+0700", "2026-01-08T18:21:00+07:00", "json-ld"},
		{"pubdate", "2026-01-08T11:21:00Z", "2026-01-08T18:21:00+07:00", "json-ld"},
		{"article:published_time", "2026-01-07T09:00:00+07:00", "2026-01-10T09:15:00+07:00", "rule"},
	} {
		page := `<html><head><meta property="` + tc.metaKey + `" content="` + tc.metaTime + `">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-01-08T18:21:00+07:00"}</script></head>
<body><h1>Xã mở điểm hỗ trợ dịch vụ công</h1><p class="when">Cập nhật 10/01/2026 09:15</p><div class="txt"><p>Cán bộ xã hướng dẫn người dân.</p></div></body></html>`
		a, err := ParseArticleWith(strings.NewReader(page), "https://bao.example.vn/xa-20260110091500.htm", "", rule)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Published.Format(time.RFC3339); got != tc.want || a.PublishedFrom != tc.from {
			t.Errorf("meta %s=%s: published %s from %q, want %s from %q", tc.metaKey, tc.metaTime, got, a.PublishedFrom, tc.want, tc.from)
		}
	}
}
