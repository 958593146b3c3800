package crawler

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzParseArticle checks that any page parses without panicking and yields
// valid NFC UTF-8.
func FuzzParseArticle(f *testing.F) {
	f.Add(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Chuyển đổi số","datePublished":"2025-01-01T08:00:00+07:00"}</script></head><body><p>Nội dung</p></body></html>`)
	f.Add(`<h1 class="title-detail">A</h1><span class="date">Thứ năm, 4/11/2021, 17:12 (GMT+7)</span><article class="fck_detail"><p>x</p></article>`)
	f.Add(`<script type="application/ld+json">[{"@graph":[{"@type":["NewsArticle"],"author":[{"name":1}],"keywords":[1,2]}]}]</script>`)
	f.Add("<table><tr><td>Cập nhật 31/12/2024 23:59</td></tr></table>")
	f.Fuzz(func(t *testing.T, page string) {
		a, _ := ParseArticle(strings.NewReader(page), "https://bao.example.vn/a-123456.html", "text/html; charset=utf-8")
		for _, s := range []string{a.Title, a.Sapo, a.Body} {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
				t.Fatalf("not NFC UTF-8: %q", s)
			}
		}
	})
}

// FuzzParseVisibleDate checks that dates found are plausible and in +07:00.
func FuzzParseVisibleDate(f *testing.F) {
	for _, s := range []string{"Thứ ba, 06/05/2025 - 06:02", "09:05 02/06/2025", "99/99/9999 99:99", "1/1/2000 (GMT-12)", "2025-13-40"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseVisibleDate(s)
		if !ok {
			return
		}
		if d.Year() < 1997 || d.Format("-07:00") != "+07:00" {
			t.Fatalf("parseVisibleDate(%q) = %v", s, d)
		}
	})
}
