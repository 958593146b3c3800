package webhook

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
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
