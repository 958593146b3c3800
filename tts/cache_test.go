package tts

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dxnews/tts/loudness"
)

func TestCacheKeyCoversEveryInput(t *testing.T) {
	base := CacheKey("xin chào", "north-female", "espeak", "speed=165")
	variants := map[string]string{
		"text":     CacheKey("xin chao", "north-female", "espeak", "speed=165"),
		"voice":    CacheKey("xin chào", "north-male", "espeak", "speed=165"),
		"backend":  CacheKey("xin chào", "north-female", "fpt", "speed=165"),
		"settings": CacheKey("xin chào", "north-female", "espeak", "speed=170"),
		// Field boundaries are unambiguous.
		"shifted": CacheKey("xin chào", "north-femal", "eespeak", "speed=165"),
	}
	for name, k := range variants {
		if k == base {
			t.Errorf("changing %s keeps the key", name)
		}
	}
	if base != CacheKey("xin chào", "north-female", "espeak", "speed=165") || len(base) != 64 {
		t.Errorf("key %q is not a stable SHA-256 hex", base)
	}
}

func TestCachePutGet(t *testing.T) {
	dir := t.TempDir()
	c, err := NewCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	key := CacheKey("một câu.", "south-female", "fake", "")
	if _, ok, err := c.Get(key); ok || err != nil {
		t.Fatalf("empty cache: ok=%v err=%v", ok, err)
	}
	in := Speech{MP3: readTestdata(t, "sine.mp3"), Timings: []Timing{{0, 640, "một câu.", 0}}, DurationMS: 640, Backend: "fake", Voice: "south-female",
		Loudness: loudness.Measurement{Integrated: -16.1, TruePeak: -1.4}, GainDB: 3.2}
	if err := c.Put(key, in); err != nil {
		t.Fatal(err)
	}
	out, ok, err := c.Get(key)
	if err != nil || !ok {
		t.Fatalf("Get after Put: ok=%v err=%v", ok, err)
	}
	if !bytes.Equal(out.MP3, in.MP3) || out.Timings[0] != in.Timings[0] || out.DurationMS != 640 ||
		out.Backend != "fake" || out.Voice != "south-female" || !out.Cached || out.Key != key ||
		out.Loudness != in.Loudness || out.GainDB != in.GainDB {
		t.Errorf("round trip changed the speech: %+v", out)
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(filepath.Join(dir, key[:2]))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	// An MP3 that does not match its metadata (torn write) is a miss.
	if err := os.WriteFile(c.Path(key), in.MP3[:100], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := c.Get(key); ok || err != nil {
		t.Errorf("truncated entry: ok=%v err=%v, want a miss", ok, err)
	}
	// Corrupt metadata is an error, not a silent hit.
	os.WriteFile(filepath.Join(dir, key[:2], key+".json"), []byte("{"), 0o644)
	if _, ok, err := c.Get(key); ok || err == nil {
		t.Errorf("corrupt metadata: ok=%v err=%v", ok, err)
	}
	if _, err := NewCache(""); err == nil {
		t.Error("NewCache(\"\") succeeded")
	}
}
