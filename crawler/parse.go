package crawler

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"

	"dxnews/article"
)

// ErrNotArticle is returned by ParseArticle for a page with neither a title
// nor body text.
var ErrNotArticle = errors.New("crawler: page has no article")

// page is what one HTML page yields: maybe an article, plus links to follow.
type page struct {
	article   article.Article
	isArticle bool
	links     []string
	feeds     []string
	// from says, per field, which rule or fallback supplied it.
	from Provenance
}

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

// parsing is one page being parsed: the document, the rule chosen for it,
// its JSON-LD and meta tags, and where each field came from so far.
type parsing struct {
	doc     *goquery.Document
	base    *url.URL
	rule    Rule
	hasRule bool
	// profile names the rule's site profile ("" for a rule from a config
	// file), for provenance.
	profile string
	ld      ldArticle
	hasLD   bool
	meta    map[string]string
	from    Provenance
}

// parseDocument extracts the article and the outgoing links of doc. It
// modifies doc (furniture is removed from the body). Fields are read in
// this order because each step may remove what later ones must not see.
func parseDocument(doc *goquery.Document, base *url.URL, override *Rule) page {
	ps := newParsing(doc, base, override)
	p := page{from: ps.from}
	p.links, p.feeds = pageLinks(doc, base)
	a := &p.article
	a.URL = base.String()
	a.Host = hostKey(base.Hostname())
	a.Source = ps.source(a.Host)
	a.CanonicalURL = ps.canonical()
	a.ID = article.IDFor(a.CanonicalURL)
	a.Title = ps.title()
	a.Sapo = ps.sapo()
	a.Published, a.PublishedFrom = ps.published()
	a.Authors = ps.authors()
	a.Section = ps.section()
	a.Tags = ps.tags()
	b := ps.body(a)
	a.Body = strings.Join(b.paragraphs, "\n\n")
	a.Images = ps.images(b.images)
	a.ContentHash = contentHash(a)
	p.isArticle = ps.isArticle(a, b)
	a.Normalize()
	return p
}

// newParsing chooses the page's rule (the override merged over the host's
// profile, the host's profile, or a profile whose markup the page has) and
// reads its JSON-LD and meta tags.
func newParsing(doc *goquery.Document, base *url.URL, override *Rule) *parsing {
	ps := &parsing{doc: doc, base: base, from: Provenance{}}
	ps.rule, ps.profile, ps.hasRule = ruleFor(base.Hostname())
	if ps.hasRule {
		ps.from["profile"] = ps.profile + " (by host)"
	}
	if override != nil {
		ps.rule = override.merge(ps.rule)
		ps.hasRule = true
		ps.from["profile"] = "config rule over " + orNone(ps.profile)
	}
	if !ps.hasRule {
		ps.rule, ps.profile, ps.hasRule = sniffRule(doc)
		if ps.hasRule {
			ps.from["profile"] = ps.profile + " (by markup)"
		}
	}
	ps.ld, ps.hasLD = readJSONLD(doc)
	ps.meta = readMeta(doc)
	return ps
}

func orNone(s string) string {
	if s == "" {
		return "no profile"
	}
	return s
}

// pageLinks returns the page's links to follow and the feeds it announces.
func pageLinks(doc *goquery.Document, base *url.URL) (links, feeds []string) {
	doc.Find("a[href], link[rel=next][href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		if u := normalizeURL(base, href); u != "" {
			links = append(links, u)
		}
	})
	doc.Find(`link[rel=alternate][href]`).Each(func(_ int, s *goquery.Selection) {
		t := strings.ToLower(s.AttrOr("type", ""))
		if strings.Contains(t, "rss") || strings.Contains(t, "atom") || strings.Contains(t, "feed+json") {
			if u := normalizeURL(base, s.AttrOr("href", "")); u != "" {
				feeds = append(feeds, u)
			}
		}
	})
	return links, feeds
}

// isArticle decides whether the page is an article: its metadata says so,
// or the rule found a body, or the page has the look of one.
func (ps *parsing) isArticle(a *article.Article, b body) bool {
	bodyLen := len([]rune(a.Body))
	ogType := ps.meta["og:type"]
	switch {
	case ps.hasLD && articleTypes[ps.ld.Type]:
		return a.Body != ""
	case ogType == "article":
		return a.Body != ""
	case ogType != "":
		return false
	case ps.hasRule && b.byRule:
		return a.Title != "" && bodyLen > 0
	}
	// Without metadata saying so, a page is an article when it has a
	// headline-length title, a dated body of real paragraphs that is not
	// mostly links, and is not a listing of several <article> items.
	return len([]rune(a.Title)) >= 20 && bodyLen >= 300 && len(b.paragraphs) >= 2 && !a.Published.IsZero() &&
		b.linkDensity < 0.25 && ps.doc.Find("article").Length() <= 1
}
