package resolve

import (
	"context"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// BenchmarkResolve100k resolves 100,000 generated articles the way
// reindex does: every article turned into a Doc, then one Build.
//
//	go test -run '^$' -bench Resolve100k -benchtime 1x ./resolve/
func BenchmarkResolve100k(b *testing.B) {
	arts := SampleArticles(100_000)
	runtime.GC()
	b.ResetTimer()
	for range b.N {
		cpu := cpuTime()
		r := NewResolver()
		r.Load(arts)
		g, err := r.Graph(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		// CPU seconds, all threads: on a shared machine wall time
		// says more about the neighbours than about this code.
		b.ReportMetric((cpuTime() - cpu).Seconds(), "cpu-s")
		b.ReportMetric(float64(len(g.byID)), "entities")
		b.ReportMetric(float64(len(g.goals)), "goals")
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
	}
}

// BenchmarkResolve1k is the same on 1,000 articles, a baseline for the
// 100k figure measured in the same run.
func BenchmarkResolve1k(b *testing.B) {
	arts := SampleArticles(1_000)
	b.ResetTimer()
	for range b.N {
		r := NewResolver()
		r.Load(arts)
		if _, err := r.Graph(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
