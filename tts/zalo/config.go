package zalo

import "dxnews/tts"

// ConfigFromEnv reads DXNEWS_ZALO_API_KEY (required), DXNEWS_ZALO_URL,
// DXNEWS_ZALO_VOICES ("north-female=5,south-female=6") and
// DXNEWS_ZALO_SPEED (0.8…1.2).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("zalo", getenv)
	cfg := Config{APIKey: env.Required("DXNEWS_ZALO_API_KEY"), URL: env.Get("DXNEWS_ZALO_URL")}
	cfg.Voices = env.Voices("DXNEWS_ZALO_VOICES", DefaultVoices)
	env.Float("DXNEWS_ZALO_SPEED", 0.8, 1.2, &cfg.Speed)
	if err := env.Err(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}
