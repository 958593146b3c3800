package tts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"time"

	"dxnews/tts/loudness"
	"dxnews/tts/mp3"
)

// joinPCM concatenates the chunks' audio and returns each chunk's duration.
// Every chunk must share the first one's sample rate.
func joinPCM(parts []mp3.PCM) (mp3.PCM, []time.Duration, error) {
	if len(parts) == 0 {
		return mp3.PCM{}, nil, errors.New("no audio")
	}
	total := 0
	for _, p := range parts {
		total += len(p.Samples)
	}
	out := mp3.PCM{Rate: parts[0].Rate, Samples: make([]float32, 0, total)}
	durs := make([]time.Duration, len(parts))
	for i, p := range parts {
		if p.Rate != out.Rate {
			return mp3.PCM{}, nil, fmt.Errorf("chunk %d has sample rate %d Hz, chunk 0 has %d Hz", i, p.Rate, out.Rate)
		}
		out.Samples = append(out.Samples, p.Samples...)
		durs[i] = p.Duration()
	}
	return out, durs, nil
}

// alignSpan is how many seconds of the encoded audio are decoded to find
// the encoder's delay.
const alignSpan = 6

// decode decodes encoded audio to check it: with the encoder's own decoder
// when it has one (lame's is much faster), else with go-mp3.
func (s *Speaker) decode(ctx context.Context, encoded []byte) (mp3.PCM, error) {
	if d, ok := s.encoder().(mp3.Decoder); ok {
		return d.Decode(ctx, encoded)
	}
	return mp3.Decode(encoded)
}

// published is the encoded, normalised audio and what was measured on it.
type published struct {
	mp3      []byte // audio frames: no tags, no info frame
	duration time.Duration
	// delay is how much later the input starts in the decoded MP3 (the
	// encoder's delay).
	delay    time.Duration
	measured loudness.Measurement
	gainDB   float64
}

// Encoder overshoot: the limiter aims this far under the true-peak limit,
// and the encoded result must land at least checkMargin under it (other
// meters read true peak a little differently).
const (
	initialHeadroom = 1.0 // dB
	checkMargin     = 0.3 // dB
	// loudnessSlack is how far from the target the encoded result may land
	// before the aim is corrected: lame at 64 kbit/s drops high-frequency
	// detail that K-weighting counts, about 0.5 LU on espeak's voices.
	loudnessSlack = 0.4 // LU
	// firstAim is the correction tried first: what espeak's voices lose
	// through lame, so most readings take one encode. It is a constant, not
	// learnt from earlier readings, so the same input always gives the
	// same MP3 whatever was read before.
	firstAim        = 0.45 // LU
	publishAttempts = 4
)

// publish normalises p to the Speaker's loudness target, encodes it once
// and checks the result by decoding it: if the encoder pushed the true
// peak over the limit, the limiter's ceiling is lowered by the excess, and
// if it moved the loudness off the target, the aim is moved by the
// difference; then the original audio is normalised and encoded again
// (never the encoded audio, so there is only ever one lossy generation).
func (s *Speaker) publish(ctx context.Context, p mp3.PCM) (published, error) {
	target := s.loudness()
	enc := s.encoder()
	ceiling := target.TruePeak - initialHeadroom
	aim := target.Integrated + firstAim
	sig := loudness.Analyze(p.Samples, p.Rate)
	var pub published
	for attempt := 0; attempt < publishAttempts; attempt++ {
		samples, res := sig.Normalize(loudness.Target{Integrated: aim, Ceiling: ceiling})
		encoded, err := enc.Encode(ctx, mp3.PCM{Rate: p.Rate, Samples: samples})
		if err != nil {
			return published{}, err
		}
		frames, err := mp3.Strip(encoded)
		if err != nil {
			return published{}, fmt.Errorf("encoded audio: %w", err)
		}
		dec, err := s.decode(ctx, frames)
		if err != nil {
			return published{}, fmt.Errorf("encoded audio: %w", err)
		}
		if dec.Rate != p.Rate {
			return published{}, fmt.Errorf("encoder changed the sample rate from %d to %d Hz", p.Rate, dec.Rate)
		}
		m := loudness.Measure(dec.Samples, dec.Rate)
		duration, err := mp3.Duration(frames)
		if err != nil {
			return published{}, fmt.Errorf("encoded audio: %w", err)
		}
		// The delay as players see it, who decode every sample as go-mp3
		// does: align the first seconds.
		head, err := mp3.DecodeHead(frames, alignSpan*p.Rate)
		if err != nil {
			return published{}, fmt.Errorf("encoded audio: %w", err)
		}
		s.logger().Debug("tts loudness", slog.Int("attempt", attempt), slog.Float64("aim_lufs", aim), slog.Float64("ceiling_dbtp", ceiling),
			slog.Float64("before_lufs", res.Before.Integrated), slog.Float64("gain_db", res.GainDB), slog.Float64("limited_db", res.LimitedDB),
			slog.Float64("lufs", m.Integrated), slog.Float64("true_peak_dbtp", m.TruePeak))
		pub = published{
			mp3: frames, duration: duration, measured: m, gainDB: res.GainDB,
			delay: time.Duration(int64(alignment(samples, head.Samples, p.Rate/5)) * int64(time.Second) / int64(p.Rate)),
		}
		over := m.TruePeak - (target.TruePeak - checkMargin)
		off := target.Integrated - m.Integrated
		if math.IsInf(m.Integrated, 0) || (over <= 0 && math.Abs(off) <= loudnessSlack) {
			break
		}
		if over > 0 {
			ceiling -= over + 0.1
		}
		if math.Abs(off) > loudnessSlack {
			aim += off
		}
	}
	return pub, nil
}

// shiftTimings moves every sentence by the encoder's delay, then stretches
// the first to start at 0 and the last to end at the decoded duration, so
// the timings tile the whole audio.
func shiftTimings(t []Timing, delay, total time.Duration) {
	if len(t) == 0 {
		return
	}
	d := delay.Milliseconds()
	for i := range t {
		t[i].StartMS += d
		t[i].EndMS += d
	}
	t[0].StartMS = 0
	t[len(t)-1].EndMS = total.Milliseconds()
}
