package dirsize

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOf(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, size := range map[string]int{"top": 3, "a/mid": 10, "a/b/deep": 1000} {
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := Of(dir); got != 1013 {
		t.Errorf("Of(dir) = %d, want 1013", got)
	}
	if got := Of(filepath.Join(dir, "a")); got != 1010 {
		t.Errorf("Of(dir/a) = %d, want 1010", got)
	}
	if got := Of(filepath.Join(dir, "missing")); got != 0 {
		t.Errorf("Of(missing) = %d, want 0", got)
	}
}
