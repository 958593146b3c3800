package bleve

import (
	"context"
	"io/fs"
	"path/filepath"
	"runtime"
	"testing"

	"dxnews/index"
	"dxnews/index/indextest"
)

// benchDocs is the size of the synthetic corpus the benchmarks index.
const benchDocs = 2000

// BenchmarkIndex reports indexing throughput for benchDocs synthetic
// articles of about 500 words, in memory and on disk. docs/cpu-s divides by
// the CPU time of the whole process, background merging included, and is
// steadier than docs/s on a busy machine.
func BenchmarkIndex(b *testing.B) {
	docs := indextest.Synthetic(benchDocs, 500, 1)
	for _, disk := range []bool{false, true} {
		name := "memory"
		if disk {
			name = "disk"
		}
		b.Run(name, func(b *testing.B) {
			cpu0 := cpuTime()
			var dir string
			for b.Loop() {
				if disk {
					dir = filepath.Join(b.TempDir(), "index")
				}
				ix, err := Open(dir, nil)
				if err != nil {
					b.Fatal(err)
				}
				if err := ix.Index(context.Background(), docs...); err != nil {
					b.Fatal(err)
				}
				if err := ix.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(benchDocs*b.N)/b.Elapsed().Seconds(), "docs/s")
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(float64(benchDocs*b.N)/cpu.Seconds(), "docs/cpu-s")
			}
			if disk {
				b.ReportMetric(float64(dirSize(b, dir))/1e6, "MB")
			}
		})
	}
}

// BenchmarkQuery reports latency of typical queries against benchDocs
// synthetic articles on disk, with p50 and p95 per query.
func BenchmarkQuery(b *testing.B) {
	docs := indextest.Synthetic(benchDocs, 500, 1)
	dir := filepath.Join(b.TempDir(), "index")
	ix, err := Open(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := ix.Index(ctx, docs...); err != nil {
		b.Fatal(err)
	}
	// Reopen so that merging left over from indexing does not run during
	// the measurements.
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
	if ix, err = Open(dir, nil); err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	indextest.BenchQueries(b, ix, docs, cpuTime)
}

// dirSize is the total size of the files under dir.
func dirSize(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkEntityTable100k reports the live heap of the entity table over
// 100,000 synthetic articles, and the cost of a look-up of every person.
func BenchmarkEntityTable100k(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t, _, _ := entityTable100k()
	runtime.GC()
	runtime.ReadMemStats(&after)
	cpu0 := cpuTime()
	for b.Loop() {
		t.lookup(index.EntityQuery{Type: index.TypePerson, Size: 20})
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "table-MB")
	b.ReportMetric(float64(len(t.types[index.TypePerson])), "people")
}

// BenchmarkEntityTable100kUpdate reports the cost of writing one article
// of a table of 100,000 again as it was (reindex), of replacing it with the
// entities and date of another (replace), and of the same followed by a
// look-up of the people named most.
func BenchmarkEntityTable100kUpdate(b *testing.B) {
	t, ids, docs := entityTable100k()
	n := len(ids)
	for _, c := range []struct {
		name   string
		other  int // docs[k*other % n] replaces article k
		lookup bool
	}{{"reindex", 1, false}, {"replace", 7919, false}, {"replace-lookup", 7919, true}} {
		b.Run(c.name, func(b *testing.B) {
			k := 0
			cpu0 := cpuTime()
			for b.Loop() {
				k++
				t.replace(ids[k%n], docs[(k*c.other)%n])
				if c.lookup {
					t.lookup(index.EntityQuery{Type: index.TypePerson, Size: 20})
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// entityTable100k builds the entity table of 100,000 synthetic articles as
// a build from the index does, and returns it with the articles' IDs and
// entities.
func entityTable100k() (*entityTable, []string, []docEntities) {
	const n = 100_000
	ids := make([]string, n)
	docs := make([]docEntities, n)
	for i := range n {
		a := indextest.Archive(n, i, 1)
		ids[i], docs[i] = a.ID, entitiesOf(a)
	}
	t := newEntityTable()
	t.reserve(n)
	for i := range n {
		t.put(ids[i], docs[i])
	}
	t.link()
	return t, ids, docs
}
