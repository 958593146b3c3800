package tts

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"dxnews/article"
	"dxnews/tts/mp3"
	"dxnews/tts/normalize"
)

// readTestdata reads one of the audio files in testdata.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fakeBackend answers every chunk with testdata audio and records requests.
type fakeBackend struct {
	audio    []byte
	failOn   string // a chunk containing this fails
	voices   []string
	settings string
	delay    time.Duration

	mu       sync.Mutex
	reqs     []Request
	inFlight atomic.Int32
	peak     atomic.Int32
}

func (f *fakeBackend) Name() string { return "fake" }

func (f *fakeBackend) Voices() []string {
	if f.voices == nil {
		return []string{"north-female", "north-male", "south-female", "south-male"}
	}
	return f.voices
}

func (f *fakeBackend) Settings() string { return f.settings }

func (f *fakeBackend) Synthesize(ctx context.Context, req Request) (Audio, error) {
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for {
		p := f.peak.Load()
		if n <= p || f.peak.CompareAndSwap(p, n) {
			break
		}
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-ctx.Done():
			return Audio{}, ctx.Err()
		}
	}
	if f.failOn != "" && strings.Contains(req.Text, f.failOn) {
		return Audio{}, &RetryableError{Err: errors.New("fake: HTTP 503"), RetryAfter: time.Second}
	}
	return Audio{Data: f.audio, Format: "mp3"}, nil
}

func (f *fakeBackend) requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Request(nil), f.reqs...)
}

// testArticle is written for these tests: several sentences of varied length.
const testArticle = `Sáng nay, UBND tỉnh họp về chuyển đổi số.
Hội nghị bàn kế hoạch đưa 1000 hộ kinh doanh lên sàn thương mại điện tử trong năm tới, đồng thời mở rộng thanh toán không dùng tiền mặt ở chợ truyền thống.
Lãnh đạo tỉnh yêu cầu các sở ngành hoàn thành kho dữ liệu dùng chung trước quý ba. Người dân được hướng dẫn cài ứng dụng định danh điện tử.
Cuối buổi, đại biểu thống nhất lộ trình ba năm.`

func spokenSentences(t *testing.T, text, voice string) []string {
	t.Helper()
	v, err := article.LookupVoice(voice)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range normalize.Sentences(strings.TrimSpace(normalize.Text(norm.NFC.String(text), v.Region))) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func TestSpeakChunksTimesAndJoins(t *testing.T) {
	fb := &fakeBackend{audio: readTestdata(t, "sine.mp3")}
	sp := &Speaker{Backend: fb, MaxChunk: 120, Concurrency: 3}
	for _, voice := range []string{"north-female", "north-male", "south-female", "south-male"} {
		t.Run(voice, func(t *testing.T) {
			fb.reqs = nil
			got, err := sp.Speak(context.Background(), testArticle, voice)
			if err != nil {
				t.Fatal(err)
			}
			sents := spokenSentences(t, testArticle, voice)
			reqs := fb.requests()
			if len(reqs) != got.Chunks || len(reqs) < 3 {
				t.Fatalf("%d requests, Chunks=%d; want ≥3 and equal", len(reqs), got.Chunks)
			}
			// The first sentence goes alone, so audio starts early.
			var all []string
			seen := map[string]bool{}
			for _, r := range reqs {
				if r.Voice != voice {
					t.Errorf("request voice %q, want %q", r.Voice, voice)
				}
				if n := utf8.RuneCountInString(r.Text); n > 120 {
					t.Errorf("chunk of %d characters exceeds MaxChunk 120: %q", n, r.Text)
				}
				seen[r.Text] = true
			}
			if !seen[sents[0]] {
				t.Errorf("first sentence %q was not a chunk of its own", sents[0])
			}
			// Together the chunks carry exactly the normalised text.
			spoken, _ := Spoken(testArticle, voice)
			for _, r := range reqs {
				all = append(all, strings.Fields(r.Text)...)
			}
			if strings.Join(sortedCopy(all), " ") != strings.Join(sortedCopy(strings.Fields(spoken)), " ") {
				t.Errorf("chunks do not carry the normalised text\nchunks: %q\nspoken: %q", all, spoken)
			}
			if len(got.Timings) != len(sents) {
				t.Fatalf("%d timings for %d sentences", len(got.Timings), len(sents))
			}
			var prev int64
			for i, tm := range got.Timings {
				if tm.Text != sents[i] {
					t.Errorf("timing %d text %q, want %q", i, tm.Text, sents[i])
				}
				if tm.StartMS != prev || tm.EndMS <= tm.StartMS {
					t.Errorf("timing %d = [%d, %d), previous ended at %d", i, tm.StartMS, tm.EndMS, prev)
				}
				prev = tm.EndMS
			}
			if prev != got.DurationMS {
				t.Errorf("last sentence ends at %d ms, audio lasts %d ms", prev, got.DurationMS)
			}
			d, err := mp3.Duration(got.MP3)
			if err != nil {
				t.Fatal(err)
			}
			if diff := d.Milliseconds() - got.DurationMS; diff < -2 || diff > 2 {
				t.Errorf("decoded joined MP3 lasts %v, Speech says %d ms", d, got.DurationMS)
			}
			if got.Backend != "fake" || got.Voice != voice || got.Cached {
				t.Errorf("Speech = backend %q voice %q cached %v", got.Backend, got.Voice, got.Cached)
			}
			a := got.Audio("/api/audio/x/" + voice + ".mp3")
			if a.Voice != voice || a.Backend != "fake" || a.Bytes != int64(len(got.MP3)) || a.DurationMS != got.DurationMS || a.URL != "/api/audio/x/"+voice+".mp3" {
				t.Errorf("Audio() = %+v", a)
			}
		})
	}
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			if c[j] < c[i] {
				c[i], c[j] = c[j], c[i]
			}
		}
	}
	return c
}

func TestSpeakNFC(t *testing.T) {
	fb := &fakeBackend{audio: readTestdata(t, "sine.mp3")}
	sp := &Speaker{Backend: fb}
	decomposed := norm.NFD.String("Chuyển đổi số ở Đà Nẵng.")
	if _, err := sp.Speak(context.Background(), decomposed, "north-female"); err != nil {
		t.Fatal(err)
	}
	for _, r := range fb.requests() {
		if !norm.NFC.IsNormalString(r.Text) {
			t.Errorf("backend got non-NFC text %q", r.Text)
		}
	}
}

func TestSpeakFailureIsWholeAndNamed(t *testing.T) {
	dir := t.TempDir()
	cache, err := NewCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	fb := &fakeBackend{audio: readTestdata(t, "sine.mp3"), failOn: "kho dữ liệu"}
	sp := &Speaker{Backend: fb, MaxChunk: 100, Cache: cache}
	got, err := sp.Speak(context.Background(), testArticle, "south-male")
	if err == nil {
		t.Fatal("no error although a chunk failed")
	}
	for _, want := range []string{"fake", "south-male", "chunk "} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
	var re *RetryableError
	if !errors.As(err, &re) || re.RetryAfter != time.Second {
		t.Errorf("error %v does not unwrap to the backend's RetryableError", err)
	}
	if got.MP3 != nil || got.Timings != nil {
		t.Error("partial speech returned with an error")
	}
	if n := countFiles(t, dir, false); n != 0 {
		t.Errorf("failed synthesis stored %d article files", n)
	}
	key, _ := sp.Key(testArticle, "south-male")
	if _, ok, _ := cache.Get(key); ok {
		t.Error("failed synthesis is in the cache")
	}

	// The next run pays only for the chunks that had not succeeded, and
	// the chunk entries go once the article is stored.
	first := len(fb.requests())
	saved := countFiles(t, dir, true)
	fb.failOn = ""
	got, err = sp.Speak(context.Background(), testArticle, "south-male")
	if err != nil {
		t.Fatal(err)
	}
	if saved == 0 || len(fb.requests())-first != got.Chunks-saved {
		t.Errorf("resume: %d chunks saved, %d new requests for %d chunks", saved, len(fb.requests())-first, got.Chunks)
	}
	if n := countFiles(t, dir, true); n != 0 {
		t.Errorf("%d chunk entries left after success", n)
	}
	if d, err := mp3.Duration(got.MP3); err != nil || d.Milliseconds()-got.DurationMS > 2 || got.DurationMS-d.Milliseconds() > 2 {
		t.Errorf("resumed speech: decoded %v, reported %d ms, %v", d, got.DurationMS, err)
	}
}

// countFiles counts chunk entries (chunks=true) or article entries.
func countFiles(t *testing.T, dir string, chunks bool) int {
	t.Helper()
	n := 0
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.Contains(p, string(filepath.Separator)+"chunks"+string(filepath.Separator)) == chunks {
			n++
		}
		return nil
	})
	return n
}

func TestSpeakVoiceErrors(t *testing.T) {
	fb := &fakeBackend{audio: readTestdata(t, "sine.mp3"), voices: []string{"north-female"}}
	sp := &Speaker{Backend: fb}
	for voice, want := range map[string]string{
		"south-male": `fake has no voice "south-male"`,
		"robot":      `unknown voice "robot"`,
	} {
		_, err := sp.Speak(context.Background(), testArticle, voice)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Speak(%s) error = %v, want %q", voice, err, want)
		}
	}
	if len(fb.requests()) != 0 {
		t.Error("backend called for a voice it lacks")
	}
	if _, err := sp.Speak(context.Background(), " \n ", "north-female"); err == nil {
		t.Error("empty text spoken without error")
	}
}

func TestSpeakConcurrencyAndOrderedChunks(t *testing.T) {
	fb := &fakeBackend{audio: readTestdata(t, "tagged.mp3"), delay: 5 * time.Millisecond}
	var mu sync.Mutex
	var order []int
	var streamed time.Duration
	sp := &Speaker{Backend: fb, MaxChunk: 60, Concurrency: 2, OnChunk: func(i int, a Audio) {
		mu.Lock()
		defer mu.Unlock()
		order = append(order, i)
		p, err := mp3.DecodeAudio(a.Data)
		if err != nil {
			t.Errorf("chunk %d does not decode: %v", i, err)
		}
		streamed += p.Duration()
	}}
	got, err := sp.Speak(context.Background(), testArticle, "north-male")
	if err != nil {
		t.Fatal(err)
	}
	if p := fb.peak.Load(); p > 2 || p < 1 {
		t.Errorf("peak concurrency %d, want ≤ 2", p)
	}
	for i, c := range order {
		if c != i {
			t.Fatalf("OnChunk order %v, want 0..n-1", order)
		}
	}
	if len(order) != got.Chunks {
		t.Errorf("OnChunk called %d times for %d chunks", len(order), got.Chunks)
	}
	// The published MP3 holds the streamed audio plus the encoder's delay
	// and padding (under 0.2 s).
	if d := time.Duration(got.DurationMS) * time.Millisecond; d < streamed || d > streamed+200*time.Millisecond {
		t.Errorf("final MP3 lasts %v, the streamed chunks %v", d, streamed)
	}
	if first := fb.requests()[0].Text; first != spokenSentences(t, testArticle, "north-male")[0] {
		t.Errorf("first request %q is not the first sentence", first)
	}
}

func TestSpeakCancelled(t *testing.T) {
	fb := &fakeBackend{audio: readTestdata(t, "sine.mp3"), delay: time.Second}
	sp := &Speaker{Backend: fb, MaxChunk: 80}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := sp.Speak(ctx, testArticle, "north-female")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if time.Since(start) > 900*time.Millisecond {
		t.Error("Speak did not return promptly on cancellation")
	}
}

func TestSpeakUsesCache(t *testing.T) {
	cache, err := NewCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	fb := &fakeBackend{audio: readTestdata(t, "sine.mp3"), settings: "speed=0"}
	sp := &Speaker{Backend: fb, Cache: cache, MaxChunk: 200}
	first, err := sp.Speak(context.Background(), testArticle, "north-female")
	if err != nil {
		t.Fatal(err)
	}
	calls := len(fb.requests())
	second, err := sp.Speak(context.Background(), testArticle, "north-female")
	if err != nil {
		t.Fatal(err)
	}
	if len(fb.requests()) != calls {
		t.Error("unchanged article was synthesised again")
	}
	if !second.Cached || !bytes.Equal(first.MP3, second.MP3) || second.DurationMS != first.DurationMS ||
		len(second.Timings) != len(first.Timings) || second.Timings[1] != first.Timings[1] || second.Key != first.Key {
		t.Errorf("cached speech differs from the original")
	}
	if _, err := os.Stat(cache.Path(first.Key)); err != nil {
		t.Errorf("cache file missing: %v", err)
	}
	// Whitespace-only edits normalise to the same text: still a hit.
	if _, err := sp.Speak(context.Background(), strings.ReplaceAll(testArticle, " ", "  "), "north-female"); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(){
		"voice":    func() {},
		"settings": func() { fb.settings = "speed=1" },
		"chunking": func() { sp.MaxChunk = 150 },
	} {
		before := len(fb.requests())
		change()
		voice := "north-female"
		if name == "voice" {
			voice = "north-male"
		}
		if _, err := sp.Speak(context.Background(), testArticle, voice); err != nil {
			t.Fatal(err)
		}
		if len(fb.requests()) == before {
			t.Errorf("changing %s did not lead to a new synthesis", name)
		}
	}
}

func TestTimeSentencesApportionsByCharacters(t *testing.T) {
	sents := []string{"một hai ba bốn", "năm sáu bảy tám chín mười mười một mười hai", "kết thúc"}
	// The chunker put sentences 0 and 1 together and 2 alone.
	chunks := align(sents, []string{sents[0] + " " + sents[1], sents[2]})
	got, total := timeSentences(chunks, []time.Duration{4 * time.Second, time.Second})
	if total != 5*time.Second || len(got) != 3 {
		t.Fatalf("total %v, %d timings", total, len(got))
	}
	n0 := utf8.RuneCountInString(strings.ReplaceAll(sents[0], " ", ""))
	n1 := utf8.RuneCountInString(strings.ReplaceAll(sents[1], " ", ""))
	wantSplit := int64(4000 * n0 / (n0 + n1))
	if got[0].StartMS != 0 || got[0].EndMS != wantSplit || got[1].StartMS != wantSplit || got[1].EndMS != 4000 {
		t.Errorf("chunk 0 apportioned as %+v %+v, want split at %d ms", got[0], got[1], wantSplit)
	}
	if got[2].StartMS != 4000 || got[2].EndMS != 5000 || got[2].Text != "kết thúc" {
		t.Errorf("timing 2 = %+v", got[2])
	}
}

func TestAlignSentenceSplitAcrossChunks(t *testing.T) {
	sents := []string{"câu đầu.", "một câu rất dài bị cắt làm hai phần", "cuối."}
	chunks := align(sents, []string{"câu đầu.", "một câu rất dài", "bị cắt làm hai phần cuối."})
	got, _ := timeSentences(chunks, []time.Duration{time.Second, time.Second, time.Second})
	if len(got) != 3 {
		t.Fatalf("timings %+v", got)
	}
	if got[1].StartMS != 1000 || got[1].EndMS <= 2000 || got[1].EndMS >= 3000 || got[2].EndMS != 3000 {
		t.Errorf("split sentence timed as %+v", got)
	}
	// Text the chunker rewrote falls back to one timing per chunk.
	chunks = align(sents, []string{"khác hẳn", "cuối."})
	got, _ = timeSentences(chunks, []time.Duration{time.Second, time.Second})
	if len(got) != 2 || got[0].Text != "khác hẳn" || got[1].StartMS != 1000 {
		t.Errorf("fallback timings %+v", got)
	}
}

func TestSpeakNormalisesForTheVoiceRegion(t *testing.T) {
	fb := &fakeBackend{audio: readTestdata(t, "sine.mp3")}
	sp := &Speaker{Backend: fb}
	for voice, want := range map[string]string{"north-male": "nghìn", "south-female": "ngàn"} {
		fb.mu.Lock()
		fb.reqs = nil
		fb.mu.Unlock()
		if _, err := sp.Speak(context.Background(), "Tỉnh hỗ trợ 1000 hộ kinh doanh.", voice); err != nil {
			t.Fatal(err)
		}
		reqs := fb.requests()
		if len(reqs) != 1 || !strings.Contains(reqs[0].Text, want) || strings.ContainsAny(reqs[0].Text, "0123456789") {
			t.Errorf("%s: backend got %+v, want spoken digits with %q", voice, reqs, want)
		}
	}
}
