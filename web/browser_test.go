package web

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dxnews/article"
	"dxnews/tts/mp3"
)

const chromiumPath = "/usr/bin/chromium"

// newBrowser starts a headless Chromium with a fresh profile, or skips the
// test when Chromium is not installed.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("headless browser test: skipped under -short")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("headless browser test needs %s (apt-get install -y chromium): %v", chromiumPath, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("mute-audio", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	return browserCtx
}

// silentMP3 encodes seconds of silence with lame, the encoder the project's
// speech pipeline uses, or returns nil when lame is not installed.
func silentMP3(t *testing.T, seconds int) []byte {
	t.Helper()
	if _, err := exec.LookPath("lame"); err != nil {
		return nil
	}
	const rate = 22050
	b, err := (&mp3.Lame{}).Encode(context.Background(), mp3.PCM{Rate: rate, Samples: make([]float32, rate*seconds)})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBrowserArticlePlayer(t *testing.T) {
	ctx := newBrowser(t)
	f := newFixture(t)
	// The north-male reading has chapters (the record is what the page
	// reads); the north-female one has none.
	for i := range f.arts[0].Audio {
		if f.arts[0].Audio[i].Voice == "north-male" {
			f.arts[0].Audio[i].Chapters = []article.Chapter{{StartMS: 0, EndMS: 2400, Title: "Tiêu đề"}, {StartMS: 2400, EndMS: 5100, Title: "Mục tiêu đến năm 2025"}}
		}
	}
	f.reindex()
	a := f.arts[0]
	mp3 := silentMP3(t, 6)
	if mp3 != nil {
		if err := os.WriteFile(f.store.AudioPath(a.ID, "north-male"), mp3, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(f.h)
	t.Cleanup(srv.Close)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/articles/"+a.ID),
		chromedp.WaitVisible(chromedp.CSS("#player")),
	); err != nil {
		t.Fatal(err)
	}
	labels := evaluate[[]string](t, ctx, `Array.from(document.querySelectorAll("#player button.voice")).map(b => b.textContent.trim())`)
	hasPlayer := evaluate[bool](t, ctx, `document.querySelector("#player audio#audio") !== null`)
	var want []string
	for _, v := range article.Voices {
		want = append(want, v.Label)
	}
	if !slices.Equal(labels, want) {
		t.Fatalf("voice buttons %q, want %q", labels, want)
	}
	if !hasPlayer {
		t.Fatal("no audio player element")
	}

	// Choosing a voice loads its MP3 and shows the sentences to follow.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`button.voice[data-voice="north-male"]`)),
		chromedp.WaitVisible(chromedp.CSS("#transcript li")),
	); err != nil {
		t.Fatal(err)
	}
	src := evaluate[string](t, ctx, `document.getElementById("audio").getAttribute("src")`)
	pressed := evaluate[string](t, ctx, `document.querySelector('button.voice[data-voice="north-male"]').getAttribute("aria-pressed")`)
	sentences := evaluate[int](t, ctx, `document.querySelectorAll("#transcript li").length`)
	if src != article.AudioURL(a.ID, "north-male") || pressed != "true" || sentences != 2 {
		t.Fatalf("after choosing a voice: src %q, aria-pressed %q, %d sentences", src, pressed, sentences)
	}
	// Its chapters are listed; no other voice's are.
	shown := evaluate[[]string](t, ctx, `Array.from(document.querySelectorAll("nav.chapters:not([hidden]) button")).map(b => b.textContent.trim())`)
	if !slices.Equal(shown, []string{"0:00 Tiêu đề", "0:02 Mục tiêu đến năm 2025"}) {
		t.Fatalf("chapters shown %q", shown)
	}

	// Seeking into the second sentence's time span highlights it.
	if mp3 == nil {
		t.Log("lame not installed: sentence highlighting not exercised")
	} else {
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("audio").readyState >= 1`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("audio never loaded: %v", err)
		}
		evaluate[bool](t, ctx, `(a => { a.pause(); a.currentTime = 3; return true; })(document.getElementById("audio"))`)
		const second = `(document.querySelector("#transcript li.reading") || {}).textContent === "Mục tiêu đến năm hai nghìn không trăm hai lăm."`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](second, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			reading := evaluate[string](t, ctx, `(document.querySelector("#transcript li.reading") || {}).textContent || ""`)
			dbg := evaluate[string](t, ctx, `(a => a.currentTime + " / " + a.duration + " paused=" + a.paused + " err=" + (a.error && a.error.code) + " seekable=" + a.seekable.length)(document.getElementById("audio"))`)
			t.Fatalf("at 3 s the highlighted sentence is %q (%s): %v", reading, dbg, err)
		}
		if n := evaluate[int](t, ctx, `document.querySelectorAll("#transcript li.reading").length`); n != 1 {
			t.Fatalf("%d sentences highlighted at once", n)
		}
		// Choosing a chapter seeks to it and marks it.
		evaluate[bool](t, ctx, `(a => { a.pause(); a.currentTime = 0; return true; })(document.getElementById("audio"))`)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav.chapters[data-voice="north-male"] li:nth-child(2) button`))); err != nil {
			t.Fatal(err)
		}
		const atChapter = `(a => a.currentTime >= 2.4 && a.currentTime < 3.5)(document.getElementById("audio")) && ` +
			`document.querySelector('nav.chapters button[aria-current="true"]').dataset.start === "2400"`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](atChapter, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			at := evaluate[float64](t, ctx, `document.getElementById("audio").currentTime`)
			t.Fatalf("after choosing chapter 2 the audio is at %.2f s: %v", at, err)
		}
	}

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(t.TempDir(), "article.png"), "/tmp/web-article.png"} {
		if err := os.WriteFile(p, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.HasPrefix(shot, []byte("\x89PNG")) || len(shot) < 10_000 {
		t.Fatalf("screenshot is not a PNG of a rendered page (%d bytes)", len(shot))
	}
}

// evaluate runs a JavaScript expression in the page and returns its value.
func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}
