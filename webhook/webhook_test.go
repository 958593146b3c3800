package webhook_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/store"
	"dxnews/webhook"
	"dxnews/webhook/webhooktest"
)

const secret = "bí mật"

func newStore(t testing.TB, n int) (*store.Store, []string) {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var ids []string
	for i := range n {
		ids = append(ids, put(t, st, i, "Bài số"))
	}
	return st, ids
}

func put(t testing.TB, st *store.Store, i int, title string) string {
	t.Helper()
	u := fmt.Sprintf("https://bao.example.vn/bai-%d.html", i)
	a := article.Article{ID: article.IDFor(u), URL: u, CanonicalURL: u, Title: fmt.Sprintf("%s %d", title, i),
		Body: "Chuyển đổi số.", ContentHash: fmt.Sprintf("%s-%d", title, i)}
	if _, err := st.Put(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a.ID
}

func newSender(t *testing.T, st *store.Store, stateDir string, urls ...string) *webhook.Sender {
	t.Helper()
	s, err := webhook.New(webhook.Config{URLs: urls, Secret: secret, StateDir: stateDir, Source: st,
		Attempts: 4, Backoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, Batch: 2})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDeliverRetriesThenSendsEveryEventOnce(t *testing.T) {
	st, ids := newStore(t, 5)
	rc := webhooktest.NewReceiver(t, secret)
	rc.Fail(func(n int) bool { return n <= 3 })
	s := newSender(t, st, t.TempDir(), rc.URL)
	if err := s.Deliver(context.Background()); err != nil {
		t.Fatalf("Deliver: %v", err)
	}
	if got := strings.Join(rc.IDs(), ","); got != strings.Join(ids, ",") {
		t.Errorf("delivered %s, want %s in change-log order", got, strings.Join(ids, ","))
	}
	// A changed article is delivered again, and only it.
	put(t, st, 2, "Bài sửa")
	if err := s.Deliver(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := s.Deliver(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := rc.IDs()
	if len(got) != 6 || got[5] != ids[2] || rc.Delivered()[5].Title != "Bài sửa 2" {
		t.Errorf("after a change: %v", got)
	}
}

func TestReceiverDownKeepsTheCursor(t *testing.T) {
	st, ids := newStore(t, 3)
	rc := webhooktest.NewReceiver(t, secret)
	rc.Fail(func(int) bool { return true })
	dir := filepath.Join(t.TempDir(), "hooks [1]*") // a name a glob would misread
	s := newSender(t, st, dir, rc.URL+"/hook?token=abc")
	err := s.Deliver(context.Background())
	if err == nil || !strings.Contains(err.Error(), "500") || strings.Contains(err.Error(), "abc") {
		t.Fatalf("Deliver to a failing receiver: %v", err)
	}
	stat, err := webhook.ReadStatus(context.Background(), dir, nil, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(stat) != 1 || stat[0].Lag != 3 || stat[0].Configured || !strings.Contains(stat[0].LastError, "500") || strings.Contains(stat[0].URL, "abc") {
		t.Fatalf("status while down: %+v", stat)
	}
	rc.Fail(nil)
	if err := s.Deliver(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(rc.IDs()) != len(ids) {
		t.Errorf("delivered %v, want %v", rc.IDs(), ids)
	}
	stat, _ = webhook.ReadStatus(context.Background(), dir, []string{rc.URL + "/hook?token=abc"}, st)
	if len(stat) != 1 || !stat[0].Configured || stat[0].Lag != 0 || stat[0].LastError != "" || stat[0].Delivered != 3 || stat[0].LastDelivery.IsZero() {
		t.Errorf("status after recovery: %+v", stat)
	}
}

// TestRestartMidBatchRepeatsNothing stops a pass after two events of a
// batch, then starts a new Sender on the same state, as after a crash.
func TestRestartMidBatchRepeatsNothing(t *testing.T) {
	st, ids := newStore(t, 5)
	rc := webhooktest.NewReceiver(t, secret)
	rc.Fail(func(n int) bool { return n == 4 })
	dir := t.TempDir()
	s, err := webhook.New(webhook.Config{URLs: []string{rc.URL}, Secret: secret, StateDir: dir, Source: st, Attempts: 1, Batch: 4})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Deliver(context.Background()); err == nil {
		t.Fatal("want the fourth event to fail")
	}
	if len(rc.IDs()) != 3 {
		t.Fatalf("delivered %v before the failure", rc.IDs())
	}
	s2 := newSender(t, st, dir, rc.URL)
	if err := s2.Deliver(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rc.IDs(), ","); got != strings.Join(ids, ",") {
		t.Errorf("delivered %s, want each of %s once", got, strings.Join(ids, ","))
	}
}

func TestRetryAfterIsHonouredUpToMaxBackoff(t *testing.T) {
	st, _ := newStore(t, 1)
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		times = append(times, time.Now())
		if len(times) == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	defer srv.Close()
	s := newSender(t, st, t.TempDir(), srv.URL)
	if err := s.Deliver(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(times) != 2 {
		t.Fatalf("%d requests, want 2", len(times))
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	st, _ := newStore(t, 0)
	for name, cfg := range map[string]webhook.Config{
		"no secret": {URLs: []string{"https://hook.example/"}, StateDir: t.TempDir(), Source: st},
		"bad url":   {URLs: []string{"hook.example/x"}, Secret: "s", StateDir: t.TempDir(), Source: st},
		"ftp":       {URLs: []string{"ftp://hook.example/x"}, Secret: "s", StateDir: t.TempDir(), Source: st},
	} {
		if _, err := webhook.New(cfg); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	urls, err := webhook.ParseURLs(" https://a.example/h , ,http://b.example/h,https://a.example/h")
	if err != nil || len(urls) != 2 || urls[0] != "https://a.example/h" {
		t.Errorf("ParseURLs = %v, %v", urls, err)
	}
	if _, err := webhook.ParseURLs("https://a.example/h,nonsense"); err == nil || !strings.Contains(err.Error(), "nonsense") {
		t.Errorf("ParseURLs(nonsense) err = %v", err)
	}
}

func TestSignature(t *testing.T) {
	body := []byte(`{"id":"0123456789abcdef"}` + "\n")
	// Computed independently with Python's hmac module.
	const want = "sha256=a14b3ad8557789581ced16d8910da6cbda6f3db6a66b8e209bd17449e48bb511"
	sig := webhook.Sign(secret, body)
	if sig != want {
		t.Fatalf("signature %q, want %q", sig, want)
	}
	if !webhook.Verify(secret, body, sig) || webhook.Verify("other", body, sig) || webhook.Verify(secret, append(body, ' '), sig) {
		t.Error("Verify accepts a wrong secret or body, or rejects the right one")
	}
}

// TestArticleWithoutHashIsDelivered guards the skip of acknowledged events:
// an article with no content hash must not look acknowledged.
func TestArticleWithoutHashIsDelivered(t *testing.T) {
	st, _ := newStore(t, 0)
	u := "https://bao.example.vn/khong-hash.html"
	if _, err := st.Put(context.Background(), article.Article{ID: article.IDFor(u), URL: u, CanonicalURL: u, Title: "Không có hash"}); err != nil {
		t.Fatal(err)
	}
	rc := webhooktest.NewReceiver(t, secret)
	dir := t.TempDir()
	if err := newSender(t, st, dir, rc.URL).Deliver(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(rc.IDs()) != 1 {
		t.Errorf("delivered %v, want the article", rc.IDs())
	}
	if stat, _ := webhook.ReadStatus(context.Background(), dir, []string{rc.URL}, st); len(stat) != 1 || stat[0].Lag != 0 {
		t.Errorf("status %+v", stat)
	}
}

func TestRecordShapesTheBody(t *testing.T) {
	st, ids := newStore(t, 1)
	var body []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ = io.ReadAll(r.Body)
		if !webhook.Verify(secret, body, r.Header.Get(webhook.SignatureHeader)) {
			t.Error("bad signature")
		}
	}))
	defer srv.Close()
	s, err := webhook.New(webhook.Config{URLs: []string{srv.URL}, Secret: secret, StateDir: t.TempDir(), Source: st,
		Record: func(a article.Article) any {
			return struct {
				article.Article
				Extra string `json:"extra"`
			}{a, "thêm"}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Deliver(context.Background()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		ID    string `json:"id"`
		Extra string `json:"extra"`
	}
	if err := json.Unmarshal(body, &got); err != nil || got.ID != ids[0] || got.Extra != "thêm" || !strings.HasSuffix(string(body), "}\n") {
		t.Errorf("body %q (%v)", body, err)
	}
}
