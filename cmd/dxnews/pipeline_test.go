package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hajimehoshi/go-mp3"

	"dxnews/article"
	"dxnews/store"
	"dxnews/tts"
	"dxnews/tts/ttstest"
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
	mp3 := ttstest.Audio(t, "sine.mp3")
	ctx := context.Background()
	dir := t.TempDir()
	e, d := openTestData(t, dir)
	p := &pipeline{
		data:    d,
		speaker: &tts.Speaker{Backend: fakeSynth{mp3: mp3, fails: "south-male"}},
		voices:  []string{"north-female", "south-male"},
		logger:  e.logger,
	}
	a := addArticle(t, p, "chuyen-doi-so-1.html", "Tỉnh ra mắt cổng dữ liệu mở", "Cổng dữ liệu mở có 120 bộ dữ liệu.")
	if err := p.speakOwed(ctx); err != nil {
		t.Fatalf("speakOwed failed as a whole: %v", err)
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
	if owed, _ := d.store.Owed(store.StageSpeech("south-male")); len(owed) != 1 || owed[0] != a.ID {
		t.Fatalf("the failed voice is not owed any more: %v", owed)
	}
	if owed, _ := d.store.Owed(store.StageSpeech("north-female")); len(owed) != 0 {
		t.Fatalf("the spoken voice is still owed: %v", owed)
	}
	if err := writeLastRun(dir, crawlResult{audio: p.audio, failed: p.failed, failures: p.failures}, nil); err != nil {
		t.Fatal(err)
	}
	d.Close()

	stdout, _ := mustRun(t, nil, "status", "-data", dir)
	if len(missing(stdout, "speech failed: "+a.ID+" south-male: ", "service refused")) > 0 {
		t.Fatalf("status does not report the failure:\n%s", stdout)
	}
	if !strings.Contains(stdout, "owed         speech in south-male: 1 articles") {
		t.Fatalf("status does not report the speech still owed:\n%s", stdout)
	}
}

// TestPendingSpeechSurvivesCrawlWithoutSpeak is the case found by trying
// dxnews as a new user: a crawl without -speak, then a crawl with it, must
// speak what the first stored, and a changed article must be spoken again.
func TestPendingSpeechSurvivesCrawlWithoutSpeak(t *testing.T) {
	long(t)
	needSpeech(t)
	site, cfg := siteWith(t, 3)
	dir := t.TempDir()
	env := map[string]string{"DXNEWS_VOICES": "north-female,south-male"}
	crawl := func(args ...string) string {
		t.Helper()
		_, stderr := mustRun(t, env, append([]string{"crawl", "-config", cfg, "-data", dir}, args...)...)
		return lastLine(stderr)
	}
	status := func() string {
		t.Helper()
		stdout, _ := mustRun(t, env, "status", "-data", dir)
		return stdout
	}

	if got := crawl(); len(missing(got, "kept 3", "audio files 0")) > 0 {
		t.Fatalf("first crawl: %s", got)
	}
	st := status()
	if m := missing(st, "owed         speech in north-female: 3 articles", "owed         speech in south-male: 3 articles"); len(m) > 0 {
		t.Fatalf("status after a crawl without -speak lacks %q:\n%s", m, st)
	}
	// The second crawl finds every page unchanged, and still speaks.
	if got := crawl("-speak"); len(missing(got, "unchanged 3", "audio files 6")) > 0 {
		t.Fatalf("crawl -speak after crawl: %s", got)
	}
	if st := status(); len(missing(st, "owed         nothing", "north-female   3 of 3")) > 0 {
		t.Fatalf("status after crawl -speak:\n%s", st)
	}
	checkAudio(t, dir, 3, []string{"north-female", "south-male"})

	// A changed article owes speech again, and only it.
	site.put(1, 1)
	if got := crawl(); !strings.Contains(got, "kept 1") {
		t.Fatalf("crawl after a change: %s", got)
	}
	if st := status(); !strings.Contains(st, "speech in north-female: 1 articles") {
		t.Fatalf("status after a change:\n%s", st)
	}
	if got := crawl("-speak"); !strings.Contains(got, "audio files 2") {
		t.Fatalf("crawl -speak after a change: %s", got)
	}
	checkAudio(t, dir, 3, []string{"north-female", "south-male"})
}

// checkAudio asserts that every stored article has audio in each voice, that
// each MP3 decodes end to end, and that its timings end at its duration and
// its text is the article's current text.
func checkAudio(t *testing.T, dir string, want int, voices []string) {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != want {
		t.Fatalf("%d articles stored, want %d", len(arts), want)
	}
	for _, a := range arts {
		for _, v := range voices {
			if !hasVoice(a.Audio, v) {
				t.Fatalf("article %s has no %s audio: %+v", a.ID, v, a.Audio)
			}
			checkMP3(t, st.AudioPath(a.ID, v), a.Text(), v)
		}
	}
}

// checkMP3 decodes an MP3 to its end and checks its timings file against it.
func checkMP3(t *testing.T, path, text, voice string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := mp3.NewDecoder(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s does not decode: %v", path, err)
	}
	n, err := io.Copy(io.Discard, dec)
	if err != nil {
		t.Fatalf("%s fails after %d bytes of audio: %v", path, n, err)
	}
	durMS := n * 1000 / 4 / int64(dec.SampleRate())
	var timings []tts.Timing
	tb, err := os.ReadFile(store.TimingsPath(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(tb, &timings); err != nil || len(timings) == 0 {
		t.Fatalf("%s timings: %v (%d)", path, err, len(timings))
	}
	last := timings[len(timings)-1].EndMS
	if d := last - durMS; d < -150 || d > 150 {
		t.Fatalf("%s: timings end at %d ms, audio lasts %d ms", path, last, durMS)
	}
	spoken, err := tts.Spoken(text, voice)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(spoken, timings[0].Text[:min(len(timings[0].Text), 12)]) {
		t.Fatalf("%s: first sentence %q is not from the article's text", path, timings[0].Text)
	}
}

// TestOwedAtUpgrade checks that a data folder written before the ledger of
// work owed gets one: every article owes speech in each voice it lacks.
func TestOwedAtUpgrade(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	_, d := openTestData(t, dir)
	var ids []string
	for i, audio := range [][]article.Audio{nil, {{Voice: "north-female"}}, {{Voice: "north-female"}, {Voice: "south-male"}}} {
		url := "https://tin.example.vn/bai-" + string(rune('a'+i)) + ".html"
		a := article.Article{ID: article.IDFor(url), URL: url, Title: "Bài", Audio: audio}
		if _, err := d.store.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	d.Close()
	// What an older version left: articles, no ledger.
	if err := os.RemoveAll(filepath.Join(dir, "pending")); err != nil {
		t.Fatal(err)
	}
	e, d := openTestData(t, dir)
	defer d.Close()
	p := &pipeline{data: d, voices: []string{"north-female", "south-male"}, logger: e.logger}
	if err := p.owedAtUpgrade(ctx); err != nil {
		t.Fatal(err)
	}
	nf, _ := d.store.Owed(store.StageSpeech("north-female"))
	sm, _ := d.store.Owed(store.StageSpeech("south-male"))
	if len(nf) != 1 || nf[0] != ids[0] || len(sm) != 2 || d.store.LedgerIsNew() {
		t.Fatalf("owed north-female %v, south-male %v (articles %v)", nf, sm, ids)
	}
}

// TestVoiceRemovedFromTheList checks that speech owed in a voice taken out
// of DXNEWS_VOICES blocks nothing: the voices still listed are spoken, the
// removed one stays owed, and status says why it waits.
func TestVoiceRemovedFromTheList(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	e, d := openTestData(t, dir)
	speaker := &tts.Speaker{Backend: fakeSynth{mp3: ttstest.Audio(t, "sine.mp3")}}
	before := &pipeline{data: d, voices: []string{"north-female", "south-male"}, logger: e.logger}
	addArticle(t, before, "bo-giong-noi.html", "Tỉnh số hoá hồ sơ", "Tỉnh số hoá 90% hồ sơ năm 2025.")
	after := &pipeline{data: d, voices: []string{"north-female"}, speaker: speaker, logger: e.logger}
	if err := after.speakOwed(ctx); err != nil || after.audio != 1 {
		t.Fatalf("speaking the listed voice: audio %d, %v", after.audio, err)
	}
	if owed, _ := d.store.Owed(store.StageSpeech("south-male")); len(owed) != 1 {
		t.Fatalf("the removed voice's debt was dropped: %v", owed)
	}
	if owed, _ := d.store.Owed(store.StageSpeech("north-female")); len(owed) != 0 {
		t.Fatalf("the listed voice is still owed: %v", owed)
	}
	d.Close()
	_, stdout, _ := run(t, map[string]string{"DXNEWS_VOICES": "north-female"}, "status", "-data", dir)
	if !strings.Contains(stdout, "owed         speech in south-male: 1 articles (not in DXNEWS_VOICES: kept, and spoken if the voice is set again)") {
		t.Errorf("status does not explain the removed voice:\n%s", stdout)
	}
	_, stdout, _ = run(t, map[string]string{"DXNEWS_VOICES": "north-female,south-male"}, "status", "-data", dir)
	if !strings.Contains(stdout, "owed         speech in south-male: 1 articles (the next run or crawl -speak does it)") {
		t.Errorf("status once the voice is back:\n%s", stdout)
	}
}
