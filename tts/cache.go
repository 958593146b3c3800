package tts

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"

	"dxnews/internal/atomicfile"
	"dxnews/tts/loudness"
)

// finite replaces the -Inf of silence, which JSON cannot carry, with -999.
func finite(m loudness.Measurement) loudness.Measurement {
	if math.IsInf(m.Integrated, 0) || math.IsNaN(m.Integrated) {
		m.Integrated = -999
	}
	if math.IsInf(m.TruePeak, 0) || math.IsNaN(m.TruePeak) {
		m.TruePeak = -999
	}
	return m
}

// cacheFormat versions the cache layout and key derivation; bump it when
// either changes so old entries are ignored.
const cacheFormat = "dxnews-tts-2"

// Cache stores finished speech on disk, addressed by a hash of everything
// that determines the audio: normalised text, voice, backend and settings.
// An unchanged article is therefore never synthesised twice. Writes are
// atomic (temporary file, then rename), so readers never see half a file.
type Cache struct {
	dir string
}

// cacheMeta is the JSON stored beside each MP3.
type cacheMeta struct {
	Timings    []Timing `json:"timings"`
	DurationMS int64    `json:"duration_ms"`
	Backend    string   `json:"backend"`
	Voice      string   `json:"voice"`
	Bytes      int      `json:"bytes"`
	// Loudness is measured on the stored MP3; GainDB is what was applied.
	Loudness loudness.Measurement `json:"loudness"`
	GainDB   float64              `json:"gain_db"`
}

// NewCache opens (creating if needed) a cache in dir.
func NewCache(dir string) (*Cache, error) {
	if dir == "" {
		return nil, errors.New("tts: cache: empty directory")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("tts: cache: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// CacheKey derives the content address of a speech from the normalised
// text, the voice ID, the backend name and the backend's settings.
func CacheKey(normalized, voice, backend, settings string) string {
	h := sha256.New()
	for _, part := range []string{cacheFormat, backend, settings, voice, normalized} {
		fmt.Fprintf(h, "%d:%s\n", len(part), part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Path returns where the MP3 for key lives (whether or not it exists yet).
func (c *Cache) Path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".mp3")
}

func (c *Cache) metaPath(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// Get returns the cached speech for key. ok is false when there is none.
func (c *Cache) Get(key string) (s Speech, ok bool, err error) {
	if len(key) < 3 {
		return Speech{}, false, fmt.Errorf("tts: cache: bad key %q", key)
	}
	mb, err := os.ReadFile(c.metaPath(key))
	if errors.Is(err, fs.ErrNotExist) {
		return Speech{}, false, nil
	}
	if err != nil {
		return Speech{}, false, fmt.Errorf("tts: cache: %w", err)
	}
	var m cacheMeta
	if err := json.Unmarshal(mb, &m); err != nil {
		return Speech{}, false, fmt.Errorf("tts: cache: %s: %w", c.metaPath(key), err)
	}
	audio, err := os.ReadFile(c.Path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return Speech{}, false, nil
	}
	if err != nil {
		return Speech{}, false, fmt.Errorf("tts: cache: %w", err)
	}
	if len(audio) != m.Bytes {
		// A crash between the two renames, or a foreign edit: treat as a miss.
		return Speech{}, false, nil
	}
	return Speech{
		MP3: audio, Timings: m.Timings, DurationMS: m.DurationMS,
		Backend: m.Backend, Voice: m.Voice, Key: key, Cached: true,
		Loudness: m.Loudness, GainDB: m.GainDB,
	}, true, nil
}

// Put stores s under key: the MP3 first, then the metadata that makes the
// entry visible, each written to a temporary file and renamed into place.
func (c *Cache) Put(key string, s Speech) error {
	if len(key) < 3 {
		return fmt.Errorf("tts: cache: bad key %q", key)
	}
	if err := os.MkdirAll(filepath.Dir(c.Path(key)), 0o755); err != nil {
		return fmt.Errorf("tts: cache: %w", err)
	}
	timings := s.Timings
	if timings == nil {
		timings = []Timing{}
	}
	meta, err := json.Marshal(cacheMeta{
		Timings: timings, DurationMS: s.DurationMS,
		Backend: s.Backend, Voice: s.Voice, Bytes: len(s.MP3),
		Loudness: finite(s.Loudness), GainDB: s.GainDB,
	})
	if err != nil {
		return fmt.Errorf("tts: cache: %w", err)
	}
	if err := atomicfile.Write(c.Path(key), s.MP3, 0o644); err != nil {
		return fmt.Errorf("tts: cache: %w", err)
	}
	if err := atomicfile.Write(c.metaPath(key), meta, 0o644); err != nil {
		return fmt.Errorf("tts: cache: %w", err)
	}
	return nil
}

// Chunk entries hold the audio of single chunks while an article is being
// spoken, so that a run that failed part-way resumes without paying for the
// chunks that had succeeded. They are removed once the article is stored.

func (c *Cache) chunkPath(key string) string {
	return filepath.Join(c.dir, "chunks", key[:2], key+".mp3")
}

func (c *Cache) getChunk(key string) ([]byte, bool) {
	b, err := os.ReadFile(c.chunkPath(key))
	if err != nil || len(b) == 0 {
		return nil, false
	}
	return b, true
}

func (c *Cache) putChunk(key string, frames []byte) error {
	p := c.chunkPath(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(p, frames, 0o644)
}

func (c *Cache) dropChunks(keys []string) {
	for _, k := range keys {
		os.Remove(c.chunkPath(k))
	}
}
