package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"dxnews/tts/ttstest"
)

// TestSpeechPausesOnRateLimitsAndQuota checks that a 429 storm or an
// exhausted quota pauses the backend with its reason after a bounded number
// of requests, that crawling and indexing go on meanwhile, that status shows
// the pause and the speech owed, and that the speech is done once the pause
// is over and the service answers again.
func TestSpeechPausesOnRateLimitsAndQuota(t *testing.T) {
	long(t)
	// An OpenAI-compatible speech server whose answer the test switches
	// between a 429 storm, an exhausted quota and success.
	svc := ttstest.NewService(t, ttstest.Contract{
		Path:   "/v1/audio/speech",
		Header: map[string]string{"Content-Type": "application/json"},
		Read: func(t *testing.T, r *http.Request) (string, string) {
			var req struct{ Input, Voice string }
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Input == "" {
				t.Errorf("speech request %+v: %v", req, err)
			}
			return req.Input, req.Voice
		},
		Reply: ttstest.ReplyMP3(ttstest.Audio(t, "sine.mp3")),
	})
	tooMany := ttstest.Status(http.StatusTooManyRequests, "1", `{"error":{"message":"Too many requests"}}`)
	quota := ttstest.Status(http.StatusForbidden, "", `{"error":{"message":"You exceeded your current quota"}}`)
	// answer makes the service answer every request with fault (nil: the
	// MP3) and returns how many requests it has had.
	answer := func(fault ttstest.Fault) int {
		svc.Locked(func() {
			svc.Answer = func(w http.ResponseWriter, _ int, _ string) bool {
				if fault != nil {
					fault(w)
				}
				return fault != nil
			}
		})
		return svc.Posts()
	}
	site, cfg := siteWith(t, 4)
	dir := t.TempDir()
	env := map[string]string{"DXNEWS_VOICES": "north-female,south-male", "DXNEWS_OPENAI_TTS_URL": svc.URL}
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
	answer(quota)
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
	if n := answer(quota); n > inFlight {
		t.Fatalf("%d requests to a service out of quota, want at most one per chunk in flight (%d)", n, inFlight)
	}
	st := status()
	if m := missing(st, "speech       speech with openai paused until", "exceeded your current quota", "owed         speech in north-female: 4 articles", "owed         speech in south-male: 4 articles"); len(m) > 0 {
		t.Fatalf("status lacks %q:\n%s", m, st)
	}

	// While paused, a crawl of a new article indexes it and asks nothing.
	site.put(4, 0)
	before := answer(nil)
	if last := crawl(); len(missing(last, "kept 1", "paused until")) > 0 {
		t.Fatalf("crawl while paused: %s", last)
	}
	if n := answer(nil); n != before {
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
	before = answer(tooMany)
	if last := crawl(); len(missing(last, "kept 2", "HTTP 429", "paused until")) > 0 {
		t.Fatalf("crawl in a 429 storm: %s", last)
	}
	if n := answer(nil) - before; n > inFlight*4 {
		t.Fatalf("%d requests in a 429 storm, want at most 4 attempts per chunk in flight (%d)", n, inFlight*4)
	}
	if st := status(); !strings.Contains(st, "owed         speech in north-female: 2 articles") {
		t.Fatalf("status after a 429 storm:\n%s", st)
	}
}
