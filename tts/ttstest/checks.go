package ttstest

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"dxnews/tts"
)

// ArticleTitle is the first line of [Article].
const ArticleTitle = "Kinh tế số ở nông thôn."

// Article is a news text of ArticleTitle and n paragraphs of two sentences
// (148 characters each), for SpeakAllVoices: n sets how many of a
// backend's chunks it fills.
func Article(n int) string {
	para := "Tỉnh mở rộng thanh toán không dùng tiền mặt tại chợ truyền thống và bệnh viện. " +
		"Các hợp tác xã được hỗ trợ đưa nông sản lên sàn thương mại điện tử.\n\n"
	return ArticleTitle + "\n\n" + strings.Repeat(para, n)
}

// SpeakTest runs a backend, through a tts.Speaker, over one text in
// several voices.
type SpeakTest struct {
	Backend tts.Synthesizer
	Service *Service
	Text    string
	// Voices maps each dxnews voice ID to the service voice every request
	// for it must carry.
	Voices map[string]string
	// MaxChunk is the most characters one request may carry.
	MaxChunk int
	// MinChunks, MinTimings and MinDurationMS are the least requests,
	// sentence timings and milliseconds of audio each voice must give.
	MinChunks     int
	MinTimings    int
	MinDurationMS int64
}

// SpeakAllVoices speaks c.Text in every voice of c.Voices, one chunk at a
// time, and checks that each chunk went out in the voice wanted and within
// the limit, that the chunks joined are the text's spoken form
// (tts.Spoken), and that the speech is long enough and names the backend.
func SpeakAllVoices(t *testing.T, c SpeakTest) {
	t.Helper()
	sp := &tts.Speaker{Backend: c.Backend, Concurrency: 1} // requests arrive in text order
	for _, voice := range slices.Sorted(maps.Keys(c.Voices)) {
		want := c.Voices[voice]
		c.Service.Reset()
		got, err := sp.Speak(context.Background(), c.Text, voice)
		if err != nil {
			t.Fatal(err)
		}
		texts, voices := c.Service.Requests()
		spoken, _ := tts.Spoken(c.Text, voice)
		if len(texts) < c.MinChunks {
			t.Errorf("%s: %d chunks for %d characters", voice, len(texts), utf8.RuneCountInString(spoken))
		}
		for i, v := range voices {
			if v != want {
				t.Errorf("%s: service voice %q, want %q", voice, v, want)
			}
			if n := utf8.RuneCountInString(texts[i]); n > c.MaxChunk {
				t.Errorf("%s: chunk of %d characters", voice, n)
			}
		}
		if strings.Join(strings.Fields(strings.Join(texts, " ")), " ") != strings.Join(strings.Fields(spoken), " ") {
			t.Errorf("%s: the chunks sent are not the normalised text", voice)
		}
		if got.Backend != c.Backend.Name() || got.DurationMS < c.MinDurationMS || len(got.Timings) < c.MinTimings {
			t.Errorf("%s: speech from %s, %d ms, %d timings", voice, got.Backend, got.DurationMS, len(got.Timings))
		}
	}
}

// Build returns the backend build makes of cfg, failing the test when
// build fails.
func Build[C, S any](t testing.TB, build func(C) (S, error), cfg C) S {
	t.Helper()
	b, err := build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// CheckAudio checks what one synthesis gave: with wantErr set, an error
// containing it and no audio, never a part; without, exactly the audio want.
func CheckAudio(t *testing.T, a tts.Audio, err error, wantErr string, want []byte) {
	t.Helper()
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) || len(a.Data) != 0 {
			t.Fatalf("err = %v, %d bytes, want %q", err, len(a.Data), wantErr)
		}
		return
	}
	if err != nil || !bytes.Equal(a.Data, want) {
		t.Fatalf("err = %v, %d of %d bytes", err, len(a.Data), len(want))
	}
}

// EnvCase is one environment for a backend's ConfigFromEnv.
type EnvCase[C any] struct {
	Env map[string]string
	// Err is a part of the error wanted, "" for success.
	Err string
	// Check, when set, judges the configuration read.
	Check func(C) bool
}

// RunEnvCases reads each case's environment through fromEnv.
func RunEnvCases[C any](t *testing.T, fromEnv func(getenv func(string) string) (C, error), cases []EnvCase[C]) {
	t.Helper()
	for _, c := range cases {
		cfg, err := fromEnv(func(k string) string { return c.Env[k] })
		if (err == nil) != (c.Err == "") || (err != nil && !strings.Contains(err.Error(), c.Err)) {
			t.Errorf("env %v: err = %v, want %q", c.Env, err, c.Err)
			continue
		}
		if c.Check != nil && !c.Check(cfg) {
			t.Errorf("env %v: config %+v", c.Env, cfg)
		}
	}
}

// CheckRefusedLocally checks that the backend refuses, before sending
// anything to srv, a chunk of maxChunk+1 characters and a voice it lacks
// (missing), with an error "<name>: no voice …". It returns the over-long
// chunk's error for further checks.
func CheckRefusedLocally(t *testing.T, srv *Service, syn tts.Synthesizer, missing string, maxChunk int) (tooLong error) {
	t.Helper()
	voice := "north-male"
	if vl, ok := syn.(tts.VoiceLister); ok && len(vl.Voices()) > 0 {
		voice = vl.Voices()[0]
	}
	_, tooLong = syn.Synthesize(context.Background(), tts.Request{Text: strings.Repeat("ạ", maxChunk+1), Voice: voice})
	if tooLong == nil {
		t.Errorf("a chunk of %d characters was sent", maxChunk+1)
	}
	_, err := syn.Synthesize(context.Background(), tts.Request{Text: "Xin chào.", Voice: missing})
	if want := syn.Name() + `: no voice "` + missing + `"`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("voice %s: err = %v, want %q", missing, err, want)
	}
	if n := srv.Posts(); n != 0 {
		t.Errorf("%d requests sent", n)
	}
	return tooLong
}
