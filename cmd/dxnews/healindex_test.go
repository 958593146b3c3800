package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dxnews/index"
)

// TestIndexMarkedDamagedIsRebuiltInUse checks that a process that goes on
// running (dxnews run) does not keep using an index marked damaged: the
// next catch-up rebuilds it from the store, every holder of the index (the
// web handler holds d.index) sees the rebuilt one, and the repair is noted.
func TestIndexMarkedDamagedIsRebuiltInUse(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	e, d := openTestData(t, dir)
	defer d.Close()
	p := &pipeline{data: d, logger: e.logger}
	for _, slug := range []string{"mot", "hai", "ba"} {
		addArticle(t, p, slug+".html", "Chuyển đổi số "+slug, "Tỉnh đẩy mạnh chuyển đổi số "+slug+".")
	}
	served := d.index // what the web handler was given
	before := served.(interface{ Version() uint64 }).Version()
	// What recoverIndex or a full disk does in the middle of a run.
	markIndexDamaged(dir, "panic: segment 7 is short")
	if n, err := d.sync.catchUp(ctx); err != nil {
		t.Fatalf("catch-up over a damaged index: %d, %v", n, err)
	}
	if indexMarkedDamaged(dir) != nil {
		t.Error("the damaged mark is still there after the rebuild")
	}
	res, err := served.Search(ctx, index.Query{Text: "chuyển đổi số", Size: 10})
	if err != nil || res.Total != 3 {
		t.Fatalf("search on the rebuilt index: %d results, %v", res.Total, err)
	}
	if after := served.(interface{ Version() uint64 }).Version(); after == before {
		t.Error("the index version did not change with the rebuild: cached pages would be served")
	}
	reps, _ := d.store.Repairs(5)
	if len(reps) != 1 || !strings.Contains(reps[0].Problem, "segment 7 is short") || !strings.Contains(reps[0].Repair, "rebuilt it from the 3 stored articles") {
		t.Errorf("repairs journal: %+v", reps)
	}
	// An index with no mark is left alone.
	if err := d.sync.heal(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "index")); err != nil {
		t.Fatal(err)
	}
	if n, err := served.Count(ctx); err != nil || n != 3 {
		t.Errorf("count after a heal with nothing to do: %d, %v", n, err)
	}
}
