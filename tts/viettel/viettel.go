// Package viettel is the Viettel AI text-to-speech backend: a JSON post with
// the token in the body answers with the MP3 itself.
package viettel

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

// DefaultURL is Viettel AI's synthesis endpoint.
const DefaultURL = "https://viettelai.vn/tts/speech_synthesis"

// DefaultMaxChunk is the chunk size, in characters, that existing Viettel
// clients use; Viettel documents no limit.
const DefaultMaxChunk = 300

// DefaultVoices maps dxnews voices to Viettel AI voices (hn- northern,
// hcm- southern, hue- central).
var DefaultVoices = map[string]string{
	"north-female":   "hn-quynhanh",
	"north-male":     "hn-thanhtung",
	"south-female":   "hcm-diemmy",
	"south-male":     "hcm-minhquan",
	"central-female": "hue-maingoc",
	"central-male":   "hue-baoquoc",
}

// Config configures the backend. Zero fields take defaults.
type Config struct {
	Token string
	// URL is the synthesis endpoint [DefaultURL].
	URL string
	// Voices maps dxnews voice IDs to Viettel voices [DefaultVoices].
	Voices map[string]string
	// Speed is 0.7…1.3 [1.0].
	Speed float64
	// MaxChunk is the largest chunk sent, in characters [DefaultMaxChunk].
	MaxChunk int
	// Timeout bounds each HTTP request [30s].
	Timeout time.Duration
	// Concurrency caps requests in flight [2].
	Concurrency int
	// Backoff governs retries of 429 and 5xx answers.
	Backoff tts.Backoff
	// Client is the HTTP client [a new client with Timeout].
	Client *http.Client
}

// Synth is the Viettel AI backend; safe for concurrent use.
type Synth struct {
	cfg Config
	lim *tts.Limiter
}

var _ tts.Synthesizer = (*Synth)(nil)

// New validates cfg and returns the backend.
func New(cfg Config) (*Synth, error) {
	if cfg.Token == "" {
		return nil, errors.New("viettel: no token (DXNEWS_VIETTEL_TOKEN)")
	}
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	if cfg.Voices == nil {
		cfg.Voices = DefaultVoices
	}
	cfg.Voices = maps.Clone(cfg.Voices)
	if cfg.Speed == 0 {
		cfg.Speed = 1
	}
	if cfg.Speed < 0.7 || cfg.Speed > 1.3 {
		return nil, fmt.Errorf("viettel: speed %g outside 0.7…1.3", cfg.Speed)
	}
	if cfg.MaxChunk <= 0 {
		cfg.MaxChunk = DefaultMaxChunk
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 2
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: cfg.Timeout}
	}
	return &Synth{cfg: cfg, lim: tts.NewLimiter(cfg.Concurrency)}, nil
}

// Name returns "viettel".
func (s *Synth) Name() string { return "viettel" }

// MaxChunk returns the configured chunk limit.
func (s *Synth) MaxChunk() int { return s.cfg.MaxChunk }

// Voices returns the dxnews voice IDs configured, sorted.
func (s *Synth) Voices() []string { return slices.Sorted(maps.Keys(s.cfg.Voices)) }

// Settings describes the voice mapping and speed, for the cache key.
func (s *Synth) Settings() string {
	var b strings.Builder
	fmt.Fprintf(&b, "speed=%g", s.cfg.Speed)
	for _, id := range s.Voices() {
		fmt.Fprintf(&b, ";%s=%s", id, s.cfg.Voices[id])
	}
	return b.String()
}

// request is Viettel AI's JSON body.
type request struct {
	Text            string  `json:"text"`
	Voice           string  `json:"voice"`
	Speed           float64 `json:"speed"`
	TTSReturnOption int     `json:"tts_return_option"`
	Token           string  `json:"token"`
	WithoutFilter   bool    `json:"without_filter"`
}

// Synthesize posts the text and returns the MP3 in the answer.
func (s *Synth) Synthesize(ctx context.Context, req tts.Request) (tts.Audio, error) {
	voice, ok := s.cfg.Voices[req.Voice]
	if !ok {
		return tts.Audio{}, tts.VoiceNotFound("viettel", req.Voice, s.cfg.Voices)
	}
	if n := utf8.RuneCountInString(req.Text); n > s.cfg.MaxChunk {
		return tts.Audio{}, fmt.Errorf("viettel: voice %s: text of %d characters exceeds %d", req.Voice, n, s.cfg.MaxChunk)
	}
	body, err := json.Marshal(request{
		Text: req.Text, Voice: voice, Speed: s.cfg.Speed,
		TTSReturnOption: 3, // MP3
		Token:           s.cfg.Token,
	})
	if err != nil {
		return tts.Audio{}, fmt.Errorf("viettel: %w", err)
	}
	if err := s.lim.Acquire(ctx); err != nil {
		return tts.Audio{}, fmt.Errorf("viettel: voice %s: %w", req.Voice, err)
	}
	defer s.lim.Release()
	var data []byte
	err = tts.Retry(ctx, s.cfg.Backoff, func(ctx context.Context) error {
		var err error
		data, err = s.post(ctx, body)
		return err
	})
	if err != nil {
		return tts.Audio{}, fmt.Errorf("viettel: voice %s (%s): %w", req.Voice, voice, err)
	}
	return tts.Audio{Data: data, Format: "mp3"}, nil
}

func (s *Synth) post(ctx context.Context, body []byte) ([]byte, error) {
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.URL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Accept", "audio/mpeg, */*")
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
	if !looksLikeMP3(data) {
		// Errors come back as JSON or text with status 200.
		return nil, fmt.Errorf("answer is not MP3 audio (%s): %q", resp.Header.Get("Content-Type"), snippet(data))
	}
	return data, nil
}

func looksLikeMP3(b []byte) bool {
	return len(b) >= 4 && (string(b[:3]) == "ID3" || (b[0] == 0xff && b[1]&0xe0 == 0xe0))
}

func snippet(b []byte) string {
	if len(b) > 200 {
		b = b[:200]
	}
	return string(b)
}
