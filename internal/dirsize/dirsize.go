// Package dirsize adds up the bytes stored under a folder, which dxnews status
// prints per data folder and dxbench reports as an index's size on disk.
package dirsize

import (
	"io/fs"
	"path/filepath"
)

// Of is the total size of the regular files under dir, counting what can be
// read and passing over what cannot; a missing dir is 0.
func Of(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
