package service

import (
	"context"
	"errors"
	"fmt"
	"io"
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
