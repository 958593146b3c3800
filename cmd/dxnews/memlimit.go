package main

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

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
// between collections, or by gcFloor when a quarter is less. Most of a
// large archive's heap lives as long as the server (the resolved entities,
// the index's entity table), and a quarter of it is tens of megabytes: at
// 100,000 articles under the load test the server's own memory (heap and
// runtime, not the index pages it maps) peaked at 249-261 MB, against 305
// MB at GOGC=50 and 336 MB at 100, with unique searches at 0.84-0.97 times
// the rate at 50. A small archive's heap is a few megabytes, which a
// quarter would collect hundreds of times a second: on the demo, unique
// searches ran at 2,733 requests/s at a fixed 25 and at 3,231-3,684 with a
// floor. Doubling at most, a 3 MB heap was still collected every 1,000 audio
// requests, a tenth of their instructions (make loadtest-instr: 89,900-92,800
// a request, 80,400-80,800 with the floor alone, collecting every 4,000 or
// so).
const (
	minGCPercent = 25
	gcFloor      = 16 << 20
)

// gcPercentFor is the collector target for a live heap of live bytes.
func gcPercentFor(live uint64) int {
	return int(max(100*gcFloor/max(live, 1<<20), minGCPercent))
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

// gcSentinel is allocated to be collected: its cleanup marks the end of a
// collection. It holds a pointer so that it is never a tiny allocation,
// which may share its memory with others and outlive them.
type gcSentinel struct{ _ *byte }

// startServerGC sets the collector target from the live heap after every
// collection until ctx ends, unless GOGC is set. It starts at
// minGCPercent: reading a large archive at start-up is the process's peak.
// A target set only now and then is applied to whatever heap the next
// collections find: one set for a 1 MB heap would let a heap grown to
// 20 MB in the meantime reach 340 MB before collecting.
func startServerGC(ctx context.Context) *serverGC {
	g := &serverGC{set: os.Getenv("GOGC") == ""}
	if !g.set {
		return g
	}
	debug.SetGCPercent(minGCPercent)
	g.afterNextGC(ctx)
	return g
}

// afterNextGC retunes the target once the next collection has ended, and
// then again after the one after that, until ctx ends.
func (g *serverGC) afterNextGC(ctx context.Context) {
	runtime.AddCleanup(new(gcSentinel), func(ctx context.Context) {
		if ctx.Err() != nil {
			return
		}
		g.retune()
		g.afterNextGC(ctx)
	}, ctx)
}

// retune sets the target from the live heap at once, as when the archive
// has been read; on a nil serverGC it does nothing.
func (g *serverGC) retune() {
	if g != nil && g.set {
		debug.SetGCPercent(gcPercentFor(liveHeap()))
	}
}
