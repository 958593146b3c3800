package ttstest

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestTimesAlwaysAndAnswers(t *testing.T) {
	var faults int
	fault := func(w http.ResponseWriter) { faults++; w.WriteHeader(http.StatusTeapot) }
	twice, always := Times(2, fault), Always(fault)
	for n, want := range []bool{true, true, false} {
		if got := twice(httptest.NewRecorder(), n+1); got != want {
			t.Errorf("Times(2), request %d: %v, want %v", n+1, got, want)
		}
		if !always(httptest.NewRecorder(), n+1) {
			t.Errorf("Always, request %d let the service answer", n+1)
		}
	}
	if faults != 5 {
		t.Errorf("%d faults written, want 5", faults)
	}
	for _, c := range []struct {
		name                          string
		write                         func(http.ResponseWriter)
		code                          int
		contentType, retryAfter, body string
	}{
		{"Status", Status(http.StatusTooManyRequests, "3", "busy"), http.StatusTooManyRequests, "", "3", "busy"},
		{"Status without Retry-After", Status(http.StatusBadRequest, "", `{"e":1}`), http.StatusBadRequest, "", "", `{"e":1}`},
		{"Content", Content("application/json", `{"error":1}`), http.StatusOK, "application/json", "", `{"error":1}`},
		{"WriteMP3", func(w http.ResponseWriter) { WriteMP3(w, []byte("ID3x")) }, http.StatusOK, "audio/mpeg", "", "ID3x"},
	} {
		w := httptest.NewRecorder()
		c.write(w)
		r := w.Result()
		if r.StatusCode != c.code || r.Header.Get("Content-Type") != c.contentType || r.Header.Get("Retry-After") != c.retryAfter || w.Body.String() != c.body {
			t.Errorf("%s: %d %q %q %q", c.name, r.StatusCode, r.Header.Get("Content-Type"), r.Header.Get("Retry-After"), w.Body.String())
		}
	}
}
