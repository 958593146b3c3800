package service

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
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

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"":                              0,
		"12":                            12 * time.Second,
		"-3":                            0,
		"soon":                          0,
		"Fri, 02 Jan 2026 03:04:35 GMT": 30 * time.Second,
		"Fri, 02 Jan 2026 03:00:00 GMT": 0,
	} {
		if got := ParseRetryAfter(in, now); got != want {
			t.Errorf("ParseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestCheckStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/429":
			w.Header().Set("Retry-After", "3")
			http.Error(w, "quota", http.StatusTooManyRequests)
		case "/503":
			http.Error(w, "down", http.StatusServiceUnavailable)
		case "/401":
			http.Error(w, "bad key", http.StatusUnauthorized)
		}
	}))
	defer srv.Close()
	for path, want := range map[string]struct {
		retry bool
		after time.Duration
		text  string
	}{
		"/ok":  {},
		"/429": {true, 3 * time.Second, "HTTP 429"},
		"/503": {true, 0, "down"},
		"/401": {false, 0, "bad key"},
	} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		err = CheckStatus(resp)
		resp.Body.Close()
		var re *tts.RetryableError
		if errors.As(err, &re) != want.retry || (want.retry && re.RetryAfter != want.after) {
			t.Errorf("%s: err = %#v", path, err)
		}
		if (want.text == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), want.text)) {
			t.Errorf("%s: err = %v, want %q", path, err, want.text)
		}
	}
}

func TestLimiter(t *testing.T) {
	l := NewLimiter(1)
	if err := l.Acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := l.Acquire(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("second Acquire on a full limiter: %v", err)
	}
	l.Release()
	if err := l.Acquire(context.Background()); err != nil {
		t.Errorf("Acquire after Release: %v", err)
	}
}
