package crawler

import (
	"bytes"
	"encoding/xml"
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
