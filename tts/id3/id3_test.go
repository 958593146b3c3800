package id3

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// frame is one parsed frame.
type frame struct {
	id   string
	body []byte
}

// parse reads a tag back, independently of the writer's helpers.
func parse(t *testing.T, b []byte) (version int, frames []frame) {
	t.Helper()
	if len(b) < 10 || string(b[:3]) != "ID3" {
		t.Fatalf("no ID3 header: % x", b[:min(10, len(b))])
	}
	version = int(b[3])
	size := syncsafe(b[6:10])
	if size+10 != len(b) {
		t.Fatalf("header size %d, tag has %d bytes after the header", size, len(b)-10)
	}
	return version, parseFrames(t, b[10:], version)
}

func parseFrames(t *testing.T, b []byte, version int) []frame {
	t.Helper()
	var out []frame
	for len(b) >= 10 && b[0] != 0 {
		n := int(binary.BigEndian.Uint32(b[4:8]))
		if version == 4 {
			n = syncsafe(b[4:8])
		}
		if 10+n > len(b) {
			t.Fatalf("frame %s of %d bytes overruns the tag", b[:4], n)
		}
		out = append(out, frame{string(b[:4]), b[10 : 10+n]})
		b = b[10+n:]
	}
	if len(b) != 0 {
		t.Fatalf("%d bytes left after the frames", len(b))
	}
	return out
}

func syncsafe(b []byte) int {
	return int(b[0])<<21 | int(b[1])<<14 | int(b[2])<<7 | int(b[3])
}

// decodeText decodes an encoded text field (encoding byte first).
func decodeText(t *testing.T, b []byte) string {
	t.Helper()
	switch b[0] {
	case 3:
		return strings.TrimRight(string(b[1:]), "\x00")
	case 1:
		if b[1] != 0xff || b[2] != 0xfe {
			t.Fatalf("UTF-16 without a little-endian BOM: % x", b[:3])
		}
		var u []uint16
		for i := 3; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])|uint16(b[i+1])<<8)
		}
		return strings.TrimRight(string(utf16.Decode(u)), "\x00")
	}
	t.Fatalf("text encoding %d", b[0])
	return ""
}

func sampleTag(v int) Tag {
	return Tag{
		Version: v, Title: "Đà Nẵng dẫn đầu chỉ số chuyển đổi số", Artist: "vnexpress.net",
		Album: "dxnews — Nữ miền Bắc", Genre: "Podcast", Language: "vie",
		Date:    time.Date(2022, 4, 10, 9, 40, 0, 0, time.FixedZone("ICT", 7*3600)),
		Comment: "https://vnexpress.net/da-nang-4450217.html", URL: "https://vnexpress.net/đà-nẵng.html",
		Cover: []byte("\x89PNG fake"), CoverMIME: "image/png",
		Chapters: []Chapter{
			{ID: "ch0", Start: 0, End: 4200 * time.Millisecond, Title: "Đà Nẵng dẫn đầu"},
			{ID: "ch1", Start: 4200 * time.Millisecond, End: 20 * time.Second, Title: "Mở đầu"},
			{ID: "ch2", Start: 20 * time.Second, End: 61 * time.Second, Title: "Kinh tế số là điểm nghẽn", URL: "https://x.vn/#h"},
		},
	}
}

func TestTagRoundTrip(t *testing.T) {
	for _, v := range []int{3, 4} {
		tag := sampleTag(v)
		b, err := tag.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		version, frames := parse(t, b)
		if version != v {
			t.Fatalf("version %d, want %d", version, v)
		}
		texts := map[string]string{}
		var chaps []frame
		for _, f := range frames {
			switch {
			case f.id[0] == 'T':
				texts[f.id] = decodeText(t, f.body)
			case f.id == "CHAP":
				chaps = append(chaps, f)
			case f.id == "COMM":
				if string(f.body[1:4]) != "vie" || !strings.Contains(decodeText(t, append([]byte{f.body[0]}, f.body[4:]...)), tag.Comment) {
					t.Errorf("v2.%d COMM = % x", v, f.body)
				}
			case f.id == "WOAS":
				if got := string(f.body); got != "https://vnexpress.net/%C4%91%C3%A0-n%E1%BA%B5ng.html" {
					t.Errorf("WOAS = %q", got)
				}
			case f.id == "APIC":
				if !bytes.HasSuffix(f.body, tag.Cover) || !bytes.Contains(f.body, []byte("image/png\x00\x03")) {
					t.Errorf("APIC = % x", f.body)
				}
			case f.id == "CTOC":
				want := "toc\x00\x03\x03ch0\x00ch1\x00ch2\x00"
				if string(f.body) != want {
					t.Errorf("CTOC = %q, want %q", f.body, want)
				}
			}
		}
		wantTexts := map[string]string{"TIT2": tag.Title, "TPE1": tag.Artist, "TALB": tag.Album, "TLAN": "vie", "TCON": "Podcast"}
		if v == 4 {
			wantTexts["TDRC"] = "2022-04-10"
		} else {
			wantTexts["TYER"], wantTexts["TDAT"] = "2022", "1004"
		}
		for id, want := range wantTexts {
			if texts[id] != want {
				t.Errorf("v2.%d %s = %q, want %q", v, id, texts[id], want)
			}
		}
		if len(chaps) != 3 {
			t.Fatalf("v2.%d: %d CHAP frames, want 3", v, len(chaps))
		}
		for i, c := range chaps {
			want := tag.Chapters[i]
			id, rest, _ := bytes.Cut(c.body, []byte{0})
			start := binary.BigEndian.Uint32(rest[0:])
			end := binary.BigEndian.Uint32(rest[4:])
			if string(id) != want.ID || int64(start) != want.Start.Milliseconds() || int64(end) != want.End.Milliseconds() ||
				binary.BigEndian.Uint32(rest[8:]) != 0xffffffff {
				t.Errorf("CHAP %d = %q %d–%d", i, id, start, end)
			}
			sub := parseFrames(t, rest[16:], v)
			if sub[0].id != "TIT2" || decodeText(t, sub[0].body) != want.Title {
				t.Errorf("CHAP %d title frame %s %q", i, sub[0].id, sub[0].body)
			}
			if (want.URL != "") != (len(sub) == 2) {
				t.Errorf("CHAP %d has %d sub-frames", i, len(sub))
			}
		}
	}
}

func TestTagErrors(t *testing.T) {
	for name, tag := range map[string]Tag{
		"version":       {Version: 2, Title: "x"},
		"cover no mime": {Cover: []byte{1}},
		"repeated id":   {Chapters: []Chapter{{ID: "a"}, {ID: "a"}}},
		"reserved id":   {Chapters: []Chapter{{ID: "toc"}}},
		"backwards":     {Chapters: []Chapter{{ID: "a", Start: time.Second}}},
	} {
		if _, err := tag.Bytes(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// ffprobe, when installed, is an independent reader: it must see the
// tags and the chapters. (The project never needs ffmpeg to run.)
func TestFFprobeReadsTag(t *testing.T) {
	probe, err := exec.LookPath("ffprobe")
	if err != nil {
		t.Skip("ffprobe not installed; the round-trip test covers the format")
	}
	audio, err := os.ReadFile(filepath.Join("..", "testdata", "sine.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []int{3, 4} {
		tag := sampleTag(v)
		// Chapters inside the 0.6 s of audio.
		tag.Chapters = []Chapter{
			{ID: "ch0", Start: 0, End: 300 * time.Millisecond, Title: "Đầu"},
			{ID: "ch1", Start: 300 * time.Millisecond, End: 600 * time.Millisecond, Title: "Kinh tế số"},
		}
		b, err := tag.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), "x.mp3")
		os.WriteFile(p, append(b, audio...), 0o644)
		out, err := exec.Command(probe, "-hide_banner", "-show_chapters", "-show_format", p).CombinedOutput()
		if err != nil {
			t.Fatalf("ffprobe: %v\n%s", err, out)
		}
		for _, want := range []string{
			"TAG:title=" + tag.Title, "TAG:artist=vnexpress.net", "TAG:album=dxnews — Nữ miền Bắc",
			"TAG:language=vie", "TAG:comment=" + tag.Comment, "TAG:title=Kinh tế số", "end_time=0.600000",
		} {
			if !strings.Contains(string(out), want) {
				t.Errorf("v2.%d: ffprobe output lacks %q:\n%s", v, want, out)
			}
		}
	}
}
