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
}

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
	base, err := url.Parse(pageURL)
	if err != nil {
		return article.Article{}, fmt.Errorf("crawler: bad page URL %q: %w", pageURL, err)
	}
	doc, err := readHTML(r, contentType)
	if err != nil {
		return article.Article{}, err
	}
	p := parseDocument(doc, base, rule)
	if p.article.Title == "" && p.article.Body == "" {
		return p.article, ErrNotArticle
	}
	return p.article, nil
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

// parseDocument extracts the article and the outgoing links of doc. It
// modifies doc (furniture is removed from the body).
func parseDocument(doc *goquery.Document, base *url.URL, override *Rule) page {
	var p page
	rule, hasRule := ruleFor(base.Hostname())
	if override != nil {
		rule = override.merge(rule)
		hasRule = true
	}
	if !hasRule {
		for _, site := range sniffable {
			r := siteRules[site]
			if doc.Find(r.Title).Length() > 0 && doc.Find(r.Body).Length() > 0 {
				rule, hasRule = r, true
				break
			}
		}
	}
	doc.Find("a[href], link[rel=next][href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		if u := normalizeURL(base, href); u != "" {
			p.links = append(p.links, u)
		}
	})
	doc.Find(`link[rel=alternate][href]`).Each(func(_ int, s *goquery.Selection) {
		t := strings.ToLower(s.AttrOr("type", ""))
		if strings.Contains(t, "rss") || strings.Contains(t, "atom") || strings.Contains(t, "feed+json") {
			if u := normalizeURL(base, s.AttrOr("href", "")); u != "" {
				p.feeds = append(p.feeds, u)
			}
		}
	})

	ld, hasLD := readJSONLD(doc)
	meta := readMeta(doc)
	a := &p.article
	a.URL = base.String()
	a.Host = hostKey(base.Hostname())
	// The outlet's name: the page's og:site_name, else the host. A source
	// profile's site_name overrides it (see handleHTML).
	a.Source = a.Host
	if name := cleanText(meta["og:site_name"]); name != "" {
		a.Source = name
	}

	// Canonical URL.
	canon := ""
	for _, c := range []string{doc.Find(`link[rel=canonical]`).AttrOr("href", ""), meta["og:url"], ld.URL} {
		if u := normalizeURL(base, c); u != "" {
			canon = u
			break
		}
	}
	if canon == "" {
		canon = normalizeURL(nil, base.String())
	}
	a.CanonicalURL = canon
	a.ID = article.IDFor(canon)

	// Title.
	a.Title = firstText(doc, rule.Title)
	if a.Title == "" {
		a.Title = cleanText(ld.Headline)
	}
	if a.Title == "" {
		a.Title = cleanText(meta["og:title"])
	}
	if a.Title == "" {
		a.Title = headline(doc)
	}
	if a.Title == "" {
		a.Title = titleFromPage(doc)
	}

	// Sapo. A VnExpress-style location stamp is a dateline, not lead text.
	doc.Find(".location-stamp").Remove()
	if rule.Sapo != "" {
		a.Sapo = firstText(doc, rule.Sapo)
	}
	for _, c := range []string{ld.Description, meta["og:description"], meta["description"]} {
		if a.Sapo != "" {
			break
		}
		a.Sapo = cleanText(c)
	}
	if a.Sapo == "" {
		doc.Find(`[class*=sapo], [class*=lead], [class*=summary], [class*=description], [class*=chapeau], [class*=tomtat]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if t := cleanText(s.Text()); len([]rune(t)) >= 20 && len([]rune(t)) <= 600 {
				a.Sapo = t
			}
			return a.Sapo == ""
		})
	}
	a.Sapo = stripOutletPrefix(a.Sapo)

	// Published time.
	a.Published, a.PublishedFrom = published(doc, rule, ld, meta)
	if a.PublishedFrom == "" || a.PublishedFrom == "text" {
		// A full stamp in the URL beats a date guessed from the page's
		// text; a bare date in the path only fills a gap.
		if t, withTime, ok := dateFromURL(base.String()); ok && (withTime || a.PublishedFrom == "") {
			a.Published, a.PublishedFrom = t, "url"
		}
	}

	// Authors.
	if rule.Authors != "" {
		doc.Find(rule.Authors).Each(func(_ int, s *goquery.Selection) {
			a.Authors = append(a.Authors, s.Text())
		})
		a.Authors = firstGroup(a.Authors)
	}
	if len(a.Authors) == 0 {
		a.Authors = ld.Authors
	}
	if len(a.Authors) == 0 {
		for _, k := range []string{"author", "article:author", "dc.creator"} {
			if v := meta[k]; v != "" && !strings.HasPrefix(v, "http") {
				a.Authors = []string{v}
				break
			}
		}
	}
	a.Authors = uniqueNonEmpty(a.Authors)

	// Section.
	if rule.Section != "" {
		doc.Find(rule.Section).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			t := cleanText(s.Text())
			if t != "" && !isHomeCrumb(t) {
				a.Section = t
				return false
			}
			return true
		})
	}
	for _, c := range []string{ld.Section, meta["article:section"]} {
		if a.Section == "" {
			a.Section = cleanText(c)
		}
	}

	// Tags.
	if rule.Tags != "" {
		doc.Find(rule.Tags).Each(func(_ int, s *goquery.Selection) { a.Tags = append(a.Tags, s.Text()) })
	}
	if len(a.Tags) == 0 {
		a.Tags = append(a.Tags, metaAll(doc, "article:tag")...)
	}
	if len(a.Tags) == 0 {
		a.Tags = ld.Keywords
	}
	if len(a.Tags) == 0 && meta["news_keywords"] != "" {
		a.Tags = strings.Split(meta["news_keywords"], ",")
	}
	a.Tags = uniqueNonEmpty(a.Tags)

	// Body.
	var body *goquery.Selection
	if rule.Body != "" {
		body = doc.Find(rule.Body).First()
		if body.Length() == 0 {
			body = nil
		}
	}
	ruleBody := body != nil
	if body == nil {
		body = mainContent(doc)
	}
	imgs := []string{meta["og:image"]}
	imgs = append(imgs, ld.Images...)
	var ps []string
	density := 1.0
	if body != nil {
		density = linkDensity(body)
		body.Find("img").Each(func(_ int, s *goquery.Selection) {
			src := s.AttrOr("data-src", s.AttrOr("data-original", s.AttrOr("src", "")))
			imgs = append(imgs, src)
		})
		if rule.Remove != "" {
			body.Find(rule.Remove).Remove()
		}
		body.Find(genericRemove).Remove()
		// Blocks that are mostly one link are related-news furniture.
		body.Find("p, div, li, ul, section, aside").Each(func(_ int, s *goquery.Selection) {
			if len(strings.TrimSpace(s.Text())) < 400 && s.Find("a").Length() > 0 && linkDensity(s) > 0.6 {
				s.Remove()
			}
		})
		ps = cleanParagraphs(paragraphs(body))
	}
	if len(ps) == 0 && ld.Body != "" {
		ps = cleanParagraphs(strings.Split(ld.Body, "\n"))
		ps = uniqueNonEmpty(ps)
	}
	// A lead repeated as the first paragraph, or the title, is not body.
	for len(ps) > 0 && (ps[0] == a.Sapo || ps[0] == a.Title || stripOutletPrefix(ps[0]) == a.Sapo) {
		ps = ps[1:]
	}
	if len(ps) > 0 && !ruleBody {
		ps[0] = stripOutletPrefix(ps[0])
		// A closing line that is only a name is the byline.
		if last := ps[len(ps)-1]; len(ps) > 1 && isByline(last) {
			if len(a.Authors) == 0 {
				a.Authors = []string{last}
			}
			ps = ps[:len(ps)-1]
		}
	}
	a.Body = strings.Join(ps, "\n\n")
	a.Images = absoluteImages(base, imgs)

	a.ContentHash = contentHash(a)
	bodyLen := len([]rune(a.Body))
	switch {
	case hasLD && articleTypes[ld.Type]:
		p.isArticle = a.Body != ""
	case meta["og:type"] == "article":
		p.isArticle = a.Body != ""
	case meta["og:type"] != "" && meta["og:type"] != "article":
		p.isArticle = false
	case hasRule && ruleBody:
		p.isArticle = a.Title != "" && bodyLen > 0
	default:
		// Without metadata saying so, a page is an article when it has a
		// headline-length title, a dated body of real paragraphs that is not
		// mostly links, and is not a listing of several <article> items.
		p.isArticle = len([]rune(a.Title)) >= 20 && bodyLen >= 300 && len(ps) >= 2 && !a.Published.IsZero() &&
			density < 0.25 && doc.Find("article").Length() <= 1
	}
	a.Normalize()
	return p
}
