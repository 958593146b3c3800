// Package espeak is the offline speech backend: espeak-ng, run as an
// external process, renders WAV, which the Speaker normalises and encodes
// once to MP3 (no lossy step before the loudness gain). It needs no network
// and no key, so it is the embedded default and the test double for the
// pipeline; its Vietnamese is intelligible but robotic.
package espeak

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"dxnews/tts"
)

// DefaultVoices maps dxnews voice IDs to espeak-ng voices: a language
// (vi = northern, vi-vn-x-south, vi-vn-x-central) plus a female or male
// variant.
var DefaultVoices = map[string]string{
	"north-female":   "vi+f3",
	"north-male":     "vi+m3",
	"south-female":   "vi-vn-x-south+f3",
	"south-male":     "vi-vn-x-south+m3",
	"central-female": "vi-vn-x-central+f3",
	"central-male":   "vi-vn-x-central+m3",
}

// Defaults.
const (
	DefaultMaxChunk = 1000
	DefaultSpeed    = 165 // words per minute
	DefaultTimeout  = 2 * time.Minute
)

// Config configures the espeak backend. Zero fields take defaults.
type Config struct {
	// ESpeak is the program to run, looked up on PATH ("espeak-ng").
	ESpeak string
	// Voices maps dxnews voice IDs to espeak-ng voices; nil means DefaultVoices.
	Voices map[string]string
	// Speed is espeak-ng's -s in words per minute.
	Speed int
	// Concurrency caps simultaneous espeak-ng processes; 0 = CPUs.
	Concurrency int
	// MaxChunk is the largest chunk, in characters, handed to one pipeline.
	MaxChunk int
	// Timeout bounds one chunk's synthesis.
	Timeout time.Duration
}

// Synth runs espeak-ng. It is safe for concurrent use.
type Synth struct {
	cfg    Config
	espeak string
	sem    chan struct{}
}

// Synth implements the Synthesizer contract and every optional interface.
var _ tts.Backend = (*Synth)(nil)

// New checks that espeak-ng is installed and that every mapped voice and
// variant exists, and returns the backend.
func New(cfg Config) (*Synth, error) {
	if cfg.ESpeak == "" {
		cfg.ESpeak = "espeak-ng"
	}
	if cfg.Voices == nil {
		cfg.Voices = DefaultVoices
	}
	cfg.Voices = maps.Clone(cfg.Voices)
	if cfg.Speed <= 0 {
		cfg.Speed = DefaultSpeed
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = runtime.NumCPU()
	}
	if cfg.MaxChunk <= 0 {
		cfg.MaxChunk = DefaultMaxChunk
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	espeak, err := exec.LookPath(cfg.ESpeak)
	if err != nil {
		return nil, fmt.Errorf("espeak: %s not found on PATH; install it with apt-get install espeak-ng", cfg.ESpeak)
	}
	s := &Synth{cfg: cfg, espeak: espeak, sem: make(chan struct{}, cfg.Concurrency)}
	if err := s.checkVoices(); err != nil {
		return nil, err
	}
	return s, nil
}

// checkVoices asks espeak-ng which languages and variants it has, because
// espeak-ng silently ignores an unknown variant.
func (s *Synth) checkVoices() error {
	langs, err := s.listVoices("")
	if err != nil {
		return err
	}
	variants, err := s.listVoices("variant")
	if err != nil {
		return err
	}
	for _, id := range tts.VoiceIDs(s.cfg.Voices) {
		name := s.cfg.Voices[id]
		lang, variant, hasVariant := strings.Cut(name, "+")
		if !langs[strings.ToLower(lang)] {
			return fmt.Errorf("espeak: voice %s maps to %q, but espeak-ng has no language %q", id, name, lang)
		}
		if hasVariant && !variants["!v/"+variant] {
			return fmt.Errorf("espeak: voice %s maps to %q, but espeak-ng has no variant %q", id, name, variant)
		}
	}
	return nil
}

// listVoices returns the language column (or, for variants, the file
// column) of espeak-ng --voices.
func (s *Synth) listVoices(kind string) (map[string]bool, error) {
	arg := "--voices"
	if kind != "" {
		arg += "=" + kind
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, s.espeak, arg).Output()
	if err != nil {
		return nil, fmt.Errorf("espeak: listing voices: %w", err)
	}
	have := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		if kind == "variant" {
			have[f[len(f)-1]] = true
		} else {
			have[strings.ToLower(f[1])] = true
		}
	}
	return have, nil
}

// Name returns "espeak".
func (s *Synth) Name() string { return "espeak" }

// MaxChunk returns the largest chunk, in characters, one request takes.
func (s *Synth) MaxChunk() int { return s.cfg.MaxChunk }

// Voices returns the dxnews voice IDs this backend offers, sorted.
func (s *Synth) Voices() []string { return tts.VoiceIDs(s.cfg.Voices) }

// Settings describes everything besides text and voice that shapes the audio.
func (s *Synth) Settings() string {
	return tts.VoiceSettings(fmt.Sprintf("speed=%d;wav", s.cfg.Speed), s.cfg.Voices)
}

// Synthesize reads req.Text (on stdin, never argv) with the mapped voice
// and returns 22,050 Hz 16-bit mono WAV.
func (s *Synth) Synthesize(ctx context.Context, req tts.Request) (tts.Audio, error) {
	voice, ok := s.cfg.Voices[req.Voice]
	if !ok {
		return tts.Audio{}, tts.VoiceNotFound("espeak", req.Voice, s.cfg.Voices)
	}
	if strings.TrimSpace(req.Text) == "" {
		return tts.Audio{}, fmt.Errorf("espeak: voice %s: empty text", req.Voice)
	}
	select {
	case s.sem <- struct{}{}:
		defer func() { <-s.sem }()
	case <-ctx.Done():
		return tts.Audio{}, fmt.Errorf("espeak: voice %s: %w", req.Voice, ctx.Err())
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	data, err := s.run(ctx, voice, req.Text)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("espeak: voice %s (%s): %w", req.Voice, voice, err)
	}
	return tts.Audio{Data: data, Format: "wav"}, nil
}

// run returns espeak-ng's WAV output.
func (s *Synth) run(ctx context.Context, voice, text string) ([]byte, error) {
	es := exec.CommandContext(ctx, s.espeak, "-v", voice, "-s", fmt.Sprint(s.cfg.Speed), "-b", "1", "--stdin", "--stdout")
	es.Stdin = strings.NewReader(text)
	var out, esErr bytes.Buffer
	es.Stdout, es.Stderr = &out, &esErr
	err := es.Run()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("espeak-ng: %w: %s", err, strings.TrimSpace(esErr.String()))
	}
	if out.Len() <= 44 {
		return nil, errors.New("espeak-ng produced no audio")
	}
	return out.Bytes(), nil
}
