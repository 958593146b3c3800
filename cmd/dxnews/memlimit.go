package main

import (
	"context"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"dxnews/internal/memlimit"
)

// setMemoryLimit gives the Go runtime a soft memory limit of three
// quarters of the container's (cgroup's) when GOMEMLIMIT does not set
// one, so that a server in a container collects garbage harder as it
// nears the limit instead of being killed at it.
func setMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if hard, ok := memlimit.Cgroup(os.DirFS("/")); ok {
		debug.SetMemoryLimit(memlimit.Soft(hard))
	}
}

// A serving process's collector target, when GOGC does not set one,
// follows its live heap: the heap may grow by a quarter of its live size
// between collections, or by gcFloor when a quarter is less, and at most
// double. Most of a large archive's heap lives as long as the server (the
// resolved entities, the index's entity table), and a quarter of it is
// tens of megabytes: at 100,000 articles under the load test the server's
// own memory (heap and runtime, not the index pages it maps) peaked at
// 249-261 MB, against 305 MB at GOGC=50 and 336 MB at 100, with unique
// searches at 0.84-0.97 times the rate at 50. A small
// archive's heap is a few megabytes, which a quarter would collect hundreds
// of times a second: on the demo, unique searches ran at 2,733 requests/s
// at a fixed 25 and at 3,231-3,684 with this rule.
const (
	minGCPercent = 25
	maxGCPercent = 100
	gcFloor      = 16 << 20
	// gcRetune is how often the target follows the live heap, which grows
	// as a crawl adds articles.
	gcRetune = 10 * time.Second
)

// gcPercentFor is the collector target for a live heap of live bytes.
func gcPercentFor(live uint64) int {
	if live == 0 {
		return maxGCPercent
	}
	return int(min(max(100*gcFloor/live, minGCPercent), maxGCPercent))
}

// liveHeap is the heap marked live by the last collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// serverGC keeps a serving process's collector target.
type serverGC struct {
	set bool // GOGC is unset, so the target is ours
}

// startServerGC sets the collector target from the live heap every
// gcRetune until ctx ends, unless GOGC is set. It starts at minGCPercent:
// reading a large archive at start-up is the process's peak, and a small
// one is read before the first retune.
func startServerGC(ctx context.Context) *serverGC {
	g := &serverGC{set: os.Getenv("GOGC") == ""}
	if !g.set {
		return g
	}
	debug.SetGCPercent(minGCPercent)
	go func() {
		t := time.NewTicker(gcRetune)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				g.retune()
			}
		}
	}()
	return g
}

// retune sets the target from the live heap at once, as when the archive
// has been read; on a nil serverGC it does nothing.
func (g *serverGC) retune() {
	if g != nil && g.set {
		debug.SetGCPercent(gcPercentFor(liveHeap()))
	}
}
