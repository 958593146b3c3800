package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg = format
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(r)
}

func check(t *testing.T, path string, got []byte) *recorder {
	r := &recorder{TB: t}
	func() {
		defer func() {
			if p := recover(); p != nil && p != r {
				panic(p)
			}
		}()
		Check(r, path, got)
	}()
	return r
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.golden.json")
	if r := check(t, p, []byte("x")); !r.failed || !strings.Contains(r.msg, "-update") {
		t.Fatalf("a missing golden file passed or did not say how to create it: %+v", r)
	}
	if err := os.WriteFile(p, []byte("{\n  \"a\": 1\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := check(t, p, []byte("{\n  \"a\": 1\n}\n")); r.failed {
		t.Fatal("equal output failed")
	}
	if r := check(t, p, []byte("{\n  \"a\": 2\n}\n")); !r.failed {
		t.Fatal("different output passed")
	}
	JSON(t, p, map[string]int{"a": 1})
}

func TestUpdateWritesTheFile(t *testing.T) {
	*update = true
	defer func() { *update = false }()
	p := filepath.Join(t.TempDir(), "new", "out.json")
	if r := check(t, p, []byte("fresh")); r.failed {
		t.Fatal("an update failed")
	}
	if b, err := os.ReadFile(p); err != nil || string(b) != "fresh" {
		t.Fatalf("after -update the file reads %q, %v", b, err)
	}
}
