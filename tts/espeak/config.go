package espeak

import (
	"strconv"

	"dxnews/internal/envvar"
	"dxnews/tts"
)

// The variables ConfigFromEnv reads.
var (
	envVoices = tts.DeclareVoices("DXNEWS_ESPEAK_VOICES", "espeak-ng", DefaultVoices)
	envSpeed  = envvar.Declare(envvar.Var{Name: "DXNEWS_ESPEAK_SPEED", Default: strconv.Itoa(DefaultSpeed),
		Meaning: "espeak-ng speed in words per minute, 80 to 450", Commands: envvar.Speech})
	envMaxChunk = envvar.Declare(envvar.Var{Name: "DXNEWS_ESPEAK_MAX_CHUNK", Default: strconv.Itoa(DefaultMaxChunk),
		Meaning: "most characters espeak-ng reads in one call, at least 50", Commands: envvar.Speech})
)

// ConfigFromEnv reads the optional DXNEWS_ESPEAK_VOICES
// ("north-female=vi+f4"), DXNEWS_ESPEAK_SPEED (words per minute, 80…450)
// and DXNEWS_ESPEAK_MAX_CHUNK (characters). Nothing is required.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("espeak", getenv)
	cfg := Config{Voices: env.Voices(envVoices, DefaultVoices)}
	env.Int(envSpeed, 80, 450, &cfg.Speed)
	env.MinInt(envMaxChunk, 50, &cfg.MaxChunk)
	return tts.Finish(env, cfg)
}
