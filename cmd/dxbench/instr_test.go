package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dxnews/internal/loopback"
)

func TestCallgrindTotal(t *testing.T) {
	for _, c := range []struct {
		name, profile string
		want          uint64
		err           bool
	}{
		{"summary", "version: 1\nevents: Ir\nfl=(1) a.go\nfn=(1) main\n16 3\nsummary: 167675703\ntotals: 167675731\n", 167675703, false},
		{"totals only", "events: Ir Dr\ntotals: 2500 40\n", 2500, false},
		{"several events", "events: Ir Dr Dw\nsummary: 175034969 39429710 24873139\n", 175034969, false},
		{"none", "events: Ir\nfn=(1) main\n16 3\n", 0, true},
		{"not a number", "summary: many\n", 0, true},
	} {
		got, err := callgrindTotal(strings.NewReader(c.profile))
		if got != c.want || (err != nil) != c.err {
			t.Errorf("%s: callgrindTotal = %d, %v; want %d, error %v", c.name, got, err, c.want, c.err)
		}
	}
}

// TestHelperFileServer is the file server TestCallgrindCount runs under
// callgrind; it does nothing in an ordinary test run.
func TestHelperFileServer(t *testing.T) {
	dir, addr := os.Getenv("DXBENCH_TEST_FILESERVER_DIR"), os.Getenv("DXBENCH_TEST_FILESERVER_ADDR")
	if dir == "" {
		t.Skip("run by TestCallgrindCount")
	}
	if err := runFileServer(context.Background(), []string{"-dir", dir, "-addr", addr}, os.Stderr); err != nil {
		t.Fatal(err)
	}
}

// Counting covers only the requests made after the counters are zeroed:
// three times the requests count about three times the instructions, and
// a first count is not swollen by the program's start-up.
func TestCallgrindCount(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a server under valgrind")
	}
	if err := haveCallgrind(); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	size := int64(4 * rangeBytes)
	if err := os.WriteFile(filepath.Join(dir, "a.mp3"), []byte(strings.Repeat("x", int(size))), 0o644); err != nil {
		t.Fatal(err)
	}
	addr, err := loopback.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("DXBENCH_TEST_FILESERVER_DIR", dir)
	t.Setenv("DXBENCH_TEST_FILESERVER_ADDR", addr)
	ctx := context.Background()
	p, err := startCallgrind(ctx, filepath.Join(t.TempDir(), "cg"), os.Stderr, os.Args[0], "-test.run=^TestHelperFileServer$")
	if err != nil {
		t.Fatal(err)
	}
	defer p.stop()
	client := &http.Client{Timeout: time.Minute}
	u := "http://" + addr + "/a.mp3"
	if err := loopback.WaitHealthy(ctx, client, u, 2*time.Minute); err != nil {
		t.Fatal(err)
	}
	one, err := p.count(ctx, client, u, size, 100)
	if err != nil {
		t.Fatal(err)
	}
	three, err := p.count(ctx, client, u, size, 300)
	if err != nil {
		t.Fatal(err)
	}
	if r := float64(three) / float64(one); r < 2.5 || r > 3.5 {
		t.Errorf("300 requests counted %d instructions and 100 requests %d: %.2f times, want about 3", three, one, r)
	}
	if per := one / 100; per < 10_000 || per > 1_000_000 {
		t.Errorf("%d instructions per request, want the tens of thousands a Range request takes", per)
	}
}
