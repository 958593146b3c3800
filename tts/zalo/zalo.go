// Package zalo is the Zalo AI text-to-speech backend: a form post with the
// key in an apikey header answers with a URL to the MP3, which is then
// downloaded.
package zalo

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"unicode/utf8"

	"dxnews/tts"
	"dxnews/tts/service"
)

// DefaultURL is Zalo AI's synthesis endpoint.
const DefaultURL = "https://api.zalo.ai/v1/tts/synthesize"

// MaxChunk is Zalo AI's per-request limit in characters (error 155 beyond).
const MaxChunk = 2000

// DefaultVoices maps dxnews voices to Zalo speaker IDs: 1 southern woman,
// 2 northern woman, 3 southern man, 4 northern man (5 and 6 are a second
// northern and southern woman). Zalo has no central voice.
var DefaultVoices = map[string]string{
	"north-female": "2",
	"north-male":   "4",
	"south-female": "1",
	"south-male":   "3",
}

// Zalo error codes worth naming.
const (
	codeOK          = 0
	codeBadValue    = 150
	codeTooLong     = 155
	codeBadKey      = 401
	codeServerError = 500
)

// ErrTooLong is wrapped by the error for Zalo's error 155.
var ErrTooLong = errors.New("zalo: text exceeds the 2000-character limit (error 155)")

// Config configures the backend. Zero fields take defaults; the HTTP
// timeout is 30 s and at most 2 requests are in flight. Backoff also
// governs retries of Zalo's error 500.
type Config struct {
	APIKey string
	// URL is the synthesis endpoint [DefaultURL].
	URL string
	// Voices maps dxnews voice IDs to speaker IDs "1"…"6" [DefaultVoices].
	Voices map[string]string
	// Speed is 0.8…1.2 [1.0].
	Speed float64
	// Quality is 0 (standard) or 1 (high, paid accounts).
	Quality int
	service.Options
}

// Synth is the Zalo AI backend; safe for concurrent use.
type Synth struct {
	cfg Config
	svc *service.Service
}

// Synth implements the Synthesizer contract and every optional interface.
var _ tts.Backend = (*Synth)(nil)

// New validates cfg and returns the backend.
func New(cfg Config) (*Synth, error) {
	svc := service.New("zalo", cfg.Voices, DefaultVoices, cfg.Options, service.Hosted)
	err := service.Check("zalo", service.Required("API key", envKey, cfg.APIKey), checkSpeakers(svc),
		service.Speed(&cfg.Speed, 1, 0.8, 1.2), checkQuality(cfg.Quality))
	if err != nil {
		return nil, err
	}
	cfg.URL = cmp.Or(cfg.URL, DefaultURL)
	return &Synth{cfg: cfg, svc: svc}, nil
}

// checkSpeakers fails when a voice maps to no Zalo speaker ID.
func checkSpeakers(svc *service.Service) error {
	for _, id := range svc.Voices() {
		sp, _ := svc.Voice(id)
		if n, err := strconv.Atoi(sp); err != nil || n < 1 || n > 6 {
			return fmt.Errorf("voice %s maps to speaker %q; speaker IDs are 1 to 6", id, sp)
		}
	}
	return nil
}

// checkQuality fails unless q is one of Zalo's two qualities.
func checkQuality(q int) error {
	if q != 0 && q != 1 {
		return fmt.Errorf("quality %d is neither 0 nor 1", q)
	}
	return nil
}

// Name returns "zalo".
func (s *Synth) Name() string { return "zalo" }

// MaxChunk returns Zalo's 2,000-character limit.
func (s *Synth) MaxChunk() int { return MaxChunk }

// Voices returns the dxnews voice IDs configured, sorted.
func (s *Synth) Voices() []string { return s.svc.Voices() }

// Settings describes speaker mapping, speed and quality, for the cache key.
func (s *Synth) Settings() string {
	return s.svc.Settings(fmt.Sprintf("speed=%g;quality=%d", s.cfg.Speed, s.cfg.Quality))
}

// response is Zalo's JSON answer. Data is an object on success and an
// empty array on errors.
type response struct {
	ErrorCode    int             `json:"error_code"`
	ErrorMessage string          `json:"error_message"`
	Data         json.RawMessage `json:"data"`
}

// Synthesize posts the text, then downloads the audio URL Zalo returns.
func (s *Synth) Synthesize(ctx context.Context, req tts.Request) (tts.Audio, error) {
	speaker, err := s.svc.Voice(req.Voice)
	if err != nil {
		return tts.Audio{}, err
	}
	if n := utf8.RuneCountInString(req.Text); n > MaxChunk {
		return tts.Audio{}, fmt.Errorf("zalo: voice %s: %d characters: %w", req.Voice, n, ErrTooLong)
	}
	release, err := s.svc.Acquire(ctx, req.Voice)
	if err != nil {
		return tts.Audio{}, err
	}
	defer release()

	audioURL, err := service.Attempt(ctx, s.svc, req.Voice, "speaker "+speaker, func(ctx context.Context) (string, error) {
		return s.request(ctx, speaker, req.Text)
	})
	if err != nil {
		return tts.Audio{}, err
	}
	var data []byte
	err = s.svc.Retry(ctx, func(ctx context.Context) error {
		var err error
		data, err = s.download(ctx, audioURL)
		return err
	})
	if err != nil {
		return tts.Audio{}, fmt.Errorf("zalo: voice %s (speaker %s): downloading audio: %w", req.Voice, speaker, err)
	}
	return tts.Audio{Data: data, Format: "mp3"}, nil
}

func (s *Synth) request(ctx context.Context, speaker, text string) (string, error) {
	form := url.Values{
		"input":       {text},
		"speaker_id":  {speaker},
		"speed":       {strconv.FormatFloat(s.cfg.Speed, 'f', -1, 64)},
		"quality":     {strconv.Itoa(s.cfg.Quality)},
		"encode_type": {"1"}, // MP3
	}
	var res response
	body, err := s.svc.DoJSON(ctx, service.Call{
		Method: http.MethodPost,
		URL:    s.cfg.URL,
		Header: http.Header{"apikey": {s.cfg.APIKey}, "Content-Type": {"application/x-www-form-urlencoded"}},
		Body:   []byte(form.Encode()),
		Limit:  1 << 20,
	}, &res)
	if err != nil {
		return "", err
	}
	switch res.ErrorCode {
	case codeOK:
	case codeTooLong:
		return "", fmt.Errorf("%w: %s", ErrTooLong, res.ErrorMessage)
	case codeServerError:
		return "", &tts.RetryableError{Err: fmt.Errorf("error %d: %s", res.ErrorCode, res.ErrorMessage)}
	case codeBadKey:
		return "", fmt.Errorf("error %d (wrong API key): %s", res.ErrorCode, res.ErrorMessage)
	default:
		return "", fmt.Errorf("error %d: %s", res.ErrorCode, res.ErrorMessage)
	}
	var data struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(res.Data, &data); err != nil || data.URL == "" {
		return "", fmt.Errorf("answer has no audio url: %q", service.Snippet(body))
	}
	return data.URL, nil
}

// download fetches the audio. The streaming URL may answer 404 for a moment
// after synthesis, so 404 is retried like 5xx.
func (s *Synth) download(ctx context.Context, link string) ([]byte, error) {
	body, _, err := s.svc.Do(ctx, service.Call{
		Method: http.MethodGet,
		URL:    link,
		Limit:  64 << 20,
		Check: func(resp *http.Response) error {
			if resp.StatusCode == http.StatusNotFound {
				return &tts.RetryableError{Err: fmt.Errorf("HTTP 404 from %s", link)}
			}
			return service.CheckStatus(resp)
		},
	})
	if err != nil {
		return nil, err
	}
	if len(body) == 0 {
		return nil, &tts.RetryableError{Err: fmt.Errorf("empty audio from %s", link)}
	}
	return body, nil
}
