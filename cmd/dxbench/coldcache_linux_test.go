//go:build linux && (amd64 || arm64)

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// resident counts the pages of path held in the page cache.
func resident(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	m, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(m)
	vec := make([]byte, (len(m)+os.Getpagesize()-1)/os.Getpagesize())
	if _, _, errno := syscall.Syscall(syscall.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatalf("mincore: %v", errno)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
}

func TestEvictDataFolder(t *testing.T) {
	dir := t.TempDir()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err == nil && st.Type == 0x01021994 {
		t.Skip("the temporary folder is on tmpfs, whose pages are the files: nothing to evict")
	}
	paths := []string{filepath.Join(dir, "index", "store", "a.zap"), filepath.Join(dir, "articles", "b.json"), filepath.Join(dir, "c.log")}
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		// Written and not yet synced: dirty pages, which are only evicted
		// once written out.
		if err := os.WriteFile(p, make([]byte, 256<<10), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n := resident(t, paths[0]); n == 0 {
		t.Skip("a file just written is not in the page cache here")
	}
	n, err := evictDataFolder(dir)
	if err != nil || n != len(paths) {
		t.Fatalf("evictDataFolder = %d, %v; want %d files", n, err, len(paths))
	}
	for _, p := range paths {
		if r := resident(t, p); r != 0 {
			t.Errorf("%s: %d pages still cached", p, r)
		}
		if b, err := os.ReadFile(p); err != nil || len(b) != 256<<10 {
			t.Errorf("%s after eviction: %d bytes, %v", p, len(b), err)
		}
	}
}

func TestEvictDataFolderMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nothing-here")
	if _, err := evictDataFolder(dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("evictDataFolder(%s) = %v; want an error naming it", dir, err)
	}
}
