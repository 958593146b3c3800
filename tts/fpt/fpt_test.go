package fpt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// fakeFPT imitates FPT.AI v5: it checks each request and serves the MP3 on
// the async link only after notReady polls.
type fakeFPT struct {
	t        *testing.T
	srv      *httptest.Server
	audio    []byte
	notReady int
	// synth, when set, answers the synthesis POST instead of the default.
	synth func(w http.ResponseWriter, n int) bool

	mu     sync.Mutex
	posts  int
	served int
	texts  []string
	voices []string
	polls  map[string]int
}

func newFakeFPT(t *testing.T) *fakeFPT {
	audio, err := os.ReadFile(filepath.Join("..", "testdata", "sine.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeFPT{t: t, audio: audio, polls: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeFPT) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if strings.HasPrefix(r.URL.Path, "/files/") {
		f.polls[r.URL.Path]++
		if r.Method != http.MethodGet || f.polls[r.URL.Path] <= f.notReady {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "audio/mpeg")
		w.Write(f.audio)
		return
	}
	f.posts++
	if r.Method != http.MethodPost || r.URL.Path != "/hmi/tts/v5" {
		f.t.Errorf("request %s %s", r.Method, r.URL.Path)
	}
	for h, want := range map[string]string{"api_key": "test-key", "speed": "0", "format": "mp3"} {
		if got := r.Header.Get(h); got != want {
			f.t.Errorf("header %s = %q, want %q", h, got, want)
		}
	}
	body, _ := io.ReadAll(r.Body)
	if !utf8.Valid(body) || len(body) == 0 {
		f.t.Errorf("body is not UTF-8 text: %q", body)
	}
	if f.synth != nil && f.synth(w, f.posts) {
		return
	}
	f.texts = append(f.texts, string(body))
	f.voices = append(f.voices, r.Header.Get("voice"))
	f.served++
	n := f.served
	json.NewEncoder(w).Encode(map[string]any{
		"async":      fmt.Sprintf("%s/files/%d.mp3", f.srv.URL, n),
		"error":      0,
		"message":    "The content will be returned after a few seconds under the async link.",
		"request_id": fmt.Sprintf("req-%d", n),
	})
}

// noWait makes polls and retries instant and records the waits asked for.
func noWait(waits *[]time.Duration, mu *sync.Mutex) func(context.Context, time.Duration) error {
	return func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		*waits = append(*waits, d)
		mu.Unlock()
		return ctx.Err()
	}
}

func newTestSynth(t *testing.T, f *fakeFPT, edit func(*Config)) (*Synth, *[]time.Duration) {
	var waits []time.Duration
	var mu sync.Mutex
	cfg := Config{APIKey: "test-key", URL: f.srv.URL + "/hmi/tts/v5", HTTPOptions: tts.HTTPOptions{Backoff: tts.Backoff{Sleep: noWait(&waits, &mu)}}}
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, &waits
}

// longArticle is over 5,000 characters so that it needs several chunks.
func longArticle() string {
	para := "Thành phố triển khai nền tảng dữ liệu dùng chung cho các sở ngành. " +
		"Người dân có thể tra cứu hồ sơ, nộp phí và nhận kết quả ngay trên điện thoại. " +
		"Lãnh đạo thành phố yêu cầu hoàn thành kết nối với cơ sở dữ liệu quốc gia trước cuối năm.\n\n"
	return "Đô thị thông minh bắt đầu từ dữ liệu.\n\n" + strings.Repeat(para, 24)
}

func TestSpeakAllVoicesThroughFPT(t *testing.T) {
	f := newFakeFPT(t)
	f.notReady = 2
	s, waits := newTestSynth(t, f, nil)
	sp := &tts.Speaker{Backend: s, Concurrency: 1} // requests arrive in text order
	want := map[string]string{"north-female": "banmai", "north-male": "leminh", "south-female": "lannhi", "south-male": "minhquang"}
	text := longArticle()
	for voice, fptVoice := range want {
		f.mu.Lock()
		f.texts, f.voices = nil, nil
		f.mu.Unlock()
		got, err := sp.Speak(context.Background(), text, voice)
		if err != nil {
			t.Fatal(err)
		}
		spoken, _ := tts.Spoken(text, voice)
		if len(f.texts) < 3 {
			t.Errorf("%s: %d chunks for %d characters", voice, len(f.texts), utf8.RuneCountInString(spoken))
		}
		for i, v := range f.voices {
			if v != fptVoice {
				t.Errorf("%s: voice header %q, want %q", voice, v, fptVoice)
			}
			if n := utf8.RuneCountInString(f.texts[i]); n > MaxChunk {
				t.Errorf("%s: chunk of %d characters", voice, n)
			}
		}
		if strings.Join(strings.Fields(strings.Join(f.texts, " ")), " ") != strings.Join(strings.Fields(spoken), " ") {
			t.Errorf("%s: the chunks sent are not the normalised text", voice)
		}
		if got.Backend != "fpt" || got.DurationMS < 1000 || len(got.Timings) < 3 {
			t.Errorf("%s: speech %s %d ms %d timings", voice, got.Backend, got.DurationMS, len(got.Timings))
		}
	}
	// Each async link was polled until it was ready (2 misses, then the file).
	for path, n := range f.polls {
		if n != 3 {
			t.Errorf("%s polled %d times, want 3", path, n)
		}
	}
	if len(*waits) == 0 {
		t.Error("the backend never waited before polling")
	}
}

func TestPollDeadline(t *testing.T) {
	f := newFakeFPT(t)
	f.notReady = 1 << 30
	s, _ := newTestSynth(t, f, func(c *Config) {
		c.Backoff.Sleep = nil
		c.PollInterval = 5 * time.Millisecond
		c.PollDeadline = 60 * time.Millisecond
	})
	start := time.Now()
	_, err := s.Synthesize(context.Background(), tts.Request{Text: "Xin chào các bạn.", Voice: "south-female"})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "not ready") ||
		!strings.Contains(err.Error(), "south-female") || !strings.Contains(err.Error(), "req-1") {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("deadline of 60ms took %v", time.Since(start))
	}
}

func TestSynthesisErrors(t *testing.T) {
	cases := []struct {
		name      string
		answer    func(w http.ResponseWriter, n int) bool
		wantPosts int
		wantErr   string
		wantWait  time.Duration
	}{
		{"429 then ok, Retry-After honoured", func(w http.ResponseWriter, n int) bool {
			if n == 1 {
				w.Header().Set("Retry-After", "4")
				http.Error(w, `{"error":"rate limit"}`, http.StatusTooManyRequests)
				return true
			}
			return false
		}, 2, "", 4 * time.Second},
		{"500 three times then ok", func(w http.ResponseWriter, n int) bool {
			if n <= 3 {
				http.Error(w, "oops", http.StatusInternalServerError)
				return true
			}
			return false
		}, 4, "", 0},
		{"500 forever", func(w http.ResponseWriter, n int) bool {
			http.Error(w, "oops", http.StatusBadGateway)
			return true
		}, 4, "gave up after 4 attempts", 0},
		{"bad key is not retried", func(w http.ResponseWriter, n int) bool {
			http.Error(w, `{"message":"Invalid API key"}`, http.StatusUnauthorized)
			return true
		}, 1, "Invalid API key", 0},
		{"error field", func(w http.ResponseWriter, n int) bool {
			w.Write([]byte(`{"async":"","error":1,"message":"Text is too short","request_id":"x"}`))
			return true
		}, 1, "error 1: Text is too short", 0},
		{"no async link", func(w http.ResponseWriter, n int) bool {
			w.Write([]byte(`{"error":0}`))
			return true
		}, 1, "no async link", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeFPT(t)
			f.synth = c.answer
			s, waits := newTestSynth(t, f, nil)
			a, err := s.Synthesize(context.Background(), tts.Request{Text: "Chuyển đổi số toàn diện.", Voice: "north-male"})
			if f.posts != c.wantPosts {
				t.Errorf("%d POSTs, want %d", f.posts, c.wantPosts)
			}
			if c.wantErr == "" {
				if err != nil || len(a.Data) == 0 || a.Format != "mp3" {
					t.Fatalf("err = %v, %d bytes", err, len(a.Data))
				}
			} else if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), "fpt: voice north-male (leminh)") {
				t.Fatalf("err = %v, want %q", err, c.wantErr)
			}
			if c.wantWait > 0 && (len(*waits) == 0 || (*waits)[0] != c.wantWait) {
				t.Errorf("waits %v, want first %v", *waits, c.wantWait)
			}
		})
	}
}

func TestVoiceTheBackendLacks(t *testing.T) {
	f := newFakeFPT(t)
	s, _ := newTestSynth(t, f, func(c *Config) {
		c.Voices, _ = tts.ParseVoiceMap("south-male=", DefaultVoices)
	})
	_, err := (&tts.Speaker{Backend: s}).Speak(context.Background(), "Xin chào.", "south-male")
	if err == nil || !strings.Contains(err.Error(), `fpt has no voice "south-male"`) {
		t.Errorf("err = %v", err)
	}
	_, err = s.Synthesize(context.Background(), tts.Request{Text: "Xin chào.", Voice: "south-male"})
	if err == nil || !strings.Contains(err.Error(), `fpt: no voice "south-male"`) {
		t.Errorf("err = %v", err)
	}
	if _, err := s.Synthesize(context.Background(), tts.Request{Text: strings.Repeat("a", MaxChunk+1), Voice: "north-male"}); err == nil {
		t.Error("over-long chunk sent")
	}
	if f.posts != 0 {
		t.Error("requests were sent")
	}
}

func TestConfigFromEnv(t *testing.T) {
	cases := []struct {
		env     map[string]string
		wantErr string
		check   func(Config) bool
	}{
		{map[string]string{}, "fpt: DXNEWS_FPT_API_KEY is not set", nil},
		{map[string]string{"DXNEWS_FPT_API_KEY": "k"}, "", func(c Config) bool {
			return c.APIKey == "k" && c.URL == "" && c.Voices["south-female"] == "lannhi" && c.Speed == 0
		}},
		{map[string]string{"DXNEWS_FPT_API_KEY": "k", "DXNEWS_FPT_URL": "http://x/tts", "DXNEWS_FPT_SPEED": "-1",
			"DXNEWS_FPT_VOICES": "north-female=thuminh,south-male="}, "", func(c Config) bool {
			_, hasSM := c.Voices["south-male"]
			return c.URL == "http://x/tts" && c.Speed == -1 && c.Voices["north-female"] == "thuminh" && !hasSM
		}},
		{map[string]string{"DXNEWS_FPT_API_KEY": "k", "DXNEWS_FPT_SPEED": "9"}, "DXNEWS_FPT_SPEED", nil},
		{map[string]string{"DXNEWS_FPT_API_KEY": "k", "DXNEWS_FPT_VOICES": "robot=x"}, "DXNEWS_FPT_VOICES", nil},
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
