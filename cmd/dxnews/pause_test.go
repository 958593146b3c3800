package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"dxnews/tts/ttstest"
)

// ttsService is an OpenAI-compatible speech server whose answer the test
// switches between a 429 storm, an exhausted quota and success.
type ttsService struct {
	mu       sync.Mutex
	mode     string // "429", "quota" or "ok"
	requests int
	mp3      []byte
}

func (s *ttsService) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	switch s.mode {
	case "429":
		w.Header().Set("Retry-After", "1")
		http.Error(w, `{"error":{"message":"Too many requests"}}`, http.StatusTooManyRequests)
	case "quota":
		http.Error(w, `{"error":{"message":"You exceeded your current quota"}}`, http.StatusForbidden)
	default:
		w.Header().Set("Content-Type", "audio/mpeg")
		w.Write(s.mp3)
	}
}

func (s *ttsService) set(mode string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mode = mode
	return s.requests
}

// TestSpeechPausesOnRateLimitsAndQuota checks that a 429 storm or an
// exhausted quota pauses the backend with its reason after a bounded number
// of requests, that crawling and indexing go on meanwhile, that status shows
// the pause and the speech owed, and that the speech is done once the pause
// is over and the service answers again.
func TestSpeechPausesOnRateLimitsAndQuota(t *testing.T) {
	long(t)
	mp3 := ttstest.Audio(t, "sine.mp3")
	svc := &ttsService{mp3: mp3}
	srv := httptest.NewServer(svc)
	defer srv.Close()
	site, cfg := siteWith(t, 4)
	dir := t.TempDir()
	env := map[string]string{"DXNEWS_VOICES": "north-female,south-male", "DXNEWS_OPENAI_TTS_URL": srv.URL}
	// crawl returns the summary line of a crawl that must succeed.
	crawl := func() string {
		t.Helper()
		_, stderr := mustRun(t, env, "crawl", "-speak", "-backend", "openai", "-config", cfg, "-data", dir)
		return lastLine(stderr)
	}
	status := func() string {
		t.Helper()
		_, stdout, _ := run(t, env, "status", "-data", dir)
		return stdout
	}

	// A quota error: one request per worker at most, then a pause.
	svc.set("quota")
	last := crawl()
	if len(missing(last, "kept 4", "indexed 4")) > 0 {
		t.Fatalf("crawl during a quota error: %s", last)
	}
	if len(missing(last, "speech with openai paused until", "HTTP 403")) > 0 {
		t.Fatalf("the summary does not show the pause: %s", last)
	}
	// Two speech workers, each with at most two chunks of a reading in
	// flight (tts.Speaker's default concurrency).
	const inFlight = 2 * 2
	if n := svc.set("quota"); n > inFlight {
		t.Fatalf("%d requests to a service out of quota, want at most one per chunk in flight (%d)", n, inFlight)
	}
	st := status()
	if m := missing(st, "speech       speech with openai paused until", "exceeded your current quota", "owed         speech in north-female: 4 articles", "owed         speech in south-male: 4 articles"); len(m) > 0 {
		t.Fatalf("status lacks %q:\n%s", m, st)
	}

	// While paused, a crawl of a new article indexes it and asks nothing.
	site.put(4, 0)
	before := svc.set("ok")
	if last := crawl(); len(missing(last, "kept 1", "paused until")) > 0 {
		t.Fatalf("crawl while paused: %s", last)
	}
	if n := svc.set("ok"); n != before {
		t.Fatalf("%d requests while paused", n-before)
	}

	// The pause is over (as if the hour had passed): the owed speech is
	// done and the pause forgotten.
	ps, ok := readPause(dir)
	if !ok || ps.Count != 1 {
		t.Fatalf("pause on disk: %+v, %v", ps, ok)
	}
	ps.Until = time.Now().Add(-time.Second)
	if err := writePause(dir, ps); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(status(), "was paused until") {
		t.Fatal("status does not say the pause is over")
	}
	if last := crawl(); !strings.Contains(last, "audio files 10") || strings.Contains(last, "paused") {
		t.Fatalf("crawl after the pause: %s", last)
	}
	if st := status(); !strings.Contains(st, "owed         nothing") || strings.Contains(st, "paused") {
		t.Fatalf("status after the pause:\n%s", st)
	}

	// A 429 storm: the retries honour Retry-After, then the backend pauses
	// for as long as the server asked, without trying every article.
	site.put(5, 0)
	site.put(6, 0)
	before = svc.set("429")
	if last := crawl(); len(missing(last, "kept 2", "HTTP 429", "paused until")) > 0 {
		t.Fatalf("crawl in a 429 storm: %s", last)
	}
	if n := svc.set("ok") - before; n > inFlight*4 {
		t.Fatalf("%d requests in a 429 storm, want at most 4 attempts per chunk in flight (%d)", n, inFlight*4)
	}
	if st := status(); !strings.Contains(st, "owed         speech in north-female: 2 articles") {
		t.Fatalf("status after a 429 storm:\n%s", st)
	}
}
