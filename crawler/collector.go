package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gocolly/colly/v2"
)

// newCollector builds the run's colly collector and HTTP client over the
// transport (timeouts, retries, body caps) and the address guard.
func (r *run) newCollector(ctx context.Context) {
	c := r.c
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.DialContext = newGuard(ctx, c.seedHosts(), c.cfg.lookup, c.cfg.dial).DialContext
	tr := &transport{
		base:          base,
		timeout:       c.cfg.Timeout,
		retries:       c.cfg.Retries,
		backoff:       c.cfg.Backoff,
		maxRetryAfter: c.cfg.MaxRetryAfter,
		maxBody:       c.cfg.MaxBodyBytes,
		maxDoc:        c.cfg.MaxDocBytes,
		logger:        c.logger,
	}
	tr.onHost = r.health.result
	tr.base.(*http.Transport).MaxIdleConnsPerHost = c.cfg.Parallelism
	col := colly.NewCollector(
		colly.UserAgent(c.cfg.UserAgent),
		colly.StdlibContext(r.ctx),
		colly.ParseHTTPErrorResponse(),
		colly.AllowURLRevisit(),
		colly.MaxBodySize(0),
	)
	// colly's Init turns robots.txt off; this crawler obeys it.
	col.IgnoreRobotsTxt = false
	col.WithTransport(tr)
	overall := c.cfg.Timeout*time.Duration(c.cfg.Retries+2) + c.cfg.MaxRetryAfter*time.Duration(c.cfg.Retries)
	col.SetRequestTimeout(overall)
	col.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if _, ok := r.allowed[allowKey(req.URL.Host)]; !ok {
			return fmt.Errorf("%w: %s", errOffSite, req.URL)
		}
		if len(via) >= 10 {
			return errRedirectLoop
		}
		// colly checks robots.txt for the first URL only.
		r.mu.Lock()
		robots := r.robotsData[req.URL.Host]
		r.mu.Unlock()
		if robots != nil && !robots.TestAgent(req.URL.EscapedPath(), c.cfg.UserAgent) {
			return fmt.Errorf("%w: redirect to %s", colly.ErrRobotsTxtBlocked, req.URL)
		}
		return nil
	})
	col.OnResponse(func(resp *colly.Response) { resp.Ctx.Put("resp", resp) })
	r.col = col
	r.client = &http.Client{Transport: tr, Timeout: overall}
}

var (
	errOffSite      = errors.New("crawler: redirect off the allowed hosts")
	errRedirectLoop = errors.New("crawler: too many redirects")
)
