package zalo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"dxnews/tts"
	"dxnews/tts/service"
	"dxnews/tts/ttstest"
)

// zaloFake imitates Zalo AI: it checks the form post and answers with a
// streaming URL served by the same server, counting the downloads.
type zaloFake struct {
	*ttstest.Service
	gets int
	// broken, when set, may answer the nth download itself, returning true.
	broken func(w http.ResponseWriter, n int) bool
}

func newFakeZalo(t *testing.T) *zaloFake {
	audio := ttstest.Audio(t, "sine.mp3")
	f := &zaloFake{}
	f.Service = ttstest.NewService(t, ttstest.Contract{
		Path:   "/v1/tts/synthesize",
		Header: map[string]string{"apikey": "test-key", "Content-Type": "application/x-www-form-urlencoded"},
		Read: func(t *testing.T, r *http.Request) (string, string) {
			if err := r.ParseForm(); err != nil {
				t.Error(err)
			}
			for field, want := range map[string]string{"encode_type": "1", "speed": "1", "quality": "0"} {
				if got := r.PostForm.Get(field); got != want {
					t.Errorf("form %s = %q, want %q", field, got, want)
				}
			}
			return r.PostForm.Get("input"), r.PostForm.Get("speaker_id")
		},
		MaxChars: 2000,
		TooLong: func(w http.ResponseWriter) {
			json.NewEncoder(w).Encode(map[string]any{"error_code": 155, "error_message": "Your input exceeds the allowed limit of 2000 characters", "data": []any{}})
		},
		Reply: func(s *ttstest.Service, w http.ResponseWriter, n int) {
			fmt.Fprintf(w, `{"error_code":0,"error_message":"Successful.","data":{"url":"%s/chunk/%d"}}`, s.URL, n)
		},
	})
	f.Handle("/chunk/", func(w http.ResponseWriter, r *http.Request) {
		f.gets++
		if f.broken != nil && f.broken(w, f.gets) {
			return
		}
		ttstest.WriteMP3(w, audio)
	})
	return f
}

func newTestSynth(t *testing.T, f *zaloFake, opts service.Options) *Synth {
	return ttstest.Build(t, New, Config{APIKey: "test-key", URL: f.URL + "/v1/tts/synthesize", Options: opts})
}

// longArticle is over 2,000 characters, so that it needs several chunks.
var longArticle = ttstest.Article(20)

func TestSpeakAllVoicesThroughZalo(t *testing.T) {
	f := newFakeZalo(t)
	ttstest.SpeakAllVoices(t, ttstest.SpeakTest{
		Backend: newTestSynth(t, f, service.Options{}), Service: f.Service, Text: longArticle,
		Voices:    map[string]string{"north-female": "2", "north-male": "4", "south-female": "1", "south-male": "3"},
		MaxChunk:  MaxChunk,
		MinChunks: 3, MinTimings: 3, MinDurationMS: 1,
	})
	var gets int
	f.Locked(func() { gets = f.gets })
	if gets != f.Posts() {
		t.Errorf("%d downloads for %d syntheses", gets, f.Posts())
	}
}

func TestZaloErrors(t *testing.T) {
	internal := `{"error_code":500,"error_message":"Internal server error","data":[]}`
	ttstest.RunErrorCases(t, ttstest.ErrorTest{
		New: func(t *testing.T, opts service.Options) (*ttstest.Service, tts.Synthesizer) {
			f := newFakeZalo(t)
			return f.Service, newTestSynth(t, f, opts)
		},
		Request: tts.Request{Text: "Chuyển đổi số.", Voice: "south-male"},
		Prefix:  "zalo: voice south-male (speaker 3)",
		Cases: []ttstest.ErrorCase{
			{Name: "HTTP 500 then ok", Answer: ttstest.Times(1, ttstest.Status(http.StatusInternalServerError, "", internal)), Posts: 2},
			{Name: "error_code 500 in a 200 answer, retried", Answer: ttstest.Times(2, ttstest.Content("application/json", internal)),
				Posts: 3},
			{Name: "HTTP 500 forever", Answer: ttstest.Always(ttstest.Status(http.StatusInternalServerError, "", internal)),
				Posts: 4, Err: "gave up after 4 attempts"},
			{Name: "error 155 is not retried", Answer: ttstest.Always(ttstest.Content("application/json", `{"error_code":155,"error_message":"Your input exceeds the allowed limit of 2000 characters","data":[]}`)),
				Posts: 1, Err: "error 155", Is: ErrTooLong},
			{Name: "wrong key", Answer: ttstest.Always(ttstest.Content("application/json", `{"error_code":401,"error_message":"Wrong apikey","data":[]}`)),
				Posts: 1, Err: "wrong API key"},
			{Name: "no url", Answer: ttstest.Always(ttstest.Content("application/json", `{"error_code":0,"error_message":"Successful.","data":{}}`)),
				Posts: 1, Err: "no audio url"},
		},
	})
}

func TestChunkFailureNamesChunk(t *testing.T) {
	f := newFakeZalo(t)
	f.Answer = func(w http.ResponseWriter, n int, input string) bool {
		if strings.HasPrefix(input, ttstest.ArticleTitle) {
			return false
		}
		w.Write([]byte(`{"error_code":150,"error_message":"Invalid parameter value","data":[]}`))
		return true
	}
	got, err := (&tts.Speaker{Backend: newTestSynth(t, f, service.Options{})}).Speak(context.Background(), longArticle, "north-male")
	if err == nil || !strings.Contains(err.Error(), "zalo voice north-male chunk 1 of") || !strings.Contains(err.Error(), "error 150") {
		t.Fatalf("err = %v", err)
	}
	if got.MP3 != nil {
		t.Error("partial audio returned")
	}
}

func TestLocalLimits(t *testing.T) {
	f := newFakeZalo(t)
	s := newTestSynth(t, f, service.Options{})
	if err := ttstest.CheckRefusedLocally(t, f.Service, s, "central-male", MaxChunk); !errors.Is(err, ErrTooLong) {
		t.Errorf("over-long text: %v", err)
	}
	if _, err := New(Config{APIKey: "k", Voices: map[string]string{"north-male": "9"}}); err == nil {
		t.Error("speaker 9 accepted")
	}
}

func TestConfigFromEnv(t *testing.T) {
	ttstest.RunEnvCases(t, ConfigFromEnv, []ttstest.EnvCase[Config]{
		{Env: map[string]string{}, Err: "zalo: DXNEWS_ZALO_API_KEY is not set"},
		{Env: map[string]string{"DXNEWS_ZALO_API_KEY": "k"}, Check: func(c Config) bool {
			return c.APIKey == "k" && c.Voices["north-male"] == "4" && len(c.Voices) == 4
		}},
		{Env: map[string]string{"DXNEWS_ZALO_API_KEY": "k", "DXNEWS_ZALO_URL": "http://z", "DXNEWS_ZALO_VOICES": "north-female=5", "DXNEWS_ZALO_SPEED": "0.9"},
			Check: func(c Config) bool { return c.URL == "http://z" && c.Voices["north-female"] == "5" && c.Speed == 0.9 }},
		{Env: map[string]string{"DXNEWS_ZALO_API_KEY": "k", "DXNEWS_ZALO_SPEED": "2"}, Err: "DXNEWS_ZALO_SPEED"},
	})
}

func TestSettingsInCacheKey(t *testing.T) {
	ttstest.CheckSettingsInKey(t, New, ttstest.SettingsTest[Config]{
		Base: Config{APIKey: "k"},
		Changes: map[string]func(*Config){
			"Voices":  func(c *Config) { c.Voices = map[string]string{"north-female": "4"} },
			"Speed":   func(c *Config) { c.Speed = 0.9 },
			"Quality": func(c *Config) { c.Quality = 1 },
		},
		Inert: map[string]string{
			"APIKey": "credentials",
			"URL":    "the same service at another address",
		},
	})
}

// TestBrokenDownloads breaks the download of the synthesised audio: a
// download cut short is fetched again, one that trickles fails at the
// Timeout, and no partial audio is ever returned.
func TestBrokenDownloads(t *testing.T) {
	whole := ttstest.Audio(t, "sine.mp3")
	cases := []struct {
		name        string
		broken      func(w http.ResponseWriter, n int) bool
		gets        int
		err         string
		synthesized int
	}{
		{"cut mid-body, then whole", ttstest.Times(1, ttstest.CutBody(whole)), 2, "", 1},
		{"Content-Length longer than the body every time", ttstest.Always(ttstest.ShortBody(whole)), 4,
			"downloading audio: gave up after 4 attempts: connection cut", 1},
		{"trickles", ttstest.Always(ttstest.Trickle(whole)), 1, "downloading audio: no complete answer within 200ms", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeZalo(t)
			f.broken = c.broken
			var waits ttstest.Waits
			s := newTestSynth(t, f, service.Options{Timeout: 200 * time.Millisecond, Backoff: service.Backoff{Sleep: waits.Sleep}})
			a, err := s.Synthesize(context.Background(), tts.Request{Text: "Xin chào.", Voice: "north-female"})
			var gets int
			f.Locked(func() { gets = f.gets })
			if gets != c.gets || f.Posts() != c.synthesized {
				t.Errorf("%d downloads after %d posts, want %d after %d", gets, f.Posts(), c.gets, c.synthesized)
			}
			ttstest.CheckAudio(t, a, err, c.err, whole)
		})
	}
}
