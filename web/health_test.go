package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// clusterIndex is an index that reports a cluster's health.
type clusterIndex struct {
	*testIndex
	status string
	err    error
}

func (c clusterIndex) ClusterHealth(context.Context) (string, error) { return c.status, c.err }

func TestHealthReportsTheCluster(t *testing.T) {
	for _, tc := range []struct {
		status string
		err    error
		code   int
		body   string
	}{
		{"yellow", nil, http.StatusOK, `{"status":"ok","articles":3,"cluster":"yellow"}`},
		{"red", nil, http.StatusServiceUnavailable, `{"status":"degraded","articles":3,"cluster":"red"}`},
		{"", errors.New("connection refused"), http.StatusServiceUnavailable, `{"error":"search cluster unavailable"}`},
	} {
		f := newFixture(t)
		h, err := New(Config{Index: clusterIndex{f.index, tc.status, tc.err}, Store: f.store})
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
		if rec.Code != tc.code || strings.TrimSpace(rec.Body.String()) != tc.body {
			t.Errorf("cluster %q/%v: %d %s, want %d %s", tc.status, tc.err, rec.Code, rec.Body, tc.code, tc.body)
		}
	}
}
