package crawler

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// ldArticle is what the crawler reads from a JSON-LD NewsArticle.
type ldArticle struct {
	Type          string
	Headline      string
	Description   string
	DatePublished string
	Authors       []string
	Section       string
	Keywords      []string
	Images        []string
	URL           string
	Body          string
}

var articleTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "ReportageNewsArticle": true, "AnalysisNewsArticle": true,
	"BlogPosting": true, "OpinionNewsArticle": true, "BackgroundNewsArticle": true, "Report": true,
}

// readJSONLD returns the first article object in the page's JSON-LD blocks.
// Blocks that are not valid JSON are repaired once (raw control characters
// inside strings are common) and skipped if still invalid.
func readJSONLD(doc *goquery.Document) (ldArticle, bool) {
	var found ldArticle
	ok := false
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		raw := strings.TrimSpace(s.Text())
		var v any
		if err := json.Unmarshal([]byte(raw), &v); err != nil {
			fixed := strings.Map(func(r rune) rune {
				if r < 0x20 {
					return ' '
				}
				return r
			}, raw)
			if err := json.Unmarshal([]byte(fixed), &v); err != nil {
				return true
			}
		}
		if obj := findArticle(v); obj != nil {
			found = toLD(obj)
			ok = true
			return false
		}
		return true
	})
	return found, ok
}

func findArticle(v any) map[string]any {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findArticle(e); o != nil {
				return o
			}
		}
	case map[string]any:
		for _, t := range strs(x["@type"]) {
			if articleTypes[t] {
				return x
			}
		}
		if g, ok := x["@graph"]; ok {
			return findArticle(g)
		}
	}
	return nil
}

// strs flattens a JSON-LD value into strings: a string, an array of strings
// or objects with "name"/"url"/"@id".
func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, strs(e)...)
		}
		return out
	case map[string]any:
		for _, k := range []string{"name", "url", "@id"} {
			if s, ok := x[k].(string); ok {
				return []string{s}
			}
		}
	}
	return nil
}

func first(v any) string {
	if s := strs(v); len(s) > 0 {
		return s[0]
	}
	return ""
}

func toLD(o map[string]any) ldArticle {
	a := ldArticle{
		Type:          first(o["@type"]),
		Headline:      first(o["headline"]),
		Description:   first(o["description"]),
		DatePublished: first(o["datePublished"]),
		Section:       first(o["articleSection"]),
		Images:        strs(o["image"]),
		URL:           first(o["url"]),
		Body:          first(o["articleBody"]),
	}
	if a.URL == "" {
		a.URL = first(o["mainEntityOfPage"])
	}
	for _, au := range strs(o["author"]) {
		if !strings.HasPrefix(au, "http") {
			a.Authors = append(a.Authors, au)
		}
	}
	switch k := o["keywords"].(type) {
	case string:
		a.Keywords = strings.Split(k, ",")
	default:
		a.Keywords = strs(k)
	}
	return a
}
