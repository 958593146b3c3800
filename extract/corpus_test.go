package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir returns ../shared/corpus relative to the repository root, or
// skips the test when it is absent.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found; cannot locate ../shared/corpus")
		}
		dir = parent
	}
	c := filepath.Join(dir, "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(c, "gold")); err != nil {
		t.Skipf("annotated corpus not found at %s; skipping corpus evaluation", c)
	}
	return c
}

func TestEvalCorpusMeetsFloors(t *testing.T) {
	c := corpusDir(t)
	r, err := Eval(filepath.Join(c, "articles"), filepath.Join(c, "gold"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	floors := map[string]float64{"people": 0.95, "roles": 0.85, "decisions": 0.95, "targets": 0.85}
	for typ, floor := range floors {
		if f := r.Scores[typ].F1(); f < floor {
			t.Errorf("%s F1 = %.3f, below %.2f", typ, f, floor)
		}
	}
}
