package main

import (
	"io/fs"
	"os"
	"path/filepath"
)

// How much of the index a server maps depends on what the page cache
// holds when it starts: on Linux a file just written by another process
// (the generator, a reindex) is cached in large blocks, and a page fault
// on one page maps the whole block around it. Straight after dxbench gen
// the server under load mapped 240 MB of index pages; over a copy of the
// same archive, 110 MB. A load test therefore starts the server on a cold
// data folder, as after a reboot or on a new container, unless -warm.

// evictDataFolder writes out and drops from the page cache every file
// under dir, returning how many it dropped. It needs no privileges: each
// file is advised as not needed (POSIX_FADV_DONTNEED), which evicts its
// clean pages that no process maps.
func evictDataFolder(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := dropCached(f); err != nil {
			return &fs.PathError{Op: "evict", Path: path, Err: err}
		}
		n++
		return nil
	})
	return n, err
}
