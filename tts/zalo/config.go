package zalo

import (
	"dxnews/internal/envvar"
	"dxnews/tts"
)

// The variables ConfigFromEnv reads.
var (
	envKey = envvar.Declare(envvar.Var{Name: "DXNEWS_ZALO_API_KEY",
		Meaning: "Zalo AI API key (required with -backend zalo)", Commands: envvar.Speech})
	envURL = envvar.Declare(envvar.Var{Name: "DXNEWS_ZALO_URL", Default: DefaultURL,
		Meaning: "Zalo AI synthesis endpoint", Commands: envvar.Speech})
	envVoices = envvar.Declare(envvar.Var{Name: "DXNEWS_ZALO_VOICES", DefaultDoc: tts.VoiceMapDoc(DefaultVoices),
		Meaning: "Zalo AI voice map: voice=speaker ID pairs over the defaults", Commands: envvar.Speech})
	envSpeed = envvar.Declare(envvar.Var{Name: "DXNEWS_ZALO_SPEED", Default: "1",
		Meaning: "Zalo AI speed, 0.8 to 1.2", Commands: envvar.Speech})
)

// ConfigFromEnv reads DXNEWS_ZALO_API_KEY (required), DXNEWS_ZALO_URL,
// DXNEWS_ZALO_VOICES ("north-female=5,south-female=6") and
// DXNEWS_ZALO_SPEED (0.8…1.2).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("zalo", getenv)
	cfg := Config{APIKey: env.Required(envKey), URL: env.Get(envURL)}
	cfg.Voices = env.Voices(envVoices, DefaultVoices)
	env.Float(envSpeed, 0.8, 1.2, &cfg.Speed)
	if err := env.Err(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}
