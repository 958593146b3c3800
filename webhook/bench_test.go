package webhook_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"dxnews/webhook"
)

// BenchmarkDeliver measures events delivered per second to a local receiver,
// each with its signature and a synced cursor.
func BenchmarkDeliver(b *testing.B) {
	const n = 200
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	for b.Loop() {
		b.StopTimer()
		st, _ := newStore(b, n)
		s, err := webhook.New(webhook.Config{URLs: []string{srv.URL}, Secret: secret, StateDir: b.TempDir(), Source: st})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.Deliver(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "events/s")
}
