package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"dxnews/internal/golden"
)

// step is one exchange the fake cluster expects: the request line it must
// receive ("PUT /_index_template/dxnews-articles") and the fixture under
// testdata/responses it answers with.
type step struct {
	want     string
	response string
}

// fixture is a response file: the documentation page its shape follows,
// the status and the body Elasticsearch sends.
type fixture struct {
	Doc    string          `json:"doc"`
	Status int             `json:"status"`
	Body   json.RawMessage `json:"body"`
}

// recorded is one request as the golden files keep it: the request line
// with its query sorted, and the body parsed (NDJSON as an array of lines)
// so key order does not matter.
type recorded struct {
	Request string `json:"request"`
	Body    any    `json:"body,omitempty"`
}

// fakeES serves the scripted steps in order, records every request and
// fails the test on any request out of script.
type fakeES struct {
	t     *testing.T
	srv   *httptest.Server
	mu    sync.Mutex
	steps []step
	got   []recorded
}

func newFake(t *testing.T, steps ...step) *fakeES {
	t.Helper()
	f := &fakeES{t: t, steps: steps}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	t.Cleanup(f.done)
	return f
}

func (f *fakeES) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	line := r.Method + " " + r.URL.Path
	if q := r.URL.Query(); len(q) > 0 {
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k+"="+strings.Join(q[k], ","))
		}
		sort.Strings(keys)
		line += "?" + strings.Join(keys, "&")
	}
	rec := recorded{Request: line, Body: parseBody(f.t, r.Header.Get("Content-Type"), body)}
	f.mu.Lock()
	f.got = append(f.got, rec)
	if len(f.steps) == 0 {
		f.mu.Unlock()
		f.t.Errorf("unexpected request %s", line)
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	s := f.steps[0]
	f.steps = f.steps[1:]
	f.mu.Unlock()
	if !strings.HasPrefix(line, s.want) {
		f.t.Errorf("request %s, want %s", line, s.want)
	}
	if s.response == "" { // drop the connection: a node that went away
		hj, ok := w.(http.Hijacker)
		if ok {
			c, _, _ := hj.Hijack()
			c.Close()
			return
		}
	}
	fx := loadFixture(f.t, s.response)
	w.Header().Set("Content-Type", "application/json")
	if !strings.HasPrefix(s.response, "not-elasticsearch") {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
	}
	w.WriteHeader(fx.Status)
	if r.Method != http.MethodHead {
		w.Write(fx.Body)
	}
}

// done fails the test when scripted steps were not requested. It runs when
// the test ends.
func (f *fakeES) done() {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.steps {
		f.t.Errorf("expected request not made: %s", s.want)
	}
}

func parseBody(t *testing.T, ctype string, b []byte) any {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil
	}
	if strings.Contains(ctype, "ndjson") || bytes.Count(bytes.TrimSpace(b), []byte("\n")) > 0 && !json.Valid(b) {
		var lines []any
		for _, l := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
			var v any
			if err := json.Unmarshal(l, &v); err != nil {
				t.Errorf("NDJSON line %q: %v", l, err)
			}
			lines = append(lines, v)
		}
		return lines
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Errorf("request body %q: %v", b, err)
	}
	return v
}

func loadFixture(t *testing.T, name string) fixture {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "responses", name+".json"))
	if err != nil {
		t.Fatalf("fixture %s: %v", name, err)
	}
	var fx fixture
	if err := json.Unmarshal(b, &fx); err != nil {
		t.Fatalf("fixture %s: %v", name, err)
	}
	if !strings.HasPrefix(fx.Doc, "https://www.elastic.co/") || fx.Status == 0 {
		t.Fatalf("fixture %s must name its elastic.co documentation page and status", name)
	}
	return fx
}

// checkGolden compares the recorded requests with testdata/requests/name.json
// (rewritten with -update), after normalising key order.
func (f *fakeES) checkGolden(name string) {
	f.t.Helper()
	f.mu.Lock()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(f.got)
	f.mu.Unlock()
	if err != nil {
		f.t.Fatal(err)
	}
	golden.Check(f.t, filepath.Join("testdata", "requests", name+".json"), buf.Bytes())
}

// open returns an Index on the fake with retries that do not wait.
func (f *fakeES) open(t *testing.T) *Index {
	t.Helper()
	i, err := New(Config{Addresses: []string{f.srv.URL}, Backoff: func(int) time.Duration { return 0 }, MaxRetries: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { i.Close() })
	return i
}

// openScripted starts a fake cluster that expects the ready steps and then
// steps, opens an Index on it and sets it up through the ready steps, whose
// requests it forgets: golden files hold what the test itself sent.
func openScripted(t *testing.T, steps []step) (*fakeES, *Index) {
	t.Helper()
	f := newFake(t, append(slices.Clone(ready), steps...)...)
	i := f.open(t)
	if err := i.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	f.got = nil
	f.mu.Unlock()
	return f, i
}

// ready are the steps of Check against a cluster already set up.
var ready = []step{
	{"GET /", "info"},
	{"PUT /_index_template/dxnews-articles", "acknowledged"},
	{"PUT /_index_template/dxnews-entities", "acknowledged"},
	{"GET /_alias/dxnews-articles", "alias-articles"},
	{"GET /_alias/dxnews-entities", "alias-entities"},
}
