// Package corpus locates the shared annotated corpus (../shared/corpus
// beside the repository) for tests, benchmarks and eval.
//
// The corpus holds other people's published text, so it is never copied
// into the repository; code that needs it reads it from where it lies at
// run time and carries on without it when it is absent.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the corpus directory: ../shared/corpus relative to the
// repository root, which is the nearest directory at or above the working
// directory that holds go.mod. The error wraps fs.ErrNotExist when there is
// no go.mod above the working directory or no corpus beside the root.
func Dir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	return dirFrom(wd)
}

// DirOrSkip returns Dir, or skips tb with a message saying what is missing.
// Each of need is a slash-separated path inside the corpus (such as "gold"
// or "html/EXPECTED.json") that must exist too.
func DirOrSkip(tb testing.TB, need ...string) string {
	tb.Helper()
	dir, err := Dir()
	if err != nil {
		tb.Skipf("shared corpus unavailable, skipping: %v", err)
	}
	for _, n := range need {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(n))); err != nil {
			tb.Skipf("shared corpus at %s lacks %s, skipping: %v", dir, n, err)
		}
	}
	return dir
}

// dirFrom finds the corpus from the directory start.
func dirFrom(start string) (string, error) {
	root, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "", fmt.Errorf("corpus: no go.mod at or above %s: %w", start, os.ErrNotExist)
		}
		root = parent
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "corpus")
	fi, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("corpus: %s is not a directory: %w", dir, os.ErrNotExist)
	}
	return dir, nil
}
