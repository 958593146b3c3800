package service

import (
	"context"
	"fmt"

	"dxnews/tts"
)

// SynthesizeMP3 is the whole of Synthesize for a service that answers one
// request with the MP3 itself: it checks req (see [Service.Prepare]),
// builds the request with call from the service's voice name, holds a
// request slot, and sends it by the Backoff (see [Attempt]) until the
// answer is MP3 audio (see [CheckMP3]: some services answer errors as JSON
// with status 200).
func (s *Service) SynthesizeMP3(ctx context.Context, req tts.Request, max int, call func(voice string) (Call, error)) (tts.Audio, error) {
	voice, err := s.Prepare(req, max)
	if err != nil {
		return tts.Audio{}, err
	}
	c, err := call(voice)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("%s: %w", s.name, err)
	}
	release, err := s.Acquire(ctx, req.Voice)
	if err != nil {
		return tts.Audio{}, err
	}
	defer release()
	data, err := Attempt(ctx, s, req.Voice, voice, func(ctx context.Context) ([]byte, error) {
		data, header, err := s.Do(ctx, c)
		if err != nil {
			return nil, err
		}
		return data, CheckMP3(data, header)
	})
	if err != nil {
		return tts.Audio{}, err
	}
	return tts.Audio{Data: data, Format: "mp3"}, nil
}
