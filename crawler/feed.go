package crawler

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/text/unicode/norm"
)

// feedLinks returns the item links of an RSS 0.9x, 1.0 (RDF) or 2.0, Atom or
// JSON Feed document, resolved against base. An item's lastmod is its
// updated date (atom:updated, dc:date, date_modified) when the feed gives
// one; a publication date alone is not a modification date, so such items
// are fetched again conditionally. Dates are given in Vietnam's zone.
//
// The body is already capped by the transport; the XML parsers honour the
// encoding named in the XML declaration (windows-1258 included).
func feedLinks(base *url.URL, body []byte) ([]link, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	var out []link
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		loc := it.Link
		if loc == "" && len(it.Links) > 0 {
			loc = it.Links[0]
		}
		if loc == "" && (strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://")) {
			loc = it.GUID
		}
		u := normalizeURL(base, norm.NFC.String(strings.TrimSpace(loc)))
		if u == "" {
			continue
		}
		l := link{url: u}
		if it.UpdatedParsed != nil {
			if t, ok := plausible(it.UpdatedParsed.In(vnZone)); ok {
				l.lastmod = t
			}
		}
		out = append(out, l)
	}
	return out, nil
}
