package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// openTestData opens (creating) the data folder dir as a crawl would, with
// an environment that reads no variables; the caller closes it.
func openTestData(t *testing.T, dir string) (*env, *data) {
	t.Helper()
	e := newEnv("test", nil, &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	d, err := openData(context.Background(), e, dir, modeOwn)
	if err != nil {
		t.Fatal(err)
	}
	return e, d
}

// sineMP3 is a short valid MP3 for fake speech backends.
func sineMP3(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "tts", "testdata", "sine.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
