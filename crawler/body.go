package crawler

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"dxnews/article"
)

// body is what the article's main text yields.
type body struct {
	paragraphs []string
	// images are the sources of the <img> elements inside it.
	images []string
	// byRule says the rule's body selector found it.
	byRule bool
	// linkDensity is the share of its text inside links, before
	// furniture was removed (1 when there is no body element).
	linkDensity float64
}

// body finds the main text: the rule's body element, else the readability
// fallback, else JSON-LD articleBody. Furniture is removed, a lead or title
// repeated as the first paragraph is dropped and, without a rule, a
// closing byline moves to a.Authors when there is none.
func (ps *parsing) body(a *article.Article) body {
	b := body{linkDensity: 1}
	var sel *goquery.Selection
	if ps.rule.Body != "" {
		if s := ps.doc.Find(ps.rule.Body).First(); s.Length() > 0 {
			sel, b.byRule = s, true
			ps.from["body"] = ps.ruleFrom(ps.rule.Body)
		}
	}
	if sel == nil {
		if sel = mainContent(ps.doc); sel != nil {
			ps.from["body"] = "readability"
		}
	}
	if sel != nil {
		b.linkDensity = linkDensity(sel)
		sel.Find("img").Each(func(_ int, s *goquery.Selection) {
			b.images = append(b.images, s.AttrOr("data-src", s.AttrOr("data-original", s.AttrOr("src", ""))))
		})
		ps.removeFurniture(sel)
		b.paragraphs = cleanParagraphs(paragraphs(sel))
	}
	if len(b.paragraphs) == 0 && ps.ld.Body != "" {
		b.paragraphs = uniqueNonEmpty(cleanParagraphs(strings.Split(ps.ld.Body, "\n")))
		ps.from["body"] = "json-ld articleBody"
	}
	if len(b.paragraphs) == 0 {
		delete(ps.from, "body")
	}
	b.paragraphs = dropRepeatedLead(b.paragraphs, a)
	if len(b.paragraphs) > 0 && !b.byRule {
		ps.takeByline(&b, a)
	}
	return b
}

// removeFurniture drops the rule's and the generic furniture from the
// body, and blocks that are mostly one link (related-news furniture).
func (ps *parsing) removeFurniture(sel *goquery.Selection) {
	if ps.rule.Remove != "" {
		sel.Find(ps.rule.Remove).Remove()
	}
	sel.Find(genericRemove).Remove()
	sel.Find("p, div, li, ul, section, aside").Each(func(_ int, s *goquery.Selection) {
		if len(strings.TrimSpace(s.Text())) < 400 && s.Find("a").Length() > 0 && linkDensity(s) > 0.6 {
			s.Remove()
		}
	})
}

// dropRepeatedLead drops leading paragraphs that repeat the sapo or title.
func dropRepeatedLead(ps []string, a *article.Article) []string {
	for len(ps) > 0 && (ps[0] == a.Sapo || ps[0] == a.Title || stripOutletPrefix(ps[0]) == a.Sapo) {
		ps = ps[1:]
	}
	return ps
}

// takeByline strips an outlet dateline from the first paragraph of a body
// found without a rule, and takes a closing line that is only a name as the
// byline.
func (ps *parsing) takeByline(b *body, a *article.Article) {
	b.paragraphs[0] = stripOutletPrefix(b.paragraphs[0])
	last := b.paragraphs[len(b.paragraphs)-1]
	if len(b.paragraphs) < 2 || !isByline(last) {
		return
	}
	if len(a.Authors) == 0 {
		a.Authors = []string{last}
		ps.from["authors"] = "closing byline"
	}
	b.paragraphs = b.paragraphs[:len(b.paragraphs)-1]
}

// images: og:image, JSON-LD image, then the body's <img>s, made absolute.
func (ps *parsing) images(inBody []string) []string {
	var from []string
	imgs := []string{ps.meta["og:image"]}
	if ps.meta["og:image"] != "" {
		from = append(from, "meta og:image")
	}
	if len(ps.ld.Images) > 0 {
		from = append(from, "json-ld image")
	}
	if len(inBody) > 0 {
		from = append(from, "body <img>")
	}
	imgs = append(append(imgs, ps.ld.Images...), inBody...)
	out := absoluteImages(ps.base, imgs)
	if len(out) > 0 {
		ps.from["images"] = strings.Join(from, ", ")
	}
	return out
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
