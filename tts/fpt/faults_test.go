package fpt

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"dxnews/tts"
	"dxnews/tts/ttstest"
)

func TestBrokenAnswers(t *testing.T) {
	ttstest.RunFaultCases(t, ttstest.FaultTest{
		New: func(t *testing.T, waits *ttstest.Waits, timeout time.Duration) (*ttstest.Service, tts.Synthesizer) {
			f := newFakeFPT(t)
			s, _ := newTestSynth(t, f, func(c *Config) {
				c.Timeout = timeout
				c.Backoff.Sleep = waits.Sleep
			})
			return f.Service, s
		},
		Voice:  "north-male",
		Prefix: "fpt: voice north-male (leminh)",
	})
}

// TestBrokenDownloads breaks the download of the async link: a download
// cut short is fetched again (a GET is safe to repeat), and one that
// trickles is given up on at PollDeadline, never returned in part.
func TestBrokenDownloads(t *testing.T) {
	whole := ttstest.Audio(t, "sine.mp3")
	cases := []struct {
		name   string
		broken func(w http.ResponseWriter, n int) bool
		err    string
	}{
		{"reset, then whole", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				ttstest.Reset(w)
			}
			return n == 1
		}, ""},
		{"cut mid-body, then whole", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				ttstest.CutBody(w, whole)
			}
			return n == 1
		}, ""},
		{"Content-Length longer than the body, then whole", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				ttstest.ShortBody(w, whole)
			}
			return n == 1
		}, ""},
		{"trickles every time", func(w http.ResponseWriter, n int) bool {
			ttstest.Trickle(w, whole)
			return true
		}, "not ready"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeFPT(t)
			f.broken = c.broken
			s, _ := newTestSynth(t, f, func(cfg *Config) {
				cfg.Backoff.Sleep = nil
				cfg.Timeout = 100 * time.Millisecond
				cfg.PollInterval = 5 * time.Millisecond
				cfg.PollDeadline = 400 * time.Millisecond
			})
			a, err := s.Synthesize(context.Background(), tts.Request{Text: "Xin chào các bạn.", Voice: "north-male"})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !errors.Is(err, context.DeadlineExceeded) || len(a.Data) != 0 {
					t.Fatalf("err = %v, %d bytes", err, len(a.Data))
				}
				return
			}
			if err != nil || !bytes.Equal(a.Data, whole) {
				t.Fatalf("err = %v, %d of %d bytes", err, len(a.Data), len(whole))
			}
		})
	}
}
