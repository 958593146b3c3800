// Package crawler fetches Vietnamese news sites politely and incrementally,
// parses article pages and keeps the ones about digital transformation.
//
// Fetching runs on colly with robots.txt obeyed; discovery follows robots.txt
// Sitemap lines, sitemaps, RSS/Atom feeds and in-site links; parsing uses
// per-site rules with a JSON-LD, meta and main-text fallback; a persistent
// state makes later runs fetch only what changed.
package crawler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"dxnews/article"
)

// Crawler crawls the configured sources. Create it with New.
type Crawler struct {
	cfg     Config
	seeds   []string
	sources []Source
	logger  *slog.Logger
}

// New validates cfg and returns a crawler. A malformed seed URL is an error
// that names it.
func New(cfg Config) (*Crawler, error) {
	c := &Crawler{cfg: cfg, sources: cfg.Sources}
	for _, s := range cfg.Seeds {
		u, err := parseSeed(s)
		if err != nil {
			return nil, fmt.Errorf("crawler: seed: %w", err)
		}
		c.seeds = append(c.seeds, normalizeURL(nil, u.String()))
	}
	for i, s := range cfg.Sources {
		if err := s.validate(); err != nil {
			return nil, fmt.Errorf("crawler: source %d (%s): %w", i+1, s.Name, err)
		}
	}
	if len(c.seeds) == 0 && len(c.sources) == 0 {
		return nil, errors.New("crawler: nothing to crawl: give seeds or sources")
	}
	if c.cfg.UserAgent == "" {
		c.cfg.UserAgent = DefaultUserAgent
	}
	if c.cfg.Timeout <= 0 {
		c.cfg.Timeout = 20 * time.Second
	}
	if c.cfg.Terms == nil {
		c.cfg.Terms = Terms
	}
	if c.cfg.Threshold == 0 {
		c.cfg.Threshold = DefaultThreshold
	}
	if c.cfg.Parallelism <= 0 {
		c.cfg.Parallelism = 8
	}
	switch {
	case c.cfg.Retries == 0:
		c.cfg.Retries = 3
	case c.cfg.Retries < 0:
		c.cfg.Retries = 0
	}
	if c.cfg.Backoff <= 0 {
		c.cfg.Backoff = time.Second
	}
	if c.cfg.MaxRetryAfter <= 0 {
		c.cfg.MaxRetryAfter = 2 * time.Minute
	}
	if c.cfg.MaxBodyBytes <= 0 {
		c.cfg.MaxBodyBytes = 8 << 20
	}
	if c.cfg.MaxDocBytes <= 0 {
		c.cfg.MaxDocBytes = 50 << 20
	}
	c.cfg.MaxDocBytes = max(c.cfg.MaxDocBytes, c.cfg.MaxBodyBytes)
	if c.cfg.ProgressEvery <= 0 {
		c.cfg.ProgressEvery = 2 * time.Second
	}
	c.logger = cfg.Logger
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	c.logger = c.logger.With(slog.String("component", "crawler"))
	return c, nil
}

// Run crawls until the frontier is empty, MaxPages is reached or ctx ends.
// emit receives each kept article once per content version, fully parsed
// (entities empty); it must be idempotent by Article.ID, because an article
// emitted just before the process is killed is emitted again by the next
// run. An emit error stops the crawl. Run returns an error naming every seed
// URL that could not be fetched.
func (c *Crawler) Run(ctx context.Context, emit func(context.Context, article.Article) error) (Stats, error) {
	r, err := c.newRun(ctx, emit)
	if err != nil {
		return Stats{}, err
	}
	return r.crawl()
}

// hostOf returns the allow key of a URL's host.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return allowKey(u.Host)
}

// conditionalHeader builds If-None-Match / If-Modified-Since from a record.
func conditionalHeader(rec record) http.Header {
	h := http.Header{}
	if rec.ETag != "" {
		h.Set("If-None-Match", rec.ETag)
	}
	if rec.LastModified != "" {
		h.Set("If-Modified-Since", rec.LastModified)
	}
	return h
}
