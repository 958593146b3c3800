package viettel

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"dxnews/tts"
	"dxnews/tts/service"
	"dxnews/tts/ttstest"
)

// newFake imitates Viettel AI: it checks the JSON body and answers with
// MP3 bytes.
func newFake(t *testing.T) *ttstest.Service {
	return ttstest.NewService(t, ttstest.Contract{
		Path:   "/tts/speech_synthesis",
		Header: map[string]string{"Content-Type": "application/json", "Accept": "audio/mpeg, */*"},
		Read: func(t *testing.T, r *http.Request) (string, string) {
			var body map[string]any
			if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
				t.Errorf("body: %v", err)
			}
			keys := make([]string, 0, len(body))
			for k := range body {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			if got := strings.Join(keys, ","); got != "speed,text,token,tts_return_option,voice,without_filter" {
				t.Errorf("body fields %s", got)
			}
			if body["token"] != "test-token" || body["tts_return_option"] != float64(3) || body["speed"] != float64(1) || body["without_filter"] != false {
				t.Errorf("body %v", body)
			}
			text, _ := body["text"].(string)
			voice, _ := body["voice"].(string)
			return text, voice
		},
		Reply: ttstest.ReplyMP3(ttstest.Audio(t, "tagged.mp3")),
	})
}

// newBackend starts a fake Viettel AI and the backend over it, with opts.
func newBackend(t *testing.T, opts service.Options) (*ttstest.Service, tts.Synthesizer) {
	f := newFake(t)
	return f, ttstest.Build(t, New, Config{Token: "test-token", URL: f.URL + "/tts/speech_synthesis", Options: opts})
}

// article is over 300 characters, so that it needs several chunks.
var article = ttstest.Article(4)

func TestSpeakAllVoicesThroughViettel(t *testing.T) {
	f, s := newBackend(t, service.Options{})
	ttstest.SpeakAllVoices(t, ttstest.SpeakTest{
		Backend: s, Service: f, Text: article,
		Voices:    map[string]string{"north-female": "hn-quynhanh", "north-male": "hn-thanhtung", "south-female": "hcm-diemmy", "south-male": "hcm-minhquan"},
		MaxChunk:  DefaultMaxChunk,
		MinChunks: 3, MinTimings: 4,
	})
}

func TestViettelErrors(t *testing.T) {
	ttstest.RunErrorCases(t, ttstest.ErrorTest{
		New:     newBackend,
		Request: tts.Request{Text: "Xin chào.", Voice: "south-female"},
		Prefix:  "viettel: voice south-female (hcm-diemmy)",
		Cases: []ttstest.ErrorCase{
			{Name: "429 with Retry-After, then audio", Answer: ttstest.Times(2, ttstest.Status(http.StatusTooManyRequests, "3", `{"message":"Too many requests"}`)),
				Posts: 3, Waits: []time.Duration{3 * time.Second, 3 * time.Second}},
			{Name: "429 forever", Answer: ttstest.Always(ttstest.Status(http.StatusTooManyRequests, "1", "Too many requests")),
				Posts: 4, Err: "gave up after 4 attempts: HTTP 429"},
			{Name: "JSON error with status 200", Answer: ttstest.Always(ttstest.Content("application/json", `{"code":401,"message":"token invalid"}`)),
				Posts: 1, Err: "token invalid"},
			{Name: "bad request", Answer: ttstest.Always(ttstest.Status(http.StatusBadRequest, "", "voice not found")),
				Posts: 1, Err: "HTTP 400"},
		},
	})
}

func TestViettelLimitsAndVoices(t *testing.T) {
	f, s := newBackend(t, service.Options{})
	only := ttstest.Build(t, New, Config{Token: "t", URL: f.URL, Voices: map[string]string{"north-male": "hn-thanhtung"}})
	ttstest.CheckRefusedLocally(t, f, only, "south-male", DefaultMaxChunk)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Synthesize(ctx, tts.Request{Text: "a", Voice: "north-male"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestConfigFromEnv(t *testing.T) {
	ttstest.RunEnvCases(t, ConfigFromEnv, []ttstest.EnvCase[Config]{
		{Env: map[string]string{}, Err: "viettel: DXNEWS_VIETTEL_TOKEN is not set"},
		{Env: map[string]string{"DXNEWS_VIETTEL_TOKEN": "t"}, Check: func(c Config) bool {
			return c.Token == "t" && c.Voices["central-male"] == "hue-baoquoc" && c.MaxChunk == 0
		}},
		{Env: map[string]string{"DXNEWS_VIETTEL_TOKEN": "t", "DXNEWS_VIETTEL_URL": "http://v", "DXNEWS_VIETTEL_MAX_CHUNK": "500",
			"DXNEWS_VIETTEL_SPEED": "1.1", "DXNEWS_VIETTEL_VOICES": "north-female=hn-thaochi"}, Check: func(c Config) bool {
			return c.URL == "http://v" && c.MaxChunk == 500 && c.Speed == 1.1 && c.Voices["north-female"] == "hn-thaochi"
		}},
		{Env: map[string]string{"DXNEWS_VIETTEL_TOKEN": "t", "DXNEWS_VIETTEL_MAX_CHUNK": "ten"}, Err: "DXNEWS_VIETTEL_MAX_CHUNK"},
		{Env: map[string]string{"DXNEWS_VIETTEL_TOKEN": "t", "DXNEWS_VIETTEL_SPEED": "3"}, Err: "DXNEWS_VIETTEL_SPEED"},
	})
}

func TestSettingsInCacheKey(t *testing.T) {
	ttstest.CheckSettingsInKey(t, New, ttstest.SettingsTest[Config]{
		Base: Config{Token: "t"},
		Changes: map[string]func(*Config){
			"Voices":   func(c *Config) { c.Voices = map[string]string{"north-female": "hn-thanhtung"} },
			"Speed":    func(c *Config) { c.Speed = 1.2 },
			"MaxChunk": func(c *Config) { c.MaxChunk = 200 }, // chunks cut elsewhere sound different
		},
		Inert: map[string]string{
			"Token": "credentials",
			"URL":   "the same service at another address",
		},
	})
}
