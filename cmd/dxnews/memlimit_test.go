package main

import (
	"context"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The collector target lets the heap grow by a quarter of its live size,
// or by gcFloor when that is more.
func TestGCPercentFor(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 1600},
		{512 << 10, 1600},
		{1 << 20, 1600},
		{3 << 20, 533},
		{4 << 20, 400},
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

// The target is set again after every collection, from the heap that
// collection found live, and no longer once the server stops.
func TestServerGCFollowsEachCollection(t *testing.T) {
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)
	t.Setenv("GOGC", "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	startServerGC(ctx)
	const unset = 7 // a target no live heap gives
	for i := range 3 {
		debug.SetGCPercent(unset)
		runtime.GC()
		got := unset
		for deadline := time.Now().Add(5 * time.Second); got == unset && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
			got = debug.SetGCPercent(unset)
		}
		if want := gcPercentFor(liveHeap()); got != want {
			t.Fatalf("after collection %d the GC percent is %d, want %d for a live heap of %d bytes", i+1, got, want, liveHeap())
		}
	}
	cancel()
	runtime.GC() // runs the cleanup armed before the cancel
	time.Sleep(10 * time.Millisecond)
	debug.SetGCPercent(unset)
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if got := debug.SetGCPercent(100); got != unset {
		t.Errorf("after the server stopped a collection set the GC percent to %d", got)
	}
}
