package zalo

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
			"Voices":  func(c *Config) { c.Voices = map[string]string{"north-female": "4"} },
			"Speed":   func(c *Config) { c.Speed = 0.9 },
			"Quality": func(c *Config) { c.Quality = 1 },
		},
		Inert: map[string]string{
			"APIKey":  "credentials",
			"URL":     "the same service at another address",
			"Options": "HTTP timeout, concurrency, retries and client",
		},
	})
}
