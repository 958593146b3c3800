package crawler

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// link is a URL found in a sitemap or feed, with its last-modified time when
// the document gives one.
type link struct {
	url     string
	lastmod time.Time
}

// docKind sniffs what a fetched body is.
func docKind(contentType string, body []byte) string {
	head := body
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
	lower := strings.ToLower(string(head))
	switch {
	case strings.Contains(lower, "<urlset"):
		return "sitemap"
	case strings.Contains(lower, "<sitemapindex"):
		return "sitemapindex"
	case strings.Contains(lower, "<rss") || strings.Contains(lower, "<rdf:rdf"):
		return "rss"
	case strings.Contains(lower, "<feed"):
		return "atom"
	case strings.HasPrefix(lower, "{") && (strings.Contains(lower, "jsonfeed.org/version") || strings.Contains(contentType, "feed+json")):
		return "jsonfeed"
	case strings.HasPrefix(lower, "<?xml") && !strings.Contains(lower, "<html"):
		return "xml"
	case strings.Contains(contentType, "text/plain"):
		return "text"
	}
	return "html"
}

type xmlSitemap struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

func decodeXML(body []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	return d.Decode(v)
}

// xmlLinks returns the page links and the nested sitemaps of a sitemap,
// sitemap index or feed (RSS, Atom, JSON Feed), resolved against base.
func xmlLinks(kind string, base *url.URL, body []byte) (pages, sitemaps []link, err error) {
	add := func(dst *[]link, loc, lastmod string) {
		if u := normalizeURL(base, loc); u != "" {
			t, _ := parseMachineDate(lastmod)
			*dst = append(*dst, link{url: u, lastmod: t})
		}
	}
	switch kind {
	case "sitemap", "sitemapindex":
		var s xmlSitemap
		if err := decodeXML(body, &s); err != nil && err != io.EOF {
			return nil, nil, err
		}
		for _, u := range s.URLs {
			add(&pages, u.Loc, u.Lastmod)
		}
		for _, sm := range s.Sitemaps {
			add(&sitemaps, sm.Loc, sm.Lastmod)
		}
	case "rss", "atom", "jsonfeed":
		pages, err = feedLinks(base, body)
		if err != nil {
			return nil, nil, err
		}
	}
	return pages, sitemaps, nil
}

// handleFeed queues the links of a sitemap, sitemap index or feed, within
// the bounds on entries and nesting, and records the document as read.
func (r *run) handleFeed(j job, kind string, final *url.URL, body []byte) {
	pages, maps, err := xmlLinks(kind, final, body)
	if err != nil {
		r.fail(j, fmt.Errorf("%s: %w", kind, err))
		return
	}
	if j.depth > maxSitemapDepth {
		// A feed or sitemap reached through a chain of them deeper than
		// any sitemap index may nest: an endless chain.
		r.count(func(s *Stats) { s.Skipped["sitemap-depth"] += len(maps) + len(pages) })
		r.markDone(j.url, "")
		return
	}
	if len(maps) > 0 && j.depth+1 > maxSitemapDepth {
		r.count(func(s *Stats) { s.Skipped["sitemap-depth"] += len(maps) })
		maps = nil
	}
	if n := len(maps) + len(pages); n > maxDocLinks {
		r.count(func(s *Stats) { s.Skipped["sitemap-entries"] += n - maxDocLinks })
		maps = maps[:min(len(maps), maxDocLinks)]
		pages = pages[:maxDocLinks-len(maps)]
	}
	for _, l := range maps {
		r.enqueue(job{url: l.url, lastmod: l.lastmod, depth: j.depth + 1})
	}
	for _, l := range pages {
		r.enqueue(job{url: l.url, lastmod: l.lastmod, feedItem: true, depth: j.depth + 1})
	}
	if j.lastmod.IsZero() {
		r.markDone(j.url, "")
		return
	}
	// Dated by its index: remember when it was read, so the next run skips
	// it while that date does not change.
	r.abortOn(r.st.MarkRead(j.url, time.Now().UTC()))
}

// handleText queues the URLs of a plain-text sitemap: one URL per line.
func (r *run) handleText(j job, final *url.URL, body []byte) {
	n := 0
	for line := range strings.SplitSeq(string(body), "\n") {
		line = strings.TrimSpace(line)
		if u := normalizeURL(final, line); u != "" && strings.HasPrefix(line, "http") {
			if n++; n > maxDocLinks {
				r.skip("sitemap-entries")
				continue
			}
			r.enqueue(job{url: u, feedItem: true, depth: j.depth + 1})
		}
	}
	r.markDone(j.url, "")
}
