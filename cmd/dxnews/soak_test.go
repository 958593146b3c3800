package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"dxnews/internal/loopback"
)

var (
	soakFor   = flag.Duration("soak", 0, "run TestSoak for this long (make soak; 0 skips it)")
	soakEvery = flag.Duration("soak.every", 5*time.Second, "how often the soak site publishes an article")
)

// soakFigures is one sample of the soaked process.
type soakFigures struct {
	at         time.Duration
	rssKB      int
	fds        int
	goroutines int
	articles   int
	latency    map[string][2]time.Duration // route → p50, p95
}

// TestSoak runs dxnews run, speech on, against a loopback site that
// publishes a new article every -soak.every, for -soak, and prints its
// resident memory, goroutines, open files and request latency at the start,
// every ten minutes and at the end. It is a measurement, run by make soak,
// and fails only on growth no steady process shows (goroutines or open files
// doubled) or a process that dies.
func TestSoak(t *testing.T) {
	if *soakFor == 0 {
		t.Skip("the soak runs with -soak DURATION (make soak)")
	}
	needSpeech(t)
	bin := buildBinary(t)
	site := newTestSite(t)
	site.newest = 20
	published := 0
	for ; published < 5; published++ {
		site.put(published, 0)
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(*soakEvery)
		defer tick.Stop()
		for n := published; ; n++ {
			select {
			case <-stop:
				return
			case <-tick.C:
				site.put(n, 0)
			}
		}
	}()

	addr, err := loopback.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	logf, err := os.Create(filepath.Join(dir, "soak.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	cmd := exec.Command(bin, "run", "-config", site.config(t), "-data", dir, "-addr", addr, "-interval", "5s")
	cmd.Env, cmd.Stdout, cmd.Stderr = childEnv(), logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
		}
	}()

	base := "http://" + addr
	client := &http.Client{Timeout: 30 * time.Second}
	if err := loopback.WaitHealthy(context.Background(), client, base+"/healthz", 30*time.Second); err != nil {
		t.Fatalf("dxnews run did not start serving: %v", err)
	}

	start := time.Now()
	sample := func() soakFigures {
		f := soakFigures{at: time.Since(start).Round(time.Second), latency: map[string][2]time.Duration{}}
		if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
					f.rssKB, _ = strconv.Atoi(strings.Fields(v)[0])
				}
			}
		}
		if ents, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", cmd.Process.Pid)); err == nil {
			f.fds = len(ents)
		}
		if resp, err := client.Get(base + "/metrics"); err == nil {
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				if v, ok := strings.CutPrefix(sc.Text(), "go_goroutines "); ok {
					f.goroutines, _ = strconv.Atoi(v)
				}
				if v, ok := strings.CutPrefix(sc.Text(), "dxnews_articles "); ok {
					f.articles, _ = strconv.Atoi(v)
				}
			}
			resp.Body.Close()
		}
		for _, route := range []string{"/healthz", "/api/articles?q=chuyen+doi+so&size=10", "/api/entities?type=person&size=10", "/feeds/north-female.xml"} {
			var ds []time.Duration
			for range 40 {
				t0 := time.Now()
				resp, err := client.Get(base + route)
				if err != nil {
					t.Errorf("%s: %v", route, err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				ds = append(ds, time.Since(t0))
				if resp.StatusCode != 200 {
					t.Errorf("%s: status %d", route, resp.StatusCode)
				}
			}
			slices.Sort(ds)
			if len(ds) > 0 {
				f.latency[route] = [2]time.Duration{ds[len(ds)/2], ds[len(ds)*95/100]}
			}
		}
		fmt.Printf("soak %8s  rss %6.1f MiB  goroutines %4d  open files %4d  articles %5d  latency p50/p95:", f.at, float64(f.rssKB)/1024, f.goroutines, f.fds, f.articles)
		for _, route := range []string{"/healthz", "/api/articles?q=chuyen+doi+so&size=10", "/api/entities?type=person&size=10", "/feeds/north-female.xml"} {
			l := f.latency[route]
			name, _, _ := strings.Cut(route, "?")
			fmt.Printf("  %s %s/%s", name, l[0].Round(10*time.Microsecond), l[1].Round(10*time.Microsecond))
		}
		fmt.Println()
		return f
	}

	// The first crawl and its speech, then the start figures.
	time.Sleep(min(*soakFor/4, 30*time.Second))
	first := sample()
	every := min(10*time.Minute, max(*soakFor/6, time.Minute))
	end := start.Add(*soakFor)
	last := first
	for time.Now().Before(end) {
		select {
		case err := <-exited:
			b, _ := os.ReadFile(filepath.Join(dir, "soak.log"))
			t.Fatalf("dxnews run exited: %v\n%s", err, tail(string(b), 40))
		case <-time.After(min(every, time.Until(end))):
		}
		last = sample()
	}
	fmt.Printf("soak start %s: rss %.1f MiB, goroutines %d, open files %d, %d articles\n", first.at, float64(first.rssKB)/1024, first.goroutines, first.fds, first.articles)
	fmt.Printf("soak end   %s: rss %.1f MiB, goroutines %d, open files %d, %d articles\n", last.at, float64(last.rssKB)/1024, last.goroutines, last.fds, last.articles)
	if last.goroutines > 2*first.goroutines+10 || last.fds > 2*first.fds+10 {
		t.Errorf("goroutines %d → %d, open files %d → %d: growth", first.goroutines, last.goroutines, first.fds, last.fds)
	}
	if last.articles <= first.articles {
		t.Errorf("no article indexed during the soak (%d → %d)", first.articles, last.articles)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "soak.log")); err == nil {
		fmt.Printf("soak: %d crawls finished; last: %s\n", strings.Count(string(b), "run: pages"), lastMatching(string(b), "run: pages"))
	}
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func lastMatching(s, sub string) string {
	lines := strings.Split(s, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], sub) {
			return lines[i]
		}
	}
	return ""
}
