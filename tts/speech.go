package tts

import (
	"fmt"
	"math"
	"strings"

	"golang.org/x/text/unicode/norm"

	"dxnews/article"
	"dxnews/tts/loudness"
	"dxnews/tts/normalize"
)

// Loudness is a published loudness target.
type Loudness struct {
	// Integrated loudness in LUFS (BS.1770-4, gated).
	Integrated float64
	// TruePeak is the highest true peak allowed, in dBTP.
	TruePeak float64
}

// PodcastLoudness is what podcast apps and platforms expect of speech:
// −16 LUFS integrated, true peak at most −1 dBTP.
var PodcastLoudness = Loudness{Integrated: -16, TruePeak: -1}

// Timing places one sentence in the audio.
type Timing struct {
	StartMS int64  `json:"start_ms"`
	EndMS   int64  `json:"end_ms"`
	Text    string `json:"text"`
	// Paragraph is the index of the sentence's paragraph in the spoken text
	// (paragraphs are separated by blank lines); -1 when unknown.
	Paragraph int `json:"paragraph"`
}

// Speech is one article read in one voice.
type Speech struct {
	MP3        []byte
	Timings    []Timing
	DurationMS int64
	Backend    string
	Voice      string
	// Key is the content address of this speech (see [CacheKey]).
	Key string
	// Cached is true when the speech came from the cache.
	Cached bool
	// Chunks is how many requests the backend served (0 when cached).
	Chunks int
	// Loudness is measured on the published MP3 as decoded.
	Loudness loudness.Measurement
	// GainDB is the gain normalisation applied before limiting.
	GainDB float64
	// Chapters are set by [Speech.ForArticle].
	Chapters []article.Chapter
}

// Audio describes the speech for an article record, served at url.
func (s Speech) Audio(url string) article.Audio {
	return article.Audio{
		Voice: s.Voice, URL: url, DurationMS: s.DurationMS, Bytes: int64(len(s.MP3)), Backend: s.Backend,
		LoudnessLUFS: round2(s.Loudness.Integrated), TruePeakDBTP: round2(s.Loudness.TruePeak),
		GainDB: round2(s.GainDB), Chapters: s.Chapters,
	}
}

func round2(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0
	}
	return math.Round(v*100) / 100
}

// Spoken returns exactly the text a backend is given for text in voice:
// NFC, then spoken-form normalisation for the voice's region.
func Spoken(text, voice string) (string, error) {
	v, err := article.LookupVoice(voice)
	if err != nil {
		return "", fmt.Errorf("tts: %w", err)
	}
	return strings.TrimSpace(normalize.Text(norm.NFC.String(text), v.Region)), nil
}
