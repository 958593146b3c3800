package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/internal/golden"
)

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

func indentJSON(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestArticlesGolden(t *testing.T) {
	f := newFixture(t)
	rec := f.get("/api/articles?size=2")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type = %q", ct)
	}
	golden.Check(t, filepath.Join("testdata", "articles.golden.json"), indentJSON(t, rec.Body.Bytes()))
}

func TestArticlesShape(t *testing.T) {
	f := newFixture(t)
	res := decode[index.Results](t, f.get("/api/articles?q=%C4%91%C3%B4%20th%E1%BB%8B&page=1&size=10&facets=people").Body.Bytes())
	if res.Total != 1 || len(res.Articles) != 1 || res.Articles[0].ID != f.arts[1].ID {
		t.Fatalf("q=đô thị: %+v", res)
	}
	if got := res.Articles[0].Audio; len(got) != 1 || got[0].Voice != "south-male" || got[0].URL != article.AudioURL(f.arts[1].ID, "south-male") || got[0].Bytes != 1000 {
		t.Fatalf("audio variants = %+v", got)
	}
	if len(res.Facets.People) != 1 || res.Facets.People[0].Name != "Phan Văn Mãi" || len(res.Facets.Sources) != 0 {
		t.Fatalf("facets = %+v, want people only", res.Facets)
	}
	if res.Articles[0].Body != "" {
		t.Errorf("a search result carries the body")
	}
	// Facets are counted only when asked for.
	if res := decode[index.Results](t, f.get("/api/articles?q=%C4%91%C3%B4%20th%E1%BB%8B").Body.Bytes()); len(res.Facets.People) != 0 {
		t.Errorf("facets without facets=: %+v", res.Facets)
	}
	// Empty results still carry arrays.
	body := f.get("/api/articles?q=kh%C3%B4ng%20c%C3%B3%20g%C3%AC").Body.String()
	for _, want := range []string{`"total":0`, `"articles":[]`, `"people":[]`, `"sources":[]`} {
		if !strings.Contains(body, want) {
			t.Errorf("empty result %s lacks %s", body, want)
		}
	}
}

func TestArticlesPassesFilters(t *testing.T) {
	f := newFixture(t)
	rec := f.get("/api/articles?q=+chuy%E1%BB%83n+&person=L%C3%AA+Trung+Chinh&org=UBND&decision=1520&location=%C4%90%C3%A0+N%E1%BA%B5ng&source=tin.example.vn&from=2024-03-12&to=2024-03-12&page=2&size=5")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	q := f.index.last
	want := index.Query{
		Text: "chuyển", Person: "Lê Trung Chinh", Org: "UBND", Decision: "1520", Location: "Đà Nẵng",
		Source: "tin.example.vn", Page: 2, Size: 5,
	}
	from, to := q.From, q.To
	q.From, q.To = time.Time{}, time.Time{}
	if q.Facets != nil {
		t.Errorf("facets = %q, want none asked", q.Facets)
	}
	q.Facets = nil
	if !reflect.DeepEqual(q, want) {
		t.Fatalf("query = %+v, want %+v", q, want)
	}
	if got := from.Format(time.RFC3339); got != "2024-03-12T00:00:00+07:00" {
		t.Errorf("from = %s", got)
	}
	if got := to.Format(time.RFC3339); got != "2024-03-12T00:00:00+07:00" {
		t.Errorf("to = %s", got)
	}
	// A midnight "to" covers the whole day, so the article published that
	// morning matches.
	res := decode[index.Results](t, f.get("/api/articles?from=2024-03-12&to=2024-03-12").Body.Bytes())
	if res.Total != 1 || res.Articles[0].ID != f.arts[0].ID {
		t.Errorf("from=to=2024-03-12: %+v", res)
	}
	// Decomposed input is NFC-normalised before it reaches the index.
	f.get("/api/articles?person=" + "Le%CC%82%20Trung%20Chinh")
	if f.index.last.Person != "Lê Trung Chinh" {
		t.Errorf("person not NFC: %q", f.index.last.Person)
	}
}

func TestBadParameters(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct{ target, param string }{
		{"/api/articles?from=2024-13-01", "from"},
		{"/api/articles?from=12/03/2024", "from"},
		{"/api/articles?to=yesterday", "to"},
		{"/api/articles?from=2024-03-02&to=2024-03-01", "to"},
		{"/api/articles?page=-1", "page"},
		{"/api/articles?page=0", "page"},
		{"/api/articles?page=abc", "page"},
		{"/api/articles?size=1000", "size"},
		{"/api/articles?size=0", "size"},
		{"/api/articles?page=101&size=100", "page"}, // beyond the index's paging window
		{"/api/articles?page=10001", "page"},
		{"/api/articles?q=" + strings.Repeat("a", 400), "q"},
		{"/api/articles?facets=people,authors", "facets"},
		{"/api/articles?person=%ff", "person"},
		{"/api/entities", "type"},
		{"/api/entities?type=animal", "type"},
		{"/api/entities?type=person&size=-3", "size"},
		{"/api/export?limit=0", "limit"},
		{"/api/export?limit=5000", "limit"},
		{"/api/export?since=%0A", "since"},
		{"/api/articles/..%2F..%2Fetc", "id"},
		{"/api/articles/ZZZ", "id"},
		{"/api/audio/abc/robot.mp3", "voice"},
		{"/api/audio/abc/robot.json", "voice"},
		{"/api/audio/..%2F..%2Fetc/north-male.mp3", "id"},
		{"/api/audio/abc.def/north-male.mp3", "id"},
		{"/feeds/robot.xml", "voice"},
	} {
		t.Run(tc.target, func(t *testing.T) {
			rec := f.get(tc.target)
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", rec.Code, rec.Body)
			}
			e := decode[errorBody](t, rec.Body.Bytes())
			if !strings.Contains(e.Error, `"`+tc.param+`"`) {
				t.Fatalf("error %q does not name %q", e.Error, tc.param)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	f := newFixture(t)
	for _, target := range []string{
		"/api/articles/0123456789abcdef",
		"/api/nothing",
		"/api/audio/0123456789abcdef/north-male.mp3",
		"/api/audio/" + f.arts[2].ID + "/south-female.json",
		"/api/audio/" + f.arts[0].ID + "/north-male.wav",
		"/api/audio/" + f.arts[1].ID + "/central-male.mp3",
		"/feeds/north-male.rss",
	} {
		rec := f.get(target)
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", target, rec.Code)
			continue
		}
		if e := decode[errorBody](t, rec.Body.Bytes()); e.Error == "" {
			t.Errorf("%s: empty error", target)
		}
	}
}

func TestMethodNotAllowedIsJSON(t *testing.T) {
	f := newFixture(t)
	req, _ := http.NewRequest(http.MethodPost, "/api/articles", strings.NewReader("{}"))
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("status %d", rec.Code)
	}
	if e := decode[errorBody](t, rec.Body.Bytes()); !strings.Contains(e.Error, "not allowed") || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Fatalf("error = %q", e.Error)
	}
}

func TestArticle(t *testing.T) {
	f := newFixture(t)
	rec := f.get("/api/articles/" + f.arts[0].ID)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	a := decode[article.Article](t, rec.Body.Bytes())
	if a.Title != f.arts[0].Title || a.Entities.Decisions[0].Symbol != "1520/QĐ-UBND" {
		t.Fatalf("article = %+v", a)
	}
	if len(a.Audio) != 4 {
		t.Fatalf("audio = %+v", a.Audio)
	}
	for i, v := range article.Voices {
		if a.Audio[i].Voice != v.ID || a.Audio[i].URL != article.AudioURL(a.ID, v.ID) {
			t.Errorf("audio[%d] = %+v", i, a.Audio[i])
		}
	}
	// Metadata the index had is kept.
	if a.Audio[0].DurationMS != 5100 || a.Audio[0].Backend != "espeak" {
		t.Errorf("lost audio metadata: %+v", a.Audio[0])
	}
	// The stored records are the truth, read without looking at the disk:
	// a served reading's URL is built in one place, an unknown voice is
	// dropped, a reading hosted elsewhere keeps its URL.
	f.arts[2].Audio = []article.Audio{
		{Voice: "north-male", URL: "/api/audio/x/north-male.mp3"},
		{Voice: "robot", URL: "/api/audio/x/robot.mp3"},
		{Voice: "south-male", URL: "https://cdn.example/a.mp3"},
	}
	f.reindex()
	got := decode[article.Article](t, f.get("/api/articles/"+f.arts[2].ID).Body.Bytes()).Audio
	if len(got) != 2 || got[0].URL != article.AudioURL(f.arts[2].ID, "north-male") || got[1].URL != "https://cdn.example/a.mp3" {
		t.Errorf("audio records served as %+v", got)
	}
}

func TestEntities(t *testing.T) {
	f := newFixture(t)
	rec := f.get("/api/entities?type=person&q=M%C3%A3i")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	got := decode[map[string][]index.Entity](t, rec.Body.Bytes())["entities"]
	if len(got) != 1 || got[0].Name != "Phan Văn Mãi" || got[0].Type != "person" || got[0].Count != 1 ||
		len(got[0].Roles) != 2 || got[0].Articles[0] != f.arts[1].ID {
		t.Fatalf("entities = %+v", got)
	}
	body := f.get("/api/entities?type=location&q=kh%C3%B4ng").Body.String()
	if strings.TrimSpace(body) != `{"entities":[]}` {
		t.Fatalf("no match: %s", body)
	}
	for _, typ := range index.EntityTypes {
		if rec := f.get("/api/entities?type=" + typ + "&size=1"); rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "null") {
			t.Errorf("type=%s: %d %s", typ, rec.Code, rec.Body)
		}
	}
}

func TestHealth(t *testing.T) {
	f := newFixture(t)
	rec := f.get("/healthz")
	if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != `{"status":"ok","articles":3}` {
		t.Fatalf("healthz: %d %s", rec.Code, rec.Body)
	}
}

func TestSearchFailureIs500JSON(t *testing.T) {
	f := newFixture(t)
	f.index.err = errors.New("disk on fire")
	rec := f.get("/api/articles")
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d", rec.Code)
	}
	if e := decode[errorBody](t, rec.Body.Bytes()); e.Error != "search failed" {
		t.Fatalf("error = %q", e.Error)
	}
}

func TestNewRequiresDependencies(t *testing.T) {
	if _, err := New(Config{Store: &memStore{}}); err == nil || !strings.Contains(err.Error(), "Index") {
		t.Errorf("missing index: %v", err)
	}
	if _, err := New(Config{Index: newTestIndex(t)}); err == nil || !strings.Contains(err.Error(), "Store") {
		t.Errorf("missing store: %v", err)
	}
}

func TestClientGoneIsNoServerError(t *testing.T) {
	f := newFixture(t)
	f.index.err = context.Canceled
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/articles?q=x", nil).WithContext(ctx))
	if rec.Code != statusClientClosed {
		t.Fatalf("status %d, want %d", rec.Code, statusClientClosed)
	}
	// A cancelled search while the client is still there is a server error.
	if rec := f.get("/api/articles?q=x"); rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", rec.Code)
	}
}
