package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/resolve"
)

// analysisArticles are written for these tests: one official through a
// departmental merger, goals of two provinces, a decision cited by symbol
// and by bare number.
func analysisArticles() []article.Article {
	return []article.Article{
		{
			ID: "b000000000000001", URL: "https://tin.example.vn/a1.html", Source: "Tin Mẫu", Host: "tin.example.vn",
			Title: "Sở TT&TT Cần Thơ nhận nhiệm vụ mới", Published: ict("2022-03-10T08:00:00+07:00"),
			Body: "Ông Đào Minh Khoa, Giám đốc Sở Thông tin và Truyền thông (TT&TT) Cần Thơ, trình Quyết định 749/QĐ-TTg.",
			Entities: article.Entities{
				People:        []article.Person{{Name: "Đào Minh Khoa", Roles: []string{"Giám đốc Sở Thông tin và Truyền thông (TT&TT) Cần Thơ"}}},
				Organizations: []article.Organization{{Name: "Bộ Thông tin và Truyền thông (TT&TT)"}},
				Locations:     []article.Location{{Name: "Cần Thơ"}},
				Decisions:     []article.Decision{{Kind: "Quyết định", Number: "749", Symbol: "749/QĐ-TTg", Issuer: "Thủ tướng Chính phủ", Date: "2020-06-03", Subject: "Chương trình Chuyển đổi số quốc gia"}},
				Targets:       []article.Target{{Value: "20%", Metric: "kinh tế số chiếm GRDP", Year: "2025", Scope: "Cần Thơ"}},
			},
		},
		{
			ID: "b000000000000002", URL: "https://tin.example.vn/a2.html", Source: "Tin Mẫu", Host: "tin.example.vn",
			Title: "Sóc Trăng đặt chỉ tiêu kinh tế số", Published: ict("2023-06-01T08:00:00+07:00"),
			Body: "Sóc Trăng phấn đấu kinh tế số chiếm 15% GRDP vào năm 2025 theo Chương trình 749.",
			Entities: article.Entities{
				Organizations: []article.Organization{{Name: "Bộ TT&TT"}},
				Locations:     []article.Location{{Name: "Sóc Trăng"}},
				Decisions:     []article.Decision{{Kind: "Chương trình", Number: "749"}},
				Targets: []article.Target{
					{Value: "15%", Metric: "kinh tế số chiếm GRDP", Year: "2025", Scope: "Sóc Trăng"},
					{Value: "7", Metric: "điều chưa phân loại", Year: "2025", Scope: "Sóc Trăng"},
				},
			},
		},
		{
			ID: "b000000000000003", URL: "https://bao.example.vn/a3.html", Source: "Báo Thử", Host: "bao.example.vn",
			Title: "Sở KH&CN Cần Thơ sau hợp nhất", Published: ict("2025-10-02T08:00:00+07:00"),
			Body: "Ông Đào Minh Khoa, Giám đốc Sở Khoa học và Công nghệ (KH&CN) Cần Thơ, từng giữ chức Giám đốc Sở Thông tin và Truyền thông Cần Thơ.",
			Entities: article.Entities{
				People: []article.Person{{Name: "Đào Minh Khoa", Roles: []string{
					"Giám đốc Sở Khoa học và Công nghệ (KH&CN) Cần Thơ", "Giám đốc Sở Thông tin và Truyền thông Cần Thơ"}}},
				Organizations: []article.Organization{{Name: "Bộ Thông tin và Truyền thông"}},
			},
		},
	}
}

func newAnalysisFixture(t testing.TB) *fixture {
	t.Helper()
	arts := analysisArticles()
	for i := range arts {
		arts[i].Normalize()
	}
	r := resolve.NewResolver()
	r.Load(arts)
	f := &fixture{t: t, arts: arts, index: newTestIndex(t, arts...), store: &memStore{arts: arts, dir: t.TempDir()}}
	h, err := New(Config{Index: f.index, Store: f.store, Resolver: r})
	if err != nil {
		t.Fatal(err)
	}
	f.h = h
	return f
}

func TestEntitiesAreResolved(t *testing.T) {
	f := newAnalysisFixture(t)
	var got struct {
		Entities []resolve.Entity `json:"entities"`
	}
	rec := f.get("/api/entities?type=organization&q=thong+tin")
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Entities) != 1 {
		t.Fatalf("%d organisations, want Bộ Thông tin và Truyền thông once: %s", len(got.Entities), rec.Body)
	}
	e := got.Entities[0]
	if e.Name != "Bộ Thông tin và Truyền thông" || e.Count != 3 || len(e.Aliases) != 2 || e.ID != "organization-bo-thong-tin-truyen-thong" {
		t.Errorf("got %+v", e)
	}

	rec = f.get("/api/entities?type=person&q=dao+minh+khoa")
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || len(got.Entities) != 1 {
		t.Fatalf("%s", rec.Body)
	}
	roles := got.Entities[0].Roles
	if len(roles) != 2 || !strings.Contains(roles[0].Role, "Thông tin và Truyền thông") || roles[0].FirstSeen != "2022-03-10" ||
		!strings.Contains(roles[1].Role, "Khoa học và Công nghệ") || roles[1].FirstSeen != "2025-10-02" {
		t.Errorf("roles not in date order: %+v", roles)
	}
}

func TestTargetsAPI(t *testing.T) {
	f := newAnalysisFixture(t)
	var got targetsResponse
	rec := f.get("/api/targets?family=digital-economy-share&sort=-value")
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Total != 2 || len(got.Targets) != 2 || got.Targets[0].Place != "Cần Thơ" || got.Targets[1].Place != "Sóc Trăng" {
		t.Fatalf("got %+v", got)
	}
	// Filters combine: Sóc Trăng is part of Cần Thơ in the 34-province map.
	rec = f.get("/api/targets?family=digital-economy-share&place=C%E1%BA%A7n+Th%C6%A1&year=2025")
	json.Unmarshal(rec.Body.Bytes(), &got)
	if got.Total != 2 {
		t.Errorf("place filter on the 34-province map: %d goals, want 2", got.Total)
	}
	rec = f.get("/api/targets?family=other")
	json.Unmarshal(rec.Body.Bytes(), &got)
	if got.Total != 1 || got.Targets[0].Metric != "điều chưa phân loại" {
		t.Errorf("unrecognised goal not kept as other: %+v", got.Targets)
	}
	for _, bad := range []string{"family=x", "year=25", "sort=up", "size=0"} {
		rec := f.get("/api/targets?" + bad)
		param, _, _ := strings.Cut(bad, "=")
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), param) {
			t.Errorf("%s: %d %s, want a 400 naming %s", bad, rec.Code, rec.Body, param)
		}
	}
}

func TestCSVDownloads(t *testing.T) {
	f := newAnalysisFixture(t)
	for _, tc := range []struct {
		url, header string
		rows        int
		contains    string
	}{
		{"/api/targets.csv?family=digital-economy-share", "family,place,province_63,province_34", 2, "Sóc Trăng"},
		{"/api/people.csv", "person_id,person,role", 2, "Giám đốc Sở Khoa học và Công nghệ Cần Thơ"},
		{"/api/decisions.csv", "id,kind,symbol", 1, "749/QĐ-TTg"},
	} {
		rec := f.get(tc.url)
		body := rec.Body.String()
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
			t.Errorf("%s: %d %s", tc.url, rec.Code, rec.Header().Get("Content-Type"))
			continue
		}
		if !strings.HasPrefix(body, "\uFEFF"+tc.header) {
			t.Errorf("%s: does not start with a BOM and the header: %.60q", tc.url, body)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
		if err != nil || len(recs)-1 != tc.rows || !strings.Contains(body, tc.contains) {
			t.Errorf("%s: %d rows (want %d), err %v:\n%s", tc.url, len(recs)-1, tc.rows, err, body)
		}
	}
}

func TestRolesAndDecisionAPI(t *testing.T) {
	f := newAnalysisFixture(t)
	var roles rolesResponse
	json.Unmarshal(f.get("/api/roles?q=Gi%C3%A1m+%C4%91%E1%BB%91c+S%E1%BB%9F+TT%26TT+C%E1%BA%A7n+Th%C6%A1").Body.Bytes(), &roles)
	if len(roles.Holders) != 1 || roles.Holders[0].Person != "Đào Minh Khoa" || roles.Holders[0].FirstSeen != "2022-03-10" {
		t.Errorf("holders of Giám đốc Sở TT&TT Cần Thơ: %+v", roles.Holders)
	}
	for _, u := range []string{"/api/decisions/749/Q%C4%90-TTg", "/api/decisions/749", "/api/decisions/decision-749-qd-ttg"} {
		var d decisionResponse
		rec := f.get(u)
		if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil || d.Decision == nil {
			t.Errorf("%s: %d %s", u, rec.Code, rec.Body)
			continue
		}
		if d.Decision.Decision.Symbol != "749/QĐ-TTg" || len(d.Articles) != 2 || d.Articles[0].ID != "b000000000000002" {
			t.Errorf("%s: %+v", u, d)
		}
	}
}

func TestSourceFilterTakesHostOrName(t *testing.T) {
	f := newAnalysisFixture(t)
	for _, src := range []string{"Báo Thử", "bao.example.vn"} {
		var res struct {
			Total int `json:"total"`
		}
		json.Unmarshal(f.get("/api/articles?source="+strings.ReplaceAll(src, " ", "+")).Body.Bytes(), &res)
		if res.Total != 1 {
			t.Errorf("source=%s: %d articles, want 1", src, res.Total)
		}
	}
}

func TestAnalysisPages(t *testing.T) {
	f := newAnalysisFixture(t)
	for _, tc := range []struct {
		url  string
		want []string
	}{
		{"/targets", []string{`<svg class="chart bars"`, "<title", "Cần Thơ · 2025", `href="/articles/b000000000000001"`, `id="goal-table"`, "/api/targets.csv?"}},
		{"/targets?family=other", []string{"điều chưa phân loại"}},
		{"/decisions", []string{`<svg class="chart columns"`, `href="/decisions/749/Q%C4%90-TTg"`, "2020-06"}},
		{"/decisions/749/Q%C4%90-TTg", []string{`<svg class="chart timeline"`, "Ngày ban hành", `href="/articles/b000000000000002"`, "Chương trình 749"}},
		{"/entities/person/Ng%C6%B0%E1%BB%9Di%20V%E1%BA%AFng%20M%E1%BA%B7t", nil},
		{"/entities/person/%C4%90%C3%A0o%20Minh%20Khoa", []string{`<svg class="chart timeline"`, "Giám đốc Sở Khoa học và Công nghệ Cần Thơ", `class="dot former"`, `<svg class="chart columns"`}},
		{"/roles?q=Gi%C3%A1m+%C4%91%E1%BB%91c+S%E1%BB%9F+TT%26TT", []string{`<svg class="chart timeline"`, `href="/entities/person/person-dao-minh-khoa"`, "Đào Minh Khoa — Giám đốc Sở Thông tin và Truyền thông Cần Thơ"}},
		{"/entities/organization/B%E1%BB%99%20TT%26TT", []string{"<h1>Bộ Thông tin và Truyền thông</h1>", "Bộ TT&amp;TT"}},
	} {
		rec := f.get(tc.url)
		if tc.want == nil {
			if rec.Code != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", tc.url, rec.Code)
			}
			continue
		}
		if rec.Code != 200 {
			t.Errorf("%s: %d", tc.url, rec.Code)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(rec.Body.String(), w) {
				t.Errorf("%s: no %q", tc.url, w)
			}
		}
	}
	// A goal on an article page links to the comparison of its family.
	if rec := f.get("/entities/target/20%25%20kinh%20t%E1%BA%BF%20s%E1%BB%91%20chi%E1%BA%BFm%20GRDP%20(2025)"); rec.Code != http.StatusFound || rec.Header().Get("Location") != "/targets?family=digital-economy-share" {
		t.Errorf("target entity page: %d → %s", rec.Code, rec.Header().Get("Location"))
	}
	// Decisions found under /entities go to their registry page.
	if rec := f.get("/entities/decision/749"); rec.Code != http.StatusFound || rec.Header().Get("Location") != "/decisions/749/Q%C4%90-TTg" {
		t.Errorf("decision entity page: %d → %s", rec.Code, rec.Header().Get("Location"))
	}
}

func TestHomonymsPageSaysSo(t *testing.T) {
	arts := []article.Article{
		{ID: "c000000000000001", Title: "Hà Nội", Published: ict("2022-03-01T08:00:00+07:00"),
			Entities: article.Entities{People: []article.Person{{Name: "Lê Văn An", Roles: []string{"Chủ tịch UBND TP Hà Nội"}}}}},
		{ID: "c000000000000002", Title: "Đà Nẵng", Published: ict("2022-04-01T08:00:00+07:00"),
			Entities: article.Entities{People: []article.Person{{Name: "Lê Văn An", Roles: []string{"Giám đốc Sở TT&TT Đà Nẵng"}}}}},
		// Still in Hà Nội after the Đà Nẵng article: two people.
		{ID: "c000000000000003", Title: "Hà Nội", Published: ict("2022-09-01T08:00:00+07:00"),
			Entities: article.Entities{People: []article.Person{{Name: "Lê Văn An", Roles: []string{"Chủ tịch UBND TP Hà Nội"}}}}},
	}
	r := resolve.NewResolver()
	r.Load(arts)
	h, err := New(Config{Index: newTestIndex(t, arts...), Store: &memStore{arts: arts, dir: t.TempDir()}, Resolver: r})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, arts: arts, h: h}
	page := f.get("/entities/person/person-le-van-an-ha-noi").Body.String()
	if !strings.Contains(page, `role="note"`) || !strings.Contains(page, `href="/entities/person/person-le-van-an-da-nang"`) || !strings.Contains(page, "cùng thời gian") {
		t.Errorf("the page of one Lê Văn An does not point at the other:\n%s", page)
	}
}

func TestAnalysisOnNoArticles(t *testing.T) {
	h, err := New(Config{Index: newTestIndex(t), Store: &memStore{dir: t.TempDir()}, Resolver: resolve.NewResolver()})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, h: h}
	for _, u := range []string{"/targets", "/decisions", "/roles?q=x", "/api/targets", "/api/decisions", "/api/roles?q=x", "/api/entities?type=person", "/api/targets.csv"} {
		if rec := f.get(u); rec.Code != 200 || strings.Contains(rec.Body.String(), "null") {
			t.Errorf("%s: %d %.200s", u, rec.Code, rec.Body)
		}
	}
	if rec := f.get("/decisions/749"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown decision: %d", rec.Code)
	}
	// Without a resolver the analysis endpoints say they cannot answer.
	h, _ = New(Config{Index: newTestIndex(t), Store: &memStore{dir: t.TempDir()}})
	f = &fixture{t: t, h: h}
	if rec := f.get("/api/targets"); rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("no resolver: %d %s", rec.Code, rec.Body)
	}
}

// warmingResolver is a resolver still reading the archive at start-up.
type warmingResolver struct{}

func (warmingResolver) Graph(ctx context.Context) (*resolve.Graph, error) {
	return nil, fmt.Errorf("loading 3 of 10 pages: %w", ErrNotReady)
}

// While the resolved entities load, the server answers at once: entity
// look-ups from the index, search as ever, and what needs the resolved
// entities a 503 with Retry-After, never a wait or a 500.
func TestServesWhileEntitiesLoad(t *testing.T) {
	arts := analysisArticles()
	f := &fixture{t: t, arts: arts, index: newTestIndex(t, arts...), store: &memStore{arts: arts, dir: t.TempDir()}}
	h, err := New(Config{Index: f.index, Store: f.store, Resolver: warmingResolver{}})
	if err != nil {
		t.Fatal(err)
	}
	f.h = h
	rec := f.get("/api/entities?type=organization")
	var got entitiesResponse
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &got) != nil || len(got.Entities) == 0 {
		t.Errorf("/api/entities while loading: %d %s, want the index's entities", rec.Code, rec.Body)
	}
	if rec := f.get("/api/articles?q=chuyen+doi+so"); rec.Code != http.StatusOK {
		t.Errorf("search while loading: %d", rec.Code)
	}
	for _, u := range []string{"/api/targets", "/api/roles?q=giam+doc", "/targets", "/decisions", "/api/export"} {
		rec := f.get(u)
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s while loading: %d, Retry-After %q; want 503 with Retry-After", u, rec.Code, rec.Header().Get("Retry-After"))
		}
	}
}

// TestEntityArticleListsAreBounded checks that /api/entities lists the
// newest maxListedArticles articles of an entity and of each role, counts
// them all, and leaves the shared graph whole.
func TestEntityArticleListsAreBounded(t *testing.T) {
	const n = maxListedArticles + 30
	arts := make([]article.Article, n)
	day := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range arts {
		arts[i] = article.Article{
			ID: fmt.Sprintf("c%015x", i), Title: fmt.Sprintf("Họp giao ban số %d", i), Source: "Báo Thử",
			Published: day.AddDate(0, 0, i),
			Entities:  article.Entities{People: []article.Person{{Name: "Phan Thị Hoa", Roles: []string{"Giám đốc Sở Thử"}}}},
		}
	}
	r := resolve.NewResolver()
	r.Load(arts)
	h, err := New(Config{Index: newTestIndex(t, arts...), Store: &memStore{arts: arts, dir: t.TempDir()}, Resolver: r})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/entities?type=person&q=phan+thi+hoa", nil))
	var got struct {
		Entities []resolve.Entity `json:"entities"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || len(got.Entities) != 1 {
		t.Fatalf("%v: %.200s", err, rec.Body)
	}
	e := got.Entities[0]
	newest := arts[n-1].ID
	if e.Count != n || len(e.Articles) != maxListedArticles || e.Articles[0] != newest {
		t.Errorf("count %d, %d articles listed starting %s; want %d, %d, %s", e.Count, len(e.Articles), e.Articles[0], n, maxListedArticles, newest)
	}
	if ra := e.Roles[0].Articles; len(ra) != maxListedArticles || ra[len(ra)-1] != newest {
		t.Errorf("role lists %d articles, last %s; want the newest %d", len(ra), ra[len(ra)-1], maxListedArticles)
	}
	g, _ := r.Graph(context.Background())
	if whole, _ := g.Lookup(index.TypePerson, "Phan Thị Hoa"); len(whole.Articles) != n || len(whole.Roles[0].Articles) != n {
		t.Errorf("the graph lost articles: %d, role %d", len(whole.Articles), len(whole.Roles[0].Articles))
	}
}
