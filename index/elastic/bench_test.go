package elastic

import (
	"context"
	"testing"

	"dxnews/index/indextest"
)

// BenchmarkIndex reports bulk indexing throughput of the synthetic corpus
// into a live cluster (DXNEWS_ES_URL), entity documents included.
func BenchmarkIndex(b *testing.B) {
	docs := indextest.Synthetic(indextest.BenchDocs, 500, 1)
	for b.Loop() {
		ix := openLive(b)
		if err := ix.Index(context.Background(), docs...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(indextest.BenchDocs*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkQuery runs the queries of the Bleve query benchmark against a
// live cluster holding the same synthetic corpus:
//
//	DXNEWS_ES_URL=http://127.0.0.1:9200 go test -run '^$' -bench Query ./index/elastic/ ./index/bleve/
func BenchmarkQuery(b *testing.B) {
	docs := indextest.Synthetic(indextest.BenchDocs, 500, 1)
	ix := openLive(b)
	if err := ix.Index(context.Background(), docs...); err != nil {
		b.Fatal(err)
	}
	indextest.BenchQueries(b, ix, docs, nil)
}
