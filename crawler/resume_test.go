package crawler

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/internal/killtest"
)

// fileSink stores each emitted article as <id>.json (temp file, rename), the
// way an idempotent store keyed by ID would.
func fileSink(dir string) func(context.Context, article.Article) error {
	return func(_ context.Context, a article.Article) error {
		b, err := json.Marshal(map[string]string{"url": a.CanonicalURL, "hash": a.ContentHash})
		if err != nil {
			return err
		}
		tmp := filepath.Join(dir, a.ID+".tmp")
		if err := os.WriteFile(tmp, b, 0o644); err != nil {
			return err
		}
		return os.Rename(tmp, filepath.Join(dir, a.ID+".json"))
	}
}

func sinkContents(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// TestCrawlChild is the crawl run by TestKilledRunResumes in a subprocess.
func TestCrawlChild(t *testing.T) {
	seed := os.Getenv("DXNEWS_CRAWL_CHILD_SEED")
	if seed == "" {
		t.Skip("only run as a subprocess of TestKilledRunResumes")
	}
	cfg := testConfig(seed, os.Getenv("DXNEWS_CRAWL_CHILD_STATE"))
	cfg.Parallelism = 1
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(context.Background(), fileSink(os.Getenv("DXNEWS_CRAWL_CHILD_OUT"))); err != nil {
		t.Fatal(err)
	}
}

// TestKilledRunResumes kills a crawl with SIGKILL after its first articles,
// restarts it on the same state, and expects exactly the articles of a clean
// run.
func TestKilledRunResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess test")
	}
	site := newTestSite(t)
	seed := site.URL + "/"

	clean := t.TempDir()
	c, err := New(testConfig(seed, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(context.Background(), fileSink(clean)); err != nil {
		t.Fatal(err)
	}
	want := sinkContents(t, clean)
	if len(want) < 5 {
		t.Fatalf("clean run stored %d articles", len(want))
	}

	// From now on the site answers three article requests, then holds the
	// rest until the child has been killed.
	site.mu.Lock()
	site.gate, site.gated, site.gateAfter, site.served = make(chan struct{}), make(chan struct{}), 3, 0
	gated := site.gated
	site.mu.Unlock()
	state, out := t.TempDir(), t.TempDir()
	cmd := killtest.Child("TestCrawlChild", "DXNEWS_CRAWL_CHILD_SEED="+seed, "DXNEWS_CRAWL_CHILD_STATE="+state, "DXNEWS_CRAWL_CHILD_OUT="+out)
	// Killed once it reaches the held article, and has had time to store
	// what it was answered.
	killtest.KillWhen(t, cmd, gated, 100*time.Millisecond, 30*time.Second)
	site.mu.Lock()
	close(site.gate)
	site.gate = nil
	site.mu.Unlock()
	partial := len(sinkContents(t, out))
	if partial >= len(want) {
		t.Fatalf("child finished before it was killed (%d articles)", partial)
	}

	t.Logf("killed after %d of %d articles", partial, len(want))
	c2, err := New(testConfig(seed, state))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c2.Run(context.Background(), fileSink(out)); err != nil {
		t.Fatal(err)
	}
	got := sinkContents(t, out)
	if len(got) != len(want) {
		t.Fatalf("after resume %d articles, clean run %d (killed after %d)", len(got), len(want), partial)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: resumed %q, clean %q", k, got[k], v)
		}
	}
}
