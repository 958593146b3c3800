package espeak

import (
	"fmt"
	"strconv"

	"dxnews/tts"
)

// ConfigFromEnv reads the optional DXNEWS_ESPEAK_VOICES
// ("north-female=vi+f4"), DXNEWS_ESPEAK_SPEED (words per minute, 80…450)
// and DXNEWS_ESPEAK_MAX_CHUNK (characters). Nothing is required.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	var cfg Config
	voices, err := tts.ParseVoiceMap(getenv("DXNEWS_ESPEAK_VOICES"), DefaultVoices)
	if err != nil {
		return Config{}, fmt.Errorf("espeak: DXNEWS_ESPEAK_VOICES: %w", err)
	}
	cfg.Voices = voices
	if v := getenv("DXNEWS_ESPEAK_SPEED"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 80 || n > 450 {
			return Config{}, fmt.Errorf("espeak: DXNEWS_ESPEAK_SPEED=%q is not an integer from 80 to 450", v)
		}
		cfg.Speed = n
	}
	if v := getenv("DXNEWS_ESPEAK_MAX_CHUNK"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 50 {
			return Config{}, fmt.Errorf("espeak: DXNEWS_ESPEAK_MAX_CHUNK=%q is not an integer of at least 50", v)
		}
		cfg.MaxChunk = n
	}
	return cfg, nil
}
