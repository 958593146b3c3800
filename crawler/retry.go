package crawler

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"dxnews/internal/retryafter"
)

func (t *transport) roundTrip(req *http.Request) (*http.Response, error) {
	retryable := req.Method == http.MethodGet || req.Method == http.MethodHead
	for attempt := 0; ; attempt++ {
		ctx, cancel := context.WithTimeout(req.Context(), t.timeout)
		resp, err := t.base.RoundTrip(req.Clone(ctx))
		wait, again := t.shouldRetry(resp, err, attempt)
		if !again || !retryable || attempt >= t.retries || req.Context().Err() != nil {
			if err != nil {
				cancel()
				return nil, err
			}
			return t.wrap(resp, cancel)
		}
		reason := "network error"
		if resp != nil {
			reason = resp.Status
			io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		cancel()
		t.logger.Debug("retrying", slog.String("url", req.URL.String()), slog.String("reason", reason), slog.Int("attempt", attempt+1), slog.Duration("wait", wait))
		if t.onRetry != nil {
			t.onRetry()
		}
		timer := time.NewTimer(wait)
		select {
		case <-req.Context().Done():
			timer.Stop()
			return nil, req.Context().Err()
		case <-timer.C:
		}
	}
}

// shouldRetry decides whether a failed attempt is retried and after how long:
// network errors and 5xx with exponential backoff, 429 and 503 after
// Retry-After when given (capped).
func (t *transport) shouldRetry(resp *http.Response, err error, attempt int) (time.Duration, bool) {
	back := t.backoff << uint(attempt)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, ErrBlockedAddress) {
			return 0, false
		}
		return back, true
	}
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode < 500 {
		return 0, false
	}
	if ra := retryafter.Parse(resp.Header.Get("Retry-After"), time.Now()); ra > 0 {
		if ra > t.maxRetryAfter {
			ra = t.maxRetryAfter
		}
		return ra, true
	}
	return back, true
}
