package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dxnews/article"
	"dxnews/tts"
)

// fakeSynth answers every request with a short MP3, except for one voice,
// which always fails.
type fakeSynth struct {
	mp3   []byte
	fails string
}

func (f fakeSynth) Name() string { return "fake" }

func (f fakeSynth) Synthesize(ctx context.Context, req tts.Request) (tts.Audio, error) {
	if req.Voice == f.fails {
		return tts.Audio{}, errors.New("fake: service refused")
	}
	return tts.Audio{Data: f.mp3, Format: "mp3"}, nil
}

// TestSpeechFailureIsRecordedNotFatal checks that one failing voice leaves the
// other voices stored, and that status reports the failure.
func TestSpeechFailureIsRecordedNotFatal(t *testing.T) {
	mp3, err := os.ReadFile(filepath.Join("..", "..", "tts", "testdata", "sine.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	dir := t.TempDir()
	var stderr bytes.Buffer
	e := newEnv("test", nil, &bytes.Buffer{}, &stderr, func(string) string { return "" })
	d, err := openData(context.Background(), e, dir, modeOwn)
	if err != nil {
		t.Fatal(err)
	}
	p := &pipeline{
		data:    d,
		speaker: &tts.Speaker{Backend: fakeSynth{mp3: mp3, fails: "south-male"}},
		voices:  []string{"north-female", "south-male"},
		logger:  e.logger,
	}
	url := "https://tin.example.vn/chuyen-doi-so-1.html"
	a := article.Article{ID: article.IDFor(url), URL: url, CanonicalURL: url,
		Title: "Tỉnh ra mắt cổng dữ liệu mở", Body: "Cổng dữ liệu mở có 120 bộ dữ liệu."}
	if err := p.add(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := p.speakAll(ctx); err != nil {
		t.Fatalf("speakAll failed as a whole: %v", err)
	}
	if p.audio != 1 || p.failed != 1 || len(p.failures) != 1 || p.failures[0].Voice != "south-male" {
		t.Fatalf("audio %d, failed %d, failures %+v", p.audio, p.failed, p.failures)
	}
	got, err := d.store.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Audio) != 1 || got.Audio[0].Voice != "north-female" || got.Audio[0].DurationMS <= 0 {
		t.Fatalf("stored audio = %+v", got.Audio)
	}
	if d.store.HasAudio(a.ID, "south-male") {
		t.Fatal("a failed voice left a file behind")
	}
	if err := writeLastRun(dir, crawlResult{audio: p.audio, failed: p.failed, failures: p.failures}, nil); err != nil {
		t.Fatal(err)
	}
	d.Close()

	code, stdout, stderrText := run(t, nil, "status", "-data", dir)
	if code != 0 {
		t.Fatalf("status exit %d: %s", code, stderrText)
	}
	if !strings.Contains(stdout, "speech failed: "+a.ID+" south-male: ") || !strings.Contains(stdout, "service refused") {
		t.Fatalf("status does not report the failure:\n%s", stdout)
	}
}
