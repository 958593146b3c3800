package store

import (
	"os"
	"path/filepath"

	"dxnews/internal/atomicfile"
)

// fsys is the store's way to create files. Its fail hook, set only by tests,
// injects a write error (a full disk, say) for a path, so every write path of
// the store can be checked to leave nothing half-written behind.
type fsys struct {
	fail func(path string) error
}

// wfile is a file being written.
type wfile struct {
	*os.File
	fs *fsys
}

func (f wfile) Write(p []byte) (int, error) {
	if f.fs.fail != nil {
		if err := f.fs.fail(f.Name()); err != nil {
			// Like a full disk: part of the data may have reached the file.
			n, _ := f.File.Write(p[:len(p)/2])
			return n, &os.PathError{Op: "write", Path: f.Name(), Err: err}
		}
	}
	return f.File.Write(p)
}

func (fs *fsys) check(path string) error {
	if fs.fail != nil {
		if err := fs.fail(path); err != nil {
			return &os.PathError{Op: "open", Path: path, Err: err}
		}
	}
	return nil
}

// create creates (or truncates) path for writing.
func (fs *fsys) create(path string) (wfile, error) {
	if err := fs.check(path); err != nil {
		return wfile{}, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return wfile{}, err
	}
	return wfile{f, fs}, nil
}

// writeFileAtomic replaces path with data atomically and durably (see
// atomicfile), creating its folder when needed, through the fault hook.
func (s *Store) writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFunc(path, 0o644, func(tmp *os.File) error {
		_, err := wfile{tmp, &s.fs}.Write(data)
		return err
	})
}
