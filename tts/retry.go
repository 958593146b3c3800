package tts

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Backoff says how often and how patiently a backend retries a
// [RetryableError]. Zero fields take the defaults in brackets.
type Backoff struct {
	// Attempts is the total number of tries [4].
	Attempts int
	// Base is the first wait, doubled on each retry, with ±20% jitter [500ms].
	Base time.Duration
	// Max caps a computed wait [20s].
	Max time.Duration
	// MaxRetryAfter is the longest Retry-After honoured; a server asking for
	// more fails the call at once rather than stalling it [2m].
	MaxRetryAfter time.Duration
	// Sleep waits for d or until ctx is done; nil uses a timer.
	Sleep func(ctx context.Context, d time.Duration) error
}

func (b Backoff) withDefaults() Backoff {
	if b.Attempts <= 0 {
		b.Attempts = 4
	}
	if b.Base <= 0 {
		b.Base = 500 * time.Millisecond
	}
	if b.Max <= 0 {
		b.Max = 20 * time.Second
	}
	if b.MaxRetryAfter <= 0 {
		b.MaxRetryAfter = 2 * time.Minute
	}
	if b.Sleep == nil {
		b.Sleep = Sleep
	}
	return b
}

// Sleep waits for d, returning early with ctx's error if it is cancelled.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Retry calls fn until it succeeds, fails with an error that is not a
// [RetryableError], or runs out of attempts. Between tries it waits the
// server's Retry-After when given, else an exponential backoff.
func Retry(ctx context.Context, b Backoff, fn func(ctx context.Context) error) error {
	b = b.withDefaults()
	wait := b.Base
	for attempt := 1; ; attempt++ {
		err := fn(ctx)
		if err == nil {
			return nil
		}
		var re *RetryableError
		if !errors.As(err, &re) {
			return err
		}
		if attempt >= b.Attempts {
			return fmt.Errorf("gave up after %d attempts: %w", attempt, err)
		}
		d := wait + time.Duration((rand.Float64()*0.4-0.2)*float64(wait))
		d = min(d, b.Max)
		if re.RetryAfter > 0 {
			if re.RetryAfter > b.MaxRetryAfter {
				return fmt.Errorf("server asked to wait %s, more than %s: %w", re.RetryAfter, b.MaxRetryAfter, err)
			}
			d = re.RetryAfter
		}
		if serr := b.Sleep(ctx, d); serr != nil {
			return fmt.Errorf("%w (while retrying after: %v)", serr, err)
		}
		wait = min(wait*2, b.Max)
	}
}

// ParseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
// It returns 0 when the header is absent or unreadable.
func ParseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return max(time.Duration(s)*time.Second, 0)
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

// CheckStatus returns nil for a 2xx response. For 429 and 5xx it returns a
// *RetryableError carrying the Retry-After; for other statuses a plain
// error. Both quote the start of the body.
func CheckStatus(resp *http.Response) error {
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	err := fmt.Errorf("HTTP %d from %s: %s", resp.StatusCode, resp.Request.URL.Redacted(), strings.TrimSpace(string(body)))
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return &RetryableError{Err: err, RetryAfter: ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	return err
}

// ReadBody reads at most limit bytes of a response body, failing if there
// is more.
func ReadBody(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("response larger than %d bytes", limit)
	}
	return b, nil
}

// Limiter caps how many requests a backend has in flight.
type Limiter struct{ ch chan struct{} }

// NewLimiter allows n concurrent holders (at least 1).
func NewLimiter(n int) *Limiter { return &Limiter{ch: make(chan struct{}, max(n, 1))} }

// Acquire blocks until a slot is free or ctx is done.
func (l *Limiter) Acquire(ctx context.Context) error {
	select {
	case l.ch <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Release frees a slot taken by Acquire.
func (l *Limiter) Release() { <-l.ch }
