package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"dxnews/article"
	"dxnews/tts"
	"dxnews/tts/espeak"
	"dxnews/tts/fpt"
	"dxnews/tts/openai"
	"dxnews/tts/viettel"
	"dxnews/tts/zalo"
)

// backends lists the speech backends -backend and DXNEWS_TTS_BACKEND accept.
const backends = "espeak, fpt, zalo, viettel, openai"

// newSynthesizer builds the named speech backend from the environment.
func newSynthesizer(e *env, name string) (tts.Synthesizer, error) {
	switch name {
	case "espeak":
		return fromEnv(e, espeak.ConfigFromEnv, espeak.New)
	case "fpt":
		return fromEnv(e, fpt.ConfigFromEnv, fpt.New)
	case "zalo":
		return fromEnv(e, zalo.ConfigFromEnv, zalo.New)
	case "viettel":
		return fromEnv(e, viettel.ConfigFromEnv, viettel.New)
	case "openai":
		return fromEnv(e, openai.ConfigFromEnv, openai.New)
	}
	return nil, usagef("unknown speech backend %q (known: %s)", name, backends)
}

// fromEnv reads a backend's configuration from the environment and builds it.
func fromEnv[C any, S tts.Synthesizer](e *env, config func(func(string) string) (C, error), build func(C) (S, error)) (tts.Synthesizer, error) {
	cfg, err := config(e.getenv)
	if err != nil {
		return nil, err
	}
	return build(cfg)
}

// newSpeaker builds a Speaker for the named backend, caching audio under
// dataDir ("" = no cache).
func newSpeaker(e *env, name, dataDir string) (*tts.Speaker, error) {
	syn, err := newSynthesizer(e, name)
	if err != nil {
		return nil, err
	}
	sp := &tts.Speaker{Backend: syn, Logger: e.logger.With("component", "tts")}
	if dataDir != "" {
		c, err := tts.NewCache(filepath.Join(dataDir, "tts-cache"))
		if err != nil {
			return nil, err
		}
		sp.Cache = c
	}
	return sp, nil
}

// voicesFromEnv returns the voices to synthesise: DXNEWS_VOICES or the four
// regional voices.
func voicesFromEnv(e *env) ([]string, error) {
	raw := e.get(varVoices)
	if raw == "" {
		out := make([]string, 0, len(article.Voices))
		for _, v := range article.Voices {
			out = append(out, v.ID)
		}
		return out, nil
	}
	var out []string
	for _, id := range strings.Split(raw, ",") {
		id = strings.TrimSpace(id)
		if _, err := article.LookupVoice(id); err != nil {
			return nil, fmt.Errorf("DXNEWS_VOICES: %w", err)
		}
		out = append(out, id)
	}
	return out, nil
}
