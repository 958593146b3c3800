package crawler

import (
	"bytes"
	"strings"
	"testing"
)

// parseGeneric parses a page as if it came from an unknown site: no host
// rule and no markup recognition, only JSON-LD, meta and main-text
// extraction.
func parseGeneric(t *testing.T, raw []byte) page {
	t.Helper()
	doc, err := readHTML(bytes.NewReader(raw), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	saved := sniffable
	sniffable = nil
	defer func() { sniffable = saved }()
	return parseDocument(doc, mustURL(t, "https://unknown.example.vn/bai-viet-123456.html"), nil)
}

// TestGenericFallbackAccuracy parses every site-profile page with the generic
// fallback alone and compares title, date and body with the golden files,
// which come from the site rules.
func TestGenericFallbackAccuracy(t *testing.T) {
	var title, date, body int
	pages := goldenPages(t)
	for _, tc := range pages {
		want := parseGolden(t, tc.file, tc.url)
		a := parseGeneric(t, readTestdata(t, "sites", tc.file)).article
		if a.Title == want.Title {
			title++
		} else {
			t.Errorf("%s: generic title %q, want %q", tc.file, a.Title, want.Title)
		}
		if !a.Published.IsZero() && a.Published.Format("2006-01-02T15:04:05Z07:00") == want.Published {
			date++
		} else {
			t.Errorf("%s: generic date %v, want %s", tc.file, a.Published, want.Published)
		}
		if a.Body == strings.Join(want.Body, "\n\n") {
			body++
		} else {
			t.Errorf("%s: generic body differs:\n got %q\nwant %q", tc.file, a.Body, want.Body)
		}
	}
	t.Logf("generic fallback on %d pages: title %d, date %d, body %d exact", len(pages), title, date, body)
}
