package web

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserAnalysisPages opens an entity page, the goal comparison and a
// decision page in a real browser, at phone and desktop widths, and checks
// each chart is drawn with size and its marks link to articles.
func TestBrowserAnalysisPages(t *testing.T) {
	ctx := newBrowser(t)
	f := newAnalysisFixture(t)
	srv := httptest.NewServer(f.h)
	t.Cleanup(srv.Close)

	pages := []struct {
		name, path, chart string
		marks             string // CSS for the drawn marks
		minMarks          int
	}{
		{"entity", "/entities/person/%C4%90%C3%A0o%20Minh%20Khoa", "#timeline svg.timeline", "circle.dot", 3},
		{"targets", "/targets?family=digital-economy-share", "#goal-chart svg.bars", "rect", 2},
		{"decision", "/decisions/749/Q%C4%90-TTg", "#timeline svg.timeline", "circle.dot", 2},
	}
	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"desktop", 1280, 900}} {
		for _, p := range pages {
			if err := chromedp.Do(ctx,
				chromedp.EmulateViewport(size.w, size.h),
				chromedp.Navigate(srv.URL+p.path),
				chromedp.WaitVisible(chromedp.CSS(p.chart)),
			); err != nil {
				t.Fatalf("%s at %s: %v", p.name, size.name, err)
			}
			width := evaluate[float64](t, ctx, `document.querySelector("`+p.chart+`").getBoundingClientRect().width`)
			page := evaluate[float64](t, ctx, `document.documentElement.clientWidth`)
			scroll := evaluate[float64](t, ctx, `document.documentElement.scrollWidth`)
			if width < float64(size.w)/2 || width > page {
				t.Errorf("%s at %s: chart %.0f px wide in a %.0f px page", p.name, size.name, width, page)
			}
			if scroll > page+1 {
				t.Errorf("%s at %s: page scrolls sideways (%.0f > %.0f)", p.name, size.name, scroll, page)
			}
			marks := evaluate[int](t, ctx, `Array.from(document.querySelectorAll("`+p.chart+` `+p.marks+`")).filter(m => m.getBoundingClientRect().width > 0).length`)
			links := evaluate[[]string](t, ctx, `Array.from(document.querySelectorAll("`+p.chart+` a")).map(a => a.getAttribute("href"))`)
			if marks < p.minMarks || len(links) < p.minMarks {
				t.Errorf("%s at %s: %d marks drawn, %d links; want %d", p.name, size.name, marks, len(links), p.minMarks)
			}
			for _, l := range links {
				if len(l) < len("/articles/") || l[:len("/articles/")] != "/articles/" {
					t.Errorf("%s: chart link %q does not open an article", p.name, l)
				}
			}
			if title := evaluate[string](t, ctx, `document.querySelector("`+p.chart+` > title").textContent`); title == "" {
				t.Errorf("%s: chart has no text alternative", p.name)
			}
			// Following a chart link opens the article it marks.
			if size.name == "desktop" {
				if err := chromedp.Do(ctx,
					chromedp.Click(chromedp.CSS(p.chart+" a"), chromedp.NodeVisible),
					chromedp.WaitVisible(chromedp.CSS("article h1, h1")),
				); err != nil {
					t.Errorf("%s: following a chart link: %v", p.name, err)
				}
				if loc := evaluate[string](t, ctx, `location.pathname`); loc != links[0] {
					t.Errorf("%s: chart link went to %s, want %s", p.name, loc, links[0])
				}
				chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.path), chromedp.WaitVisible(chromedp.CSS(p.chart)))
			}
			shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(shot, []byte("\x89PNG")) || len(shot) < 10_000 {
				t.Fatalf("%s at %s: screenshot is not a rendered page (%d bytes)", p.name, size.name, len(shot))
			}
			for _, path := range []string{filepath.Join(t.TempDir(), "shot.png"), "/tmp/web-" + p.name + "-" + size.name + ".png"} {
				if err := os.WriteFile(path, shot, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
