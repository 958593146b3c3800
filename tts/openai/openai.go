// Package openai is the backend for any OpenAI-compatible speech server
// (POST /v1/audio/speech), such as self-hosted Vietnamese models behind
// openedai-speech or viet-tts. The voice mapping is configuration, since
// each server names its voices differently.
package openai

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"dxnews/tts"
	"dxnews/tts/service"
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

// Config configures the backend. Zero fields take defaults; the HTTP
// timeout is 2 minutes, since self-hosted models can be slow, and one
// request is in flight at a time.
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
	service.Options
}

// httpDefaults are this backend's defaults for zero Options fields.
var httpDefaults = service.Options{Timeout: 2 * time.Minute, Concurrency: 1}

// Synth is the OpenAI-compatible backend; safe for concurrent use.
type Synth struct {
	cfg      Config
	endpoint string
	svc      *service.Service
}

// Synth implements the Synthesizer contract and every optional interface.
var _ tts.Backend = (*Synth)(nil)

// New validates cfg and returns the backend.
func New(cfg Config) (*Synth, error) {
	err := service.Check("openai", service.Required("server URL", envURL, cfg.URL), service.Speed(&cfg.Speed, 1, 0.25, 4))
	if err != nil {
		return nil, err
	}
	cfg.Model = cmp.Or(cfg.Model, DefaultModel)
	svc := service.New("openai", cfg.Voices, DefaultVoices, cfg.Options, httpDefaults)
	return &Synth{cfg: cfg, endpoint: Endpoint(cfg.URL), svc: svc}, nil
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
func (s *Synth) Voices() []string { return s.svc.Voices() }

// Settings describes server, model, voices and speed, for the cache key.
func (s *Synth) Settings() string {
	return s.svc.Settings(fmt.Sprintf("endpoint=%s;model=%s;speed=%g", s.endpoint, s.cfg.Model, s.cfg.Speed))
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
	return s.svc.SynthesizeMP3(ctx, req, MaxChunk, func(voice string) (service.Call, error) {
		body, err := json.Marshal(speechRequest{
			Model: s.cfg.Model, Input: req.Text, Voice: voice, ResponseFormat: "mp3", Speed: s.cfg.Speed,
		})
		header := http.Header{"Content-Type": {"application/json"}}
		if s.cfg.Key != "" {
			header.Set("Authorization", "Bearer "+s.cfg.Key)
		}
		return service.Call{Method: http.MethodPost, URL: s.endpoint, Header: header, Body: body, Limit: 64 << 20}, err
	})
}
