package espeak

import (
	"testing"

	"dxnews/tts"
	"dxnews/tts/ttstest"
)

func TestSettingsInCacheKey(t *testing.T) {
	needTools(t)
	ttstest.CheckSettingsInKey(t, ttstest.SettingsTest[Config]{
		New: func(c Config) (tts.Synthesizer, error) { return New(c) },
		Changes: map[string]func(*Config){
			"Voices":   func(c *Config) { c.Voices = map[string]string{"north-female": DefaultVoices["north-male"]} },
			"Speed":    func(c *Config) { c.Speed = DefaultSpeed + 20 },
			"MaxChunk": func(c *Config) { c.MaxChunk = 300 }, // chunks cut elsewhere sound different
		},
		Inert: map[string]string{
			"ESpeak":      "the program's path, found on PATH",
			"Concurrency": "how many run at once",
			"Timeout":     "when to give up, not what",
		},
	})
}
