package viettel

import (
	"fmt"
	"strconv"

	"dxnews/tts"
)

// ConfigFromEnv reads DXNEWS_VIETTEL_TOKEN (required), DXNEWS_VIETTEL_URL,
// DXNEWS_VIETTEL_VOICES ("north-female=hn-thaochi"), DXNEWS_VIETTEL_SPEED
// (0.7…1.3) and DXNEWS_VIETTEL_MAX_CHUNK (characters).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{Token: getenv("DXNEWS_VIETTEL_TOKEN"), URL: getenv("DXNEWS_VIETTEL_URL")}
	if cfg.Token == "" {
		return Config{}, fmt.Errorf("viettel: DXNEWS_VIETTEL_TOKEN is not set")
	}
	voices, err := tts.ParseVoiceMap(getenv("DXNEWS_VIETTEL_VOICES"), DefaultVoices)
	if err != nil {
		return Config{}, fmt.Errorf("viettel: DXNEWS_VIETTEL_VOICES: %w", err)
	}
	cfg.Voices = voices
	if v := getenv("DXNEWS_VIETTEL_SPEED"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0.7 || f > 1.3 {
			return Config{}, fmt.Errorf("viettel: DXNEWS_VIETTEL_SPEED=%q is not a number from 0.7 to 1.3", v)
		}
		cfg.Speed = f
	}
	if v := getenv("DXNEWS_VIETTEL_MAX_CHUNK"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 50 {
			return Config{}, fmt.Errorf("viettel: DXNEWS_VIETTEL_MAX_CHUNK=%q is not an integer of at least 50", v)
		}
		cfg.MaxChunk = n
	}
	return cfg, nil
}
