package webhook

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"dxnews/article"
	"dxnews/internal/retryafter"
)

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
	return retryafter.Parse(resp.Header.Get("Retry-After"), time.Now()), fmt.Errorf("receiver answered %s", resp.Status)
}

func (s *Sender) report(hookURL, outcome string) {
	if s.cfg.OnAttempt != nil {
		s.cfg.OnAttempt(redact(hookURL), outcome)
	}
}
