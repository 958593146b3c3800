package mp3

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
)

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
		return nil, fmt.Errorf("mp3: %s not found on PATH; install it with apt-get install lame", path)
	}
	if p.Rate <= 0 || len(p.Samples) == 0 {
		return nil, errors.New("mp3: encoding: no audio")
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
		return nil, fmt.Errorf("mp3: lame: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	if out.Len() == 0 {
		return nil, errors.New("mp3: lame produced no audio")
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
		return PCM{}, fmt.Errorf("mp3: %s not found on PATH; install it with apt-get install lame", path)
	}
	cmd := exec.CommandContext(ctx, prog, "--quiet", "--decode", "--mp3input", "-", "-")
	cmd.Stdin = bytes.NewReader(mp3)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return PCM{}, ctx.Err()
		}
		return PCM{}, fmt.Errorf("mp3: lame --decode: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return DecodeWAV(out.Bytes())
}
