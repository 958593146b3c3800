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

type xmlRSS struct {
	Channel struct {
		Items []struct {
			Link string `xml:"link"`
			GUID string `xml:"guid"`
		} `xml:"item"`
	} `xml:"channel"`
	Items []struct {
		Link string `xml:"link"`
	} `xml:"item"`
}

type xmlAtom struct {
	Entries []struct {
		Links []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
	} `xml:"entry"`
}

func decodeXML(body []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	return d.Decode(v)
}

// xmlLinks returns the page links and the nested sitemaps of a sitemap,
// sitemap index, RSS or Atom document, resolved against base.
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
	case "rss":
		var r xmlRSS
		if err := decodeXML(body, &r); err != nil && err != io.EOF {
			return nil, nil, err
		}
		for _, it := range r.Channel.Items {
			loc := it.Link
			if loc == "" {
				loc = it.GUID
			}
			add(&pages, loc, "")
		}
		for _, it := range r.Items {
			add(&pages, it.Link, "")
		}
	case "atom":
		var a xmlAtom
		if err := decodeXML(body, &a); err != nil && err != io.EOF {
			return nil, nil, err
		}
		for _, e := range a.Entries {
			for _, l := range e.Links {
				if l.Rel == "" || l.Rel == "alternate" {
					add(&pages, l.Href, e.Updated)
					break
				}
			}
		}
	}
	return pages, sitemaps, nil
}
