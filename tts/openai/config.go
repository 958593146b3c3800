package openai

import "dxnews/tts"

// ConfigFromEnv reads DXNEWS_OPENAI_TTS_URL (required), DXNEWS_OPENAI_TTS_KEY,
// DXNEWS_OPENAI_TTS_MODEL, DXNEWS_OPENAI_TTS_VOICES
// ("north-female=vi_female_north,south-male=vi_male_south") and
// DXNEWS_OPENAI_TTS_SPEED (0.25…4).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("openai", getenv)
	cfg := Config{
		URL:   env.Required("DXNEWS_OPENAI_TTS_URL"),
		Key:   env.Get("DXNEWS_OPENAI_TTS_KEY"),
		Model: env.Get("DXNEWS_OPENAI_TTS_MODEL"),
	}
	cfg.Voices = env.Voices("DXNEWS_OPENAI_TTS_VOICES", DefaultVoices)
	env.Float("DXNEWS_OPENAI_TTS_SPEED", 0.25, 4, &cfg.Speed)
	if err := env.Err(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}
