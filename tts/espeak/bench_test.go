package espeak

import (
	"context"
	"errors"
	"testing"
	"time"

	"dxnews/tts"
	"dxnews/tts/normalize"
)

var fourVoices = []string{"north-female", "north-male", "south-female", "south-male"}

// BenchmarkSpeakArticle synthesises the 2,858-character test article in
// the four voices, uncached. rtf is wall time over audio time.
func BenchmarkSpeakArticle(b *testing.B) {
	s := newSynth(b, Config{})
	text := readArticle(b)
	sp := &tts.Speaker{Backend: s, Concurrency: 2}
	var audio time.Duration
	start := time.Now()
	for b.Loop() {
		for _, v := range fourVoices {
			got, err := sp.Speak(context.Background(), text, v)
			if err != nil {
				b.Fatal(err)
			}
			audio += time.Duration(got.DurationMS) * time.Millisecond
		}
	}
	wall := time.Since(start)
	b.ReportMetric(wall.Seconds()/float64(b.N), "s/4voices")
	b.ReportMetric(audio.Seconds()/float64(b.N)/4, "audio-s/voice")
	b.ReportMetric(wall.Seconds()/audio.Seconds(), "rtf")
}

// BenchmarkFirstAudio measures the time to the first playable audio: with
// the first sentence synthesised alone and first (what Speaker does), and,
// for comparison, when the first request is a full chunk.
func BenchmarkFirstAudio(b *testing.B) {
	s := newSynth(b, Config{})
	text := readArticle(b)
	b.Run("first-sentence-first", func(b *testing.B) {
		for b.Loop() {
			ctx, cancel := context.WithCancel(context.Background())
			start := time.Now()
			var first time.Duration
			sp := &tts.Speaker{Backend: s, Concurrency: 2, OnChunk: func(i int, _ tts.Audio) {
				if i == 0 {
					first = time.Since(start)
					cancel()
				}
			}}
			_, err := sp.Speak(ctx, text, "south-female")
			cancel()
			if err != nil && !errors.Is(err, context.Canceled) {
				b.Fatal(err)
			}
			b.ReportMetric(float64(first.Milliseconds()), "ms-to-first-audio")
		}
	})
	b.Run("full-first-chunk", func(b *testing.B) {
		spoken, err := tts.Spoken(text, "south-female")
		if err != nil {
			b.Fatal(err)
		}
		chunks := normalize.Chunk(normalize.Sentences(spoken), s.MaxChunk(), nil)
		for b.Loop() {
			start := time.Now()
			if _, err := s.Synthesize(context.Background(), tts.Request{Text: chunks[0], Voice: "south-female"}); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-to-first-audio")
		}
	})
}

// BenchmarkCacheHit measures Speak on an unchanged article whose audio is
// cached: normalisation, hashing and two file reads.
func BenchmarkCacheHit(b *testing.B) {
	s := newSynth(b, Config{})
	cache, err := tts.NewCache(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	text := readArticle(b)
	sp := &tts.Speaker{Backend: s, Cache: cache}
	if _, err := sp.Speak(context.Background(), text, "north-male"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		got, err := sp.Speak(context.Background(), text, "north-male")
		if err != nil || !got.Cached {
			b.Fatalf("cached=%v err=%v", got.Cached, err)
		}
	}
}
