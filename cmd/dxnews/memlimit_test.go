package main

import (
	"context"
	"runtime/debug"
	"testing"
)

// The collector target lets the heap grow by a quarter of its live size,
// or by gcFloor when that is more, and at most double.
func TestGCPercentFor(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{4 << 20, 100},
		{16 << 20, 100},
		{32 << 20, 50},
		{48 << 20, 33},
		{64 << 20, 25},
		{300 << 20, 25},
	} {
		if got := gcPercentFor(c.live); got != c.want {
			t.Errorf("gcPercentFor(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// A serving process starts at minGCPercent and follows its live heap,
// unless GOGC says otherwise.
func TestServerGC(t *testing.T) {
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	t.Setenv("GOGC", "")
	gc := startServerGC(ctx)
	if got := debug.SetGCPercent(100); got != minGCPercent {
		t.Errorf("at start the GC percent is %d, want %d", got, minGCPercent)
	}
	gc.retune()
	if got, want := debug.SetGCPercent(100), gcPercentFor(liveHeap()); got != want {
		t.Errorf("after retune the GC percent is %d, want %d for a live heap of %d bytes", got, want, liveHeap())
	}
	t.Setenv("GOGC", "200")
	startServerGC(ctx).retune()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set the GC percent was changed to %d", got)
	}
}
