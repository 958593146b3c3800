// Package openai is the backend for any OpenAI-compatible speech server
// (POST /v1/audio/speech), such as self-hosted Vietnamese models behind
// openedai-speech or viet-tts. The voice mapping is configuration, since
// each server names its voices differently.
package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"dxnews/tts"
)

// MaxChunk is the API's input limit in characters.
const MaxChunk = 4096

// DefaultModel is sent when no model is configured.
const DefaultModel = "tts-1"

// DefaultVoices asks the server for voices named like dxnews voices; point
// them at the server's own names with DXNEWS_OPENAI_TTS_VOICES.
var DefaultVoices = map[string]string{
	"north-female": "north-female",
	"north-male":   "north-male",
	"south-female": "south-female",
	"south-male":   "south-male",
}

// Config configures the backend. Zero fields take defaults.
type Config struct {
	// URL is the server's base URL ("http://localhost:8000") or the full
	// …/v1/audio/speech endpoint.
	URL string
	// Key, when set, is sent as a bearer token.
	Key string
	// Model is the model name [DefaultModel].
	Model string
	// Voices maps dxnews voice IDs to the server's voice names [DefaultVoices].
	Voices map[string]string
	// Speed is 0.25…4.0 [1.0].
	Speed float64
	// Timeout bounds each HTTP request [2m]; self-hosted models can be slow.
	Timeout time.Duration
	// Concurrency caps requests in flight [1].
	Concurrency int
	// Backoff governs retries of 429 and 5xx answers.
	Backoff tts.Backoff
	// Client is the HTTP client [a new client with Timeout].
	Client *http.Client
}

// Synth is the OpenAI-compatible backend; safe for concurrent use.
type Synth struct {
	cfg      Config
	endpoint string
	lim      *tts.Limiter
}

var _ tts.Synthesizer = (*Synth)(nil)

// New validates cfg and returns the backend.
func New(cfg Config) (*Synth, error) {
	if cfg.URL == "" {
		return nil, errors.New("openai: no server URL (DXNEWS_OPENAI_TTS_URL)")
	}
	if cfg.Model == "" {
		cfg.Model = DefaultModel
	}
	if cfg.Voices == nil {
		cfg.Voices = DefaultVoices
	}
	cfg.Voices = maps.Clone(cfg.Voices)
	if cfg.Speed == 0 {
		cfg.Speed = 1
	}
	if cfg.Speed < 0.25 || cfg.Speed > 4 {
		return nil, fmt.Errorf("openai: speed %g outside 0.25…4", cfg.Speed)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 2 * time.Minute
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 1
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: cfg.Timeout}
	}
	return &Synth{cfg: cfg, endpoint: Endpoint(cfg.URL), lim: tts.NewLimiter(cfg.Concurrency)}, nil
}

// Endpoint turns a base URL into the speech endpoint.
func Endpoint(base string) string {
	u := strings.TrimRight(base, "/")
	switch {
	case strings.HasSuffix(u, "/audio/speech"):
		return u
	case strings.HasSuffix(u, "/v1"):
		return u + "/audio/speech"
	default:
		return u + "/v1/audio/speech"
	}
}

// Name returns "openai".
func (s *Synth) Name() string { return "openai" }

// MaxChunk returns the API's 4,096-character input limit.
func (s *Synth) MaxChunk() int { return MaxChunk }

// Voices returns the dxnews voice IDs configured, sorted.
func (s *Synth) Voices() []string { return slices.Sorted(maps.Keys(s.cfg.Voices)) }

// Settings describes server, model, voices and speed, for the cache key.
func (s *Synth) Settings() string {
	var b strings.Builder
	fmt.Fprintf(&b, "endpoint=%s;model=%s;speed=%g", s.endpoint, s.cfg.Model, s.cfg.Speed)
	for _, id := range s.Voices() {
		fmt.Fprintf(&b, ";%s=%s", id, s.cfg.Voices[id])
	}
	return b.String()
}

// speechRequest is the /v1/audio/speech body.
type speechRequest struct {
	Model          string  `json:"model"`
	Input          string  `json:"input"`
	Voice          string  `json:"voice"`
	ResponseFormat string  `json:"response_format"`
	Speed          float64 `json:"speed"`
}

// Synthesize posts the text and returns the MP3 in the answer.
func (s *Synth) Synthesize(ctx context.Context, req tts.Request) (tts.Audio, error) {
	voice, ok := s.cfg.Voices[req.Voice]
	if !ok {
		return tts.Audio{}, tts.VoiceNotFound("openai", req.Voice, s.cfg.Voices)
	}
	if n := utf8.RuneCountInString(req.Text); n > MaxChunk {
		return tts.Audio{}, fmt.Errorf("openai: voice %s: text of %d characters exceeds %d", req.Voice, n, MaxChunk)
	}
	body, err := json.Marshal(speechRequest{
		Model: s.cfg.Model, Input: req.Text, Voice: voice, ResponseFormat: "mp3", Speed: s.cfg.Speed,
	})
	if err != nil {
		return tts.Audio{}, fmt.Errorf("openai: %w", err)
	}
	if err := s.lim.Acquire(ctx); err != nil {
		return tts.Audio{}, fmt.Errorf("openai: voice %s: %w", req.Voice, err)
	}
	defer s.lim.Release()
	var data []byte
	err = tts.Retry(ctx, s.cfg.Backoff, func(ctx context.Context) error {
		var err error
		data, err = s.post(ctx, body)
		return err
	})
	if err != nil {
		return tts.Audio{}, fmt.Errorf("openai: voice %s (%s): %w", req.Voice, voice, err)
	}
	return tts.Audio{Data: data, Format: "mp3"}, nil
}

func (s *Synth) post(ctx context.Context, body []byte) ([]byte, error) {
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, s.endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	hr.Header.Set("Content-Type", "application/json")
	if s.cfg.Key != "" {
		hr.Header.Set("Authorization", "Bearer "+s.cfg.Key)
	}
	resp, err := s.cfg.Client.Do(hr)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if err := tts.CheckStatus(resp); err != nil {
		return nil, err
	}
	data, err := tts.ReadBody(resp.Body, 64<<20)
	if err != nil {
		return nil, err
	}
	if len(data) < 4 || !(string(data[:3]) == "ID3" || (data[0] == 0xff && data[1]&0xe0 == 0xe0)) {
		return nil, fmt.Errorf("answer is not MP3 audio (%s): %q", resp.Header.Get("Content-Type"), data[:min(len(data), 200)])
	}
	return data, nil
}
