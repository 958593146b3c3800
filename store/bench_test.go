package store

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"dxnews/article"
)

// benchLogEntries is the change log's length in the export benchmarks.
const benchLogEntries = 100_000

// openBenchStore opens a store whose change log holds n changes of n/2
// articles (each changed twice), of which the last 1,000 have their files.
// It writes the files directly: Put syncs, and n of them would take minutes.
func openBenchStore(b *testing.B, n int) *Store {
	b.Helper()
	dir := b.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "articles.log"))
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	id := func(i int) string { return fmt.Sprintf("%016x", i%(n/2)) }
	for i := range n {
		fmt.Fprintf(w, "%d\t%s\n", i+1, id(i))
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for i := n - 1000; i < n; i++ {
		a := article.Article{ID: id(i), URL: "https://tin.example.vn/" + id(i), Title: "Chuyển đổi số " + strconv.Itoa(i)}
		data, _ := json.Marshal(a)
		if err := os.WriteFile(filepath.Join(dir, "articles", a.ID+".json"), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return openStore(b, dir)
}

// BenchmarkSince pages 50 articles from 500 changes before the head of a
// 100,000-line change log: an export reader that keeps up.
func BenchmarkSince(b *testing.B) {
	s := openBenchStore(b, benchLogEntries)
	ctx := context.Background()
	cursor := strconv.Itoa(benchLogEntries - 500)
	for b.Loop() {
		arts, _, err := s.Since(ctx, cursor, 50)
		if err != nil || len(arts) != 50 {
			b.Fatalf("Since = %d articles, %v", len(arts), err)
		}
	}
}

// BenchmarkChanged lists the 500 articles changed last in a 100,000-line
// change log: an index that keeps up.
func BenchmarkChanged(b *testing.B) {
	s := openBenchStore(b, benchLogEntries)
	ctx := context.Background()
	cursor := strconv.Itoa(benchLogEntries - 500)
	for b.Loop() {
		ids, _, err := s.Changed(ctx, cursor)
		if err != nil || len(ids) != 500 {
			b.Fatalf("Changed = %d ids, %v", len(ids), err)
		}
	}
}
