package tts

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"dxnews/tts/loudness"
	"dxnews/tts/mp3"
)

// wavOf encodes mono samples as a 16-bit WAV file.
func wavOf(rate int, x []float32) []byte {
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(36 + 2*len(x)))
	b.WriteString("WAVEfmt ")
	le(uint32(16))
	le(uint16(1))
	le(uint16(1))
	le(uint32(rate))
	le(uint32(2 * rate))
	le(uint16(2))
	le(uint16(16))
	b.WriteString("data")
	le(uint32(2 * len(x)))
	for _, v := range x {
		le(int16(math.Round(float64(v) * 32767)))
	}
	return b.Bytes()
}

// voiceLike is 3 s of syllable-shaped noise and buzz with sharp clicks,
// peaking near full scale while its loudness is low: what espeak gives.
func voiceLike(rate int, gain float64, seed uint64) []float32 {
	r := rand.New(rand.NewPCG(seed, 7))
	out := make([]float32, 3*rate)
	for i := range out {
		tt := float64(i) / float64(rate)
		env := math.Max(0, math.Sin(2*math.Pi*3*tt))
		v := env * (0.12*(r.Float64()*2-1) + 0.1*math.Sin(2*math.Pi*150*tt))
		if i%(rate/2) == 100 {
			v = 0.95
		}
		out[i] = float32(gain * v)
	}
	return out
}

// Every voice and backend comes out at the same loudness, whatever level
// the backend delivered: quiet WAV, loud WAV and MP3 alike, measured on
// the decoded published MP3, with true peaks under the limit.
func TestSpeakNormalisesLoudness(t *testing.T) {
	rate := 22050
	cases := map[string][]byte{
		"quiet wav": wavOf(rate, voiceLike(rate, 0.3, 1)),
		"loud wav":  wavOf(rate, voiceLike(rate, 1, 2)),
		"mp3":       readTestdata(t, "sine.mp3"),
	}
	for name, audio := range cases {
		t.Run(name, func(t *testing.T) {
			sp := &Speaker{Backend: &fakeBackend{audio: audio}, MaxChunk: 120}
			got, err := sp.Speak(context.Background(), testArticle, "north-female")
			if err != nil {
				t.Fatal(err)
			}
			dec, err := mp3.Decode(got.MP3)
			if err != nil {
				t.Fatal(err)
			}
			m := loudness.Measure(dec.Samples, dec.Rate)
			if math.Abs(m.Integrated-PodcastLoudness.Integrated) > 0.5 {
				t.Errorf("integrated loudness %.2f LUFS, want -16 ± 0.5", m.Integrated)
			}
			if m.TruePeak > PodcastLoudness.TruePeak-checkMargin+0.01 {
				t.Errorf("true peak %.2f dBTP, want ≤ %.2f", m.TruePeak, PodcastLoudness.TruePeak-checkMargin)
			}
			// The Speaker measured lame's decoding; go-mp3's differs by
			// rounding only.
			if math.Abs(got.Loudness.Integrated-m.Integrated) > 0.02 || math.Abs(got.Loudness.TruePeak-m.TruePeak) > 0.02 {
				t.Errorf("Speech.Loudness = %+v, measured %+v", got.Loudness, m)
			}
			a := got.Audio("/x.mp3")
			if math.Abs(a.LoudnessLUFS-m.Integrated) > 0.02 || math.Abs(a.TruePeakDBTP-m.TruePeak) > 0.02 {
				t.Errorf("audio record %+v does not carry the measurement %+v", a, m)
			}
			if d, _ := mp3.Duration(got.MP3); d.Milliseconds() != got.DurationMS {
				t.Errorf("decoded %v, Speech says %d ms", d, got.DurationMS)
			}
			if last := got.Timings[len(got.Timings)-1]; last.EndMS != got.DurationMS {
				t.Errorf("timings end at %d ms, audio lasts %d ms", last.EndMS, got.DurationMS)
			}
		})
	}
}

// The cache key covers the loudness target and the encoder, so changing
// either re-renders the audio instead of serving the old loudness.
func TestKeyCoversNormalisation(t *testing.T) {
	fb := &fakeBackend{}
	base := &Speaker{Backend: fb}
	k0, _ := base.Key(testArticle, "north-female")
	louder := &Speaker{Backend: fb, Loudness: Loudness{Integrated: -14, TruePeak: -1}}
	k1, _ := louder.Key(testArticle, "north-female")
	richer := &Speaker{Backend: fb, Encoder: &mp3.Lame{Bitrate: 96}}
	k2, _ := richer.Key(testArticle, "north-female")
	same := &Speaker{Backend: fb, Loudness: PodcastLoudness, Encoder: &mp3.Lame{Bitrate: 64, Quality: 7}}
	k3, _ := same.Key(testArticle, "north-female")
	if k0 == k1 || k0 == k2 || k1 == k2 {
		t.Errorf("keys do not change with the target or the encoder: %s %s %s", k0, k1, k2)
	}
	if k0 != k3 {
		t.Error("explicit defaults give a different key from the zero values")
	}
}

// The encoder's delay is found by correlation, so timings line up with the
// decoded audio: a click at 1 s in the input sits at 1 s + delay.
func TestPublishFindsEncoderDelay(t *testing.T) {
	rate := 22050
	x := voiceLike(rate, 0.5, 3)
	sp := &Speaker{}
	pub, err := sp.publish(context.Background(), mp3.PCM{Rate: rate, Samples: x})
	if err != nil {
		t.Fatal(err)
	}
	dec, err := mp3.Decode(pub.mp3)
	if err != nil {
		t.Fatal(err)
	}
	// voiceLike clicks at sample 100 of every half second.
	click := 100 + rate
	bestI, best := 0, 0.0
	for i := click; i < click+rate/5; i++ {
		if v := math.Abs(float64(dec.Samples[i])); v > best {
			bestI, best = i, v
		}
	}
	delay := int(pub.delay.Seconds()*float64(rate) + 0.5)
	if diff := bestI - click - delay; diff < -3 || diff > 3 {
		t.Errorf("click decoded at %d, input %d + delay %d", bestI, click, delay)
	}
	if pub.delay <= 0 || pub.delay > 100e6 {
		t.Errorf("encoder delay %v, want (0, 100 ms]", pub.delay)
	}
}

func TestDecodeWAV(t *testing.T) {
	x := []float32{0, 0.5, -0.5, 0.25}
	p, err := mp3.DecodeWAV(wavOf(16000, x))
	if err != nil || p.Rate != 16000 || len(p.Samples) != 4 {
		t.Fatalf("DecodeWAV = %+v, %v", p, err)
	}
	for i := range x {
		if math.Abs(float64(p.Samples[i]-x[i])) > 1e-4 {
			t.Errorf("sample %d = %v, want %v", i, p.Samples[i], x[i])
		}
	}
	// A WAV written to a pipe carries a placeholder size; the data runs to
	// the end.
	b := wavOf(16000, x)
	binary.LittleEndian.PutUint32(b[40:], 0xffffffff)
	if p, err := mp3.DecodeWAV(b); err != nil || len(p.Samples) != 4 {
		t.Errorf("placeholder size: %d samples, %v", len(p.Samples), err)
	}
	for name, bad := range map[string][]byte{
		"not riff": []byte("hello world, not audio"),
		"8-bit":    append(wavOf(16000, x)[:34:34], append([]byte{8, 0}, wavOf(16000, x)[36:]...)...),
	} {
		if _, err := mp3.DecodeWAV(bad); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

// The same text gives the same MP3 and measurement whatever the Speaker
// read before: a resumed run must store what a clean run stores.
func TestSpeakIsDeterministic(t *testing.T) {
	audio := wavOf(22050, voiceLike(22050, 0.6, 4))
	a := &Speaker{Backend: &fakeBackend{audio: audio}, MaxChunk: 120}
	b := &Speaker{Backend: &fakeBackend{audio: wavOf(22050, voiceLike(22050, 0.2, 5))}, MaxChunk: 120}
	if _, err := b.Speak(context.Background(), "Một bài khác, đọc trước.", "south-male"); err != nil {
		t.Fatal(err)
	}
	b.Backend = &fakeBackend{audio: audio}
	x, err := a.Speak(context.Background(), testArticle, "south-male")
	if err != nil {
		t.Fatal(err)
	}
	y, err := b.Speak(context.Background(), testArticle, "south-male")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.MP3, y.MP3) || x.Loudness != y.Loudness || x.GainDB != y.GainDB {
		t.Errorf("same input, different output: %+v vs %+v", x.Loudness, y.Loudness)
	}
}
