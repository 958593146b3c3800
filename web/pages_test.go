package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"dxnews/article"
)

// page fetches an HTML page and checks its status and content type.
func (f *fixture) page(target string, status int) string {
	f.t.Helper()
	rec := f.get(target)
	if rec.Code != status {
		f.t.Fatalf("%s: status %d, want %d\n%s", target, rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		f.t.Fatalf("%s: Content-Type %q", target, ct)
	}
	return rec.Body.String()
}

func wantAll(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func TestHomePage(t *testing.T) {
	f := newFixture(t)
	body := f.page("/", http.StatusOK)
	wantAll(t, body,
		`<html lang="vi">`, `action="/search"`, "Bài viết mới",
		`href="/articles/`+f.arts[0].ID+`"`, f.arts[2].Title,
		`href="/search?person=Phan&#43;V%C4%83n&#43;M%C3%A3i"`, // facet link
		"/feeds/south-male.xml", "Nam miền Nam",
	)
	// Newest first.
	if strings.Index(body, f.arts[0].Title) > strings.Index(body, f.arts[2].Title) {
		t.Error("recent articles not newest first")
	}
}

func TestSearchPage(t *testing.T) {
	f := newFixture(t)
	body := f.page("/search?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i&source=tin.example.vn", http.StatusOK)
	wantAll(t, body,
		"1 bài viết", f.arts[0].ID,
		"<mark>chuyển</mark> <mark>đổi</mark> số", // highlighted in the sapo
		`value="chuyển đổi"`,                      // kept in the search box
		"Nguồn: tin.example.vn",
		`href="/search?q=chuy%E1%BB%83n&#43;%C4%91%E1%BB%95i"`, // removing the source filter keeps q
	)
	if strings.Contains(body, f.arts[2].ID) {
		t.Error("filtered-out article shown")
	}
	// The date form keeps the other parameters.
	wantAll(t, body, `<input type="hidden" name="q" value="chuyển đổi">`, `<input type="hidden" name="source" value="tin.example.vn">`,
		`<input type="date" name="from" value="">`)
	// A facet link adds its filter to the current ones.
	wantAll(t, body, `href="/search?person=L%C3%AA&#43;Trung&#43;Chinh&amp;q=chuy%E1%BB%83n&#43;%C4%91%E1%BB%95i&amp;source=tin.example.vn"`)
}

func TestSearchPagePaging(t *testing.T) {
	f := newFixture(t)
	body := f.page("/search?size=1&page=2", http.StatusOK)
	wantAll(t, body, "trang 2/3", `href="/search?page=1&amp;size=1"`, `href="/search?page=3&amp;size=1"`, f.arts[1].Title)
}

func TestSearchPageBadParameter(t *testing.T) {
	f := newFixture(t)
	body := f.page("/search?from=h%C3%B4m-qua", http.StatusBadRequest)
	wantAll(t, body, "Tham số không hợp lệ", `&#34;from&#34;`)
}

func TestPagesEscapeInput(t *testing.T) {
	f := newFixture(t)
	const attack = `<script>alert(1)</script>`
	for _, target := range []string{
		"/search?q=" + url.QueryEscape(attack),
		"/search?person=" + url.QueryEscape(attack),
		"/search?from=" + url.QueryEscape(attack),
		"/entities/person/" + url.PathEscape(attack),
		"/nowhere/" + url.PathEscape(attack),
	} {
		body := f.get(target).Body.String()
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s: raw script in page", target)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: input not shown escaped", target)
		}
	}
	// Stored text is escaped too.
	f.arts[1].Title = `Tiêu đề <img src=x onerror=alert(2)>`
	f.reindex()
	body := f.page("/articles/"+f.arts[1].ID, http.StatusOK)
	if strings.Contains(body, "<img src=x") || !strings.Contains(body, "&lt;img src=x onerror=alert(2)&gt;") {
		t.Error("article title not escaped")
	}
}

func TestArticlePage(t *testing.T) {
	f := newFixture(t)
	a := f.arts[0]
	body := f.page("/articles/"+a.ID, http.StatusOK)
	wantAll(t, body,
		"<h1>"+a.Title+"</h1>", "12/03/2024 08:30", "Minh Anh", `<p class="sapo">`,
		"<p>Theo Quyết định 1520/QĐ-UBND", "<p>Ông Lê Trung Chinh", // body paragraphs
		`id="player" data-article="`+a.ID+`"`, `<audio id="audio"`, `src="/static/player.js"`,
		`href="/entities/person/L%C3%AA%20Trung%20Chinh"`, "Chủ tịch UBND TP Đà Nẵng",
		`href="/entities/decision/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%201520%2FQ%C4%90-UBND"`,
		`href="/entities/target/80%25%20d%E1%BB%8Bch%20v%E1%BB%A5%20c%C3%B4ng%20tr%E1%BB%B1c%20tuy%E1%BA%BFn%20to%C3%A0n%20tr%C3%ACnh%20%282025%29"`,
		`href="/entities/organization/UBND%20TP%20%C4%90%C3%A0%20N%E1%BA%B5ng"`,
		`href="/entities/location/%C4%90%C3%A0%20N%E1%BA%B5ng"`,
	)
	for _, v := range article.Voices {
		mp3 := article.AudioURL(a.ID, v.ID)
		wantAll(t, body, `data-voice="`+v.ID+`" data-mp3="`+mp3+`" data-timings="`+strings.TrimSuffix(mp3, ".mp3")+`.json" aria-pressed="false">`+v.Label+`</button>`)
	}

	// Only the voices with audio are offered.
	body = f.page("/articles/"+f.arts[1].ID, http.StatusOK)
	wantAll(t, body, `data-voice="south-male"`)
	if strings.Count(body, `class="voice"`) != 1 {
		t.Errorf("offered %d voices, want 1", strings.Count(body, `class="voice"`))
	}
	// No audio at all: say so, no player.
	body = f.page("/articles/"+f.arts[2].ID, http.StatusOK)
	wantAll(t, body, "Bài viết này chưa có bản đọc.")
	if strings.Contains(body, "<audio") || strings.Contains(body, "player.js") {
		t.Error("player shown without audio")
	}
}

func TestArticlePageNotFound(t *testing.T) {
	f := newFixture(t)
	for _, target := range []string{"/articles/0123456789abcdef", "/articles/not-hex", "/no/such/page"} {
		body := f.page(target, http.StatusNotFound)
		wantAll(t, body, "Không tìm thấy", `href="/"`)
	}
}

func TestEntityPage(t *testing.T) {
	f := newFixture(t)
	body := f.page("/entities/person/Phan%20V%C4%83n%20M%C3%A3i", http.StatusOK)
	wantAll(t, body, "Nhân vật", "<h1>Phan Văn Mãi</h1>", "Chủ tịch UBND TP.HCM",
		"Trưởng ban Ban Chỉ đạo đô thị thông minh", f.arts[1].Title, "1 bài viết",
		`href="/search?person=Phan&#43;V%C4%83n&#43;M%C3%A3i"`)

	// Names with a slash and without diacritics both resolve.
	body = f.page("/entities/decision/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%201520%2FQ%C4%90-UBND", http.StatusOK)
	wantAll(t, body, "<h1>Quyết định 1520/QĐ-UBND</h1>", "Văn bản", f.arts[0].Title)
	body = f.page("/entities/location/da%20nang", http.StatusOK)
	wantAll(t, body, "<h1>Đà Nẵng</h1>", f.arts[0].Title)
	body = f.page("/entities/target/"+url.PathEscape("25% kinh tế số trong GRDP (2025)"), http.StatusOK)
	wantAll(t, body, "Chỉ tiêu", f.arts[1].Title)
	if strings.Contains(body, "Tìm tất cả") {
		t.Error("targets have no search filter to link to")
	}

	f.page("/entities/person/Ai%20%C4%90%C3%B3", http.StatusNotFound)
	f.page("/entities/animal/M%C3%A8o", http.StatusNotFound)
}

func TestStaticAssets(t *testing.T) {
	f := newFixture(t)
	for path, want := range map[string]string{"/static/style.css": "text/css", "/static/player.js": "javascript"} {
		rec := f.get(path)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Type"), want) {
			t.Errorf("%s: %d %q", path, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
}
