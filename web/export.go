package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"unicode"

	"dxnews/article"
	"dxnews/resolve"
)

// Export page sizes.
const (
	defaultExportLimit = 100
	maxExportLimit     = 1000
	maxCursorLen       = 512
	badCursorReason    = "not a cursor returned in X-Next-Cursor"
)

// handleExport streams articles as NDJSON, one per line, from the cursor in
// "since"; the X-Next-Cursor header carries the cursor for the next call.
func (s *server) handleExport(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	since := v.Get("since")
	if len(since) > maxCursorLen || strings.IndexFunc(since, unicode.IsControl) >= 0 {
		s.badRequest(w, r, "since", badCursorReason)
		return
	}
	limit, err := intParam(v, "limit", defaultExportLimit, 1, maxExportLimit)
	if err != nil {
		s.failQuery(w, r, err, "")
		return
	}
	// Records carry the resolved entity IDs: while they are loading, the
	// client is told to come back rather than given records without them
	// and a cursor past them.
	g, ok := s.exportGraph(w, r)
	if !ok {
		return
	}
	arts, next, err := s.store.Since(r.Context(), since, limit)
	if err != nil && since != "" && r.Context().Err() == nil {
		// The store does not say why it failed; if it can read from the
		// start, the cursor was at fault.
		if _, _, errStart := s.store.Since(r.Context(), "", 1); errStart == nil {
			s.badRequest(w, r, "since", badCursorReason)
			return
		}
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "export failed", err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/x-ndjson; charset=utf-8")
	h.Set("X-Next-Cursor", next)
	h.Set("Access-Control-Expose-Headers", "X-Next-Cursor")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		if err := enc.Encode(exportRecord(g, s.withAudio(a))); err != nil {
			s.logFailure(r, http.StatusInternalServerError, "export interrupted", err)
			return
		}
	}
}

// exportGraph returns the resolved entities for the export, nil when
// there are none (the records then carry no entity_ids). It answers 503
// and reports false while they are still loading.
func (s *server) exportGraph(w http.ResponseWriter, r *http.Request) (*resolve.Graph, bool) {
	if s.resolver == nil {
		return nil, true
	}
	g, err := s.resolver.Graph(r.Context())
	if errors.Is(err, ErrNotReady) {
		w.Header().Set("Retry-After", "5")
		s.fail(w, r, http.StatusServiceUnavailable, err.Error(), nil)
		return nil, false
	}
	if err != nil {
		s.logFailure(r, http.StatusOK, "export without entity ids", err)
		return nil, true
	}
	return g, true
}

// exportRecord is an article as the NDJSON export writes it: the article
// record with the resolved IDs of its entities.
func exportRecord(g *resolve.Graph, a article.Article) any {
	if g == nil {
		return a
	}
	ids := g.IDsOf(a)
	return struct {
		article.Article
		EntityIDs *resolve.EntityIDs `json:"entity_ids"`
	}{a, &ids}
}
