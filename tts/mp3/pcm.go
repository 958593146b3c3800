package mp3

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	gomp3 "github.com/hajimehoshi/go-mp3"
)

// PCM is mono audio: samples in [−1, 1] at Rate Hz.
type PCM struct {
	Rate    int
	Samples []float32
}

// Duration returns the playing time of p.
func (p PCM) Duration() time.Duration {
	if p.Rate <= 0 {
		return 0
	}
	return time.Duration(int64(len(p.Samples)) * int64(time.Second) / int64(p.Rate))
}

// DecodeAudio decodes what a backend returned: 16-bit PCM WAV when it
// starts with "RIFF", else MP3. Stereo is mixed down to mono.
func DecodeAudio(b []byte) (PCM, error) {
	if len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WAVE" {
		return DecodeWAV(b)
	}
	return Decode(b)
}

// Decode decodes MP3 (tags and an info frame are skipped) with go-mp3.
func Decode(b []byte) (PCM, error) {
	return DecodeHead(b, -1)
}

// DecodeHead decodes at most limit samples (all when limit < 0).
func DecodeHead(b []byte, limit int) (PCM, error) {
	frames, err := Strip(b)
	if err != nil {
		return PCM{}, err
	}
	d, err := gomp3.NewDecoder(bytes.NewReader(frames))
	if err != nil {
		return PCM{}, fmt.Errorf("mp3: decoding: %w", err)
	}
	var raw []byte
	if n := d.Length(); n > 0 {
		if limit >= 0 {
			n = min(n, 4*int64(limit))
		}
		raw = make([]byte, n)
		var got int
		got, err = io.ReadFull(d, raw)
		raw = raw[:got]
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = nil
		}
	} else {
		raw, err = io.ReadAll(d)
	}
	if err != nil {
		return PCM{}, fmt.Errorf("mp3: decoding: %w", err)
	}
	// go-mp3 always gives 16-bit little-endian stereo.
	out := make([]float32, len(raw)/4)
	for i := range out {
		l := int16(binary.LittleEndian.Uint16(raw[4*i:]))
		r := int16(binary.LittleEndian.Uint16(raw[4*i+2:]))
		out[i] = (float32(l) + float32(r)) / 65536
	}
	return PCM{Rate: d.SampleRate(), Samples: out}, nil
}
