package demosite

import (
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/temoto/robotstxt"
)

func TestRobots(t *testing.T) {
	_, srv := newTestServer(t)
	resp, body := fetch(t, srv, "/robots.txt")
	if ct := resp.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	for _, want := range []string{"User-agent: *\n", "Disallow: /admin/\n", "Disallow: /tim-kiem\n", "Sitemap: " + srv.URL + "/sitemap.xml\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("robots.txt lacks %q:\n%s", want, body)
		}
	}
	// The crawler's robots parser must read it the same way.
	rules, err := robotstxt.FromString(body)
	if err != nil {
		t.Fatalf("robotstxt: %v", err)
	}
	for path, want := range map[string]bool{
		"/admin/":               false,
		"/admin/dang-nhap":      false,
		"/tim-kiem?q=so":        false,
		"/":                     true,
		"/chuyen-doi-so/p2":     true,
		Articles()[0].Path:      true,
		"/rss/tin-moi-nhat.rss": true,
	} {
		if got := rules.TestAgent(path, "dxnews"); got != want {
			t.Errorf("robots allows %s = %v, want %v", path, got, want)
		}
	}
	if len(rules.Sitemaps) != 1 || rules.Sitemaps[0] != srv.URL+"/sitemap.xml" {
		t.Errorf("robots sitemaps = %v", rules.Sitemaps)
	}
}

func TestAbsoluteURLsFollowHost(t *testing.T) {
	h := Handler()
	for _, path := range []string{"/robots.txt", "/sitemap.xml", "/rss/tin-moi-nhat.rss", Articles()[0].Path} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Host = "tin.example:8443"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if !strings.Contains(body, "http://tin.example:8443/") {
			t.Errorf("%s: no absolute URL with the request host", path)
		}
		if strings.Contains(body, "127.0.0.1") || strings.Contains(body, "localhost") {
			t.Errorf("%s: leaks another host", path)
		}
	}
}

func TestSitemap(t *testing.T) {
	_, srv := newTestServer(t)
	resp, body := fetch(t, srv, "/sitemap.xml")
	if ct := resp.Header.Get("Content-Type"); ct != "application/xml; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	var set struct {
		XMLName xml.Name
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(body), &set); err != nil {
		t.Fatalf("sitemap is not well-formed XML: %v", err)
	}
	if set.XMLName.Local != "urlset" || set.XMLName.Space != "http://www.sitemaps.org/schemas/sitemap/0.9" {
		t.Errorf("root element = %v", set.XMLName)
	}
	lastmod := map[string]string{}
	for _, u := range set.URLs {
		if !strings.HasPrefix(u.Loc, srv.URL+"/") {
			t.Errorf("loc %q is not absolute on the test host", u.Loc)
		}
		lastmod[strings.TrimPrefix(u.Loc, srv.URL)] = u.LastMod
	}
	for _, a := range Articles() {
		lm, ok := lastmod[a.Path]
		if !ok {
			t.Errorf("sitemap lacks %s", a.Path)
			continue
		}
		if _, err := time.Parse(time.RFC3339, lm); err != nil || !strings.HasSuffix(lm, "+07:00") {
			t.Errorf("%s: lastmod %q is not RFC 3339 in +07:00", a.Path, lm)
		}
	}
}

func TestRSS(t *testing.T) {
	_, srv := newTestServer(t)
	_, home := fetch(t, srv, "/")
	feedHref := parseHTML(t, home).Find(`link[rel="alternate"][type="application/rss+xml"]`).Last().AttrOr("href", "")
	if feedHref != "/rss/tin-moi-nhat.rss" {
		t.Fatalf("home page feed link = %q", feedHref)
	}
	resp, body := fetch(t, srv, feedHref)
	if ct := resp.Header.Get("Content-Type"); ct != "application/rss+xml; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	var feed struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel struct {
			Title string `xml:"title"`
			// Links holds <link> and <atom:link>; encoding/xml matches both.
			Links []struct {
				XMLName xml.Name
				Text    string `xml:",chardata"`
				Href    string `xml:"href,attr"`
			} `xml:"link"`
			Items []struct {
				Title   string `xml:"title"`
				Link    string `xml:"link"`
				GUID    string `xml:"guid"`
				PubDate string `xml:"pubDate"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal([]byte(body), &feed); err != nil {
		t.Fatalf("feed is not well-formed XML: %v", err)
	}
	var link, self string
	for _, l := range feed.Channel.Links {
		if l.XMLName.Space == "" {
			link = l.Text
		} else {
			self = l.Href
		}
	}
	if feed.Version != "2.0" || feed.Channel.Title == "" || link != srv.URL+"/" || self != srv.URL+feedHref {
		t.Errorf("channel: version %q title %q link %q self %q", feed.Version, feed.Channel.Title, link, self)
	}
	if n := len(feed.Channel.Items); n < 5 || n > feedSize {
		t.Errorf("feed has %d items", n)
	}
	titles := map[string]string{}
	for _, a := range Articles() {
		titles[a.Path] = a.Title
	}
	var prev time.Time
	for i, it := range feed.Channel.Items {
		path, ok := strings.CutPrefix(it.Link, srv.URL)
		if !ok || titles[path] != it.Title || it.GUID != it.Link {
			t.Errorf("item %q: link %q guid %q do not name an article on the test host", it.Title, it.Link, it.GUID)
		}
		pub, err := time.Parse(time.RFC1123Z, it.PubDate)
		if err != nil {
			t.Errorf("item %q: pubDate %q: %v", it.Title, it.PubDate, err)
		}
		if i > 0 && pub.After(prev) {
			t.Errorf("items are not newest first at %q", it.Title)
		}
		prev = pub
	}
	if resp, _ := fetch(t, srv, "/rss/chuyen-doi-so.rss"); resp.StatusCode != http.StatusOK {
		t.Errorf("category feed = %d", resp.StatusCode)
	}
	if resp, _ := fetch(t, srv, "/rss/khong-co.rss"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown feed = %d, want 404", resp.StatusCode)
	}
}
