package crawler

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir finds ../shared/corpus beside the repository root.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	c := filepath.Join(dir, "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(c, "html", "EXPECTED.json")); err != nil {
		t.Skipf("shared corpus not found at %s", c)
	}
	return c
}

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
	dir := filepath.Join(corpusDir(t), "html")
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
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				t.Skip(err)
			}
			defer f.Close()
			u := w.URL
			if !strings.HasPrefix(u, "http") {
				u = urls[name]
			}
			a, err := ParseArticle(f, u, "text/html; charset=utf-8")
			if err != nil {
				t.Fatal(err)
			}
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
			if w.Category != "" && a.Section != w.Category {
				t.Errorf("section = %q, want %q", a.Section, w.Category)
			}
			if w.Author != "" && !strings.HasPrefix(w.Author, "(") && (len(a.Authors) != 1 || a.Authors[0] != w.Author) {
				t.Errorf("authors = %q, want [%q]", a.Authors, w.Author)
			}
			got := strings.Split(a.Body, "\n\n")
			if strings.Join(got, "\n") != strings.Join(w.BodyParagraphs, "\n") {
				t.Errorf("body has %d paragraphs, want %d\n got: %q\nwant: %q", len(got), len(w.BodyParagraphs), got, w.BodyParagraphs)
			}
		})
	}
}
