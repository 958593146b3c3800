package crawler

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/gocolly/colly/v2"

	"dxnews/article"
)

// process fetches one URL and handles what comes back.
func (r *run) process(j job) {
	if r.ctx.Err() != nil {
		return
	}
	hdr, ok := r.prepare(j)
	if !ok {
		return
	}
	if resp, ok := r.fetch(j, hdr); ok {
		r.handle(j, resp)
	}
}

// prepare decides whether j needs a request at all, and builds its
// headers: conditional ones for an article the state holds.
func (r *run) prepare(j job) (http.Header, bool) {
	if until, down := r.health.down(hostOf(j.url)); down {
		// Left pending for the first run after the backoff.
		r.skip("host-down")
		r.c.logger.Debug("host down", slog.String("url", j.url), slog.Time("until", until))
		return nil, false
	}
	hdr := http.Header{}
	prev, known := r.st.get(j.url)
	switch {
	case !known || prev.Kind != kindDone:
	case !prev.Article && prev.readSince(j.lastmod):
		// A sitemap its index dates no later than our last reading of it
		// has nothing new (monthly archives of past years).
		r.skip("unchanged-sitemap")
		return nil, false
	case prev.Article && prev.readSince(j.lastmod):
		// An article whose sitemap lastmod is not newer than our copy needs
		// no request at all.
		r.count(func(s *Stats) { s.Unchanged++ })
		return nil, false
	case prev.Article:
		hdr = conditionalHeader(prev)
	}
	hdr.Set("User-Agent", r.c.cfg.UserAgent)
	hdr.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	return hdr, true
}

// fetch requests j and returns a 2xx response; anything else is counted,
// reported and handled here.
func (r *run) fetch(j job, hdr http.Header) (*colly.Response, bool) {
	cctx := colly.NewContext()
	err := r.col.Request(http.MethodGet, j.url, nil, cctx, hdr)
	resp, _ := cctx.GetAny("resp").(*colly.Response)
	r.observe(j.url, resp, err)
	if resp != nil {
		r.count(func(s *Stats) { s.Fetched++ })
	}
	switch {
	case err != nil:
		r.fail(j, err)
	case resp == nil:
		r.fail(j, errors.New("no response"))
	case resp.StatusCode == http.StatusNotModified:
		r.count(func(s *Stats) { s.Unchanged++ })
	case resp.StatusCode >= 300:
		r.fail(j, fmt.Errorf("http %d", resp.StatusCode))
	default:
		return resp, true
	}
	return nil, false
}

// handle handles a fetched document by what it is.
func (r *run) handle(j job, resp *colly.Response) {
	final := resp.Request.URL
	switch kind := docKind(resp.Headers.Get("Content-Type"), resp.Body); kind {
	case "sitemap", "sitemapindex", "rss", "atom", "jsonfeed":
		r.handleFeed(j, kind, final, resp.Body)
	case "html":
		r.handleHTML(j, final, resp)
	case "text":
		r.handleText(j, final, resp.Body)
	default:
		r.markDone(j.url, "not-html")
	}
}

// handleFeed queues the links of a sitemap, sitemap index or feed, within
// the bounds on entries and nesting, and records the document as read.
func (r *run) handleFeed(j job, kind string, final *url.URL, body []byte) {
	pages, maps, err := xmlLinks(kind, final, body)
	if err != nil {
		r.fail(j, fmt.Errorf("%s: %w", kind, err))
		return
	}
	if j.depth > maxSitemapDepth {
		// A feed or sitemap reached through a chain of them deeper than
		// any sitemap index may nest: an endless chain.
		r.count(func(s *Stats) { s.Skipped["sitemap-depth"] += len(maps) + len(pages) })
		r.markDone(j.url, "")
		return
	}
	if len(maps) > 0 && j.depth+1 > maxSitemapDepth {
		r.count(func(s *Stats) { s.Skipped["sitemap-depth"] += len(maps) })
		maps = nil
	}
	if n := len(maps) + len(pages); n > maxDocLinks {
		r.count(func(s *Stats) { s.Skipped["sitemap-entries"] += n - maxDocLinks })
		maps = maps[:min(len(maps), maxDocLinks)]
		pages = pages[:maxDocLinks-len(maps)]
	}
	for _, l := range maps {
		r.enqueue(job{url: l.url, lastmod: l.lastmod, depth: j.depth + 1})
	}
	for _, l := range pages {
		r.enqueue(job{url: l.url, lastmod: l.lastmod, feedItem: true, depth: j.depth + 1})
	}
	if j.lastmod.IsZero() {
		r.markDone(j.url, "")
		return
	}
	// Dated by its index: remember when it was read, so the next run skips
	// it while that date does not change.
	r.abortOn(r.st.MarkRead(j.url, time.Now().UTC()))
}

// handleText queues the URLs of a plain-text sitemap: one URL per line.
func (r *run) handleText(j job, final *url.URL, body []byte) {
	n := 0
	for line := range strings.SplitSeq(string(body), "\n") {
		line = strings.TrimSpace(line)
		if u := normalizeURL(final, line); u != "" && strings.HasPrefix(line, "http") {
			if n++; n > maxDocLinks {
				r.skip("sitemap-entries")
				continue
			}
			r.enqueue(job{url: u, feedItem: true, depth: j.depth + 1})
		}
	}
	r.markDone(j.url, "")
}

// fail counts and logs a failed fetch; a failed seed makes the run fail.
func (r *run) fail(j job, err error) {
	var reason string
	switch {
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		r.skip("robots")
		r.markDone(j.url, "robots")
		r.c.logger.Info("blocked by robots.txt", slog.String("url", j.url))
		return
	case errors.Is(err, ErrTooLarge):
		r.skip("too-large")
		r.markDone(j.url, "too-large")
		r.c.logger.Warn("page skipped", slog.String("url", j.url), slog.String("reason", err.Error()))
		return
	case errors.Is(err, ErrBlockedAddress):
		r.skip("blocked-address")
		r.markDone(j.url, "blocked-address")
		r.c.logger.Warn("address refused", slog.String("url", j.url), slog.String("reason", err.Error()))
		if j.seed {
			r.mu.Lock()
			r.seedErrs = append(r.seedErrs, j.url+": "+err.Error())
			r.mu.Unlock()
		}
		return
	case errors.Is(err, errOffSite):
		r.skip("off-site")
		r.markDone(j.url, "off-site")
		return
	case r.ctx.Err() != nil:
		return
	default:
		reason = err.Error()
	}
	r.c.logger.Warn("fetch failed", slog.String("url", j.url), slog.String("error", reason))
	r.mu.Lock()
	r.stats.Errors++
	if j.seed {
		r.seedErrs = append(r.seedErrs, j.url+": "+reason)
	}
	r.mu.Unlock()
}

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
