package crawler

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"dxnews/article"
)

// page is what one HTML page yields: maybe an article, plus links to follow.
type page struct {
	article   article.Article
	isArticle bool
	links     []string
	feeds     []string
	// from says, per field, which rule or fallback supplied it.
	from Provenance
}

// parsing is one page being parsed: the document, the rule chosen for it,
// its JSON-LD and meta tags, and where each field came from so far.
type parsing struct {
	doc     *goquery.Document
	base    *url.URL
	rule    Rule
	hasRule bool
	// profile names the built-in profile whose rule is used ("" for
	// none), for provenance.
	profile string
	// fromConfig holds the selectors a config file's rule set.
	fromConfig map[string]bool
	ld         ldArticle
	hasLD      bool
	meta       map[string]string
	from       Provenance
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
		ps.fromConfig = override.selectors()
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
