package demosite

import (
	"cmp"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/unicode/norm"
)

// fetch GETs path from srv and returns the response with its body read.
func fetch(t *testing.T, srv *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", path, err)
	}
	return resp, string(body)
}

func newTestServer(t *testing.T) (*Site, *httptest.Server) {
	t.Helper()
	site := NewServer()
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(srv.Close)
	return site, srv
}

// parseHTML parses a page.
func parseHTML(t *testing.T, body string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parsing html: %v", err)
	}
	return doc
}

// metas returns the content of every <meta property|name=…> by key.
func metas(doc *goquery.Document) map[string][]string {
	out := map[string][]string{}
	doc.Find("meta").Each(func(_ int, m *goquery.Selection) {
		if key := cmp.Or(m.AttrOr("property", ""), m.AttrOr("name", "")); key != "" {
			out[key] = append(out[key], m.AttrOr("content", ""))
		}
	})
	return out
}

func TestArticleCounts(t *testing.T) {
	pages := Articles()
	on, off := 0, 0
	seen := map[string]bool{}
	for _, p := range pages {
		if seen[p.Path] {
			t.Errorf("duplicate path %s", p.Path)
		}
		seen[p.Path] = true
		if p.Title == "" || !strings.HasPrefix(p.Path, "/") {
			t.Errorf("bad page %+v", p)
		}
		if p.OnTopic {
			on++
		} else {
			off++
		}
	}
	if on < 12 || on > 14 {
		t.Errorf("on-topic articles = %d, want 12–14", on)
	}
	if off != 3 {
		t.Errorf("off-topic articles = %d, want 3", off)
	}
}

// TestCrawlWholeSite follows every same-site link from the home page, as a
// crawler obeying robots.txt would, and checks every page it reaches.
func TestCrawlWholeSite(t *testing.T) {
	site, srv := newTestServer(t)
	_, robots := fetch(t, srv, "/robots.txt")
	var disallow []string
	for _, line := range strings.Split(robots, "\n") {
		if v, ok := strings.CutPrefix(line, "Disallow:"); ok {
			disallow = append(disallow, strings.TrimSpace(v))
		}
	}
	allowed := func(p string) bool {
		for _, d := range disallow {
			if d != "" && strings.HasPrefix(p, d) {
				return false
			}
		}
		return true
	}
	base, _ := url.Parse(srv.URL)
	queue := []string{"/"}
	visited := map[string]bool{"/": true}
	skippedDisallowed := 0
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		resp, body := fetch(t, srv, p)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", p, resp.StatusCode)
			continue
		}
		ct := resp.Header.Get("Content-Type")
		if !strings.HasPrefix(ct, "image/") && !strings.Contains(ct, "charset=utf-8") {
			t.Errorf("GET %s: Content-Type %q lacks charset=utf-8", p, ct)
		}
		if !utf8.ValidString(body) || !norm.NFC.IsNormalString(body) {
			t.Errorf("GET %s: body is not valid NFC UTF-8", p)
		}
		if !strings.HasPrefix(ct, "text/html") {
			continue
		}
		parseHTML(t, body).Find("[href], img").Each(func(_ int, n *goquery.Selection) {
			ref := n.AttrOr("href", "")
			if n.Is("img") {
				ref = n.AttrOr("src", "")
			}
			if ref == "" || n.Is("form") {
				return
			}
			u, err := base.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad link %q: %v", p, ref, err)
				return
			}
			if u.Host != base.Host || u.Scheme != base.Scheme {
				return
			}
			if strings.HasPrefix(ref, "http") && n.Is("a") {
				t.Errorf("%s: in-page link %q is not root-relative", p, ref)
			}
			target := u.RequestURI()
			if !allowed(u.Path) {
				skippedDisallowed++
				return
			}
			if !visited[target] {
				visited[target] = true
				queue = append(queue, target)
			}
		})
	}
	for _, a := range Articles() {
		if !visited[a.Path] {
			t.Errorf("article %s is not reachable by links from /", a.Path)
		}
	}
	for _, p := range []string{"/chuyen-doi-so/p2", "/rss/tin-moi-nhat.rss", "/sitemap.xml"} {
		if !visited[p] {
			t.Errorf("%s is not linked from the site", p)
		}
	}
	if skippedDisallowed == 0 {
		t.Error("no link to a robots-disallowed path found; the robots check proves nothing")
	}
	if site.AdminHits() != 0 || site.DisallowedHits() != 0 {
		t.Errorf("a robots-obeying crawl hit disallowed paths: admin %d, all %d", site.AdminHits(), site.DisallowedHits())
	}
	if len(visited) < 30 {
		t.Errorf("crawl reached only %d pages", len(visited))
	}
}

// newsArticleLD is the part of the JSON-LD the tests read.
type newsArticleLD struct {
	Type          string `json:"@type"`
	Headline      string `json:"headline"`
	DatePublished string `json:"datePublished"`
	DateModified  string `json:"dateModified"`
	Author        []struct {
		Name string `json:"name"`
	} `json:"author"`
	ArticleSection string   `json:"articleSection"`
	Image          []string `json:"image"`
}

func TestArticlePageMetadata(t *testing.T) {
	_, srv := newTestServer(t)
	styles := map[string]int{}
	for _, a := range Articles() {
		resp, body := fetch(t, srv, a.Path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d", a.Path, resp.StatusCode)
		}
		if resp.Header.Get("ETag") == "" || resp.Header.Get("Last-Modified") == "" {
			t.Errorf("%s: missing ETag or Last-Modified", a.Path)
		}
		doc := parseHTML(t, body)
		canonical := doc.Find(`link[rel="canonical"]`).Last().AttrOr("href", "")
		ld := doc.Find(`script[type="application/ld+json"]`).Last().Text()
		h1 := doc.Find("h1").First()
		styles[styleVnExpress] += doc.Find(`article[class*="fck_detail"]`).Length()
		styles[styleDanTri] += doc.Find(`div[class="singular-content"]`).Length()
		if canonical != srv.URL+a.Path {
			t.Errorf("%s: canonical = %q", a.Path, canonical)
		}
		if h1.Length() == 0 || strings.TrimSpace(h1.Text()) != a.Title {
			t.Errorf("%s: h1 is not the title", a.Path)
		}
		m := metas(doc)
		if got := m["og:title"]; len(got) != 1 || got[0] != a.Title {
			t.Errorf("%s: og:title = %q", a.Path, got)
		}
		if got := m["og:description"]; len(got) != 1 || got[0] == "" {
			t.Errorf("%s: og:description missing", a.Path)
		}
		if got := m["og:image"]; len(got) != 1 || !strings.HasPrefix(got[0], srv.URL+"/images/") {
			t.Errorf("%s: og:image = %q", a.Path, got)
		}
		pubMeta := m["article:published_time"]
		if len(pubMeta) != 1 || !strings.HasSuffix(pubMeta[0], "+07:00") || !strings.Contains(body, pubMeta[0]) {
			t.Errorf("%s: article:published_time = %q, want a literal +07:00 time", a.Path, pubMeta)
		}
		var art newsArticleLD
		if err := json.Unmarshal([]byte(ld), &art); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v", a.Path, err)
			continue
		}
		pub, err := time.Parse(time.RFC3339, art.DatePublished)
		if err != nil {
			t.Errorf("%s: datePublished %q: %v", a.Path, art.DatePublished, err)
			continue
		}
		if _, off := pub.Zone(); off != 7*3600 || !strings.HasSuffix(art.DatePublished, "+07:00") {
			t.Errorf("%s: datePublished %q is not in +07:00", a.Path, art.DatePublished)
		}
		if len(pubMeta) == 1 && pubMeta[0] != art.DatePublished {
			t.Errorf("%s: meta time %q and JSON-LD time %q differ", a.Path, pubMeta[0], art.DatePublished)
		}
		if art.Type != "NewsArticle" || art.Headline != a.Title || len(art.Author) != 1 || art.Author[0].Name == "" || art.ArticleSection == "" {
			t.Errorf("%s: JSON-LD incomplete: %+v", a.Path, art)
		}
		if img, _ := fetch(t, srv, strings.TrimPrefix(art.Image[0], srv.URL)); img.StatusCode != http.StatusOK {
			t.Errorf("%s: image %s = %d", a.Path, art.Image[0], img.StatusCode)
		}
	}
	if styles[styleVnExpress] < 5 || styles[styleDanTri] < 5 {
		t.Errorf("markup styles = %v, want at least 5 pages of each", styles)
	}
}

func TestVisibleDates(t *testing.T) {
	_, srv := newTestServer(t)
	_, vne := fetch(t, srv, "/chuyen-doi-so/chu-tich-phan-van-mai-lam-truong-ban-chi-dao-chuyen-doi-so-tp-hcm-4443021.html")
	if !strings.Contains(vne, `<span class="date">Thứ sáu, 25/3/2022, 10:15 (GMT+7)</span>`) {
		t.Error("VnExpress-style page lacks its date line")
	}
	if !strings.Contains(vne, `<p class="Normal" align="right"><strong>Hà An</strong></p>`) {
		t.Error("VnExpress-style page lacks its author line")
	}
	_, dt := fetch(t, srv, "/kinh-doanh/binh-duong-muon-kinh-te-so-chiem-20-grdp-vao-nam-2025-20230518073025410.htm")
	if !strings.Contains(dt, `<time class="author-time" datetime="2023-05-18 07:30">`) || !strings.Contains(dt, "Thứ năm, 18/05/2023 - 07:30") {
		t.Error("Dân trí-style page lacks its time element")
	}
}

func TestPagination(t *testing.T) {
	_, srv := newTestServer(t)
	total := 0
	for _, st := range mustCatalog(t).stories {
		if st.Category.Slug == "chuyen-doi-so" {
			total++
		}
	}
	if total <= perPage {
		t.Fatalf("only %d articles in chuyen-doi-so; pagination is untested", total)
	}
	pages := (total + perPage - 1) / perPage
	seen := 0
	path := "/chuyen-doi-so/"
	for n := 1; n <= pages; n++ {
		resp, body := fetch(t, srv, path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d", path, resp.StatusCode)
		}
		doc := parseHTML(t, body)
		next := doc.Find(`link[rel="next"]`).Last().AttrOr("href", "")
		nextLink := doc.Find(`a[rel="next"]`).Each(func(_ int, a *goquery.Selection) {
			if strings.TrimSpace(a.Text()) != "Trang sau" {
				t.Errorf("%s: next link text %q", path, a.Text())
			}
		}).Last().AttrOr("href", "")
		prev := doc.Find(`a[rel="prev"]`).Last().AttrOr("href", "")
		items := doc.Find(`article[class="item-news"]`).Length()
		seen += items
		if n < pages && (items != perPage || next == "" || next != nextLink) {
			t.Errorf("%s: %d items, next %q / %q", path, items, next, nextLink)
		}
		if n == pages && (next != "" || nextLink != "") {
			t.Errorf("last page %s has a next link", path)
		}
		if (n > 1) != (prev != "") {
			t.Errorf("%s: prev link %q", path, prev)
		}
		path = next
	}
	if seen != total {
		t.Errorf("pages list %d articles, category has %d", seen, total)
	}
	if resp, _ := fetch(t, srv, "/chuyen-doi-so/p99"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("page past the end = %d, want 404", resp.StatusCode)
	}
	for _, p := range []string{"/chuyen-doi-so", "/chuyen-doi-so/p1"} {
		resp, _ := fetch(t, srv, p)
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/chuyen-doi-so/" {
			t.Errorf("GET %s = %d → %q, want 301 to /chuyen-doi-so/", p, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	_, srv := newTestServer(t)
	for _, p := range []string{"/khong-ton-tai", "/chuyen-doi-so/bai-khong-co-4000000.html", "/images/khong-co.svg", "/images/", "/tag/khong-co/", "/chuyen-doi-so/p0", "/chuyen-doi-so/p02"} {
		resp, _ := fetch(t, srv, p)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, resp.StatusCode)
		}
		if p == "/khong-ton-tai" && resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("404 Content-Type = %q", resp.Header.Get("Content-Type"))
		}
	}
	resp, err := srv.Client().Post(srv.URL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST / = %d, want 405", resp.StatusCode)
	}
}

func TestConditionalRequests(t *testing.T) {
	_, srv := newTestServer(t)
	path := Articles()[0].Path
	first, body := fetch(t, srv, path)
	etag, lastMod := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
	for name, hdr := range map[string][2]string{"etag": {"If-None-Match", etag}, "date": {"If-Modified-Since", lastMod}} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		req.Header.Set(hdr[0], hdr[1])
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s revalidation = %d, want 304", name, resp.StatusCode)
		}
	}
	resp, err := srv.Client().Head(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.ContentLength != int64(len(body)) {
		t.Errorf("HEAD = %d, length %d, want 200 and %d", resp.StatusCode, resp.ContentLength, len(body))
	}
}

func TestAdminHitsCounted(t *testing.T) {
	site, srv := newTestServer(t)
	other := NewServer()
	resp, _ := fetch(t, srv, "/admin/")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("GET /admin/ = %d, want 403", resp.StatusCode)
	}
	fetch(t, srv, "/admin/dang-nhap")
	fetch(t, srv, "/tim-kiem?q=chuyen+doi+so")
	if site.AdminHits() != 2 || site.DisallowedHits() != 3 {
		t.Errorf("AdminHits %d DisallowedHits %d, want 2 and 3", site.AdminHits(), site.DisallowedHits())
	}
	if other.AdminHits() != 0 {
		t.Error("counters are shared between sites")
	}
}

func TestSearchPage(t *testing.T) {
	_, srv := newTestServer(t)
	_, body := fetch(t, srv, "/tim-kiem?q="+url.QueryEscape("Phan Van Mai"))
	if !strings.Contains(body, "/chuyen-doi-so/chu-tich-phan-van-mai-lam-truong-ban-chi-dao-chuyen-doi-so-tp-hcm-4443021.html") {
		t.Error("search without diacritics does not find the Phan Văn Mãi article")
	}
	if strings.Contains(body, "canh-chua") {
		t.Error("search returns an unrelated article")
	}
}

func TestEmbeddedFilesAreNFC(t *testing.T) {
	err := fs.WalkDir(siteFS, "site", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(siteFS, path)
		if err != nil {
			return err
		}
		if !utf8.Valid(data) || !norm.NFC.IsNormal(data) {
			t.Errorf("%s is not NFC UTF-8", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
