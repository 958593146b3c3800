// Package mp3 handles MP3 audio for speech: frames (tags and info frames
// stripped, files joined, durations), decoding to mono PCM (MP3 and WAV),
// and encoding with lame.
package mp3

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	gomp3 "github.com/hajimehoshi/go-mp3"
)

// Duration decodes b with go-mp3 and returns its playing time. ID3
// tags, which go-mp3 does not always skip (several, or one with a footer),
// are removed first.
func Duration(b []byte) (time.Duration, error) {
	b = stripID3v1(stripID3v2(b))
	d, err := gomp3.NewDecoder(bytes.NewReader(b))
	if err != nil {
		return 0, fmt.Errorf("mp3: decoding: %w", err)
	}
	n := d.Length()
	if n < 0 {
		return 0, errors.New("mp3: decoding: unknown length")
	}
	rate := int64(d.SampleRate())
	if rate <= 0 {
		return 0, errors.New("mp3: decoding: no sample rate")
	}
	// go-mp3 always outputs 16-bit stereo: 4 bytes per sample frame.
	samples := n / 4
	return time.Duration(samples * int64(time.Second) / rate), nil
}

// Join concatenates MP3 files into one stream that decoders read as the
// sum of the parts. Each part's ID3v2 and ID3v1 tags and its leading
// Xing/Info/VBRI header frame are stripped, since a second header frame or
// tag in mid-stream stops decoders. All parts must share a sample rate.
func Join(parts [][]byte) ([]byte, error) {
	if len(parts) == 0 {
		return nil, errors.New("mp3: join: no parts")
	}
	var out bytes.Buffer
	rate := 0
	for i, p := range parts {
		frames, h, err := audioFrames(p)
		if err != nil {
			return nil, fmt.Errorf("mp3: join: part %d: %w", i, err)
		}
		if rate != 0 && h.sampleRate != rate {
			return nil, fmt.Errorf("mp3: join: part %d has sample rate %d Hz, part 0 has %d Hz", i, h.sampleRate, rate)
		}
		rate = h.sampleRate
		out.Write(frames)
	}
	return out.Bytes(), nil
}

// Strip returns the audio frames of one MP3 file: no ID3 tags and no
// Xing/Info/VBRI header frame. Its decoded duration is what the part adds
// to a [Join] result.
func Strip(b []byte) ([]byte, error) {
	frames, _, err := audioFrames(b)
	if err != nil {
		return nil, fmt.Errorf("mp3: %w", err)
	}
	return frames, nil
}

// audioFrames strips tags and the info frame and returns the remaining frames
// and the header of the first audio frame.
func audioFrames(b []byte) ([]byte, frameHeader, error) {
	b = stripID3v2(b)
	b = stripID3v1(b)
	start := -1
	var h frameHeader
	for i := 0; i+4 <= len(b); i++ {
		var ok bool
		h, ok = parseFrameHeader(b[i:])
		if !ok {
			continue
		}
		// Confirm with the next frame unless this one ends the data.
		next := i + h.length
		if next+4 <= len(b) {
			h2, ok2 := parseFrameHeader(b[next:])
			if !ok2 || h2.sampleRate != h.sampleRate || h2.version != h.version {
				continue
			}
		} else if next > len(b) {
			continue
		}
		start = i
		break
	}
	if start < 0 {
		return nil, frameHeader{}, errors.New("no mpeg audio frame found")
	}
	b = b[start:]
	if isInfoFrame(b, h) {
		b = b[h.length:]
		nh, ok := parseFrameHeader(b)
		if !ok {
			if len(b) == 0 {
				return nil, frameHeader{}, errors.New("no audio frames after the info frame")
			}
			return nil, frameHeader{}, errors.New("no audio frame after the info frame")
		}
		h = nh
	}
	return b, h, nil
}

func stripID3v2(b []byte) []byte {
	for len(b) >= 10 && string(b[:3]) == "ID3" {
		size := int(b[6]&0x7f)<<21 | int(b[7]&0x7f)<<14 | int(b[8]&0x7f)<<7 | int(b[9]&0x7f)
		total := 10 + size
		if b[5]&0x10 != 0 { // footer present
			total += 10
		}
		if total > len(b) {
			return b[len(b):]
		}
		b = b[total:]
	}
	return b
}

func stripID3v1(b []byte) []byte {
	if len(b) >= 128 && string(b[len(b)-128:len(b)-125]) == "TAG" {
		return b[:len(b)-128]
	}
	return b
}

type frameHeader struct {
	version    int // 1, 2 or 25 (MPEG-2.5)
	mono       bool
	sampleRate int
	length     int
}

var (
	bitratesV1L3 = [16]int{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1}
	bitratesV2L3 = [16]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}
	sampleRates  = map[int][3]int{1: {44100, 48000, 32000}, 2: {22050, 24000, 16000}, 25: {11025, 12000, 8000}}
)

// parseFrameHeader reads an MPEG layer III frame header.
func parseFrameHeader(b []byte) (frameHeader, bool) {
	if len(b) < 4 || b[0] != 0xff || b[1]&0xe0 != 0xe0 {
		return frameHeader{}, false
	}
	var h frameHeader
	switch (b[1] >> 3) & 3 {
	case 0:
		h.version = 25
	case 2:
		h.version = 2
	case 3:
		h.version = 1
	default:
		return frameHeader{}, false
	}
	if (b[1]>>1)&3 != 1 { // layer III only
		return frameHeader{}, false
	}
	bi := int(b[2] >> 4)
	si := int(b[2]>>2) & 3
	if si == 3 || bi == 0 || bi == 15 {
		return frameHeader{}, false
	}
	pad := int(b[2]>>1) & 1
	h.sampleRate = sampleRates[h.version][si]
	h.mono = b[3]>>6 == 3
	if h.version == 1 {
		h.length = 144*bitratesV1L3[bi]*1000/h.sampleRate + pad
	} else {
		h.length = 72*bitratesV2L3[bi]*1000/h.sampleRate + pad
	}
	return h, h.length > 4
}

// isInfoFrame reports whether the frame at the start of b carries a LAME
// Xing/Info or a Fraunhofer VBRI header rather than audio.
func isInfoFrame(b []byte, h frameHeader) bool {
	side := 32
	switch {
	case h.version == 1 && h.mono:
		side = 17
	case h.version != 1 && !h.mono:
		side = 17
	case h.version != 1 && h.mono:
		side = 9
	}
	frame := b[:min(h.length, len(b))]
	// With a CRC after the header the tag may sit 2 bytes later; LAME
	// writes it at the unshifted offset even then.
	for _, off := range []int{4 + side, 6 + side} {
		if off+4 <= len(frame) {
			if tag := string(frame[off : off+4]); tag == "Xing" || tag == "Info" {
				return true
			}
		}
	}
	return len(frame) >= 40 && string(frame[36:40]) == "VBRI"
}
