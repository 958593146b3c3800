package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestWriteReplacesWithPermissions(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "state.json")
	for _, content := range []string{"first, the longer one", "second"} {
		if err := Write(p, []byte(content), 0o640); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil || string(b) != content {
			t.Fatalf("read %q, %v; want %q", b, err, content)
		}
	}
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o640 {
		t.Fatalf("mode %v, %v; want 0640", st.Mode(), err)
	}
	assertOnly(t, dir, "state.json")
}

// TestFailedWriteLeavesOldFile fails each step that can fail and checks the
// old content is still there and no temporary file is left.
func TestFailedWriteLeavesOldFile(t *testing.T) {
	full := errors.New("no space left on device")
	for name, c := range map[string]struct {
		target string // relative to the folder; a folder stands in the way of the rename
		write  func(*os.File) error
		want   error
	}{
		"write fails": {"a.json", func(f *os.File) error {
			f.Write([]byte("half"))
			return full
		}, full},
		"rename fails": {"busy", func(f *os.File) error {
			_, err := f.Write([]byte("new"))
			return err
		}, nil},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, c.target)
			if c.target == "busy" {
				// A non-empty folder cannot be replaced by a file.
				if err := os.MkdirAll(filepath.Join(p, "inner"), 0o755); err != nil {
					t.Fatal(err)
				}
			} else if err := Write(p, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := WriteFunc(p, 0o644, c.write)
			if err == nil || c.want != nil && !errors.Is(err, c.want) {
				t.Fatalf("WriteFunc = %v, want an error (%v)", err, c.want)
			}
			if c.target != "busy" {
				if b, err := os.ReadFile(p); err != nil || string(b) != "old" {
					t.Fatalf("after a failed write the file reads %q, %v", b, err)
				}
			} else if st, err := os.Stat(p); err != nil || !st.IsDir() {
				t.Fatalf("the folder in the way was replaced: %v", err)
			}
			assertOnly(t, dir, c.target)
		})
	}
}

func TestWriteIntoMissingFolderFails(t *testing.T) {
	if err := Write(filepath.Join(t.TempDir(), "missing", "x"), nil, 0o644); err == nil {
		t.Fatal("a write into a missing folder succeeded")
	}
}

func TestRemoveTempsRemovesOnlyLeftovers(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".a.json.123.tmp", ".b.json.9.tmp", "a.json", ".hidden", "b.tmp"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	RemoveTempsOf(filepath.Join(dir, "b.json"))
	assertOnly(t, dir, ".a.json.123.tmp", ".hidden", "a.json", "b.tmp")
	if err := os.WriteFile(filepath.Join(dir, ".b.json.9.tmp"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	RemoveTemps(dir)
	assertOnly(t, dir, ".hidden", "a.json", "b.tmp")
}

// assertOnly fails unless dir holds exactly the names given.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	slices.Sort(names)
	if !slices.Equal(got, names) {
		t.Fatalf("folder holds %q, want %q", got, names)
	}
}
