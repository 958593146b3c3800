package crawler

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// Rule holds the CSS selectors that pick an article's parts out of one site's
// pages. Empty selectors fall back to the generic extractor (JSON-LD,
// OpenGraph and article meta, then main-text extraction). Published may
// select an element with a datetime or content attribute or one whose text
// shows the date.
type Rule struct {
	Title     string `json:"title,omitempty"`
	Sapo      string `json:"sapo,omitempty"`
	Body      string `json:"body,omitempty"`
	Published string `json:"published,omitempty"`
	Authors   string `json:"authors,omitempty"`
	Section   string `json:"section,omitempty"`
	Tags      string `json:"tags,omitempty"`
	// Remove lists page furniture inside the body to drop: share bars,
	// related-news boxes, captions, player menus.
	Remove string `json:"remove,omitempty"`
}

// siteRules maps a site's host (without "www.") to its rule. One line per
// site, sorted; each has a golden test in testdata/.
var siteRules = map[string]Rule{
	"baochinhphu.vn":        {Title: "h1.detail-title", Sapo: "h2.detail-sapo", Body: "div.detail-content", Published: "div.detail-time", Authors: "div.detail-author .name, div.detail-author", Section: "div.detail-cate a, .breadcrumb a", Tags: "div.detail-tags a, .tags a", Remove: ".VCSortableInPreviewMode[type=RelatedNews], .VCSortableInPreviewMode[type=RelatedOneNews], .detail-relate, .PhotoCMS_Caption"},
	"dantri.com.vn":         {Title: "h1.title-page, h1.dt-news__title", Sapo: "h2.singular-sapo, h2.dt-news__sapo", Body: "div.singular-content, div.dt-news__content", Published: "time.author-time, .dt-news__time", Authors: "div.author-name b, div.author-name a, .dt-news__author", Section: "ul.dt-breadcrumb li a, .breadcrumbs a", Tags: "ul.tags-wrap li a, .tags-wrap a", Remove: ".article-related, .dt-news__related, .in-article-related, .dt-ad, .e-magazine__meta"},
	"ictnews.vietnamnet.vn": {Title: "h1.content-detail-title, h1.title", Sapo: ".content-detail-sapo, h2.sapo", Body: "div.maincontent, div#maincontent", Published: ".bread-crumb-detail__time, .publish-date", Authors: ".newsFeature__author .name, span.name", Section: ".bread-crumb-detail ul li a", Tags: ".tag-cloud-detail a, .vnn-tags a", Remove: ".article-relate, .related-news, .insert-wiki-content, .vnn-share-social, .fmsidWidgetLayout"},
	"mic.gov.vn":            {Title: "h1.title-detail, .news-detail h1, h1", Sapo: ".news-detail .sapo, p.sapo, .lead", Body: ".news-detail .content, div.content-detail, div.newsContent", Published: ".news-detail .date, span.date, .time-post", Authors: ".news-detail .author, p.author", Section: ".breadcrumb a", Tags: ".tags a", Remove: ".other-news, .related-news, .share"},
	"mst.gov.vn":            {Title: "h1.title-detail, .news-detail h1, h1", Sapo: ".news-detail .sapo, p.sapo, .lead", Body: ".news-detail .content, div.content-detail, div.newsContent", Published: ".news-detail .date, span.date, .time-post", Authors: ".news-detail .author, p.author", Section: ".breadcrumb a", Tags: ".tags a", Remove: ".other-news, .related-news, .share"},
	"nhandan.vn":            {Title: "h1.article__title", Sapo: "div.article__sapo", Body: "div.article__body", Published: "div.article__meta time, time.time", Authors: "div.article__author .name, .article__author", Section: "div.breadcrumbs a, .article__cate a", Tags: "div.article__tag a", Remove: ".article__related, .box-related, .article__social"},
	"thanhnien.vn":          {Title: "h1.detail-title", Sapo: "h2.detail-sapo", Body: "div.detail-content[data-role=content], div.detail-cmain", Published: "div.detail-time [data-role=publishdate], div.detail-time", Authors: "div.detail-author a.name, .author-info .name", Section: "div.detail-cate a", Tags: "div.detail-tab a, .detail-tags a", Remove: "[type=RelatedNewsBox], .VCSortableInPreviewMode[type=RelatedNews], .detail__related, .box-relate"},
	"tuoitre.vn":            {Title: "h1.detail-title, h1.article-title", Sapo: "h2.detail-sapo", Body: "div.detail-content[data-role=content], div.detail-cmain", Published: "div.detail-time [data-role=publishdate], div.detail-time", Authors: "div.detail-author .name, .author-info .name", Section: "div.detail-cate a", Tags: "div.detail-tab a, ul.tags-container a", Remove: "[type=RelatedNewsBox], .VCSortableInPreviewMode[type=RelatedNews], .relate-container, .box-relate"},
	"vietnamnet.vn":         {Title: "h1.content-detail-title", Sapo: ".content-detail-sapo", Body: "div.maincontent, div#maincontent", Published: ".bread-crumb-detail__time", Authors: ".newsFeature__author .name, span.name a", Section: ".bread-crumb-detail ul li a", Tags: ".tag-cloud-detail a, .vnn-tags a", Remove: ".article-relate, .related-news, .insert-wiki-content, .vnn-share-social, .fmsidWidgetLayout"},
	"vneconomy.vn":          {Title: "h1.detail__title", Sapo: "h2.detail__summary", Body: "div.detail__content", Published: "div.detail__meta", Authors: "div.detail__author strong, div.detail__author", Section: "h1.category-main a, .detail__category a", Tags: "div.detail__tag a, .tags a", Remove: ".detail__relate, .news-relate, .box-relate"},
	"vnexpress.net":         {Title: "h1.title-detail", Sapo: "p.description", Body: "article.fck_detail", Published: "span.date", Authors: "p.author_mail strong, p.Normal[style*=right] strong, p.author strong", Section: "ul.breadcrumb li a", Tags: "div.tags h4.item-tag a, .tags a", Remove: "ul.list-news, .box_brief_info, .box-tinlienquanv2, p.author_mail, p.Normal[style*=right], .width_common.box-category, .item_slide_show .desc_cation, #box_comment_vne"},
}

// genericRemove is furniture dropped from every body, with or without a rule.
const genericRemove = "script, style, noscript, iframe, video, audio, object, embed, form, button, svg, figure, figcaption, .fig-picture, table.tplCaption, table.picture, table.image, .caption, .image-caption, .PhotoCMS_Caption, .share, .social, .btn_share, .share-box, .box-share, .related, .related-news, .relate, .box-related, .tin-lien-quan, .tinlienquan, .tags, .tag-list, .comment, .comments, .ads, .advertisement, .banner, .banner-ads, [data-module=article-audio-new], .audio-player, .player, .menu-voice, .voice-select"

// sniffable lists the sites whose markup is distinctive enough to recognise
// on other hosts (clones, syndication, the demo site): a page whose title
// and body selectors both match is parsed with that rule.
var sniffable = []string{"dantri.com.vn", "nhandan.vn", "tuoitre.vn", "vietnamnet.vn", "vneconomy.vn", "vnexpress.net"}

// sniffRule returns the rule of a sniffable site whose title and body
// selectors both match in doc, its name and whether one does.
func sniffRule(doc *goquery.Document) (Rule, string, bool) {
	for _, site := range sniffable {
		r := siteRules[site]
		if doc.Find(r.Title).Length() > 0 && doc.Find(r.Body).Length() > 0 {
			return r, site, true
		}
	}
	return Rule{}, "", false
}

// ruleFor returns the rule for host (or its parent domain), its name and
// whether one exists.
func ruleFor(host string) (Rule, string, bool) {
	h := hostKey(host)
	for h != "" {
		if r, ok := siteRules[h]; ok {
			return r, h, true
		}
		_, rest, ok := strings.Cut(h, ".")
		if !ok || !strings.Contains(rest, ".") {
			break
		}
		h = rest
	}
	return Rule{}, "", false
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
		Published: pick(r.Published, base.Published), Authors: pick(r.Authors, base.Authors),
		Section: pick(r.Section, base.Section), Tags: pick(r.Tags, base.Tags), Remove: pick(r.Remove, base.Remove),
	}
}
