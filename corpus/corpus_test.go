package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// tree makes root/repo/go.mod, root/repo/a/b and, if withCorpus,
// root/shared/corpus/gold; it returns root.
func tree(t *testing.T, withCorpus bool) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "repo", "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "repo", "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if withCorpus {
		if err := os.MkdirAll(filepath.Join(root, "shared", "corpus", "gold"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestDirFromWalksUpToGoMod(t *testing.T) {
	root := tree(t, true)
	want := filepath.Join(root, "shared", "corpus")
	for _, start := range []string{filepath.Join(root, "repo"), filepath.Join(root, "repo", "a", "b")} {
		got, err := dirFrom(start)
		if err != nil {
			t.Fatalf("from %s: %v", start, err)
		}
		if got != want {
			t.Errorf("from %s: got %s, want %s", start, got, want)
		}
	}
}

func TestDirFromStopsAtNearestGoMod(t *testing.T) {
	root := tree(t, true)
	// A nested module has no corpus beside it, even though the outer one does.
	inner := filepath.Join(root, "repo", "a")
	if err := os.WriteFile(filepath.Join(inner, "go.mod"), []byte("module y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := dirFrom(filepath.Join(inner, "b")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want fs.ErrNotExist", err)
	}
}

func TestDirFromReportsMissing(t *testing.T) {
	root := tree(t, false)
	_, err := dirFrom(filepath.Join(root, "repo", "a"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("no corpus: err = %v, want fs.ErrNotExist", err)
	}
	// Without any go.mod the walk ends at the file-system root.
	_, err = dirFrom(filepath.Join(root, "shared"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("no go.mod: err = %v, want fs.ErrNotExist", err)
	}
}

func TestDirFromRejectsFile(t *testing.T) {
	root := tree(t, false)
	if err := os.MkdirAll(filepath.Join(root, "shared"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "shared", "corpus"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := dirFrom(filepath.Join(root, "repo")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want fs.ErrNotExist", err)
	}
}

// TestDirOrSkip runs in this repository, where the corpus may or may not
// be present; both outcomes are checked.
func TestDirOrSkip(t *testing.T) {
	dir, err := Dir()
	var sub *testing.T
	t.Run("present", func(t *testing.T) {
		sub = t
		got := DirOrSkip(t)
		if got != dir {
			t.Errorf("DirOrSkip = %s, Dir = %s", got, dir)
		}
	})
	if sub.Skipped() != (err != nil) {
		t.Errorf("skipped = %v with Dir error %v", sub.Skipped(), err)
	}
	t.Run("missing part", func(t *testing.T) {
		sub = t
		DirOrSkip(t, "no/such/part")
		t.Error("DirOrSkip returned although a required part is missing")
	})
	if !sub.Skipped() {
		t.Error("a missing required part did not skip")
	}
}
