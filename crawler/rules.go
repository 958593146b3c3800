package crawler

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// Rule holds the CSS selectors that pick an article's parts out of one site's
// pages; built-in ones are part of each site profile in sources.json.
// Empty selectors fall back to the generic extractor (JSON-LD,
// OpenGraph and article meta, then main-text extraction). Published may
// select an element with a datetime or content attribute or one whose text
// shows the date.
type Rule struct {
	Title     string `json:"title,omitempty"`
	Sapo      string `json:"sapo,omitempty"`
	Body      string `json:"body,omitempty"`
	Published string `json:"published,omitempty"`
	// DateLayout is the Go time layout of the published element's text
	// when the usual reading of Vietnamese dates gets it wrong (an English
	// edition's "January 8, 2026 6:21 PM"); it may match from any word of
	// the text on, to its end. Local time is +07:00.
	DateLayout string `json:"date_layout,omitempty"`
	Authors    string `json:"authors,omitempty"`
	Section    string `json:"section,omitempty"`
	Tags       string `json:"tags,omitempty"`
	// Remove lists page furniture inside the body to drop: share bars,
	// related-news boxes, captions, player menus.
	Remove string `json:"remove,omitempty"`
}

// genericRemove is furniture dropped from every body, with or without a rule.
const genericRemove = "script, style, noscript, iframe, video, audio, object, embed, form, button, svg, figure, figcaption, .fig-picture, table.tplCaption, table.picture, table.image, .caption, .image-caption, .PhotoCMS_Caption, .share, .social, .btn_share, .share-box, .box-share, .related, .related-news, .relate, .box-related, .tin-lien-quan, .tinlienquan, .tags, .tag-list, .comment, .comments, .ads, .advertisement, .banner, .banner-ads, [data-module=article-audio-new], .audio-player, .player, .menu-voice, .voice-select"

// profiles indexes the built-in site profiles of sources.json: each host
// a profile lists (the first is its own, the others aliases) maps to it,
// and sniffable lists, in file order, those whose markup is distinctive
// enough to recognise on other hosts (clones, syndication, the demo site).
var profiles, sniffable = indexProfiles(DefaultSources())

func indexProfiles(srcs []Source) (map[string]Source, []Source) {
	byHost := map[string]Source{}
	var sniff []Source
	for _, s := range srcs {
		if s.Rule == nil {
			continue
		}
		for _, h := range s.Hosts {
			byHost[hostKey(h)] = s
		}
		if s.Sniff {
			sniff = append(sniff, s)
		}
	}
	return byHost, sniff
}

// sniffRule returns the rule of a sniffable profile whose title and body
// selectors both match in doc, the profile's name and whether one does.
func sniffRule(doc *goquery.Document) (Rule, string, bool) {
	for _, s := range sniffable {
		r := *s.Rule
		if doc.Find(r.Title).Length() > 0 && doc.Find(r.Body).Length() > 0 {
			return r, s.Name, true
		}
	}
	return Rule{}, "", false
}

// ruleFor returns the rule of the profile that lists host (or its parent
// domain), the profile's name and whether one does.
func ruleFor(host string) (Rule, string, bool) {
	if s, ok := profileFor(host); ok {
		return *s.Rule, s.Name, true
	}
	return Rule{}, "", false
}

// profileFor returns the built-in profile that lists host or its parent
// domain ("m.vnexpress.net" is read as "vnexpress.net").
func profileFor(host string) (Source, bool) {
	h := hostKey(host)
	for h != "" {
		if s, ok := profiles[h]; ok {
			return s, true
		}
		_, rest, ok := strings.Cut(h, ".")
		if !ok || !strings.Contains(rest, ".") {
			break
		}
		h = rest
	}
	return Source{}, false
}

// selectors returns the set of r's non-empty selectors.
func (r Rule) selectors() map[string]bool {
	out := map[string]bool{}
	for _, s := range []string{r.Title, r.Sapo, r.Body, r.Published, r.Authors, r.Section, r.Tags} {
		if s != "" {
			out[s] = true
		}
	}
	return out
}

// merge returns r with every empty selector taken from base.
func (r Rule) merge(base Rule) Rule {
	pick := func(a, b string) string {
		if a != "" {
			return a
		}
		return b
	}
	return Rule{
		Title: pick(r.Title, base.Title), Sapo: pick(r.Sapo, base.Sapo), Body: pick(r.Body, base.Body),
		Published: pick(r.Published, base.Published), DateLayout: pick(r.DateLayout, base.DateLayout), Authors: pick(r.Authors, base.Authors),
		Section: pick(r.Section, base.Section), Tags: pick(r.Tags, base.Tags), Remove: pick(r.Remove, base.Remove),
	}
}
