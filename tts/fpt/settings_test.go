package fpt

import (
	"testing"

	"dxnews/tts"
	"dxnews/tts/ttstest"
)

func TestSettingsInCacheKey(t *testing.T) {
	ttstest.CheckSettingsInKey(t, ttstest.SettingsTest[Config]{
		Base: Config{APIKey: "k"},
		New:  func(c Config) (tts.Synthesizer, error) { return New(c) },
		Changes: map[string]func(*Config){
			"Voices": func(c *Config) { c.Voices = map[string]string{"north-female": "leminh"} },
			"Speed":  func(c *Config) { c.Speed = 2 },
		},
		Inert: map[string]string{
			"APIKey":       "credentials",
			"URL":          "the same service at another address",
			"PollInterval": "when to fetch, not what",
			"PollDeadline": "when to give up, not what",
			"Options":      "HTTP timeout, concurrency, retries and client",
		},
	})
}
