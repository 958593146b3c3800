// Package webhook pushes every new or changed article to HTTP endpoints.
//
// Each webhook walks the store's change log with its own cursor, the way an
// export client does, so a receiver that was down gets every event when it
// returns. Each event is one POST whose body is one line of the NDJSON
// export, signed with HMAC-SHA256 under a shared secret:
//
//	X-Dxnews-Signature: sha256=<hex of HMAC-SHA256(secret, body)>
//	X-Dxnews-Article-Id: <article id>
//	X-Dxnews-Content-Hash: <article content hash>
//
// Delivery is at least once: the cursor moves only after a 2xx answer and is
// kept on disk after every event, so a crash can repeat the event in flight
// but never skip one. Receivers deduplicate on the article ID and content
// hash.
package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"dxnews/article"
)

// Header names of a delivery.
const (
	SignatureHeader   = "X-Dxnews-Signature"
	ArticleIDHeader   = "X-Dxnews-Article-Id"
	ContentHashHeader = "X-Dxnews-Content-Hash"
)

// Source is the change log deliveries follow: store.Store is one.
type Source interface {
	// Since returns up to limit articles changed after cursor ("" = from
	// the start), oldest change first, and the cursor to pass next time.
	Since(ctx context.Context, cursor string, limit int) (arts []article.Article, next string, err error)
}

// Config configures a Sender.
type Config struct {
	// URLs receive the POSTs; each has its own cursor.
	URLs []string
	// Secret signs every body; required.
	Secret string
	// StateDir keeps one cursor file per URL; required.
	StateDir string
	// Source is the change log; required.
	Source Source
	// Client sends the requests; nil = a client with no redirects followed.
	Client *http.Client
	// Timeout bounds each attempt; 0 = 10s.
	Timeout time.Duration
	// Attempts is how often one event is tried in one pass before the
	// webhook gives up until the next pass; 0 = 5.
	Attempts int
	// Backoff is the first pause between attempts, doubled each time up to
	// MaxBackoff; 0 = 1s and 1m.
	Backoff, MaxBackoff time.Duration
	// Batch is how many events are read from the change log at a time; 0 =
	// 100.
	Batch int
	// Logger receives one record per failed pass; nil discards.
	Logger *slog.Logger
	// Record, when set, turns an article into its export record (audio
	// URLs, entity IDs…); nil sends the stored article, as `dxnews export`
	// writes it.
	Record func(article.Article) any
	// OnAttempt, when set, is told the outcome of every POST: "ok",
	// "http_error" or "error".
	OnAttempt func(webhookURL, outcome string)
}

// Sender delivers events to the configured webhooks.
type Sender struct {
	cfg Config
	mu  sync.Mutex // one pass at a time
}

// New validates cfg and returns a Sender.
func New(cfg Config) (*Sender, error) {
	if len(cfg.URLs) == 0 {
		return nil, errors.New("webhook: no URL")
	}
	var urls []string
	for _, u := range cfg.URLs {
		if err := checkURL(u); err != nil {
			return nil, err
		}
		if !slices.Contains(urls, u) {
			urls = append(urls, u)
		}
	}
	cfg.URLs = urls
	if cfg.Secret == "" {
		return nil, errors.New("webhook: DXNEWS_WEBHOOK_SECRET is required with DXNEWS_WEBHOOK_URL: every delivery is signed")
	}
	if cfg.StateDir == "" || cfg.Source == nil {
		return nil, errors.New("webhook: StateDir and Source are required")
	}
	if err := os.MkdirAll(cfg.StateDir, 0o755); err != nil {
		return nil, fmt.Errorf("webhook: state folder: %w", err)
	}
	cfg.setDefaults()
	return &Sender{cfg: cfg}, nil
}

// setDefaults fills the settings left zero with their defaults.
func (cfg *Config) setDefaults() {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Attempts <= 0 {
		cfg.Attempts = 5
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = time.Minute
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 100
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
