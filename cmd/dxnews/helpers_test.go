package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
)

// long skips a test that takes seconds (it runs the whole pipeline, a real
// server or the binary) under go test -short, the inner loop; make test runs
// every one of them.
func long(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("takes seconds end to end: skipped under -short; make test runs it")
	}
}

func needSpeech(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"espeak-ng", "lame"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not on PATH: run make test, which installs it", tool)
		}
	}
}

// run calls Main like the shell would and returns exit code, stdout, stderr.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	getenv := func(k string) string { return env[k] }
	var environ []string
	for k, v := range env {
		environ = append(environ, k+"="+v)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	code := Main(ctx, args, strings.NewReader(""), &stdout, &stderr, getenv, environ)
	return code, stdout.String(), stderr.String()
}

// mustRun is run for a command that must succeed: any other exit fails the
// test with the command and its stderr.
func mustRun(t *testing.T, env map[string]string, args ...string) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := run(t, env, args...)
	if code != 0 {
		t.Fatalf("dxnews %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return stdout, stderr
}

// mustRunJSON is mustRun for a command that prints JSON: its stdout is
// decoded into v, and output that does not decode fails the test.
func mustRunJSON(t *testing.T, env map[string]string, v any, args ...string) (stderr string) {
	t.Helper()
	stdout, stderr := mustRun(t, env, args...)
	if err := json.Unmarshal([]byte(stdout), v); err != nil {
		t.Fatalf("dxnews %s: %v\n%s", strings.Join(args, " "), err, stdout)
	}
	return stderr
}

// missing returns those of wants that s does not contain.
func missing(s string, wants ...string) []string {
	var out []string
	for _, w := range wants {
		if !strings.Contains(s, w) {
			out = append(out, w)
		}
	}
	return out
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// storedArticles returns the articles of a data folder without their fetch
// times and loudness figures (the speaker aims each reading from those before
// it in the process, so they vary by a fraction of a decibel between
// histories), keyed by ID, and checks that the index holds each exactly once and
// the export replays each exactly once.
func storedArticles(t *testing.T, dir string) map[string]string {
	t.Helper()
	ctx := context.Background()
	_, d := openTestData(t, dir)
	defer d.Close()
	arts, corrupt, err := d.store.Scan(ctx)
	if err != nil || len(corrupt) > 0 {
		t.Fatalf("scan: %v, corrupt %v", err, corrupt)
	}
	out := map[string]string{}
	for _, a := range arts {
		a.Fetched = time.Time{}
		for i := range a.Audio {
			a.Audio[i].LoudnessLUFS, a.Audio[i].TruePeakDBTP, a.Audio[i].GainDB = 0, 0, 0
		}
		b, _ := json.Marshal(a)
		out[a.ID] = string(b)
	}
	res, err := d.index.Search(ctx, index.Query{Size: index.MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != len(arts) {
		t.Fatalf("index holds %d articles, the store %d", res.Total, len(arts))
	}
	for _, a := range res.Articles {
		if _, ok := out[a.ID]; !ok {
			t.Fatalf("index holds %s, which is not stored", a.ID)
		}
	}
	page, _, err := d.store.Since(ctx, "", 1000)
	if err != nil || len(page) != len(arts) {
		t.Fatalf("export gave %d articles (%v), want %d", len(page), err, len(arts))
	}
	return out
}

// addArticle adds through p, as a crawl would, the article at
// https://tin.example.vn/ + path with title and body, and returns it.
func addArticle(t *testing.T, p *pipeline, path, title, body string) article.Article {
	t.Helper()
	url := "https://tin.example.vn/" + path
	a := article.Article{ID: article.IDFor(url), URL: url, CanonicalURL: url, Title: title, Body: body}
	if err := p.add(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

// writeFile writes content to path, making its folder, and returns path.
func writeFile(t testing.TB, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// openTestData opens (creating) the data folder dir as a crawl would, with
// an environment that reads no variables; the caller closes it.
func openTestData(t *testing.T, dir string) (*env, *data) {
	t.Helper()
	e := newEnv("test", nil, &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	d, err := openData(context.Background(), e, dir, modeOwn)
	if err != nil {
		t.Fatal(err)
	}
	return e, d
}

// getFrom answers a GET of target from h.
func getFrom(h http.Handler, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

// get fetches u and returns its body, failing the test unless it answers
// 200.
func get(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", u, resp.StatusCode)
	}
	return string(b)
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(get(t, u)), v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}
