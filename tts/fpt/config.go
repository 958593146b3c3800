package fpt

import (
	"dxnews/internal/envvar"
	"dxnews/tts"
)

// The variables ConfigFromEnv reads.
var (
	envKey = envvar.Declare(envvar.Var{Name: "DXNEWS_FPT_API_KEY",
		Meaning: "FPT.AI API key (required with -backend fpt)", Commands: envvar.Speech})
	envURL = envvar.Declare(envvar.Var{Name: "DXNEWS_FPT_URL", Default: DefaultURL,
		Meaning: "FPT.AI synthesis endpoint", Commands: envvar.Speech})
	envVoices = envvar.Declare(envvar.Var{Name: "DXNEWS_FPT_VOICES", DefaultDoc: tts.VoiceMapDoc(DefaultVoices),
		Meaning: "FPT.AI voice map: voice=FPT voice pairs over the defaults", Commands: envvar.Speech})
	envSpeed = envvar.Declare(envvar.Var{Name: "DXNEWS_FPT_SPEED", Default: "0",
		Meaning: "FPT.AI speed, -3 to 3", Commands: envvar.Speech})
)

// ConfigFromEnv reads DXNEWS_FPT_API_KEY (required), DXNEWS_FPT_URL,
// DXNEWS_FPT_VOICES ("north-female=banmai,south-male=minhquang") and
// DXNEWS_FPT_SPEED (-3…3).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("fpt", getenv)
	cfg := Config{APIKey: env.Required(envKey), URL: env.Get(envURL)}
	cfg.Voices = env.Voices(envVoices, DefaultVoices)
	env.Int(envSpeed, -3, 3, &cfg.Speed)
	if err := env.Err(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}
