package crawler

import (
	"bytes"
	"fmt"
	"net/url"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/gocolly/colly/v2"

	"dxnews/article"
)

// handleHTML parses a page, follows its links and handles its article.
func (r *run) handleHTML(j job, final *url.URL, resp *colly.Response) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(resp.Body))
	if err != nil {
		r.fail(j, err)
		return
	}
	var rule *Rule
	src := r.allowed[allowKey(final.Host)]
	if src != nil {
		rule = src.Rule
	}
	p := parseDocument(doc, final, rule)
	if src != nil && src.SiteName != "" {
		p.article.Source = src.SiteName
	}
	for _, f := range p.feeds {
		r.enqueue(job{url: f})
	}
	for _, l := range p.links {
		r.enqueue(job{url: l})
	}
	now := time.Now().UTC()
	if !p.isArticle {
		r.markDone(j.url, "")
		return
	}
	rec := record{Kind: kindDone, URL: j.url, Article: true, Fetched: now,
		ETag: resp.Headers.Get("ETag"), LastModified: resp.Headers.Get("Last-Modified")}
	// Another address of an article whose canonical page is on the crawl's
	// hosts (AMP, print, tracking links): fetch the canonical page instead,
	// so the stored article is always the canonical one.
	if canon := p.article.CanonicalURL; canon != "" && canon != normalizeURL(nil, final.String()) {
		if _, ok := r.allowed[hostOf(canon)]; ok {
			r.enqueue(job{url: canon, feedItem: true})
			r.skip(outcomeDuplicate.String())
			r.abortOn(r.st.RecordCopy(rec, outcomeDuplicate))
			return
		}
	}
	r.abortOn(r.handleArticle(p.article, rec))
}

// markDone records a non-article URL as handled (see state.MarkDone).
func (r *run) markDone(u, skip string) { r.abortOn(r.st.MarkDone(u, skip)) }

// abortOn stops the run with err, a state write that failed: a crawl that
// cannot remember what it did must not go on.
func (r *run) abortOn(err error) {
	if err != nil {
		r.cancel(err)
	}
}

// handleArticle dedups, scores and emits one parsed article, then records
// it. The state judges it and claims its ID, content hash and SimHash in
// one step, so two copies crawled at the same moment cannot both be
// emitted.
func (r *run) handleArticle(a article.Article, rec record) error {
	a.Fetched = rec.Fetched.Truncate(time.Second)
	rec.ID, rec.Hash = a.ID, a.ContentHash
	rec.Sim = simHash(a.Title + " " + a.Body)
	rel := scoreWith(r.c.cfg.Terms, a)
	a.Relevance = &rel
	o := r.st.Judge(rec, rel.Score >= r.c.cfg.Threshold)
	r.count(func(s *Stats) { s.Articles++; o.count(s) })
	switch o {
	case outcomeUnchanged:
		return r.st.RecordUnchanged(rec)
	case outcomeDuplicate, outcomeNearDuplicate:
		return r.st.RecordCopy(rec, o)
	case outcomeOffTopic:
		return r.st.Record(rec)
	}
	if err := r.emit(r.ctx, a); err != nil {
		return fmt.Errorf("crawler: emit %s: %w", a.URL, err)
	}
	rec.Kept = true
	r.count(func(s *Stats) { s.Kept++ })
	return r.st.Record(rec)
}
