// Package fpt is the FPT.AI text-to-speech v5 backend. A request posts the
// raw text with the key and voice in headers; FPT answers with an "async"
// link where the MP3 appears after a few seconds to a few minutes, which
// this backend polls until the audio exists or a deadline passes.
package fpt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"dxnews/tts"
)

// DefaultURL is FPT.AI's v5 endpoint.
const DefaultURL = "https://api.fpt.ai/hmi/tts/v5"

// MaxChunk is FPT.AI's per-request limit in characters.
const MaxChunk = 5000

// DefaultVoices maps dxnews voices to FPT.AI voices. minhquang (southern
// male) comes from third-party voice lists, not FPT's own documentation;
// remove it with DXNEWS_FPT_VOICES="south-male=" if the account lacks it.
var DefaultVoices = map[string]string{
	"north-female":   "banmai",
	"north-male":     "leminh",
	"south-female":   "lannhi",
	"south-male":     "minhquang",
	"central-female": "myan",
	"central-male":   "giahuy",
}

// Config configures the backend. Zero fields take defaults.
type Config struct {
	APIKey string
	// URL is the synthesis endpoint [DefaultURL].
	URL string
	// Voices maps dxnews voice IDs to FPT voices [DefaultVoices].
	Voices map[string]string
	// Speed is FPT's speed header, -3 … +3 [0].
	Speed int
	// Timeout bounds each HTTP request [30s].
	Timeout time.Duration
	// PollInterval is the first wait before fetching the async link; waits
	// then double up to 5 s [1s].
	PollInterval time.Duration
	// PollDeadline bounds the wait for the async audio [3m].
	PollDeadline time.Duration
	// Concurrency caps requests in flight [2].
	Concurrency int
	// Backoff governs retries of 429 and 5xx answers.
	Backoff tts.Backoff
	// Client is the HTTP client [a new client with Timeout].
	Client *http.Client
}

// Synth is the FPT.AI backend; safe for concurrent use.
type Synth struct {
	cfg Config
	lim *tts.Limiter
}

var _ tts.Synthesizer = (*Synth)(nil)

// New validates cfg and returns the backend.
func New(cfg Config) (*Synth, error) {
	if cfg.APIKey == "" {
		return nil, errors.New("fpt: no API key (DXNEWS_FPT_API_KEY)")
	}
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	if cfg.Voices == nil {
		cfg.Voices = DefaultVoices
	}
	cfg.Voices = maps.Clone(cfg.Voices)
	if cfg.Speed < -3 || cfg.Speed > 3 {
		return nil, fmt.Errorf("fpt: speed %d outside -3…3", cfg.Speed)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.PollDeadline <= 0 {
		cfg.PollDeadline = 3 * time.Minute
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 2
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: cfg.Timeout}
	}
	return &Synth{cfg: cfg, lim: tts.NewLimiter(cfg.Concurrency)}, nil
}

// Name returns "fpt".
func (s *Synth) Name() string { return "fpt" }

// MaxChunk returns FPT.AI's 5,000-character limit.
func (s *Synth) MaxChunk() int { return MaxChunk }

// Voices returns the dxnews voice IDs configured, sorted.
func (s *Synth) Voices() []string { return slices.Sorted(maps.Keys(s.cfg.Voices)) }

// Settings describes the voice mapping and speed, for the cache key.
func (s *Synth) Settings() string {
	var b strings.Builder
	fmt.Fprintf(&b, "speed=%d", s.cfg.Speed)
	for _, id := range s.Voices() {
		fmt.Fprintf(&b, ";%s=%s", id, s.cfg.Voices[id])
	}
	return b.String()
}

// response is FPT.AI's answer to a synthesis request.
type response struct {
	Async     string `json:"async"`
	Error     int    `json:"error"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
}

// Synthesize requests the audio and polls the async link until it exists.
func (s *Synth) Synthesize(ctx context.Context, req tts.Request) (tts.Audio, error) {
	voice, ok := s.cfg.Voices[req.Voice]
	if !ok {
		return tts.Audio{}, tts.VoiceNotFound("fpt", req.Voice, s.cfg.Voices)
	}
	if n := len([]rune(req.Text)); n > MaxChunk {
		return tts.Audio{}, fmt.Errorf("fpt: voice %s: text of %d characters exceeds %d", req.Voice, n, MaxChunk)
	}
	if err := s.lim.Acquire(ctx); err != nil {
		return tts.Audio{}, fmt.Errorf("fpt: voice %s: %w", req.Voice, err)
	}
	defer s.lim.Release()

	var res response
	err := tts.Retry(ctx, s.cfg.Backoff, func(ctx context.Context) error {
		var err error
		res, err = s.request(ctx, voice, req.Text)
		return err
	})
	if err != nil {
		return tts.Audio{}, fmt.Errorf("fpt: voice %s (%s): %w", req.Voice, voice, err)
	}
	data, err := s.poll(ctx, res.Async)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("fpt: voice %s (%s), request %s: %w", req.Voice, voice, res.RequestID, err)
	}
	return tts.Audio{Data: data, Format: "mp3"}, nil
}

func (s *Synth) request(ctx context.Context, voice, text string) (response, error) {
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.URL, strings.NewReader(text))
	if err != nil {
		return response{}, err
	}
	hr.Header.Set("api_key", s.cfg.APIKey)
	hr.Header.Set("voice", voice)
	hr.Header.Set("speed", fmt.Sprint(s.cfg.Speed))
	hr.Header.Set("format", "mp3")
	hr.Header.Set("Content-Type", "text/plain; charset=utf-8")
	resp, err := s.cfg.Client.Do(hr)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	if err := tts.CheckStatus(resp); err != nil {
		return response{}, err
	}
	body, err := tts.ReadBody(resp.Body, 1<<20)
	if err != nil {
		return response{}, err
	}
	var res response
	if err := json.Unmarshal(body, &res); err != nil {
		return response{}, fmt.Errorf("reading answer %q: %w", snippet(body), err)
	}
	if res.Error != 0 {
		return response{}, fmt.Errorf("error %d: %s", res.Error, res.Message)
	}
	if res.Async == "" {
		return response{}, fmt.Errorf("answer has no async link: %q", snippet(body))
	}
	return res, nil
}

// poll fetches the async link until it serves audio. Until then FPT's file
// host answers 404 (or 403, or an empty body); those and 5xx are waited out
// up to PollDeadline.
func (s *Synth) poll(ctx context.Context, link string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.PollDeadline)
	defer cancel()
	wait := s.cfg.PollInterval
	sleep := s.cfg.Backoff.Sleep
	if sleep == nil {
		sleep = tts.Sleep
	}
	for tries := 0; ; tries++ {
		if err := sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("audio not ready at %s after %d tries: %w", link, tries, err)
		}
		data, ready, err := s.fetch(ctx, link)
		if err != nil {
			return nil, err
		}
		if ready {
			return data, nil
		}
		wait = min(wait*2, 5*time.Second)
	}
}

func (s *Synth) fetch(ctx context.Context, link string) (data []byte, ready bool, err error) {
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return nil, false, err
	}
	resp, err := s.cfg.Client.Do(hr)
	if err != nil {
		// A network failure or the deadline: the poll loop retries or
		// reports the deadline.
		return nil, false, nil
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusForbidden ||
		resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, false, nil
	case resp.StatusCode != http.StatusOK:
		return nil, false, tts.CheckStatus(resp)
	}
	body, err := tts.ReadBody(resp.Body, 64<<20)
	if err != nil {
		return nil, false, fmt.Errorf("downloading %s: %w", link, err)
	}
	if len(body) == 0 {
		return nil, false, nil
	}
	return body, true, nil
}

func snippet(b []byte) string {
	if len(b) > 200 {
		b = b[:200]
	}
	return string(b)
}
