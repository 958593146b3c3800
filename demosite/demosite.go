// Package demosite is a small Vietnamese news site bundled into the binary:
// digital-transformation articles plus a few off-topic ones, in the markup of
// two real news sites, with category pages, an RSS feed, a sitemap and a
// robots.txt. `dxnews demo` serves it on a loopback port and crawls it.
//
// Links inside pages are root-relative, so the site works on any host:port;
// robots.txt, the sitemap, the feed, canonical links and OpenGraph tags carry
// absolute URLs built from the request's Host.
package demosite

import (
	"io/fs"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
)

// Page describes one embedded article page.
type Page struct {
	// Path is the root-relative URL path ("/chuyen-doi-so/...html").
	Path  string
	Title string
	// OnTopic reports whether the article is about digital transformation.
	OnTopic bool
}

// Site serves the embedded news site and counts requests to the paths its
// robots.txt forbids.
type Site struct {
	cat     *catalog
	tpl     *templates
	assets  http.Handler
	admin   atomic.Int64
	blocked atomic.Int64
}

var loadOnce = sync.OnceValues(func() (*catalog, error) { return loadCatalog(siteFS) })

// NewServer returns a new site with its own request counters. The embedded
// content is checked by the package tests, so a parse failure here is a
// build defect and panics.
func NewServer() *Site {
	cat, err := loadOnce()
	if err != nil {
		panic(err)
	}
	tpl, err := parseTemplates(siteFS)
	if err != nil {
		panic(err)
	}
	sub, err := fs.Sub(siteFS, "site")
	if err != nil {
		panic(err)
	}
	return &Site{cat: cat, tpl: tpl, assets: http.FileServerFS(sub)}
}

// Handler serves the embedded site at "/".
func Handler() http.Handler { return NewServer() }

// Handler returns the site as an http.Handler.
func (s *Site) Handler() http.Handler { return s }

// AdminHits returns how many requests asked for a path under /admin/.
func (s *Site) AdminHits() int64 { return s.admin.Load() }

// DisallowedHits returns how many requests asked for any path robots.txt
// disallows (/admin/ and /tim-kiem).
func (s *Site) DisallowedHits() int64 { return s.blocked.Load() }

// Articles lists the embedded article pages, newest first.
func Articles() []Page {
	cat, err := loadOnce()
	if err != nil {
		panic(err)
	}
	out := make([]Page, len(cat.stories))
	for i, st := range cat.stories {
		out[i] = Page{Path: st.Path, Title: st.Title, OnTopic: st.OnTopic}
	}
	return out
}

// ServeHTTP routes a request to the page it names.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if strings.HasPrefix(p, "/admin") {
		s.admin.Add(1)
		s.blocked.Add(1)
	}
	if strings.HasPrefix(p, "/tim-kiem") {
		s.blocked.Add(1)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch {
	case p == "/":
		s.serveHome(w, r)
	case p == "/robots.txt":
		s.serveRobots(w, r)
	case p == "/sitemap.xml":
		s.serveSitemap(w, r)
	case strings.HasPrefix(p, "/rss/"):
		s.serveFeed(w, r, strings.TrimPrefix(p, "/rss/"))
	case p == "/admin" || strings.HasPrefix(p, "/admin/"):
		s.serveAdmin(w, r)
	case p == "/tim-kiem":
		s.serveSearch(w, r)
	case strings.HasPrefix(p, "/images/") || strings.HasPrefix(p, "/static/"):
		s.serveAsset(w, r)
	case strings.HasPrefix(p, "/tag/"):
		s.serveTag(w, r, strings.TrimPrefix(p, "/tag/"))
	default:
		if st, ok := s.cat.byPath[p]; ok {
			s.serveStory(w, r, st)
			return
		}
		s.serveCategory(w, r)
	}
}

// serveAsset serves an image or stylesheet from the embedded files.
func (s *Site) serveAsset(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/") {
		s.notFound(w, r)
		return
	}
	if _, err := fs.Stat(siteFS, "site"+r.URL.Path); err != nil {
		s.notFound(w, r)
		return
	}
	if strings.HasSuffix(r.URL.Path, ".css") {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	s.assets.ServeHTTP(w, r)
}
