package zalo

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"dxnews/tts"
	"dxnews/tts/service"
	"dxnews/tts/ttstest"
)

func TestBrokenAnswers(t *testing.T) {
	ttstest.RunFaultCases(t, ttstest.FaultTest{
		New: func(t *testing.T, waits *ttstest.Waits, timeout time.Duration) (*ttstest.Service, tts.Synthesizer) {
			f := newFakeZalo(t)
			s, err := New(Config{APIKey: "test-key", URL: f.URL + "/v1/tts/synthesize",
				Options: service.Options{Timeout: timeout, Backoff: service.Backoff{Sleep: waits.Sleep}}})
			if err != nil {
				t.Fatal(err)
			}
			return f.Service, s
		},
		Voice:  "north-female",
		Prefix: "zalo: voice north-female (speaker 2)",
	})
}

// TestBrokenDownloads breaks the download of the synthesised audio: a
// download cut short is fetched again, one that trickles fails at the
// Timeout, and no partial audio is ever returned.
func TestBrokenDownloads(t *testing.T) {
	whole := ttstest.Audio(t, "sine.mp3")
	cases := []struct {
		name        string
		broken      func(w http.ResponseWriter, n int) bool
		gets        int
		err         string
		synthesized int
	}{
		{"cut mid-body, then whole", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				ttstest.CutBody(w, whole)
			}
			return n == 1
		}, 2, "", 1},
		{"Content-Length longer than the body every time", func(w http.ResponseWriter, n int) bool {
			ttstest.ShortBody(w, whole)
			return true
		}, 4, "downloading audio: gave up after 4 attempts: connection cut", 1},
		{"trickles", func(w http.ResponseWriter, n int) bool {
			ttstest.Trickle(w, whole)
			return true
		}, 1, "downloading audio: no complete answer within 200ms", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeZalo(t)
			f.broken = c.broken
			var waits ttstest.Waits
			s, err := New(Config{APIKey: "test-key", URL: f.URL + "/v1/tts/synthesize",
				Options: service.Options{Timeout: 200 * time.Millisecond, Backoff: service.Backoff{Sleep: waits.Sleep}}})
			if err != nil {
				t.Fatal(err)
			}
			a, err := s.Synthesize(context.Background(), tts.Request{Text: "Xin chào.", Voice: "north-female"})
			var gets int
			f.Locked(func() { gets = f.gets })
			if gets != c.gets || f.Posts() != c.synthesized {
				t.Errorf("%d downloads after %d posts, want %d after %d", gets, f.Posts(), c.gets, c.synthesized)
			}
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || len(a.Data) != 0 {
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
