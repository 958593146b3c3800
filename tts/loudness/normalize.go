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

// Limiter timing: the look-ahead (and attack ramp) and the release time
// constant.
const (
	lookAhead = 0.005 // s
	release   = 0.060 // s
)

// Signal is audio analysed once for any number of Normalize calls: its
// K-weighted form and its oversampled peaks.
type Signal struct {
	x      []float32
	rate   int
	k      []float32 // K-weighted
	p      []float32 // true peak per sample
	before Measurement
}

// Analyze measures mono samples at rate Hz for normalisation.
func Analyze(samples []float32, rate int) *Signal {
	s := &Signal{x: samples, rate: rate, k: kWeight(samples, rate), p: peaks(samples)}
	m := 0.0
	for _, v := range s.p {
		m = max(m, float64(v))
	}
	s.before = Measurement{Integrated: gated(s.k, nil, 1, rate), TruePeak: DB(m)}
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
// lowers loudness a little where it acts, so the gain is refined until the
// result is within 0.05 LU of the target (at most eight passes, each a few
// multiplications per sample). Silence, or audio too short to measure, is
// returned unchanged.
func (s *Signal) Normalize(t Target) ([]float32, Result) {
	res := Result{Before: s.before}
	if math.IsInf(s.before.Integrated, -1) || math.IsInf(s.before.TruePeak, -1) {
		res.After = res.Before
		return append([]float32(nil), s.x...), res
	}
	gain := t.Integrated - s.before.Integrated
	env := make([]float32, len(s.x))
	out := make([]float32, len(s.x))
	var w limiterWork
	// The estimate from the input's K-weighted signal is close, but a
	// limiter working hard (10 dB on espeak's clicks) modulates fast enough
	// to move it by a few tenths: the last passes measure the output.
	exact := false
	for pass := range 10 {
		reduction := w.envelope(env, s.p, s.rate, Linear(gain), Linear(t.Ceiling))
		res.GainDB, res.LimitedDB = gain, reduction
		exact = exact || pass >= 6
		var after float64
		if exact {
			apply(out, s.x, env, gain)
			after = Integrated(out, s.rate)
		} else {
			after = gated(s.k, env, Linear(gain), s.rate)
		}
		res.After.Integrated = after
		if math.IsInf(after, 0) || (exact && math.Abs(after-t.Integrated) < 0.05) {
			break
		}
		if !exact && math.Abs(after-t.Integrated) < 0.02 {
			exact = true // converged on the estimate: check it exactly
			apply(out, s.x, env, gain)
			after = Integrated(out, s.rate)
			res.After.Integrated = after
			if math.Abs(after-t.Integrated) < 0.05 {
				break
			}
		}
		gain += t.Integrated - after
	}
	apply(out, s.x, env, res.GainDB)
	tp := 0.0
	for i, e := range env {
		tp = max(tp, float64(s.p[i])*float64(e))
	}
	res.After.TruePeak = DB(tp * Linear(res.GainDB))
	return out, res
}

func apply(out, x, env []float32, gainDB float64) {
	g := Linear(gainDB)
	for i, v := range x {
		out[i] = float32(float64(v) * g * float64(env[i]))
	}
}

// limiterWork holds the buffers of envelope between passes.
type limiterWork struct {
	need, h, sum []float64
	dq           []int
}

// envelope fills env with a gain envelope g that keeps every oversampled
// peak p[n]·gain at or under ceiling: g is the moving minimum of the gain
// each sample needs over ±L samples (the look-ahead), released
// exponentially, then averaged over ±L so it ramps instead of jumping.
// Since every value averaged at n is at most what n needs, the ramp never
// lets a peak through. It returns the deepest reduction in dB.
func (w *limiterWork) envelope(env, p []float32, rate int, gain, ceiling float64) float64 {
	n := len(p)
	L := max(1, int(lookAhead*float64(rate)))
	if w.need == nil {
		w.need, w.h, w.sum = make([]float64, n), make([]float64, n), make([]float64, n+1)
	}
	need := w.need
	for i, v := range p {
		need[i] = 1
		if pk := float64(v) * gain; pk > ceiling {
			need[i] = ceiling / pk
		}
	}
	h := w.h
	w.dq = movingMin(h, need, L, w.dq)
	alpha := 1 - math.Exp(-1/(release*float64(rate)))
	e := 1.0
	for i := range h {
		e += (1 - e) * alpha
		e = min(e, h[i])
		h[i] = e
	}
	// Box average over [i-L, i+L] with prefix sums.
	sum := w.sum
	for i, v := range h {
		sum[i+1] = sum[i] + v
	}
	deepest := 1.0
	for i := range env {
		lo, hi := max(0, i-L), min(n, i+L+1)
		g := (sum[hi] - sum[lo]) / float64(hi-lo)
		// Near the edges the window is cut short; never exceed the need.
		g = min(g, need[i])
		deepest = min(deepest, g)
		env[i] = float32(g)
	}
	return -DB(deepest)
}

// movingMin sets out[i] to the minimum of v over [i-L, i+L], with a
// monotonic deque (linear time); dq is scratch space, returned for reuse.
func movingMin(out, v []float64, L int, dq []int) []int {
	dq = dq[:0]
	head := 0
	next := 0 // next index to push
	for i := range v {
		for next < len(v) && next <= i+L {
			for len(dq) > head && v[dq[len(dq)-1]] >= v[next] {
				dq = dq[:len(dq)-1]
			}
			dq = append(dq, next)
			next++
		}
		for dq[head] < i-L {
			head++
		}
		out[i] = v[dq[head]]
	}
	return dq
}
