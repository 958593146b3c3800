package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"dxnews/webhook"
)

// webhookBackoff is the first pause between delivery attempts; 0 = the
// webhook package's default. Tests shorten it.
var webhookBackoff time.Duration

// webhookRetryEvery is how often run retries webhooks that are behind.
const webhookRetryEvery = time.Minute

// newWebhooks returns the sender DXNEWS_WEBHOOK_URL configures, or nil when
// it is unset.
func newWebhooks(e *env, d *data, dir string) (*webhook.Sender, error) {
	urls, err := webhook.ParseURLs(e.get(varWebhookURL))
	if err != nil || len(urls) == 0 {
		return nil, err
	}
	return webhook.New(webhook.Config{
		URLs:      urls,
		Secret:    e.get(varWebhookSecret),
		StateDir:  filepath.Join(dir, "webhooks"),
		Source:    d.store,
		Backoff:   webhookBackoff,
		Logger:    e.logger.With("component", "webhook"),
		OnAttempt: e.metrics.webhookAttempt,
	})
}

// deliver sends what the webhooks have not had yet. A receiver that fails is
// logged and shown by status; its events wait for the next pass.
func deliver(ctx context.Context, e *env, s *webhook.Sender) {
	if s == nil || ctx.Err() != nil {
		return
	}
	if err := s.Deliver(ctx); err != nil && ctx.Err() == nil {
		fmt.Fprintf(e.stderr, "webhook: %s (retried on the next pass; see dxnews status)\n", oneLine(err.Error()))
	}
}

// deliverLoop delivers after every kick and every webhookRetryEvery until ctx
// ends.
func deliverLoop(ctx context.Context, e *env, s *webhook.Sender, kick <-chan struct{}) {
	for {
		select {
		case <-kick:
		case <-time.After(webhookRetryEvery):
		case <-ctx.Done():
			return
		}
		deliver(ctx, e, s)
	}
}

// printWebhookStatus adds each webhook's lag and last error to status.
func printWebhookStatus(ctx context.Context, e *env, d *data) error {
	urls, _ := webhook.ParseURLs(e.get(varWebhookURL))
	stats, err := webhook.ReadStatus(ctx, filepath.Join(d.dir, "webhooks"), urls, d.store)
	if err != nil {
		return err
	}
	for _, s := range stats {
		lag := fmt.Sprint(s.Lag)
		if s.LagCapped {
			lag = "≥ " + lag
		}
		last := "never"
		if !s.LastDelivery.IsZero() {
			last = s.LastDelivery.Local().Format("2006-01-02 15:04")
		}
		note := ""
		if !s.Configured {
			note = " (no longer in DXNEWS_WEBHOOK_URL)"
		}
		fmt.Fprintf(e.stdout, "webhook      %s%s: %s events behind, %d delivered, last delivery %s\n", s.URL, note, lag, s.Delivered, last)
		if s.LastError != "" {
			fmt.Fprintf(e.stdout, "  failing since %s: %s\n", s.LastErrorAt.Local().Format("2006-01-02 15:04"), s.LastError)
		}
	}
	return nil
}
