package espeak

import "dxnews/tts"

// ConfigFromEnv reads the optional DXNEWS_ESPEAK_VOICES
// ("north-female=vi+f4"), DXNEWS_ESPEAK_SPEED (words per minute, 80…450)
// and DXNEWS_ESPEAK_MAX_CHUNK (characters). Nothing is required.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := tts.NewEnv("espeak", getenv)
	cfg := Config{Voices: env.Voices("DXNEWS_ESPEAK_VOICES", DefaultVoices)}
	env.Int("DXNEWS_ESPEAK_SPEED", 80, 450, &cfg.Speed)
	env.MinInt("DXNEWS_ESPEAK_MAX_CHUNK", 50, &cfg.MaxChunk)
	if err := env.Err(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}
