package mp3

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// DecodeWAV reads a 16-bit PCM WAV file, mono or stereo. A data chunk
// whose size field is a placeholder (a WAV written to a pipe) runs to the
// end of the file.
func DecodeWAV(b []byte) (PCM, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return PCM{}, errors.New("mp3: decoding wav: not a RIFF WAVE file")
	}
	var channels, bits, rate int
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:]))
		body := b[p+8:]
		switch id {
		case "fmt ":
			if size < 16 || len(body) < 16 {
				return PCM{}, errors.New("mp3: decoding wav: short fmt chunk")
			}
			if f := binary.LittleEndian.Uint16(body); f != 1 && f != 0xfffe {
				return PCM{}, fmt.Errorf("mp3: decoding wav: format %d, want PCM", f)
			}
			channels = int(binary.LittleEndian.Uint16(body[2:]))
			rate = int(binary.LittleEndian.Uint32(body[4:]))
			bits = int(binary.LittleEndian.Uint16(body[14:]))
		case "data":
			if bits != 16 || channels < 1 || channels > 2 || rate <= 0 {
				return PCM{}, fmt.Errorf("mp3: decoding wav: %d-bit, %d channels at %d Hz; want 16-bit mono or stereo", bits, channels, rate)
			}
			if size > len(body) || size == 0 {
				size = len(body)
			}
			frame := 2 * channels
			out := make([]float32, size/frame)
			for i := range out {
				s := 0.0
				for c := range channels {
					s += float64(int16(binary.LittleEndian.Uint16(body[i*frame+2*c:])))
				}
				out[i] = float32(s / float64(channels) / 32768)
			}
			return PCM{Rate: rate, Samples: out}, nil
		}
		p += 8 + size + size&1
	}
	return PCM{}, errors.New("mp3: decoding wav: no data chunk")
}
