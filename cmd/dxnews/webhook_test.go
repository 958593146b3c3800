package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"dxnews/internal/killtest"
	"dxnews/webhook/webhooktest"
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

// TestWebhookDeliveryAtLeastOnce crawls a test site with the real
// command in a subprocess while the receiver is down, then again while it
// fails three deliveries and is killed with SIGKILL mid-delivery, then once
// more: every stored article reaches the receiver, signed, and only the
// delivery in flight at the kill is repeated.
func TestWebhookDeliveryAtLeastOnce(t *testing.T) {
	long(t)
	_, config := siteWith(t, 5)
	recv := webhooktest.NewReceiver(t, "s3cret")
	recv.Down(true)

	dir := t.TempDir()
	env := map[string]string{"DXNEWS_WEBHOOK_URL": recv.URL + "/dxnews", "DXNEWS_WEBHOOK_SECRET": "s3cret"}
	child := func(args ...string) *exec.Cmd {
		cmd := killtest.Child("TestWebhookChild", childArgsEnv+"="+strings.Join(args, "\x1f"))
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
	recv.Down(false)
	recv.Fail(func(n int) bool { return n <= 3 })
	held, release := recv.Hold(2)
	killtest.KillWhen(t, child(crawl...), held, 0, 60*time.Second)
	release()
	_, failed := recv.Requests()
	before := len(recv.Delivered())
	if failed != 3 || before != 2 {
		t.Fatalf("before the kill: %d failed, %d delivered; want 3 and 2", failed, before)
	}

	// 3. A new run delivers the rest.
	if out, err := child(crawl...).CombinedOutput(); err != nil || strings.Contains(string(out), "webhook: ") {
		t.Fatalf("last crawl: %v\n%s", err, out)
	}
	delivered := recv.Delivered()
	requests, _ := recv.Requests()
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
	if stdout, _ := mustRun(t, env, "status", "-data", dir); !strings.Contains(stdout, "0 events behind") || strings.Contains(stdout, "failing since") {
		t.Errorf("status after delivery:\n%s", stdout)
	}
	t.Logf("%d articles, %d requests, %d deliveries", len(want), requests, len(delivered))
}
