package zalo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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

// fakeZalo imitates Zalo AI: it checks the form post and answers with a
// streaming URL served by the same server.
type fakeZalo struct {
	t     *testing.T
	srv   *httptest.Server
	audio []byte
	// answer, when set, may answer the nth POST itself.
	answer func(w http.ResponseWriter, n int, input string) bool

	mu       sync.Mutex
	posts    int
	inputs   []string
	speakers []string
	gets     int
}

func newFakeZalo(t *testing.T) *fakeZalo {
	audio, err := os.ReadFile(filepath.Join("..", "testdata", "sine.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeZalo{t: t, audio: audio}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeZalo) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if strings.HasPrefix(r.URL.Path, "/chunk/") {
		f.gets++
		w.Header().Set("Content-Type", "audio/mpeg")
		w.Write(f.audio)
		return
	}
	f.posts++
	if r.Method != http.MethodPost || r.URL.Path != "/v1/tts/synthesize" {
		f.t.Errorf("request %s %s", r.Method, r.URL.Path)
	}
	if got := r.Header.Get("apikey"); got != "test-key" {
		f.t.Errorf("apikey header %q", got)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		f.t.Errorf("Content-Type %q", ct)
	}
	if err := r.ParseForm(); err != nil {
		f.t.Error(err)
	}
	for field, want := range map[string]string{"encode_type": "1", "speed": "1", "quality": "0"} {
		if got := r.PostForm.Get(field); got != want {
			f.t.Errorf("form %s = %q, want %q", field, got, want)
		}
	}
	input := r.PostForm.Get("input")
	if f.answer != nil && f.answer(w, f.posts, input) {
		return
	}
	if utf8.RuneCountInString(input) > 2000 {
		json.NewEncoder(w).Encode(map[string]any{"error_code": 155, "error_message": "Your input exceeds the allowed limit of 2000 characters", "data": []any{}})
		return
	}
	f.inputs = append(f.inputs, input)
	f.speakers = append(f.speakers, r.PostForm.Get("speaker_id"))
	fmt.Fprintf(w, `{"error_code":0,"error_message":"Successful.","data":{"url":"%s/chunk/%d"}}`, f.srv.URL, f.posts)
}

func newTestSynth(t *testing.T, f *fakeZalo, waits *[]time.Duration) *Synth {
	var mu sync.Mutex
	s, err := New(Config{APIKey: "test-key", URL: f.srv.URL + "/v1/tts/synthesize", HTTPOptions: tts.HTTPOptions{Backoff: tts.Backoff{
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
	para := "Tỉnh mở rộng thanh toán không dùng tiền mặt tại chợ truyền thống và bệnh viện. " +
		"Các hợp tác xã được hỗ trợ đưa nông sản lên sàn thương mại điện tử.\n\n"
	return "Kinh tế số ở nông thôn.\n\n" + strings.Repeat(para, 20)
}

func TestSpeakAllVoicesThroughZalo(t *testing.T) {
	f := newFakeZalo(t)
	sp := &tts.Speaker{Backend: newTestSynth(t, f, nil), Concurrency: 1}
	text := longArticle()
	for voice, speaker := range map[string]string{"north-female": "2", "north-male": "4", "south-female": "1", "south-male": "3"} {
		f.inputs, f.speakers = nil, nil
		got, err := sp.Speak(context.Background(), text, voice)
		if err != nil {
			t.Fatal(err)
		}
		spoken, _ := tts.Spoken(text, voice)
		if len(f.inputs) < 3 {
			t.Errorf("%s: %d chunks for %d characters", voice, len(f.inputs), utf8.RuneCountInString(spoken))
		}
		for i, sp := range f.speakers {
			if sp != speaker {
				t.Errorf("%s: speaker_id %q, want %q", voice, sp, speaker)
			}
			if n := utf8.RuneCountInString(f.inputs[i]); n > MaxChunk {
				t.Errorf("%s: chunk of %d characters", voice, n)
			}
		}
		if strings.Join(strings.Fields(strings.Join(f.inputs, " ")), " ") != strings.Join(strings.Fields(spoken), " ") {
			t.Errorf("%s: inputs are not the normalised text", voice)
		}
		if got.Backend != "zalo" || len(got.Timings) < 3 || got.DurationMS <= 0 {
			t.Errorf("%s: speech %+v", voice, got.Timings)
		}
	}
	if f.gets != f.posts {
		t.Errorf("%d downloads for %d syntheses", f.gets, f.posts)
	}
}

func TestZaloErrors(t *testing.T) {
	internal := `{"error_code":500,"error_message":"Internal server error","data":[]}`
	cases := []struct {
		name      string
		answer    func(w http.ResponseWriter, n int, input string) bool
		wantPosts int
		wantErr   string
		is        error
	}{
		{"HTTP 500 then ok", func(w http.ResponseWriter, n int, _ string) bool {
			if n == 1 {
				w.WriteHeader(http.StatusInternalServerError)
				w.Write([]byte(internal))
				return true
			}
			return false
		}, 2, "", nil},
		{"error_code 500 in a 200 answer, retried", func(w http.ResponseWriter, n int, _ string) bool {
			if n <= 2 {
				w.Write([]byte(internal))
				return true
			}
			return false
		}, 3, "", nil},
		{"HTTP 500 forever", func(w http.ResponseWriter, n int, _ string) bool {
			w.WriteHeader(http.StatusInternalServerError)
			w.Write([]byte(internal))
			return true
		}, 4, "gave up after 4 attempts", nil},
		{"error 155 is not retried", func(w http.ResponseWriter, n int, _ string) bool {
			w.Write([]byte(`{"error_code":155,"error_message":"Your input exceeds the allowed limit of 2000 characters","data":[]}`))
			return true
		}, 1, "error 155", ErrTooLong},
		{"wrong key", func(w http.ResponseWriter, n int, _ string) bool {
			w.Write([]byte(`{"error_code":401,"error_message":"Wrong apikey","data":[]}`))
			return true
		}, 1, "wrong API key", nil},
		{"no url", func(w http.ResponseWriter, n int, _ string) bool {
			w.Write([]byte(`{"error_code":0,"error_message":"Successful.","data":{}}`))
			return true
		}, 1, "no audio url", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeZalo(t)
			f.answer = c.answer
			a, err := newTestSynth(t, f, nil).Synthesize(context.Background(), tts.Request{Text: "Chuyển đổi số.", Voice: "south-male"})
			if f.posts != c.wantPosts {
				t.Errorf("%d posts, want %d", f.posts, c.wantPosts)
			}
			if c.wantErr == "" {
				if err != nil || len(a.Data) == 0 {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), "zalo: voice south-male (speaker 3)") {
				t.Fatalf("err = %v, want %q", err, c.wantErr)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("err %v is not %v", err, c.is)
			}
		})
	}
}

func TestChunkFailureNamesChunk(t *testing.T) {
	f := newFakeZalo(t)
	f.answer = func(w http.ResponseWriter, n int, input string) bool {
		if strings.Contains(input, "Kinh tế số") {
			return false
		}
		w.Write([]byte(`{"error_code":150,"error_message":"Invalid parameter value","data":[]}`))
		return true
	}
	got, err := (&tts.Speaker{Backend: newTestSynth(t, f, nil)}).Speak(context.Background(), longArticle(), "north-male")
	if err == nil || !strings.Contains(err.Error(), "zalo voice north-male chunk 1 of") || !strings.Contains(err.Error(), "error 150") {
		t.Fatalf("err = %v", err)
	}
	if got.MP3 != nil {
		t.Error("partial audio returned")
	}
}

func TestLocalLimits(t *testing.T) {
	f := newFakeZalo(t)
	s := newTestSynth(t, f, nil)
	_, err := s.Synthesize(context.Background(), tts.Request{Text: strings.Repeat("á", MaxChunk+1), Voice: "north-female"})
	if !errors.Is(err, ErrTooLong) {
		t.Errorf("over-long text: %v", err)
	}
	_, err = s.Synthesize(context.Background(), tts.Request{Text: "xin chào", Voice: "central-male"})
	if err == nil || !strings.Contains(err.Error(), `zalo: no voice "central-male"`) {
		t.Errorf("central voice: %v", err)
	}
	if f.posts != 0 {
		t.Error("requests sent")
	}
	if _, err := New(Config{APIKey: "k", Voices: map[string]string{"north-male": "9"}}); err == nil {
		t.Error("speaker 9 accepted")
	}
}

func TestConfigFromEnv(t *testing.T) {
	cases := []struct {
		env     map[string]string
		wantErr string
		check   func(Config) bool
	}{
		{map[string]string{}, "zalo: DXNEWS_ZALO_API_KEY is not set", nil},
		{map[string]string{"DXNEWS_ZALO_API_KEY": "k"}, "", func(c Config) bool {
			return c.APIKey == "k" && c.Voices["north-male"] == "4" && len(c.Voices) == 4
		}},
		{map[string]string{"DXNEWS_ZALO_API_KEY": "k", "DXNEWS_ZALO_URL": "http://z", "DXNEWS_ZALO_VOICES": "north-female=5", "DXNEWS_ZALO_SPEED": "0.9"}, "",
			func(c Config) bool { return c.URL == "http://z" && c.Voices["north-female"] == "5" && c.Speed == 0.9 }},
		{map[string]string{"DXNEWS_ZALO_API_KEY": "k", "DXNEWS_ZALO_SPEED": "2"}, "DXNEWS_ZALO_SPEED", nil},
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
