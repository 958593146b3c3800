package fpt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dxnews/tts"
	"dxnews/tts/service"
	"dxnews/tts/ttstest"
)

// fakeFPT imitates FPT.AI v5: it checks each request and serves the MP3 on
// the async link only after notReady polls.
type fakeFPT struct {
	*ttstest.Service
	notReady int
	polls    map[string]int
	// broken, when set, may answer the nth download of a ready file itself,
	// returning true.
	broken func(w http.ResponseWriter, n int) bool
}

func newFakeFPT(t *testing.T) *fakeFPT {
	audio := ttstest.Audio(t, "sine.mp3")
	f := &fakeFPT{polls: map[string]int{}}
	f.Service = ttstest.NewService(t, ttstest.Contract{
		Path:   "/hmi/tts/v5",
		Header: map[string]string{"api_key": "test-key", "speed": "0", "format": "mp3", "Content-Type": "text/plain; charset=utf-8"},
		Read: func(t *testing.T, r *http.Request) (string, string) {
			body, _ := io.ReadAll(r.Body)
			if !utf8.Valid(body) || len(body) == 0 {
				t.Errorf("body is not UTF-8 text: %q", body)
			}
			return string(body), r.Header.Get("voice")
		},
		Reply: func(s *ttstest.Service, w http.ResponseWriter, n int) {
			json.NewEncoder(w).Encode(map[string]any{
				"async":      fmt.Sprintf("%s/files/%d.mp3", s.URL, n),
				"error":      0,
				"message":    "The content will be returned after a few seconds under the async link.",
				"request_id": fmt.Sprintf("req-%d", n),
			})
		},
	})
	f.Handle("/files/", func(w http.ResponseWriter, r *http.Request) {
		f.polls[r.URL.Path]++
		if r.Method != http.MethodGet || f.polls[r.URL.Path] <= f.notReady {
			http.NotFound(w, r)
			return
		}
		if f.broken != nil && f.broken(w, f.polls[r.URL.Path]-f.notReady) {
			return
		}
		ttstest.WriteMP3(w, audio)
	})
	return f
}

func newTestSynth(t *testing.T, f *fakeFPT, edit func(*Config)) (*Synth, *ttstest.Waits) {
	waits := new(ttstest.Waits)
	cfg := Config{APIKey: "test-key", URL: f.URL + "/hmi/tts/v5", Options: service.Options{Backoff: service.Backoff{Sleep: waits.Sleep}}}
	if edit != nil {
		edit(&cfg)
	}
	return ttstest.Build(t, New, cfg), waits
}

// longArticle is over 5,000 characters, so that it needs several chunks.
var longArticle = ttstest.Article(40)

func TestSpeakAllVoicesThroughFPT(t *testing.T) {
	f := newFakeFPT(t)
	f.notReady = 2
	s, waits := newTestSynth(t, f, nil)
	ttstest.SpeakAllVoices(t, ttstest.SpeakTest{
		Backend: s, Service: f.Service, Text: longArticle,
		Voices:    map[string]string{"north-female": "banmai", "north-male": "leminh", "south-female": "lannhi", "south-male": "minhquang"},
		MaxChunk:  MaxChunk,
		MinChunks: 3, MinTimings: 3, MinDurationMS: 1000,
	})
	// Each async link was polled until it was ready (2 misses, then the file).
	f.Locked(func() {
		for path, n := range f.polls {
			if n != 3 {
				t.Errorf("%s polled %d times, want 3", path, n)
			}
		}
	})
	if len(waits.All()) == 0 {
		t.Error("the backend never waited before polling")
	}
}

func TestPollDeadline(t *testing.T) {
	f := newFakeFPT(t)
	f.notReady = 1 << 30
	s, _ := newTestSynth(t, f, func(c *Config) {
		c.Backoff.Sleep = nil
		c.PollInterval = 5 * time.Millisecond
		c.PollDeadline = 60 * time.Millisecond
	})
	start := time.Now()
	_, err := s.Synthesize(context.Background(), tts.Request{Text: "Xin chào các bạn.", Voice: "south-female"})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "not ready") ||
		!strings.Contains(err.Error(), "south-female") || !strings.Contains(err.Error(), "req-1") {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("deadline of 60ms took %v", time.Since(start))
	}
}

func TestSynthesisErrors(t *testing.T) {
	ttstest.RunErrorCases(t, ttstest.ErrorTest{
		New: func(t *testing.T, opts service.Options) (*ttstest.Service, tts.Synthesizer) {
			f := newFakeFPT(t)
			s, _ := newTestSynth(t, f, func(c *Config) { c.Options = opts })
			return f.Service, s
		},
		Request: tts.Request{Text: "Chuyển đổi số toàn diện.", Voice: "north-male"},
		Prefix:  "fpt: voice north-male (leminh)",
		Cases: []ttstest.ErrorCase{
			// The Retry-After wait, then the first wait before polling.
			{Name: "429 then ok, Retry-After honoured", Answer: ttstest.Times(1, ttstest.Status(http.StatusTooManyRequests, "4", `{"error":"rate limit"}`)),
				Posts: 2, Waits: []time.Duration{4 * time.Second, time.Second}},
			{Name: "500 three times then ok", Answer: ttstest.Times(3, ttstest.Status(http.StatusInternalServerError, "", "oops")),
				Posts: 4},
			{Name: "500 forever", Answer: ttstest.Always(ttstest.Status(http.StatusBadGateway, "", "oops")),
				Posts: 4, Err: "gave up after 4 attempts"},
			{Name: "bad key is not retried", Answer: ttstest.Always(ttstest.Status(http.StatusUnauthorized, "", `{"message":"Invalid API key"}`)),
				Posts: 1, Err: "Invalid API key"},
			{Name: "error field", Answer: ttstest.Always(ttstest.Content("application/json", `{"async":"","error":1,"message":"Text is too short","request_id":"x"}`)),
				Posts: 1, Err: "error 1: Text is too short"},
			{Name: "no async link", Answer: ttstest.Always(ttstest.Content("application/json", `{"error":0}`)),
				Posts: 1, Err: "no async link"},
		},
	})
}

func TestVoiceTheBackendLacks(t *testing.T) {
	f := newFakeFPT(t)
	s, _ := newTestSynth(t, f, func(c *Config) {
		c.Voices, _ = tts.ParseVoiceMap("south-male=", DefaultVoices)
	})
	_, err := (&tts.Speaker{Backend: s}).Speak(context.Background(), "Xin chào.", "south-male")
	if err == nil || !strings.Contains(err.Error(), `fpt has no voice "south-male"`) {
		t.Errorf("err = %v", err)
	}
	ttstest.CheckRefusedLocally(t, f.Service, s, "south-male", MaxChunk)
}

func TestConfigFromEnv(t *testing.T) {
	ttstest.RunEnvCases(t, ConfigFromEnv, []ttstest.EnvCase[Config]{
		{Env: map[string]string{}, Err: "fpt: DXNEWS_FPT_API_KEY is not set"},
		{Env: map[string]string{"DXNEWS_FPT_API_KEY": "k"}, Check: func(c Config) bool {
			return c.APIKey == "k" && c.URL == "" && c.Voices["south-female"] == "lannhi" && c.Speed == 0
		}},
		{Env: map[string]string{"DXNEWS_FPT_API_KEY": "k", "DXNEWS_FPT_URL": "http://x/tts", "DXNEWS_FPT_SPEED": "-1",
			"DXNEWS_FPT_VOICES": "north-female=thuminh,south-male="}, Check: func(c Config) bool {
			_, hasSM := c.Voices["south-male"]
			return c.URL == "http://x/tts" && c.Speed == -1 && c.Voices["north-female"] == "thuminh" && !hasSM
		}},
		{Env: map[string]string{"DXNEWS_FPT_API_KEY": "k", "DXNEWS_FPT_SPEED": "9"}, Err: "DXNEWS_FPT_SPEED"},
		{Env: map[string]string{"DXNEWS_FPT_API_KEY": "k", "DXNEWS_FPT_VOICES": "robot=x"}, Err: "DXNEWS_FPT_VOICES"},
	})
}

func TestSettingsInCacheKey(t *testing.T) {
	ttstest.CheckSettingsInKey(t, New, ttstest.SettingsTest[Config]{
		Base: Config{APIKey: "k"},
		Changes: map[string]func(*Config){
			"Voices": func(c *Config) { c.Voices = map[string]string{"north-female": "leminh"} },
			"Speed":  func(c *Config) { c.Speed = 2 },
		},
		Inert: map[string]string{
			"APIKey":       "credentials",
			"URL":          "the same service at another address",
			"PollInterval": "when to fetch, not what",
			"PollDeadline": "when to give up, not what",
		},
	})
}

// TestBrokenDownloads breaks the download of the async link: a download
// cut short is fetched again (a GET is safe to repeat), and one that
// trickles is given up on at PollDeadline, never returned in part.
func TestBrokenDownloads(t *testing.T) {
	whole := ttstest.Audio(t, "sine.mp3")
	cases := []struct {
		name   string
		broken func(w http.ResponseWriter, n int) bool
		err    string
	}{
		{"reset, then whole", ttstest.Times(1, ttstest.Reset), ""},
		{"cut mid-body, then whole", ttstest.Times(1, ttstest.CutBody(whole)), ""},
		{"Content-Length longer than the body, then whole", ttstest.Times(1, ttstest.ShortBody(whole)), ""},
		{"trickles every time", ttstest.Always(ttstest.Trickle(whole)), "not ready"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeFPT(t)
			f.broken = c.broken
			s, _ := newTestSynth(t, f, func(cfg *Config) {
				cfg.Backoff.Sleep = nil
				cfg.Timeout = 100 * time.Millisecond
				cfg.PollInterval = 5 * time.Millisecond
				cfg.PollDeadline = 400 * time.Millisecond
			})
			a, err := s.Synthesize(context.Background(), tts.Request{Text: "Xin chào các bạn.", Voice: "north-male"})
			ttstest.CheckAudio(t, a, err, c.err, whole)
			if c.err != "" && !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err = %v, want the poll deadline", err)
			}
		})
	}
}
