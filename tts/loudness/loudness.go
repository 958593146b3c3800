// Package loudness measures and normalises the loudness of speech the way
// broadcasters and podcast apps do: integrated loudness in LUFS by ITU-R
// BS.1770-4 (K-weighting, 400 ms blocks overlapping by 75 %, an absolute
// gate at −70 LUFS and a relative gate 10 LU below), and true peak in dBTP
// from 4× oversampling. Normalize applies one gain and a look-ahead
// true-peak limiter, so every reading reaches the same target whatever
// backend or voice made it.
//
// Audio is mono float32 in [−1, 1]; callers downmix first.
package loudness

import (
	"math"
)

// Measurement is what Measure reports about a signal.
type Measurement struct {
	// Integrated is the gated integrated loudness in LUFS; -Inf for silence.
	Integrated float64 `json:"integrated_lufs"`
	// TruePeak is the largest 4×-oversampled absolute value in dBTP.
	TruePeak float64 `json:"true_peak_dbtp"`
}

// Measure returns the integrated loudness and true peak of mono samples
// at rate Hz.
func Measure(samples []float32, rate int) Measurement {
	return Measurement{Integrated: Integrated(samples, rate), TruePeak: TruePeak(samples)}
}

// biquad is one second-order IIR section in direct form I.
type biquad struct {
	b0, b1, b2, a1, a2 float64
}

// kWeighting returns the two stages of the BS.1770 K-weighting filter at
// rate Hz: a high shelf modelling the head, then a high pass (the RLB
// curve). The coefficients are derived from the analogue prototype, so
// they match the standard's published 48 kHz values and hold at any rate.
func kWeighting(rate int) [2]biquad {
	fs := float64(rate)
	// Stage 1: high shelf.
	f0, g, q := 1681.974450955533, 3.999843853973347, 0.7071752369554196
	k := math.Tan(math.Pi * f0 / fs)
	vh := math.Pow(10, g/20)
	vb := math.Pow(vh, 0.4996667741545416)
	a0 := 1 + k/q + k*k
	shelf := biquad{
		b0: (vh + vb*k/q + k*k) / a0,
		b1: 2 * (k*k - vh) / a0,
		b2: (vh - vb*k/q + k*k) / a0,
		a1: 2 * (k*k - 1) / a0,
		a2: (1 - k/q + k*k) / a0,
	}
	// Stage 2: high pass.
	f0, q = 38.13547087602444, 0.5003270373238773
	k = math.Tan(math.Pi * f0 / fs)
	a0 = 1 + k/q + k*k
	hp := biquad{
		b0: 1, b1: -2, b2: 1,
		a1: 2 * (k*k - 1) / a0,
		a2: (1 - k/q + k*k) / a0,
	}
	return [2]biquad{shelf, hp}
}

// Integrated returns the gated integrated loudness of mono samples at rate
// Hz in LUFS (BS.1770-4 §2 and Annex 1), or -Inf when every block is below
// the absolute gate or the signal is shorter than one 400 ms block.
func Integrated(samples []float32, rate int) float64 {
	if rate <= 0 {
		return math.Inf(-1)
	}
	return gated(kWeight(samples, rate), rate)
}

// kWeight returns samples through the K-weighting filter.
func kWeight(samples []float32, rate int) []float32 {
	f := kWeighting(rate)
	out := make([]float32, len(samples))
	// x: input history; y: shelf output (the high pass's input); z: output.
	var x1, x2, y1, y2, z1, z2 float64
	for i, s := range samples {
		x := float64(s)
		y := f[0].b0*x + f[0].b1*x1 + f[0].b2*x2 - f[0].a1*y1 - f[0].a2*y2
		z := f[1].b0*y + f[1].b1*y1 + f[1].b2*y2 - f[1].a1*z1 - f[1].a2*z2
		x2, x1 = x1, x
		y2, y1 = y1, y
		z2, z1 = z1, z
		out[i] = float32(z)
	}
	return out
}

// gated returns the gated loudness of K-weighted samples k.
func gated(k []float32, rate int) float64 {
	step := rate / 10
	if step == 0 || len(k) < 4*step {
		return math.Inf(-1)
	}
	steps := make([]float64, 0, len(k)/step)
	for s := 0; s+step <= len(k); s += step {
		acc := 0.0
		for _, z := range k[s : s+step] {
			acc += float64(z) * float64(z)
		}
		steps = append(steps, acc)
	}
	return gatedSteps(steps, step)
}

// gatedSteps returns the gated loudness from the K-weighted energy of each
// 100 ms step of step samples; a 400 ms block is four steps.
func gatedSteps(steps []float64, step int) float64 {
	blockLen := float64(4 * step)
	var blocks []float64 // mean square of each block
	for i := 0; i+4 <= len(steps); i++ {
		blocks = append(blocks, (steps[i]+steps[i+1]+steps[i+2]+steps[i+3])/blockLen)
	}
	absGate := msFromLUFS(-70)
	sum, cnt := 0.0, 0
	for _, z := range blocks {
		if z > absGate {
			sum += z
			cnt++
		}
	}
	if cnt == 0 {
		return math.Inf(-1)
	}
	relGate := msFromLUFS(lufs(sum/float64(cnt)) - 10)
	sum, cnt = 0, 0
	for _, z := range blocks {
		if z > absGate && z > relGate {
			sum += z
			cnt++
		}
	}
	if cnt == 0 {
		return math.Inf(-1)
	}
	return lufs(sum / float64(cnt))
}

func lufs(meanSquare float64) float64 { return -0.691 + 10*math.Log10(meanSquare) }

func msFromLUFS(l float64) float64 { return math.Pow(10, (l+0.691)/10) }

// DB converts a linear amplitude to decibels.
func DB(a float64) float64 { return 20 * math.Log10(a) }

// Linear converts decibels to a linear amplitude.
func Linear(db float64) float64 { return math.Pow(10, db/20) }
