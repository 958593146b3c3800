package crawler

import (
	"regexp"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// published finds the publication time and names its origin (published_from):
// see pagePublished; then a full stamp in the URL beats a date guessed from
// the page's text, and a bare date in the URL's path only fills a gap.
func (ps *parsing) published() (time.Time, string) {
	t, from, detail := pagePublished(ps.doc, ps.rule, ps.ld, ps.meta)
	if from == "" || from == "text" {
		if ut, withTime, ok := dateFromURL(ps.base.String()); ok && (withTime || from == "") {
			t, from, detail = ut, "url", "date in URL"
		}
	}
	if from == "rule" {
		detail = ps.ruleFrom(ps.rule.Published)
	}
	if from != "" {
		ps.from["published"] = detail
	}
	return t, from
}

// metaDateKeys are the meta tags that give a publication time, first
// first.
var metaDateKeys = []string{"article:published_time", "datepublished", "pubdate", "publishdate", "its_publication", "dc.date.issued", "dc.date", "date", "og:published_time", "publish-date"}

// pagePublished finds the publication time in order: JSON-LD and the first
// meta date when they agree (then nothing else on the page can override
// them), the site rule, JSON-LD, meta tags, <time datetime>, then dates
// shown in the page's text. It returns the time, its published_from value
// and a finer provenance.
func pagePublished(doc *goquery.Document, rule Rule, ld ldArticle, meta map[string]string) (time.Time, string, string) {
	ldTime, hasLD := parseMachineDate(ld.DatePublished)
	var metaTime time.Time
	metaKey := ""
	for _, k := range metaDateKeys {
		if t, ok := parseMachineDate(meta[k]); ok {
			metaTime, metaKey = t, k
			break
		}
	}
	if hasLD && metaKey != "" && ldTime.Equal(metaTime) {
		return ldTime, "json-ld", "json-ld datePublished = meta " + metaKey
	}
	if t, ok := ruleDate(doc, rule); ok {
		return t, "rule", "rule"
	}
	if hasLD {
		return ldTime, "json-ld", "json-ld datePublished"
	}
	if metaKey != "" {
		return metaTime, "meta", "meta " + metaKey
	}
	return pageTextDate(doc)
}

// pageTextDate finds a publication time in the page's body: <time
// datetime>, elements whose class or id speaks of a date, then a date with a
// clock time in the running text.
func pageTextDate(doc *goquery.Document) (time.Time, string, string) {
	var t time.Time
	ok := false
	doc.Find("time[datetime], [itemprop=datePublished]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		t, ok = parseMachineDate(s.AttrOr("datetime", s.AttrOr("content", "")))
		if !ok {
			t, ok = parseVisibleDate(cleanText(s.Text()))
		}
		return !ok
	})
	if ok {
		return t, "time", "<time datetime>"
	}
	// Elements whose class or id speaks of a date, then the whole page.
	doc.Find(`[class*=date], [class*=time], [id*=date], [id*=time], [class*=ngay], [class*=publish]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if txt := cleanText(s.Text()); len(txt) <= 120 {
			t, ok = parseVisibleDate(txt)
		}
		return !ok
	})
	if ok {
		return t, "text", "element with a date class"
	}
	// In running text only a date printed with a clock time counts: a bare
	// date there is more often one the article talks about.
	if m := stampRe.FindString(cleanText(doc.Find("body").Text())); m != "" {
		if t, ok := parseVisibleDate(m); ok {
			return t, "text", "date and time in the page text"
		}
	}
	return time.Time{}, "", ""
}

// ruleDate reads the first element the rule's published selector matches:
// a datetime, content, data-time or title attribute, else its text read
// with the rule's date_layout, else as pages show dates.
func ruleDate(doc *goquery.Document, rule Rule) (time.Time, bool) {
	if rule.Published == "" {
		return time.Time{}, false
	}
	var t time.Time
	ok := false
	doc.Find(rule.Published).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, k := range []string{"datetime", "content", "data-time", "title"} {
			if v, has := s.Attr(k); has {
				if t, ok = parseMachineDate(v); ok {
					return false
				}
			}
		}
		text := cleanText(s.Text())
		if t, ok = parseLayoutDate(rule.DateLayout, text); !ok {
			t, ok = parseVisibleDate(text)
		}
		return !ok
	})
	return t, ok
}

// parseLayoutDate reads s, or s from its first digit or letter that starts
// a match, with a Go time layout; times without a zone are Vietnam time.
func parseLayoutDate(layout, s string) (time.Time, bool) {
	if layout == "" {
		return time.Time{}, false
	}
	for i := range s {
		if i > 0 && s[i-1] != ' ' {
			continue
		}
		if t, err := time.ParseInLocation(layout, s[i:], vnZone); err == nil {
			return plausible(t.In(vnZone))
		}
	}
	return time.Time{}, false
}

// stampRe finds a date next to a clock time: "21/10/2022 08:45",
// "08:45 - 21/10/2022".
var stampRe = regexp.MustCompile(`\d{1,2}[/.-]\d{1,2}[/.-]\d{4}[^\d]{0,12}\d{1,2}[:h]\d{2}|\d{1,2}[:h]\d{2}[^\d]{0,12}\d{1,2}[/.-]\d{1,2}[/.-]\d{4}`)
