package crawler

import (
	"math"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// This file is the readability fallback: mainContent finds the body of a
// page no rule knows.

var (
	positiveHint = regexp.MustCompile(`(?i)article|body|content|detail|entry|main|news|post|story|text|noidung|chitiet|fck`)
	negativeHint = regexp.MustCompile(`(?i)comment|footer|header|menu|nav|related|relate|lienquan|sidebar|side|share|social|widget|banner|ads|advert|promo|breadcrumb|tag|popular|most|hot|box-cate|copyright`)
)

// mainContent picks the element that most likely holds the article text, in
// the manner of Readability: paragraph-like elements vote for their parent
// and grandparent by length and commas; class and id hints and link density
// adjust the votes.
func mainContent(doc *goquery.Document) *goquery.Selection {
	scores := map[*html.Node]float64{}
	doc.Find("p, td, pre, div, span").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		if n.Data == "div" || n.Data == "td" || n.Data == "span" {
			// Only elements with their own text count, not wrappers.
			own := 0
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					own += len(strings.TrimSpace(c.Data))
				}
			}
			if own < 80 {
				return
			}
		}
		text := cleanText(s.Text())
		if len([]rune(text)) < 25 {
			return
		}
		v := 1 + float64(strings.Count(text, ",")) + math.Min(float64(len([]rune(text)))/100, 3)
		target := n
		if n.Data == "p" || n.Data == "pre" || n.Data == "span" {
			target = n.Parent
		}
		if target == nil {
			return
		}
		scores[target] += v
		if target.Parent != nil {
			scores[target.Parent] += v / 2
		}
	})
	var best *html.Node
	bestScore := 0.0
	for n, v := range scores {
		if n.Type != html.ElementNode || n.Data == "body" || n.Data == "html" {
			continue
		}
		s := goquery.NewDocumentFromNode(n).Selection
		hint := attr(n, "class") + " " + attr(n, "id")
		if positiveHint.MatchString(hint) {
			v += 25
		}
		if negativeHint.MatchString(hint) {
			v -= 25
		}
		v *= 1 - linkDensity(s)
		if v > bestScore {
			best, bestScore = n, v
		}
	}
	if best == nil {
		return nil
	}
	return goquery.NewDocumentFromNode(best).Selection
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// linkDensity is the share of s's text that sits inside links.
func linkDensity(s *goquery.Selection) float64 {
	total := len(strings.TrimSpace(s.Text()))
	if total == 0 {
		return 1
	}
	linked := 0
	s.Find("a").Each(func(_ int, a *goquery.Selection) { linked += len(strings.TrimSpace(a.Text())) })
	return math.Min(float64(linked)/float64(total), 1)
}
