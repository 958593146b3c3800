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

// Normalize returns samples scaled to t.Integrated, with true peaks held at
// or under t.Ceiling by a look-ahead limiter, and what it measured. The
// limiter lowers loudness a little where it acts, so the gain is refined
// until the result is within 0.1 LU of the target (at most six passes).
// Silence, or audio too short to measure, is returned unchanged.
func Normalize(samples []float32, rate int, t Target) ([]float32, Result) {
	before := Integrated(samples, rate)
	p := peaks(samples)
	maxPeak := 0.0
	for _, v := range p {
		maxPeak = max(maxPeak, float64(v))
	}
	res := Result{Before: Measurement{Integrated: before, TruePeak: DB(maxPeak)}}
	if math.IsInf(before, -1) || maxPeak == 0 {
		out := append([]float32(nil), samples...)
		res.After = res.Before
		return out, res
	}
	gain := t.Integrated - before
	var out []float32
	for range 6 {
		var reduction float64
		out, reduction = limit(samples, p, rate, Linear(gain), Linear(t.Ceiling))
		after := Integrated(out, rate)
		res.GainDB, res.LimitedDB = gain, reduction
		res.After.Integrated = after
		if math.Abs(after-t.Integrated) < 0.1 || math.IsInf(after, 0) {
			break
		}
		gain += t.Integrated - after
	}
	res.After.TruePeak = TruePeak(out)
	return out, res
}

// limit returns x·gain·g[n], where the gain envelope g keeps every
// oversampled peak p[n]·gain at or under ceiling: g is the moving minimum
// of the gain each sample needs over ±L samples (the look-ahead), released
// exponentially, then averaged over ±L so it ramps instead of jumping.
// Since every value averaged at n is at most what n needs, the ramp never
// lets a peak through. It also returns the deepest reduction in dB.
func limit(x, p []float32, rate int, gain, ceiling float64) ([]float32, float64) {
	n := len(x)
	L := max(1, int(lookAhead*float64(rate)))
	need := make([]float64, n)
	for i, v := range p {
		need[i] = 1
		if pk := float64(v) * gain; pk > ceiling {
			need[i] = ceiling / pk
		}
	}
	h := movingMin(need, L)
	alpha := 1 - math.Exp(-1/(release*float64(rate)))
	e := 1.0
	for i := range h {
		e += (1 - e) * alpha
		e = min(e, h[i])
		h[i] = e
	}
	// Box average over [i-L, i+L] with prefix sums.
	sum := make([]float64, n+1)
	for i, v := range h {
		sum[i+1] = sum[i] + v
	}
	out := make([]float32, n)
	deepest := 1.0
	for i := range x {
		lo, hi := max(0, i-L), min(n, i+L+1)
		g := (sum[hi] - sum[lo]) / float64(hi-lo)
		// Near the edges the window is cut short; never exceed the need.
		g = min(g, need[i])
		deepest = min(deepest, g)
		out[i] = float32(float64(x[i]) * gain * g)
	}
	return out, -DB(deepest)
}

// movingMin returns, for every i, the minimum of v over [i-L, i+L], with a
// monotonic deque (linear time).
func movingMin(v []float64, L int) []float64 {
	out := make([]float64, len(v))
	dq := make([]int, 0, 2*L+2)
	next := 0 // next index to push
	for i := range v {
		for next < len(v) && next <= i+L {
			for len(dq) > 0 && v[dq[len(dq)-1]] >= v[next] {
				dq = dq[:len(dq)-1]
			}
			dq = append(dq, next)
			next++
		}
		for dq[0] < i-L {
			dq = dq[1:]
		}
		out[i] = v[dq[0]]
	}
	return out
}
