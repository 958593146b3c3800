package mp3

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMP3Duration(t *testing.T) {
	// sine.mp3 is 0.6 s of 22,050 Hz audio; LAME adds encoder delay and
	// padding of under 0.1 s.
	d, err := Duration(readTestdata(t, "sine.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	if d < 600*time.Millisecond || d > 750*time.Millisecond {
		t.Fatalf("duration = %v, want 0.6–0.75 s", d)
	}
	if _, err := Duration([]byte("not an mp3 at all")); err == nil {
		t.Fatal("garbage decoded without error")
	}
}

func TestJoinMP3SumsParts(t *testing.T) {
	a := readTestdata(t, "tagged.mp3") // ID3v2 + ID3v1 + Info frame
	b := readTestdata(t, "sine.mp3")
	joined, err := Join([][]byte{a, b, a})
	if err != nil {
		t.Fatal(err)
	}
	var want time.Duration
	for _, p := range [][]byte{a, b, a} {
		s, err := Strip(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Duration(s)
		if err != nil {
			t.Fatal(err)
		}
		want += d
	}
	got, err := Duration(joined)
	if err != nil {
		t.Fatal(err)
	}
	if diff := got - want; diff < -time.Millisecond || diff > time.Millisecond {
		t.Fatalf("joined duration = %v, want sum of parts %v", got, want)
	}
	if got < 1300*time.Millisecond {
		t.Fatalf("joined duration %v shorter than the 1.4 s of audio put in", got)
	}
	for _, marker := range []string{"ID3", "Xing", "Info", "LAME 64bits"} {
		if bytes.Contains(joined, []byte(marker)) {
			t.Errorf("joined stream still contains %q", marker)
		}
	}
	if bytes.HasSuffix(joined[:len(joined)-125], []byte("TAG")) {
		t.Error("joined stream ends with an ID3v1 tag")
	}
}

func TestJoinMP3StripsInfoFrameAfterCRC(t *testing.T) {
	crc := readTestdata(t, "crc.mp3") // frames protected by a CRC
	joined, err := Join([][]byte{crc, readTestdata(t, "sine.mp3")})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(joined, []byte("Info")) || bytes.Contains(joined, []byte("Xing")) {
		t.Error("info frame of a CRC-protected file kept")
	}
	if d, err := Duration(joined); err != nil || d < time.Second {
		t.Errorf("joined duration %v, %v", d, err)
	}
}

func TestJoinMP3Errors(t *testing.T) {
	sine := readTestdata(t, "sine.mp3")
	cases := map[string]struct {
		parts [][]byte
		want  string
	}{
		"no parts":    {nil, "no parts"},
		"garbage":     {[][]byte{sine, []byte("hello world, no frames here")}, "part 1"},
		"rate change": {[][]byte{sine, readTestdata(t, "rate44k.mp3")}, "44100 Hz"},
		"only header": {[][]byte{readTestdata(t, "sine.mp3")[:208]}, "part 0"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Join(c.parts)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "mp3: ") {
				t.Fatalf("err = %v, want one containing %q", err, c.want)
			}
		})
	}
}

func FuzzStripMP3(f *testing.F) {
	for _, name := range []string{"sine.mp3", "tagged.mp3", "crc.mp3", "rate44k.mp3"} {
		b := readTestdata(f, name)
		f.Add(b)
		f.Add(b[:300])
	}
	f.Add([]byte("ID3\x03\x00\x00\x7f\x7f\x7f\x7f"))
	f.Add([]byte{0xff, 0xf3, 0x80, 0xc4})
	f.Fuzz(func(t *testing.T, b []byte) {
		frames, err := Strip(b)
		if err != nil {
			return
		}
		if _, ok := parseFrameHeader(frames); !ok {
			t.Fatalf("Strip returned data that does not start with a frame")
		}
		if _, err := Join([][]byte{b, b}); err != nil {
			t.Fatalf("Strip accepted what Join rejects: %v", err)
		}
	})
}
