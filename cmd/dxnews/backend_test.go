package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dxnews/internal/loopback"
)

// TestReadersWhileServeHoldsTheIndex runs serve on a data folder and checks
// that search, status and export still work beside it.
func TestReadersWhileServeHoldsTheIndex(t *testing.T) {
	long(t)
	dir, arts := seedData(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var serveErr lockedBuffer
	go func() {
		done <- Main(ctx, []string{"serve", "-data", dir, "-addr", "127.0.0.1:0"}, strings.NewReader(""), &bytes.Buffer{}, &serveErr, func(string) string { return "" }, nil)
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
		if _, err := os.Stat(filepath.Join(dir, serverFile)); !os.IsNotExist(err) {
			t.Errorf("%s left behind after serve stopped", serverFile)
		}
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, serverFile)); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not announce itself")
		}
		time.Sleep(20 * time.Millisecond)
	}

	if total, ids := searchIDs(t, "-data", dir, "chinh quyen so"); total != 1 || len(ids) == 0 || ids[0] != arts[0].ID {
		t.Fatalf("search beside serve = %d %v, want %s", total, ids, arts[0].ID)
	}
	if out, stderr := mustRun(t, nil, "status", "-data", dir); !strings.Contains(out, "indexed      2 (bleve, read through the running dxnews at http://127.0.0.1:") {
		t.Fatalf("status beside serve:\n%s%s", out, stderr)
	}
	if out, stderr := mustRun(t, nil, "export", "-data", dir); strings.Count(out, "\n") != 2 {
		t.Fatalf("export beside serve: %q %s", out, stderr)
	}
	// Writers still get the lock error: one process owns the index.
	if code, _, stderr := run(t, nil, "reindex", "-data", dir); code != 1 || !strings.Contains(stderr, "is another dxnews process using it?") {
		t.Fatalf("reindex beside serve: exit %d, %s", code, stderr)
	}
}

func TestElasticStartErrorsAreOneLine(t *testing.T) {
	addr, err := loopback.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + addr
	authFail := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"error":{"root_cause":[{"type":"security_exception","reason":"unable to authenticate user [dxnews] for REST request [/]"}],"type":"security_exception","reason":"unable to authenticate user [dxnews] for REST request [/]"},"status":401}`))
	}))
	defer authFail.Close()
	notES := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>router login</html>")) }))
	defer notES.Close()
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"no url", map[string]string{"DXNEWS_INDEX": "elastic"}, "DXNEWS_ES_URL is not set"},
		{"bad url", map[string]string{"DXNEWS_INDEX": "elastic", "DXNEWS_ES_URL": "localhost:9200"}, `"localhost:9200" is not a cluster URL`},
		{"unreachable", map[string]string{"DXNEWS_INDEX": "elastic", "DXNEWS_ES_URL": closed}, "cannot reach the cluster at " + closed},
		{"bad credentials", map[string]string{"DXNEWS_INDEX": "elastic", "DXNEWS_ES_URL": authFail.URL, "DXNEWS_ES_USERNAME": "dxnews", "DXNEWS_ES_PASSWORD": "sai"}, "rejected the credentials (401 security_exception)"},
		{"not elasticsearch", map[string]string{"DXNEWS_INDEX": "elastic", "DXNEWS_ES_URL": notES.URL}, "is not an Elasticsearch server (wrong URL?)"},
		{"unknown backend", map[string]string{"DXNEWS_INDEX": "solr"}, "-index must be bleve or elastic"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.env, "search", "-data", t.TempDir(), "chuyen doi so")
			if code == 0 || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q, want %q", code, stderr, tc.want)
			}
			if lines := strings.Count(strings.TrimSpace(stderr), "\n"); lines != 0 {
				t.Errorf("error spans %d lines: %q", lines+1, stderr)
			}
		})
	}
}
