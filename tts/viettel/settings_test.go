package viettel

import (
	"testing"

	"dxnews/tts"
	"dxnews/tts/ttstest"
)

func TestSettingsInCacheKey(t *testing.T) {
	ttstest.CheckSettingsInKey(t, ttstest.SettingsTest[Config]{
		Base: Config{Token: "t"},
		New:  func(c Config) (tts.Synthesizer, error) { return New(c) },
		Changes: map[string]func(*Config){
			"Voices":   func(c *Config) { c.Voices = map[string]string{"north-female": "hn-thanhtung"} },
			"Speed":    func(c *Config) { c.Speed = 1.2 },
			"MaxChunk": func(c *Config) { c.MaxChunk = 200 }, // chunks cut elsewhere sound different
		},
		Inert: map[string]string{
			"Token":   "credentials",
			"URL":     "the same service at another address",
			"Options": "HTTP timeout, concurrency, retries and client",
		},
	})
}
