package viettel

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"dxnews/tts"
)

// fakeViettel imitates Viettel AI: it checks the JSON body and answers
// with MP3 bytes.
type fakeViettel struct {
	t      *testing.T
	srv    *httptest.Server
	audio  []byte
	answer func(w http.ResponseWriter, n int) bool

	mu     sync.Mutex
	posts  int
	texts  []string
	voices []string
}

func newFake(t *testing.T) *fakeViettel {
	audio, err := os.ReadFile(filepath.Join("..", "testdata", "tagged.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeViettel{t: t, audio: audio}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeViettel) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.posts++
	if r.Method != http.MethodPost || r.URL.Path != "/tts/speech_synthesis" {
		f.t.Errorf("request %s %s", r.Method, r.URL.Path)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		f.t.Errorf("Content-Type %q", ct)
	}
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		f.t.Errorf("body: %v", err)
	}
	keys := make([]string, 0, len(body))
	for k := range body {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if got := strings.Join(keys, ","); got != "speed,text,token,tts_return_option,voice,without_filter" {
		f.t.Errorf("body fields %s", got)
	}
	if body["token"] != "test-token" || body["tts_return_option"] != float64(3) || body["speed"] != float64(1) || body["without_filter"] != false {
		f.t.Errorf("body %v", body)
	}
	if f.answer != nil && f.answer(w, f.posts) {
		return
	}
	text, _ := body["text"].(string)
	voice, _ := body["voice"].(string)
	f.texts = append(f.texts, text)
	f.voices = append(f.voices, voice)
	w.Header().Set("Content-Type", "audio/mpeg")
	w.Write(f.audio)
}

func newTestSynth(t *testing.T, f *fakeViettel, waits *[]time.Duration) *Synth {
	var mu sync.Mutex
	s, err := New(Config{Token: "test-token", URL: f.srv.URL + "/tts/speech_synthesis", HTTPOptions: tts.HTTPOptions{Backoff: tts.Backoff{
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

const article = `Thành phố khai trương trung tâm điều hành thông minh.
Trung tâm theo dõi giao thông, môi trường và phản ánh của người dân theo thời gian thực. Mỗi phản ánh được chuyển tới cơ quan phụ trách trong vòng mười lăm phút.
Các camera ở nút giao lớn giúp phát hiện ùn tắc sớm, còn cảm biến đo chất lượng không khí đặt tại trường học và bệnh viện.
Lãnh đạo thành phố cho biết dữ liệu sẽ được mở cho doanh nghiệp khởi nghiệp khai thác, với điều kiện bảo đảm quyền riêng tư của người dân.`

func TestSpeakAllVoicesThroughViettel(t *testing.T) {
	f := newFake(t)
	sp := &tts.Speaker{Backend: newTestSynth(t, f, nil), Concurrency: 1}
	for voice, vt := range map[string]string{"north-female": "hn-quynhanh", "north-male": "hn-thanhtung", "south-female": "hcm-diemmy", "south-male": "hcm-minhquan"} {
		f.texts, f.voices = nil, nil
		got, err := sp.Speak(context.Background(), article, voice)
		if err != nil {
			t.Fatal(err)
		}
		spoken, _ := tts.Spoken(article, voice)
		if len(f.texts) < 3 {
			t.Errorf("%s: %d chunks", voice, len(f.texts))
		}
		for i, v := range f.voices {
			if v != vt {
				t.Errorf("%s: voice %q, want %q", voice, v, vt)
			}
			if n := utf8.RuneCountInString(f.texts[i]); n > DefaultMaxChunk {
				t.Errorf("%s: chunk of %d characters", voice, n)
			}
		}
		if strings.Join(strings.Fields(strings.Join(f.texts, " ")), " ") != strings.Join(strings.Fields(spoken), " ") {
			t.Errorf("%s: texts sent are not the normalised text", voice)
		}
		if got.Backend != "viettel" || len(got.Timings) < 4 {
			t.Errorf("%s: %d timings", voice, len(got.Timings))
		}
	}
}

func TestViettelErrors(t *testing.T) {
	cases := []struct {
		name      string
		answer    func(w http.ResponseWriter, n int) bool
		wantPosts int
		wantErr   string
		wantWaits []time.Duration
	}{
		{"429 with Retry-After, then audio", func(w http.ResponseWriter, n int) bool {
			if n <= 2 {
				w.Header().Set("Retry-After", "3")
				http.Error(w, `{"message":"Too many requests"}`, http.StatusTooManyRequests)
				return true
			}
			return false
		}, 3, "", []time.Duration{3 * time.Second, 3 * time.Second}},
		{"429 forever", func(w http.ResponseWriter, n int) bool {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "Too many requests", http.StatusTooManyRequests)
			return true
		}, 4, "gave up after 4 attempts: HTTP 429", nil},
		{"JSON error with status 200", func(w http.ResponseWriter, n int) bool {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"code":401,"message":"token invalid"}`))
			return true
		}, 1, "token invalid", nil},
		{"bad request", func(w http.ResponseWriter, n int) bool {
			http.Error(w, "voice not found", http.StatusBadRequest)
			return true
		}, 1, "HTTP 400", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(t)
			f.answer = c.answer
			var waits []time.Duration
			a, err := newTestSynth(t, f, &waits).Synthesize(context.Background(), tts.Request{Text: "Xin chào.", Voice: "south-female"})
			if f.posts != c.wantPosts {
				t.Errorf("%d posts, want %d", f.posts, c.wantPosts)
			}
			if c.wantErr == "" {
				if err != nil || len(a.Data) == 0 {
					t.Fatal(err)
				}
			} else if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), "viettel: voice south-female (hcm-diemmy)") {
				t.Fatalf("err = %v, want %q", err, c.wantErr)
			}
			if c.wantWaits != nil && (len(waits) != len(c.wantWaits) || waits[0] != c.wantWaits[0] || waits[1] != c.wantWaits[1]) {
				t.Errorf("waits %v, want %v", waits, c.wantWaits)
			}
		})
	}
}

func TestViettelLimitsAndVoices(t *testing.T) {
	f := newFake(t)
	s := newTestSynth(t, f, nil)
	if _, err := s.Synthesize(context.Background(), tts.Request{Text: strings.Repeat("ạ ", 200), Voice: "north-male"}); err == nil {
		t.Error("chunk over the limit sent")
	}
	only, _ := New(Config{Token: "t", URL: f.srv.URL, Voices: map[string]string{"north-male": "hn-thanhtung"}})
	if _, err := only.Synthesize(context.Background(), tts.Request{Text: "a", Voice: "south-male"}); err == nil || !strings.Contains(err.Error(), `viettel: no voice "south-male"`) {
		t.Errorf("missing voice: %v", err)
	}
	if f.posts != 0 {
		t.Error("requests sent")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Synthesize(ctx, tts.Request{Text: "a", Voice: "north-male"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestConfigFromEnv(t *testing.T) {
	cases := []struct {
		env     map[string]string
		wantErr string
		check   func(Config) bool
	}{
		{map[string]string{}, "viettel: DXNEWS_VIETTEL_TOKEN is not set", nil},
		{map[string]string{"DXNEWS_VIETTEL_TOKEN": "t"}, "", func(c Config) bool {
			return c.Token == "t" && c.Voices["central-male"] == "hue-baoquoc" && c.MaxChunk == 0
		}},
		{map[string]string{"DXNEWS_VIETTEL_TOKEN": "t", "DXNEWS_VIETTEL_URL": "http://v", "DXNEWS_VIETTEL_MAX_CHUNK": "500",
			"DXNEWS_VIETTEL_SPEED": "1.1", "DXNEWS_VIETTEL_VOICES": "north-female=hn-thaochi"}, "", func(c Config) bool {
			return c.URL == "http://v" && c.MaxChunk == 500 && c.Speed == 1.1 && c.Voices["north-female"] == "hn-thaochi"
		}},
		{map[string]string{"DXNEWS_VIETTEL_TOKEN": "t", "DXNEWS_VIETTEL_MAX_CHUNK": "ten"}, "DXNEWS_VIETTEL_MAX_CHUNK", nil},
		{map[string]string{"DXNEWS_VIETTEL_TOKEN": "t", "DXNEWS_VIETTEL_SPEED": "3"}, "DXNEWS_VIETTEL_SPEED", nil},
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
