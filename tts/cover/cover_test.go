package cover

import (
	"bytes"
	"image/png"
	"testing"
)

func TestCoversAreDistinctSquarePNGs(t *testing.T) {
	seen := map[string]string{}
	for voice := range palette {
		for _, size := range []int{TagSize, FeedSize} {
			b, err := PNG(voice, size)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s: %v", voice, err)
			}
			if r := img.Bounds(); r.Dx() != size || r.Dy() != size {
				t.Errorf("%s: %v, want %d square", voice, r, size)
			}
			if other, dup := seen[string(b)]; dup {
				t.Errorf("%s looks exactly like %s", voice, other)
			}
			seen[string(b)] = voice
			if size == TagSize && len(b) > 30_000 {
				t.Errorf("%s: tag cover is %d bytes; keep it small, it goes in every MP3", voice, len(b))
			}
			// The motif is drawn: the middle bar is white, a corner is not.
			if r, g, bl, _ := img.At(size/2, size*2/5).RGBA(); r>>8 != 0xff || g>>8 != 0xff || bl>>8 != 0xff {
				t.Errorf("%s: centre is not the white wave", voice)
			}
			if r, g, bl, _ := img.At(1, 1).RGBA(); r>>8 == 0xff && g>>8 == 0xff && bl>>8 == 0xff {
				t.Errorf("%s: corner is white", voice)
			}
		}
	}
	again, _ := PNG("south-male", TagSize)
	first, _ := PNG("south-male", TagSize)
	if &again[0] != &first[0] {
		t.Error("cover drawn again instead of kept")
	}
	if _, err := PNG("robot", TagSize); err == nil {
		t.Error("unknown voice drew a cover")
	}
	if _, err := PNG("north-male", 10); err == nil {
		t.Error("tiny size accepted")
	}
}
