// Package tts turns article text into speech: it defines the Synthesizer
// contract every speech backend implements, and assembles one MP3 per article
// and voice, with sentence timings, out of the chunks a backend returns.
//
// Backends live in sub-packages (espeak, fpt, zalo, viettel, openai); this
// package never imports them. Spoken-form normalisation lives in
// tts/normalize, MP3 frames, decoding and encoding in tts/mp3, and the HTTP
// toolkit the service backends share in tts/service.
package tts

import (
	"context"
	"fmt"
	"time"
)

// Request is one chunk of text to synthesise.
type Request struct {
	// Text is already normalised to its spoken form and within the backend's
	// chunk limit.
	Text string
	// Voice is a dxnews voice ID ("north-female", "south-male", …); each
	// backend maps it to its own voice and fails on a voice it lacks.
	Voice string
}

// Audio is synthesised speech.
type Audio struct {
	Data []byte
	// Format is "mp3" or "wav" (16-bit PCM, mono or stereo). A backend
	// that has PCM should return WAV: the Speaker normalises loudness and
	// encodes once, so no lossy generation is spent before the gain.
	Format string
}

// Synthesizer turns a chunk of normalised text into audio.
//
// Synthesize must return when ctx is cancelled, must be safe for concurrent
// use (it may cap its own concurrency), and must fail with an error naming
// the backend and voice when the voice is unknown to it, never substituting
// another. Failures worth retrying later (HTTP 429 and 5xx) are returned as,
// or wrap, a *RetryableError.
type Synthesizer interface {
	Synthesize(ctx context.Context, req Request) (Audio, error)
	// Name identifies the backend ("espeak", "fpt", …).
	Name() string
}

// ChunkLimiter is implemented by backends that accept at most MaxChunk
// characters (runes) of text per request.
type ChunkLimiter interface {
	MaxChunk() int
}

// VoiceLister is implemented by backends that can say which dxnews voice
// IDs they offer.
type VoiceLister interface {
	Voices() []string
}

// Settingser is implemented by backends whose output depends on settings
// beyond the text and voice (voice mapping, speed, model, bitrate). The
// returned string is part of the cache key, so a settings change means a
// fresh synthesis.
type Settingser interface {
	Settings() string
}

// Backend is a Synthesizer with every optional interface. Each backend in
// dxnews implements it and says so at compile time,
//
//	var _ tts.Backend = (*Synth)(nil)
//
// so that a missing or misspelt method fails the build, not the cache key
// or the chunking. The Speaker itself needs only a Synthesizer.
type Backend interface {
	Synthesizer
	ChunkLimiter
	VoiceLister
	Settingser
}

// RetryableError marks a failure that may succeed if tried again, such as an
// HTTP 429 or 5xx answer. RetryAfter is the wait the server asked for, or 0.
type RetryableError struct {
	Err        error
	RetryAfter time.Duration
}

func (e *RetryableError) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("%v (retry after %s)", e.Err, e.RetryAfter)
	}
	return e.Err.Error()
}

func (e *RetryableError) Unwrap() error { return e.Err }
