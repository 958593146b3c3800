package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"dxnews/crawler"
)

func TestShardsSplitSourcesDisjointly(t *testing.T) {
	var srcs []crawler.Source
	for i := range 40 {
		srcs = append(srcs, crawler.Source{Name: fmt.Sprint(i), Hosts: []string{fmt.Sprintf("site%d.example.vn", i)}})
	}
	seen := map[string]int{}
	for i := 1; i <= 3; i++ {
		part := shard{i, 3}.sources(srcs)
		if len(part) == 0 || len(part) == len(srcs) {
			t.Fatalf("shard %d/3 holds %d of %d sources", i, len(part), len(srcs))
		}
		for _, s := range part {
			seen[s.Name]++
		}
	}
	for _, s := range srcs {
		if seen[s.Name] != 1 {
			t.Fatalf("source %s is in %d shards, want exactly 1", s.Name, seen[s.Name])
		}
	}
	// The same host lands in the same shard with or without www. and capitals.
	sh := shard{2, 3}
	for _, h := range []string{"vnexpress.net", "tuoitre.vn", "thanhnien.vn"} {
		if sh.owns(h) != sh.owns("WWW."+h) {
			t.Errorf("%s and WWW.%s fall in different shards", h, h)
		}
	}
	if got := (shard{}).seeds([]string{"https://a.vn/", "https://b.vn/"}); !slices.Equal(got, []string{"https://a.vn/", "https://b.vn/"}) {
		t.Errorf("no shard kept %v", got)
	}
}

func TestParseShard(t *testing.T) {
	for in, ok := range map[string]bool{"": true, "1/1": true, "2/3": true, "0/3": false, "4/3": false, "2": false, "a/b": false, "1/0": false} {
		if _, err := parseShard(in); (err == nil) != ok {
			t.Errorf("parseShard(%q) error = %v", in, err)
		}
	}
	if code, _, stderr := run(t, nil, "run", "-once", "-shard", "5/3", "-data", t.TempDir()); code != 2 || !strings.Contains(stderr, "-shard must be i/n") {
		t.Errorf("run -shard 5/3: exit %d, %s", code, stderr)
	}
}
