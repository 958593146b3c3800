package fpt

import (
	"fmt"
	"strconv"

	"dxnews/tts"
)

// ConfigFromEnv reads DXNEWS_FPT_API_KEY (required), DXNEWS_FPT_URL,
// DXNEWS_FPT_VOICES ("north-female=banmai,south-male=minhquang") and
// DXNEWS_FPT_SPEED (-3…3).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{APIKey: getenv("DXNEWS_FPT_API_KEY"), URL: getenv("DXNEWS_FPT_URL")}
	if cfg.APIKey == "" {
		return Config{}, fmt.Errorf("fpt: DXNEWS_FPT_API_KEY is not set")
	}
	voices, err := tts.ParseVoiceMap(getenv("DXNEWS_FPT_VOICES"), DefaultVoices)
	if err != nil {
		return Config{}, fmt.Errorf("fpt: DXNEWS_FPT_VOICES: %w", err)
	}
	cfg.Voices = voices
	if v := getenv("DXNEWS_FPT_SPEED"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < -3 || n > 3 {
			return Config{}, fmt.Errorf("fpt: DXNEWS_FPT_SPEED=%q is not an integer from -3 to 3", v)
		}
		cfg.Speed = n
	}
	return cfg, nil
}
