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
	if until, down := r.health.down(hostOf(j.url)); down {
		// Left pending for the first run after the backoff.
		r.skip("host-down")
		r.c.logger.Debug("host down", slog.String("url", j.url), slog.Time("until", until))
		return
	}
	prev, known := r.st.get(j.url)
	// A sitemap its index dates no later than our last reading of it has
	// nothing new (monthly archives of past years).
	if known && prev.Kind == "done" && !prev.Article && !prev.Fetched.IsZero() && !j.lastmod.IsZero() && !j.lastmod.After(prev.Fetched) {
		r.skip("unchanged-sitemap")
		return
	}
	var hdr http.Header
	if known && prev.Kind == "done" && prev.Article {
		// An article whose sitemap lastmod is not newer than our copy needs
		// no request at all.
		if !j.lastmod.IsZero() && !prev.Fetched.IsZero() && !j.lastmod.After(prev.Fetched) {
			r.count(func(s *Stats) { s.Unchanged++ })
			return
		}
		hdr = conditionalHeader(prev)
	}
	r.mu.Lock()
	r.requests++
	r.mu.Unlock()

	cctx := colly.NewContext()
	if hdr == nil {
		hdr = http.Header{}
	}
	hdr.Set("User-Agent", r.c.cfg.UserAgent)
	hdr.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	err := r.col.Request(http.MethodGet, j.url, nil, cctx, hdr)
	resp, _ := cctx.GetAny("resp").(*colly.Response)
	r.observe(j.url, resp, err)
	if resp != nil {
		r.count(func(s *Stats) { s.Fetched++ })
	}
	if err != nil {
		r.fail(j, err)
		return
	}
	if resp == nil {
		r.fail(j, errors.New("no response"))
		return
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		r.count(func(s *Stats) { s.Unchanged++ })
		return
	case resp.StatusCode >= 300:
		r.fail(j, fmt.Errorf("http %d", resp.StatusCode))
		return
	}
	final := resp.Request.URL
	ct := resp.Headers.Get("Content-Type")
	switch kind := docKind(ct, resp.Body); kind {
	case "sitemap", "sitemapindex", "rss", "atom", "jsonfeed":
		pages, maps, err := xmlLinks(kind, final, resp.Body)
		if err != nil {
			r.fail(j, fmt.Errorf("%s: %w", kind, err))
			return
		}
		if j.depth > maxSitemapDepth {
			// A feed or sitemap reached through a chain of them deeper
			// than any sitemap index may nest: an endless chain.
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
		if !j.lastmod.IsZero() {
			// Dated by its index: remember when it was read, so the next
			// run skips it while that date does not change.
			if err := r.st.append(record{Kind: "done", URL: j.url, Fetched: time.Now().UTC()}); err != nil {
				r.cancel(err)
			}
		} else {
			r.markDone(j.url, "")
		}
	case "html":
		r.handleHTML(j, final, resp)
	case "text":
		// A plain-text sitemap: one URL per line.
		n := 0
		for line := range strings.SplitSeq(string(resp.Body), "\n") {
			if u := normalizeURL(final, strings.TrimSpace(line)); u != "" && strings.HasPrefix(strings.TrimSpace(line), "http") {
				if n++; n > maxDocLinks {
					r.skip("sitemap-entries")
					continue
				}
				r.enqueue(job{url: u, feedItem: true, depth: j.depth + 1})
			}
		}
		r.markDone(j.url, "")
	default:
		r.markDone(j.url, "not-html")
	}
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
	rec := record{Kind: "done", URL: j.url, Article: true, Fetched: now,
		ETag: resp.Headers.Get("ETag"), LastModified: resp.Headers.Get("Last-Modified")}
	// Another address of an article whose canonical page is on the crawl's
	// hosts (AMP, print, tracking links): fetch the canonical page instead,
	// so the stored article is always the canonical one.
	if canon := p.article.CanonicalURL; canon != "" && canon != normalizeURL(nil, final.String()) {
		if _, ok := r.allowed[hostOf(canon)]; ok {
			r.enqueue(job{url: canon, feedItem: true})
			r.skip("duplicate")
			if err := r.markCopy(rec, "duplicate"); err != nil {
				r.cancel(err)
			}
			return
		}
	}
	if err := r.handleArticle(p.article, rec); err != nil {
		r.cancel(err)
	}
}

// markDone records a non-article URL as handled, once: discovery pages are
// fetched again every run, so nothing else about them is kept.
func (r *run) markDone(u, skip string) {
	if old, ok := r.st.get(u); ok && old.Kind == "done" && old.Skip == skip && !old.Article {
		return
	}
	r.st.append(record{Kind: "done", URL: u, Skip: skip})
}

// markCopy records an article page that duplicates another one. Its
// validators are kept so the next run asks conditionally.
func (r *run) markCopy(rec record, reason string) error {
	rec.ID, rec.Hash, rec.Sim, rec.Kept, rec.Skip = "", "", 0, false, reason
	if old, ok := r.st.get(rec.URL); ok && old.Kind == "done" && old.Skip == reason && old.ETag == rec.ETag && old.LastModified == rec.LastModified {
		return nil
	}
	return r.st.append(rec)
}

// handleArticle dedups, scores and emits one parsed article, then records it.
// The dedup decision and the claim on the article's ID, content hash and
// SimHash are taken together under the run's lock, so two copies crawled at
// the same moment cannot both be emitted.
func (r *run) handleArticle(a article.Article, rec record) error {
	a.Fetched = rec.Fetched.Truncate(time.Second)
	rec.ID, rec.Hash = a.ID, a.ContentHash
	rec.Sim = simHash(a.Title + " " + a.Body)
	rel := scoreWith(r.c.cfg.Terms, a)
	a.Relevance = &rel
	relevant := rel.Score >= r.c.cfg.Threshold

	r.mu.Lock()
	r.stats.Articles++
	r.st.mu.Lock()
	prevID, haveID, hashOwner, near := r.st.lookupLocked(a.ID, a.ContentHash, rec.Sim)
	outcome := ""
	switch {
	case haveID && prevID.URL != rec.URL:
		// Another address of an article already stored (AMP, print, a
		// link with different parameters): the canonical URL says so.
		outcome = "duplicate"
	case haveID && prevID.Hash == a.ContentHash:
		outcome = "unchanged"
	case hashOwner != "" && hashOwner != a.ID:
		outcome = "duplicate"
	case near != "" && !haveID:
		outcome = "near-duplicate"
	case !relevant:
		outcome = "off-topic"
	default:
		outcome = "emit"
	}
	if outcome == "emit" || outcome == "off-topic" {
		// Claim the ID, hash and SimHash before the slow part.
		r.st.claimLocked(rec)
	}
	switch outcome {
	case "unchanged":
		r.stats.Unchanged++
	case "duplicate", "near-duplicate", "off-topic":
		r.stats.Skipped[outcome]++
		if outcome == "off-topic" {
			r.stats.Dropped++
		}
	}
	r.st.mu.Unlock()
	r.mu.Unlock()

	switch outcome {
	case "unchanged":
		old, _ := r.st.get(rec.URL)
		if old.ETag != rec.ETag || old.LastModified != rec.LastModified {
			rec.Kept = old.Kept
			return r.st.append(rec)
		}
		return nil
	case "duplicate", "near-duplicate":
		return r.markCopy(rec, outcome)
	case "off-topic":
		return r.st.append(rec)
	}
	if err := r.emit(r.ctx, a); err != nil {
		return fmt.Errorf("crawler: emit %s: %w", a.URL, err)
	}
	rec.Kept = true
	r.count(func(s *Stats) { s.Kept++ })
	return r.st.append(rec)
}
