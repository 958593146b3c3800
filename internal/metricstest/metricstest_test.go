package metricstest

import "testing"

func TestSample(t *testing.T) {
	fams := Scrape(t, `# TYPE requests_total counter
requests_total{route="/a",code="200"} 3
requests_total{route="/a",code="500"} 1
# TYPE up gauge
up 1
`)
	if m, ok := Sample(fams, "requests_total", map[string]string{"code": "500"}); !ok || m.GetCounter().GetValue() != 1 {
		t.Errorf("code 500: %v, %v", m, ok)
	}
	if m, ok := Sample(fams, "requests_total", nil); !ok || m.GetCounter().GetValue() != 3 {
		t.Errorf("no labels: %v, %v, want the first sample", m, ok)
	}
	if m, ok := Sample(fams, "up", nil); !ok || m.GetGauge().GetValue() != 1 {
		t.Errorf("up: %v, %v", m, ok)
	}
	if m, ok := Sample(fams, "requests_total", map[string]string{"code": "404"}); ok || m != nil {
		t.Errorf("code 404: %v, %v, want none", m, ok)
	}
	if _, ok := Sample(fams, "missing_total", nil); ok {
		t.Error("a missing family has a sample")
	}
}
