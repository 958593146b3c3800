package fpt

import "dxnews/tts"

// The variables ConfigFromEnv reads.
var (
	envKey    = tts.DeclareRequired("DXNEWS_FPT_API_KEY", "FPT.AI API key", "fpt")
	envURL    = tts.DeclareURL("DXNEWS_FPT_URL", "FPT.AI", DefaultURL)
	envVoices = tts.DeclareVoices("DXNEWS_FPT_VOICES", "FPT.AI", DefaultVoices)
	envSpeed  = tts.DeclareSpeed("DXNEWS_FPT_SPEED", "FPT.AI", "0", "-3 to 3")
)

// ConfigFromEnv reads DXNEWS_FPT_API_KEY (required), DXNEWS_FPT_URL,
// DXNEWS_FPT_VOICES ("north-female=banmai,south-male=minhquang") and
// DXNEWS_FPT_SPEED (-3…3).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("fpt", getenv)
	cfg := Config{APIKey: env.Required(envKey), URL: env.Get(envURL)}
	cfg.Voices = env.Voices(envVoices, DefaultVoices)
	env.Int(envSpeed, -3, 3, &cfg.Speed)
	return tts.Finish(env, cfg)
}
