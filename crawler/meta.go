package crawler

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// readMeta collects <meta> values keyed by lower-case property, name or
// itemprop; the first value of each key wins.
func readMeta(doc *goquery.Document) map[string]string {
	m := map[string]string{}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok {
			return
		}
		for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
			if key := strings.ToLower(strings.TrimSpace(s.AttrOr(k, ""))); key != "" {
				if _, dup := m[key]; !dup {
					m[key] = strings.TrimSpace(content)
				}
			}
		}
	})
	return m
}

// metaAll returns every value of a repeated meta property (article:tag).
func metaAll(doc *goquery.Document, key string) []string {
	var out []string
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		if strings.EqualFold(s.AttrOr("property", s.AttrOr("name", "")), key) {
			out = append(out, s.AttrOr("content", ""))
		}
	})
	return out
}
