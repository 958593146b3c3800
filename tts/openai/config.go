package openai

import (
	"fmt"
	"strconv"

	"dxnews/tts"
)

// ConfigFromEnv reads DXNEWS_OPENAI_TTS_URL (required), DXNEWS_OPENAI_TTS_KEY,
// DXNEWS_OPENAI_TTS_MODEL, DXNEWS_OPENAI_TTS_VOICES
// ("north-female=vi_female_north,south-male=vi_male_south") and
// DXNEWS_OPENAI_TTS_SPEED (0.25…4).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{
		URL:   getenv("DXNEWS_OPENAI_TTS_URL"),
		Key:   getenv("DXNEWS_OPENAI_TTS_KEY"),
		Model: getenv("DXNEWS_OPENAI_TTS_MODEL"),
	}
	if cfg.URL == "" {
		return Config{}, fmt.Errorf("openai: DXNEWS_OPENAI_TTS_URL is not set")
	}
	voices, err := tts.ParseVoiceMap(getenv("DXNEWS_OPENAI_TTS_VOICES"), DefaultVoices)
	if err != nil {
		return Config{}, fmt.Errorf("openai: DXNEWS_OPENAI_TTS_VOICES: %w", err)
	}
	cfg.Voices = voices
	if v := getenv("DXNEWS_OPENAI_TTS_SPEED"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0.25 || f > 4 {
			return Config{}, fmt.Errorf("openai: DXNEWS_OPENAI_TTS_SPEED=%q is not a number from 0.25 to 4", v)
		}
		cfg.Speed = f
	}
	return cfg, nil
}
