package store

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzChangeLog opens a store whose change log holds any bytes: opening
// never fails on the log's content, the export cursor pages through what is
// readable without repeating a change, and a change appended afterwards is
// read back after the old ones.
func FuzzChangeLog(f *testing.F) {
	f.Add("1\t0123456789abcdef\n2\t0123456789abcdee\n")
	f.Add("1\t0123456789abcdef\n2\t01234")
	f.Add("1\t0123456789abcdef\n\x00\x00\x00\n3\t0123456789abcdee\n")
	f.Add("2\t0123456789abcdef\n1\t0123456789abcdee\n")
	f.Add("9223372036854775807\t0123456789abcdef\n")
	f.Fuzz(func(t *testing.T, log string) {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "articles.log"), []byte(log), 0o644); err != nil {
			t.Fatal(err)
		}
		s := openStore(t, dir)
		a := sample(0, "Chuyển đổi số")
		put(t, s, a)
		seen := map[string]bool{}
		for _, x := range pageSince(t, s, "", 2) {
			if seen[x.ID] {
				t.Fatalf("article %s returned twice (log %q)", x.ID, log)
			}
			seen[x.ID] = true
		}
		if !seen[a.ID] {
			t.Fatalf("article put after log %q never paged", log)
		}
	})
}
