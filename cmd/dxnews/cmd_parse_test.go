package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// parsePage is a saved page in Tuổi Trẻ's markup whose rule element shows
// the update time while its JSON-LD and meta agree on the published one.
const parsePage = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Phường mở quầy tự phục vụ thủ tục hành chính - Tuổi Trẻ Online</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2026-01-08T18:21:00+0700">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-01-08T18:21:00+0700"}</script>
</head><body>
<h1 class="detail-title">Phường mở quầy tự phục vụ thủ tục hành chính</h1>
<div class="detail-time"><div data-role="publishdate">Cập nhật 09/01/2026 07:00 GMT+7</div></div>
<h2 class="detail-sapo">TTO - Người dân tự quét căn cước và in kết quả tại quầy đặt ở sảnh trụ sở phường.</h2>
<div class="detail-content" data-role="content"><p>Quầy tự phục vụ hoạt động cả ngày thứ bảy để người đi làm có thể đến nộp hồ sơ chuyển đổi số.</p></div>
</body></html>`

func TestParseCommand(t *testing.T) {
	page := writeFile(t, filepath.Join(t.TempDir(), "trang.html"), parsePage)
	var a struct {
		ID, Source, Title, Sapo, Body, Published, PublishedFrom string
		Relevance                                               *struct{ Score float64 }
	}
	stderr := mustRunJSON(t, nil, &a, "parse", "-url", "https://tuoitre.vn/phuong-mo-quay-tu-phuc-vu-20260108182100111.htm", page)
	if a.ID == "" || a.Source != "Tuổi Trẻ" || a.Title != "Phường mở quầy tự phục vụ thủ tục hành chính" ||
		a.Sapo != "Người dân tự quét căn cước và in kết quả tại quầy đặt ở sảnh trụ sở phường." ||
		a.Published != "2026-01-08T18:21:00+07:00" || a.Relevance == nil || a.Relevance.Score == 0 {
		t.Errorf("record %+v", a)
	}
	if m := missing(stderr,
		"profile        tuoitre (by host)\n",
		"source         profile tuoitre site_name\n",
		"title          rule tuoitre `h1.detail-title, h1.article-title`\n",
		"published      json-ld datePublished = meta article:published_time\n",
		"canonical_url  page URL\n",
		"tags           -\n",
	); len(m) > 0 {
		t.Errorf("stderr lacks %q:\n%s", m, stderr)
	}
}

func TestParseCommandErrors(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, filepath.Join(dir, "trong.html"), "<html><body></body></html>")
	u := "https://bao.example.vn/bai-1.html"
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"parse", empty}, 2, "-url is required"},
		{[]string{"parse", "-url", "bao.example.vn/bai-1.html", empty}, 2, "is not an http or https address"},
		{[]string{"parse", "-url", u}, 2, "want exactly one FILE"},
		{[]string{"parse", "-url", u, filepath.Join(dir, "khong-co.html")}, 1, "khong-co.html: no such file"},
		{[]string{"parse", "-url", u, dir}, 1, "is a directory"},
		{[]string{"parse", "-url", u, empty}, 1, "no article in the page"},
	} {
		code, stdout, stderr := run(t, nil, tc.args...)
		if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and one line with %q", tc.args, code, stdout, stderr, tc.code, tc.want)
		}
	}
}

// TestParseCommandConfig: a config file's source for the URL's host
// overrides the built-in rule field by field and names the outlet.
func TestParseCommandConfig(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, filepath.Join(dir, "trang.html"), strings.Replace(parsePage, `<h1 class="detail-title">`, `<h1 class="tieu-de-moi">`, 1))
	cfg := writeFile(t, filepath.Join(dir, "sources.json"),
		`{"sources": [{"name": "tuoitre-moi", "site_name": "Tuổi Trẻ Mới", "hosts": ["tuoitre.vn"], "start": ["https://tuoitre.vn/"], "rule": {"title": "h1.tieu-de-moi"}}]}`)
	var a struct{ Source, Title, Sapo string }
	stderr := mustRunJSON(t, nil, &a, "parse", "-config", cfg, "-url", "https://tuoitre.vn/phuong-mo-quay-20260108182100111.htm", page)
	if a.Source != "Tuổi Trẻ Mới" || a.Title != "Phường mở quầy tự phục vụ thủ tục hành chính" || a.Sapo == "" {
		t.Errorf("record %+v", a)
	}
	if m := missing(stderr, "profile        config rule over tuoitre\n", "title          rule config `h1.tieu-de-moi`\n", "sapo           rule tuoitre `h2.detail-sapo`\n", "source         config source tuoitre-moi site_name\n"); len(m) > 0 {
		t.Errorf("stderr lacks %q:\n%s", m, stderr)
	}
	code, _, stderr := run(t, nil, "parse", "-config", filepath.Join(dir, "khong-co.json"), "-url", "https://tuoitre.vn/a.htm", page)
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "khong-co.json") {
		t.Errorf("missing config: exit %d, stderr %q", code, stderr)
	}
}
