package web

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
)

// fakeIndex is an in-memory Searcher over a handful of articles. It filters
// the way the contract describes (case-insensitive, without diacritic
// folding) and remembers the last query it was given.
type fakeIndex struct {
	arts []article.Article

	mu   sync.Mutex
	last index.Query
	err  error
}

var _ Searcher = (*fakeIndex)(nil)

func (f *fakeIndex) Search(ctx context.Context, q index.Query) (index.Results, error) {
	f.mu.Lock()
	f.last = q
	err := f.err
	f.mu.Unlock()
	if err != nil {
		return index.Results{}, err
	}
	if q, err = q.Normalize(); err != nil {
		return index.Results{}, err
	}
	var hits []article.Article
	for _, a := range f.arts {
		if matches(a, q) {
			hits = append(hits, a)
		}
	}
	slices.SortStableFunc(hits, func(a, b article.Article) int { return b.Published.Compare(a.Published) })
	res := index.Results{Total: len(hits), Facets: facets(hits, q)}
	page, size := max(q.Page, 1), cmp.Or(q.Size, index.DefaultSize)
	lo := min((page-1)*size, len(hits))
	res.Articles = []article.Article{}
	for _, a := range hits[lo:min(lo+size, len(hits))] {
		res.Articles = append(res.Articles, index.Summary(a))
	}
	return res, nil
}

// contains matches with or without case and diacritics, as indexes must.
func contains(s, sub string) bool {
	return strings.Contains(index.Fold(s), index.Fold(sub))
}

func matches(a article.Article, q index.Query) bool {
	if q.Text != "" && !contains(a.Text(), q.Text) {
		return false
	}
	if q.Source != "" && a.Source != q.Source {
		return false
	}
	if !q.From.IsZero() && a.Published.Before(q.From) || !q.To.IsZero() && a.Published.After(q.To) {
		return false
	}
	has := func(want string, names []string) bool {
		return want == "" || slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, want) })
	}
	e := a.Entities
	var people, orgs, decs, locs []string
	for _, p := range e.People {
		people = append(people, p.Name)
	}
	for _, o := range e.Organizations {
		orgs = append(orgs, o.Name)
	}
	for _, d := range e.Decisions {
		decs = append(decs, index.DecisionKeys(d)...)
	}
	for _, l := range e.Locations {
		locs = append(locs, l.Name)
	}
	return has(q.Person, people) && has(q.Org, orgs) && has(index.FoldKey(q.Decision), decs) && has(q.Location, locs)
}

// facets counts the facets q asks for over hits; the others are empty.
func facets(hits []article.Article, q index.Query) index.Facets {
	count := func(facet string, names func(article.Article) []string) []index.FacetCount {
		if !q.WantsFacet(facet) {
			return []index.FacetCount{}
		}
		n := map[string]int{}
		for _, a := range hits {
			for _, name := range names(a) {
				n[name]++
			}
		}
		out := []index.FacetCount{}
		for k, v := range n {
			out = append(out, index.FacetCount{Name: k, Count: v})
		}
		slices.SortFunc(out, func(a, b index.FacetCount) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Name, b.Name)) })
		return out
	}
	return index.Facets{
		People:        count(index.FacetPeople, func(a article.Article) []string { return names(a, index.TypePerson) }),
		Organizations: count(index.FacetOrganizations, func(a article.Article) []string { return names(a, index.TypeOrganization) }),
		Decisions:     count(index.FacetDecisions, func(a article.Article) []string { return names(a, index.TypeDecision) }),
		Sources:       count(index.FacetSources, func(a article.Article) []string { return []string{a.Source} }),
	}
}

// names lists the entity names of one type in an article.
func names(a article.Article, typ string) []string { return index.EntityNames(a.Entities, typ) }

func (f *fakeIndex) Entities(ctx context.Context, q index.EntityQuery) ([]index.Entity, error) {
	byName := map[string]*index.Entity{}
	var order []string
	for _, a := range f.arts {
		for _, n := range names(a, q.Type) {
			if q.Q != "" && !contains(n, q.Q) {
				continue
			}
			e := byName[n]
			if e == nil {
				e = &index.Entity{Type: q.Type, Name: n, Roles: []string{}}
				byName[n] = e
				order = append(order, n)
			}
			e.Count++
			e.Articles = append(e.Articles, a.ID)
			if q.Type == index.TypePerson {
				for _, p := range a.Entities.People {
					if p.Name == n {
						for _, role := range p.Roles {
							if !slices.Contains(e.Roles, role) {
								e.Roles = append(e.Roles, role)
							}
						}
					}
				}
			}
		}
	}
	out := []index.Entity{}
	for _, n := range order {
		out = append(out, *byName[n])
	}
	if q.Size > 0 && len(out) > q.Size {
		out = out[:q.Size]
	}
	return out, nil
}

func (f *fakeIndex) Get(ctx context.Context, id string) (article.Article, error) {
	for _, a := range f.arts {
		if a.ID == id {
			return a, nil
		}
	}
	return article.Article{}, fmt.Errorf("fake: %w", index.ErrNotFound)
}

func (f *fakeIndex) Count(ctx context.Context) (int, error) { return len(f.arts), nil }

// fakeStore serves articles in ID order with the position as the cursor,
// and keeps audio under dir/audio/<id>/<voice>.mp3.
type fakeStore struct {
	arts []article.Article
	dir  string
	err  error // returned by every Since call when set
}

var _ Store = (*fakeStore)(nil)

func (s *fakeStore) Since(ctx context.Context, cursor string, limit int) ([]article.Article, string, error) {
	if s.err != nil {
		return nil, "", s.err
	}
	pos := 0
	if cursor != "" {
		n, err := strconv.Atoi(cursor)
		if err != nil || n < 0 {
			return nil, "", fmt.Errorf("fake: bad cursor %q", cursor)
		}
		pos = n
	}
	sorted := slices.Clone(s.arts)
	slices.SortFunc(sorted, func(a, b article.Article) int { return cmp.Compare(a.ID, b.ID) })
	pos = min(pos, len(sorted))
	end := min(pos+limit, len(sorted))
	return sorted[pos:end], strconv.Itoa(end), nil
}

func (s *fakeStore) AudioPath(id, voice string) string {
	return filepath.Join(s.dir, "audio", id, voice+".mp3")
}

// fakeMP3 is the content every fixture reading has: 1000 bytes with a
// recognisable pattern so ranges can be checked.
func fakeMP3() []byte {
	b := make([]byte, 1000)
	for i := range b {
		b[i] = byte(i % 251)
	}
	return b
}

const fakeTimings = `[{"start_ms":0,"end_ms":2400,"text":"Thành phố Đà Nẵng công bố kế hoạch chuyển đổi số."},` +
	`{"start_ms":2400,"end_ms":5100,"text":"Mục tiêu đến năm hai nghìn không trăm hai lăm."}]`

func ict(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixtureArticles are short Vietnamese articles written for these tests.
func fixtureArticles() []article.Article {
	arts := []article.Article{
		{
			URL:       "https://tin.example.vn/da-nang-chuyen-doi-so.html",
			Source:    "tin.example.vn",
			Title:     "Đà Nẵng đặt mục tiêu 80% dịch vụ công trực tuyến toàn trình",
			Sapo:      "UBND TP Đà Nẵng ban hành kế hoạch chuyển đổi số năm 2024 với nhiều chỉ tiêu mới.",
			Body:      "Theo Quyết định 1520/QĐ-UBND, thành phố phấn đấu đến năm 2025 có 80% dịch vụ công trực tuyến toàn trình.\n\nÔng Lê Trung Chinh, Chủ tịch UBND TP Đà Nẵng, yêu cầu các sở ngành hoàn thành trước quý IV.",
			Authors:   []string{"Minh Anh"},
			Published: ict("2024-03-12T08:30:00+07:00"),
			Section:   "Chuyển đổi số",
			Tags:      []string{"chuyển đổi số", "Đà Nẵng"},
			Entities: article.Entities{
				People:        []article.Person{{Name: "Lê Trung Chinh", Roles: []string{"Chủ tịch UBND TP Đà Nẵng"}}},
				Decisions:     []article.Decision{{Kind: "Quyết định", Number: "1520", Symbol: "1520/QĐ-UBND", Issuer: "UBND TP Đà Nẵng", Subject: "kế hoạch chuyển đổi số năm 2024"}},
				Targets:       []article.Target{{Value: "80%", Metric: "dịch vụ công trực tuyến toàn trình", Year: "2025", Scope: "Đà Nẵng"}},
				Organizations: []article.Organization{{Name: "UBND TP Đà Nẵng"}},
				Locations:     []article.Location{{Name: "Đà Nẵng"}},
			},
		},
		{
			URL:       "https://tin.example.vn/hcm-do-thi-thong-minh.html",
			Source:    "tin.example.vn",
			Title:     "TP.HCM họp Ban Chỉ đạo đô thị thông minh",
			Sapo:      "Ban Chỉ đạo xây dựng đô thị thông minh TP.HCM rà soát tiến độ các dự án dữ liệu mở.",
			Body:      "Ông Phan Văn Mãi, Chủ tịch UBND TP.HCM, chủ trì cuộc họp.\n\nThành phố đặt mục tiêu kinh tế số chiếm 25% GRDP vào năm 2025.",
			Published: ict("2023-11-02T15:00:00+07:00"),
			Entities: article.Entities{
				People:        []article.Person{{Name: "Phan Văn Mãi", Roles: []string{"Chủ tịch UBND TP.HCM", "Trưởng ban Ban Chỉ đạo đô thị thông minh"}}},
				Targets:       []article.Target{{Value: "25%", Metric: "kinh tế số trong GRDP", Year: "2025", Scope: "TP.HCM"}},
				Organizations: []article.Organization{{Name: "UBND TP.HCM"}},
				Locations:     []article.Location{{Name: "TP.HCM"}},
			},
		},
		{
			URL:       "https://bao.example.vn/quang-ninh-chinh-quyen-so.html",
			Source:    "bao.example.vn",
			Title:     "Quảng Ninh triển khai chính quyền số cấp xã",
			Sapo:      "Tỉnh Quảng Ninh hoàn thành kết nối hệ thống một cửa điện tử đến 100% xã, phường.",
			Body:      "Nghị quyết 09-NQ/TU của Tỉnh ủy xác định chuyển đổi số là nhiệm vụ trọng tâm.\n\nBà Nguyễn Thị Hạnh, Phó Chủ tịch UBND tỉnh, cho biết dữ liệu dân cư đã được làm sạch.",
			Published: ict("2022-06-20T09:15:00+07:00"),
			Entities: article.Entities{
				People:        []article.Person{{Name: "Nguyễn Thị Hạnh", Roles: []string{"Phó Chủ tịch UBND tỉnh Quảng Ninh"}}},
				Decisions:     []article.Decision{{Kind: "Nghị quyết", Number: "09", Symbol: "09-NQ/TU", Issuer: "Tỉnh ủy Quảng Ninh"}},
				Organizations: []article.Organization{{Name: "Tỉnh ủy Quảng Ninh"}},
				Locations:     []article.Location{{Name: "Quảng Ninh"}},
			},
		},
	}
	for i := range arts {
		arts[i].CanonicalURL = arts[i].URL
		arts[i].ID = article.IDFor(arts[i].URL)
		arts[i].Normalize()
	}
	return arts
}

// fixture wires the handler to fakes over the fixture articles. The first
// article has readings in the four main voices, the second only in
// south-male, the third none.
type fixture struct {
	t     testing.TB
	arts  []article.Article
	index *fakeIndex
	store *fakeStore
	h     http.Handler
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	arts := fixtureArticles()
	f := &fixture{t: t, arts: arts, index: &fakeIndex{arts: arts}, store: &fakeStore{arts: arts, dir: t.TempDir()}}
	for _, v := range article.Voices {
		f.addAudio(arts[0].ID, v.ID)
	}
	f.addAudio(arts[1].ID, "south-male")
	// The first reading's record carries its duration.
	f.arts[0].Audio[0].DurationMS = 5100
	h, err := New(Config{Index: f.index, Store: f.store, BaseURL: "https://dx.example"})
	if err != nil {
		t.Fatal(err)
	}
	f.h = h
	return f
}

// addAudio stores a reading: the MP3 and timings on disk and the audio
// record in the article (shared by the fake index and store), which is
// what pages and feeds read.
func (f *fixture) addAudio(id, voice string) {
	for i := range f.arts {
		if f.arts[i].ID == id {
			f.arts[i].Audio = append(f.arts[i].Audio, article.Audio{
				Voice: voice, URL: article.AudioURL(id, voice), Bytes: int64(len(fakeMP3())), Backend: "espeak",
			})
		}
	}
	p := f.store.AudioPath(id, voice)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p, fakeMP3(), 0o644); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(strings.TrimSuffix(p, ".mp3")+".json", []byte(fakeTimings), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// get performs a GET with optional header pairs.
func (f *fixture) get(target string, header ...string) *httptest.ResponseRecorder {
	f.t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return rec
}
