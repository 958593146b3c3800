package main

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/web"
)

// A server whose resolved entities take longer than resolveWait to load
// answers at once: entity pages 503 with Retry-After until they are
// loaded, then 200 with every stored article resolved.
func TestServerAnswersWhileResolving(t *testing.T) {
	defer func(w time.Duration, f func()) { resolveWait, beforeResolving = w, f }(resolveWait, beforeResolving)
	release := make(chan struct{})
	resolveWait, beforeResolving = 10*time.Millisecond, func() { <-release }

	e, d := openTestData(t, t.TempDir())
	defer d.Close()
	ctx := context.Background()
	for i, title := range []string{"Tỉnh A đẩy mạnh chuyển đổi số", "Thành phố B xây dựng chính quyền số"} {
		a := article.Article{ID: []string{"a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2"}[i], URL: "https://tin.example.vn/" + title, Source: "Tin Mẫu",
			Title: title, Body: title + ".", Published: time.Date(2026, 1, 2+i, 8, 0, 0, 0, time.UTC)}
		if _, err := d.store.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.startResolving(ctx, e, nil); err != nil {
		t.Fatal(err)
	}
	h, err := newHandler(e, d)
	if err != nil {
		t.Fatal(err)
	}
	if rec := getFrom(h, "/api/targets"); rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("/api/targets while loading: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	if rec := getFrom(h, "/healthz"); rec.Code != http.StatusOK {
		t.Errorf("/healthz while loading: %d", rec.Code)
	}
	if _, err := d.loading.Graph(ctx); !errors.Is(err, web.ErrNotReady) {
		t.Errorf("graph while loading: %v, want ErrNotReady", err)
	}
	close(release)
	<-d.loading.done
	if rec := getFrom(h, "/api/targets"); rec.Code != http.StatusOK {
		t.Errorf("/api/targets once loaded: %d %s", rec.Code, rec.Body)
	}
	g, err := d.loading.Graph(ctx)
	if err != nil {
		t.Fatalf("graph once loaded: %v", err)
	}
	if g.Len() != 2 {
		t.Errorf("graph once loaded holds %d articles, want 2", g.Len())
	}
}
