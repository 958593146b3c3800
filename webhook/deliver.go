package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"dxnews/article"
)

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
