package viettel

import (
	"strconv"

	"dxnews/internal/envvar"
	"dxnews/tts"
)

// The variables ConfigFromEnv reads.
var (
	envToken    = tts.DeclareRequired("DXNEWS_VIETTEL_TOKEN", "Viettel AI token", "viettel")
	envURL      = tts.DeclareURL("DXNEWS_VIETTEL_URL", "Viettel AI", DefaultURL)
	envVoices   = tts.DeclareVoices("DXNEWS_VIETTEL_VOICES", "Viettel AI", DefaultVoices)
	envSpeed    = tts.DeclareSpeed("DXNEWS_VIETTEL_SPEED", "Viettel AI", "1", "0.7 to 1.3")
	envMaxChunk = envvar.Declare(envvar.Var{Name: "DXNEWS_VIETTEL_MAX_CHUNK", Default: strconv.Itoa(DefaultMaxChunk),
		Meaning: "most characters Viettel AI reads in one request, at least 50", Commands: envvar.Speech})
)

// ConfigFromEnv reads DXNEWS_VIETTEL_TOKEN (required), DXNEWS_VIETTEL_URL,
// DXNEWS_VIETTEL_VOICES ("north-female=hn-thaochi"), DXNEWS_VIETTEL_SPEED
// (0.7…1.3) and DXNEWS_VIETTEL_MAX_CHUNK (characters).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("viettel", getenv)
	cfg := Config{Token: env.Required(envToken), URL: env.Get(envURL)}
	cfg.Voices = env.Voices(envVoices, DefaultVoices)
	env.Float(envSpeed, 0.7, 1.3, &cfg.Speed)
	env.MinInt(envMaxChunk, 50, &cfg.MaxChunk)
	return tts.Finish(env, cfg)
}
