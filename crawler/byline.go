package crawler

import (
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
)

// This file reads who wrote the article and how the site files it:
// authors, section and tags.

// authors: the rule, JSON-LD author, then author meta tags. The body may
// add a closing byline later (see body).
func (ps *parsing) authors() []string {
	var names []string
	if ps.rule.Authors != "" {
		ps.doc.Find(ps.rule.Authors).Each(func(_ int, s *goquery.Selection) {
			names = append(names, s.Text())
		})
		if names = firstGroup(names); len(names) > 0 {
			ps.from["authors"] = ps.ruleFrom(ps.rule.Authors)
			return uniqueNonEmpty(names)
		}
	}
	if len(ps.ld.Authors) > 0 {
		ps.from["authors"] = "json-ld author"
		return uniqueNonEmpty(ps.ld.Authors)
	}
	for _, k := range []string{"author", "article:author", "dc.creator"} {
		if v := ps.meta[k]; v != "" && !strings.HasPrefix(v, "http") {
			ps.from["authors"] = "meta " + k
			return uniqueNonEmpty([]string{v})
		}
	}
	return nil
}

// section: the rule (skipping a "Trang chủ" crumb), JSON-LD articleSection,
// then article:section.
func (ps *parsing) section() string {
	if ps.rule.Section != "" {
		out := ""
		ps.doc.Find(ps.rule.Section).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if t := cleanText(s.Text()); t != "" && !isHomeCrumb(t) {
				out = t
			}
			return out == ""
		})
		if out != "" {
			ps.from["section"] = ps.ruleFrom(ps.rule.Section)
			return out
		}
	}
	return ps.firstOf("section", []fieldSource{
		{"json-ld articleSection", func() string { return cleanText(ps.ld.Section) }},
		{"meta article:section", func() string { return cleanText(ps.meta["article:section"]) }},
	})
}

// tags: the rule, article:tag meta, JSON-LD keywords, then news_keywords.
func (ps *parsing) tags() []string {
	var tags []string
	if ps.rule.Tags != "" {
		ps.doc.Find(ps.rule.Tags).Each(func(_ int, s *goquery.Selection) { tags = append(tags, s.Text()) })
	}
	cands := []struct {
		from string
		get  func() []string
	}{
		{ps.ruleFrom(ps.rule.Tags), func() []string { return tags }},
		{"meta article:tag", func() []string { return metaAll(ps.doc, "article:tag") }},
		{"json-ld keywords", func() []string { return ps.ld.Keywords }},
		{"meta news_keywords", func() []string {
			if k := ps.meta["news_keywords"]; k != "" {
				return strings.Split(k, ",")
			}
			return nil
		}},
	}
	for _, c := range cands {
		if v := c.get(); len(v) > 0 {
			out := uniqueNonEmpty(v)
			if len(out) > 0 {
				ps.from["tags"] = c.from
			}
			return out
		}
	}
	return nil
}

// firstGroup keeps author names from the first matching element group: a
// rule's author selector can match both a name and its container.
func firstGroup(names []string) []string {
	out := names[:0:0]
	for _, n := range names {
		n = cleanText(n)
		if n == "" {
			continue
		}
		skip := false
		for _, o := range out {
			if strings.Contains(n, o) {
				skip = true
			}
		}
		if !skip && len([]rune(n)) <= 60 {
			out = append(out, strings.TrimSuffix(strings.TrimPrefix(n, "Theo "), "."))
		}
	}
	return out
}

func isHomeCrumb(s string) bool {
	switch strings.ToLower(s) {
	case "trang chủ", "home", "trang chu":
		return true
	}
	return false
}

// isByline reports whether a paragraph is just a person's name: two to five
// capitalised words without sentence punctuation.
func isByline(p string) bool {
	words := strings.Fields(p)
	if len(words) < 2 || len(words) > 5 || len(p) > 60 || strings.ContainsAny(p, ".,:;!?\"“”") {
		return false
	}
	for _, w := range words {
		r := []rune(w)[0]
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
