package openai

import (
	"testing"

	"dxnews/tts"
	"dxnews/tts/ttstest"
)

func TestSettingsInCacheKey(t *testing.T) {
	ttstest.CheckSettingsInKey(t, ttstest.SettingsTest[Config]{
		Base: Config{URL: "http://127.0.0.1:1"},
		New:  func(c Config) (tts.Synthesizer, error) { return New(c) },
		Changes: map[string]func(*Config){
			"URL":    func(c *Config) { c.URL = "http://127.0.0.1:2" }, // another server, other voices
			"Model":  func(c *Config) { c.Model = "other-model" },
			"Voices": func(c *Config) { c.Voices = map[string]string{"north-female": "alloy"} },
			"Speed":  func(c *Config) { c.Speed = 1.5 },
		},
		Inert: map[string]string{
			"Key":     "credentials",
			"Options": "HTTP timeout, concurrency, retries and client",
		},
	})
}
