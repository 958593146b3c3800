package main

import (
	"os"
	"runtime"
	"testing"
	"time"
)

func TestParseKB(t *testing.T) {
	for in, want := range map[string]int64{"241572 kB": 241572, "0 kB": 0} {
		if got, ok := parseKB(in); !ok || got != want {
			t.Errorf("parseKB(%q) = %d, %v", in, got, ok)
		}
	}
	if _, ok := parseKB(""); ok {
		t.Error("parseKB of nothing succeeded")
	}
}

func TestAnonPeakSeesTheProcess(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	p := watchAnon(os.Getpid(), time.Millisecond)
	deadline := time.Now().Add(5 * time.Second)
	for p.kB.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	first := p.peak()
	mem, err := procMemory(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	now, _ := parseKB(mem["RssAnon"])
	if first <= 0 || first > 2*now+1024 {
		t.Errorf("peak anonymous %d kB; the process has %d kB now", first, now)
	}
}
