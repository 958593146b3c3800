// Package metricstest reads a Prometheus /metrics answer in tests: it
// parses the text with the client library's own parser and finds one
// sample by family name and labels.
package metricstest

import (
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Scrape parses a /metrics body; text that does not parse fails the test.
func Scrape(t testing.TB, body string) map[string]*dto.MetricFamily {
	t.Helper()
	p := expfmt.NewTextParser(model.LegacyValidation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatalf("metrics do not parse: %v\n%s", err, body)
	}
	return fams
}

// Sample returns the first metric of family name whose labels include
// labels, and whether there is one.
func Sample(fams map[string]*dto.MetricFamily, name string, labels map[string]string) (*dto.Metric, bool) {
next:
	for _, m := range fams[name].GetMetric() {
		have := map[string]string{}
		for _, l := range m.GetLabel() {
			have[l.GetName()] = l.GetValue()
		}
		for k, v := range labels {
			if have[k] != v {
				continue next
			}
		}
		return m, true
	}
	return nil, false
}
