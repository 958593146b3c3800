package loudness

import "math"

// Limiter timing: the look-ahead (and attack ramp) and the release time
// constant.
const (
	lookAhead = 0.005 // s
	release   = 0.060 // s
)

// block is the resolution of the limiter's gain envelope, in samples: the
// envelope is computed per block and interpolated between block centres,
// which is 16 times less work than per sample and, with the window one
// block wider than the look-ahead, never lets a peak through.
const block = 16

// limiterWork holds the buffers of envelope between passes.
type limiterWork struct {
	need, h, sum []float64
	dq           []int
}

// envelope fills env with a gain per block that keeps every oversampled
// peak p[b]·gain at or under ceiling: the moving minimum of the gain each
// block needs over ±L blocks (the look-ahead, plus one), released
// exponentially, then averaged over ±(L-1) blocks so it ramps instead of
// jumping. Every value averaged at b is at most what blocks b-1, b and b+1
// need, so neither the ramp nor the interpolation between block centres
// lets a peak through. It returns the deepest reduction in dB.
func (w *limiterWork) envelope(env, p []float64, rate int, gain, ceiling float64) float64 {
	n := len(p)
	L := 1 + int(math.Ceil(lookAhead*float64(rate)/block))
	if w.need == nil {
		w.need, w.h, w.sum = make([]float64, n), make([]float64, n), make([]float64, n+1)
	}
	need := w.need
	for i, v := range p {
		need[i] = 1
		if pk := v * gain; pk > ceiling {
			need[i] = ceiling / pk
		}
	}
	h := w.h
	w.dq = movingMin(h, need, L, w.dq)
	alpha := 1 - math.Exp(-block/(release*float64(rate)))
	e := 1.0
	for i := range h {
		e += (1 - e) * alpha
		e = min(e, h[i])
		h[i] = e
	}
	// Box average over [i-(L-1), i+(L-1)] with prefix sums.
	sum := w.sum
	for i, v := range h {
		sum[i+1] = sum[i] + v
	}
	a := L - 1
	deepest := 1.0
	for i := range env {
		lo, hi := max(0, i-a), min(n, i+a+1)
		g := (sum[hi] - sum[lo]) / float64(hi-lo)
		// Near the edges the window is cut short; never exceed the need.
		g = min(g, need[i])
		deepest = min(deepest, g)
		env[i] = g
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
