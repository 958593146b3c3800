// Package service is the toolkit HTTP speech backends share: a Service
// holds a backend's voice map, HTTP client, retry policy and cap on requests
// in flight; Call, Do and DoJSON build and send one request; CheckStatus, ReadBody
// and CheckMP3 classify what came back, marking what may be retried as a
// *tts.RetryableError; Retry waits out 429 and 5xx answers, honouring
// Retry-After.
package service

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"time"
	"unicode/utf8"

	"dxnews/tts"
)

// Options are the settings every HTTP service backend's Config embeds.
// Zero fields take the backend's defaults.
type Options struct {
	// Timeout bounds each HTTP exchange, body included, whatever the Client.
	Timeout time.Duration
	// Concurrency caps requests in flight.
	Concurrency int
	// Backoff governs retries of 429 and 5xx answers.
	Backoff Backoff
	// Client is the HTTP client [a new client with Timeout].
	Client *http.Client
}

// Service is the part every HTTP speech backend shares: its voice mapping,
// HTTP client, retry policy and cap on requests in flight. It is safe for
// concurrent use.
type Service struct {
	name    string
	voices  map[string]string
	backoff Backoff
	client  *http.Client
	timeout time.Duration
	lim     *Limiter
}

// New returns the shared part of the named backend. voices maps
// dxnews voice IDs to the service's voices, defaultVoices when nil; the
// map is copied. Zero Timeout and Concurrency in opts take those of
// defaults, and a nil Client becomes a new client with the Timeout.
func New(name string, voices, defaultVoices map[string]string, opts, defaults Options) *Service {
	if voices == nil {
		voices = defaultVoices
	}
	if opts.Timeout <= 0 {
		opts.Timeout = defaults.Timeout
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = defaults.Concurrency
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: opts.Timeout}
	}
	return &Service{
		name:    name,
		voices:  maps.Clone(voices),
		backoff: opts.Backoff,
		client:  opts.Client,
		timeout: opts.Timeout,
		lim:     NewLimiter(opts.Concurrency),
	}
}

// Name returns the backend's name.
func (s *Service) Name() string { return s.name }

// Voices returns the dxnews voice IDs configured, sorted.
func (s *Service) Voices() []string { return tts.VoiceIDs(s.voices) }

// Voice maps a dxnews voice ID to the service's voice, failing with
// [tts.VoiceNotFound] when the backend lacks it.
func (s *Service) Voice(id string) (string, error) {
	v, ok := s.voices[id]
	if !ok {
		return "", tts.VoiceNotFound(s.name, id, s.voices)
	}
	return v, nil
}

// Settings returns [tts.VoiceSettings] of head and the voice mapping.
func (s *Service) Settings(head string) string { return tts.VoiceSettings(head, s.voices) }

// Prepare checks a request before anything is sent: it maps the voice
// (see [Service.Voice]) and refuses text of more than max characters.
func (s *Service) Prepare(req tts.Request, max int) (voice string, err error) {
	voice, err = s.Voice(req.Voice)
	if err != nil {
		return "", err
	}
	if n := utf8.RuneCountInString(req.Text); n > max {
		return "", fmt.Errorf("%s: voice %s: text of %d characters exceeds %d", s.name, req.Voice, n, max)
	}
	return voice, nil
}

// Acquire takes one of the backend's request slots for a synthesis in the
// given dxnews voice; the caller calls release when done.
func (s *Service) Acquire(ctx context.Context, voice string) (release func(), err error) {
	if err := s.lim.Acquire(ctx); err != nil {
		return nil, fmt.Errorf("%s: voice %s: %w", s.name, voice, err)
	}
	return s.lim.Release, nil
}

// Retry calls fn by the backend's Backoff (see [Retry]).
func (s *Service) Retry(ctx context.Context, fn func(ctx context.Context) error) error {
	return Retry(ctx, s.backoff, fn)
}

// Attempt calls fn by the backend's Backoff (see [Retry]) and returns its
// result. A failure reads "<backend>: voice <id> (<label>): …", where voice
// is the dxnews voice ID and label names the service's voice.
func Attempt[T any](ctx context.Context, s *Service, voice, label string, fn func(ctx context.Context) (T, error)) (T, error) {
	var out T
	err := Retry(ctx, s.backoff, func(ctx context.Context) error {
		var err error
		out, err = fn(ctx)
		return err
	})
	if err != nil {
		var zero T
		return zero, fmt.Errorf("%s: voice %s (%s): %w", s.name, voice, label, err)
	}
	return out, nil
}

// Sleep waits for d, or until ctx is done, the way the backend's Backoff
// waits.
func (s *Service) Sleep(ctx context.Context, d time.Duration) error {
	if s.backoff.Sleep != nil {
		return s.backoff.Sleep(ctx, d)
	}
	return Sleep(ctx, d)
}

// Timeout returns the bound on one HTTP exchange.
func (s *Service) Timeout() time.Duration { return s.timeout }

// Client returns the backend's HTTP client.
func (s *Service) Client() *http.Client { return s.client }
