package tts

import "math"

// alignment finds how many samples later the content of in appears in
// out (an encoder's delay), by cross-correlating the loudest stretch of in
// against out over lags up to maxLag. It returns 0 when in is silent.
func alignment(in, out []float32, maxLag int) int {
	const win = 4096
	if len(in) < win {
		return 0
	}
	// The window of in with the most energy, searched in steps over the
	// part of in that out covers.
	best, bestE := 0, 0.0
	for s := 0; s+win+maxLag <= len(out) && s+win <= len(in); s += win / 2 {
		e := 0.0
		for _, v := range in[s : s+win] {
			e += float64(v) * float64(v)
		}
		if e > bestE {
			best, bestE = s, e
		}
	}
	if bestE == 0 {
		return 0
	}
	lag, lagC := 0, math.Inf(-1)
	for d := 0; d <= maxLag && best+d+win <= len(out); d++ {
		c := 0.0
		for i, v := range in[best : best+win] {
			c += float64(v) * float64(out[best+d+i])
		}
		if c > lagC {
			lag, lagC = d, c
		}
	}
	return lag
}
