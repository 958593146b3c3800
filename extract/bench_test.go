package extract

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"dxnews/corpus"
)

// benchTexts are the fixtures and, when present, the annotated corpus.
func benchTexts(b *testing.B) []string {
	var parts []string
	files, _ := filepath.Glob("testdata/*.txt")
	if c, err := corpus.Dir(); err == nil {
		more, _ := filepath.Glob(filepath.Join(c, "articles", "*.txt"))
		files = append(files, more...)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(raw))
	}
	return parts
}

// cpuSeconds is the user and system CPU time of the process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// reportCPUThroughput adds MB of text per CPU-second, which stays
// meaningful when other processes share the machine and wall-clock MB/s
// does not.
func reportCPUThroughput(b *testing.B, bytes int, start float64) {
	if cpu := cpuSeconds() - start; cpu > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/cpu/1e6, "MB/cpu-s")
	}
}

// BenchmarkEntities reports throughput (MB/s) and allocations for
// extracting all texts joined into one document.
func BenchmarkEntities(b *testing.B) {
	benchText(b, strings.Join(benchTexts(b), "\n\n"))
}

// benchText reports throughput and allocations for extracting text.
func benchText(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cpuSeconds()
	for b.Loop() {
		Entities(text)
	}
	reportCPUThroughput(b, len(text), start)
}

// BenchmarkEntitiesPerArticle extracts the articles one at a time; an
// operation is one pass over all of them, so B/op compares with the total
// size of the articles.
func BenchmarkEntitiesPerArticle(b *testing.B) {
	texts := benchTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	start := cpuSeconds()
	for b.Loop() {
		for _, t := range texts {
			Entities(t)
		}
	}
	reportCPUThroughput(b, n, start)
}

// BenchmarkEntitiesLarge extracts one text of at least 5 MB made of the
// texts joined over and over, as a long report or a bulk import would be:
// throughput must not fall with size.
func BenchmarkEntitiesLarge(b *testing.B) {
	texts := benchTexts(b)
	var sb strings.Builder
	for sb.Len() < 5<<20 {
		for _, t := range texts {
			sb.WriteString(t)
			sb.WriteString("\n\n")
		}
	}
	benchText(b, sb.String())
}

// BenchmarkEntitiesLongRuns extracts texts made of one shape repeated
// into a very long sentence, list or line, where a rule that looks back to
// the start of its sentence or list would turn quadratic: MB/s must stay
// of the order of the other benchmarks.
func BenchmarkEntitiesLongRuns(b *testing.B) {
	for _, c := range []struct{ name, text string }{
		{"semicolons", "Tin\n\nMục tiêu đến năm 2030: " + strings.Repeat("80% hộ dân có cáp quang; ", 20000)},
		{"brackets", "Tin\n\nPhấn đấu " + strings.Repeat("(đến năm 2030 đạt 20%) ", 20000)},
		{"items", "Tin\n\nCác chỉ tiêu như sau:\n" + strings.Repeat("- 90% hồ sơ được xử lý trực tuyến.\n", 20000)},
		{"cues", "Tin\n\n" + strings.Repeat("mục tiêu phấn đấu đến năm 2030 ", 20000)},
		{"organisations", "Tin\n\n" + strings.Repeat("Sở Tài chính tỉnh Lạng Sơn, Sở TT&TT, UBND tỉnh, ", 20000)},
		{"decisions", "Tin\n\n" + strings.Repeat("Quyết định số 12/QĐ-UBND của UBND tỉnh, ", 20000)},
	} {
		b.Run(c.name, func(b *testing.B) { benchText(b, c.text) })
	}
}
