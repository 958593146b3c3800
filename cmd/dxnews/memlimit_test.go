package main

import (
	"runtime/debug"
	"testing"
)

// A serving process collects garbage at serverGCPercent unless GOGC says
// otherwise.
func TestServerGC(t *testing.T) {
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)
	t.Setenv("GOGC", "")
	setServerGC()
	if got := debug.SetGCPercent(100); got != serverGCPercent {
		t.Errorf("without GOGC the GC percent is %d, want %d", got, serverGCPercent)
	}
	t.Setenv("GOGC", "200")
	setServerGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set the GC percent was changed to %d", got)
	}
}
