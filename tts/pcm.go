package tts

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/hajimehoshi/go-mp3"
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
	return DecodeMP3(b)
}

// DecodeMP3 decodes MP3 (tags and an info frame are skipped) with go-mp3.
func DecodeMP3(b []byte) (PCM, error) {
	return decodeMP3(b, -1)
}

// decodeMP3 decodes at most limit samples (all when limit < 0).
func decodeMP3(b []byte, limit int) (PCM, error) {
	frames, err := StripMP3(b)
	if err != nil {
		return PCM{}, err
	}
	d, err := mp3.NewDecoder(bytes.NewReader(frames))
	if err != nil {
		return PCM{}, fmt.Errorf("tts: decoding mp3: %w", err)
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
		return PCM{}, fmt.Errorf("tts: decoding mp3: %w", err)
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

// DecodeWAV reads a 16-bit PCM WAV file, mono or stereo. A data chunk
// whose size field is a placeholder (a WAV written to a pipe) runs to the
// end of the file.
func DecodeWAV(b []byte) (PCM, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return PCM{}, errors.New("tts: decoding wav: not a RIFF WAVE file")
	}
	var channels, bits, rate int
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:]))
		body := b[p+8:]
		switch id {
		case "fmt ":
			if size < 16 || len(body) < 16 {
				return PCM{}, errors.New("tts: decoding wav: short fmt chunk")
			}
			if f := binary.LittleEndian.Uint16(body); f != 1 && f != 0xfffe {
				return PCM{}, fmt.Errorf("tts: decoding wav: format %d, want PCM", f)
			}
			channels = int(binary.LittleEndian.Uint16(body[2:]))
			rate = int(binary.LittleEndian.Uint32(body[4:]))
			bits = int(binary.LittleEndian.Uint16(body[14:]))
		case "data":
			if bits != 16 || channels < 1 || channels > 2 || rate <= 0 {
				return PCM{}, fmt.Errorf("tts: decoding wav: %d-bit, %d channels at %d Hz; want 16-bit mono or stereo", bits, channels, rate)
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
	return PCM{}, errors.New("tts: decoding wav: no data chunk")
}

// Decoder is implemented by encoders that can also decode what they made
// faster than go-mp3; the Speaker uses it to check the encoded loudness.
type Decoder interface {
	Decode(ctx context.Context, mp3 []byte) (PCM, error)
}

// Encoder turns PCM into MP3.
type Encoder interface {
	Encode(ctx context.Context, p PCM) ([]byte, error)
	// Settings describes everything that shapes the output; it is part of
	// the cache key.
	Settings() string
}

// Lame encodes with the lame program: constant bit rate, mono, at the
// input's sample rate.
type Lame struct {
	// Path is the program, looked up on PATH; "" means "lame".
	Path string
	// Bitrate in kbit/s; 0 means 64.
	Bitrate int
	// Quality is lame's -q (0 best, 9 fastest); 0 means 7.
	Quality int
}

var (
	_ Encoder = (*Lame)(nil)
	_ Decoder = (*Lame)(nil)
)

func (l *Lame) settings() (path string, bitrate, quality int) {
	path, bitrate, quality = l.Path, l.Bitrate, l.Quality
	if path == "" {
		path = "lame"
	}
	if bitrate <= 0 {
		bitrate = 64
	}
	if quality <= 0 {
		quality = 7
	}
	return
}

// Settings names the encoder, bit rate and quality.
func (l *Lame) Settings() string {
	_, b, q := l.settings()
	return fmt.Sprintf("lame;cbr=%d;q=%d;mono", b, q)
}

// Encode runs lame over p as raw 16-bit samples (dithered by rounding).
func (l *Lame) Encode(ctx context.Context, p PCM) ([]byte, error) {
	path, bitrate, quality := l.settings()
	prog, err := exec.LookPath(path)
	if err != nil {
		return nil, fmt.Errorf("tts: %s not found on PATH; install it with apt-get install lame", path)
	}
	if p.Rate <= 0 || len(p.Samples) == 0 {
		return nil, errors.New("tts: encoding: no audio")
	}
	raw := make([]byte, 2*len(p.Samples))
	for i, s := range p.Samples {
		v := math.Round(float64(s) * 32767)
		v = max(-32768, min(32767, v))
		binary.LittleEndian.PutUint16(raw[2*i:], uint16(int16(v)))
	}
	khz := strconv.FormatFloat(float64(p.Rate)/1000, 'f', -1, 64)
	cmd := exec.CommandContext(ctx, prog, "--quiet", "-r", "-s", khz, "--bitwidth", "16", "--signed", "--little-endian",
		"-m", "m", "--resample", khz, "-q", strconv.Itoa(quality), "-b", strconv.Itoa(bitrate), "-", "-")
	cmd.Stdin = bytes.NewReader(raw)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("tts: lame: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	if out.Len() == 0 {
		return nil, errors.New("tts: lame produced no audio")
	}
	return out.Bytes(), nil
}

// Decode runs lame's decoder (mpglib) over mp3 and returns its mono PCM,
// about eight times faster than go-mp3. Like most decoders given no LAME
// tag, it drops the 529 samples of the decoder's own delay at the start.
func (l *Lame) Decode(ctx context.Context, mp3 []byte) (PCM, error) {
	path, _, _ := l.settings()
	prog, err := exec.LookPath(path)
	if err != nil {
		return PCM{}, fmt.Errorf("tts: %s not found on PATH; install it with apt-get install lame", path)
	}
	cmd := exec.CommandContext(ctx, prog, "--quiet", "--decode", "--mp3input", "-", "-")
	cmd.Stdin = bytes.NewReader(mp3)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return PCM{}, ctx.Err()
		}
		return PCM{}, fmt.Errorf("tts: lame --decode: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return DecodeWAV(out.Bytes())
}

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
