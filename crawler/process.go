package crawler

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/gocolly/colly/v2"
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
