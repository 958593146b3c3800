package ttstest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"dxnews/internal/envvar"
	"dxnews/tts"
	"dxnews/tts/service"
)

// echo is a minimal backend over the fake service: it posts the text with
// the voice in a header and takes the answer as the audio.
type echo struct {
	svc *service.Service
	url string
}

func (e echo) Name() string { return "echo" }

func (e echo) MaxChunk() int { return 200 }

func (e echo) Synthesize(ctx context.Context, req tts.Request) (tts.Audio, error) {
	voice, err := e.svc.Voice(req.Voice)
	if err != nil {
		return tts.Audio{}, err
	}
	data, err := service.Attempt(ctx, e.svc, req.Voice, voice, func(ctx context.Context) ([]byte, error) {
		data, _, err := e.svc.Do(ctx, service.Call{Method: http.MethodPost, URL: e.url, Header: http.Header{"voice": {voice}, "Content-Type": {"text/plain"}}, Body: []byte(req.Text), Limit: 1 << 20})
		return data, err
	})
	if err != nil {
		return tts.Audio{}, err
	}
	return tts.Audio{Data: data, Format: "mp3"}, nil
}

func newEcho(t *testing.T) *Service {
	audio := Audio(t, "sine.mp3")
	return NewService(t, Contract{
		Path:   "/speak",
		Header: map[string]string{"Content-Type": "text/plain"},
		Read: func(t *testing.T, r *http.Request) (string, string) {
			body, _ := io.ReadAll(r.Body)
			return string(body), r.Header.Get("voice")
		},
		MaxChars: 200,
		TooLong:  func(w http.ResponseWriter) { http.Error(w, "refused", http.StatusBadRequest) },
		Reply: func(s *Service, w http.ResponseWriter, n int) {
			w.Header().Set("X-N", string(rune('0'+n)))
			w.Write(audio)
		},
	})
}

func TestServiceRecordsAndCounts(t *testing.T) {
	s := newEcho(t)
	var sawN []string
	post := func(path, text string) *http.Response {
		req, _ := http.NewRequest(http.MethodPost, s.URL+path, strings.NewReader(text))
		req.Header.Set("voice", "v1")
		req.Header.Set("Content-Type", "text/plain")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		sawN = append(sawN, resp.Header.Get("X-N"))
		return resp
	}
	s.Answer = func(w http.ResponseWriter, n int, text string) bool {
		if n == 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return true
		}
		return false
	}
	post("/speak", "một")
	if resp := post("/speak", "hai"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("Answer not used: %d", resp.StatusCode)
	}
	if resp := post("/speak", strings.Repeat("ba", 101)); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("TooLong not used over MaxChars: %d", resp.StatusCode)
	}
	post("/speak", "bốn")
	texts, voices := s.Requests()
	if strings.Join(texts, "|") != "một|bốn" || strings.Join(voices, "|") != "v1|v1" || s.Posts() != 4 {
		t.Errorf("texts %q voices %q posts %d", texts, voices, s.Posts())
	}
	if strings.Join(sawN, "") != "12" {
		t.Errorf("accepted requests numbered %q", sawN)
	}
	s.Reset()
	post("/speak", "năm")
	if texts, _ := s.Requests(); len(texts) != 1 || sawN[len(sawN)-1] != "3" {
		t.Errorf("after Reset: %q, numbered %q", texts, sawN)
	}
	calls := 0
	s.Handle("/extra/", func(w http.ResponseWriter, r *http.Request) { calls++ })
	http.Get(s.URL + "/extra/x")
	s.Locked(func() {
		if calls != 1 {
			t.Errorf("extra handler ran %d times", calls)
		}
	})
	if s.Posts() != 5 {
		t.Errorf("extra route counted as a synthesis: %d", s.Posts())
	}
}

func TestSpeakAllVoicesAndErrorCases(t *testing.T) {
	newBackend := func(t *testing.T, opts service.Options) (*Service, tts.Synthesizer) {
		s := newEcho(t)
		voices := map[string]string{"north-female": "nf", "south-male": "sm"}
		svc := service.New("echo", voices, nil, opts, service.Options{Concurrency: 1})
		return s, echo{svc: svc, url: s.URL + "/speak"}
	}
	s, b := newBackend(t, service.Options{})
	text := strings.Repeat("Thành phố mở thêm tuyến xe buýt điện. Người dân đi lại thuận tiện hơn.\n\n", 6)
	SpeakAllVoices(t, SpeakTest{Backend: b, Service: s, Text: text, Voices: map[string]string{"north-female": "nf", "south-male": "sm"},
		MaxChunk: 200, MinChunks: 3, MinTimings: 12, MinDurationMS: 1000})
	RunErrorCases(t, ErrorTest{
		New:     newBackend,
		Request: tts.Request{Text: "Xin chào.", Voice: "south-male"},
		Prefix:  "echo: voice south-male (sm)",
		Cases: []ErrorCase{
			{Name: "503 then ok", Answer: Times(1, Status(http.StatusServiceUnavailable, "2", "busy")), Posts: 2, Waits: []time.Duration{2 * time.Second}},
			{Name: "503 forever", Answer: Always(Status(http.StatusServiceUnavailable, "", "busy")), Posts: 4, Err: "HTTP 503"},
		},
	})
}

func TestRunEnvCases(t *testing.T) {
	type cfg struct{ Key string }
	fromEnv := func(getenv func(string) string) (cfg, error) {
		e := tts.NewEnv("demo", getenv)
		c := cfg{Key: e.Required(envvar.Var{Name: "DEMO_KEY"})}
		return c, e.Err()
	}
	RunEnvCases(t, fromEnv, []EnvCase[cfg]{
		{Env: map[string]string{}, Err: "demo: DEMO_KEY is not set"},
		{Env: map[string]string{"DEMO_KEY": "k"}, Check: func(c cfg) bool { return c.Key == "k" }},
	})
}

func TestAudioAndWaits(t *testing.T) {
	if a := Audio(t, "tagged.mp3"); !bytes.HasPrefix(a, []byte("ID3")) {
		t.Errorf("tagged.mp3 starts %q", a[:min(len(a), 3)])
	}
	var w Waits
	ctx, cancel := context.WithCancel(context.Background())
	if err := w.Sleep(ctx, time.Hour); err != nil {
		t.Error(err)
	}
	cancel()
	if err := w.Sleep(ctx, time.Minute); err != context.Canceled {
		t.Errorf("cancelled Sleep: %v", err)
	}
	if got := w.All(); len(got) != 2 || got[0] != time.Hour || got[1] != time.Minute {
		t.Errorf("waits %v", got)
	}
}
