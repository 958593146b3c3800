package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dxnews/article"
	"dxnews/internal/atomicfile"
)

var validVoice = func(v string) bool {
	if v == "" || len(v) > 40 {
		return false
	}
	for _, r := range v {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}

// AudioPath returns where the MP3 of article id in voice lives; its sentence
// timings sit beside it with the .json extension. It returns "" for an ID or
// voice that could not name a file of the store.
func (s *Store) AudioPath(id, voice string) string {
	// validID without the regular expression: the server asks on every
	// audio request.
	if len(id) != 16 || !article.LowerHex(id) || !validVoice(voice) {
		return ""
	}
	return filepath.Join(s.dir, "audio", id, voice+".mp3")
}

// TimingsPath returns the path of the timings JSON that goes with an MP3 path.
func TimingsPath(mp3Path string) string {
	return strings.TrimSuffix(mp3Path, ".mp3") + ".json"
}

// WriteAudio stores the MP3 and its timings for article id in voice. Both
// files are written atomically, timings first, so a reader never finds an MP3
// without its timings or a half-written file.
func (s *Store) WriteAudio(id, voice string, mp3 []byte, timings any) error {
	p := s.AudioPath(id, voice)
	if p == "" {
		return fmt.Errorf("store: invalid audio name %q/%q", id, voice)
	}
	tj, err := json.Marshal(timings)
	if err != nil {
		return fmt.Errorf("store: encoding timings: %w", err)
	}
	atomicfile.RemoveTempsOf(TimingsPath(p))
	atomicfile.RemoveTempsOf(p)
	if err := s.writeFileAtomic(TimingsPath(p), tj); err != nil {
		return fmt.Errorf("store: writing timings for %s/%s in %s: %w", id, voice, filepath.Dir(p), err)
	}
	if err := s.writeFileAtomic(p, mp3); err != nil {
		return fmt.Errorf("store: writing audio for %s/%s in %s: %w", id, voice, filepath.Dir(p), err)
	}
	return nil
}

// HasAudio reports whether the MP3 of article id in voice exists.
func (s *Store) HasAudio(id, voice string) bool {
	p := s.AudioPath(id, voice)
	if p == "" {
		return false
	}
	_, err := os.Stat(p)
	return err == nil
}
