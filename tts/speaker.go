package tts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"unicode/utf8"

	"dxnews/article"
	"dxnews/tts/mp3"
)

// DefaultMaxChunk is the chunk limit used when neither the Speaker nor the
// backend sets one.
const DefaultMaxChunk = 2000

// Speaker turns an article text into one MP3 per voice with sentence
// timings. The zero value is not usable: Backend must be set.
type Speaker struct {
	Backend Synthesizer
	// MaxChunk caps each request's size as measured by ChunkSize. 0 means the
	// backend's own limit ([ChunkLimiter]) or DefaultMaxChunk.
	MaxChunk int
	// ChunkSize measures a chunk; nil counts runes.
	ChunkSize func(string) int
	// Cache, when set, is consulted before and filled after synthesis.
	Cache *Cache
	// Concurrency bounds the chunks in flight for one Speak call; 0 means 2.
	Concurrency int
	// Logger receives per-chunk debug records; nil discards them.
	Logger *slog.Logger
	// OnChunk, when set, is called with each chunk's audio as the backend
	// returned it, in order, as soon as that chunk and all before it are
	// ready: the first call is the first playable audio. The published MP3
	// is these chunks joined, loudness-normalised and encoded once.
	OnChunk func(index int, audio Audio)
	// Encoder encodes the normalised audio; nil means [mp3.Lame] with its
	// defaults (64 kbit/s mono).
	Encoder mp3.Encoder
	// Loudness is the target every published MP3 meets; the zero value
	// means [PodcastLoudness].
	Loudness Loudness
}

func (s *Speaker) loudness() Loudness {
	if s.Loudness == (Loudness{}) {
		return PodcastLoudness
	}
	return s.Loudness
}

func (s *Speaker) encoder() mp3.Encoder {
	if s.Encoder == nil {
		return &mp3.Lame{}
	}
	return s.Encoder
}

func (s *Speaker) maxChunk() int {
	if s.MaxChunk > 0 {
		return s.MaxChunk
	}
	if l, ok := s.Backend.(ChunkLimiter); ok && l.MaxChunk() > 0 {
		return l.MaxChunk()
	}
	return DefaultMaxChunk
}

func (s *Speaker) size(t string) int {
	if s.ChunkSize != nil {
		return s.ChunkSize(t)
	}
	return utf8.RuneCountInString(t)
}

func (s *Speaker) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

// Speak normalises text for the voice's region, splits it into sentences
// and chunks within the backend's limit, synthesises the chunks (the first
// sentence alone and first, so audio starts quickly; at most Concurrency at
// a time), joins them into one MP3 and times every sentence. A chunk that
// fails fails the whole call with an error naming backend, voice and chunk:
// there is never a partial Speech.
func (s *Speaker) Speak(ctx context.Context, text string, voice string) (Speech, error) {
	if s.Backend == nil {
		return Speech{}, errors.New("tts: speaker has no backend")
	}
	name := s.Backend.Name()
	if vl, ok := s.Backend.(VoiceLister); ok && !slices.Contains(vl.Voices(), voice) {
		if _, err := article.LookupVoice(voice); err != nil {
			return Speech{}, fmt.Errorf("tts: %s: %w", name, err)
		}
		return Speech{}, fmt.Errorf("tts: %s has no voice %q (it has %s)", name, voice, strings.Join(vl.Voices(), ", "))
	}
	spoken, err := Spoken(text, voice)
	if err != nil {
		return Speech{}, err
	}
	if spoken == "" {
		return Speech{}, errors.New("tts: nothing to speak: text is empty after normalisation")
	}
	key := s.key(spoken, voice)
	if s.Cache != nil {
		if sp, ok, err := s.Cache.Get(key); err != nil {
			s.logger().Warn("tts cache read failed", slog.String("key", key), slog.Any("error", err))
		} else if ok {
			return sp, nil
		}
	}

	chunks, err := s.plan(spoken)
	if err != nil {
		return Speech{}, fmt.Errorf("tts: %s voice %s: %w", name, voice, err)
	}
	pcms, err := s.synthesize(ctx, chunks, voice)
	if err != nil {
		return Speech{}, err
	}
	joined, durs, err := joinPCM(pcms)
	if err != nil {
		return Speech{}, fmt.Errorf("tts: %s voice %s: %w", name, voice, err)
	}
	pub, err := s.publish(ctx, joined)
	if err != nil {
		return Speech{}, fmt.Errorf("tts: %s voice %s: %w", name, voice, err)
	}
	timings, _ := timeSentences(chunks, durs)
	shiftTimings(timings, pub.delay, pub.duration)
	sp := Speech{
		MP3: pub.mp3, Timings: timings, DurationMS: pub.duration.Milliseconds(),
		Backend: name, Voice: voice, Key: key, Chunks: len(chunks),
		Loudness: pub.measured, GainDB: pub.gainDB,
	}
	if s.Cache != nil {
		if err := s.Cache.Put(key, sp); err != nil {
			s.logger().Warn("tts cache write failed", slog.String("key", key), slog.Any("error", err))
		} else {
			keys := make([]string, len(chunks))
			for i, c := range chunks {
				keys[i] = s.chunkKey(c.text, voice)
			}
			s.Cache.dropChunks(keys)
		}
	}
	return sp, nil
}
