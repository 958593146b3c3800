package bleve

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dxnews/index/indextest"
)

// zapFlags returns the VmFlags of each segment of dir this process maps,
// by file name, from /proc/self/smaps.
func zapFlags(t *testing.T, dir string) map[string]string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	flags := map[string]string{}
	var cur string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		// A region's first line: address perms offset dev inode [path].
		if fields := strings.Fields(line); len(fields) >= 5 && strings.Contains(fields[0], "-") && len(fields[1]) == 4 {
			cur = ""
			if p := fields[len(fields)-1]; len(fields) >= 6 && strings.HasPrefix(p, dir) && strings.HasSuffix(p, ".zap") {
				cur = filepath.Base(p)
			}
			continue
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok && cur != "" {
			flags[cur] += v
		}
	}
	return flags
}

func TestSegmentsMappedForRandomAccess(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openT(t, dir)
	if err := ix.Index(ctx, indextest.Archives(300, 1)...); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened: the segments are mapped from their files.
	ix = openT(t, dir)
	flags := zapFlags(t, dir)
	if len(flags) == 0 {
		t.Fatal("no segment of the reopened index is mapped")
	}
	for name, f := range flags {
		if !strings.Contains(" "+f+" ", " rr ") {
			t.Errorf("segment %s mapped with flags %q; want rr (random read)", name, f)
		}
	}
	// A segment the persister writes after Open is advised too.
	before := flags
	if err := ix.Index(ctx, indextest.Archives(400, 2)[300:]...); err != nil {
		t.Fatal(err)
	}
	// The persister maps it before it tells the callback: wait for both.
	deadline := time.Now().Add(20 * time.Second)
	for {
		flags = zapFlags(t, dir)
		var plain []string
		added := false
		for name, f := range flags {
			if _, ok := before[name]; !ok {
				added = true
			}
			if !strings.Contains(" "+f+" ", " rr ") {
				plain = append(plain, name+" ("+strings.TrimSpace(f)+")")
			}
		}
		if added && len(plain) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("20 s after indexing, a new segment mapped: %v; not advised as random: %v", added, plain)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
