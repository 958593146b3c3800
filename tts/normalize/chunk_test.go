package normalize

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func byteLen(s string) int { return len(s) }

func TestChunkPacksSentences(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string
		max       int
		want      []string
	}{
		{"fits in one", []string{"Một.", "Hai."}, 20, []string{"Một. Hai."}},
		{"exact fit", []string{"Một.", "Hai."}, 9, []string{"Một. Hai."}},
		{"one over", []string{"Một.", "Hai."}, 8, []string{"Một.", "Hai."}},
		{"skips blanks", []string{" ", "Một.", ""}, 10, []string{"Một."}},
		{"no limit", []string{"Một.", "Hai."}, 0, []string{"Một. Hai."}},
		{"long sentence split at comma", []string{"Aaaa bbbb, cccc dddd eeee."}, 15, []string{"Aaaa bbbb,", "cccc dddd eeee."}},
		{"long sentence split at space", []string{"Aaaa bbbb cccc dddd eeee."}, 15, []string{"Aaaa bbbb cccc", "dddd eeee."}},
		{"early comma ignored", []string{"A, bbbb cccc dddd eeee ffff."}, 16, []string{"A, bbbb cccc", "dddd eeee ffff."}},
		{"no space hard cut", []string{"abcdefghij"}, 4, []string{"abcd", "efgh", "ij"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Chunk(tt.sentences, tt.max, utf8.RuneCountInString)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Chunk(%q, %d)\n got  %q\n want %q", tt.sentences, tt.max, got, tt.want)
			}
		})
	}
}

// TestChunkBackendLimits packs a long Vietnamese text under the limits of
// real backends and checks that no chunk is over its limit, that nothing
// is lost, and that sentences are only split when they must be.
func TestChunkBackendLimits(t *testing.T) {
	para := "Ủy ban nhân dân tỉnh đặt mục tiêu đến năm hai nghìn không trăm hai mươi lăm có một trăm phần trăm hồ sơ được xử lý trực tuyến. " +
		"Sở thông tin và truyền thông chủ trì, phối hợp với các sở, ban, ngành triển khai nền tảng số dùng chung. "
	text := strings.Repeat(para, 80)
	long := strings.Repeat("dữ liệu số dùng chung, ", 400) + "hết."
	sentences := append(Sentences(text), long)
	limits := []struct {
		name string
		max  int
		size func(string) int
	}{
		{"zalo 2000 characters", 2000, utf8.RuneCountInString},
		{"google 5000 bytes", 5000, byteLen},
		{"openai 4096 characters", 4096, utf8.RuneCountInString},
	}
	for _, l := range limits {
		t.Run(l.name, func(t *testing.T) {
			chunks := Chunk(sentences, l.max, l.size)
			if len(chunks) < 2 {
				t.Fatalf("got %d chunks, want several", len(chunks))
			}
			for i, c := range chunks {
				if n := l.size(c); n > l.max {
					t.Errorf("chunk %d has size %d > %d", i, n, l.max)
				}
				if !utf8.ValidString(c) {
					t.Errorf("chunk %d is not valid UTF-8", i)
				}
			}
			all := strings.Join(sentences, " ")
			if got := strings.Join(strings.Fields(strings.Join(chunks, " ")), " "); got != strings.Join(strings.Fields(all), " ") {
				t.Errorf("chunks do not add up to the input")
			}
			// Every short sentence must sit whole inside one chunk.
			for _, s := range sentences[:len(sentences)-1] {
				if !slices.ContainsFunc(chunks, func(c string) bool { return strings.Contains(c, s) }) {
					t.Fatalf("sentence split across chunks: %q", s)
				}
			}
		})
	}
}

func TestChunkMultiByteHardCut(t *testing.T) {
	s := strings.Repeat("ữ", 10) // 3 bytes each, no spaces
	chunks := Chunk([]string{s}, 7, byteLen)
	for _, c := range chunks {
		if len(c) > 7 || !utf8.ValidString(c) {
			t.Errorf("bad chunk %q (%d bytes)", c, len(c))
		}
	}
	if strings.Join(chunks, "") != s {
		t.Errorf("chunks %q lose text", chunks)
	}
	// A limit smaller than one character still makes progress.
	if got := Chunk([]string{"ữa"}, 1, byteLen); strings.Join(got, "") != "ữa" {
		t.Errorf("got %q", got)
	}
}
