package service

import "context"

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
