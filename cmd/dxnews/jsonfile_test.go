package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestReadJSON: a missing file is not found and no error, a written one
// reads back, and one that does not decode is an error naming it.
func TestReadJSON(t *testing.T) {
	dir := t.TempDir()
	var v struct{ Voices []string }
	if found, err := readJSON(filepath.Join(dir, "none.json"), &v); found || err != nil {
		t.Errorf("missing file: found %v, %v", found, err)
	}
	good := filepath.Join(dir, "good.json")
	if err := writeJSON(good, map[string][]string{"Voices": {"north-female"}}); err != nil {
		t.Fatal(err)
	}
	if found, err := readJSON(good, &v); !found || err != nil || len(v.Voices) != 1 || v.Voices[0] != "north-female" {
		t.Errorf("written file: found %v, %v, %+v", found, err, v)
	}
	bad := writeFile(t, filepath.Join(dir, "bad.json"), `{"Voices": [`)
	if found, err := readJSON(bad, &v); !found || err == nil || !strings.Contains(err.Error(), bad+" is corrupt") {
		t.Errorf("corrupt file: found %v, %v", found, err)
	}
}
