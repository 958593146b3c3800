package loudness

import (
	"math"
	"math/rand/v2"
	"testing"
)

func sine(freq, peakDB float64, rate int, seconds, phase float64) []float32 {
	a := Linear(peakDB)
	out := make([]float32, int(seconds*float64(rate)))
	for i := range out {
		out[i] = float32(a * math.Sin(2*math.Pi*freq*float64(i)/float64(rate)+phase))
	}
	return out
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.3f, want %.3f ± %.3f", what, got, want, tol)
	}
}

// The standard publishes the K-weighting coefficients at 48 kHz
// (BS.1770-4, tables 1 and 2); the derivation must reproduce them.
func TestKWeightingMatchesPublished48kHz(t *testing.T) {
	f := kWeighting(48000)
	near(t, "shelf b0", f[0].b0, 1.53512485958697, 1e-9)
	near(t, "shelf b1", f[0].b1, -2.69169618940638, 1e-9)
	near(t, "shelf b2", f[0].b2, 1.19839281085285, 1e-9)
	near(t, "shelf a1", f[0].a1, -1.69065929318241, 1e-9)
	near(t, "shelf a2", f[0].a2, 0.73248077421585, 1e-9)
	near(t, "high-pass a1", f[1].a1, -1.99004745483398, 1e-9)
	near(t, "high-pass a2", f[1].a2, 0.99007225036621, 1e-9)
}

// A 997 Hz sine of peak amplitude A in one channel reads 20·log10(A) − 3.01
// LUFS: full scale is −3.01 LUFS (EBU Tech 3341's reference in mono form).
func TestSineReadsTextbookLoudness(t *testing.T) {
	for _, rate := range []int{48000, 44100, 24000, 22050, 16000} {
		for _, level := range []float64{0, -20, -23} {
			got := Integrated(sine(997, level, rate, 10, 0), rate)
			near(t, "sine loudness", got, level-3.01, 0.05)
		}
	}
}

func TestAbsoluteGateIgnoresSilence(t *testing.T) {
	rate := 22050
	tone := sine(997, -20, rate, 20, 0)
	withSilence := append(append(make([]float32, 5*rate), tone...), make([]float32, 10*rate)...)
	// The few blocks that straddle an edge hold part tone, part silence,
	// and pass both gates: they lower the reading by under 0.1 LU.
	near(t, "tone with silence", Integrated(withSilence, rate), Integrated(tone, rate), 0.1)
	if got := Integrated(make([]float32, 3*rate), rate); !math.IsInf(got, -1) {
		t.Errorf("silence = %v LUFS, want -Inf", got)
	}
	if got := Integrated(tone[:rate/4], rate); !math.IsInf(got, -1) {
		t.Errorf("250 ms = %v LUFS, want -Inf (shorter than one block)", got)
	}
}

// A part 20 dB quieter than the rest falls under the relative gate (10 LU
// below the ungated mean), so it does not drag the reading down; a part
// 6 dB quieter passes the gate and counts.
func TestRelativeGate(t *testing.T) {
	rate := 48000
	loud := sine(997, -20, rate, 10, 0)
	quiet := sine(997, -40, rate, 10, 0)
	// Tolerance: the blocks straddling the change are half loud.
	near(t, "with a -40 dBFS part", Integrated(append(loud, quiet...), rate), -23.01, 0.1)
	mid := sine(997, -26, rate, 10, 0)
	// Mean of the two powers: 10·log10((1 + 10^-0.6)/2) = −2.03 dB.
	near(t, "with a -26 dBFS part", Integrated(append(loud, mid...), rate), -23.01-2.03, 0.05)
}

// A sine at a quarter of the sample rate sampled 45° off its crests peaks
// at 0.707 in the samples but at 1.0 between them: sample peak −3.01 dBFS,
// true peak 0 dBTP.
func TestTruePeakSeesInterSamplePeaks(t *testing.T) {
	rate := 48000
	x := sine(float64(rate)/4, 0, rate, 1, math.Pi/4)
	sp := 0.0
	for _, v := range x {
		sp = max(sp, math.Abs(float64(v)))
	}
	near(t, "sample peak", DB(sp), -3.01, 0.01)
	// A short interpolator overshoots a little this close to Nyquist; reading
	// high is the safe side for a ceiling.
	near(t, "true peak", TruePeak(x), 0.05, 0.1)
	// A low tone's true peak is its sample peak.
	near(t, "997 Hz true peak", TruePeak(sine(997, -6, rate, 1, 0.3)), -6, 0.05)
	if !math.IsInf(TruePeak(make([]float32, 100)), -1) {
		t.Error("silence has a true peak")
	}
}

// speechLike is noise shaped into syllable bursts with sharp transients:
// a peak-to-loudness ratio like espeak's (about 19 dB), so the limiter has
// work to do.
func speechLike(rate int, seconds float64) []float32 {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]float32, int(seconds*float64(rate)))
	for i := range out {
		tt := float64(i) / float64(rate)
		env := math.Max(0, math.Sin(2*math.Pi*4*tt)) // 4 syllables a second
		v := 0.1 * env * (r.Float64()*2 - 1)
		v += 0.08 * env * math.Sin(2*math.Pi*180*tt)
		if i%(rate/3) == 0 {
			v += 0.9 // a click three times a second
		}
		out[i] = float32(v)
	}
	return out
}

func TestNormalizeReachesTargetUnderCeiling(t *testing.T) {
	rate := 22050
	x := speechLike(rate, 20)
	m := Measure(x, rate)
	if m.TruePeak-m.Integrated < 16 {
		t.Fatalf("fixture peak-to-loudness ratio %.1f dB is too small to test the limiter", m.TruePeak-m.Integrated)
	}
	target := Target{Integrated: -16, Ceiling: -1.5}
	out, res := Normalize(x, rate, target)
	if len(out) != len(x) {
		t.Fatalf("length %d, want %d", len(out), len(x))
	}
	got := Measure(out, rate)
	near(t, "integrated after", got.Integrated, -16, 0.1)
	near(t, "estimated true peak", res.After.TruePeak, got.TruePeak, 0.1)
	if got.TruePeak > target.Ceiling+0.05 {
		t.Errorf("true peak after = %.2f dBTP, over the %.2f ceiling", got.TruePeak, target.Ceiling)
	}
	near(t, "estimated integrated", res.After.Integrated, got.Integrated, 0.1)
	near(t, "reported before", res.Before.Integrated, m.Integrated, 1e-9)
	if res.LimitedDB <= 0 {
		t.Errorf("limiter reduction %.2f dB, want > 0 for peaks this high", res.LimitedDB)
	}
	// A quiet, peak-free signal is only scaled: the limiter stays out.
	tone := sine(440, -30, rate, 5, 0)
	out, res = Normalize(tone, rate, target)
	near(t, "tone after", Integrated(out, rate), -16, 0.05)
	if res.LimitedDB > 0.01 {
		t.Errorf("tone limited by %.2f dB, want 0", res.LimitedDB)
	}
	ratio := float64(out[1000]) / float64(tone[1000])
	near(t, "tone gain", DB(ratio), res.GainDB, 0.01)
}

func TestNormalizeLeavesSilenceAlone(t *testing.T) {
	x := make([]float32, 22050)
	out, res := Normalize(x, 22050, Target{Integrated: -16, Ceiling: -1})
	if !math.IsInf(res.Before.Integrated, -1) || res.GainDB != 0 {
		t.Fatalf("silence: %+v", res)
	}
	for _, v := range out {
		if v != 0 {
			t.Fatal("silence changed")
		}
	}
}

func TestMovingMin(t *testing.T) {
	v := []float64{5, 3, 8, 1, 9, 9, 7, 2, 6}
	got := make([]float64, len(v))
	movingMin(got, v, 1, nil)
	want := []float64{3, 3, 1, 1, 1, 7, 2, 2, 2}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("movingMin = %v, want %v", got, want)
		}
	}
}

func BenchmarkMeasure(b *testing.B) {
	rate := 22050
	x := speechLike(rate, 60)
	b.SetBytes(int64(len(x) * 4))
	for b.Loop() {
		Measure(x, rate)
	}
}

// The pruned true peak reads exactly what full oversampling reads.
func TestTruePeakPruningIsExact(t *testing.T) {
	for _, x := range [][]float32{
		speechLike(22050, 5),
		sine(float64(48000)/4, -6, 48000, 0.5, math.Pi/4),
		append(make([]float32, 1000), 0.5, -0.5, 0.5, -0.5),
	} {
		full := 0.0
		for _, p := range peaks(x) {
			full = max(full, float64(p))
		}
		if got := TruePeak(x); math.Abs(got-DB(full)) > 1e-4 { // peaks keeps float32
			t.Errorf("pruned true peak %.6f dBTP, full %.6f", got, DB(full))
		}
	}
}
