package crawler

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// This file reads the page's identity and headline: source name, canonical
// URL, title and sapo. Each field function tries the rule first, then the
// fallbacks in order, and records in ps.from which one supplied it.

// ruleFrom names a rule selector in provenance.
func (ps *parsing) ruleFrom(sel string) string {
	return "rule " + orNone(ps.profile) + " `" + sel + "`"
}

// source is the outlet's name: the page's og:site_name, else the host. A
// source profile's site_name overrides it (see handleHTML).
func (ps *parsing) source(host string) string {
	if name := cleanText(ps.meta["og:site_name"]); name != "" {
		ps.from["source"] = "meta og:site_name"
		return name
	}
	ps.from["source"] = "host"
	return host
}

// canonical is the page's canonical URL: <link rel=canonical>, else
// og:url when it is on the page's own host (a short share link on another
// host is not the article's address), else JSON-LD url, else the page URL.
func (ps *parsing) canonical() string {
	cands := []struct{ from, url string }{
		{"link rel=canonical", ps.doc.Find(`link[rel=canonical]`).AttrOr("href", "")},
		{"meta og:url", ps.meta["og:url"]},
		{"json-ld url", ps.ld.URL},
	}
	for _, c := range cands {
		u := normalizeURL(ps.base, c.url)
		if u == "" || c.from == "meta og:url" && hostOf(u) != hostOf(ps.base.String()) {
			continue
		}
		ps.from["canonical_url"] = c.from
		return u
	}
	ps.from["canonical_url"] = "page URL"
	return normalizeURL(nil, ps.base.String())
}

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

// fieldSource is one fallback for a text field.
type fieldSource struct {
	from string
	get  func() string
}

// firstOf returns the first non-empty value of srcs and records which one
// gave it as field's provenance.
func (ps *parsing) firstOf(field string, srcs []fieldSource) string {
	for _, s := range srcs {
		if v := s.get(); v != "" {
			ps.from[field] = s.from
			return v
		}
	}
	return ""
}

// sapo: the rule, JSON-LD description, og:description, meta description,
// then an element whose class says lead. A VnExpress-style location stamp
// is a dateline, not lead text; an outlet dateline is stripped.
func (ps *parsing) sapo() string {
	ps.doc.Find(".location-stamp").Remove()
	if t := firstText(ps.doc, ps.rule.Sapo); t != "" {
		ps.from["sapo"] = ps.ruleFrom(ps.rule.Sapo)
		return stripOutletPrefix(t)
	}
	return stripOutletPrefix(ps.firstOf("sapo", []fieldSource{
		{"json-ld description", func() string { return cleanText(ps.ld.Description) }},
		{"meta og:description", func() string { return cleanText(ps.meta["og:description"]) }},
		{"meta description", func() string { return cleanText(ps.meta["description"]) }},
		{"lead-like class", func() string { return leadByClass(ps.doc) }},
	}))
}

// leadByClass finds a lead-length text in an element whose class names a
// lead (sapo, summary, chapeau, …).
func leadByClass(doc *goquery.Document) string {
	out := ""
	doc.Find(`[class*=sapo], [class*=lead], [class*=summary], [class*=description], [class*=chapeau], [class*=tomtat]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if t := cleanText(s.Text()); len([]rune(t)) >= 20 && len([]rune(t)) <= 600 {
			out = t
		}
		return out == ""
	})
	return out
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
