package viettel

import "dxnews/tts"

// ConfigFromEnv reads DXNEWS_VIETTEL_TOKEN (required), DXNEWS_VIETTEL_URL,
// DXNEWS_VIETTEL_VOICES ("north-female=hn-thaochi"), DXNEWS_VIETTEL_SPEED
// (0.7…1.3) and DXNEWS_VIETTEL_MAX_CHUNK (characters).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("viettel", getenv)
	cfg := Config{Token: env.Required("DXNEWS_VIETTEL_TOKEN"), URL: env.Get("DXNEWS_VIETTEL_URL")}
	cfg.Voices = env.Voices("DXNEWS_VIETTEL_VOICES", DefaultVoices)
	env.Float("DXNEWS_VIETTEL_SPEED", 0.7, 1.3, &cfg.Speed)
	env.MinInt("DXNEWS_VIETTEL_MAX_CHUNK", 50, &cfg.MaxChunk)
	if err := env.Err(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}
