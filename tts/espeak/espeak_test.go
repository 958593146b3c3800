package espeak

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"dxnews/tts"
	"dxnews/tts/loudness"
	"dxnews/tts/mp3"
	"dxnews/tts/ttstest"
)

// needTools skips when the external programs are missing; `make` installs them.
func needTools(t testing.TB) {
	t.Helper()
	for _, p := range []string{"espeak-ng", "lame"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s not on PATH (apt-get install espeak-ng lame); skipping espeak tests", p)
		}
	}
}

func newSynth(t testing.TB, cfg Config) *Synth {
	t.Helper()
	needTools(t)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readArticle(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNewMissingPrograms(t *testing.T) {
	cases := []struct {
		cfg  Config
		want string
	}{
		{Config{ESpeak: "espeak-ng-missing-here"}, "espeak: espeak-ng-missing-here not found on PATH; install it with apt-get install espeak-ng"},
	}
	for _, c := range cases {
		_, err := New(c.cfg)
		if err == nil || err.Error() != c.want {
			t.Errorf("New(%+v) error = %v, want %q", c.cfg, err, c.want)
		}
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := New(Config{}); err == nil || !strings.Contains(err.Error(), "espeak-ng not found on PATH") {
		t.Errorf("empty PATH: %v", err)
	}
}

func TestNewRejectsUnknownVoiceMapping(t *testing.T) {
	needTools(t)
	for mapping, want := range map[string]string{
		"vi+nosuchvariant": `no variant "nosuchvariant"`,
		"xx-nowhere+f3":    `no language "xx-nowhere"`,
	} {
		_, err := New(Config{Voices: map[string]string{"north-female": mapping}})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "north-female") {
			t.Errorf("mapping %q: error = %v, want %q", mapping, err, want)
		}
	}
}

func TestDefaultVoicesAllExist(t *testing.T) {
	s := newSynth(t, Config{})
	want := []string{"central-female", "central-male", "north-female", "north-male", "south-female", "south-male"}
	if got := strings.Join(s.Voices(), ","); got != strings.Join(want, ",") {
		t.Errorf("Voices() = %s", got)
	}
}

func TestFourVoicesDiffer(t *testing.T) {
	s := newSynth(t, Config{})
	text := "Tỉnh đã đưa toàn bộ thủ tục hành chính lên cổng dịch vụ công trực tuyến. Người dân có thể nộp hồ sơ qua điện thoại."
	outs := map[string][]byte{}
	for _, voice := range []string{"north-female", "north-male", "south-female", "south-male", "central-female", "central-male"} {
		a, err := s.Synthesize(context.Background(), tts.Request{Text: text, Voice: voice})
		if err != nil {
			t.Fatal(err)
		}
		if a.Format != "wav" {
			t.Errorf("format %q", a.Format)
		}
		p, err := mp3.DecodeWAV(a.Data)
		if err != nil {
			t.Fatalf("%s: %v", voice, err)
		}
		d := p.Duration()
		if d < 2*time.Second {
			t.Errorf("%s: %v of audio for two sentences", voice, d)
		}
		for other, b := range outs {
			if bytes.Equal(a.Data, b) {
				t.Errorf("%s and %s produced identical audio", voice, other)
			}
		}
		outs[voice] = a.Data
	}
}

func TestSynthesizeErrors(t *testing.T) {
	s := newSynth(t, Config{})
	_, err := s.Synthesize(context.Background(), tts.Request{Text: "xin chào", Voice: "robot"})
	if err == nil || !strings.Contains(err.Error(), `espeak: no voice "robot"`) {
		t.Errorf("unknown voice: %v", err)
	}
	only := newSynth(t, Config{Voices: map[string]string{"north-female": "vi+f3"}})
	_, err = only.Synthesize(context.Background(), tts.Request{Text: "xin chào", Voice: "south-male"})
	if err == nil || !strings.Contains(err.Error(), "south-male") {
		t.Errorf("voice missing from the mapping was not refused: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Synthesize(ctx, tts.Request{Text: "xin chào", Voice: "north-male"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
}

func TestTextGoesOnStdin(t *testing.T) {
	s := newSynth(t, Config{})
	// Text that would be an option if it were passed as an argument.
	a, err := s.Synthesize(context.Background(), tts.Request{Text: "--version -v en xin chào các bạn", Voice: "north-female"})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := mp3.DecodeWAV(a.Data); err != nil || p.Duration() < time.Second {
		t.Errorf("duration %v, err %v: text was not read aloud", p.Duration(), err)
	}
}

func TestSpeakerWithEspeak(t *testing.T) {
	s := newSynth(t, Config{})
	cache, err := tts.NewCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sp := &tts.Speaker{Backend: s, Cache: cache, Concurrency: 2}
	text := readArticle(t)
	seen := map[string]bool{}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, voice := range []string{"north-female", "north-male", "south-female", "south-male"} {
		got, err := sp.Speak(context.Background(), text, voice)
		if err != nil {
			t.Fatal(err)
		}
		d, err := mp3.Duration(got.MP3)
		if err != nil {
			t.Fatal(err)
		}
		if d < 60*time.Second {
			t.Errorf("%s: %v of audio for a %d-character article", voice, d, len([]rune(text)))
		}
		if diff := d.Milliseconds() - got.DurationMS; diff < -5 || diff > 5 {
			t.Errorf("%s: decoded %v, reported %d ms", voice, d, got.DurationMS)
		}
		if len(got.Timings) < 20 || got.Timings[len(got.Timings)-1].EndMS != got.DurationMS {
			t.Errorf("%s: %d timings ending at %d of %d ms", voice, len(got.Timings), got.Timings[len(got.Timings)-1].EndMS, got.DurationMS)
		}
		if seen[string(got.MP3)] {
			t.Errorf("%s sounds exactly like another voice", voice)
		}
		seen[string(got.MP3)] = true
		// Every voice is published at the same loudness, measured on the
		// decoded MP3.
		dec, err := mp3.Decode(got.MP3)
		if err != nil {
			t.Fatal(err)
		}
		m := loudness.Measure(dec.Samples, dec.Rate)
		if m.Integrated < -16.5 || m.Integrated > -15.5 || m.TruePeak > -1.2 {
			t.Errorf("%s: %.2f LUFS, %.2f dBTP; want -16 ± 0.5 LUFS, ≤ -1.2 dBTP", voice, m.Integrated, m.TruePeak)
		}
		lo, hi = min(lo, m.Integrated), max(hi, m.Integrated)
	}
	if hi-lo > 0.5 {
		t.Errorf("loudness spread between voices %.2f LU, want ≤ 0.5", hi-lo)
	}
}

func TestSettingsInCacheKey(t *testing.T) {
	needTools(t)
	ttstest.CheckSettingsInKey(t, New, ttstest.SettingsTest[Config]{
		Changes: map[string]func(*Config){
			"Voices":   func(c *Config) { c.Voices = map[string]string{"north-female": DefaultVoices["north-male"]} },
			"Speed":    func(c *Config) { c.Speed = DefaultSpeed + 20 },
			"MaxChunk": func(c *Config) { c.MaxChunk = 300 }, // chunks cut elsewhere sound different
		},
		Inert: map[string]string{
			"ESpeak":      "the program's path, found on PATH",
			"Concurrency": "how many run at once",
			"Timeout":     "when to give up, not what",
		},
	})
}
