package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// Two servers of the same file, compared as make loadtest compares audio
// with its baseline: a row each per concurrency, with no errors, and the
// ratio line with the median of paired turns and the CPU per request of the
// processes (here both this one).
func TestCompareAudio(t *testing.T) {
	mp3 := make([]byte, 4*rangeBytes)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "a.mp3", time.Time{}, bytes.NewReader(mp3))
	}))
	t.Cleanup(srv.Close)
	var out bytes.Buffer
	o := loadOptions{levels: []int{1, 2}, dur: 200 * time.Millisecond}
	p := plan{audio: "/a.mp3", audioSize: 4 * rangeBytes}
	pid := os.Getpid()
	if err := compareAudio(context.Background(), srv.Client(), o, srv.URL, p, srv.URL+"/a.mp3", [2]int{pid, pid}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 6 {
		t.Fatalf("want 3 lines per concurrency:\n%s", out.String())
	}
	for i, name := range []string{"audio-range", "audio-plain-fileserver", "audio-range/plain"} {
		for k, c := range []string{"1", "2"} {
			f := strings.Fields(lines[3*k+i])
			if f[0] != name || f[1] != c {
				t.Fatalf("line %d is %q, want %s at concurrency %s", 3*k+i, lines[3*k+i], name, c)
			}
			if i < 2 && (f[5] != "0" || f[6] == "0") {
				t.Errorf("%s: %s errors in %s requests", name, f[5], f[6])
			}
			if i == 2 && (!strings.Contains(lines[3*k+i], "median of 10 turns") || !strings.Contains(lines[3*k+i], "server CPU per request")) {
				t.Errorf("ratio line lacks the median or the CPU: %s", lines[3*k+i])
			}
		}
	}
}

// sink keeps the work of TestProcCPU from being optimised away.
var sink int

// The CPU time of this process grows as it works.
func TestProcCPU(t *testing.T) {
	if _, ok := procCPU(0); ok {
		t.Error("procCPU(0) reported a time")
	}
	before, ok := procCPU(os.Getpid())
	if !ok {
		t.Fatal("no CPU time for this process")
	}
	deadline := time.Now().Add(30 * time.Second)
	for after := before; after <= before; after, _ = procCPU(os.Getpid()) {
		if time.Now().After(deadline) {
			t.Fatalf("CPU time stayed at %s through 30 s of work", before)
		}
		for i := range 1_000_000 {
			sink += len(strings.Repeat("x", i%7))
		}
	}
}
