package crawler

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// This file reads the page's identity and lead: source name, canonical URL
// and sapo, and holds what every field function shares. Each field function
// tries the rule first, then the fallbacks in order, and records in ps.from
// which one supplied it.

// ruleFrom names a rule selector in provenance: the config file's when it
// set it, else the profile's.
func (ps *parsing) ruleFrom(sel string) string {
	if ps.fromConfig[sel] {
		return "rule config `" + sel + "`"
	}
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
// og:url when it is on the page's site (a short share link on another
// domain is not the article's address; the desktop host of a mobile page
// is), else JSON-LD url, else the page URL.
func (ps *parsing) canonical() string {
	cands := []struct{ from, url string }{
		{"link rel=canonical", ps.doc.Find(`link[rel=canonical]`).AttrOr("href", "")},
		{"meta og:url", ps.meta["og:url"]},
		{"json-ld url", ps.ld.URL},
	}
	for _, c := range cands {
		u := normalizeURL(ps.base, c.url)
		if u == "" || c.from == "meta og:url" && !sameSite(hostOf(u), hostOf(ps.base.String())) {
			continue
		}
		ps.from["canonical_url"] = c.from
		return u
	}
	ps.from["canonical_url"] = "page URL"
	return normalizeURL(nil, ps.base.String())
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

// sameSite reports whether one host is the other or a subdomain of it
// (m.vnexpress.net and vnexpress.net).
func sameSite(a, b string) bool {
	return a == b || strings.HasSuffix(a, "."+b) || strings.HasSuffix(b, "."+a)
}
