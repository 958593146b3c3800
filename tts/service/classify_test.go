package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"dxnews/tts"
)

func TestClassify(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	busy := &tts.RetryableError{Err: errors.New("HTTP 503")}
	post := func(err error) error { return &url.Error{Op: "Post", URL: "http://tts.test/", Err: err} }
	cases := []struct {
		name      string
		ctx       context.Context
		err       error
		retryable bool
		text      string
	}{
		{"already judged", context.Background(), busy, true, "HTTP 503"},
		{"over the limit", context.Background(), fmt.Errorf("%w: larger than 4 bytes", ErrTooLarge), false, "answer too large"},
		{"caller cancelled", cancelled, post(context.Canceled), false, "context canceled"},
		{"timed out", context.Background(), post(context.DeadlineExceeded), false, "no complete answer within 30s"},
		{"reset", context.Background(), post(syscall.ECONNRESET), true, "connection cut"},
		{"refused", context.Background(), post(syscall.ECONNREFUSED), true, "connection cut"},
		{"body cut short", context.Background(), fmt.Errorf("reading answer: %w", io.ErrUnexpectedEOF), true, "connection cut: reading answer"},
		{"closed before the answer", context.Background(), post(io.EOF), true, "connection cut"},
		{"bad URL", context.Background(), post(errors.New("unsupported protocol scheme")), false, "unsupported protocol"},
	}
	for _, c := range cases {
		err := Classify(c.ctx, c.err, 30*time.Second)
		var re *tts.RetryableError
		if errors.As(err, &re) != c.retryable || !strings.Contains(err.Error(), c.text) {
			t.Errorf("%s: %v (retryable %v), want %q retryable %v", c.name, err, errors.As(err, &re), c.text, c.retryable)
		}
		if !errors.Is(err, c.err) && err != c.err {
			t.Errorf("%s: %v does not wrap %v", c.name, err, c.err)
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
