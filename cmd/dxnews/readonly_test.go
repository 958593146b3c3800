package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Commands that only read a data folder never create one: a mistyped -data
// is an error naming the folder, exit 1, and nothing appears on disk.
func TestReadersDoNotCreateTheDataFolder(t *testing.T) {
	parent := t.TempDir()
	typo := filepath.Join(parent, "dxnews-dat")
	other := filepath.Join(parent, "photos")
	writeFile(t, filepath.Join(other, "a.jpg"), "x")
	for _, args := range [][]string{
		{"search", "chuyển đổi số"}, {"status"}, {"export"}, {"reindex"}, {"serve", "-addr", "127.0.0.1:0"},
	} {
		with := func(dir string) []string { return append([]string{args[0], "-data", dir}, args[1:]...) }
		code, stdout, stderr := run(t, nil, with(typo)...)
		if code != 1 || !strings.Contains(stderr, "data folder "+typo+" does not exist") || stdout != "" {
			t.Errorf("%s -data typo: exit %d, stdout %q, stderr %q", args[0], code, stdout, stderr)
		}
		if _, err := os.Stat(typo); !os.IsNotExist(err) {
			t.Fatalf("%s created %s", args[0], typo)
		}
		code, _, stderr = run(t, nil, with(other)...)
		if code != 1 || !strings.Contains(stderr, other+" is not a dxnews data folder") {
			t.Errorf("%s -data %s: exit %d, stderr %q", args[0], other, code, stderr)
		}
		if ents, _ := os.ReadDir(other); len(ents) != 1 {
			t.Errorf("%s wrote into %s: %d entries", args[0], other, len(ents))
		}
	}
}
