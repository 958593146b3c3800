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
	"sync"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
	"dxnews/index/bleve"
	"dxnews/store"
)

// testIndex is the real Bleve index, in memory, behind the Searcher the
// server reads: it remembers the last query it was given and fails every
// search with err when that is set. It does not pass on the index's
// Version, so responses are cached only where a test asks for it.
type testIndex struct {
	ix *bleve.Index

	mu   sync.Mutex
	last index.Query
	err  error
}

var _ Searcher = (*testIndex)(nil)

// newTestIndex opens an in-memory Bleve index holding arts, closed when t
// ends.
func newTestIndex(t testing.TB, arts ...article.Article) *testIndex {
	t.Helper()
	ix, err := bleve.Open("", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	x := &testIndex{ix: ix}
	x.put(t, arts...)
	return x
}

// put indexes arts, replacing the articles of the same IDs.
func (x *testIndex) put(t testing.TB, arts ...article.Article) {
	t.Helper()
	if err := x.ix.Index(context.Background(), arts...); err != nil {
		t.Fatal(err)
	}
}

func (x *testIndex) Search(ctx context.Context, q index.Query) (index.Results, error) {
	x.mu.Lock()
	x.last = q
	err := x.err
	x.mu.Unlock()
	if err != nil {
		return index.Results{}, err
	}
	return x.ix.Search(ctx, q)
}

func (x *testIndex) Entities(ctx context.Context, q index.EntityQuery) ([]index.Entity, error) {
	return x.ix.Entities(ctx, q)
}

func (x *testIndex) Get(ctx context.Context, id string) (article.Article, error) {
	return x.ix.Get(ctx, id)
}

func (x *testIndex) Count(ctx context.Context) (int, error) { return x.ix.Count(ctx) }

// memStore serves articles in ID order with the position as the cursor,
// and keeps audio under dir/audio/<id>/<voice>.mp3.
type memStore struct {
	arts []article.Article
	dir  string
	err  error // returned by every Since call when set
}

var _ Store = (*memStore)(nil)

func (s *memStore) Since(ctx context.Context, cursor string, limit int) ([]article.Article, string, error) {
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

func (s *memStore) AudioPath(id, voice string) string {
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

// fixture wires the handler to the real index and a store over the fixture
// articles. The first
// article has readings in the four main voices, the second only in
// south-male, the third none.
type fixture struct {
	t     testing.TB
	arts  []article.Article
	index *testIndex
	store *memStore
	h     http.Handler
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	arts := fixtureArticles()
	f := &fixture{t: t, arts: arts, store: &memStore{arts: arts, dir: t.TempDir()}}
	for _, v := range article.Voices {
		f.addAudio(arts[0].ID, v.ID)
	}
	f.addAudio(arts[1].ID, "south-male")
	// The first reading's record carries its duration.
	f.arts[0].Audio[0].DurationMS = 5100
	f.index = newTestIndex(t, f.arts...)
	h, err := New(Config{Index: f.index, Store: f.store, BaseURL: "https://dx.example"})
	if err != nil {
		t.Fatal(err)
	}
	f.h = h
	return f
}

// addAudio stores a reading: the MP3 and timings on disk and the audio
// record in the article (shared with the store), which is what pages and
// feeds read. Once the index is open, call reindex to pass the record on.
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
	if err := os.WriteFile(store.TimingsPath(p), []byte(fakeTimings), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// reindex passes changes made to f.arts on to the index.
func (f *fixture) reindex() {
	f.t.Helper()
	f.index.put(f.t, f.arts...)
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
