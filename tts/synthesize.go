package tts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"dxnews/tts/mp3"
)

// chunkAudio returns one chunk's audio as the backend gave it, from the
// chunk cache when a previous, failed run had already synthesised it.
func (s *Speaker) chunkAudio(ctx context.Context, text, voice string) (a Audio, cached bool, err error) {
	if s.Cache != nil {
		if f, ok := s.Cache.getChunk(s.chunkKey(text, voice)); ok {
			return Audio{Data: f, Format: sniffFormat(f)}, true, nil
		}
	}
	a, err = s.Backend.Synthesize(ctx, Request{Text: text, Voice: voice})
	if err != nil {
		return Audio{}, false, err
	}
	if a.Format != "" && a.Format != "mp3" && a.Format != "wav" {
		return Audio{}, false, fmt.Errorf("got %s audio, want mp3 or wav", a.Format)
	}
	return a, false, nil
}

func sniffFormat(b []byte) string {
	if len(b) >= 4 && string(b[:4]) == "RIFF" {
		return "wav"
	}
	return "mp3"
}

// synthesize runs the backend over the chunks and returns each chunk's
// decoded audio, in order.
func (s *Speaker) synthesize(ctx context.Context, chunks []chunk, voice string) ([]mp3.PCM, error) {
	name := s.Backend.Name()
	log := s.logger()
	n := len(chunks)
	raw := make([]Audio, n)
	pcms := make([]mp3.PCM, n)
	done := make([]bool, n)
	var mu sync.Mutex
	next := 0 // first chunk not yet handed to OnChunk
	// Later chunks wait until the first has been handed to the backend, so
	// the first sentence is always requested first.
	firstStarted := make(chan struct{})

	g, gctx := errgroup.WithContext(ctx)
	limit := s.Concurrency
	if limit <= 0 {
		limit = 2
	}
	g.SetLimit(limit)
	for i, c := range chunks {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if i == 0 {
				close(firstStarted)
			} else {
				select {
				case <-firstStarted:
				case <-gctx.Done():
					return fmt.Errorf("tts: %s voice %s chunk %d of %d: %w", name, voice, i, n, gctx.Err())
				}
			}
			start := time.Now()
			a, fromCache, err := s.chunkAudio(gctx, c.text, voice)
			var p mp3.PCM
			if err == nil {
				p, err = mp3.DecodeAudio(a.Data)
			}
			if err == nil && len(p.Samples) == 0 {
				err = errors.New("no audio")
			}
			if err != nil {
				return fmt.Errorf("tts: %s voice %s chunk %d of %d: %w", name, voice, i, n, err)
			}
			d := p.Duration()
			if s.Cache != nil && !fromCache {
				if err := s.Cache.putChunk(s.chunkKey(c.text, voice), a.Data); err != nil {
					log.Warn("tts chunk cache write failed", slog.Any("error", err))
				}
			}
			log.Debug("tts chunk synthesised", slog.String("backend", name), slog.String("voice", voice),
				slog.Int("chunk", i), slog.Int("chars", utf8.RuneCountInString(c.text)),
				slog.Duration("audio", d), slog.Duration("took", time.Since(start)), slog.Bool("cached", fromCache))
			mu.Lock()
			defer mu.Unlock()
			raw[i], pcms[i], done[i] = a, p, true
			for next < n && done[next] {
				if s.OnChunk != nil {
					s.OnChunk(next, raw[next])
				}
				raw[next] = Audio{}
				next++
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("tts: %s voice %s: %w", name, voice, err)
	}
	return pcms, nil
}
