package fpt

import "dxnews/tts"

// ConfigFromEnv reads DXNEWS_FPT_API_KEY (required), DXNEWS_FPT_URL,
// DXNEWS_FPT_VOICES ("north-female=banmai,south-male=minhquang") and
// DXNEWS_FPT_SPEED (-3…3).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("fpt", getenv)
	cfg := Config{APIKey: env.Required("DXNEWS_FPT_API_KEY"), URL: env.Get("DXNEWS_FPT_URL")}
	cfg.Voices = env.Voices("DXNEWS_FPT_VOICES", DefaultVoices)
	env.Int("DXNEWS_FPT_SPEED", -3, 3, &cfg.Speed)
	if err := env.Err(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}
