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
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"time"

	"dxnews/article"
)

// Config configures a crawl.
type Config struct {
	// Seeds are start URLs: site roots, category pages, feeds or sitemaps.
	// Their hosts are crawled with generic rules unless a Source covers them.
	Seeds []string
	// Sources come from a config file (LoadConfig).
	Sources []Source
	// StateDir keeps the crawl state across runs; "" = in memory only.
	StateDir string
	// MaxPages bounds the requests of one run; 0 = unlimited. URLs left over
	// are picked up by the next run.
	MaxPages int
	// UserAgent defaults to DefaultUserAgent.
	UserAgent string
	// Timeout bounds each request attempt; 0 = 20s.
	Timeout time.Duration
	// Threshold is the relevance score an article needs; 0 = DefaultThreshold.
	Threshold float64
	// Terms replaces the relevance vocabulary; nil = Terms.
	Terms []Term
	// Impolite turns per-host delays off and lets every host take
	// Parallelism requests at once; the zero value is polite. It is for
	// tests and benchmarks against local servers; robots.txt is obeyed
	// either way.
	Impolite bool
	// Parallelism is the number of concurrent fetches; 0 = 8.
	Parallelism int
	// Retries is how often a failed GET is retried; 0 = 3, negative = none.
	Retries int
	// Backoff is the first retry's delay, doubled each time; 0 = 1s.
	Backoff time.Duration
	// MaxRetryAfter caps the wait a 429/503 Retry-After can ask; 0 = 2m.
	MaxRetryAfter time.Duration
	// MaxBodyBytes caps a response; larger pages are skipped. 0 = 8 MiB.
	MaxBodyBytes int64
	// Logger receives per-page failures; nil = none.
	Logger *slog.Logger
	// Progress receives progress lines while crawling and a summary at the
	// end; nil = none.
	Progress io.Writer
	// ProgressEvery is the interval between progress lines; 0 = 2s.
	ProgressEvery time.Duration
	// OnPage, when set, is called after every request with its host and
	// outcome, for metrics. It runs on the fetching goroutines: it must be
	// quick and safe for concurrent use.
	OnPage func(PageEvent)

	// lookup and dial replace the resolver and the dialer in tests, so
	// test host names can stand for any address without a connection
	// leaving loopback.
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)
	// now replaces the clock of host backoffs in tests.
	now func() time.Time
}

// DefaultUserAgent identifies the crawler to sites.
const DefaultUserAgent = "dxnews/0.1 (+https://github.com/dxnews/dxnews)"

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
