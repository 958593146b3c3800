package crawler

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// title: the rule, JSON-LD headline, og:title, the <h1> the <title>
// contains, then a heading the <title> contains.
func (ps *parsing) title() string {
	if t := firstText(ps.doc, ps.rule.Title); t != "" {
		ps.from["title"] = ps.ruleFrom(ps.rule.Title)
		return t
	}
	return ps.firstOf("title", []fieldSource{
		{"json-ld headline", func() string { return cleanText(ps.ld.Headline) }},
		{"meta og:title", func() string { return cleanText(ps.meta["og:title"]) }},
		{"h1", func() string { return headline(ps.doc) }},
		{"heading in <title>", func() string { return titleFromPage(ps.doc) }},
	})
}

func firstText(doc *goquery.Document, sel string) string {
	if sel == "" {
		return ""
	}
	var out string
	doc.Find(sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		out = cleanText(s.Text())
		return out == ""
	})
	return out
}

// headline returns the <h1> that the <title> contains, else the first <h1>.
func headline(doc *goquery.Document) string {
	full := cleanText(doc.Find("title").First().Text())
	first := ""
	found := ""
	doc.Find("h1").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		t := cleanText(s.Text())
		if t == "" {
			return true
		}
		if first == "" {
			first = t
		}
		if strings.Contains(full, t) && len([]rune(t)) >= 10 {
			found = t
			return false
		}
		return true
	})
	if found != "" {
		return found
	}
	return first
}

// titleFromPage finds the title of a page without metadata or <h1>: the
// longest heading-like element whose text the <title> contains, else the
// <title> without the site name.
func titleFromPage(doc *goquery.Document) string {
	full := cleanText(doc.Find("title").First().Text())
	best := ""
	doc.Find(`h2, h3, b, strong, [class*=title], [class*=tieude], [class*=tieu-de]`).Each(func(_ int, s *goquery.Selection) {
		t := cleanText(s.Text())
		if len([]rune(t)) >= 10 && len(t) > len(best) && strings.Contains(full, t) {
			best = t
		}
	})
	if best != "" {
		return best
	}
	return trimSiteName(full)
}

// trimSiteName drops a " - Site" or " | Site" suffix from a <title>.
func trimSiteName(t string) string {
	for _, sep := range []string{" | ", " - ", " – "} {
		if i := strings.LastIndex(t, sep); i > 0 && len([]rune(t[i+len(sep):])) <= 30 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}
