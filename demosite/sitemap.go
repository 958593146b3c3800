package demosite

import (
	"encoding/xml"
	"net/http"
	"time"
)

// serveRobots serves robots.txt, which forbids /admin/ and /tim-kiem.
func (s *Site) serveRobots(w http.ResponseWriter, r *http.Request) {
	body := "User-agent: *\n" +
		"Disallow: /admin/\n" +
		"Disallow: /tim-kiem\n" +
		"Allow: /\n" +
		"\n" +
		"Sitemap: " + baseURL(r) + "/sitemap.xml\n"
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	serveBytes(w, r, []byte(body), newest(s.cat.stories))
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string `xml:"loc"`
	LastMod    string `xml:"lastmod,omitempty"`
	ChangeFreq string `xml:"changefreq,omitempty"`
}

// serveSitemap serves /sitemap.xml: the home page, each category and every article.
func (s *Site) serveSitemap(w http.ResponseWriter, r *http.Request) {
	base := baseURL(r)
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	set.URLs = append(set.URLs, sitemapURL{Loc: base + "/", LastMod: newest(s.cat.stories).Format(time.RFC3339), ChangeFreq: "hourly"})
	for _, c := range categories {
		if list := s.cat.inCategory(c.Slug); len(list) > 0 {
			set.URLs = append(set.URLs, sitemapURL{Loc: base + "/" + c.Slug + "/", LastMod: newest(list).Format(time.RFC3339), ChangeFreq: "hourly"})
		}
	}
	for _, st := range s.cat.stories {
		set.URLs = append(set.URLs, sitemapURL{Loc: base + st.Path, LastMod: st.Modified.Format(time.RFC3339)})
	}
	s.serveXML(w, r, "application/xml; charset=utf-8", set, newest(s.cat.stories))
}
