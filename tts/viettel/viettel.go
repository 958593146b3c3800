// Package viettel is the Viettel AI text-to-speech backend: a JSON post with
// the token in the body answers with the MP3 itself.
package viettel

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"dxnews/tts"
	"dxnews/tts/service"
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

// Config configures the backend. Zero fields take defaults; the HTTP
// timeout is 30 s and at most 2 requests are in flight.
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
	service.Options
}

// Synth is the Viettel AI backend; safe for concurrent use.
type Synth struct {
	cfg Config
	svc *service.Service
}

// Synth implements the Synthesizer contract and every optional interface.
var _ tts.Backend = (*Synth)(nil)

// New validates cfg and returns the backend.
func New(cfg Config) (*Synth, error) {
	err := service.Check("viettel", service.Required("token", envToken, cfg.Token), service.Speed(&cfg.Speed, 1, 0.7, 1.3))
	if err != nil {
		return nil, err
	}
	cfg.URL = cmp.Or(cfg.URL, DefaultURL)
	if cfg.MaxChunk <= 0 {
		cfg.MaxChunk = DefaultMaxChunk
	}
	return &Synth{cfg: cfg, svc: service.New("viettel", cfg.Voices, DefaultVoices, cfg.Options, service.Hosted)}, nil
}

// Name returns "viettel".
func (s *Synth) Name() string { return "viettel" }

// MaxChunk returns the configured chunk limit.
func (s *Synth) MaxChunk() int { return s.cfg.MaxChunk }

// Voices returns the dxnews voice IDs configured, sorted.
func (s *Synth) Voices() []string { return s.svc.Voices() }

// Settings describes the voice mapping and speed, for the cache key.
func (s *Synth) Settings() string { return s.svc.Settings(fmt.Sprintf("speed=%g", s.cfg.Speed)) }

// request is Viettel AI's JSON body.
type request struct {
	Text            string  `json:"text"`
	Voice           string  `json:"voice"`
	Speed           float64 `json:"speed"`
	TTSReturnOption int     `json:"tts_return_option"`
	Token           string  `json:"token"`
	WithoutFilter   bool    `json:"without_filter"`
}

// Synthesize posts the text and returns the MP3 in the answer; errors come
// back as JSON or text with status 200.
func (s *Synth) Synthesize(ctx context.Context, req tts.Request) (tts.Audio, error) {
	return s.svc.SynthesizeMP3(ctx, req, s.cfg.MaxChunk, func(voice string) (service.Call, error) {
		body, err := json.Marshal(request{
			Text: req.Text, Voice: voice, Speed: s.cfg.Speed,
			TTSReturnOption: 3, // MP3
			Token:           s.cfg.Token,
		})
		return service.Call{
			Method: http.MethodPost,
			URL:    s.cfg.URL,
			Header: http.Header{"Content-Type": {"application/json"}, "Accept": {"audio/mpeg, */*"}},
			Body:   body,
			Limit:  64 << 20,
		}, err
	})
}
