package tts

import (
	"testing"

	"dxnews/internal/envvar"
)

func demoVar(name string) envvar.Var { return envvar.Var{Name: name} }

type envTarget struct {
	key    string
	voices map[string]string
	speed  float64
	rate   int
	chunk  int
}

// readEnv reads every kind of variable in a fixed order, as a backend's
// ConfigFromEnv does.
func readEnv(env map[string]string) (envTarget, error) {
	e := NewEnv("demo", func(k string) string { return env[k] })
	c := envTarget{key: e.Required(demoVar("DEMO_KEY"))}
	c.voices = e.Voices(demoVar("DEMO_VOICES"), map[string]string{"north-female": "a", "south-male": "b"})
	e.Float(demoVar("DEMO_SPEED"), 0.5, 1.5, &c.speed)
	e.Int(demoVar("DEMO_RATE"), -3, 3, &c.rate)
	// An unset variable leaves its field zero, for New to default.
	e.MinInt(envvar.Var{Name: "DEMO_MAX_CHUNK", Default: "60"}, 50, &c.chunk)
	return c, e.Err()
}

func TestEnv(t *testing.T) {
	cases := []struct {
		env     map[string]string
		wantErr string
		check   func(envTarget) bool
	}{
		{map[string]string{}, "demo: DEMO_KEY is not set", nil},
		{map[string]string{"DEMO_KEY": "k"}, "", func(c envTarget) bool {
			return c.key == "k" && len(c.voices) == 2 && c.speed == 0 && c.rate == 0 && c.chunk == 0
		}},
		{map[string]string{"DEMO_KEY": "k", "DEMO_VOICES": "south-male=,north-female=c", "DEMO_SPEED": "1.25", "DEMO_RATE": "-3", "DEMO_MAX_CHUNK": "50"}, "",
			func(c envTarget) bool {
				_, south := c.voices["south-male"]
				return c.voices["north-female"] == "c" && !south && c.speed == 1.25 && c.rate == -3 && c.chunk == 50
			}},
		{map[string]string{"DEMO_KEY": "k", "DEMO_VOICES": "robot=x"}, `demo: DEMO_VOICES: voice map: `, nil},
		{map[string]string{"DEMO_KEY": "k", "DEMO_VOICES": "north-female"}, `demo: DEMO_VOICES: voice map entry "north-female" is not voice=name`, nil},
		{map[string]string{"DEMO_KEY": "k", "DEMO_SPEED": "2"}, `demo: DEMO_SPEED="2" is not a number from 0.5 to 1.5`, nil},
		{map[string]string{"DEMO_KEY": "k", "DEMO_SPEED": "fast"}, `demo: DEMO_SPEED="fast" is not a number from 0.5 to 1.5`, nil},
		{map[string]string{"DEMO_KEY": "k", "DEMO_RATE": "4"}, `demo: DEMO_RATE="4" is not an integer from -3 to 3`, nil},
		{map[string]string{"DEMO_KEY": "k", "DEMO_RATE": "1.5"}, `demo: DEMO_RATE="1.5" is not an integer from -3 to 3`, nil},
		{map[string]string{"DEMO_KEY": "k", "DEMO_MAX_CHUNK": "49"}, `demo: DEMO_MAX_CHUNK="49" is not an integer of at least 50`, nil},
		// The first error is the one reported.
		{map[string]string{"DEMO_SPEED": "9", "DEMO_RATE": "9"}, "demo: DEMO_KEY is not set", nil},
		{map[string]string{"DEMO_KEY": "k", "DEMO_SPEED": "9", "DEMO_RATE": "9"}, `demo: DEMO_SPEED="9"`, nil},
	}
	for _, c := range cases {
		got, err := readEnv(c.env)
		if c.wantErr == "" {
			if err != nil || !c.check(got) {
				t.Errorf("env %v: %+v, %v", c.env, got, err)
			}
			continue
		}
		if err == nil || len(err.Error()) < len(c.wantErr) || err.Error()[:len(c.wantErr)] != c.wantErr {
			t.Errorf("env %v: err = %v, want it to start %q", c.env, err, c.wantErr)
		}
	}
}

// After the first error, later reads leave their targets alone.
func TestEnvStopsAtFirstError(t *testing.T) {
	e := NewEnv("demo", func(k string) string { return map[string]string{"A": "x", "B": "2"}[k] })
	speed, rate := 7.0, 7
	e.Float(demoVar("A"), 0, 1, &speed)
	e.Int(demoVar("B"), 0, 5, &rate)
	if speed != 7 || rate != 7 || e.Err() == nil {
		t.Errorf("speed %g rate %d err %v", speed, rate, e.Err())
	}
	if got, err := Finish(e, 3); got != 0 || err != e.Err() {
		t.Errorf("Finish after an error: %d, %v", got, err)
	}
	if got, err := Finish(NewEnv("demo", func(string) string { return "" }), 3); got != 3 || err != nil {
		t.Errorf("Finish without an error: %d, %v", got, err)
	}
}

func TestVoiceMapDoc(t *testing.T) {
	got := VoiceMapDoc(map[string]string{"south-male": "b", "north-female": "a"})
	if got != "north-female=a,south-male=b" {
		t.Errorf("VoiceMapDoc = %q", got)
	}
	if m, err := ParseVoiceMap(got, nil); err != nil || m["north-female"] != "a" || m["south-male"] != "b" || len(m) != 2 {
		t.Errorf("VoiceMapDoc does not read back: %v %v", m, err)
	}
}
