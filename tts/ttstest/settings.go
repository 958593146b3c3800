package ttstest

import (
	"reflect"
	"testing"

	"dxnews/tts"
	"dxnews/tts/service"
)

// SettingsTest says how each field of a backend's Config bears on the sound.
type SettingsTest[C any] struct {
	// Base is a valid configuration.
	Base C
	// Changes alters one field each, by field name, to another valid value
	// that changes the audio.
	Changes map[string]func(*C)
	// Inert names the fields that cannot change the audio (credentials,
	// endpoints, polling), each with the reason. An embedded
	// service.Options (timeout, concurrency, retries, client) is inert
	// without saying so.
	Inert map[string]string
}

// CheckSettingsInKey builds the backend with build and fails when a field
// of C is neither changed nor named inert, and when changing a field leaves the cache key of the Speaker over
// the backend as it was: a setting missing from Settings would serve stale
// audio from the cache.
func CheckSettingsInKey[C any, S tts.Synthesizer](t *testing.T, build func(C) (S, error), st SettingsTest[C]) {
	t.Helper()
	for _, f := range reflect.VisibleFields(reflect.TypeFor[C]()) {
		if !f.IsExported() || len(f.Index) > 1 || f.Anonymous && f.Type == reflect.TypeFor[service.Options]() {
			continue
		}
		_, changed := st.Changes[f.Name]
		_, inert := st.Inert[f.Name]
		if changed == inert {
			t.Errorf("Config.%s: give it a change that must alter the cache key, or name it inert with a reason", f.Name)
		}
	}
	base := speakerKey(t, build, st.Base)
	for name, change := range st.Changes {
		cfg := st.Base
		change(&cfg)
		if got := speakerKey(t, build, cfg); got == base {
			t.Errorf("Config.%s changed and the cache key did not: add it to Settings", name)
		}
	}
}

// speakerKey builds the backend from cfg and returns the key a Speaker
// over it gives one sentence in north-female.
func speakerKey[C any, S tts.Synthesizer](t *testing.T, build func(C) (S, error), cfg C) string {
	t.Helper()
	b := Build(t, build, cfg)
	if _, ok := any(b).(tts.Settingser); !ok {
		t.Fatalf("%s does not implement tts.Settingser", b.Name())
	}
	key, err := (&tts.Speaker{Backend: b}).Key("Một câu để đọc.", "north-female")
	if err != nil {
		t.Fatal(err)
	}
	return key
}
