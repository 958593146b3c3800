package ttstest

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Waits stands in for service.Backoff.Sleep: it records each wait asked for and
// returns at once (with ctx's error, if any).
type Waits struct {
	mu sync.Mutex
	d  []time.Duration
}

// Sleep records d.
func (w *Waits) Sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.d = append(w.d, d)
	return ctx.Err()
}

// All returns the waits recorded so far.
func (w *Waits) All() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.d)
}
