package indextest

import (
	"context"
	"sort"
	"testing"
	"time"

	"dxnews/article"
	"dxnews/index"
)

// BenchDocs is the size of the synthetic corpus the query benchmarks index.
const BenchDocs = 2000

// BenchQueries reports the latency (p50 and p95 per query) of the typical
// queries of the Bleve query benchmark against ix, which must hold docs
// (Synthetic(BenchDocs, 500, 1)), so two backends compare with one command.
// cpuTime, when not nil, returns the process's CPU time, and each query also
// reports the CPU it used per operation.
func BenchQueries(b *testing.B, ix index.Indexer, docs []article.Article, cpuTime func() time.Duration) {
	ctx := context.Background()
	person := docs[0].Entities.People[0].Name
	for _, tc := range []struct {
		name string
		run  func() error
	}{
		{"text", func() error { _, err := ix.Search(ctx, index.Query{Text: "chuyen doi so"}); return err }},
		{"text-exact", func() error { _, err := ix.Search(ctx, index.Query{Text: "chính quyền điện tử"}); return err }},
		{"all-newest", func() error { _, err := ix.Search(ctx, index.Query{}); return err }},
		{"person-filter", func() error { _, err := ix.Search(ctx, index.Query{Person: index.Fold(person)}); return err }},
		{"text-dates", func() error {
			_, err := ix.Search(ctx, index.Query{Text: "thanh pho", From: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC)})
			return err
		}},
		{"entities-person-q", func() error {
			_, err := ix.Entities(ctx, index.EntityQuery{Type: index.TypePerson, Q: index.Fold(person)})
			return err
		}},
		{"entities-person-all", func() error { _, err := ix.Entities(ctx, index.EntityQuery{Type: index.TypePerson}); return err }},
		{"get", func() error { _, err := ix.Get(ctx, docs[7].ID); return err }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var lat []time.Duration
			var cpu0 time.Duration
			if cpuTime != nil {
				cpu0 = cpuTime()
			}
			for b.Loop() {
				t0 := time.Now()
				if err := tc.run(); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t0))
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds()), "p95-µs")
			if cpuTime != nil {
				if cpu := cpuTime() - cpu0; cpu > 0 {
					b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/op")
				}
			}
		})
	}
}
