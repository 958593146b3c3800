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
// in dBTP (dB relative to full scale); -Inf for silence. Only samples
// whose neighbourhood could hold a value above the largest sample are
// interpolated: an interpolated value is at most the neighbourhood's
// largest sample times the sum of the filter's absolute weights.
func TruePeak(x []float32) float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, math.Abs(float64(v)))
	}
	if m == 0 {
		return math.Inf(-1)
	}
	// Largest absolute sample in each run of 64, to skip quiet stretches.
	const run = 64
	runMax := make([]float64, (len(x)+run-1)/run)
	for i, v := range x {
		runMax[i/run] = max(runMax[i/run], math.Abs(float64(v)))
	}
	local := func(n int) float64 { // bound on |x| over the filter's reach
		lo, hi := max(0, (n-halfTaps+1)/run), min(len(runMax)-1, (n+halfTaps)/run)
		b := 0.0
		for r := lo; r <= hi; r++ {
			b = max(b, runMax[r])
		}
		return b
	}
	tp := m
	for n := range x {
		if local(n)*gainBound <= tp {
			continue
		}
		for p := 1; p < oversample; p++ {
			tp = max(tp, math.Abs(interpolate(x, n, p)))
		}
	}
	return DB(tp)
}

// gainBound is the largest sum of absolute weights of any phase.
var gainBound = func() float64 {
	b := 1.0
	for _, ph := range phases {
		s := 0.0
		for _, c := range ph {
			s += math.Abs(c)
		}
		b = max(b, s)
	}
	return b
}()

// interpolate returns the value of x at n + p/4.
func interpolate(x []float32, n, p int) float64 {
	v := 0.0
	base := n - halfTaps + 1
	for j, c := range phases[p] {
		if i := base + j; i >= 0 && i < len(x) {
			v += c * float64(x[i])
		}
	}
	return v
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
