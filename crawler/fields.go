package crawler

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"

	"dxnews/article"
)

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

func absoluteImages(base *url.URL, in []string) []string {
	var out []string
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "data:") {
			continue
		}
		if u, err := url.Parse(s); err == nil {
			out = append(out, base.ResolveReference(u).String())
		}
	}
	return uniqueNonEmpty(out)
}

// contentHash is the SHA-256 of the article's title, sapo and body.
func contentHash(a *article.Article) string {
	h := sha256.New()
	io.WriteString(h, a.Title)
	io.WriteString(h, "\n")
	io.WriteString(h, a.Sapo)
	io.WriteString(h, "\n")
	io.WriteString(h, a.Body)
	return hex.EncodeToString(h.Sum(nil))
}
