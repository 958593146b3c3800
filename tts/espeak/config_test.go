package espeak

import (
	"testing"

	"dxnews/tts/ttstest"
)

func TestConfigFromEnv(t *testing.T) {
	ttstest.RunEnvCases(t, ConfigFromEnv, []ttstest.EnvCase[Config]{
		{Env: map[string]string{}, Check: func(c Config) bool {
			return c.Speed == 0 && c.Voices["south-male"] == "vi-vn-x-south+m3" && len(c.Voices) == 6
		}},
		{Env: map[string]string{"DXNEWS_ESPEAK_VOICES": "north-female=vi+f4,central-male=", "DXNEWS_ESPEAK_SPEED": "150", "DXNEWS_ESPEAK_MAX_CHUNK": "400"},
			Check: func(c Config) bool {
				_, central := c.Voices["central-male"]
				return c.Speed == 150 && c.MaxChunk == 400 && c.Voices["north-female"] == "vi+f4" && !central
			}},
		{Env: map[string]string{"DXNEWS_ESPEAK_SPEED": "9000"}, Err: "DXNEWS_ESPEAK_SPEED"},
		{Env: map[string]string{"DXNEWS_ESPEAK_MAX_CHUNK": "1"}, Err: "DXNEWS_ESPEAK_MAX_CHUNK"},
		{Env: map[string]string{"DXNEWS_ESPEAK_VOICES": "north=vi"}, Err: "DXNEWS_ESPEAK_VOICES"},
	})
	if DefaultVoices["north-female"] != "vi+f3" {
		t.Error("ConfigFromEnv modified DefaultVoices")
	}
}
