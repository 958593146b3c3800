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
