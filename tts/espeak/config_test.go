package espeak

import (
	"strings"
	"testing"
)

func TestConfigFromEnv(t *testing.T) {
	cases := []struct {
		env     map[string]string
		wantErr string
		check   func(Config) bool
	}{
		{map[string]string{}, "", func(c Config) bool {
			return c.Speed == 0 && c.Voices["south-male"] == "vi-vn-x-south+m3" && len(c.Voices) == 6
		}},
		{map[string]string{"DXNEWS_ESPEAK_VOICES": "north-female=vi+f4,central-male=", "DXNEWS_ESPEAK_SPEED": "150", "DXNEWS_ESPEAK_MAX_CHUNK": "400"}, "",
			func(c Config) bool {
				_, central := c.Voices["central-male"]
				return c.Speed == 150 && c.MaxChunk == 400 && c.Voices["north-female"] == "vi+f4" && !central
			}},
		{map[string]string{"DXNEWS_ESPEAK_SPEED": "9000"}, "DXNEWS_ESPEAK_SPEED", nil},
		{map[string]string{"DXNEWS_ESPEAK_MAX_CHUNK": "1"}, "DXNEWS_ESPEAK_MAX_CHUNK", nil},
		{map[string]string{"DXNEWS_ESPEAK_VOICES": "north=vi"}, "DXNEWS_ESPEAK_VOICES", nil},
	}
	for _, c := range cases {
		cfg, err := ConfigFromEnv(func(k string) string { return c.env[k] })
		if (err == nil) != (c.wantErr == "") || (err != nil && !strings.Contains(err.Error(), c.wantErr)) {
			t.Errorf("env %v: err = %v, want %q", c.env, err, c.wantErr)
			continue
		}
		if c.check != nil && !c.check(cfg) {
			t.Errorf("env %v: config %+v", c.env, cfg)
		}
	}
	if DefaultVoices["north-female"] != "vi+f3" {
		t.Error("ConfigFromEnv modified DefaultVoices")
	}
}
