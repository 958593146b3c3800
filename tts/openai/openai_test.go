package openai

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"dxnews/tts"
)

// fakeServer imitates an OpenAI-compatible speech server.
type fakeServer struct {
	t      *testing.T
	srv    *httptest.Server
	audio  []byte
	answer func(w http.ResponseWriter, n int) bool

	mu    sync.Mutex
	posts int
	reqs  []speechRequest
}

func newFake(t *testing.T) *fakeServer {
	audio, err := os.ReadFile(filepath.Join("..", "testdata", "sine.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeServer{t: t, audio: audio}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeServer) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.posts++
	if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/speech" {
		f.t.Errorf("request %s %s", r.Method, r.URL.Path)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer sk-test" {
		f.t.Errorf("Authorization %q", got)
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	var req speechRequest
	if err := dec.Decode(&req); err != nil {
		f.t.Errorf("body: %v", err)
	}
	if req.Model != "vi-tts" || req.ResponseFormat != "mp3" || req.Speed != 1 {
		f.t.Errorf("request %+v", req)
	}
	if f.answer != nil && f.answer(w, f.posts) {
		return
	}
	if utf8.RuneCountInString(req.Input) > 4096 {
		http.Error(w, `{"error":{"message":"input too long"}}`, http.StatusBadRequest)
		return
	}
	f.reqs = append(f.reqs, req)
	w.Header().Set("Content-Type", "audio/mpeg")
	w.Write(f.audio)
}

var testVoices = map[string]string{
	"north-female": "vi_female_north", "north-male": "vi_male_north",
	"south-female": "vi_female_south", "south-male": "vi_male_south",
}

func newTestSynth(t *testing.T, f *fakeServer, waits *[]time.Duration) *Synth {
	var mu sync.Mutex
	s, err := New(Config{URL: f.srv.URL, Key: "sk-test", Model: "vi-tts", Voices: testVoices, HTTPOptions: tts.HTTPOptions{Backoff: tts.Backoff{
		Sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			defer mu.Unlock()
			if waits != nil {
				*waits = append(*waits, d)
			}
			return ctx.Err()
		},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func longArticle() string {
	para := "Chính quyền số giúp người dân làm thủ tục mọi lúc mọi nơi. " +
		"Hồ sơ được xử lý trực tuyến, kết quả trả về qua bưu điện hoặc ứng dụng trên điện thoại.\n\n"
	return "Dịch vụ công trực tuyến mở rộng.\n\n" + strings.Repeat(para, 60)
}

func TestSpeakAllVoicesThroughOpenAI(t *testing.T) {
	f := newFake(t)
	sp := &tts.Speaker{Backend: newTestSynth(t, f, nil), Concurrency: 1}
	text := longArticle()
	for voice, name := range testVoices {
		f.reqs = nil
		got, err := sp.Speak(context.Background(), text, voice)
		if err != nil {
			t.Fatal(err)
		}
		spoken, _ := tts.Spoken(text, voice)
		if len(f.reqs) < 3 {
			t.Errorf("%s: %d chunks for %d characters", voice, len(f.reqs), utf8.RuneCountInString(spoken))
		}
		var inputs []string
		for _, r := range f.reqs {
			if r.Voice != name {
				t.Errorf("%s: voice %q, want %q", voice, r.Voice, name)
			}
			if n := utf8.RuneCountInString(r.Input); n > MaxChunk {
				t.Errorf("%s: input of %d characters", voice, n)
			}
			inputs = append(inputs, r.Input)
		}
		if strings.Join(strings.Fields(strings.Join(inputs, " ")), " ") != strings.Join(strings.Fields(spoken), " ") {
			t.Errorf("%s: inputs are not the normalised text", voice)
		}
		if got.Backend != "openai" || len(got.Timings) < 10 {
			t.Errorf("%s: %d timings", voice, len(got.Timings))
		}
	}
}

func TestOpenAIErrors(t *testing.T) {
	cases := []struct {
		name      string
		answer    func(w http.ResponseWriter, n int) bool
		wantPosts int
		wantErr   string
	}{
		{"503 then audio", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				http.Error(w, "model loading", http.StatusServiceUnavailable)
				return true
			}
			return false
		}, 2, ""},
		{"429 with Retry-After", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				w.Header().Set("Retry-After", "2")
				http.Error(w, `{"error":{"message":"rate limited"}}`, http.StatusTooManyRequests)
				return true
			}
			return false
		}, 2, ""},
		{"unknown voice on the server", func(w http.ResponseWriter, n int) bool {
			http.Error(w, `{"error":{"message":"voice not found"}}`, http.StatusBadRequest)
			return true
		}, 1, "voice not found"},
		{"not audio", func(w http.ResponseWriter, n int) bool {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html>login</html>"))
			return true
		}, 1, "not MP3 audio (text/html)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(t)
			f.answer = c.answer
			var waits []time.Duration
			_, err := newTestSynth(t, f, &waits).Synthesize(context.Background(), tts.Request{Text: "Xin chào.", Voice: "north-male"})
			if f.posts != c.wantPosts {
				t.Errorf("%d posts, want %d", f.posts, c.wantPosts)
			}
			if (c.wantErr == "") != (err == nil) || (err != nil && (!strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), "openai: voice north-male (vi_male_north)"))) {
				t.Fatalf("err = %v, want %q", err, c.wantErr)
			}
			if strings.Contains(c.name, "Retry-After") && (len(waits) != 1 || waits[0] != 2*time.Second) {
				t.Errorf("waits %v", waits)
			}
		})
	}
}

func TestEndpointAndVoices(t *testing.T) {
	for in, want := range map[string]string{
		"http://h:8000":                     "http://h:8000/v1/audio/speech",
		"http://h:8000/":                    "http://h:8000/v1/audio/speech",
		"http://h/v1":                       "http://h/v1/audio/speech",
		"https://h/api/v1/audio/speech":     "https://h/api/v1/audio/speech",
		"https://h/openai/v1/audio/speech/": "https://h/openai/v1/audio/speech",
	} {
		if got := Endpoint(in); got != want {
			t.Errorf("Endpoint(%q) = %q, want %q", in, got, want)
		}
	}
	f := newFake(t)
	s := newTestSynth(t, f, nil)
	if _, err := s.Synthesize(context.Background(), tts.Request{Text: "a", Voice: "central-female"}); err == nil || !strings.Contains(err.Error(), `openai: no voice "central-female"`) {
		t.Errorf("central voice: %v", err)
	}
	if _, err := s.Synthesize(context.Background(), tts.Request{Text: strings.Repeat("ê", MaxChunk+1), Voice: "north-male"}); err == nil {
		t.Error("over-long input sent")
	}
	if f.posts != 0 {
		t.Error("requests sent")
	}
}

func TestConfigFromEnv(t *testing.T) {
	cases := []struct {
		env     map[string]string
		wantErr string
		check   func(Config) bool
	}{
		{map[string]string{}, "openai: DXNEWS_OPENAI_TTS_URL is not set", nil},
		{map[string]string{"DXNEWS_OPENAI_TTS_URL": "http://h"}, "", func(c Config) bool {
			return c.URL == "http://h" && c.Key == "" && c.Model == "" && c.Voices["south-male"] == "south-male"
		}},
		{map[string]string{"DXNEWS_OPENAI_TTS_URL": "http://h", "DXNEWS_OPENAI_TTS_KEY": "k", "DXNEWS_OPENAI_TTS_MODEL": "f5-vi",
			"DXNEWS_OPENAI_TTS_VOICES": "south-male=nam_sg", "DXNEWS_OPENAI_TTS_SPEED": "1.2"}, "", func(c Config) bool {
			return c.Key == "k" && c.Model == "f5-vi" && c.Voices["south-male"] == "nam_sg" && c.Speed == 1.2
		}},
		{map[string]string{"DXNEWS_OPENAI_TTS_URL": "http://h", "DXNEWS_OPENAI_TTS_SPEED": "fast"}, "DXNEWS_OPENAI_TTS_SPEED", nil},
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
}
