// Package fpt is the FPT.AI text-to-speech v5 backend. A request posts the
// raw text with the key and voice in headers; FPT answers with an "async"
// link where the MP3 appears after a few seconds to a few minutes, which
// this backend polls until the audio exists or a deadline passes.
package fpt

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"dxnews/tts"
	"dxnews/tts/service"
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

// Config configures the backend. Zero fields take defaults; the HTTP
// timeout is 30 s and at most 2 requests are in flight.
type Config struct {
	APIKey string
	// URL is the synthesis endpoint [DefaultURL].
	URL string
	// Voices maps dxnews voice IDs to FPT voices [DefaultVoices].
	Voices map[string]string
	// Speed is FPT's speed header, -3 … +3 [0].
	Speed int
	// PollInterval is the first wait before fetching the async link; waits
	// then double up to 5 s [1s].
	PollInterval time.Duration
	// PollDeadline bounds the wait for the async audio [3m].
	PollDeadline time.Duration
	service.Options
}

// Synth is the FPT.AI backend; safe for concurrent use.
type Synth struct {
	cfg Config
	svc *service.Service
}

// Synth implements the Synthesizer contract and every optional interface.
var _ tts.Backend = (*Synth)(nil)

// New validates cfg and returns the backend.
func New(cfg Config) (*Synth, error) {
	err := service.Check("fpt", service.Required("API key", envKey, cfg.APIKey), service.Speed(&cfg.Speed, 0, -3, 3))
	if err != nil {
		return nil, err
	}
	cfg.URL = cmp.Or(cfg.URL, DefaultURL)
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.PollDeadline <= 0 {
		cfg.PollDeadline = 3 * time.Minute
	}
	return &Synth{cfg: cfg, svc: service.New("fpt", cfg.Voices, DefaultVoices, cfg.Options, service.Hosted)}, nil
}

// Name returns "fpt".
func (s *Synth) Name() string { return "fpt" }

// MaxChunk returns FPT.AI's 5,000-character limit.
func (s *Synth) MaxChunk() int { return MaxChunk }

// Voices returns the dxnews voice IDs configured, sorted.
func (s *Synth) Voices() []string { return s.svc.Voices() }

// Settings describes the voice mapping and speed, for the cache key.
func (s *Synth) Settings() string { return s.svc.Settings(fmt.Sprintf("speed=%d", s.cfg.Speed)) }

// response is FPT.AI's answer to a synthesis request.
type response struct {
	Async     string `json:"async"`
	Error     int    `json:"error"`
	Message   string `json:"message"`
	RequestID string `json:"request_id"`
}

// Synthesize requests the audio and polls the async link until it exists.
func (s *Synth) Synthesize(ctx context.Context, req tts.Request) (tts.Audio, error) {
	voice, err := s.svc.Prepare(req, MaxChunk)
	if err != nil {
		return tts.Audio{}, err
	}
	release, err := s.svc.Acquire(ctx, req.Voice)
	if err != nil {
		return tts.Audio{}, err
	}
	defer release()

	res, err := service.Attempt(ctx, s.svc, req.Voice, voice, func(ctx context.Context) (response, error) {
		return s.request(ctx, voice, req.Text)
	})
	if err != nil {
		return tts.Audio{}, err
	}
	data, err := s.poll(ctx, res.Async)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("fpt: voice %s (%s), request %s: %w", req.Voice, voice, res.RequestID, err)
	}
	return tts.Audio{Data: data, Format: "mp3"}, nil
}

func (s *Synth) request(ctx context.Context, voice, text string) (response, error) {
	var res response
	body, err := s.svc.DoJSON(ctx, service.Call{
		Method: http.MethodPost,
		URL:    s.cfg.URL,
		Header: http.Header{
			"api_key":      {s.cfg.APIKey},
			"voice":        {voice},
			"speed":        {fmt.Sprint(s.cfg.Speed)},
			"format":       {"mp3"},
			"Content-Type": {"text/plain; charset=utf-8"},
		},
		Body:  []byte(text),
		Limit: 1 << 20,
	}, &res)
	if err != nil {
		return response{}, err
	}
	if res.Error != 0 {
		return response{}, fmt.Errorf("error %d: %s", res.Error, res.Message)
	}
	if res.Async == "" {
		return response{}, fmt.Errorf("answer has no async link: %q", service.Snippet(body))
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
	for tries := 0; ; tries++ {
		if err := s.svc.Sleep(ctx, wait); err != nil {
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

// fetch downloads the async link once. Until the audio exists FPT's file
// host answers 404 or 403, or an empty body; those, 429 and 5xx, a network
// failure, a download cut short and one not complete within the Timeout
// all mean "not ready": the poll loop tries again (a GET is safe to repeat)
// until PollDeadline.
func (s *Synth) fetch(ctx context.Context, link string) (data []byte, ready bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, s.svc.Timeout())
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return nil, false, err
	}
	resp, err := s.svc.Client().Do(hr)
	if err != nil {
		return nil, false, nil
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusForbidden ||
		resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, false, nil
	case resp.StatusCode != http.StatusOK:
		return nil, false, service.CheckStatus(resp)
	}
	body, err := service.ReadBody(resp.Body, 64<<20)
	if errors.Is(err, service.ErrTooLarge) {
		return nil, false, fmt.Errorf("downloading %s: %w", link, err)
	}
	if err != nil || len(body) == 0 {
		return nil, false, nil
	}
	return body, true, nil
}
