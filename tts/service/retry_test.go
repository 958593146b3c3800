package service

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"dxnews/tts"
)

func recordSleeps(waits *[]time.Duration) func(context.Context, time.Duration) error {
	return func(ctx context.Context, d time.Duration) error {
		*waits = append(*waits, d)
		return ctx.Err()
	}
}

func TestRetry(t *testing.T) {
	errBusy := &tts.RetryableError{Err: errors.New("HTTP 503")}
	errSlowDown := &tts.RetryableError{Err: errors.New("HTTP 429"), RetryAfter: 7 * time.Second}
	errBad := errors.New("HTTP 400")
	cases := []struct {
		name      string
		results   []error
		wantCalls int
		wantErr   string
		checkWait func([]time.Duration) bool
	}{
		{"success after 5xx", []error{errBusy, errBusy, nil}, 3, "",
			func(w []time.Duration) bool {
				return len(w) == 2 && w[0] >= 80*time.Millisecond && w[0] <= 120*time.Millisecond && w[1] >= 160*time.Millisecond && w[1] <= 240*time.Millisecond
			}},
		{"retry-after honoured", []error{errSlowDown, nil}, 2, "",
			func(w []time.Duration) bool { return len(w) == 1 && w[0] == 7*time.Second }},
		{"not retryable", []error{errBad, nil}, 1, "HTTP 400",
			func(w []time.Duration) bool { return len(w) == 0 }},
		{"attempts exhausted", []error{errBusy, errBusy, errBusy, errBusy, nil}, 3, "gave up after 3 attempts: HTTP 503", nil},
		{"retry-after too long", []error{&tts.RetryableError{Err: errors.New("HTTP 429"), RetryAfter: time.Hour}, nil}, 1, "more than 1m0s", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var waits []time.Duration
			calls := 0
			err := Retry(context.Background(), Backoff{Attempts: 3, Base: 100 * time.Millisecond, MaxRetryAfter: time.Minute, Sleep: recordSleeps(&waits)},
				func(context.Context) error { calls++; return c.results[calls-1] })
			if calls != c.wantCalls {
				t.Errorf("%d calls, want %d", calls, c.wantCalls)
			}
			if (err == nil) != (c.wantErr == "") || (err != nil && !strings.Contains(err.Error(), c.wantErr)) {
				t.Errorf("err = %v, want %q", err, c.wantErr)
			}
			if c.checkWait != nil && !c.checkWait(waits) {
				t.Errorf("waits %v", waits)
			}
		})
	}
}

func TestRetryStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := Retry(ctx, Backoff{Attempts: 10, Base: time.Second}, func(context.Context) error {
		return &tts.RetryableError{Err: errors.New("HTTP 502")}
	})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 500*time.Millisecond {
		t.Errorf("err = %v after %v", err, time.Since(start))
	}
}
