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

func TestNewServiceDefaults(t *testing.T) {
	defaults := map[string]string{"north-female": "a", "south-male": "b"}
	s := New("demo", nil, defaults, Options{}, Options{Timeout: 7 * time.Second, Concurrency: 3})
	if s.Client().Timeout != 7*time.Second || cap(s.lim.ch) != 3 || s.Name() != "demo" {
		t.Errorf("timeout %v, concurrency %d, name %s", s.Client().Timeout, cap(s.lim.ch), s.Name())
	}
	defaults["north-female"] = "changed"
	if v, _ := s.Voice("north-female"); v != "a" {
		t.Errorf("the voice map was not copied: %q", v)
	}
	client := &http.Client{}
	s = New("demo", map[string]string{"south-male": "x"}, defaults, Options{Timeout: time.Second, Concurrency: 5, Client: client},
		Options{Timeout: 7 * time.Second, Concurrency: 3})
	if s.Client() != client || cap(s.lim.ch) != 5 || strings.Join(s.Voices(), ",") != "south-male" {
		t.Errorf("options not kept: %v %d %v", s.Client(), cap(s.lim.ch), s.Voices())
	}
	if got := s.Settings("speed=1"); got != "speed=1;south-male=x" {
		t.Errorf("Settings = %q", got)
	}
	if _, err := s.Voice("north-female"); err == nil || err.Error() != `demo: no voice "north-female" (has south-male)` {
		t.Errorf("Voice: %v", err)
	}
	if _, err := s.Prepare(tts.Request{Text: "ấấấ", Voice: "south-male"}, 2); err == nil || err.Error() != "demo: voice south-male: text of 3 characters exceeds 2" {
		t.Errorf("Prepare over the limit: %v", err)
	}
	if v, err := s.Prepare(tts.Request{Text: "ấấ", Voice: "south-male"}, 2); err != nil || v != "x" {
		t.Errorf("Prepare at the limit: %q, %v", v, err)
	}
	if _, err := s.Prepare(tts.Request{Text: "ấấấ", Voice: "north-female"}, 2); err == nil || !strings.Contains(err.Error(), "no voice") {
		t.Errorf("Prepare of a missing voice: %v", err)
	}
}

func TestServiceAcquire(t *testing.T) {
	s := New("demo", nil, nil, Options{Concurrency: 1}, Options{})
	release, err := s.Acquire(context.Background(), "north-male")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := s.Acquire(ctx, "north-male"); !errors.Is(err, context.DeadlineExceeded) || !strings.HasPrefix(err.Error(), "demo: voice north-male: ") {
		t.Errorf("second Acquire: %v", err)
	}
	release()
	release, err = s.Acquire(context.Background(), "north-male")
	if err != nil {
		t.Fatal(err)
	}
	release()
}

func TestServiceDo(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/echo":
			if r.Header.Get("api_key") != "k" || r.Method != http.MethodPost {
				http.Error(w, "bad request", http.StatusBadRequest)
				return
			}
			w.Header().Set("X-Seen", "yes")
			body := make([]byte, 64)
			n, _ := r.Body.Read(body)
			w.Write(body[:n])
		case "/busy":
			w.Header().Set("Retry-After", "3")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		case "/gone":
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	s := New("demo", nil, nil, Options{}, Options{Timeout: 5 * time.Second, Concurrency: 1})
	ctx := context.Background()

	data, header, err := s.Do(ctx, Call{Method: http.MethodPost, URL: srv.URL + "/echo", Header: http.Header{"api_key": {"k"}}, Body: []byte("xin chào"), Limit: 100})
	if err != nil || string(data) != "xin chào" || header.Get("X-Seen") != "yes" {
		t.Errorf("echo: %q %v %v", data, header, err)
	}
	var answer struct{ Async string }
	if body, err := s.DoJSON(ctx, Call{Method: http.MethodPost, URL: srv.URL + "/echo", Header: http.Header{"api_key": {"k"}}, Body: []byte(`{"async":"x"}`), Limit: 100}, &answer); err != nil || answer.Async != "x" || string(body) != `{"async":"x"}` {
		t.Errorf("DoJSON: %q %+v %v", body, answer, err)
	}
	if _, err := s.DoJSON(ctx, Call{Method: http.MethodPost, URL: srv.URL + "/echo", Header: http.Header{"api_key": {"k"}}, Body: []byte("xin chào"), Limit: 100}, &answer); err == nil || !strings.Contains(err.Error(), `reading answer "xin chào"`) {
		t.Errorf("DoJSON of text: %v", err)
	}
	if _, _, err := s.Do(ctx, Call{Method: http.MethodPost, URL: srv.URL + "/echo", Header: http.Header{"api_key": {"k"}}, Body: []byte("xin chào"), Limit: 4}); err == nil || !strings.Contains(err.Error(), "larger than 4 bytes") {
		t.Errorf("limit: %v", err)
	}
	var re *tts.RetryableError
	if _, _, err := s.Do(ctx, Call{Method: http.MethodGet, URL: srv.URL + "/busy", Limit: 100}); !errors.As(err, &re) || re.RetryAfter != 3*time.Second {
		t.Errorf("busy: %v", err)
	}
	if _, _, err := s.Do(ctx, Call{Method: http.MethodGet, URL: srv.URL + "/gone", Limit: 100}); err == nil || errors.As(err, &re) || !strings.Contains(err.Error(), "HTTP 404") {
		t.Errorf("gone: %v", err)
	}
	errGone := errors.New("gone for now")
	check := func(resp *http.Response) error {
		if resp.StatusCode == http.StatusNotFound {
			return errGone
		}
		return CheckStatus(resp)
	}
	if _, _, err := s.Do(ctx, Call{Method: http.MethodGet, URL: srv.URL + "/gone", Limit: 100, Check: check}); !errors.Is(err, errGone) {
		t.Errorf("own check: %v", err)
	}
}

func TestServiceSleepAndRetry(t *testing.T) {
	var waits []time.Duration
	s := New("demo", nil, nil, Options{Backoff: Backoff{Sleep: func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return nil
	}}}, Options{})
	tries := 0
	err := s.Retry(context.Background(), func(context.Context) error {
		tries++
		if tries < 3 {
			return &tts.RetryableError{Err: errors.New("busy"), RetryAfter: time.Second}
		}
		return nil
	})
	s.Sleep(context.Background(), 5*time.Second)
	if err != nil || tries != 3 || len(waits) != 3 || waits[0] != time.Second || waits[2] != 5*time.Second {
		t.Errorf("err %v, %d tries, waits %v", err, tries, waits)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New("demo", nil, nil, Options{}, Options{}).Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("default Sleep: %v", err)
	}
}

func TestAnswerHelpers(t *testing.T) {
	h := http.Header{"Content-Type": {"text/html"}}
	if err := CheckMP3([]byte("ID3\x04rest"), h); err != nil {
		t.Error(err)
	}
	if err := CheckMP3([]byte{0xff, 0xfb, 0x90, 0x00}, h); err != nil {
		t.Error(err)
	}
	if err := CheckMP3([]byte("<html>login</html>"), h); err == nil || err.Error() != `answer is not MP3 audio (text/html): "<html>login</html>"` {
		t.Errorf("html: %v", err)
	}
	if err := CheckMP3([]byte("ID3"), h); err == nil {
		t.Error("three bytes taken for MP3")
	}
	if got := Snippet([]byte(strings.Repeat("a", 300))); len(got) != 200 {
		t.Errorf("snippet of %d bytes", len(got))
	}
	var v struct{ A int }
	if err := DecodeJSON([]byte(`{"A":2}`), &v); err != nil || v.A != 2 {
		t.Errorf("%v %v", v, err)
	}
	if err := DecodeJSON([]byte(`<html>`), &v); err == nil || !strings.HasPrefix(err.Error(), `reading answer "<html>": `) {
		t.Errorf("html: %v", err)
	}
}

func TestAttempt(t *testing.T) {
	var waits []time.Duration
	s := New("demo", nil, nil, Options{Backoff: Backoff{Attempts: 3, Sleep: func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return nil
	}}}, Options{})
	tries := 0
	got, err := Attempt(context.Background(), s, "north-male", "nm", func(context.Context) (string, error) {
		tries++
		if tries == 1 {
			return "", &tts.RetryableError{Err: errors.New("busy"), RetryAfter: time.Second}
		}
		return "audio", nil
	})
	if err != nil || got != "audio" || tries != 2 || len(waits) != 1 {
		t.Errorf("%q, %v after %d tries, waits %v", got, err, tries, waits)
	}
	errBad := errors.New("bad key")
	got, err = Attempt(context.Background(), s, "north-male", "speaker 4", func(context.Context) (string, error) { return "partial", errBad })
	if got != "" || !errors.Is(err, errBad) || err.Error() != "demo: voice north-male (speaker 4): bad key" {
		t.Errorf("%q, %v", got, err)
	}
	_, err = Attempt(context.Background(), s, "north-male", "nm", func(context.Context) (int, error) {
		return 0, &tts.RetryableError{Err: errors.New("busy")}
	})
	if err == nil || !strings.HasPrefix(err.Error(), "demo: voice north-male (nm): gave up after 3 attempts: busy") {
		t.Errorf("%v", err)
	}
}
