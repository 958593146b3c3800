package crawler

import (
	"errors"
	"fmt"
	"io"
	"net/url"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"

	"dxnews/article"
)

// ErrNotArticle is returned by ParseArticle for a page with neither a title
// nor body text.
var ErrNotArticle = errors.New("crawler: page has no article")

// Provenance maps an article field (title, sapo, body, published, authors,
// section, tags, images, canonical_url, source) to what supplied it: "rule
// PROFILE SELECTOR", "json-ld", "meta NAME", "readability" and so on. The
// key "profile" names the site profile used, if any, and how it was chosen.
type Provenance map[string]string

// ParseArticle reads one HTML page and returns the article in it: the site's
// rule when one exists for the page's host, else JSON-LD NewsArticle,
// OpenGraph/article meta and main-text extraction, in that order. The
// charset comes from contentType, a BOM or the page's meta tags; text is
// NFC. ID, Source, ContentHash are set; Relevance, Fetched and Entities
// are left for the caller.
func ParseArticle(r io.Reader, pageURL, contentType string) (article.Article, error) {
	return ParseArticleWith(r, pageURL, contentType, nil)
}

// ParseArticleWith is ParseArticle with a rule that overrides the built-in
// one for the page's host (nil = built-in).
func ParseArticleWith(r io.Reader, pageURL, contentType string, rule *Rule) (article.Article, error) {
	a, _, err := ExplainArticle(r, pageURL, contentType, rule)
	return a, err
}

// ExplainArticle is ParseArticleWith that also says which rule or fallback
// supplied each field. As in a crawl with the built-in profiles, the source
// is the site_name of the profile listing the page's host, if any.
func ExplainArticle(r io.Reader, pageURL, contentType string, rule *Rule) (article.Article, Provenance, error) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return article.Article{}, nil, fmt.Errorf("crawler: bad page URL %q: %w", pageURL, err)
	}
	doc, err := readHTML(r, contentType)
	if err != nil {
		return article.Article{}, nil, err
	}
	p := parseDocument(doc, base, rule)
	if prof, ok := profileFor(base.Hostname()); ok && prof.SiteName != "" {
		p.article.Source = prof.SiteName
		p.from["source"] = "profile " + prof.Name + " site_name"
	}
	if p.article.Title == "" && p.article.Body == "" {
		return p.article, p.from, ErrNotArticle
	}
	return p.article, p.from, nil
}

func readHTML(r io.Reader, contentType string) (*goquery.Document, error) {
	cr, err := charset.NewReader(r, contentType)
	if err != nil {
		return nil, fmt.Errorf("crawler: charset: %w", err)
	}
	doc, err := goquery.NewDocumentFromReader(cr)
	if err != nil {
		return nil, fmt.Errorf("crawler: parse html: %w", err)
	}
	return doc, nil
}
