package openai

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"dxnews/tts"
	"dxnews/tts/service"
	"dxnews/tts/ttstest"
)

// newFake imitates an OpenAI-compatible speech server.
func newFake(t *testing.T) *ttstest.Service {
	return ttstest.NewService(t, ttstest.Contract{
		Path:   "/v1/audio/speech",
		Header: map[string]string{"Authorization": "Bearer sk-test", "Content-Type": "application/json"},
		Read: func(t *testing.T, r *http.Request) (string, string) {
			dec := json.NewDecoder(r.Body)
			dec.DisallowUnknownFields()
			var req speechRequest
			if err := dec.Decode(&req); err != nil {
				t.Errorf("body: %v", err)
			}
			if req.Model != "vi-tts" || req.ResponseFormat != "mp3" || req.Speed != 1 {
				t.Errorf("request %+v", req)
			}
			return req.Input, req.Voice
		},
		MaxChars: 4096,
		TooLong: func(w http.ResponseWriter) {
			http.Error(w, `{"error":{"message":"input too long"}}`, http.StatusBadRequest)
		},
		Reply: ttstest.ReplyMP3(ttstest.Audio(t, "sine.mp3")),
	})
}

var testVoices = map[string]string{
	"north-female": "vi_female_north", "north-male": "vi_male_north",
	"south-female": "vi_female_south", "south-male": "vi_male_south",
}

// newBackend starts a fake server and the backend over it, with opts.
func newBackend(t *testing.T, opts service.Options) (*ttstest.Service, tts.Synthesizer) {
	f := newFake(t)
	return f, ttstest.Build(t, New, Config{URL: f.URL, Key: "sk-test", Model: "vi-tts", Voices: testVoices, Options: opts})
}

// longArticle is over 4,096 characters twice, so that it needs several chunks.
var longArticle = ttstest.Article(60)

func TestSpeakAllVoicesThroughOpenAI(t *testing.T) {
	f, s := newBackend(t, service.Options{})
	ttstest.SpeakAllVoices(t, ttstest.SpeakTest{
		Backend: s, Service: f, Text: longArticle, Voices: testVoices,
		MaxChunk: MaxChunk, MinChunks: 3, MinTimings: 10,
	})
}

func TestOpenAIErrors(t *testing.T) {
	ttstest.RunErrorCases(t, ttstest.ErrorTest{
		New:     newBackend,
		Request: tts.Request{Text: "Xin chào.", Voice: "north-male"},
		Prefix:  "openai: voice north-male (vi_male_north)",
		Cases: []ttstest.ErrorCase{
			{Name: "503 then audio", Answer: ttstest.Times(1, ttstest.Status(http.StatusServiceUnavailable, "", "model loading")),
				Posts: 2},
			{Name: "429 with Retry-After", Answer: ttstest.Times(1, ttstest.Status(http.StatusTooManyRequests, "2", `{"error":{"message":"rate limited"}}`)),
				Posts: 2, Waits: []time.Duration{2 * time.Second}},
			{Name: "unknown voice on the server", Answer: ttstest.Always(ttstest.Status(http.StatusBadRequest, "", `{"error":{"message":"voice not found"}}`)),
				Posts: 1, Err: "voice not found"},
			{Name: "not audio", Answer: ttstest.Always(ttstest.Content("text/html", "<html>login</html>")),
				Posts: 1, Err: "not MP3 audio (text/html)"},
		},
	})
}

func TestEndpointAndVoices(t *testing.T) {
	for in, want := range map[string]string{
		"http://h:8000":                     "http://h:8000/v1/audio/speech",
		"http://h:8000/":                    "http://h:8000/v1/audio/speech",
		"http://h/v1":                       "http://h/v1/audio/speech",
		"https://h/api/v1/audio/speech":     "https://h/api/v1/audio/speech",
		"https://h/openai/v1/audio/speech/": "https://h/openai/v1/audio/speech",
	} {
		if got := Endpoint(in); got != want {
			t.Errorf("Endpoint(%q) = %q, want %q", in, got, want)
		}
	}
	f, s := newBackend(t, service.Options{})
	ttstest.CheckRefusedLocally(t, f, s, "central-female", MaxChunk)
}

func TestConfigFromEnv(t *testing.T) {
	ttstest.RunEnvCases(t, ConfigFromEnv, []ttstest.EnvCase[Config]{
		{Env: map[string]string{}, Err: "openai: DXNEWS_OPENAI_TTS_URL is not set"},
		{Env: map[string]string{"DXNEWS_OPENAI_TTS_URL": "http://h"}, Check: func(c Config) bool {
			return c.URL == "http://h" && c.Key == "" && c.Model == "" && c.Voices["south-male"] == "south-male"
		}},
		{Env: map[string]string{"DXNEWS_OPENAI_TTS_URL": "http://h", "DXNEWS_OPENAI_TTS_KEY": "k", "DXNEWS_OPENAI_TTS_MODEL": "f5-vi",
			"DXNEWS_OPENAI_TTS_VOICES": "south-male=nam_sg", "DXNEWS_OPENAI_TTS_SPEED": "1.2"}, Check: func(c Config) bool {
			return c.Key == "k" && c.Model == "f5-vi" && c.Voices["south-male"] == "nam_sg" && c.Speed == 1.2
		}},
		{Env: map[string]string{"DXNEWS_OPENAI_TTS_URL": "http://h", "DXNEWS_OPENAI_TTS_SPEED": "fast"}, Err: "DXNEWS_OPENAI_TTS_SPEED"},
	})
}

func TestSettingsInCacheKey(t *testing.T) {
	ttstest.CheckSettingsInKey(t, New, ttstest.SettingsTest[Config]{
		Base: Config{URL: "http://127.0.0.1:1"},
		Changes: map[string]func(*Config){
			"URL":    func(c *Config) { c.URL = "http://127.0.0.1:2" }, // another server, other voices
			"Model":  func(c *Config) { c.Model = "other-model" },
			"Voices": func(c *Config) { c.Voices = map[string]string{"north-female": "alloy"} },
			"Speed":  func(c *Config) { c.Speed = 1.5 },
		},
		Inert: map[string]string{
			"Key": "credentials",
		},
	})
}
