package main

import (
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// anonPeak samples a process's anonymous resident memory (RssAnon: its
// heap, stacks and runtime, the memory it cannot give back under
// pressure) every interval and keeps the highest value. The kernel keeps a
// peak only of the whole RSS (VmHWM), which also counts the pages of the
// index file the server maps: cache the kernel reclaims at will.
type anonPeak struct {
	kB   atomic.Int64
	stop chan struct{}
}

func watchAnon(pid int, interval time.Duration) *anonPeak {
	p := &anonPeak{stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			if mem, err := procMemory(pid); err == nil {
				if kB, ok := parseKB(mem["RssAnon"]); ok && kB > p.kB.Load() {
					p.kB.Store(kB)
				}
			}
			select {
			case <-t.C:
			case <-p.stop:
				return
			}
		}
	}()
	return p
}

// peak stops the sampling and returns the highest value seen, in kB.
func (p *anonPeak) peak() int64 {
	select {
	case <-p.stop:
	default:
		close(p.stop)
	}
	return p.kB.Load()
}

// parseKB reads a /proc status value such as "241572 kB".
func parseKB(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSuffix(s, " kB"), 10, 64)
	return n, err == nil
}
