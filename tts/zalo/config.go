package zalo

import (
	"fmt"
	"strconv"

	"dxnews/tts"
)

// ConfigFromEnv reads DXNEWS_ZALO_API_KEY (required), DXNEWS_ZALO_URL,
// DXNEWS_ZALO_VOICES ("north-female=5,south-female=6") and
// DXNEWS_ZALO_SPEED (0.8…1.2).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{APIKey: getenv("DXNEWS_ZALO_API_KEY"), URL: getenv("DXNEWS_ZALO_URL")}
	if cfg.APIKey == "" {
		return Config{}, fmt.Errorf("zalo: DXNEWS_ZALO_API_KEY is not set")
	}
	voices, err := tts.ParseVoiceMap(getenv("DXNEWS_ZALO_VOICES"), DefaultVoices)
	if err != nil {
		return Config{}, fmt.Errorf("zalo: DXNEWS_ZALO_VOICES: %w", err)
	}
	cfg.Voices = voices
	if v := getenv("DXNEWS_ZALO_SPEED"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0.8 || f > 1.2 {
			return Config{}, fmt.Errorf("zalo: DXNEWS_ZALO_SPEED=%q is not a number from 0.8 to 1.2", v)
		}
		cfg.Speed = f
	}
	return cfg, nil
}
