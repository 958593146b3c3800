// Package golden compares what a test produced with a file kept in
// testdata, for tests that pin down a whole output (a parsed article, an
// API response, the requests sent to a service).
//
// Run the tests with -update to rewrite the files from what they produce,
// then read the diff before committing it:
//
//	go test ./crawler -update
//	git diff crawler/testdata
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files from what the tests produce")

// Check compares got with the golden file at path, reporting a difference
// as a test error. With -update it first writes got to path, creating its
// folder.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file: %v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run the test with -update and read the diff)\n got: %s\nwant: %s", path, got, want)
	}
}

// JSON checks v, as indented JSON ending in a newline, against the golden
// file at path.
func JSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	Check(t, path, append(b, '\n'))
}
