package zalo

import "dxnews/tts"

// The variables ConfigFromEnv reads.
var (
	envKey    = tts.DeclareRequired("DXNEWS_ZALO_API_KEY", "Zalo AI API key", "zalo")
	envURL    = tts.DeclareURL("DXNEWS_ZALO_URL", "Zalo AI", DefaultURL)
	envVoices = tts.DeclareVoices("DXNEWS_ZALO_VOICES", "Zalo AI (speaker IDs)", DefaultVoices)
	envSpeed  = tts.DeclareSpeed("DXNEWS_ZALO_SPEED", "Zalo AI", "1", "0.8 to 1.2")
)

// ConfigFromEnv reads DXNEWS_ZALO_API_KEY (required), DXNEWS_ZALO_URL,
// DXNEWS_ZALO_VOICES ("north-female=5,south-female=6") and
// DXNEWS_ZALO_SPEED (0.8…1.2).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("zalo", getenv)
	cfg := Config{APIKey: env.Required(envKey), URL: env.Get(envURL)}
	cfg.Voices = env.Voices(envVoices, DefaultVoices)
	env.Float(envSpeed, 0.8, 1.2, &cfg.Speed)
	return tts.Finish(env, cfg)
}
