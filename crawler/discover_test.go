package crawler

import (
	"testing"
	"time"
)

func TestXMLLinks(t *testing.T) {
	base := mustURL(t, "https://bao.example.vn/")
	for _, tc := range []struct {
		name, body  string
		pages, maps []string
		lastmod     string
	}{
		{"sitemapindex", `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://bao.example.vn/sm-1.xml</loc><lastmod>2025-01-02</lastmod></sitemap></sitemapindex>`,
			nil, []string{"https://bao.example.vn/sm-1.xml"}, ""},
		{"sitemap", `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://bao.example.vn/a.html?utm_campaign=x</loc><lastmod>2025-01-02T10:00:00+07:00</lastmod></url></urlset>`,
			[]string{"https://bao.example.vn/a.html"}, nil, "2025-01-02T10:00:00+07:00"},
		{"rss", `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><item><title>Chuyển đổi số</title><link>/b.html</link><pubDate>Tue, 06 May 2025 06:02:00 +0700</pubDate></item><item><guid>https://bao.example.vn/c.html</guid></item></channel></rss>`,
			[]string{"https://bao.example.vn/b.html", "https://bao.example.vn/c.html"}, nil, ""},
		{"atom", `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://bao.example.vn/d.html"/><updated>2025-03-01T08:00:00Z</updated></entry></feed>`,
			[]string{"https://bao.example.vn/d.html"}, nil, "2025-03-01T15:00:00+07:00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kind := docKind("application/xml", []byte(tc.body))
			if kind != tc.name {
				t.Fatalf("docKind = %q", kind)
			}
			pages, maps, err := xmlLinks(kind, base, []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != len(tc.pages) || len(maps) != len(tc.maps) {
				t.Fatalf("pages %v maps %v", pages, maps)
			}
			for i, p := range tc.pages {
				if pages[i].url != p {
					t.Errorf("page %d = %s, want %s", i, pages[i].url, p)
				}
			}
			for i, m := range tc.maps {
				if maps[i].url != m {
					t.Errorf("sitemap %d = %s, want %s", i, maps[i].url, m)
				}
			}
			if tc.lastmod != "" && pages[0].lastmod.Format(time.RFC3339) != tc.lastmod {
				t.Errorf("lastmod = %v, want %s", pages[0].lastmod, tc.lastmod)
			}
		})
	}
	if k := docKind("text/html", []byte("<!DOCTYPE html><html><body>x</body></html>")); k != "html" {
		t.Errorf("docKind(html) = %q", k)
	}
}
