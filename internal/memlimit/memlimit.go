// Package memlimit reads the memory limit of the control group a process
// runs in, so that a Go program in a container can set its soft memory
// limit (GOMEMLIMIT) below it and collect garbage sooner rather than be
// killed: Go sees the container's CPUs, not its memory.
package memlimit

import (
	"errors"
	"io/fs"
	"math"
	"strconv"
	"strings"
)

// Cgroup returns the memory limit in bytes of the cgroup that /proc/self/cgroup
// names, read through fsys rooted at "/" (os.DirFS("/")); ok is false when
// there is none (no limit, "max", or no cgroup filesystem). Both cgroup v2
// (memory.max) and v1 (memory.limit_in_bytes) are read.
func Cgroup(fsys fs.FS) (limit int64, ok bool) {
	self, err := fs.ReadFile(fsys, "proc/self/cgroup")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(self), "\n") {
		// hierarchy-ID:controllers:path
		parts := strings.SplitN(line, ":", 3)
		if len(parts) != 3 {
			continue
		}
		dir := strings.Trim(parts[2], "/")
		var file string
		switch {
		case parts[0] == "0" && parts[1] == "":
			file = join("sys/fs/cgroup", dir, "memory.max")
		case hasController(parts[1], "memory"):
			file = join("sys/fs/cgroup/memory", dir, "memory.limit_in_bytes")
		default:
			continue
		}
		if n, err := readLimit(fsys, file); err == nil {
			return n, true
		}
	}
	return 0, false
}

// Soft is the soft limit to set under a hard one: three quarters of it,
// leaving room for what the runtime does not count (the mapped index,
// stacks being freed) and for a burst the collector has not caught up with.
func Soft(hard int64) int64 { return hard / 4 * 3 }

func hasController(list, name string) bool {
	for c := range strings.SplitSeq(list, ",") {
		if c == name {
			return true
		}
	}
	return false
}

func join(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "/")
}

var errNoLimit = errors.New("no limit")

// readLimit reads a limit file: a number of bytes, or "max" (v2), or a
// value near the largest int64 (v1's way of saying none).
func readLimit(fsys fs.FS, name string) (int64, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return 0, err
	}
	s := strings.TrimSpace(string(b))
	if s == "max" {
		return 0, errNoLimit
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, err
	}
	if n <= 0 || n >= math.MaxInt64/2 {
		return 0, errNoLimit
	}
	return n, nil
}
