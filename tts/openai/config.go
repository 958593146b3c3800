package openai

import (
	"dxnews/internal/envvar"
	"dxnews/tts"
)

// The variables ConfigFromEnv reads.
var (
	envURL = tts.DeclareRequired("DXNEWS_OPENAI_TTS_URL", "base URL of an OpenAI-compatible speech server", "openai")
	envKey = envvar.Declare(envvar.Var{Name: "DXNEWS_OPENAI_TTS_KEY",
		Meaning: "API key of the OpenAI-compatible server, when it wants one", Commands: envvar.Speech})
	envModel = envvar.Declare(envvar.Var{Name: "DXNEWS_OPENAI_TTS_MODEL", Default: DefaultModel,
		Meaning: "model name on the OpenAI-compatible server", Commands: envvar.Speech})
	envVoices = tts.DeclareVoices("DXNEWS_OPENAI_TTS_VOICES", "OpenAI-compatible server", DefaultVoices)
	envSpeed  = tts.DeclareSpeed("DXNEWS_OPENAI_TTS_SPEED", "OpenAI-compatible server", "1", "0.25 to 4")
)

// ConfigFromEnv reads DXNEWS_OPENAI_TTS_URL (required), DXNEWS_OPENAI_TTS_KEY,
// DXNEWS_OPENAI_TTS_MODEL, DXNEWS_OPENAI_TTS_VOICES
// ("north-female=vi_female_north,south-male=vi_male_south") and
// DXNEWS_OPENAI_TTS_SPEED (0.25…4).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("openai", getenv)
	cfg := Config{URL: env.Required(envURL), Key: env.Get(envKey), Model: env.Get(envModel)}
	cfg.Voices = env.Voices(envVoices, DefaultVoices)
	env.Float(envSpeed, 0.25, 4, &cfg.Speed)
	return tts.Finish(env, cfg)
}
