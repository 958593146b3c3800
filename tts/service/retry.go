package service

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"dxnews/tts"
)

// Backoff says how often and how patiently a backend retries a
// [tts.RetryableError]. Zero fields take the defaults in brackets.
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
// [tts.RetryableError], or runs out of attempts. Between tries it waits the
// server's Retry-After when given, else an exponential backoff.
func Retry(ctx context.Context, b Backoff, fn func(ctx context.Context) error) error {
	b = b.withDefaults()
	wait := b.Base
	for attempt := 1; ; attempt++ {
		err := fn(ctx)
		if err == nil {
			return nil
		}
		var re *tts.RetryableError
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
