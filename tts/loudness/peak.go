package loudness

import "math"

// Oversampling for true peak: 4×, a Hann-windowed sinc 12 taps wide per
// phase (48 in all, the size of BS.1770-4 Annex 2's example filter).
const (
	oversample = 4
	halfTaps   = 6
)

// phases[p][j] weighs sample n-halfTaps+1+j for the value at n + p/4.
var phases = func() [oversample][2 * halfTaps]float64 {
	var ph [oversample][2 * halfTaps]float64
	for p := 1; p < oversample; p++ {
		t := float64(p) / oversample
		for j := range 2 * halfTaps {
			d := t - float64(j-halfTaps+1) // distance from sample to t
			w := 0.5 * (1 + math.Cos(math.Pi*d/halfTaps))
			ph[p][j] = sinc(d) * w
		}
	}
	return ph
}()

func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// TruePeak returns the largest absolute value of the 4× oversampled signal
// in dBTP (dB relative to full scale); -Inf for silence.
func TruePeak(samples []float32) float64 {
	m := 0.0
	for _, p := range peaks(samples) {
		m = max(m, float64(p))
	}
	return DB(m)
}

// peaks returns, for every sample n, the largest absolute value the 4×
// oversampled signal takes in [n, n+1).
func peaks(x []float32) []float32 {
	out := make([]float32, len(x))
	at := func(i int) float64 {
		if i < 0 || i >= len(x) {
			return 0
		}
		return float64(x[i])
	}
	for n := range x {
		m := math.Abs(float64(x[n]))
		for p := 1; p < oversample; p++ {
			v := 0.0
			base := n - halfTaps + 1
			if base >= 0 && base+2*halfTaps <= len(x) {
				w := x[base : base+2*halfTaps]
				for j, c := range phases[p] {
					v += c * float64(w[j])
				}
			} else {
				for j, c := range phases[p] {
					v += c * at(base+j)
				}
			}
			m = max(m, math.Abs(v))
		}
		out[n] = float32(m)
	}
	return out
}
