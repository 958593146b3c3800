package crawler

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// This file turns a body element into paragraphs, whichever rule or
// fallback found it.

// blockTags end a paragraph when the text walker enters or leaves them.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "blockquote": true, "section": true, "article": true,
	"header": true, "footer": true, "table": true, "tr": true, "td": true, "th": true, "br": true,
	"pre": true, "dl": true, "dt": true, "dd": true, "figure": true, "main": true, "aside": true,
	"tbody": true, "thead": true, "hr": true, "center": true,
}

var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "head": true, "select": true, "option": true}

// paragraphs returns the text blocks under sel, one per paragraph, cleaned.
func paragraphs(sel *goquery.Selection) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := cleanText(cur.String()); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipTags[n.Data] {
				return
			}
			if blockTags[n.Data] {
				flush()
				defer flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range sel.Nodes {
		walk(n)
		flush()
	}
	return out
}

// stopRe marks the start of furniture that ends an article body; dropRe
// marks single furniture lines.
var (
	stopRe = regexp.MustCompile(`(?i)^(tin liên quan|bài liên quan|tin cùng chuyên mục|tin mới nhất|xem tiếp|bình luận)\s*:?$`)
	dropRe = regexp.MustCompile(`(?i)^(xem thêm|đọc thêm|>>|chia sẻ|theo dõi .* trên google news|nghe đọc bài|nữ miền bắc|nam miền bắc|nữ miền nam|nam miền nam)`)
)

// cleanParagraphs drops furniture lines and everything after a related-news
// heading.
func cleanParagraphs(ps []string) []string {
	out := ps[:0:0]
	for _, p := range ps {
		if stopRe.MatchString(p) {
			break
		}
		if dropRe.MatchString(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}
