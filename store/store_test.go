package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dxnews/article"
)

func sample(n int, title string) article.Article {
	url := "https://tin.example.vn/bai-" + string(rune('a'+n)) + ".html"
	return article.Article{ID: article.IDFor(url), URL: url, CanonicalURL: url, Title: title, Fetched: time.Now()}
}

// openStore opens the store in dir, to be closed when the test ends.
func openStore(t testing.TB, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// put stores a, owing the stages given, or fails the test.
func put(t testing.TB, s *Store, a article.Article, owed ...string) {
	t.Helper()
	if _, err := s.Put(context.Background(), a, owed...); err != nil {
		t.Fatal(err)
	}
}

// pageSince reads what changed after cursor through Since, size articles
// a page, until the cursor stops moving, and returns the articles in order.
func pageSince(t testing.TB, s *Store, cursor string, size int) []article.Article {
	t.Helper()
	var out []article.Article
	for range 1000 {
		arts, next, err := s.Since(context.Background(), cursor, size)
		if err != nil {
			t.Fatalf("Since(%q, %d): %v", cursor, size, err)
		}
		out = append(out, arts...)
		if next == cursor {
			return out
		}
		cursor = next
	}
	t.Fatalf("Since still moving at cursor %q after 1000 pages", cursor)
	return nil
}

func TestPutGetRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	a := sample(0, "Chuyển đổi số ở Huế")
	a.Entities.People = []article.Person{{Name: "Nguyễn Văn An", Roles: []string{"Giám đốc Sở"}}}
	changed, err := s.Put(ctx, a)
	if err != nil || !changed {
		t.Fatalf("Put = %v, %v; want changed", changed, err)
	}
	got, err := s.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.Entities.People[0].Roles[0] != "Giám đốc Sở" {
		t.Fatalf("Get returned %+v", got)
	}
	if _, err := s.Get(ctx, "0123456789abcdef"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(unknown) err = %v, want ErrNotFound", err)
	}
	if _, err := s.Get(ctx, "../../etc/passwd"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(traversal) err = %v, want ErrNotFound", err)
	}
}

func TestPutUnchangedLeavesLogAlone(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	a := sample(1, "Đô thị thông minh")
	put(t, s, a)
	a.Fetched = a.Fetched.Add(time.Hour)
	changed, err := s.Put(ctx, a)
	if err != nil || changed {
		t.Fatalf("second Put = %v, %v; want unchanged", changed, err)
	}
	arts, next, err := s.Since(ctx, "", 10)
	if err != nil || len(arts) != 1 || next != "1" {
		t.Fatalf("Since = %d articles, next %q, %v", len(arts), next, err)
	}
}

func TestSincePagesEveryArticleOnce(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	for i := range 7 {
		put(t, s, sample(i, "bài"))
	}
	// Update article 2 so it appears twice in the log.
	up := sample(2, "bài đã sửa")
	put(t, s, up)
	seen := map[string]int{}
	cursor := ""
	for range 10 {
		arts, next, err := s.Since(ctx, cursor, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			seen[a.ID]++
			if a.ID == up.ID && a.Title != "bài đã sửa" {
				t.Fatalf("export returned the old version of %s", a.ID)
			}
		}
		if len(arts) == 0 {
			if next != cursor {
				t.Fatalf("empty page moved the cursor from %q to %q", cursor, next)
			}
			break
		}
		cursor = next
	}
	if len(seen) != 7 {
		t.Fatalf("export saw %d articles, want 7", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Fatalf("article %s exported %d times", id, n)
		}
	}
	if _, _, err := s.Since(ctx, "abc", 3); err == nil || !strings.Contains(err.Error(), "cursor") {
		t.Fatalf("bad cursor err = %v", err)
	}
}

func TestOpenRepairsTornLog(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, dir)
	put(t, s, sample(0, "một"))
	s.Close()
	f, err := os.OpenFile(filepath.Join(dir, "articles.log"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("2\tdeadbe") // a crash mid-append
	f.Close()
	s = openStore(t, dir)
	put(t, s, sample(1, "hai"))
	arts, next, err := s.Since(ctx, "", 10)
	if err != nil || len(arts) != 2 || next != "2" {
		t.Fatalf("after repair: %d articles, next %q, err %v", len(arts), next, err)
	}
}

func TestOpenUnwritable(t *testing.T) {
	// Root can write to any directory, so make the folder's parent a file.
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	_, err := Open(filepath.Join(file, "data"))
	if err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("Open under a file: err = %v", err)
	}
}

func TestWriteAudio(t *testing.T) {
	s := openStore(t, t.TempDir())
	id := sample(0, "x").ID
	if s.HasAudio(id, "north-female") {
		t.Fatal("HasAudio before writing")
	}
	if err := s.WriteAudio(id, "north-female", []byte("mp3"), []map[string]int{{"start_ms": 0}}); err != nil {
		t.Fatal(err)
	}
	if !s.HasAudio(id, "north-female") {
		t.Fatal("HasAudio after writing")
	}
	b, _ := os.ReadFile(TimingsPath(s.AudioPath(id, "north-female")))
	if string(b) != `[{"start_ms":0}]` {
		t.Fatalf("timings = %s", b)
	}
	if s.AudioPath(id, "../x") != "" || s.AudioPath("zz", "north-female") != "" {
		t.Fatal("AudioPath accepted a bad name")
	}
}
