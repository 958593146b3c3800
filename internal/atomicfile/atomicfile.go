// Package atomicfile replaces files so that a reader, or the next run after
// a crash or a power cut, finds either the old content or the new, whole,
// and never a part of it.
//
// The new content goes to a temporary file in the same folder, which is
// synced, given its permissions and renamed over the target; the folder is
// synced last, so that the rename itself is durable. A write that fails at
// any step removes its temporary file and leaves the target as it was.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write replaces the file at path with data, atomically and durably. The
// folder must exist.
func Write(path string, data []byte, perm os.FileMode) error {
	return WriteFunc(path, perm, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// WriteFunc replaces the file at path with what write writes to the
// temporary file it is given, atomically and durably. An error from write
// is returned and the target left as it was.
func WriteFunc(path string, perm os.FileMode, write func(tmp *os.File) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*"+tempSuffix)
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, perm)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return SyncDir(dir)
}

// SyncDir makes the entries of a folder (files created, renamed or removed
// in it) durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

const tempSuffix = ".tmp"

// RemoveTemps removes from dir the temporary files of writes that a killed
// process left unfinished. Only run it where no other write into dir is
// under way.
func RemoveTemps(dir string) { removeGlob(filepath.Join(dir, ".*"+tempSuffix)) }

// RemoveTempsOf removes the temporary files a killed process left while
// replacing path. Only run it where no other write of path is under way.
func RemoveTempsOf(path string) {
	removeGlob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".*"+tempSuffix))
}

func removeGlob(pattern string) {
	names, _ := filepath.Glob(pattern)
	for _, n := range names {
		os.Remove(n)
	}
}
