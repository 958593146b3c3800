package web

import "net/http"

type healthResponse struct {
	Status   string `json:"status"`
	Articles int    `json:"articles"`
}

func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	n, err := s.index.Count(r.Context())
	if err != nil {
		s.fail(w, r, http.StatusServiceUnavailable, "index unavailable", err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, healthResponse{Status: "ok", Articles: n})
}
