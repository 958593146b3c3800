package crawler

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/gocolly/colly/v2"
)

// PageEvent is one request of a crawl, reported to Config.OnPage.
type PageEvent struct {
	// Host is the page's host without "www." or port.
	Host string
	// Outcome is ok (2xx), not_modified (304), http_4xx, http_5xx, robots,
	// too_large, off_site, blocked_address (an internal network the guard
	// refuses) or error (network errors, timeouts, other statuses).
	Outcome string
	// Queued is the number of URLs waiting on the frontier.
	Queued int
}

// observe reports one request to Config.OnPage.
func (r *run) observe(pageURL string, resp *colly.Response, err error) {
	f := r.c.cfg.OnPage
	if f == nil || r.ctx.Err() != nil {
		return
	}
	ev := PageEvent{Outcome: "error"}
	if u, perr := url.Parse(pageURL); perr == nil {
		ev.Host = hostKey(u.Host)
	}
	switch {
	case resp != nil && resp.StatusCode == http.StatusNotModified:
		ev.Outcome = "not_modified"
	case resp != nil && resp.StatusCode >= 200 && resp.StatusCode < 300 && err == nil:
		ev.Outcome = "ok"
	case resp != nil && resp.StatusCode >= 400 && resp.StatusCode < 500:
		ev.Outcome = "http_4xx"
	case resp != nil && resp.StatusCode >= 500:
		ev.Outcome = "http_5xx"
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		ev.Outcome = "robots"
	case errors.Is(err, ErrTooLarge):
		ev.Outcome = "too_large"
	case errors.Is(err, errOffSite):
		ev.Outcome = "off_site"
	case errors.Is(err, ErrBlockedAddress):
		ev.Outcome = "blocked_address"
	}
	r.mu.Lock()
	ev.Queued = len(r.queue) + len(r.later)
	r.mu.Unlock()
	f(ev)
}
