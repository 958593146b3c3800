package crawler

import (
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/temoto/robotstxt"
	"golang.org/x/text/unicode/norm"
)

// FuzzParseArticle checks that any page parses without panicking and yields
// valid NFC UTF-8.
func FuzzParseArticle(f *testing.F) {
	f.Add(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Chuyển đổi số","datePublished":"2025-01-01T08:00:00+07:00"}</script></head><body><p>Nội dung</p></body></html>`)
	f.Add(`<h1 class="title-detail">A</h1><span class="date">Thứ năm, 4/11/2021, 17:12 (GMT+7)</span><article class="fck_detail"><p>x</p></article>`)
	f.Add(`<script type="application/ld+json">[{"@graph":[{"@type":["NewsArticle"],"author":[{"name":1}],"keywords":[1,2]}]}]</script>`)
	f.Add("<table><tr><td>Cập nhật 31/12/2024 23:59</td></tr></table>")
	f.Fuzz(func(t *testing.T, page string) {
		a, _ := ParseArticle(strings.NewReader(page), "https://bao.example.vn/a-123456.html", "text/html; charset=utf-8")
		for _, s := range []string{a.Title, a.Sapo, a.Body} {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
				t.Fatalf("not NFC UTF-8: %q", s)
			}
		}
	})
}

// FuzzParseVisibleDate checks that dates found are plausible and in +07:00.
func FuzzParseVisibleDate(f *testing.F) {
	fuzzPlausibleDate(f, "parseVisibleDate", parseVisibleDate,
		"Thứ ba, 06/05/2025 - 06:02", "09:05 02/06/2025", "99/99/9999 99:99", "1/1/2000 (GMT-12)", "2025-13-40")
}

// FuzzParseMachineDate checks that machine dates found are plausible and in
// +07:00.
func FuzzParseMachineDate(f *testing.F) {
	fuzzPlausibleDate(f, "parseMachineDate", parseMachineDate,
		"2024-05-01T08:00:00+07:00", "2024-05-01", "1714525200", "1714525200000", "Wed, 01 May 2024 01:00:00 GMT", "2024/05/01 08:00", "0000-00-00T00:00:00Z", "9999999999999")
}

// fuzzPlausibleDate fuzzes parse, named name, from seeds: a date it finds
// is after 1996 and in +07:00.
func fuzzPlausibleDate(f *testing.F, name string, parse func(string) (time.Time, bool), seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parse(s)
		if !ok {
			return
		}
		if d.Year() < 1997 || d.Format("-07:00") != "+07:00" {
			t.Fatalf("%s(%q) = %v", name, s, d)
		}
	})
}

// FuzzNormalizeURL checks that a normalised URL is an http(s) address that
// normalises to itself.
func FuzzNormalizeURL(f *testing.F) {
	base, _ := url.Parse("https://bao.example.vn/tin/")
	for _, s := range []string{"/a-123456.html?utm_source=x&id=2#top", "HTTP://WWW.Example.VN:80/", "javascript:alert(1)", "//cdn.example.vn/x", "../../a", "https://[::1]:443/a", "http://a.vn/%zz", "mailto:a@b.vn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		u := normalizeURL(base, ref)
		if u == "" {
			return
		}
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			t.Fatalf("normalizeURL(%q) = %q: not http(s)", ref, u)
		}
		if again := normalizeURL(nil, u); again != u {
			t.Fatalf("normalizeURL(%q) = %q, which normalises to %q", ref, u, again)
		}
	})
}

// FuzzSitemap checks that any sitemap or sitemap index yields only
// normalised http(s) links.
func FuzzSitemap(f *testing.F) {
	f.Add(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://bao.example.vn/a-123456.html</loc><lastmod>2024-05-01T08:00:00+07:00</lastmod></url></urlset>`)
	f.Add(`<sitemapindex><sitemap><loc>/sitemap-1.xml</loc></sitemap><sitemap><loc>javascript:x</loc></sitemap></sitemapindex>`)
	f.Add(`<?xml version="1.0" encoding="windows-1258"?><urlset><url><loc>  https://bao.example.vn/b  </loc><lastmod>99</lastmod></url>`)
	f.Add("https://bao.example.vn/a-1.html\nhttps://bao.example.vn/b\n")
	f.Fuzz(func(t *testing.T, body string) {
		checkXMLLinks(t, "application/xml", body)
	})
}

// FuzzFeed checks that any RSS or Atom feed yields only normalised http(s)
// links.
func FuzzFeed(f *testing.F) {
	f.Add(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin</title><item><title>Chuyển đổi số</title><link>https://bao.example.vn/a-123456.html</link><guid>x</guid><pubDate>Wed, 01 May 2024 08:00:00 +0700</pubDate></item></channel></rss>`)
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="/b-654321.html"/><updated>2024-05-01T08:00:00Z</updated></entry><entry><link rel="self" href="x"/></entry></feed>`)
	f.Add(`<rdf:RDF><item><link>http://bao.example.vn/c</link></item></rdf:RDF>`)
	f.Add(`<rss><channel><item><guid>https://bao.example.vn/d</guid></item><item><link><![CDATA[ /e ]]></link></item>`)
	f.Add(`{"version":"https://jsonfeed.org/version/1.1","title":"Tin","items":[{"id":"1","url":"https://bao.example.vn/a-123456.html","date_modified":"2024-05-01T08:00:00+07:00"},{"id":"https://bao.example.vn/b"}]}`)
	f.Fuzz(func(t *testing.T, body string) {
		checkXMLLinks(t, "application/rss+xml", body)
		checkXMLLinks(t, "application/feed+json", body)
	})
}

func checkXMLLinks(t *testing.T, contentType, body string) {
	t.Helper()
	base, _ := url.Parse("https://bao.example.vn/sitemap.xml")
	kind := docKind(contentType, []byte(body))
	switch kind {
	case "sitemap", "sitemapindex", "rss", "atom", "jsonfeed":
	default:
		return
	}
	pages, maps, err := xmlLinks(kind, base, []byte(body))
	if err != nil {
		return
	}
	for _, l := range append(pages, maps...) {
		if normalizeURL(nil, l.url) != l.url {
			t.Fatalf("%s link %q is not normalised", kind, l.url)
		}
		if !l.lastmod.IsZero() && l.lastmod.Format("-07:00") != "+07:00" {
			t.Fatalf("%s lastmod %v not in +07:00", kind, l.lastmod)
		}
	}
}

// FuzzRobots checks that any robots.txt is read without panicking and that
// the rules it yields can be queried.
func FuzzRobots(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /private/\nCrawl-delay: 2\nSitemap: https://bao.example.vn/sitemap.xml\n", "/private/a")
	f.Add("User-agent: dxnews\nAllow: /$\nDisallow: /*?\n\nUser-agent: *\nDisallow: /\n", "/?a=1")
	f.Add("\xef\xbb\xbfUSER-AGENT:*\r\nDISALLOW:\r\ncrawl-delay: 1e308\r\n", "/")
	f.Add("Sitemap: not a url\nUser-agent\nDisallow: /[\n", "/%zz")
	f.Fuzz(func(t *testing.T, txt, path string) {
		data, err := robotstxt.FromStatusAndBytes(200, []byte(txt))
		if err != nil {
			return
		}
		data.TestAgent(path, DefaultUserAgent)
		if d := crawlDelay(data, DefaultUserAgent, time.Second); d < time.Second || d > maxCrawlDelay {
			t.Fatalf("crawl delay %v outside 1s..%v", d, maxCrawlDelay)
		}
		for _, sm := range data.Sitemaps {
			if u := normalizeURL(nil, sm); u != "" && !strings.HasPrefix(u, "http") {
				t.Fatalf("sitemap %q normalised to %q", sm, u)
			}
		}
	})
}
