package crawler

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/unicode/norm"
)

func TestFeedLinks(t *testing.T) {
	base := mustURL(t, "https://bao.example.vn/feeds/")
	type want struct {
		url     string
		lastmod string // RFC 3339 in +07:00, "" for none
	}
	for _, tc := range []struct {
		file, contentType, kind string
		want                    []want
	}{
		{"rss2.xml", "application/rss+xml", "rss", []want{
			{"https://bao.example.vn/tinh-vi-du-nen-tang-du-lieu.html", ""},
			{"https://bao.example.vn/chinh-quyen-so-cap-xa.html", ""},
			{"https://bao.example.vn/chi-co-guid.html", ""},
		}},
		// A bare "&", an HTML entity and an odd date, as real feeds have.
		{"rss2-sloppy.xml", "text/xml", "rss", []want{
			{"https://bao.example.vn/doanh-nghiep-nho-va-vua.html", ""},
		}},
		{"rss1.rdf", "application/rdf+xml", "rss", []want{
			{"https://bao.example.vn/kinh-te-so-quy-mot.html", "2025-04-02T09:30:00+07:00"},
			{"https://bao.example.vn/thanh-toan-khong-dung-tien-mat.html", ""},
		}},
		{"rss091.xml", "text/xml", "rss", []want{
			{"https://bao.example.vn/cafe-so.html", ""},
		}},
		{"atom.xml", "application/atom+xml", "atom", []want{
			{"https://bao.example.vn/trung-tam-dieu-hanh.html", "2025-03-01T15:00:00+07:00"},
			{"https://bao.example.vn/feeds/camera-giao-thong.html", "2025-02-27T16:45:00+07:00"},
		}},
		{"feed.json", "application/feed+json", "jsonfeed", []want{
			{"https://bao.example.vn/dich-vu-cong-truc-tuyen.html", "2025-06-11T08:30:00+07:00"},
			{"https://bao.example.vn/so-hoa-ho-so.html", ""},
			{"https://bao.example.vn/lien-ket-ngoai.html", ""},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			body := readTestdata(t, "feeds", tc.file)
			kind := docKind(tc.contentType, body)
			if kind != tc.kind {
				t.Fatalf("docKind = %q, want %q", kind, tc.kind)
			}
			pages, maps, err := xmlLinks(kind, base, body)
			if err != nil {
				t.Fatal(err)
			}
			if len(maps) != 0 {
				t.Errorf("a feed gave sitemaps %v", maps)
			}
			if len(pages) != len(tc.want) {
				t.Fatalf("got %d links %v, want %d", len(pages), pages, len(tc.want))
			}
			for i, w := range tc.want {
				if pages[i].url != w.url {
					t.Errorf("link %d = %s, want %s", i, pages[i].url, w.url)
				}
				got := ""
				if !pages[i].lastmod.IsZero() {
					got = pages[i].lastmod.In(time.FixedZone("ICT", 7*3600)).Format(time.RFC3339)
				}
				if got != w.lastmod {
					t.Errorf("link %d lastmod = %q, want %q", i, got, w.lastmod)
				}
			}
		})
	}
}

func TestFeedLinksCharsets(t *testing.T) {
	base := mustURL(t, "https://bao.example.vn/")
	body := encode1258(t, `<?xml version="1.0" encoding="windows-1258"?>`+
		`<rss version="2.0"><channel><title>Báo Ví Dụ</title><link>https://bao.example.vn/</link>`+
		`<item><title>Hà Nội số hoá hồ sơ đất đai</title><link>https://bao.example.vn/hà-nội-số-hoá.html</link></item>`+
		`</channel></rss>`)
	pages, _, err := xmlLinks(docKind("application/rss+xml", body), base, body)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("links %v", pages)
	}
	// The link decoded from windows-1258 is the same as the UTF-8 one.
	want := normalizeURL(base, norm.NFC.String("https://bao.example.vn/hà-nội-số-hoá.html"))
	if pages[0].url != want {
		t.Errorf("link = %s, want %s", pages[0].url, want)
	}
}

func TestFeedLinksRejectsBrokenFeeds(t *testing.T) {
	base := mustURL(t, "https://bao.example.vn/")
	for name, body := range map[string]string{
		"truncated rss": `<?xml version="1.0"?><rss version="2.0"><channel><item><link>https://bao.example.vn/a.html</link>`,
		"bad json":      `{"version": "https://jsonfeed.org/version/1.1", "items": [`,
	} {
		kind := docKind("", []byte(body))
		if _, _, err := xmlLinks(kind, base, []byte(body)); err == nil || !strings.Contains(err.Error(), "feed") {
			t.Errorf("%s (%s): err = %v, want a feed error", name, kind, err)
		}
	}
}

func TestFeedsFoundInPages(t *testing.T) {
	html := `<html><head>
<link rel="alternate" type="application/rss+xml" href="/rss/chuyen-doi-so.rss">
<link rel="alternate" type="application/atom+xml" href="https://bao.example.vn/atom.xml">
<link rel="alternate" type="application/feed+json" href="/feed.json">
<link rel="alternate" hreflang="en" href="/en/">
<link rel="stylesheet" href="/style.css">
</head><body><p>Trang chủ</p></body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	p := parseDocument(doc, mustURL(t, "https://bao.example.vn/"), nil)
	want := []string{"https://bao.example.vn/rss/chuyen-doi-so.rss", "https://bao.example.vn/atom.xml", "https://bao.example.vn/feed.json"}
	if strings.Join(p.feeds, " ") != strings.Join(want, " ") {
		t.Errorf("feeds %v, want %v", p.feeds, want)
	}
}

// TestCrawlFollowsFeeds crawls a site whose articles are reachable only
// through the JSON Feed and the Atom feed its home page announces; on the
// second run the feeds' updated dates, older than our copies, spare the
// article requests altogether.
func TestCrawlFollowsFeeds(t *testing.T) {
	a1, a2 := siteArticles[0], siteArticles[1]
	a1.path, a2.path = "/tin/qua-json-feed-1001.html", "/tin/qua-atom-1002.html"
	site := newHitServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Báo Thử</title>
<link rel="alternate" type="application/feed+json" href="/feed.json">
<link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body><p>Trang chủ</p></body></html>`)
		case "/feed.json":
			w.Header().Set("Content-Type", "application/feed+json")
			fmt.Fprintf(w, `{"version": "https://jsonfeed.org/version/1.1", "title": "Báo Thử", "items": [
{"id": "1001", "url": %q, "date_modified": "2024-03-12T09:00:00+07:00"}]}`, a1.path)
		case "/atom.xml":
			w.Header().Set("Content-Type", "application/atom+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Báo Thử</title>
<entry><title>Đà Nẵng</title><link href=%q/><updated>2024-04-02T15:05:00+07:00</updated></entry></feed>`, a2.path)
		case a1.path:
			fmt.Fprint(w, renderArticle(a1))
		case a2.path:
			fmt.Fprint(w, renderArticle(a2))
		default:
			http.NotFound(w, r)
		}
	})
	cfg := testConfig(site.URL+"/", t.TempDir())
	for run := 1; run <= 2; run++ {
		_, got := mustCrawl(t, cfg)
		paths, hits := got.paths(), site.counts(true)
		switch run {
		case 1:
			if len(got.all) != 2 || paths[a1.path] != 1 || paths[a2.path] != 1 {
				t.Errorf("first run emitted %v, want both feed articles", paths)
			}
		case 2:
			if len(got.all) != 0 || hits[a1.path] != 0 || hits[a2.path] != 0 {
				t.Errorf("second run emitted %v and requested the articles %d and %d times, want none", paths, hits[a1.path], hits[a2.path])
			}
		}
	}
}
