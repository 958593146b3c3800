package crawler

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"time"
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
	// MaxBodyBytes caps a response; larger pages are skipped (too-large).
	// 0 = 8 MiB.
	MaxBodyBytes int64
	// MaxDocBytes caps a sitemap or feed, whose first KiB says what it is
	// (XML sitemap or index, RSS, Atom, JSON Feed, plain-text sitemap): they
	// may be much larger than any page. A larger one is skipped
	// (too-large) and logged. 0 = 50 MiB, the sitemap protocol's limit for
	// one file; never less than MaxBodyBytes.
	MaxDocBytes int64
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
