package ttstest

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dxnews/tts"
	"dxnews/tts/mp3"
	"dxnews/tts/service"
)

// faultPayload stands in for an answer that never arrives whole.
var faultPayload = bytes.Repeat([]byte{0xff, 0xf3, 0x44, 0xc4}, 2048)

// faultTimeout bounds each exchange in RunFaultCases: a trickling body
// must fail after it, not hang.
const faultTimeout = 300 * time.Millisecond

// RunFaultCases checks, through a tts.Speaker with a cache, what the
// backend of et makes of broken answers to its synthesis request: a reset before the answer, an answer cut mid-body,
// a Content-Length longer than the body (all retried, since asking again
// changes nothing on the service), and a body that trickles past the
// timeout (not retried). A failure must name the backend and what broke,
// and leave nothing in the cache; a success must store playable audio.
func RunFaultCases(t *testing.T, et ErrorTest) {
	cases := []ErrorCase{
		{Name: "reset before the answer, then whole", Answer: Times(1, Reset), Posts: 2},
		{Name: "cut mid-body, then whole", Answer: Times(1, CutBody(faultPayload)), Posts: 2},
		{Name: "cut mid-body on every try", Answer: Always(CutBody(faultPayload)), Posts: 4, Err: "connection cut"},
		{Name: "Content-Length longer than the body", Answer: Always(ShortBody(faultPayload)), Posts: 4, Err: "unexpected EOF"},
		{Name: "body trickles past the timeout", Answer: Always(Trickle(faultPayload)), Posts: 1,
			Err: "no complete answer within " + faultTimeout.String()},
	}
	for _, c := range cases {
		t.Run("fault: "+c.Name, func(t *testing.T) {
			var waits Waits
			srv, syn := et.New(t, service.Options{Timeout: faultTimeout, Backoff: service.Backoff{Sleep: waits.Sleep}})
			srv.Answer = func(w http.ResponseWriter, n int, _ string) bool { return c.Answer(w, n) }
			dir := t.TempDir()
			cache, err := tts.NewCache(dir)
			if err != nil {
				t.Fatal(err)
			}
			sp := &tts.Speaker{Backend: syn, Cache: cache, Concurrency: 1}
			got, err := speakWithin(t, sp, et.Request.Voice, 20*time.Second)
			if n := srv.Posts(); n != c.Posts {
				t.Errorf("%d posts, want %d", n, c.Posts)
			}
			if c.Err != "" {
				if err == nil || !strings.Contains(err.Error(), c.Err) || !strings.Contains(err.Error(), et.Prefix) {
					t.Fatalf("err = %v, want %q after %q", err, c.Err, et.Prefix)
				}
				if files := countFiles(t, dir); files != 0 {
					t.Errorf("%d files in the cache after a failed synthesis", files)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d, err := mp3.Duration(got.MP3); err != nil || d <= 0 {
				t.Fatalf("stored speech of %v: %v", d, err)
			}
			again, err := sp.Speak(context.Background(), faultText, et.Request.Voice)
			if err != nil || !again.Cached || !bytes.Equal(again.MP3, got.MP3) {
				t.Errorf("second Speak: cached %v, err %v", again.Cached, err)
			}
		})
	}
}

const faultText = "Một câu ngắn để đọc."

// speakWithin speaks faultText, failing the test if Speak has not returned
// after limit: a fault must end in an error, never a hang.
func speakWithin(t *testing.T, sp *tts.Speaker, voice string, limit time.Duration) (tts.Speech, error) {
	t.Helper()
	type result struct {
		s   tts.Speech
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := sp.Speak(context.Background(), faultText, voice)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-time.After(limit):
		t.Fatalf("Speak still running after %v", limit)
		return tts.Speech{}, nil
	}
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// ErrorCase is one way a service answers a synthesis request.
type ErrorCase struct {
	Name string
	// Answer answers the nth request, or returns false to let the fake
	// service answer as usual ([Times] and [Always] of a [Fault]).
	Answer func(w http.ResponseWriter, n int) bool
	// Posts is how many synthesis requests the backend must make.
	Posts int
	// Err is a part of the error wanted, "" for success.
	Err string
	// Is, when set, must be in the error's chain.
	Is error
	// Waits, when set, are exactly the waits the backend must ask for.
	Waits []time.Duration
}

// ErrorTest runs one synthesis request against a fresh fake service per
// case.
type ErrorTest struct {
	// New starts the fake service and the backend with opts in its Config:
	// a Backoff whose waits are recorded, not slept, and for the fault
	// cases a short Timeout.
	New     func(t *testing.T, opts service.Options) (*Service, tts.Synthesizer)
	Request tts.Request
	// Prefix starts every error, naming backend and voice.
	Prefix string
	Cases  []ErrorCase
}

// RunErrorCases checks each case: the number of requests, the error (with
// Prefix) or an MP3 answer, and the waits. Then it runs the fault cases
// every HTTP service must survive (see [RunFaultCases]).
func RunErrorCases(t *testing.T, et ErrorTest) {
	for _, c := range et.Cases {
		t.Run(c.Name, func(t *testing.T) {
			var waits Waits
			srv, syn := et.New(t, service.Options{Backoff: service.Backoff{Sleep: waits.Sleep}})
			srv.Answer = func(w http.ResponseWriter, n int, _ string) bool { return c.Answer(w, n) }
			a, err := syn.Synthesize(context.Background(), et.Request)
			if n := srv.Posts(); n != c.Posts {
				t.Errorf("%d posts, want %d", n, c.Posts)
			}
			if c.Err == "" {
				if err != nil || len(a.Data) == 0 || a.Format != "mp3" {
					t.Fatalf("err = %v, %d bytes of %q", err, len(a.Data), a.Format)
				}
			} else if err == nil || !strings.Contains(err.Error(), c.Err) || !strings.Contains(err.Error(), et.Prefix) {
				t.Fatalf("err = %v, want %q", err, c.Err)
			}
			if c.Is != nil && !errors.Is(err, c.Is) {
				t.Errorf("err %v is not %v", err, c.Is)
			}
			if got := waits.All(); c.Waits != nil && !slices.Equal(got, c.Waits) {
				t.Errorf("waits %v, want %v", got, c.Waits)
			}
		})
	}
	RunFaultCases(t, et)
}
