package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dxnews/article"
)

// seedData stores and indexes two articles in a new data folder.
func seedData(t *testing.T) (string, []article.Article) {
	t.Helper()
	dir := t.TempDir()
	e, d := openTestData(t, dir)
	defer d.Close()
	p := &pipeline{data: d, logger: e.logger}
	var arts []article.Article
	for i, text := range []struct{ title, body string }{
		{"Đà Nẵng mở rộng chính quyền số", "Chủ tịch UBND thành phố Đà Nẵng Lê Trung Chinh chủ trì hội nghị về chuyển đổi số. Theo Quyết định 1520/QĐ-UBND, thành phố phấn đấu đến năm 2025 có 90% hồ sơ trực tuyến."},
		{"Huế khai trương trung tâm điều hành", "Trung tâm giám sát điều hành đô thị thông minh của tỉnh đi vào hoạt động, phục vụ người dân."},
	} {
		url := "https://tin.example.vn/bai-" + string(rune('a'+i)) + ".html"
		a := article.Article{ID: article.IDFor(url), URL: url, CanonicalURL: url, Source: "tin.example.vn", Title: text.title, Body: text.body}
		if err := p.add(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return dir, arts
}

// searchIDs runs dxnews search -json with args and returns the total and the
// IDs of the articles found.
func searchIDs(t *testing.T, args ...string) (int, []string) {
	t.Helper()
	var res struct {
		Total    int `json:"total"`
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	mustRunJSON(t, nil, &res, append([]string{"search", "-json"}, args...)...)
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
	}
	return res.Total, ids
}

func TestSearchExportReindexStatus(t *testing.T) {
	dir, arts := seedData(t)

	if total, ids := searchIDs(t, "-data", dir, "chinh quyen so"); total != 1 || len(ids) == 0 || ids[0] != arts[0].ID {
		t.Fatalf("search chinh quyen so = %d %v, want %s", total, ids, arts[0].ID)
	}
	out, _ := mustRun(t, nil, "search", "-data", dir, "-decision", "1520")
	if m := missing(out, "1 articles", "Lê Trung Chinh"); len(m) > 0 {
		t.Fatalf("search -decision 1520 lacks %q:\n%s", m, out)
	}

	out, stderr := mustRun(t, nil, "export", "-data", dir, "-limit", "1")
	if strings.Count(out, "\n") != 1 || !strings.Contains(stderr, "next cursor: 1") {
		t.Fatalf("export page 1: %q, %q", out, stderr)
	}
	out, stderr = mustRun(t, nil, "export", "-data", dir, "-since", "1", "-limit", "10")
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, arts[1].ID) {
		t.Fatalf("export page 2: %q, %q", out, stderr)
	}

	// Lose the index; reindex rebuilds it from the stored articles.
	if err := os.RemoveAll(filepath.Join(dir, "index")); err != nil {
		t.Fatal(err)
	}
	if _, stderr := mustRun(t, nil, "reindex", "-data", dir); len(missing(stderr, "reindexed 2 articles", "across 2 articles")) > 0 {
		t.Fatalf("reindex: %s", stderr)
	}
	if out, _ := mustRun(t, nil, "status", "-data", dir); len(missing(out, "stored       2 articles", "indexed      2")) > 0 {
		t.Fatalf("status after reindex:\n%s", out)
	}
	if out, _ := mustRun(t, nil, "search", "-data", dir, "-person", "Le Trung Chinh"); !strings.Contains(out, "1 articles") {
		t.Fatalf("search -person after reindex:\n%s", out)
	}
}
