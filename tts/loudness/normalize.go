package loudness

import (
	"fmt"
	"math"
)

// Target is the loudness Normalize aims at.
type Target struct {
	// Integrated is the integrated loudness to reach, in LUFS.
	Integrated float64
	// Ceiling is the highest true peak the limiter lets through, in dBTP.
	// Leave room below the published limit for what a lossy encoder adds.
	Ceiling float64
}

// String describes the target for cache keys and logs.
func (t Target) String() string {
	return fmt.Sprintf("lufs=%.2f;ceiling=%.2f", t.Integrated, t.Ceiling)
}

// Result says what Normalize did.
type Result struct {
	// Before is measured on the input. After is what the gain search
	// estimated for the output from the input's K-weighted signal and
	// peaks, without measuring it again (within 0.1 of an exact measure).
	Before, After Measurement
	// GainDB is the gain applied before limiting.
	GainDB float64
	// LimitedDB is the largest gain reduction of the limiter (≥ 0).
	LimitedDB float64
}

// Signal is audio analysed once for any number of Normalize calls: its
// loudness, and per block its largest oversampled peak and its K-weighted
// energy.
type Signal struct {
	x      []float32
	rate   int
	peak   []float64 // largest true peak in each block
	energy []float64 // sum of K-weighted squares in each block
	before Measurement
}

// Analyze measures mono samples at rate Hz for normalisation.
func Analyze(samples []float32, rate int) *Signal {
	k := kWeight(samples, rate)
	p := peaks(samples)
	nb := (len(samples) + block - 1) / block
	s := &Signal{x: samples, rate: rate, peak: make([]float64, nb), energy: make([]float64, nb)}
	m := 0.0
	for i := range samples {
		b := i / block
		s.peak[b] = max(s.peak[b], float64(p[i]))
		s.energy[b] += float64(k[i]) * float64(k[i])
		m = max(m, float64(p[i]))
	}
	s.before = Measurement{Integrated: gated(k, rate), TruePeak: DB(m)}
	return s
}

// Measurement returns the loudness and true peak of the analysed audio.
func (s *Signal) Measurement() Measurement { return s.before }

// Normalize returns samples scaled to t.Integrated, with true peaks held at
// or under t.Ceiling by a look-ahead limiter, and what it measured.
func Normalize(samples []float32, rate int, t Target) ([]float32, Result) {
	return Analyze(samples, rate).Normalize(t)
}

// Normalize returns the analysed audio scaled to t.Integrated, with true
// peaks held at or under t.Ceiling by a look-ahead limiter. The limiter
// lowers loudness a little where it acts, so the gain is refined on an
// estimate (block energies under the gain envelope: a few operations per
// block) until it is within 0.02 LU, then on an exact measurement of the
// output until that is within 0.05 LU. Silence, or audio too short to
// measure, is returned unchanged.
func (s *Signal) Normalize(t Target) ([]float32, Result) {
	res := Result{Before: s.before}
	if math.IsInf(s.before.Integrated, -1) || math.IsInf(s.before.TruePeak, -1) {
		res.After = res.Before
		return append([]float32(nil), s.x...), res
	}
	gain := t.Integrated - s.before.Integrated
	env := make([]float64, len(s.peak))
	out := make([]float32, len(s.x))
	var w limiterWork
	exact := false
	for pass := range 10 {
		reduction := w.envelope(env, s.peak, s.rate, Linear(gain), Linear(t.Ceiling))
		res.GainDB, res.LimitedDB = gain, reduction
		exact = exact || pass >= 6
		var after float64
		if exact {
			s.apply(out, env, gain)
			after = Integrated(out, s.rate)
		} else {
			after = s.estimate(env, gain)
		}
		res.After.Integrated = after
		if math.IsInf(after, 0) || (exact && math.Abs(after-t.Integrated) < 0.05) {
			break
		}
		if !exact && math.Abs(after-t.Integrated) < 0.02 {
			exact = true // converged on the estimate: check it exactly
			s.apply(out, env, gain)
			after = Integrated(out, s.rate)
			res.After.Integrated = after
			if math.Abs(after-t.Integrated) < 0.05 {
				break
			}
		}
		gain += t.Integrated - after
	}
	s.apply(out, env, res.GainDB)
	tp := 0.0
	for b, e := range env {
		tp = max(tp, s.peak[b]*e)
	}
	res.After.TruePeak = DB(tp * Linear(res.GainDB))
	return out, res
}

// estimate returns the gated loudness of the signal under the block gain
// envelope env and gain (dB), from the block energies: K-weighting is
// linear and the envelope moves slowly against it.
func (s *Signal) estimate(env []float64, gainDB float64) float64 {
	step := s.rate / 10
	if step == 0 {
		return math.Inf(-1)
	}
	g2 := Linear(gainDB) * Linear(gainDB)
	steps := make([]float64, len(s.x)/step)
	for b, e := range s.energy {
		if i := b * block / step; i < len(steps) {
			steps[i] += e * env[b] * env[b] * g2
		}
	}
	return gatedSteps(steps, step)
}

// apply writes x·gain·g to out, g interpolated linearly between the block
// centres of env.
func (s *Signal) apply(out []float32, env []float64, gainDB float64) {
	g := Linear(gainDB)
	last := len(env) - 1
	for i, v := range s.x {
		b := i / block
		pos := float64(i%block) + 0.5 - block/2 // from the block centre, in samples
		e := env[b]
		switch {
		case pos < 0 && b > 0:
			e += (env[b] - env[b-1]) * pos / block
		case pos > 0 && b < last:
			e += (env[b+1] - env[b]) * pos / block
		}
		out[i] = float32(float64(v) * g * e)
	}
}
