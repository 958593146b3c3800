package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// memCgroup is a memory control group the server under test runs in, so
// that a memory bound is tested as the kernel enforces it: page cache of
// the mapped index counts, and is reclaimed under the limit, while memory
// the server cannot give back ends in an OOM kill.
type memCgroup struct {
	dir   string
	v2    bool
	limit int64
}

// newMemCgroup makes a control group limited to limit bytes, with cgroup
// v2 when its memory controller is available, else v1. It needs root (or
// a delegated, writable hierarchy).
func newMemCgroup(limit int64) (*memCgroup, error) {
	name := fmt.Sprintf("dxbench-%d", os.Getpid())
	for _, c := range []struct {
		root, file string
		v2         bool
	}{
		{"/sys/fs/cgroup", "memory.max", true},
		{"/sys/fs/cgroup/unified", "memory.max", true},
		{"/sys/fs/cgroup/memory", "memory.limit_in_bytes", false},
	} {
		if c.v2 {
			ctl, err := os.ReadFile(filepath.Join(c.root, "cgroup.controllers"))
			if err != nil || !strings.Contains(" "+string(ctl)+" ", " memory") {
				continue
			}
			os.WriteFile(filepath.Join(c.root, "cgroup.subtree_control"), []byte("+memory"), 0o644)
		} else if _, err := os.Stat(filepath.Join(c.root, c.file)); err != nil {
			continue
		}
		g := &memCgroup{dir: filepath.Join(c.root, name), v2: c.v2, limit: limit}
		if err := os.Mkdir(g.dir, 0o755); err != nil {
			return nil, fmt.Errorf("-memlimit: making a memory cgroup (root needed): %w", err)
		}
		if err := os.WriteFile(filepath.Join(g.dir, c.file), []byte(strconv.FormatInt(limit, 10)), 0o644); err != nil {
			g.remove()
			return nil, fmt.Errorf("-memlimit: setting the limit: %w", err)
		}
		return g, nil
	}
	return nil, errors.New("-memlimit: no cgroup memory controller found under /sys/fs/cgroup")
}

// add moves process pid into the group.
func (g *memCgroup) add(pid int) error {
	return os.WriteFile(filepath.Join(g.dir, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0o644)
}

// report says the group's peak charge and how often the limit was hit or
// a process killed for it.
func (g *memCgroup) report() string {
	read := func(f string) string {
		b, err := os.ReadFile(filepath.Join(g.dir, f))
		if err != nil {
			return "?"
		}
		return strings.TrimSpace(string(b))
	}
	field := func(f, key string) string {
		for _, line := range strings.Split(read(f), "\n") {
			if k, v, ok := strings.Cut(line, " "); ok && k == key {
				return v
			}
		}
		return "?"
	}
	mb := func(s string) string {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return s
		}
		return fmt.Sprintf("%.0f MB", float64(n)/1e6)
	}
	if g.v2 {
		return fmt.Sprintf("cgroup limit %s: peak charge %s, limit reached %s times, OOM kills %s",
			mb(strconv.FormatInt(g.limit, 10)), mb(read("memory.peak")), field("memory.events", "max"), field("memory.events", "oom_kill"))
	}
	return fmt.Sprintf("cgroup limit %s: peak charge %s, limit reached %s times, OOM kills %s",
		mb(strconv.FormatInt(g.limit, 10)), mb(read("memory.max_usage_in_bytes")), read("memory.failcnt"), field("memory.oom_control", "oom_kill"))
}

// remove deletes the group; its processes must have exited.
func (g *memCgroup) remove() { os.Remove(g.dir) }

// parseBytes reads sizes such as 300M, 1G or 314572800.
func parseBytes(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size such as 300M", s)
	}
	return n * mult, nil
}
