package openai

import (
	"testing"
	"time"

	"dxnews/tts"
	"dxnews/tts/service"
	"dxnews/tts/ttstest"
)

func TestBrokenAnswers(t *testing.T) {
	ttstest.RunFaultCases(t, ttstest.FaultTest{
		New: func(t *testing.T, waits *ttstest.Waits, timeout time.Duration) (*ttstest.Service, tts.Synthesizer) {
			f := newFake(t)
			s, err := New(Config{URL: f.URL, Key: "sk-test", Model: "vi-tts", Voices: testVoices,
				Options: service.Options{Timeout: timeout, Backoff: service.Backoff{Sleep: waits.Sleep}}})
			if err != nil {
				t.Fatal(err)
			}
			return f, s
		},
		Voice:  "north-male",
		Prefix: "openai: voice north-male (vi_male_north)",
	})
}
