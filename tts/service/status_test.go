package service

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"dxnews/tts"
)

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
