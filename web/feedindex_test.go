package web

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
)

// logStore is a store with a real change log: every put appends, Since
// returns the latest version of what changed after the cursor, and calls
// are counted.
type logStore struct {
	mu    sync.Mutex
	log   []article.Article
	calls int
}

func (s *logStore) put(a article.Article) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, a)
}

func (s *logStore) Since(ctx context.Context, cursor string, limit int) ([]article.Article, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	pos, _ := strconv.Atoi(cursor)
	end := min(len(s.log), pos+limit)
	return s.log[pos:end], strconv.Itoa(end), nil
}

func (s *logStore) AudioPath(id, voice string) string {
	return "/nonexistent/" + id + "/" + voice + ".mp3"
}

// mapIndex answers Get from a map; feeds use nothing else.
type mapIndex struct {
	mu   sync.Mutex
	arts map[string]article.Article
}

func (m *mapIndex) Search(context.Context, index.Query) (index.Results, error) {
	return index.Results{}, nil
}
func (m *mapIndex) Entities(context.Context, index.EntityQuery) ([]index.Entity, error) {
	return nil, nil
}
func (m *mapIndex) Count(context.Context) (int, error) { return len(m.arts), nil }
func (m *mapIndex) Get(_ context.Context, id string) (article.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.arts[id]
	if !ok {
		return article.Article{}, index.ErrNotFound
	}
	return a, nil
}

// archive is n articles published an hour apart, newest last; those for
// which spoken says so have a north-female reading.
type archive struct {
	store *logStore
	index *mapIndex
	h     http.Handler
	srv   *server
	now   time.Time
}

func newArchive(t testing.TB, n int, spoken func(i int) bool) *archive {
	t.Helper()
	ar := &archive{store: &logStore{}, index: &mapIndex{arts: map[string]article.Article{}}, now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	t0 := time.Date(2010, 1, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	for i := range n {
		ar.add(i, t0.Add(time.Duration(i)*time.Hour), spoken(i))
	}
	srv, err := newServer(Config{Index: ar.index, Store: ar.store, BaseURL: "https://dx.example"})
	if err != nil {
		t.Fatal(err)
	}
	srv.feeds.now = func() time.Time { return ar.now }
	ar.srv, ar.h = srv, srv.routes()
	return ar
}

func (ar *archive) add(i int, published time.Time, spoken bool) {
	id := fmt.Sprintf("%016x", i)
	a := article.Article{ID: id, Title: fmt.Sprintf("Bài %d", i), Sapo: "Tóm tắt.", Published: published, Audio: []article.Audio{}}
	if spoken {
		a.Audio = []article.Audio{{Voice: "north-female", URL: article.AudioURL(id, "north-female"), Bytes: 4321, DurationMS: 61000}}
	}
	ar.index.mu.Lock()
	ar.index.arts[id] = a
	ar.index.mu.Unlock()
	ar.store.put(a)
}

func (ar *archive) feed(t testing.TB, page int) parsedFeed {
	t.Helper()
	u := "/feeds/north-female.xml"
	if page > 1 {
		u += "?page=" + strconv.Itoa(page)
	}
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	rec := httptest.NewRecorder()
	ar.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", u, rec.Code, rec.Body)
	}
	var f parsedFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// The feed covers every reading, however old: the newest 2,500 articles
// have no reading at all, and every seventh of the older ones has. Paging
// through rel="next" finds each exactly once, newest first.
func TestFeedPagesCoverEveryReading(t *testing.T) {
	const n = 5000
	spoken := func(i int) bool { return i < n-2500 && i%7 == 0 }
	ar := newArchive(t, n, spoken)
	var want []string
	for i := n - 1; i >= 0; i-- {
		if spoken(i) {
			want = append(want, fmt.Sprintf("%016x/north-female", i))
		}
	}
	var got []string
	page := 1
	for {
		f := ar.feed(t, page)
		for _, it := range f.Channel.Items {
			got = append(got, it.GUID)
		}
		next := f.link("next")
		if next == "" {
			if last := f.link("last"); last != f.link("self") {
				t.Errorf("page %d has no next but last is %q", page, last)
			}
			break
		}
		u, err := url.Parse(next)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := strconv.Atoi(u.Query().Get("page"))
		if p != page+1 {
			t.Fatalf("next of page %d is %q", page, next)
		}
		page = p
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("feed pages list %d readings, want %d (first %v, want %v)", len(got), len(want), got[:min(3, len(got))], want[:3])
	}
}

// The feed follows the change log: it reads it once, then only what was
// added, at most every feedRefresh; a new reading appears, a removed one
// goes; nothing is looked up on disk (the store's audio paths do not
// exist).
func TestFeedFollowsChangeLog(t *testing.T) {
	ar := newArchive(t, 3000, func(i int) bool { return i%2 == 0 })
	first := ar.feed(t, 1)
	if len(first.Channel.Items) != feedItems || first.Channel.Items[0].GUID != fmt.Sprintf("%016x/north-female", 2998) {
		t.Fatalf("first page: %d items, newest %q", len(first.Channel.Items), first.Channel.Items[0].GUID)
	}
	built := ar.store.calls
	for range 5 {
		ar.feed(t, 1)
		ar.feed(t, 3)
	}
	if ar.store.calls != built {
		t.Errorf("change log read %d more times within the refresh interval", ar.store.calls-built)
	}
	newest := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	ar.add(3001, newest, true)
	ar.add(2998, time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).Add(2998*time.Hour), false) // loses its reading
	if got := ar.feed(t, 1).Channel.Items[0].GUID; got != fmt.Sprintf("%016x/north-female", 2998) {
		t.Errorf("feed changed before the refresh interval: newest %q", got)
	}
	ar.now = ar.now.Add(feedRefresh + time.Second)
	items := ar.feed(t, 1).Channel.Items
	if items[0].GUID != fmt.Sprintf("%016x/north-female", 3001) || items[1].GUID != fmt.Sprintf("%016x/north-female", 2996) {
		t.Errorf("after refresh: %q, %q; want the new reading, then 2996 (2998 lost its reading)", items[0].GUID, items[1].GUID)
	}
	if calls := ar.store.calls - built; calls > 2 {
		t.Errorf("catching up took %d change-log reads, want ≤ 2", calls)
	}
}

// BenchmarkFeedArchive compares a feed request (after the first, which builds the
// list) at 1,000 and 100,000 articles: the cost must not grow with the
// archive. Figures: ns/op of each size; compare them in the same run.
func BenchmarkFeedArchive(b *testing.B) {
	for _, n := range []int{1000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			ar := newArchive(b, n, func(i int) bool { return i%3 == 0 })
			ar.feed(b, 1)
			page := 1
			b.ResetTimer()
			for b.Loop() {
				// A new reading every request defeats the rendered-page
				// cache, so this measures listing and rendering.
				ar.add(n+page, time.Date(2030, 1, 1, 0, 0, page, 0, time.UTC), true)
				ar.now = ar.now.Add(feedRefresh + time.Second)
				ar.feed(b, 1)
				page++
			}
		})
	}
}
