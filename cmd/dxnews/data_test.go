package main

import (
	"context"
	"encoding/json"
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

func TestSearchExportReindexStatus(t *testing.T) {
	dir, arts := seedData(t)

	code, out, stderr := run(t, nil, "search", "-data", dir, "-json", "chinh quyen so")
	if code != 0 {
		t.Fatalf("search exit %d: %s", code, stderr)
	}
	var res struct {
		Total    int `json:"total"`
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Total != 1 || res.Articles[0].ID != arts[0].ID {
		t.Fatalf("search chinh quyen so = %s (%v)", out, err)
	}
	code, out, _ = run(t, nil, "search", "-data", dir, "-decision", "1520")
	if code != 0 || !strings.Contains(out, "1 articles") || !strings.Contains(out, "Lê Trung Chinh") {
		t.Fatalf("search -decision 1520: exit %d\n%s", code, out)
	}

	code, out, stderr = run(t, nil, "export", "-data", dir, "-limit", "1")
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(stderr, "next cursor: 1") {
		t.Fatalf("export page 1: exit %d, %q, %q", code, out, stderr)
	}
	code, out, stderr = run(t, nil, "export", "-data", dir, "-since", "1", "-limit", "10")
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, arts[1].ID) {
		t.Fatalf("export page 2: exit %d, %q, %q", code, out, stderr)
	}

	// Lose the index; reindex rebuilds it from the stored articles.
	if err := os.RemoveAll(filepath.Join(dir, "index")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, nil, "reindex", "-data", dir); code != 0 || !strings.Contains(stderr, "reindexed 2 articles") || !strings.Contains(stderr, "across 2 articles") {
		t.Fatalf("reindex: exit %d, %s", code, stderr)
	}
	code, out, _ = run(t, nil, "status", "-data", dir)
	if code != 0 || !strings.Contains(out, "stored       2 articles") || !strings.Contains(out, "indexed      2") {
		t.Fatalf("status after reindex: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, nil, "search", "-data", dir, "-person", "Le Trung Chinh")
	if code != 0 || !strings.Contains(out, "1 articles") {
		t.Fatalf("search -person after reindex: exit %d\n%s", code, out)
	}
}
