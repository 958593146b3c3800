package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/webhook"
)

const childArgsEnv = "WEBHOOK_TEST_CHILD_ARGS"

// TestWebhookChild is the dxnews process run, and killed, by
// TestWebhookDeliveryAtLeastOnce.
func TestWebhookChild(t *testing.T) {
	args := os.Getenv(childArgsEnv)
	if args == "" {
		t.Skip("only run as a subprocess of TestWebhookDeliveryAtLeastOnce")
	}
	webhookBackoff = 5 * time.Millisecond
	if code := Main(context.Background(), strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr, os.Getenv, os.Environ()); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// hookReceiver is a webhook endpoint that can be down (connections closed),
// fail a number of deliveries with 500, and hold one delivery until told.
type hookReceiver struct {
	mu         sync.Mutex
	down       bool
	failNext   int
	holdAt     int           // the n-th accepted delivery is held; 0 = none
	held       chan struct{} // closed when the held delivery arrives
	release    chan struct{} // closed to answer it
	requests   int
	failed     int
	delivered  []article.Article
	badSigns   int
	badHeaders int
}

func (h *hookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	h.requests++
	if h.down {
		h.mu.Unlock()
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
		return
	}
	if !webhook.Verify("s3cret", body, r.Header.Get(webhook.SignatureHeader)) {
		h.badSigns++
	}
	if h.failNext > 0 {
		h.failNext--
		h.failed++
		h.mu.Unlock()
		http.Error(w, "not now", http.StatusInternalServerError)
		return
	}
	var a article.Article
	if err := json.Unmarshal(body, &a); err != nil || a.ID != r.Header.Get(webhook.ArticleIDHeader) || a.ContentHash != r.Header.Get(webhook.ContentHashHeader) {
		h.badHeaders++
	}
	h.delivered = append(h.delivered, a)
	hold := h.holdAt > 0 && len(h.delivered) == h.holdAt
	h.mu.Unlock()
	if hold {
		close(h.held)
		<-h.release
	}
}

// TestWebhookDeliveryAtLeastOnce crawls a test site with the real
// command in a subprocess while the receiver is down, then again while it
// fails three deliveries and is killed with SIGKILL mid-delivery, then once
// more: every stored article reaches the receiver, signed, and only the
// delivery in flight at the kill is repeated.
func TestWebhookDeliveryAtLeastOnce(t *testing.T) {
	long(t)
	_, config := siteWith(t, 5)
	recv := &hookReceiver{down: true}
	hook := httptest.NewServer(recv)
	defer hook.Close()

	dir := t.TempDir()
	env := map[string]string{"DXNEWS_WEBHOOK_URL": hook.URL + "/dxnews", "DXNEWS_WEBHOOK_SECRET": "s3cret"}
	child := func(args ...string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWebhookChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), childArgsEnv+"="+strings.Join(args, "\x1f"))
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		return cmd
	}
	crawl := []string{"crawl", "-data", dir, "-config", config}

	// 1. The receiver is down during the crawl: the crawl succeeds and
	// says the webhook is behind.
	out, err := child(crawl...).CombinedOutput()
	if err != nil {
		t.Fatalf("crawl with the receiver down: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "webhook: ") {
		t.Errorf("no webhook warning:\n%s", out)
	}
	want := storedArticles(t, dir)
	if len(want) < 3 {
		t.Fatalf("the crawl stored %d articles", len(want))
	}
	if stdout, _ := mustRun(t, env, "status", "-data", dir); len(missing(stdout, fmt.Sprintf("%d events behind, 0 delivered", len(want)), "failing since")) > 0 {
		t.Fatalf("status while down:\n%s", stdout)
	}

	// 2. The receiver is back but fails three deliveries, then holds the
	// second accepted one while the sender is killed.
	recv.mu.Lock()
	recv.down, recv.failNext, recv.holdAt = false, 3, 2
	recv.held, recv.release = make(chan struct{}), make(chan struct{})
	recv.mu.Unlock()
	cmd := child(crawl...)
	var killedOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &killedOut, &killedOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-recv.held:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("no delivery reached the receiver:\n%s", killedOut.String())
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	close(recv.release)
	recv.mu.Lock()
	failed, before := recv.failed, len(recv.delivered)
	recv.mu.Unlock()
	if failed != 3 || before != 2 {
		t.Fatalf("before the kill: %d failed, %d delivered; want 3 and 2", failed, before)
	}

	// 3. A new run delivers the rest.
	if out, err := child(crawl...).CombinedOutput(); err != nil || strings.Contains(string(out), "webhook: ") {
		t.Fatalf("last crawl: %v\n%s", err, out)
	}
	recv.mu.Lock()
	delivered, badSigns, badHeaders, requests := recv.delivered, recv.badSigns, recv.badHeaders, recv.requests
	recv.mu.Unlock()
	got := map[string]int{}
	for _, a := range delivered {
		got[a.ID]++
	}
	for id := range want {
		if got[id] == 0 {
			t.Errorf("article %s never delivered", id)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d distinct articles delivered, %d stored", len(got), len(want))
	}
	if extra := len(delivered) - len(got); extra > 1 {
		t.Errorf("%d repeated deliveries; only the one in flight at the kill may repeat", extra)
	}
	if badSigns != 0 || badHeaders != 0 {
		t.Errorf("%d bad signatures, %d bodies not matching their headers", badSigns, badHeaders)
	}
	if stdout, _ := mustRun(t, env, "status", "-data", dir); !strings.Contains(stdout, "0 events behind") || strings.Contains(stdout, "failing since") {
		t.Errorf("status after delivery:\n%s", stdout)
	}
	t.Logf("%d articles, %d requests, %d deliveries", len(want), requests, len(delivered))
}
