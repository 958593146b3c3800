package crawler

import (
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"
)

// prepareHosts reads each host's robots.txt for Sitemap lines and
// Crawl-delay, and sets the host's politeness rule.
func (r *run) prepareHosts() {
	hosts := map[string]string{} // host with port → scheme
	for _, s := range r.c.seeds {
		if u, err := url.Parse(s); err == nil {
			hosts[u.Host] = u.Scheme
		}
	}
	for _, src := range r.c.sources {
		for _, list := range [][]string{src.Start, src.Feeds, src.Sitemaps} {
			for _, s := range list {
				if u, err := url.Parse(s); err == nil {
					hosts[u.Host] = u.Scheme
				}
			}
		}
	}
	names := make([]string, 0, len(hosts))
	for h := range hosts {
		names = append(names, h)
	}
	sort.Strings(names)
	for _, host := range names {
		src := r.allowed[allowKey(host)]
		delay := time.Second
		par := 2
		if src != nil && src.DelayMS > 0 {
			delay = time.Duration(src.DelayMS) * time.Millisecond
		}
		if src != nil && src.Parallelism > 0 {
			par = src.Parallelism
		}
		var robots *robotstxt.RobotsData
		if _, down := r.health.down(allowKey(host)); !down {
			robots = r.robots(hosts[host] + "://" + host + "/robots.txt")
		}
		r.mu.Lock()
		r.robotsData[host] = robots
		r.mu.Unlock()
		if robots != nil {
			delay = crawlDelay(robots, r.c.cfg.UserAgent, delay)
			// Sitemaps named in robots.txt are crawled for configured sources
			// and for seeds that are a site root.
			if src != nil || r.rootSeed(host) {
				for _, sm := range robots.Sitemaps {
					if u := normalizeURL(nil, sm); u != "" {
						r.enqueue(job{url: u})
					}
				}
			}
		}
		if r.c.cfg.Impolite {
			delay = 0
			par = r.c.cfg.Parallelism
		}
		r.col.Limit(&colly.LimitRule{DomainGlob: host, Parallelism: par, Delay: delay})
		r.c.logger.Debug("host ready", slog.String("host", host), slog.Duration("delay", delay), slog.Int("parallelism", par))
	}
	if !r.c.cfg.Impolite {
		r.col.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: 2, Delay: time.Second})
	}
}

// maxCrawlDelay caps the Crawl-delay a robots.txt can ask for.
const maxCrawlDelay = 30 * time.Second

// crawlDelay is the delay between requests to a host: def, or the robots.txt
// Crawl-delay for agent when longer, capped at maxCrawlDelay. Values the
// parser overflowed to negative are ignored.
func crawlDelay(robots *robotstxt.RobotsData, agent string, def time.Duration) time.Duration {
	if robots == nil {
		return def
	}
	if g := robots.FindGroup(agent); g != nil && g.CrawlDelay > def {
		return min(g.CrawlDelay, maxCrawlDelay)
	}
	return def
}

func (r *run) rootSeed(host string) bool {
	for _, s := range r.c.seeds {
		if u, err := url.Parse(s); err == nil && u.Host == host && (u.Path == "" || u.Path == "/") {
			return true
		}
	}
	return false
}

// robots fetches and parses robots.txt; the transport keeps the answer for
// colly's own robots check.
func (r *run) robots(u string) *robotstxt.RobotsData {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil
	}
	req.Header.Set("User-Agent", r.c.cfg.UserAgent)
	resp, err := r.client.Do(req)
	if err != nil {
		r.c.logger.Warn("robots.txt unreachable", slog.String("url", u), slog.Any("error", err))
		return nil
	}
	defer resp.Body.Close()
	data, err := robotstxt.FromResponse(resp)
	if err != nil {
		return nil
	}
	return data
}
