package normalize

import (
	"os"
	"testing"
	"unicode/utf8"

	"dxnews/article"
)

func benchArticle(b *testing.B) string {
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// BenchmarkText measures normalisation throughput on a ~3,000-character
// article (MB/s of input).
func BenchmarkText(b *testing.B) {
	s := benchArticle(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Text(s, article.North)
	}
}

// BenchmarkSentencesChunk measures splitting and chunking normalised text.
func BenchmarkSentencesChunk(b *testing.B) {
	s := Text(benchArticle(b), article.North)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Chunk(Sentences(s), 2000, utf8.RuneCountInString)
	}
}
