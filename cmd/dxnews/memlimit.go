package main

import (
	"os"
	"runtime/debug"

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
