package main

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"strconv"
	"strings"

	"dxnews/crawler"
)

// shard is one part of n of the sources, numbered from 1; the zero value
// takes every source.
type shard struct{ i, n int }

// parseShard reads "i/n" with 1 <= i <= n.
func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return shard{}, usagef("-shard must be i/n with 1 <= i <= n, e.g. 2/3; got %q", s)
	}
	return shard{i, n}, nil
}

func (s shard) String() string { return fmt.Sprintf("%d/%d", s.i, s.n) }

// owns reports whether host falls in the shard: FNV-1a of the host, lower
// case and without "www.", modulo n.
func (s shard) owns(host string) bool {
	if s.n <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(host)), "www.")))
	return int(h.Sum32()%uint32(s.n)) == s.i-1
}

// sources keeps the sources whose first host is in the shard.
func (s shard) sources(srcs []crawler.Source) []crawler.Source {
	var out []crawler.Source
	for _, src := range srcs {
		host := ""
		if len(src.Hosts) > 0 {
			host = src.Hosts[0]
		} else if len(src.Start) > 0 {
			if u, err := url.Parse(src.Start[0]); err == nil {
				host = u.Hostname()
			}
		}
		if s.owns(host) {
			out = append(out, src)
		}
	}
	return out
}

// seeds keeps the seed URLs whose host is in the shard.
func (s shard) seeds(urls []string) []string {
	var out []string
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil || s.owns(u.Hostname()) {
			out = append(out, raw)
		}
	}
	return out
}
