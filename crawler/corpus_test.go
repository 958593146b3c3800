package crawler

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dxnews/article"
	"dxnews/corpus"
)

type expectedPage struct {
	URL            string   `json:"url"`
	Title          string   `json:"title"`
	Description    string   `json:"description"`
	PublishedISO   string   `json:"published_iso"`
	Category       string   `json:"category"`
	Author         string   `json:"author"`
	BodyParagraphs []string `json:"body_paragraphs"`
}

// TestRealPagesMatchExpected parses the real VnExpress and Dân trí pages of
// the shared corpus and compares title, sapo, date, author, section and body
// with EXPECTED.json.
func TestRealPagesMatchExpected(t *testing.T) {
	dir := filepath.Join(corpus.DirOrSkip(t, "html/EXPECTED.json"), "html")
	raw, err := os.ReadFile(filepath.Join(dir, "EXPECTED.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]expectedPage
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	urls := map[string]string{
		"02_dantri_cua_lo_clone_page.html":         "https://dantri.com.vn/du-lich/du-khach-bat-an-khi-mo-to-nuoc-quan-thao-khu-vuc-bai-tam-bien-cua-lo-20250505192841801.htm",
		"03_vnexpress_room_tin_dung_fragment.html": "https://vnexpress.net/dai-bieu-quoc-hoi-can-ro-lo-trinh-bo-co-che-phan-bo-room-tin-dung-4990000.html",
	}
	for name, w := range want {
		for _, mode := range []string{"rules", "generic"} {
			t.Run(name+"/"+mode, func(t *testing.T) {
				raw, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Skip(err)
				}
				u := w.URL
				if !strings.HasPrefix(u, "http") {
					u = urls[name]
				}
				var a article.Article
				if mode == "rules" {
					if a, err = ParseArticle(bytes.NewReader(raw), u, "text/html; charset=utf-8"); err != nil {
						t.Fatal(err)
					}
				} else {
					a = parseGeneric(t, raw).article
				}
				checkExpected(t, a, w, mode == "rules")
			})
		}
	}
}

// checkExpected compares an article with EXPECTED.json; section and author
// are only required from site rules.
func checkExpected(t *testing.T, a article.Article, w expectedPage, rules bool) {
	t.Helper()
	if a.Title != w.Title {
		t.Errorf("title = %q, want %q", a.Title, w.Title)
	}
	wantSapo := stripOutletPrefix(w.Description)
	if a.Sapo != wantSapo {
		t.Errorf("sapo = %q, want %q", a.Sapo, wantSapo)
	}
	if w.PublishedISO != "" {
		if got := a.Published.Format("2006-01-02T15:04:05Z07:00"); got != w.PublishedISO {
			t.Errorf("published = %s (from %s), want %s", got, a.PublishedFrom, w.PublishedISO)
		}
	}
	if rules && w.Category != "" && a.Section != w.Category {
		t.Errorf("section = %q, want %q", a.Section, w.Category)
	}
	if rules && w.Author != "" && !strings.HasPrefix(w.Author, "(") && (len(a.Authors) != 1 || a.Authors[0] != w.Author) {
		t.Errorf("authors = %q, want [%q]", a.Authors, w.Author)
	}
	got := strings.Split(a.Body, "\n\n")
	if strings.Join(got, "\n") != strings.Join(w.BodyParagraphs, "\n") {
		t.Errorf("body has %d paragraphs, want %d\n got: %q\nwant: %q", len(got), len(w.BodyParagraphs), got, w.BodyParagraphs)
	}
}
