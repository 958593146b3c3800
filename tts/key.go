package tts

import (
	"fmt"
	"strconv"
)

// normaliseVersion names the normalisation algorithm in the cache key;
// bump it when the limiter or the measurement changes.
const normaliseVersion = "bs1770-limiter-1"

// Key returns the cache key Speak uses for text in voice.
func (s *Speaker) Key(text, voice string) (string, error) {
	spoken, err := Spoken(text, voice)
	if err != nil {
		return "", err
	}
	return s.key(spoken, voice), nil
}

func (s *Speaker) key(spoken, voice string) string {
	l := s.loudness()
	settings := "max_chunk=" + strconv.Itoa(s.maxChunk()) +
		fmt.Sprintf(";loudness=%s;lufs=%.2f;tp=%.2f;", normaliseVersion, l.Integrated, l.TruePeak) + s.encoder().Settings()
	if st, ok := s.Backend.(Settingser); ok {
		settings += ";" + st.Settings()
	}
	return CacheKey(spoken, voice, s.Backend.Name(), settings)
}

func (s *Speaker) chunkKey(text, voice string) string {
	settings := ""
	if st, ok := s.Backend.(Settingser); ok {
		settings = st.Settings()
	}
	return CacheKey(text, voice, s.Backend.Name(), "chunk;"+settings)
}
