// Package webhooktest is a webhook receiver for tests. It checks every
// delivery as a receiver should (a signed JSON POST whose ID and hash
// headers match the article in its body), records the articles it
// accepts, and can be down, refuse deliveries or hold one.
package webhooktest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"dxnews/article"
	"dxnews/webhook"
)

// Receiver is a webhook endpoint on a loopback server that closes when
// the test ends; safe for concurrent use.
type Receiver struct {
	// URL is the server's address.
	URL string

	t         testing.TB
	secret    string
	mu        sync.Mutex
	down      bool
	fail      func(n int) bool
	failFrom  int // requests before the current fail function
	holdAt    int // the delivery held, counted over all accepted; 0 = none
	held      chan struct{}
	release   chan struct{}
	requests  int
	failed    int
	delivered []article.Article
}

// NewReceiver starts a receiver of deliveries signed with secret. A
// delivery that breaks the contract fails the test.
func NewReceiver(t testing.TB, secret string) *Receiver {
	rc := &Receiver{t: t, secret: secret}
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	rc.URL = srv.URL
	return rc
}

// Down makes the receiver close connections without an answer, until
// called with false.
func (rc *Receiver) Down(down bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.down = down
}

// Fail answers 500 to the n-th request from now (from 1) when fail(n) is
// true; nil accepts every delivery.
func (rc *Receiver) Fail(fail func(n int) bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.fail, rc.failFrom = fail, rc.requests
}

// Hold keeps the n-th delivery accepted from now unanswered until release
// is called, or the test ends; held is closed when it arrives.
func (rc *Receiver) Hold(n int) (held <-chan struct{}, release func()) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.holdAt = len(rc.delivered) + n
	rc.held, rc.release = make(chan struct{}), make(chan struct{})
	release = sync.OnceFunc(func() { close(rc.release) })
	rc.t.Cleanup(release)
	return rc.held, release
}

func (rc *Receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	rc.requests++
	n := rc.requests
	if rc.down {
		rc.mu.Unlock()
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		rc.t.Errorf("request %d: %s %s", n, r.Method, r.Header.Get("Content-Type"))
	}
	if !webhook.Verify(rc.secret, body, r.Header.Get(webhook.SignatureHeader)) {
		rc.t.Errorf("request %d: bad signature %q", n, r.Header.Get(webhook.SignatureHeader))
	}
	if rc.fail != nil && rc.fail(n-rc.failFrom) {
		rc.failed++
		rc.mu.Unlock()
		http.Error(w, "busy", http.StatusInternalServerError)
		return
	}
	var a article.Article
	if err := json.Unmarshal(body, &a); err != nil {
		rc.t.Errorf("request %d: body is not an article: %v", n, err)
	}
	if a.ID != r.Header.Get(webhook.ArticleIDHeader) || a.ContentHash != r.Header.Get(webhook.ContentHashHeader) {
		rc.t.Errorf("request %d: headers %s/%s do not match the body %s/%s", n,
			r.Header.Get(webhook.ArticleIDHeader), r.Header.Get(webhook.ContentHashHeader), a.ID, a.ContentHash)
	}
	rc.delivered = append(rc.delivered, a)
	held, release := rc.held, rc.release
	hold := rc.holdAt > 0 && len(rc.delivered) == rc.holdAt
	rc.mu.Unlock()
	if hold {
		close(held)
		<-release
	}
}

// Delivered returns the articles accepted so far, in order of arrival.
func (rc *Receiver) Delivered() []article.Article {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]article.Article(nil), rc.delivered...)
}

// IDs returns the IDs of the articles accepted so far, in order.
func (rc *Receiver) IDs() []string {
	var ids []string
	for _, a := range rc.Delivered() {
		ids = append(ids, a.ID)
	}
	return ids
}

// Requests returns how many requests arrived and how many of them were
// refused with 500.
func (rc *Receiver) Requests() (all, failed int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.requests, rc.failed
}
