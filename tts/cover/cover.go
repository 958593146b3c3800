// Package cover draws the cover art of each dxnews voice: a square PNG
// with the voice's colour, a sound-wave motif and the name "dxnews". The
// same picture goes into every MP3's ID3 tag and the podcast feed's
// itunes:image, so a listener recognises the voice in any app. It is drawn
// by code, so the project ships no image files.
package cover

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"
)

// Sizes: podcast directories want 1,400 to 3,000 pixels for the show;
// the picture inside each MP3 stays small.
const (
	FeedSize = 1400
	TagSize  = 300
)

// palette holds the top and bottom colours of each voice's gradient.
var palette = map[string][2]color.NRGBA{
	"north-female":   {{0xc6, 0x28, 0x28, 0xff}, {0x6a, 0x0d, 0x2b, 0xff}},
	"north-male":     {{0x8e, 0x24, 0xaa, 0xff}, {0x31, 0x1b, 0x92, 0xff}},
	"south-female":   {{0x00, 0x89, 0x7b, 0xff}, {0x00, 0x4d, 0x40, 0xff}},
	"south-male":     {{0x15, 0x65, 0xc0, 0xff}, {0x0d, 0x2b, 0x5e, 0xff}},
	"central-female": {{0xef, 0x6c, 0x00, 0xff}, {0x8d, 0x2c, 0x00, 0xff}},
	"central-male":   {{0x55, 0x8b, 0x2f, 0xff}, {0x1b, 0x4d, 0x1b, 0xff}},
}

var (
	mu    sync.Mutex
	cache = map[[2]any][]byte{}
)

// PNG returns the cover of voice, size×size pixels, PNG-encoded. Covers
// are drawn once and kept; the returned slice must not be modified.
func PNG(voice string, size int) ([]byte, error) {
	cols, ok := palette[voice]
	if !ok {
		return nil, fmt.Errorf("cover: unknown voice %q", voice)
	}
	if size < 64 || size > 3000 {
		return nil, fmt.Errorf("cover: size %d outside 64…3000", size)
	}
	mu.Lock()
	defer mu.Unlock()
	k := [2]any{voice, size}
	if b, ok := cache[k]; ok {
		return b, nil
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, draw(cols, size)); err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	cache[k] = buf.Bytes()
	return buf.Bytes(), nil
}

// bars are the heights of the sound-wave motif, in eighths of its box.
var bars = []int{2, 3, 5, 4, 7, 8, 6, 8, 7, 4, 5, 3, 2}

func draw(cols [2]color.NRGBA, size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for y := range size {
		c := mix(cols[0], cols[1], float64(y)/float64(size-1))
		row := img.Pix[y*img.Stride : y*img.Stride+4*size]
		for x := 0; x < size; x++ {
			copy(row[4*x:], []byte{c.R, c.G, c.B, 0xff})
		}
	}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	// Sound-wave bars in the upper band, each centred on its line.
	box := size * 9 / 20
	mid := size * 2 / 5
	unit := size / (2*len(bars) + 6)
	left := (size - (2*len(bars)-1)*unit) / 2
	for i, h := range bars {
		bh := box * h / 8
		x0 := left + 2*i*unit
		fill(img, x0, mid-bh/2, x0+unit, mid+bh/2, white)
	}
	// "dxnews" in a 5×7 pixel font along the bottom.
	px := size / 40
	word := "dxnews"
	width := (len(word)*6 - 1) * px
	x := (size - width) / 2
	y := size - size/8 - 7*px
	for _, r := range word {
		g := glyphs[r]
		for row, line := range g {
			for col, ch := range line {
				if ch == '#' {
					fill(img, x+col*px, y+row*px, x+(col+1)*px, y+(row+1)*px, white)
				}
			}
		}
		x += 6 * px
	}
	return img
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	l := func(p, q uint8) uint8 { return uint8(float64(p) + (float64(q)-float64(p))*t + 0.5) }
	return color.NRGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 0xff}
}

func fill(img *image.NRGBA, x0, y0, x1, y1 int, c color.NRGBA) {
	for y := max(0, y0); y < min(img.Rect.Dy(), y1); y++ {
		for x := max(0, x0); x < min(img.Rect.Dx(), x1); x++ {
			img.SetNRGBA(x, y, c)
		}
	}
}

var glyphs = map[rune][7]string{
	'd': {"....#", "....#", ".####", "#...#", "#...#", "#...#", ".####"},
	'x': {".....", ".....", "#...#", ".#.#.", "..#..", ".#.#.", "#...#"},
	'n': {".....", ".....", "####.", "#...#", "#...#", "#...#", "#...#"},
	'e': {".....", ".....", ".###.", "#...#", "#####", "#....", ".###."},
	'w': {".....", ".....", "#...#", "#...#", "#.#.#", "#.#.#", ".#.#."},
	's': {".....", ".....", ".####", "#....", ".###.", "....#", "####."},
}
