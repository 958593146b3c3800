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
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
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
	return &Sender{cfg: cfg}, nil
}

// ParseURLs splits a comma-separated DXNEWS_WEBHOOK_URL and checks each URL;
// a URL given twice is kept once.
func ParseURLs(v string) ([]string, error) {
	var out []string
	for _, u := range strings.Split(v, ",") {
		if u = strings.TrimSpace(u); u == "" || slices.Contains(out, u) {
			continue
		}
		if err := checkURL(u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("webhook: DXNEWS_WEBHOOK_URL: %q is not an http(s) URL", raw)
	}
	return nil
}

// Sign returns the X-Dxnews-Signature value of body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether signature is body's signature under secret, in
// constant time.
func Verify(secret string, body []byte, signature string) bool {
	return hmac.Equal([]byte(signature), []byte(Sign(secret, body)))
}

// Deliver sends each webhook the events it has not acknowledged, in
// change-log order, the webhooks in parallel. A webhook whose receiver keeps
// failing one event stops there until the next pass; its error is recorded
// for Status and returned, joined with the others'.
func (s *Sender) Deliver(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	errs := make([]error, len(s.cfg.URLs))
	var wg sync.WaitGroup
	for i, u := range s.cfg.URLs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.deliverOne(ctx, u)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (s *Sender) deliverOne(ctx context.Context, hookURL string) error {
	st, err := loadState(s.cfg.StateDir, hookURL)
	if err != nil {
		return err
	}
	for {
		arts, next, err := s.cfg.Source.Since(ctx, st.Cursor, s.cfg.Batch)
		if err != nil {
			return fmt.Errorf("webhook %s: reading the change log: %w", redact(hookURL), err)
		}
		for _, a := range arts {
			if st.acked(a) {
				continue // delivered before a restart
			}
			if err := s.post(ctx, hookURL, a); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				st.LastError, st.LastErrorAt = oneLine(err.Error()), time.Now().UTC()
				if serr := st.save(s.cfg.StateDir); serr != nil {
					return serr
				}
				s.cfg.Logger.Warn("webhook delivery failed; will retry", "webhook", redact(hookURL), "article", a.ID, "err", err)
				return fmt.Errorf("webhook %s: %w", redact(hookURL), err)
			}
			if st.Batch == nil {
				st.Batch = map[string]string{}
			}
			st.Batch[a.ID] = a.ContentHash
			st.Delivered++
			st.LastDelivery = time.Now().UTC()
			st.LastError, st.LastErrorAt = "", time.Time{}
			if err := st.save(s.cfg.StateDir); err != nil {
				return err
			}
		}
		if next == st.Cursor && len(arts) == 0 {
			return nil
		}
		// The page's events are now behind the cursor; acknowledged events
		// of later pages stay remembered.
		st.Cursor = next
		for _, a := range arts {
			delete(st.Batch, a.ID)
		}
		if err := st.save(s.cfg.StateDir); err != nil {
			return err
		}
		if len(arts) == 0 {
			return nil
		}
	}
}

// post sends one event, trying up to Attempts times with backoff.
func (s *Sender) post(ctx context.Context, hookURL string, a article.Article) error {
	var rec any = a
	if s.cfg.Record != nil {
		rec = s.cfg.Record(a)
	}
	body, err := encode(a.ID, rec)
	if err != nil {
		return err
	}
	sig := Sign(s.cfg.Secret, body)
	wait := s.cfg.Backoff
	var last error
	for attempt := 1; ; attempt++ {
		retryAfter, err := s.attempt(ctx, hookURL, a, body, sig)
		if err == nil {
			return nil
		}
		last = err
		if attempt == s.cfg.Attempts {
			return fmt.Errorf("%d attempts: %w", attempt, last)
		}
		pause := wait
		if retryAfter > pause {
			pause = min(retryAfter, s.cfg.MaxBackoff)
		}
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return ctx.Err()
		}
		wait = min(2*wait, s.cfg.MaxBackoff)
	}
}

// attempt makes one POST; it returns the Retry-After the receiver asked for.
func (s *Sender) attempt(ctx context.Context, hookURL string, a article.Article, body []byte, sig string) (time.Duration, error) {
	actx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodPost, hookURL, strings.NewReader(string(body)))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("User-Agent", "dxnews-webhook/0.1")
	req.Header.Set(SignatureHeader, sig)
	req.Header.Set(ArticleIDHeader, a.ID)
	req.Header.Set(ContentHashHeader, a.ContentHash)
	resp, err := s.cfg.Client.Do(req)
	if err != nil {
		s.report(hookURL, "error")
		return 0, err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		s.report(hookURL, "ok")
		return 0, nil
	}
	s.report(hookURL, "http_error")
	var ra time.Duration
	if n, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && n > 0 {
		ra = time.Duration(n) * time.Second
	}
	return ra, fmt.Errorf("receiver answered %s", resp.Status)
}

func (s *Sender) report(hookURL, outcome string) {
	if s.cfg.OnAttempt != nil {
		s.cfg.OnAttempt(redact(hookURL), outcome)
	}
}

// encode is one line of the NDJSON export.
func encode(id string, rec any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		return nil, fmt.Errorf("webhook: encoding article %s: %w", id, err)
	}
	return []byte(b.String()), nil
}

// redact drops credentials and the query from a URL for logs and status.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.User = nil
	if u.RawQuery != "" {
		u.RawQuery = "…"
	}
	return u.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
