package web

import (
	"context"
	"net/http"
)

type healthResponse struct {
	Status   string `json:"status"`
	Articles int    `json:"articles"`
	// Cluster is the search cluster's health (green, yellow, red) when the
	// index is a cluster.
	Cluster string `json:"cluster,omitempty"`
}

// ClusterHealther is implemented by indexes that live on a cluster; its
// status (green, yellow or red) is reported by /healthz.
type ClusterHealther interface {
	ClusterHealth(ctx context.Context) (string, error)
}

func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	n, err := s.index.Count(r.Context())
	if err != nil {
		s.fail(w, r, http.StatusServiceUnavailable, "index unavailable", err)
		return
	}
	res := healthResponse{Status: "ok", Articles: n}
	if c, ok := s.index.(ClusterHealther); ok {
		status, err := c.ClusterHealth(r.Context())
		if err != nil {
			s.fail(w, r, http.StatusServiceUnavailable, "search cluster unavailable", err)
			return
		}
		res.Cluster = status
		if status == "red" {
			res.Status = "degraded"
			s.writeJSON(w, r, http.StatusServiceUnavailable, res)
			return
		}
	}
	s.writeJSON(w, r, http.StatusOK, res)
}
