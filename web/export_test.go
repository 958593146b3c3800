package web

import (
	"bufio"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"dxnews/article"
)

func TestExportCursorPaging(t *testing.T) {
	f := newFixture(t)
	seen := map[string]int{}
	cursor, calls := "", 0
	for {
		calls++
		if calls > 10 {
			t.Fatal("export never ran dry")
		}
		rec := f.get("/api/export?limit=2&since=" + url.QueryEscape(cursor))
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/x-ndjson; charset=utf-8" {
			t.Fatalf("Content-Type %q", ct)
		}
		n := 0
		sc := bufio.NewScanner(rec.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var a article.Article
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatalf("line %q: %v", sc.Text(), err)
			}
			if a.ID == "" || a.Title == "" {
				t.Fatalf("incomplete record %q", sc.Text())
			}
			seen[a.ID]++
			n++
		}
		if n > 2 {
			t.Fatalf("limit=2 returned %d lines", n)
		}
		if n == 0 {
			break
		}
		cursor = rec.Header().Get("X-Next-Cursor")
		if cursor == "" {
			t.Fatal("no X-Next-Cursor")
		}
	}
	if len(seen) != len(f.arts) {
		t.Fatalf("exported %d distinct articles, want %d", len(seen), len(f.arts))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("article %s exported %d times", id, n)
		}
	}
}

func TestExportCarriesAudio(t *testing.T) {
	f := newFixture(t)
	rec := f.get("/api/export?limit=1000")
	sc := bufio.NewScanner(rec.Body)
	sc.Buffer(nil, 1<<20)
	voices := map[string]int{}
	for sc.Scan() {
		var a article.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		voices[a.ID] = len(a.Audio)
	}
	if voices[f.arts[0].ID] != 4 || voices[f.arts[1].ID] != 1 || voices[f.arts[2].ID] != 0 {
		t.Fatalf("audio per article = %v", voices)
	}
}

func TestExportBadCursor(t *testing.T) {
	f := newFixture(t)
	rec := f.get("/api/export?since=not-a-number")
	if rec.Code != http.StatusBadRequest || rec.Header().Get("X-Next-Cursor") != "" {
		t.Fatalf("status %d, cursor %q", rec.Code, rec.Header().Get("X-Next-Cursor"))
	}
	if e := decode[errorBody](t, rec.Body.Bytes()); !strings.Contains(e.Error, `"since"`) {
		t.Fatalf("error %q does not name since", e.Error)
	}
}

func TestExportStoreFailure(t *testing.T) {
	f := newFixture(t)
	f.store.err = errors.New("disk gone")
	for _, since := range []string{"", "1"} {
		rec := f.get("/api/export?since=" + since)
		if rec.Code != http.StatusInternalServerError || rec.Header().Get("X-Next-Cursor") != "" {
			t.Fatalf("since=%q: status %d, cursor %q", since, rec.Code, rec.Header().Get("X-Next-Cursor"))
		}
	}
}
