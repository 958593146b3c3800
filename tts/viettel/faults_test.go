package viettel

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
			s, err := New(Config{Token: "test-token", URL: f.URL + "/tts/speech_synthesis",
				Options: service.Options{Timeout: timeout, Backoff: service.Backoff{Sleep: waits.Sleep}}})
			if err != nil {
				t.Fatal(err)
			}
			return f, s
		},
		Voice:  "south-female",
		Prefix: "viettel: voice south-female (hcm-diemmy)",
	})
}
