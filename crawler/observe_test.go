package crawler

import (
	"net/url"
	"sync"
	"testing"
)

func TestOnPageReportsEveryRequest(t *testing.T) {
	site := newTestSite(t)
	cfg := testConfig(site.URL+"/", t.TempDir())
	var mu sync.Mutex
	outcomes := map[string]int{}
	hosts := map[string]bool{}
	cfg.OnPage = func(ev PageEvent) {
		mu.Lock()
		defer mu.Unlock()
		outcomes[ev.Outcome]++
		hosts[ev.Host] = true
		if ev.Queued < 0 {
			t.Errorf("queued %d", ev.Queued)
		}
	}
	stats, _ := mustCrawl(t, cfg)
	u, _ := url.Parse(site.URL)
	if len(hosts) != 1 || !hosts[u.Hostname()] {
		t.Errorf("hosts %v, want only %s", hosts, u.Hostname())
	}
	total := 0
	for _, n := range outcomes {
		total += n
	}
	if outcomes["ok"] == 0 || outcomes["robots"] == 0 || outcomes["too_large"] != 1 || outcomes["off_site"] != 1 || outcomes["error"] == 0 {
		t.Errorf("outcomes %v: want ok, robots, one too_large, one off_site and errors", outcomes)
	}
	if outcomes["ok"] > stats.Fetched || total < stats.Fetched {
		t.Errorf("outcomes %v (total %d) do not match %d pages fetched", outcomes, total, stats.Fetched)
	}
	t.Logf("outcomes %v, stats %+v", outcomes, stats)
}

func TestOnPageReportsRefusedAddresses(t *testing.T) {
	srv, _ := guardSite(t)
	cfg, _ := guardConfig(t, "bao.example.vn", srv)
	var mu sync.Mutex
	outcomes := map[string]int{}
	cfg.OnPage = func(ev PageEvent) {
		mu.Lock()
		outcomes[ev.Outcome]++
		mu.Unlock()
	}
	stats, _ := mustCrawl(t, cfg)
	if n := stats.Skipped["blocked-address"]; n == 0 || outcomes["blocked_address"] != n {
		t.Errorf("blocked_address outcomes %d, skipped %d (%v)", outcomes["blocked_address"], n, outcomes)
	}
}
